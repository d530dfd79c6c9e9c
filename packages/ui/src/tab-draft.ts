import type { AnswerValue } from '@vi/domain';

/**
 * A public page's unsent answers in this tab (the participant forms and the outreach survey), so a
 * reload, a lost connection or a phone that puts the tab to sleep does not throw away a
 * half-filled form. One module for both pages: they had a copy each.
 *
 * Why sessionStorage is acceptable for these (sensitive) answers:
 * - it belongs to this one tab: it is not shared with other tabs, never sent to the server, and the
 *   browser deletes it when the tab is closed. localStorage would keep the answers on the device for
 *   days, for whoever uses the phone or the group's tablet next, so it is not used;
 * - it holds one form only: opening another link in the tab replaces it (the next person on a
 *   handed-round tablet never resumes someone else's answers), sending the form deletes it, and a
 *   draft left untouched for the page's idle time is dropped;
 * - the link's token is kept with it because the pages take the token out of the address bar at
 *   once (so the link is not in the history); without it a reload could not find the form again.
 *   The token is single-use and expires, and it is in the tab's storage, not in the history.
 */

export type TabDraft = {
  token: string;
  answers: Record<string, AnswerValue>;
  page: number;
  savedAt: number;
};

export type TabDraftStore = {
  /** The sessionStorage key of this page's draft. */
  readonly key: string;
  /** A draft untouched this long is dropped. */
  readonly idleMs: number;
  /** The tab's draft, if there is one that is neither damaged nor idle too long. */
  read(now?: number, store?: Storage | null): TabDraft | null;
  /**
   * The draft to resume for this link: the tab's draft when it is for the same link (or when the
   * page was reloaded and the address no longer holds a link). Another link's draft is deleted.
   */
  forLink(tokenFromAddress: string | null, now?: number, store?: Storage | null): TabDraft | null;
  save(draft: Omit<TabDraft, 'savedAt'>, now?: number, store?: Storage | null): void;
  /** After sending (or when the link turns out not to work): nothing of the form stays in the tab. */
  clear(store?: Storage | null): void;
};

function sessionStore(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Storage can be blocked (strict privacy settings): the form still works, only without a draft.
    return null;
  }
}

function isDraft(value: unknown): value is TabDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.token === 'string' &&
    typeof draft.answers === 'object' &&
    draft.answers !== null &&
    !Array.isArray(draft.answers) &&
    typeof draft.page === 'number' &&
    typeof draft.savedAt === 'number'
  );
}

/** The draft store of one public page, under its own key and with its own idle time. */
export function tabDraftStore(key: string, idleMs: number): TabDraftStore {
  const remove = (store: Storage | null) => {
    try {
      store?.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  };
  const read = (now = Date.now(), store: Storage | null = sessionStore()): TabDraft | null => {
    if (!store) return null;
    try {
      const raw = store.getItem(key);
      if (raw === null) return null;
      const draft: unknown = JSON.parse(raw);
      if (isDraft(draft) && now - draft.savedAt <= idleMs && draft.savedAt <= now) return draft;
    } catch {
      // Damaged: removed below.
    }
    remove(store);
    return null;
  };
  return {
    key,
    idleMs,
    read,
    forLink(tokenFromAddress, now = Date.now(), store = sessionStore()) {
      const draft = read(now, store);
      if (!draft) return null;
      if (tokenFromAddress === null || tokenFromAddress === draft.token) return draft;
      remove(store);
      return null;
    },
    save(draft, now = Date.now(), store = sessionStore()) {
      try {
        store?.setItem(key, JSON.stringify({ ...draft, savedAt: now }));
      } catch {
        // Full or blocked storage: the answers stay on the screen, only the reload safety net is lost.
      }
    },
    clear(store = sessionStore()) {
      remove(store);
    },
  };
}
