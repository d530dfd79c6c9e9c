/**
 * The languages participant-facing forms are offered in (issue 14): Danish and English, and the
 * languages of Denmark's largest groups of immigrants and refugees. Staff screens stay Danish and
 * English (`LOCALES` in labels.ts); this list is for what a participant reads.
 *
 * `name` is the language's name in itself, so a person who reads no Danish still finds their own
 * language in the picker. `dir` decides the page's writing direction.
 */
export const PARTICIPANT_LOCALES = [
  { code: 'da', name: 'Dansk', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
  { code: 'so', name: 'Soomaali', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
  { code: 'fa', name: 'فارسی', dir: 'rtl' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'uk', name: 'Українська', dir: 'ltr' },
] as const;

export type ParticipantLocale = (typeof PARTICIPANT_LOCALES)[number]['code'];

export const PARTICIPANT_LOCALE_CODES: readonly ParticipantLocale[] = PARTICIPANT_LOCALES.map((l) => l.code);

/** The source language every translation is made from and falls back to. */
export const SOURCE_LOCALE: ParticipantLocale = 'da';

/** The languages translated from Danish (everything but the source and English, which the source carries). */
export type TranslatedLocale = Exclude<ParticipantLocale, 'da' | 'en'>;

export function isParticipantLocale(value: unknown): value is ParticipantLocale {
  return typeof value === 'string' && (PARTICIPANT_LOCALE_CODES as readonly string[]).includes(value);
}

/** 'rtl' for Arabic, Urdu and Farsi; 'ltr' otherwise. */
export function textDirection(locale: ParticipantLocale): 'ltr' | 'rtl' {
  return PARTICIPANT_LOCALES.find((l) => l.code === locale)?.dir ?? 'ltr';
}
