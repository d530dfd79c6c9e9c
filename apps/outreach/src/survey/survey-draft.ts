import { type TabDraft, tabDraftStore } from '@vi/ui';

/**
 * The person's unsent survey answers in this tab: the public pages' shared draft (packages/ui
 * tab-draft.ts, where sessionStorage and what it holds is explained), under this page's key.
 */
export type SurveyDraft = TabDraft;

/** A phone left for a day with a half-answered survey starts again: the link itself lasts a week. */
export const DRAFT_IDLE_MS = 24 * 60 * 60 * 1000;

const drafts = tabDraftStore('vi.outreach-survey', DRAFT_IDLE_MS);

export const surveyDraftFor = drafts.forLink;
export const saveSurveyDraft = drafts.save;
export const clearSurveyDraft = drafts.clear;
