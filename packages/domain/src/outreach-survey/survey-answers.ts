import { type Answers, validateItemAnswers } from '../questionnaires.ts';
import { type FieldError, fieldError, normaliseDanishPhone } from '../validation.ts';
import {
  AGGREGATED_SURVEY_ITEM_IDS,
  type FollowUpChannelCode,
  outreachSurveyQuestionnaireItems,
} from './survey-items.ts';

/**
 * The languages the survey may be answered in: Danish, English and the languages of Denmark's
 * largest immigrant and refugee groups (issue 14). The catalogue supplies the texts; the
 * language the person read the form in is stored with the answers, so answers given in a
 * translation can be told apart (and kept apart until the translation is validated).
 */
export const OUTREACH_SURVEY_LANGUAGES = ['da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk'] as const;
export type OutreachSurveyLanguage = (typeof OUTREACH_SURVEY_LANGUAGES)[number];

export function isOutreachSurveyLanguage(value: unknown): value is OutreachSurveyLanguage {
  return typeof value === 'string' && (OUTREACH_SURVEY_LANGUAGES as readonly string[]).includes(value);
}

/** Who to contact for the follow-up interview, as the person gave it. Never stored with the answers. */
export type FollowUpContact = { channel: Exclude<FollowUpChannelCode, 'NONE'>; contact: string };

export type CheckedSurvey = {
  /** Every answer about the call (codes and free text); the follow-up items are taken out. */
  answers: Answers;
  /** Only the coded answers the evaluation counts in SQL. */
  plainCodes: Record<string, string | readonly string[]>;
  followUp: FollowUpContact | null;
  language: OutreachSurveyLanguage;
};

/** Not the staff forms' Danish-only rule: a person may give a foreign number for the interview. */
const PHONE_PROBLEM = {
  da: 'Telefonnummeret er ikke gyldigt. Skriv 8 cifre eller et udenlandsk nummer med landekode (fx +46).',
  en: 'The phone number is not valid. Write 8 digits, or a foreign number with its country code (e.g. +46).',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTERNATIONAL_PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * Checks a submitted survey: the answers against the items (unknown items and codes refused),
 * the language, and a follow-up contact that can be used (a Danish or international phone
 * number, an e-mail address). Each error names its field (`answers.follow_up_phone`, `language`).
 */
export function checkOutreachSurvey(
  language: unknown,
  answers: unknown,
): { ok: true; survey: CheckedSurvey } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isOutreachSurveyLanguage(language))
    errors.push(fieldError('language', 'UNKNOWN_OPTION', { option: String(language) }));
  const checked = validateItemAnswers(outreachSurveyQuestionnaireItems(), answers);
  if (!checked.ok) errors.push(...checked.errors.map((e) => ({ ...e, field: `answers.${e.field}` })));
  if (!checked.ok || errors.length > 0) return { ok: false, errors };

  const { follow_up_interview, follow_up_phone, follow_up_email, ...rest } = checked.answers;
  let followUp: FollowUpContact | null = null;
  if (follow_up_interview === 'PHONE') {
    const raw = String(follow_up_phone);
    const compact = raw.replace(/[\s\-.()]/g, '');
    const phone = normaliseDanishPhone(raw) ?? (INTERNATIONAL_PHONE.test(compact) ? compact : null);
    if (phone === null)
      errors.push({ field: 'answers.follow_up_phone', code: 'INVALID_PHONE', message: PHONE_PROBLEM });
    else followUp = { channel: 'PHONE', contact: phone };
  } else if (follow_up_interview === 'EMAIL') {
    const email = String(follow_up_email);
    if (!EMAIL.test(email)) errors.push(fieldError('answers.follow_up_email', 'INVALID_EMAIL'));
    else followUp = { channel: 'EMAIL', contact: email };
  }
  if (errors.length > 0) return { ok: false, errors };

  const plainCodes: Record<string, string | readonly string[]> = {};
  for (const id of AGGREGATED_SURVEY_ITEM_IDS) {
    const value = rest[id];
    if (typeof value === 'string' || Array.isArray(value))
      plainCodes[id] = value as string | readonly string[];
  }
  return {
    ok: true,
    survey: { answers: rest, plainCodes, followUp, language: language as OutreachSurveyLanguage },
  };
}
