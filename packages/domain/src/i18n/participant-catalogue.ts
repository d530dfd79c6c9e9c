import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';
import { checkIcuMessage, samePlaceholders } from './icu.ts';
import { overridableSource } from './overridable-texts.ts';
import { isParticipantLocale, type ParticipantLocale, type TranslatedLocale } from './participant-locales.ts';
import { participantSource } from './participant-source.ts';

/** One language's texts, key → ICU message (the keys of participant-source.ts). */
export type TranslationTable = Readonly<Record<string, string>>;

/** A language's forms table and its outreach-survey table (kept in two files), as one table. */
async function both(
  forms: Promise<TranslationTable>,
  survey: Promise<TranslationTable>,
): Promise<TranslationTable> {
  const [a, b] = await Promise.all([forms, survey]);
  return { ...a, ...b };
}

/**
 * Each translated language's table, loaded on demand: the participant page downloads only the
 * language the person picks (a dynamic import is a separate chunk in the app's build), so nine
 * languages do not weigh on the first page load.
 */
export const PARTICIPANT_TRANSLATIONS: Readonly<Record<TranslatedLocale, () => Promise<TranslationTable>>> = {
  ar: () =>
    both(
      import('./translations/ar.ts').then((m) => m.ar),
      import('./translations/ar-survey.ts').then((m) => m.arSurvey),
    ),
  tr: () =>
    both(
      import('./translations/tr.ts').then((m) => m.tr),
      import('./translations/tr-survey.ts').then((m) => m.trSurvey),
    ),
  so: () =>
    both(
      import('./translations/so.ts').then((m) => m.so),
      import('./translations/so-survey.ts').then((m) => m.soSurvey),
    ),
  ur: () =>
    both(
      import('./translations/ur.ts').then((m) => m.ur),
      import('./translations/ur-survey.ts').then((m) => m.urSurvey),
    ),
  fa: () =>
    both(
      import('./translations/fa.ts').then((m) => m.fa),
      import('./translations/fa-survey.ts').then((m) => m.faSurvey),
    ),
  pl: () =>
    both(
      import('./translations/pl.ts').then((m) => m.pl),
      import('./translations/pl-survey.ts').then((m) => m.plSurvey),
    ),
  uk: () =>
    both(
      import('./translations/uk.ts').then((m) => m.uk),
      import('./translations/uk-survey.ts').then((m) => m.ukSurvey),
    ),
};

/** Danish or English, straight from the source catalogue. */
export function sourceTable(locale: 'da' | 'en'): TranslationTable {
  const table: Record<string, string> = {};
  for (const [key, text] of participantSource()) table[key] = text[locale];
  return table;
}

/** The built-in table of any offered language. */
export async function builtInTable(locale: ParticipantLocale): Promise<TranslationTable> {
  if (locale === 'da' || locale === 'en') return sourceTable(locale);
  return PARTICIPANT_TRANSLATIONS[locale]();
}

/** A lead's replacement of one built-in text (TranslationOverride rows). */
export type TranslationOverrideInput = {
  readonly locale: string;
  readonly key: string;
  readonly text: string;
};

/** Longest override text: the longest source text is a few hundred characters. */
export const TRANSLATION_OVERRIDE_MAX_LENGTH = 2000;

const OVERRIDE_ERRORS = {
  UNKNOWN_LOCALE: {
    da: 'Sproget tilbydes ikke på deltagerskemaerne.',
    en: 'The language is not offered on the participant forms.',
  },
  UNKNOWN_KEY: {
    da: 'Teksten findes ikke i deltagerskemaerne. Brug en nøgle fra kataloget.',
    en: 'The text does not exist in the participant forms. Use a key from the catalogue.',
  },
  EMPTY_TEXT: { da: 'Skriv teksten.', en: 'Write the text.' },
  TEXT_TOO_LONG: {
    da: `Teksten må højst være ${TRANSLATION_OVERRIDE_MAX_LENGTH} tegn.`,
    en: `The text must be at most ${TRANSLATION_OVERRIDE_MAX_LENGTH} characters.`,
  },
  ICU_SYNTAX: {
    da: 'Teksten kan ikke læses som ICU-besked: tjek { } og plural-formerne.',
    en: 'The text cannot be read as an ICU message: check the { } and the plural forms.',
  },
  PLACEHOLDERS_DIFFER: {
    da: 'Teksten skal bruge præcis de samme pladsholdere som den danske tekst: {placeholders}.',
    en: 'The text must use exactly the same placeholders as the Danish text: {placeholders}.',
  },
} as const satisfies Record<string, Label>;

export type TranslationOverrideErrorCode = keyof typeof OVERRIDE_ERRORS;

function overrideError(field: string, code: TranslationOverrideErrorCode, placeholders = ''): FieldError {
  const message = OVERRIDE_ERRORS[code];
  const fill = (text: string) => text.replace('{placeholders}', placeholders || '–');
  return { field, code, message: { da: fill(message.da), en: fill(message.en) } };
}

/**
 * Checks a lead's override before it is stored: an offered language, a key of the catalogue, a
 * non-empty text that parses as ICU and needs exactly the values the Danish source needs (a
 * missing `{pages}` would print "Side 2 af" to a participant; an invented one would print nothing).
 * Returns the trimmed text or every problem, each naming its field.
 */
export function validateTranslationOverride(
  input: TranslationOverrideInput,
): { ok: true; locale: ParticipantLocale; key: string; text: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isParticipantLocale(input.locale)) errors.push(overrideError('locale', 'UNKNOWN_LOCALE'));
  const source = overridableSource().get(input.key);
  if (!source) errors.push(overrideError('key', 'UNKNOWN_KEY'));
  const text = input.text.trim();
  if (text === '') errors.push(overrideError('text', 'EMPTY_TEXT'));
  else if ([...text].length > TRANSLATION_OVERRIDE_MAX_LENGTH)
    errors.push(overrideError('text', 'TEXT_TOO_LONG'));
  else if (source) {
    const parsed = checkIcuMessage(text);
    const sourceShape = checkIcuMessage(source.da);
    if (!parsed.ok) errors.push(overrideError('text', 'ICU_SYNTAX'));
    else if (sourceShape.ok && !samePlaceholders(parsed.shape, sourceShape.shape)) {
      const names = [...sourceShape.shape.placeholders].map((p) => `{${p}}`).join(', ');
      errors.push(overrideError('text', 'PLACEHOLDERS_DIFFER', names));
    }
  }
  if (errors.length > 0 || !isParticipantLocale(input.locale)) return { ok: false, errors };
  return { ok: true, locale: input.locale, key: input.key, text };
}

/** The error for a language code the participant forms do not offer (empty when offered). */
export function checkParticipantLocale(field: string, value: unknown): FieldError[] {
  return isParticipantLocale(value) ? [] : [overrideError(field, 'UNKNOWN_LOCALE')];
}

/** The built-in table with an organisation's overrides laid over it (unknown keys are ignored). */
export function mergeOverrides(
  table: TranslationTable,
  overrides: ReadonlyArray<{ readonly key: string; readonly text: string }>,
): TranslationTable {
  const merged: Record<string, string> = { ...table };
  for (const { key, text } of overrides) if (key in merged) merged[key] = text;
  return merged;
}
