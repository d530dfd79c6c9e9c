// The outreach user survey figure (Query.evaluation → outreachUserSurvey) as the attack suite
// reads it: its GraphQL selection, its published counts and shares under keys (survey.…) with the
// sums the attacker knows hold between them, and the truth for the same keys counted from the
// stored answer codes. Used by outreach-survey-attacks.test.ts (which reads the query module's
// answer, the same shape as the GraphQL one). Like the aftercare figures, the survey has its own
// suite rather than a place in figures.ts's all-figure selection: the bench dataset that suite
// attacks has no survey responses, and three aliases of that selection are near the door's
// 2,500-token limit already (2,489 with this selection added, November 2026).
import { OUTREACH_SURVEY_LANGUAGES } from '@vi/domain';
import { countedItems } from '../queries/outreach-user-survey.ts';
import { NON_NEGATIVE } from './attacker.ts';
import type { AttackFilter, FigureReading } from './figures.ts';

const RATE = '{ numerator denominator rate }';
export const OUTREACH_SURVEY_SELECTION = `outreachUserSurvey { responses { value }
  byLanguage { language count { value } }
  items { itemId kind answered { value } options { code count { value } share ${RATE} } positive ${RATE} } }`;

type CountJson = { value: number | null };
type RateJson = { numerator: number; denominator: number; rate: number | null } | null;
export type OutreachSurveyJson = {
  responses: CountJson;
  byLanguage: ReadonlyArray<{ language: string; count: CountJson }>;
  items: ReadonlyArray<{
    itemId: string;
    kind: string;
    answered: CountJson;
    options: ReadonlyArray<{ code: string; count: CountJson; share: RateJson }>;
    positive: RateJson;
  }>;
};

const shown = (count: CountJson) => ({ value: count.value });
const shownRate = (rate: RateJson) =>
  rate && rate.rate !== null ? { numerator: rate.numerator, denominator: rate.denominator } : null;

/** The survey's keys: all responses, responses per language, and per item its answered and codes. */
export const surveyKey = {
  responses: 'survey.responses',
  language: (language: string) => `survey.lang.${language}`,
  answered: (item: string) => `survey.item.${item}.answered`,
  code: (item: string, code: string) => `survey.item.${item}.${code}`,
};

/** Adds one answer's survey figure to `reading`. */
export function readOutreachSurvey(survey: OutreachSurveyJson, reading: FigureReading): void {
  const { counts, bounds, relations, rates } = reading;
  counts.set(surveyKey.responses, shown(survey.responses));
  // Languages not shown (fewer than 5 responses) are unknown to the attacker: not 0, as a missing key reads.
  if (survey.byLanguage.length === 0)
    for (const language of OUTREACH_SURVEY_LANGUAGES) bounds.set(surveyKey.language(language), NON_NEGATIVE);
  for (const row of survey.byLanguage) counts.set(surveyKey.language(row.language), shown(row.count));
  relations.push({ total: surveyKey.responses, parts: OUTREACH_SURVEY_LANGUAGES.map(surveyKey.language) });
  const definitions = new Map(countedItems().map((item) => [item.id, item]));
  for (const item of survey.items) {
    const answered = surveyKey.answered(item.itemId);
    const code = (c: string) => surveyKey.code(item.itemId, c);
    counts.set(answered, shown(item.answered));
    relations.push({ total: surveyKey.responses, parts: [answered], atLeastParts: true });
    // A distribution not shown: its codes are unknown as well.
    if (item.options.length === 0)
      for (const option of definitions.get(item.itemId)?.options ?? [])
        bounds.set(code(option.code), NON_NEGATIVE);
    for (const option of item.options) {
      counts.set(code(option.code), shown(option.count));
      // Each code is chosen by at most the item's respondents.
      relations.push({ total: answered, parts: [code(option.code)], atLeastParts: true });
      rates.push({
        name: `${code(option.code)}.share`,
        numeratorKeys: [code(option.code)],
        denominatorKeys: [answered],
        shown: shownRate(option.share),
      });
    }
    // A single item's respondents chose exactly one code each: the codes add up to answered.
    if (item.kind === 'single' && item.options.length > 0)
      relations.push({ total: answered, parts: item.options.map((option) => code(option.code)) });
    const positiveCodes = definitions.get(item.itemId)?.positiveCodes ?? [];
    if (item.kind === 'single' && positiveCodes.length > 0)
      rates.push({
        name: `survey.item.${item.itemId}.positive`,
        numeratorKeys: positiveCodes.map(code),
        denominatorKeys: [answered],
        shown: shownRate(item.positive),
      });
  }
}

/** A stored response as the truth needs it: organisation, month (yyyy-mm-01), language, plain codes. */
export type StoredSurveyResponse = {
  org: string;
  month: string;
  language: string;
  answers: Record<string, unknown>;
};

/** Counts the survey's keys for the responses in `filter` (organisations; the period by month). */
export function outreachSurveyTruth(
  responses: readonly StoredSurveyResponse[],
  filter: AttackFilter,
  add: (key: string) => void,
): void {
  for (const response of responses) {
    if (!filter.organizationIds.includes(response.org)) continue;
    if (filter.from && response.month < filter.from) continue;
    if (filter.to && response.month > filter.to) continue;
    add(surveyKey.responses);
    add(surveyKey.language(response.language));
    for (const item of countedItems()) {
      const answer = response.answers[item.id];
      const codes = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
      if (codes.length === 0) continue;
      add(surveyKey.answered(item.id));
      for (const code of codes) add(surveyKey.code(item.id, String(code)));
    }
  }
}
