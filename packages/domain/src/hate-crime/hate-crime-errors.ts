// Field errors only the hate-crime aftercare rules have. Generic codes (REQUIRED,
// INVALID_DATE, OUT_OF_RANGE, UNKNOWN_OPTION, ...) come from validation.ts so they read
// the same everywhere.

import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';

export const HATE_CRIME_ERROR_MESSAGES = {
  CONSENT_REQUIRED: {
    da: 'Personen skal udtrykkeligt give samtykke, før oplysningerne sendes til den anden organisation.',
    en: 'The person must explicitly consent before their details are sent to the other organisation.',
  },
  CONSENT_AFTER_REFERRAL: {
    da: 'Samtykket skal være givet senest den dag, henvisningen sendes.',
    en: 'Consent must be given on or before the day the referral is sent.',
  },
  CONSENT_OTHER_TRACK: {
    da: 'Samtykket gælder et andet spor end henvisningen.',
    en: 'The consent covers another track than the referral.',
  },
  FIELD_NOT_FOR_TRACK: {
    da: 'Oplysningen må ikke sendes med til dette spor (dataminimering).',
    en: 'This detail may not be sent to this track (data minimisation).',
  },
  MOTIVE_NOT_FOR_TRACK: {
    da: 'Motivet er følsomme oplysninger og må kun gives videre, hvor sporet har brug for det.',
    en: 'The motive is special-category data and may only be passed on where the track needs it.',
  },
  RECEIVER_IS_SENDER: {
    da: 'Henvisningen skal gå til en anden organisation end afsenderen.',
    en: 'The referral must go to another organisation than the sender.',
  },
  TRACK_NOT_OFFERED: {
    da: 'Behovsvurderingen peger ikke på dette spor.',
    en: 'The needs assessment does not point to this track.',
  },
  STATUS_CHANGE_NOT_ALLOWED: {
    da: 'Status kan ikke skifte sådan. Vælg en af de næste mulige statusser.',
    en: 'The status cannot change like that. Choose one of the next possible statuses.',
  },
  OUTCOME_REQUIRED: {
    da: 'Vælg udfaldet, når opgaven lukkes.',
    en: 'Choose the outcome when the task is closed.',
  },
  OUTCOME_NOT_ALLOWED: {
    da: 'Et udfald kan kun angives, når opgaven er lukket.',
    en: 'An outcome can only be given when the task is closed.',
  },
  OUTCOME_NOT_FOR_TASK: {
    da: 'Udfaldet passer ikke til denne slags opgave.',
    en: 'This outcome does not fit this kind of task.',
  },
  BEFORE_START: {
    da: 'Datoen må ikke ligge før startdatoen.',
    en: 'The date cannot be before the start date.',
  },
  DATE_IN_FUTURE: {
    da: 'Datoen må ikke ligge i fremtiden.',
    en: 'The date cannot be in the future.',
  },
  GROUP_COURSE_REQUIRED: {
    da: 'Vælg det gruppeforløb, personen har fået plads på.',
    en: 'Choose the group course the person has a place on.',
  },
  SESSIONS_NOT_FOR_GROUP: {
    da: 'Individuelle samtaler tælles ikke for en gruppeplads.',
    en: 'Individual sessions are not counted for a group place.',
  },
} as const satisfies Record<string, Label>;

export type HateCrimeErrorCode = keyof typeof HATE_CRIME_ERROR_MESSAGES;

export function hateCrimeFieldError(field: string, code: HateCrimeErrorCode): FieldError {
  return { field, code, message: HATE_CRIME_ERROR_MESSAGES[code] };
}
