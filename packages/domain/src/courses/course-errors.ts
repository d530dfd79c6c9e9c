// Field errors specific to the group-course capability. Generic codes
// (REQUIRED, TOO_LONG, UNKNOWN_OPTION, ...) come from validation.ts so they
// read the same everywhere; these are the rules only courses have.

import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';

export const COURSE_ERROR_MESSAGES = {
  NOT_STORED_WHEN_ANONYMOUS: {
    da: 'Organisationen arbejder anonymt: dette oplysningsfelt gemmes ikke og må ikke udfyldes.',
    en: 'The organisation works anonymously: this detail is not stored and must be left empty.',
  },
  NAME_OR_ALIAS_REQUIRED: {
    da: 'Skriv et navn eller et kaldenavn, så I kan kende personen igen.',
    en: 'Enter a name or an alias so you can recognise the person again.',
  },
  ALIAS_REQUIRED: {
    da: 'Skriv et kaldenavn (fornavn eller alias); anonyme organisationer gemmer ikke fulde navne.',
    en: 'Enter an alias (first name or nickname); anonymous organisations do not store full names.',
  },
  DATE_IN_FUTURE: {
    da: 'Datoen må ikke ligge i fremtiden.',
    en: 'The date cannot be in the future.',
  },
  NOT_AFTER_ASSESSMENT: {
    da: 'Datoen for ny vurdering skal ligge efter vurderingen.',
    en: 'The re-assessment date must come after the assessment.',
  },
  RISK_LEVEL_REQUIRED: {
    da: 'Vælg risikoniveauet fra vurderingen.',
    en: 'Choose the risk level from the assessment.',
  },
  ROUTE_REQUIRED: {
    da: 'Vælg mindst én henvisning (også "ingen henvisning" eller "takket nej").',
    en: 'Choose at least one referral (also "no referral" or "declined").',
  },
  WRONG_LEADER_COUNT: {
    da: 'Et forløb har to gruppeledere.',
    en: 'A course has two group leaders.',
  },
  DUPLICATE_LEADER: {
    da: 'Vælg to forskellige gruppeledere.',
    en: 'Choose two different group leaders.',
  },
  NOT_A_GROUP_LEADER: {
    da: 'Personen er ikke gruppeleder i organisationen.',
    en: 'This person is not a group leader in the organisation.',
  },
  WRONG_MODULE_COUNT: {
    da: 'En modulplan har ti moduler, ét for hver gang.',
    en: 'A module plan has ten modules, one per session.',
  },
  ALREADY_ENROLLED: {
    da: 'Personen er allerede tilmeldt dette forløb.',
    en: 'The person is already enrolled in this course.',
  },
  NOT_IN_COURSE: {
    da: 'Deltageren er ikke tilmeldt dette forløb.',
    en: 'The participant is not enrolled in this course.',
  },
  FORM_ALREADY_DONE: {
    da: 'Deltageren har allerede udfyldt dette skema.',
    en: 'The participant has already filled in this form.',
  },
  NO_SESSIONS: {
    da: 'Forløbet har ingen mødegange, så slutskemaet kan ikke åbnes.',
    en: 'The course has no sessions, so the end form cannot be opened.',
  },
  WITHDRAWN: {
    da: 'Deltageren er udmeldt af forløbet.',
    en: 'The participant has left the course.',
  },
  NOT_LATEST_ASSESSMENT: {
    da: 'Kun den seneste risikovurdering kan rettes; en nyere vurdering har afløst denne.',
    en: 'Only the latest risk assessment can be corrected; a newer assessment has replaced this one.',
  },
} satisfies Record<string, Label>;

export type CourseErrorCode = keyof typeof COURSE_ERROR_MESSAGES;

export function courseFieldError(field: string, code: CourseErrorCode): FieldError {
  return { field, code, message: COURSE_ERROR_MESSAGES[code] };
}
