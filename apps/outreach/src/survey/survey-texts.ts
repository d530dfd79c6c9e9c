import {
  type FieldError,
  outreachSurveyText,
  type ParticipantLocale,
  type TranslationTable,
} from '@vi/domain';
import type { ParticipantMessages } from '@vi/ui';

/**
 * The survey page's words in the person's language: the participant catalogue's shared chrome
 * ("Side 1 af 4", "Næste", field errors) with the survey's questions (`survey.*` keys), and the
 * survey page's own sentences (packages/domain/src/outreach-survey/survey-texts.ts).
 */
export type SurveyTexts = {
  readonly locale: ParticipantLocale;
  readonly dir: 'ltr' | 'rtl';
  /** A shared participant-page text (ICU, plurals). */
  readonly chrome: ParticipantMessages['format'];
  /** A survey text: the participant catalogue's, else the survey page's own table, else Danish. */
  survey(key: string, params?: Readonly<Record<string, string>>): string;
};

export function surveyTexts(chrome: ParticipantMessages, table: TranslationTable): SurveyTexts {
  return {
    locale: chrome.locale,
    dir: chrome.dir,
    chrome: chrome.format,
    survey(key, params) {
      // The questions are the participant catalogue's (every language, the lead's overrides);
      // format gives back the key itself for a key no language has: the page's own sentences.
      const fromCatalogue = chrome.format(key, params);
      return fromCatalogue !== key ? fromCatalogue : outreachSurveyText(table, key, params);
    },
  };
}

/** Field errors the survey itself words (the phone and e-mail for the follow-up interview). */
const SURVEY_FIELD_ERRORS = new Set(['INVALID_PHONE', 'INVALID_EMAIL']);

/**
 * A field error in the person's language: by its code from the catalogue, with the values the
 * message needs taken from the item (maxLength) or the option's own text. The gateway's Danish and
 * English message is used for Danish and English readers when the code has no catalogue text.
 */
export function fieldErrorText(
  texts: SurveyTexts,
  error: FieldError,
  item?: { id: string; maxLength?: number },
): string {
  if (SURVEY_FIELD_ERRORS.has(error.code)) return texts.survey(`survey.fieldError.${error.code}`);
  switch (error.code) {
    case 'REQUIRED':
      return texts.chrome('fieldError.REQUIRED');
    case 'TOO_LONG':
      return texts.chrome('fieldError.TOO_LONG', { maxLength: item?.maxLength ?? '' });
    case 'EXCLUSIVE_OPTION':
      return texts.chrome('fieldError.EXCLUSIVE_OPTION', { option: '' });
    default:
      if (texts.locale === 'en') return error.message.en;
      if (texts.locale === 'da') return error.message.da;
      return texts.chrome('error.unexpected');
  }
}

export function itemLabel(texts: SurveyTexts, itemId: string): string {
  return texts.survey(`survey.item.${itemId}.label`);
}
