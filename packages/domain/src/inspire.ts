import type { Label } from './labels.ts';
import { INSPIRE_ITEM_IDS, INSPIRE_O_ITEM_IDS } from './questionnaires.ts';

/**
 * Brief INSPIRE-O (personal recovery) and Brief INSPIRE (support for recovery
 * from the group leaders), DOMAIN §5.1.
 *
 * Scoring rule, as published with the measures:
 * - Brief INSPIRE: Williams J, Leamy M, Bird V, Le Boutillier C, Norton S,
 *   Pesola F, Slade M. "Development and evaluation of the INSPIRE measure of
 *   staff support for personal recovery". Soc Psychiatry Psychiatr Epidemiol
 *   2015;50(5):777-786, doi:10.1007/s00127-014-0983-0. Brief INSPIRE-O is the
 *   outcome version of the same five CHIME items (researchintorecovery.com/
 *   measures/inspire, which hosts the scoring instructions).
 * - Each of the five items is answered Not at all / A little / Somewhat /
 *   Quite a lot / Very much and coded 0-4; the score is the mean item code
 *   × 25, so it runs 0-100 (Moeller et al. 2024 report Danish means on that
 *   0-100 scale: 39.9 for outpatients, 71.1 for the population norm).
 * - Our forms store the seed's 1-5 codes (VIVE's group-course evaluation Bilag 1), so an answer
 *   a counts as a − 1.
 * - Missing items: the five items are one per CHIME process, so a mean over
 *   fewer would silently drop a whole dimension of recovery. We score only
 *   complete answers (all five items) and return null otherwise; this is
 *   the conservative reading, and it is the rule DOMAIN §5.1 sets. The
 *   number of complete forms is what reports give as n.
 * What the search tool confirmed (November 2026): the 0-100 scale, the
 *   Danish means, the cut-off and the change threshold below, and the
 *   citation; the scoring-instructions file itself was not in the searchable
 *   corpus, so the item coding above follows DOMAIN §5.1 and the 0-100 scale
 *   the papers report.
 */

export const INSPIRE_ITEM_COUNT = 5;
export const INSPIRE_MIN_ANSWER = 1;
export const INSPIRE_MAX_ANSWER = 5;

/**
 * Moeller et al., Soc Psychiatry Psychiatr Epidemiol 2025 (doi:10.1007/s00127-025-02948-7):
 * ROC analysis gave an empirical cut-off of 50 for personal recovery. We count
 * a score of 50 or more as at or above the cut-off.
 */
export const RECOVERY_CUTOFF = 50;

/** Same study: 8 points is a clinically relevant change on the 0-100 scale. */
export const CLINICALLY_RELEVANT_CHANGE = 8;

export type InspireReferencePoint = {
  id: string;
  measure: 'INSPIRE_O';
  label: Label;
  /** Mean or threshold on the 0-100 scale. */
  value: number;
  n: number | null;
  citation: string;
};

/** Danish reference points for Brief INSPIRE-O, to draw next to our own means. */
export const INSPIRE_REFERENCE_POINTS: readonly InspireReferencePoint[] = [
  {
    id: 'DK_POPULATION_NORM',
    measure: 'INSPIRE_O',
    label: { da: 'Dansk befolkningsnorm', en: 'Danish general-population norm' },
    value: 71.1,
    n: null,
    citation:
      'Moeller SB, Larsen PV, Austin S, Slade M, Arendt I-MTP, Andersen MS, Simonsen S. Scalability, test-retest reliability and validity of the Brief INSPIRE-O measure of personal recovery in psychiatric services. Front Psychiatry 2024;15:1327020. doi:10.3389/fpsyt.2024.1327020',
  },
  {
    id: 'DK_PSYCHIATRIC_OUTPATIENTS',
    measure: 'INSPIRE_O',
    label: {
      da: 'Psykiatriske ambulante patienter, Region Hovedstaden',
      en: 'Psychiatric outpatients, Capital Region of Denmark',
    },
    value: 39.9,
    n: 8192,
    citation:
      'Moeller SB et al. Front Psychiatry 2024;15:1327020. doi:10.3389/fpsyt.2024.1327020 (8,192 outpatients, 2018-2020)',
  },
  {
    id: 'DK_RECOVERY_CUTOFF',
    measure: 'INSPIRE_O',
    label: {
      da: 'Empirisk skæringspunkt for personlig recovery',
      en: 'Empirical cut-off for personal recovery',
    },
    value: RECOVERY_CUTOFF,
    n: 8192,
    citation:
      'Moeller SB, Larsen PV, Austin SF, Slade M, Arendt I-MTP, Kring L, Simonsen S. Assessing change and establishing empirical cutoffs: the Brief INSPIRE-O measure for personal recovery in mental health services. Soc Psychiatry Psychiatr Epidemiol 2025. doi:10.1007/s00127-025-02948-7',
  },
];

