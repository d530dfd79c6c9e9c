import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';

/**
 * Error codes of the outreach rules. They are stable (the apps and tests match on them);
 * the messages are what an outreach worker reads next to a rejected row or a form field,
 * so they are plain Danish first, with a complete English version.
 */
export const OUTREACH_ERROR_MESSAGES = {
  REQUIRED: { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  MISSING_COLUMN: {
    da: 'Filen mangler en kolonne, der skal være der.',
    en: 'The file is missing a required column.',
  },
  UNKNOWN_INCIDENT_TYPE: {
    da: 'Ukendt hændelsestype.',
    en: 'Unknown incident type.',
  },
  INVALID_DATE: {
    da: 'Datoen kan ikke læses. Skriv den som dd-mm-åååå eller åååå-mm-dd.',
    en: 'The date cannot be read. Write it as dd-mm-yyyy or yyyy-mm-dd.',
  },
  DATE_IN_FUTURE: { da: 'Datoen ligger i fremtiden.', en: 'The date is in the future.' },
  INVALID_PHONE: {
    da: 'Telefonnummeret er ikke et gyldigt dansk nummer (8 cifre, evt. med +45).',
    en: 'The phone number is not a valid Danish number (8 digits, optionally with +45).',
  },
  UNKNOWN_ROLE: {
    da: 'Ukendt rolle. Brug offer, vidne, pårørende eller værge.',
    en: 'Unknown role. Use victim, witness, relative or guardian.',
  },
  UNKNOWN_GENDER: {
    da: 'Ukendt køn. Brug mand, kvinde eller andet.',
    en: 'Unknown gender. Use man, woman or other.',
  },
  INVALID_AGE: {
    da: 'Alderen skal være et helt tal mellem 0 og 120.',
    en: 'The age must be a whole number between 0 and 120.',
  },
  UNKNOWN_MOTIVE: { da: 'Ukendt motiv for hadforbrydelsen.', en: 'Unknown hate-crime motive.' },
  MOTIVE_REQUIRED: {
    da: 'En hadforbrydelse skal have et motiv.',
    en: 'A hate crime must have a motive.',
  },
  MOTIVE_NOT_ALLOWED: {
    da: 'Motiv kan kun angives for hadforbrydelser.',
    en: 'A motive can only be given for hate crimes.',
  },
  DUPLICATE_IN_FILE: {
    da: 'Samme person og hændelsesdato står tidligere i filen.',
    en: 'The same person and incident date appear earlier in the file.',
  },
  DUPLICATE_OF_EXISTING: {
    da: 'Personen står allerede på listen med samme hændelsesdato.',
    en: 'The person is already on the list with the same incident date.',
  },
  TOO_LONG: { da: 'Teksten er for lang.', en: 'The text is too long.' },
  TOO_MANY_ROWS: {
    da: 'Filen har for mange rækker til én import.',
    en: 'The file has too many rows for one import.',
  },
  NO_ROWS: { da: 'Filen har ingen rækker.', en: 'The file has no rows.' },
  UNKNOWN_OPTION: { da: 'Ukendt valgmulighed.', en: 'Unknown option.' },
  REASON_REQUIRED: {
    da: 'Angiv hvorfor personen siger nej tak.',
    en: 'Give the reason the person declines.',
  },
  REASON_TEXT_REQUIRED: {
    da: 'Beskriv den anden grund med få ord.',
    en: 'Describe the other reason in a few words.',
  },
  REASON_NOT_ALLOWED: {
    da: 'En grund kan kun angives, når personen siger nej tak.',
    en: 'A reason can only be given when the person declines.',
  },
  NOT_SAFE_NO_DETAILS: {
    da: 'Når det ikke er sikkert at tale, må der ikke gemmes grund, note eller undersøgelsessvar.',
    en: 'When it is not safe to talk, no reason, note or survey answer may be stored.',
  },
  SURVEY_REQUIRED: {
    da: 'Angiv om brugerundersøgelsen blev tilbudt.',
    en: 'State whether the user survey was offered.',
  },
  SURVEY_NOT_ALLOWED: {
    da: 'Brugerundersøgelsen kan kun registreres, når personen er nået.',
    en: 'The user survey can only be recorded when the person was reached.',
  },
  CONSENT_REQUIRED: {
    da: 'Personen skal udtrykkeligt give samtykke til, at oplysningerne gives videre til en offerrådgiver.',
    en: 'The person must explicitly consent to their details being passed to a counsellor.',
  },
  CONSENT_NOT_ALLOWED: {
    da: 'Samtykke til henvisning registreres kun, når personen ønsker at blive ringet op.',
    en: 'Consent to a referral is only recorded when the person wants a call.',
  },
  LOST_REASON_REQUIRED: {
    da: 'Angiv hvorfor henvisningen er tabt.',
    en: 'Give the reason the referral was lost.',
  },
  LOST_REASON_NOT_ALLOWED: {
    da: 'En tabt-grund kan kun angives, når henvisningen er tabt.',
    en: 'A lost reason can only be given when the referral is lost.',
  },
  OUT_OF_RANGE: { da: 'Værdien er uden for det tilladte interval.', en: 'The value is out of range.' },
} as const satisfies Record<string, Label>;

export type OutreachErrorCode = keyof typeof OUTREACH_ERROR_MESSAGES;

export function outreachFieldError(field: string, code: OutreachErrorCode): FieldError {
  return { field, code, message: OUTREACH_ERROR_MESSAGES[code] };
}
