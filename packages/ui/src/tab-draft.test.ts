import { describe, expect, it } from 'vitest';
import { tabDraftStore } from './tab-draft.ts';

/** The Web Storage interface over a Map: Node has no sessionStorage, the browser tests use the real one. */
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
const HOUR = 60 * 60 * 1000;
const drafts = tabDraftStore('vi.test-form', 3 * HOUR);

describe('a public page’s draft in the tab', () => {
  it('resumes the answers for the same link, and after a reload without the link in the address', () => {
    const store = new MemoryStorage();
    drafts.save({ token: 'link-a', answers: { age: 41 }, page: 2 }, T0, store);
    expect(drafts.forLink('link-a', T0 + 1000, store)).toMatchObject({
      token: 'link-a',
      answers: { age: 41 },
      page: 2,
    });
    expect(drafts.forLink(null, T0 + 1000, store)?.token).toBe('link-a');
  });

  it('never gives one person’s answers to another link opened in the same tab, and deletes them', () => {
    const store = new MemoryStorage();
    drafts.save({ token: 'link-a', answers: { comment: 'privat' }, page: 4 }, T0, store);
    expect(drafts.forLink('link-b', T0 + 1000, store)).toBeNull();
    expect(store.getItem('vi.test-form')).toBeNull();
  });

  it('drops a draft left idle too long, one from the future, a damaged one, and one cleared after sending', () => {
    const store = new MemoryStorage();
    drafts.save({ token: 'link-a', answers: {}, page: 0 }, T0, store);
    expect(drafts.read(T0 + 3 * HOUR - 1, store)).not.toBeNull();
    expect(drafts.read(T0 + 3 * HOUR + 1, store)).toBeNull();
    expect(store.length).toBe(0);

    drafts.save({ token: 'link-a', answers: {}, page: 0 }, T0 + HOUR, store);
    expect(drafts.read(T0, store)).toBeNull();

    store.setItem('vi.test-form', '{"token": 5}');
    expect(drafts.read(T0, store)).toBeNull();
    store.setItem('vi.test-form', 'not json');
    expect(drafts.read(T0, store)).toBeNull();
    expect(store.length).toBe(0);

    drafts.save({ token: 'link-a', answers: { age: 41 }, page: 1 }, T0, store);
    drafts.clear(store);
    expect(drafts.read(T0, store)).toBeNull();
  });

  it('keeps each page’s draft under its own key, with its own idle time', () => {
    const store = new MemoryStorage();
    const survey = tabDraftStore('vi.test-survey', 24 * HOUR);
    drafts.save({ token: 'form', answers: {}, page: 0 }, T0, store);
    survey.save({ token: 'survey', answers: {}, page: 1 }, T0, store);
    expect(drafts.read(T0 + 5 * HOUR, store)).toBeNull();
    expect(survey.read(T0 + 5 * HOUR, store)?.token).toBe('survey');
  });

  it('works without storage (blocked by privacy settings)', () => {
    expect(drafts.forLink('link-a', T0, null)).toBeNull();
    expect(() => drafts.save({ token: 'a', answers: {}, page: 0 }, T0, null)).not.toThrow();
    expect(() => drafts.clear(null)).not.toThrow();
  });
});