/**
 * The 0-100 score of five answers on the questionnaire's 1-5 scale, or null
 * when any item is missing (null/undefined). An answer outside 1-5, a
 * non-integer or a list that is not five long is a programming error (the
 * gateway validates answers first) and throws.
 */
export function scoreInspire(items: ReadonlyArray<number | null | undefined>): number | null {
  if (items.length !== INSPIRE_ITEM_COUNT) {
    throw new RangeError(`Brief INSPIRE has ${INSPIRE_ITEM_COUNT} items, got ${items.length}`);
  }
  let sum = 0;
  let missing = false;
  for (const answer of items) {
    if (answer === null || answer === undefined) {
      missing = true;
      continue;
    }
    if (!Number.isInteger(answer) || answer < INSPIRE_MIN_ANSWER || answer > INSPIRE_MAX_ANSWER) {
      throw new RangeError(`INSPIRE answers are whole numbers 1-5, got ${answer}`);
    }
    sum += answer - INSPIRE_MIN_ANSWER;
  }
  if (missing) return null;
  return (sum / INSPIRE_ITEM_COUNT) * 25;
}

function answerOf(answers: Readonly<Record<string, unknown>>, id: string): number | null {
  const value = answers[id];
  return typeof value === 'number' ? value : null;
}

/**
 * Both scores of a validated baseline or end form (answers keyed by item id,
 * as `validateAnswers` returns them). The gateway stores these next to the
 * answers (QuestionnaireResponse.inspireOScore / inspireScore).
 */
export function inspireScoresFromAnswers(answers: Readonly<Record<string, unknown>>): {
  inspireO: number | null;
  inspire: number | null;
} {
  return {
    inspireO: scoreInspire(INSPIRE_O_ITEM_IDS.map((id) => answerOf(answers, id))),
    inspire: scoreInspire(INSPIRE_ITEM_IDS.map((id) => answerOf(answers, id))),
  };
}

export type RecoveryChange = {
  change: number;
  /** Rose by at least CLINICALLY_RELEVANT_CHANGE points. */
  clinicallyRelevantImprovement: boolean;
  /** Fell by at least CLINICALLY_RELEVANT_CHANGE points. */
  clinicallyRelevantDecline: boolean;
  /** Below the cut-off before, at or above it after. */
  crossedCutoff: boolean;
};

/**
 * What linked forms let us report and VIVE could not (DOMAIN §5.1): the
 * change for one participant between baseline and end.
 */
export function recoveryChange(before: number, after: number): RecoveryChange {
  for (const score of [before, after]) {
    if (!(score >= 0 && score <= 100)) throw new RangeError(`INSPIRE scores run 0-100, got ${score}`);
  }
  const change = after - before;
  return {
    change,
    clinicallyRelevantImprovement: change >= CLINICALLY_RELEVANT_CHANGE,
    clinicallyRelevantDecline: change <= -CLINICALLY_RELEVANT_CHANGE,
    crossedCutoff: before < RECOVERY_CUTOFF && after >= RECOVERY_CUTOFF,
  };
}
