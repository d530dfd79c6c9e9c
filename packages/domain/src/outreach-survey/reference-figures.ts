import type { Label } from '../labels.ts';

/**
 * The user survey of Projekt Opsøgende Indsats, for comparing a live installation's figures
 * with the project's. Counts as the evaluation report prints them (chapter 2, "Interne
 * registreringer og eksternt spørgeskema", and the telephone interviews): the survey ran from
 * late January to November 2019; no reminders were sent, to keep it anonymous.
 */
export const OUTREACH_SURVEY_REFERENCE = {
  source: {
    da: 'Evaluering af Projekt Opsøgende Indsats, København 2018-2020; brugerundersøgelsen "Offerrådgivningen i Hovedstaden – Evaluering af opsøgende indsats", Kantar Gallup for Røde Kors Hovedstaden',
    en: 'Evaluation of Projekt Opsøgende Indsats, Copenhagen 2018-2020; the user survey "Offerrådgivningen i Hovedstaden – Evaluering af opsøgende indsats", Kantar Gallup for the Danish Red Cross, Capital Region',
  } satisfies Label,
  /** Survey links sent. */
  sent: 1090,
  /** Answers received (about 45 %). */
  answered: 487,
  /**
   * People not offered the survey: no technical means to receive a digital link, or extensive
   * language barriers (the report does not split the two).
   */
  notAbleToTakeIt: 367,
  /** Telephone interviews with people who had consented in the survey (9 accepted the offer, 8 declined). */
  followUpInterviews: 17,
} as const;

/** The survey statuses that say why a reached person was not offered the survey. */
export const SURVEY_NOT_OFFERED_REASONS = [
  'NOT_APPROPRIATE_LANGUAGE',
  'NOT_APPROPRIATE_TECHNICAL',
  'NOT_APPROPRIATE_ETHICAL',
  'NOT_OFFERED',
] as const;
/** The reasons the report's 367 covers (technical means and language); ethical judgement is counted apart there. */
export const SURVEY_REASONS_IN_REFERENCE: readonly string[] = [
  'NOT_APPROPRIATE_LANGUAGE',
  'NOT_APPROPRIATE_TECHNICAL',
];
