import type { Label } from '../labels.ts';
import type { CodeOf, Taxonomy, TaxonomyEntry } from '../taxonomies.ts';

/**
 * The lists of aftercare after a women's-shelter stay (DOMAIN §2.4) as data. Codes are
 * ours and stored; labels are the Red Cross paper's Danish with an English translation.
 */

/** The model's source document, the Red Cross policy paper on aftercare. */
export const SHELTER_AFTERCARE_PAPER: Label = {
  da: 'Røde Kors: Uden hjælp efter volden risikerer vi, at hele indsatsen før og under krisecenteropholdet er spildt (anbefalinger om efterværn, 2025)',
  en: 'Danish Red Cross: Without help after the violence we risk wasting all the effort before and during the shelter stay (recommendations on aftercare, 2025)',
};

/** The national action plan that set the goal for repeat stays. */
export const NATIONAL_ACTION_PLAN_2014: Label = {
  da: 'Indsats mod vold i familien og i nære relationer – National handlingsplan (2014)',
  en: 'Action against violence in the family and in close relations – national action plan (2014)',
};

/** Who a person on a stay is: the woman, or one of her children (a person linked to her). */
export const STAY_PERSON_ROLES = [
  { code: 'WOMAN', label: { da: 'Kvinde', en: 'Woman' } },
  { code: 'CHILD', label: { da: 'Barn', en: 'Child' } },
] as const satisfies Taxonomy;
export type StayPersonRoleCode = CodeOf<typeof STAY_PERSON_ROLES>;

/**
 * The areas of the coordinating counselling the municipality owes by move-out at the
 * latest (serviceloven § 109): "bolig, økonomi, arbejdsmarked, skole, daginstitutioner,
 * sundhedsvæsen m.v.". `childrenOnly` marks the areas that concern the children.
 */
export const COUNSELLING_AREAS = [
  { code: 'HOUSING', label: { da: 'Bolig', en: 'Housing' }, childrenOnly: false },
  { code: 'FINANCES', label: { da: 'Økonomi', en: 'Finances' }, childrenOnly: false },
  { code: 'WORK', label: { da: 'Arbejdsmarked', en: 'Work' }, childrenOnly: false },
  { code: 'SCHOOL', label: { da: 'Skole', en: 'School' }, childrenOnly: true },
  { code: 'DAY_CARE', label: { da: 'Daginstitution', en: 'Day care' }, childrenOnly: true },
  { code: 'HEALTH', label: { da: 'Sundhedsvæsen', en: 'Health' }, childrenOnly: false },
] as const satisfies ReadonlyArray<TaxonomyEntry & { childrenOnly: boolean }>;
export type CounsellingAreaCode = CodeOf<typeof COUNSELLING_AREAS>;

