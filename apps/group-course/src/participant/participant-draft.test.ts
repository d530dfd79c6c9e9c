import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_IDLE_MS,
  DRAFT_STORAGE_KEY,
  draftForLink,
  readDraft,
  saveDraft,
} from './participant-draft.ts';

/** The Web Storage interface over a Map: Node has no sessionStorage, the browser test uses the real one. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const T0 = Date.UTC(2026, 10, 30, 12, 0);

describe('the participant form draft', () => {
  it('resumes the answers for the same link, and after a reload without the link in the address', () => {
    const store = new MemoryStorage();
    saveDraft({ token: 'link-a', answers: { age: 41 }, page: 2 }, T0, store);
    expect(draftForLink('link-a', T0 + 1000, store)).toMatchObject({
      token: 'link-a',
      answers: { age: 41 },
      page: 2,
    });
    expect(draftForLink(null, T0 + 1000, store)?.token).toBe('link-a');
  });

  it('never gives one person’s answers to another link opened in the same tab, and deletes them', () => {
    const store = new MemoryStorage();
    saveDraft({ token: 'link-a', answers: { comment: 'privat' }, page: 4 }, T0, store);
    expect(draftForLink('link-b', T0 + 1000, store)).toBeNull();
    expect(store.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('drops a draft left idle too long, a damaged one, and one cleared after sending', () => {
    const store = new MemoryStorage();
    saveDraft({ token: 'link-a', answers: {}, page: 0 }, T0, store);
    expect(readDraft(T0 + DRAFT_IDLE_MS - 1, store)).not.toBeNull();
    expect(readDraft(T0 + DRAFT_IDLE_MS + 1, store)).toBeNull();
    expect(store.length).toBe(0);

    store.setItem(DRAFT_STORAGE_KEY, '{"token": 5}');
    expect(readDraft(T0, store)).toBeNull();
    store.setItem(DRAFT_STORAGE_KEY, 'not json');
    expect(readDraft(T0, store)).toBeNull();

    saveDraft({ token: 'link-a', answers: { age: 41 }, page: 1 }, T0, store);
    clearDraft(store);
    expect(readDraft(T0, store)).toBeNull();
  });
});
