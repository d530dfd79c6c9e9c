import type { AnswerValue } from '@vi/domain';

/**
 * The participant's unsent answers, kept so that a reload, a lost connection or a phone that puts
 * the tab to sleep does not throw away a half-filled form.
 *
 * Why sessionStorage is acceptable for these (sensitive) answers:
 * - it belongs to this one tab: it is not shared with other tabs, never sent to the server, and the
 *   browser deletes it when the tab is closed. localStorage would keep the answers on the device for
 *   days, for whoever uses the phone or the group's tablet next, so it is not used;
 * - it holds one form only: opening another link in the tab replaces it (the next person on a
 *   handed-round tablet never resumes someone else's answers), sending the form deletes it, and a
 *   draft left untouched for DRAFT_IDLE_MS is dropped;
 * - the link's token is kept with it because the page takes the token out of the address bar at once
 *   (so the link is not in the history); without it a reload could not find the form again. The token
 *   is single-use and expires, and it is in the tab's storage, not in the history or a bookmark.
 */
export const DRAFT_STORAGE_KEY = 'vi.participant-form';

/** A draft untouched this long is dropped: a course session lasts a couple of hours. */
export const DRAFT_IDLE_MS = 3 * 60 * 60 * 1000;

export type ParticipantDraft = {
  token: string;
  answers: Record<string, AnswerValue>;
  page: number;
  savedAt: number;
};

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Storage can be blocked (strict privacy settings): the form still works, only without a draft.
    return null;
  }
}

function isDraft(value: unknown): value is ParticipantDraft {
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

/** The tab's draft, if there is one that is neither damaged nor idle too long. */
export function readDraft(now = Date.now(), store = storage()): ParticipantDraft | null {
  if (!store) return null;
  try {
    const raw = store.getItem(DRAFT_STORAGE_KEY);
    if (raw === null) return null;
    const draft: unknown = JSON.parse(raw);
    if (!isDraft(draft) || now - draft.savedAt > DRAFT_IDLE_MS || draft.savedAt > now) {
      store.removeItem(DRAFT_STORAGE_KEY);
      return null;
    }
    return draft;
  } catch {
    store.removeItem(DRAFT_STORAGE_KEY);
    return null;
  }
}

/**
 * The draft to resume for this link: the tab's draft when it is for the same link (or when the page
 * was reloaded and the address no longer holds a link). A different link starts afresh and the
 * other draft is deleted.
 */
export function draftForLink(tokenFromAddress: string | null, now = Date.now(), store = storage()) {
  const draft = readDraft(now, store);
  if (!draft) return null;
  if (tokenFromAddress === null || tokenFromAddress === draft.token) return draft;
  store?.removeItem(DRAFT_STORAGE_KEY);
  return null;
}

export function saveDraft(
  draft: Omit<ParticipantDraft, 'savedAt'>,
  now = Date.now(),
  store = storage(),
): void {
  try {
    store?.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ ...draft, savedAt: now }));
  } catch {
    // Full or blocked storage: the answers stay on the screen, only the reload safety net is lost.
  }
}

/** After sending (or when the link turns out not to work): nothing of the form stays in the tab. */
export function clearDraft(store = storage()): void {
  try {
    store?.removeItem(DRAFT_STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
