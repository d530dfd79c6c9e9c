import type { AnswerValue } from '@vi/domain';

/**
 * The person's unsent survey answers in this tab (sessionStorage), so a reload or a phone that
 * puts the tab to sleep does not lose them. As the participant forms' draft
 * (apps/group-course/src/participant/participant-draft.ts): one tab, never sent anywhere, deleted
 * when the tab closes, when the survey is sent or the link turns out not to work, and dropped
 * after DRAFT_IDLE_MS. The token is kept with it because the page takes it out of the address bar.
 */
export const SURVEY_DRAFT_KEY = 'vi.outreach-survey';

/** A phone left for a day with a half-answered survey starts again: the link itself lasts a week. */
export const DRAFT_IDLE_MS = 24 * 60 * 60 * 1000;

export type SurveyDraft = {
  token: string;
  answers: Record<string, AnswerValue>;
  page: number;
  savedAt: number;
};

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function isDraft(value: unknown): value is SurveyDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.token === 'string' &&
    typeof d.answers === 'object' &&
    d.answers !== null &&
    !Array.isArray(d.answers) &&
    typeof d.page === 'number' &&
    typeof d.savedAt === 'number'
  );
}

/**
 * The draft to resume for this link: the tab's draft when it is for the same token (or the
 * address held none, after a reload). Another link's draft is deleted, as is a damaged or idle one.
 */
export function surveyDraftFor(
  tokenFromAddress: string | null,
  now = Date.now(),
  store = storage(),
): SurveyDraft | null {
  if (!store) return null;
  try {
    const raw = store.getItem(SURVEY_DRAFT_KEY);
    if (raw === null) return null;
    const draft: unknown = JSON.parse(raw);
    const usable =
      isDraft(draft) &&
      now - draft.savedAt <= DRAFT_IDLE_MS &&
      draft.savedAt <= now &&
      (tokenFromAddress === null || tokenFromAddress === draft.token);
    if (usable) return draft;
  } catch {
    // Damaged: removed below.
  }
  store.removeItem(SURVEY_DRAFT_KEY);
  return null;
}

export function saveSurveyDraft(
  draft: Omit<SurveyDraft, 'savedAt'>,
  now = Date.now(),
  store = storage(),
): void {
  try {
    store?.setItem(SURVEY_DRAFT_KEY, JSON.stringify({ ...draft, savedAt: now }));
  } catch {
    // Full or blocked storage: only the reload safety net is lost.
  }
}

export function clearSurveyDraft(store = storage()): void {
  try {
    store?.removeItem(SURVEY_DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}
