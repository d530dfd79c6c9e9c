import {
  type FieldError,
  outreachSurveyItemKey,
  outreachSurveyText,
  type ParticipantLocale,
  type TranslationTable,
} from '@vi/domain';
import type { ParticipantMessages } from '@vi/ui';

/**
 * The survey page's words in the person's language: the participant catalogue's shared chrome
 * ("Side 1 af 4", "Næste", field errors) and the survey's own table (its questions and page
 * sentences, packages/domain/src/outreach-survey/survey-texts.ts).
 */
export type SurveyTexts = {
  readonly locale: ParticipantLocale;
  readonly dir: 'ltr' | 'rtl';
  /** A shared participant-page text (ICU, plurals). */
  readonly chrome: ParticipantMessages['format'];
  /** A survey text: the survey's table, else the participant catalogue, else Danish. */
  survey(key: string, params?: Readonly<Record<string, string>>): string;
};

export function surveyTexts(chrome: ParticipantMessages, table: TranslationTable): SurveyTexts {
  return {
    locale: chrome.locale,
    dir: chrome.dir,
    chrome: chrome.format,
    survey(key, params) {
      if (table[key]?.trim()) return outreachSurveyText(table, key, params);
      // Not in the survey's own table for this language: the participant catalogue may carry it
      // (format returns the key itself when no language has it), else the Danish source.
      const fromCatalogue = chrome.format(key, params);
      return fromCatalogue !== key ? fromCatalogue : outreachSurveyText({}, key, params);
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
  return texts.survey(`${outreachSurveyItemKey(itemId)}.label`);
}
