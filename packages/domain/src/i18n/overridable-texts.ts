import { PARTICIPANT_FORM_KINDS } from '../courses/form-link.ts';
import type { Label } from '../labels.ts';
import { outreachSurveySourceEntries, outreachSurveyTable } from '../outreach-survey/survey-texts.ts';
import type { ParticipantLocale } from './participant-locales.ts';
import { formTextEntries, participantSource, surveyTextEntries } from './participant-source.ts';

/**
 * Every participant-facing text a lead may reword (issue 14: "the lead can replace a translation
 * without a code change"): the participant catalogue (forms, pages' chrome, the survey's
 * questions) and the outreach survey page's own sentences (its title, link problems, thank-you),
 * which live in a table of their own. One key space: the two never share a key (the survey texts'
 * test checks it), so an override row needs no note of which table it belongs to.
 */

type TranslationTable = Readonly<Record<string, string>>;

let cached: ReadonlyMap<string, Label> | undefined;

/** Key → Danish and English source of every overridable text. */
export function overridableSource(): ReadonlyMap<string, Label> {
  cached ??= new Map<string, Label>([...participantSource(), ...outreachSurveySourceEntries()]);
  return cached;
}

/** The built-in texts of one language over every overridable key (loaded on demand, like the pages). */
export async function overridableBuiltInTable(
  locale: ParticipantLocale,
  catalogue: (locale: ParticipantLocale) => Promise<TranslationTable>,
): Promise<TranslationTable> {
  const [shared, survey] = await Promise.all([catalogue(locale), outreachSurveyTable(locale)]);
  return { ...survey, ...shared };
}

/** Where a text is shown, for the editor's groups: the pages' shared texts, a form, the survey. */
export type OverridableTextGroup = 'pages' | 'BASELINE' | 'END' | 'survey' | 'surveyPage';

export const OVERRIDABLE_TEXT_GROUPS: readonly OverridableTextGroup[] = [
  'pages',
  'BASELINE',
  'END',
  'survey',
  'surveyPage',
];

let groups: ReadonlyMap<string, OverridableTextGroup> | undefined;

/**
 * The group of every overridable key. Form texts are keyed by item id, not by form, so a text
 * both forms show (gender, the INSPIRE scale) is listed under the first form, the baseline.
 */
export function overridableTextGroups(): ReadonlyMap<string, OverridableTextGroup> {
  if (groups) return groups;
  const map = new Map<string, OverridableTextGroup>();
  for (const kind of PARTICIPANT_FORM_KINDS) {
    for (const [key] of formTextEntries(kind)) if (!map.has(key)) map.set(key, kind);
  }
  for (const [key] of surveyTextEntries()) map.set(key, 'survey');
  for (const key of outreachSurveySourceEntries().keys()) map.set(key, 'surveyPage');
  for (const key of overridableSource().keys()) if (!map.has(key)) map.set(key, 'pages');
  groups = map;
  return map;
}
