import { type TabDraft, tabDraftStore } from '@vi/ui';

/**
 * The participant form's unsent answers in this tab: the public pages' shared draft (packages/ui
 * tab-draft.ts, where sessionStorage and what it holds is explained), under this page's key.
 */
export type ParticipantDraft = TabDraft;

/** A draft untouched this long is dropped: a course session lasts a couple of hours. */
export const DRAFT_IDLE_MS = 3 * 60 * 60 * 1000;

const drafts = tabDraftStore('vi.participant-form', DRAFT_IDLE_MS);

export const draftForLink = drafts.forLink;
export const saveDraft = drafts.save;
export const clearDraft = drafts.clear;
