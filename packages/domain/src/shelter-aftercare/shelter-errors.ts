// Field errors only the shelter-aftercare rules have. Generic codes (REQUIRED,
// INVALID_DATE, OUT_OF_RANGE, UNKNOWN_OPTION, ...) come from validation.ts.

import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';

export const SHELTER_ERROR_MESSAGES = {
  MOVE_OUT_BEFORE_ADMISSION: {
    da: 'Fraflytningen må ikke ligge før indflytningen.',
    en: 'The move-out cannot be before the admission.',
  },
  DATE_IN_FUTURE: { da: 'Datoen må ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  OVERLAPPING_STAY: {
    da: 'Opholdet overlapper et andet ophold for samme person.',
    en: 'The stay overlaps another stay of the same person.',
  },
  CHILD_NOT_LINKED: {
    da: 'Barnet er ikke knyttet til kvinden på dette ophold.',
    en: 'The child is not linked to the woman on this stay.',
  },
  DUE_AFTER_MOVE_OUT: {
    da: 'Fristen skal ligge senest på fraflytningsdagen (§ 109: senest ved fraflytning).',
    en: 'The due date must be no later than the move-out day (§ 109: by move-out at the latest).',
  },
  DUPLICATE_AREA: {
    da: 'Området står mere end én gang på tjeklisten.',
    en: 'The area appears more than once on the checklist.',
  },
  MISSING_AREA: {
    da: 'Området mangler på tjeklisten.',
    en: 'The area is missing from the checklist.',
  },
  COMPLETED_DATE_REQUIRED: {
    da: 'Angiv hvornår området blev afklaret.',
    en: 'Give the date the area was done.',
  },
  COMPLETED_DATE_NOT_ALLOWED: {
    da: 'En afklaringsdato kan kun angives, når området er afklaret.',
    en: 'A completion date can only be given when the area is done.',
  },
  CHILDREN_ONLY: {
    da: 'Dette gælder kun, når kvinden har børn med på opholdet.',
    en: 'This only applies when the woman has children with her on the stay.',
  },
  HOURS_OVER_ENTITLEMENT: {
    da: 'Der kan højst bookes 10 psykologtimer pr. person.',
    en: 'At most 10 psychologist hours can be booked per person.',
  },
  USED_OVER_BOOKED: {
    da: 'Der kan ikke være brugt flere timer, end der er booket.',
    en: 'More hours cannot have been used than were booked.',
  },
  QUARTER_HOURS: {
    da: 'Angiv timer i hele kvarterer (fx 0,75 eller 1,5).',
    en: 'Give hours in whole quarter hours (e.g. 0.75 or 1.5).',
  },
  DUPLICATE_PERSON: {
    da: 'Personen står mere end én gang.',
    en: 'The person appears more than once.',
  },
  CONSENT_REQUIRED: {
    da: 'Kvinden skal give samtykke, før hun henvises til et tilbud i civilsamfundet.',
    en: 'The woman must consent before she is referred to a civil-society offer.',
  },
  CONSENT_AFTER_REFERRAL: {
    da: 'Samtykket skal være givet senest den dag, henvisningen sendes.',
    en: 'Consent must be given on or before the day the referral is sent.',
  },
  OUTCOME_REQUIRED: { da: 'Vælg hvordan henvisningen endte.', en: 'Choose how the referral ended.' },
  OUTCOME_NOT_ALLOWED: {
    da: 'Et udfald kan kun angives, når henvisningen er afsluttet eller ikke kom i gang.',
    en: 'An outcome can only be given when the referral has ended or did not start.',
  },
  OUTCOME_NOT_FOR_STATUS: {
    da: 'Udfaldet passer ikke til denne status.',
    en: 'This outcome does not fit this status.',
  },
  OFFER_NAME_REQUIRED: {
    da: 'Skriv navnet på organisationens eget tilbud.',
    en: "Enter the name of the organisation's own offer.",
  },
  STATUS_CHANGE_NOT_ALLOWED: {
    da: 'Status kan ikke skifte sådan. Vælg en af de næste mulige statusser.',
    en: 'The status cannot change like that. Choose one of the next possible statuses.',
  },
  BEFORE_START: {
    da: 'Datoen må ikke ligge før den forrige dato.',
    en: 'The date cannot be before the previous date.',
  },
} as const satisfies Record<string, Label>;

export type ShelterErrorCode = keyof typeof SHELTER_ERROR_MESSAGES;

export function shelterFieldError(field: string, code: ShelterErrorCode): FieldError {
  return { field, code, message: SHELTER_ERROR_MESSAGES[code] };
}
