import { PARTICIPANT_LOCALES } from '../i18n/participant-locales.ts';
import type { Label } from '../labels.ts';
import type { CodeOf, Taxonomy } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';

/**
 * Who the help reaches (issue 14, part 4; the national action plan against violence in the family
 * and close relations, 2014-2017). The optional coded answers an outreach worker (during the call)
 * or an intake coordinator (at registration) records when the conversation has told them anyway:
 * nobody is asked a question for the sake of these figures, and every answer may stay empty.
 *
 * Deliberately absent: ethnicity or country of origin. It is special-category data, and the one
 * barrier the action plan names for minority women (language) is recorded directly.
 */

/** Prisma enum ReachAnswer. An empty answer (null) means "not recorded". */
export const REACH_ANSWERS = [
  { code: 'YES', label: { da: 'Ja', en: 'Yes' } },
  { code: 'NO', label: { da: 'Nej', en: 'No' } },
  { code: 'NOT_KNOWN', label: { da: 'Ved ikke', en: 'Not known' } },
] as const satisfies Taxonomy;
export type ReachAnswerCode = CodeOf<typeof REACH_ANSWERS>;

/**
 * The language the person prefers to speak: the participant languages (the languages of Denmark's
 * largest groups of immigrants and refugees, plus Danish and English) and "another language".
 * Labels are Danish/English names for staff; the codes are those of PARTICIPANT_LOCALES, so a
 * survey link or a form can be offered in the recorded language. The database checks the same
 * list (migration 0327_reach_answers).
 */
const LANGUAGE_LABELS: Record<(typeof PARTICIPANT_LOCALES)[number]['code'], Label> = {
  da: { da: 'Dansk', en: 'Danish' },
  en: { da: 'Engelsk', en: 'English' },
  ar: { da: 'Arabisk', en: 'Arabic' },
  tr: { da: 'Tyrkisk', en: 'Turkish' },
  so: { da: 'Somali', en: 'Somali' },
  ur: { da: 'Urdu', en: 'Urdu' },
  fa: { da: 'Farsi/persisk', en: 'Farsi/Persian' },
  pl: { da: 'Polsk', en: 'Polish' },
  uk: { da: 'Ukrainsk', en: 'Ukrainian' },
};
export const REACH_LANGUAGES: ReadonlyArray<{ code: string; label: Label }> = [
  ...PARTICIPANT_LOCALES.map((l) => ({ code: l.code, label: LANGUAGE_LABELS[l.code] })),
  { code: 'other', label: { da: 'Andet sprog', en: 'Another language' } },
];
export const REACH_LANGUAGE_CODES: readonly string[] = REACH_LANGUAGES.map((l) => l.code);
/** A code of REACH_LANGUAGES, as the screens hold it. */
export type ReachLanguageCode = (typeof PARTICIPANT_LOCALES)[number]['code'] | 'other';

/** The answers as the gateway's input and the database row hold them; every field optional. */
export type ReachAnswersInput = {
  preferredLanguage?: string | null;
  interpreterNeeded?: ReachAnswerCode | null;
  interpreterUsed?: ReachAnswerCode | null;
  childrenAffected?: ReachAnswerCode | null;
  sameSexRelationship?: ReachAnswerCode | null;
  mutualViolence?: ReachAnswerCode | null;
};

/** The coded (yes/no/not known) questions, in the order the screens show them. */
export const REACH_QUESTIONS = [
  {
    field: 'interpreterNeeded',
    label: { da: 'Var der brug for tolk?', en: 'Was an interpreter needed?' },
  },
  {
    field: 'interpreterUsed',
    label: { da: 'Blev der brugt tolk?', en: 'Was an interpreter used?' },
  },
  {
    field: 'childrenAffected',
    label: {
      da: 'Lever der børn i hjemmet, som er berørt af volden?',
      en: 'Do children in the home live with the violence?',
    },
  },
  {
    field: 'sameSexRelationship',
    label: {
      da: 'Er volden sket i et samkønnet forhold?',
      en: 'Did the violence happen in a same-sex relationship?',
    },
  },
  {
    field: 'mutualViolence',
    label: { da: 'Er volden gensidig?', en: 'Is the violence mutual?' },
  },
] as const satisfies ReadonlyArray<{ field: keyof ReachAnswersInput; label: Label }>;

export type ReachQuestionField = (typeof REACH_QUESTIONS)[number]['field'];

export const REACH_HELP: Label = {
  da: 'Udfyld kun det, samtalen allerede har fortalt. Spørg ikke for tallenes skyld; alt kan stå tomt.',
  en: 'Fill in only what the conversation has already told you. Do not ask for the sake of the figures; everything may stay empty.',
};

const ANSWER_CODES: readonly string[] = REACH_ANSWERS.map((a) => a.code);

/**
 * Checks the answers; `prefix` is the input's path (e.g. `reach`), so an error names the field as
 * the form does (`reach.mutualViolence`). An interpreter used where none was needed is allowed:
 * staff sometimes use one to be sure.
 */
export function validateReachAnswers(input: unknown, prefix = 'reach'): FieldError[] {
  if (input === null || input === undefined) return [];
  if (typeof input !== 'object' || Array.isArray(input)) return [fieldError(prefix, 'NOT_AN_OBJECT')];
  const errors: FieldError[] = [];
  const known = new Set<string>(['preferredLanguage', ...REACH_QUESTIONS.map((q) => q.field)]);
  for (const [key, value] of Object.entries(input)) {
    const field = `${prefix}.${key}`;
    if (!known.has(key)) {
      errors.push(fieldError(field, 'UNKNOWN_ITEM'));
      continue;
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') {
      errors.push(fieldError(field, 'INVALID_TYPE'));
      continue;
    }
    const allowed = key === 'preferredLanguage' ? REACH_LANGUAGE_CODES : ANSWER_CODES;
    if (!allowed.includes(value)) errors.push(fieldError(field, 'UNKNOWN_OPTION', { option: value }));
  }
  return errors;
}

/** True when no answer is recorded (the row need not exist). */
export function isEmptyReachAnswers(input: ReachAnswersInput | null | undefined): boolean {
  if (!input) return true;
  return Object.values(input).every((v) => v === null || v === undefined);
}
