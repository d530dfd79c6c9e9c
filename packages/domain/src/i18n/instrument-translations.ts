import { PARTICIPANT_LOCALE_CODES, type ParticipantLocale } from './participant-locales.ts';

/**
 * Brief INSPIRE-O and Brief INSPIRE are validated instruments (DOMAIN §5.1): a score is comparable
 * only when the items were read in a published version. This table says, per instrument and
 * language, whether the wording the participant read is such a version. The evaluation keeps scores
 * from an unvalidated language apart (isValidatedTranslation) until a published translation replaces
 * ours, and the table entry says so.
 *
 * Where each validated one comes from:
 * - INSPIRE_O, da: the Danish Brief INSPIRE-O evaluated by Moeller et al., "Scalability, test–retest
 *   reliability and validity of the Brief INSPIRE-O measure of personal recovery in psychiatric
 *   services", Frontiers in Psychiatry 2024 (8,192 outpatients, Capital Region of Denmark).
 * - INSPIRE, da: the Danish Brief INSPIRE as printed in VIVE's evaluation of the ambulant group-course
 *   model (2025), Bilag 1, with "gruppeledere" for the worker, which our form reproduces.
 * - INSPIRE_O and INSPIRE, en: the developers' English originals (Williams et al. 2015 for Brief
 *   INSPIRE; Brief INSPIRE-O from the same group, Research into Recovery, University of Nottingham),
 *   with "group leaders" for "worker" as in the Danish course version.
 *
 * Arabic, Turkish, Somali, Urdu, Farsi, Polish and Ukrainian: no published translation of Brief
 * INSPIRE or Brief INSPIRE-O was found (searched November 2026: the developers' measures page lists
 * English; published validations found are Danish, Dutch and Portuguese, none of these languages).
 * Ours are translations made for this system, so `validated: false`. When a published one is found,
 * put its wording into translations/<locale>.ts and set the entry to true with its source here.
 */
export const VALIDATED_INSTRUMENTS = ['INSPIRE_O', 'INSPIRE'] as const;
export type ValidatedInstrument = (typeof VALIDATED_INSTRUMENTS)[number];

export const INSTRUMENT_TRANSLATIONS: Readonly<
  Record<ValidatedInstrument, Readonly<Record<ParticipantLocale, { readonly validated: boolean }>>>
> = {
  INSPIRE_O: {
    da: { validated: true },
    en: { validated: true },
    ar: { validated: false },
    tr: { validated: false },
    so: { validated: false },
    ur: { validated: false },
    fa: { validated: false },
    pl: { validated: false },
    uk: { validated: false },
  },
  INSPIRE: {
    da: { validated: true },
    en: { validated: true },
    ar: { validated: false },
    tr: { validated: false },
    so: { validated: false },
    ur: { validated: false },
    fa: { validated: false },
    pl: { validated: false },
    uk: { validated: false },
  },
};

/**
 * Whether an instrument's score from a form answered in `locale` counts with the validated scores.
 * An unknown locale (or none, for rows stored before the language was recorded: those forms were
 * Danish or English) is handled by the caller; here anything not in the table is unvalidated.
 */
export function isValidatedTranslation(instrument: ValidatedInstrument, locale: string): boolean {
  if (!(PARTICIPANT_LOCALE_CODES as readonly string[]).includes(locale)) return false;
  return INSTRUMENT_TRANSLATIONS[instrument][locale as ParticipantLocale].validated;
}
