import type { ParticipantLocale, TranslatedLocale } from '../i18n/participant-locales.ts';
import type { Label } from '../labels.ts';
import { OUTREACH_SURVEY_LINK_PROBLEMS } from './survey-link.ts';

/**
 * The outreach survey page's own sentences (its title, loading, link problems, thank-you, the
 * follow-up contact's errors), in the participant catalogue's shape: key → text, one table per
 * language. The survey's questions and answer options are in the participant catalogue itself
 * (i18n/participant-source.ts, `survey.*` keys from item ids and answer codes, every offered
 * language), where the lead's overrides apply too; the shared chrome ("Side 1 af 4", "Næste",
 * field errors) comes from there as well.
 */

type TranslationTable = Readonly<Record<string, string>>;

/** Sentences of the survey page that are not in the definition (da/en; the translations key them the same). */
export const OUTREACH_SURVEY_PAGE_TEXTS: Readonly<Record<string, Label>> = {
  'survey.page.title': { da: 'Spørgeskema om opkaldet', en: 'Questionnaire about the call' },
  'survey.page.loading': { da: 'Henter spørgeskemaet …', en: 'Loading the questionnaire …' },
  'survey.page.problem': { da: 'Spørgeskemaet kan ikke åbnes', en: 'The questionnaire cannot be opened' },
  'survey.page.noToken': {
    da: 'Linket mangler sin kode. Kopiér hele linket fra din sms.',
    en: 'The link is missing its code. Copy the whole link from your text message.',
  },
  'survey.page.expires': {
    da: 'Linket virker til og med {date}.',
    en: 'The link works until {date}.',
  },
  'survey.page.thanks': {
    da: 'Tak! Dine svar er modtaget.',
    en: 'Thank you! Your answers have been received.',
  },
  'survey.page.followUpRecorded': {
    da: 'Projektlederen kontakter dig om et kort interview på den måde, du valgte.',
    en: 'The project lead will contact you about a short interview in the way you chose.',
  },
  'survey.page.followUpNotSaved': {
    da: 'Dine svar er modtaget, men din kontaktoplysning kunne ikke gemmes. Ring gerne til os, hvis du vil interviewes.',
    en: 'Your answers have been received, but your contact details could not be saved. Please call us if you would like to be interviewed.',
  },
  'survey.page.close': { da: 'Du kan lukke siden nu.', en: 'You can close the page now.' },
  'survey.fieldError.INVALID_PHONE': {
    da: 'Telefonnummeret er ikke gyldigt. Skriv 8 cifre eller et udenlandsk nummer med landekode (fx +46).',
    en: 'The phone number is not valid. Write 8 digits, or a foreign number with its country code (e.g. +46).',
  },
  'survey.fieldError.INVALID_EMAIL': {
    da: 'E-mailadressen er ikke gyldig. Skriv den som navn@eksempel.dk.',
    en: 'The e-mail address is not valid. Write it as name@example.com.',
  },
  'survey.link.INVALID_LINK': OUTREACH_SURVEY_LINK_PROBLEMS.INVALID_LINK,
  'survey.link.LINK_EXPIRED': OUTREACH_SURVEY_LINK_PROBLEMS.LINK_EXPIRED,
  'survey.link.LINK_USED': OUTREACH_SURVEY_LINK_PROBLEMS.LINK_USED,
};

let cachedEntries: ReadonlyMap<string, Label> | undefined;

/** Every survey-page sentence with its key. */
export function outreachSurveySourceEntries(): ReadonlyMap<string, Label> {
  cachedEntries ??= new Map<string, Label>(Object.entries(OUTREACH_SURVEY_PAGE_TEXTS));
  return cachedEntries;
}

/** Danish or English, straight from the source. */
export function outreachSurveySourceTable(locale: 'da' | 'en'): TranslationTable {
  const table: Record<string, string> = {};
  for (const [key, text] of outreachSurveySourceEntries()) table[key] = text[locale];
  return table;
}

/**
 * The translated survey-page tables, one per translated language, loaded on demand (a separate
 * chunk each). A language without a table would get an empty one and show these sentences in
 * Danish; the test requires all seven.
 */
export const OUTREACH_SURVEY_TRANSLATIONS: Readonly<
  Partial<Record<TranslatedLocale, () => Promise<TranslationTable>>>
> = {
  ar: () => import('./translations/ar.ts').then((m) => m.surveyAr),
  tr: () => import('./translations/tr.ts').then((m) => m.surveyTr),
  so: () => import('./translations/so.ts').then((m) => m.surveySo),
  ur: () => import('./translations/ur.ts').then((m) => m.surveyUr),
  fa: () => import('./translations/fa.ts').then((m) => m.surveyFa),
  pl: () => import('./translations/pl.ts').then((m) => m.surveyPl),
  uk: () => import('./translations/uk.ts').then((m) => m.surveyUk),
};

/** The survey's own table in a language (Danish and English from the source; empty if not translated here). */
export async function outreachSurveyTable(locale: ParticipantLocale): Promise<TranslationTable> {
  if (locale === 'da' || locale === 'en') return outreachSurveySourceTable(locale);
  const load = OUTREACH_SURVEY_TRANSLATIONS[locale];
  return load ? load() : {};
}

/** One text from a table, the Danish source when the table lacks it, `{name}` values filled in. */
export function outreachSurveyText(
  table: TranslationTable,
  key: string,
  params: Readonly<Record<string, string>> = {},
): string {
  const text = table[key]?.trim() ? table[key] : (outreachSurveySourceEntries().get(key)?.da ?? key);
  return (text ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