/** An area counts as covered when it is done or judged not relevant (`covers`). */
export const COUNSELLING_ITEM_STATUSES = [
  { code: 'NOT_STARTED', label: { da: 'Ikke påbegyndt', en: 'Not started' }, covers: false },
  { code: 'IN_PROGRESS', label: { da: 'I gang', en: 'In progress' }, covers: false },
  { code: 'DONE', label: { da: 'Afklaret', en: 'Done' }, covers: true },
  { code: 'NOT_RELEVANT', label: { da: 'Ikke relevant', en: 'Not relevant' }, covers: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { covers: boolean }>;
export type CounsellingItemStatusCode = CodeOf<typeof COUNSELLING_ITEM_STATUSES>;

/**
 * The civil-society aftercare offers built in (the paper's own): Qnet (community and a
 * listening person, about 850 women and children a year) and Fra Bolig til Hjem (volunteer
 * architects furnish the new home, about 380 a year). Organisations add their own offers
 * as OTHER with a name.
 */
export const CIVIL_SOCIETY_OFFERS = [
  {
    code: 'QNET',
    label: { da: 'Qnet (Røde Kors)', en: 'Qnet (Red Cross)' },
    description: {
      da: 'Fællesskaber og en person, der lytter, i tiden efter krisecentret.',
      en: 'Community and a person who listens, in the time after the shelter.',
    },
    seedPerYear: 850,
  },
  {
    code: 'FRA_BOLIG_TIL_HJEM',
    label: { da: 'Fra Bolig til Hjem (Røde Kors)', en: 'Fra Bolig til Hjem (Red Cross)' },
    description: {
      da: 'Frivillige arkitekter hjælper med at indrette det nye hjem.',
      en: 'Volunteer architects help furnish the new home.',
    },
    seedPerYear: 380,
  },
  {
    code: 'OTHER',
    label: { da: 'Andet tilbud (organisationens eget)', en: "Other offer (the organisation's own)" },
    description: {
      da: 'Et tilbud organisationen selv har tilføjet.',
      en: 'An offer the organisation added.',
    },
    seedPerYear: null,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { description: Label; seedPerYear: number | null }>;
export type CivilSocietyOfferCode = CodeOf<typeof CIVIL_SOCIETY_OFFERS>;

/**
 * Where a civil-society referral stands. `consent`: the status needs her consent on
 * record; `uptake`: she took the offer up; `outcome`: the status needs an outcome.
 */
export const CIVIL_SOCIETY_REFERRAL_STATUSES = [
  {
    code: 'OFFERED',
    label: { da: 'Tilbudt', en: 'Offered' },
    consent: false,
    uptake: false,
    outcome: false,
    next: ['DECLINED', 'REFERRED'],
  },
  {
    code: 'DECLINED',
    label: { da: 'Takket nej', en: 'Declined' },
    consent: false,
    uptake: false,
    outcome: false,
    next: [],
  },
  {
    code: 'REFERRED',
    label: { da: 'Henvist', en: 'Referred' },
    consent: true,
    uptake: false,
    outcome: false,
    next: ['STARTED', 'NOT_STARTED'],
  },
  {
    code: 'STARTED',
    label: { da: 'I gang', en: 'Started' },
    consent: true,
    uptake: true,
    outcome: false,
    next: ['ENDED'],
  },
  {
    code: 'NOT_STARTED',
    label: { da: 'Kom ikke i gang', en: 'Did not start' },
    consent: true,
    uptake: false,
    outcome: true,
    next: [],
  },
  {
    code: 'ENDED',
    label: { da: 'Afsluttet', en: 'Ended' },
    consent: true,
    uptake: true,
    outcome: true,
    next: [],
  },
] as const satisfies ReadonlyArray<
  TaxonomyEntry & { consent: boolean; uptake: boolean; outcome: boolean; next: readonly string[] }
>;
export type CivilSocietyReferralStatusCode = CodeOf<typeof CIVIL_SOCIETY_REFERRAL_STATUSES>;

/** How a referral ended; `statuses` says which end status each outcome can close. Ours. */
export const CIVIL_SOCIETY_OUTCOMES = [
  {
    code: 'COMPLETED',
    label: { da: 'Forløbet gennemført', en: 'Completed' },
    statuses: ['ENDED'],
  },
  {
    code: 'STOPPED_EARLY',
    label: { da: 'Stoppede undervejs', en: 'Stopped early' },
    statuses: ['ENDED'],
  },
  {
    code: 'NO_CONTACT',
    label: { da: 'Ingen kontakt', en: 'No contact' },
    statuses: ['NOT_STARTED', 'ENDED'],
  },
  {
    code: 'NO_PLACE',
    label: { da: 'Ingen plads hos organisationen', en: 'No place at the organisation' },
    statuses: ['NOT_STARTED'],
  },
  {
    code: 'CHANGED_MIND',
    label: { da: 'Ønskede det ikke alligevel', en: 'Changed her mind' },
    statuses: ['NOT_STARTED'],
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { statuses: readonly CivilSocietyReferralStatusCode[] }>;
export type CivilSocietyOutcomeCode = CodeOf<typeof CIVIL_SOCIETY_OUTCOMES>;

/**
 * Start-up help the paper asks a state pool to fund: "tilskud til indskud til bolig,
 * flytning, basale møbler, tøj og legetøj til børn m.m.". `childrenOnly`: toys need a child.
 */
export const START_UP_HELP_NEEDS = [
  { code: 'DEPOSIT', label: { da: 'Indskud til bolig', en: 'Housing deposit' }, childrenOnly: false },
  { code: 'MOVING', label: { da: 'Flytning', en: 'Moving' }, childrenOnly: false },
  { code: 'FURNITURE', label: { da: 'Basale møbler', en: 'Basic furniture' }, childrenOnly: false },
  { code: 'CLOTHES', label: { da: 'Tøj', en: 'Clothes' }, childrenOnly: false },
  { code: 'TOYS', label: { da: 'Legetøj til børn', en: "Children's toys" }, childrenOnly: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { childrenOnly: boolean }>;
export type StartUpHelpNeedCode = CodeOf<typeof START_UP_HELP_NEEDS>;

/** Whether a start-up need was met, and how. */
export const START_UP_HELP_STATUSES = [
  { code: 'NEEDED', label: { da: 'Behov', en: 'Needed' }, met: false },
  { code: 'APPLIED', label: { da: 'Søgt', en: 'Applied for' }, met: false },
  { code: 'MET', label: { da: 'Dækket', en: 'Met' }, met: true },
  { code: 'NOT_MET', label: { da: 'Ikke dækket', en: 'Not met' }, met: false },
] as const satisfies ReadonlyArray<TaxonomyEntry & { met: boolean }>;
export type StartUpHelpStatusCode = CodeOf<typeof START_UP_HELP_STATUSES>;
