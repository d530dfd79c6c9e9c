import type { Label } from '../labels.ts';
import type { CodeOf, RoleCode, Taxonomy, TaxonomyEntry } from '../taxonomies.ts';

/**
 * The lists of hate-crime aftercare (DOMAIN §2.3) as data. Codes are ours and stored;
 * labels are the pre-study's Danish wording with an English translation. The model has
 * one entry (an aftercare case per victim), a needs assessment, and two tracks run by
 * two other organisations that receive a referral.
 */

/** The municipality's memo on the pre-study, the model's only source document. */
export const HATE_CRIME_PRE_STUDY: Label = {
  da: 'Københavns Kommune: Orientering om undersøgelse af evt. efterværn til ofre for hadforbrydelser (forundersøgelse ved Als Research, 2025)',
  en: 'Copenhagen municipality: briefing on the study of possible aftercare for victims of hate crimes (pre-study by Als Research, 2025)',
};

/**
 * How a victim reaches aftercare. The pre-study names Offerrådgivningen and Copenhagen
 * Police's hate-crime unit as the primary entries ("Politiet vil ofte også henvise ofre
 * til Offerrådgivningen"); self-referral and others are the additions so every
 * case has an entry.
 */
export const HATE_CRIME_ENTRY_POINTS = [
  {
    code: 'OUTREACH_CALL',
    label: {
      da: 'Offerrådgivningens opsøgende opkald',
      en: "Offerrådgivningen's outreach call",
    },
  },
  {
    code: 'POLICE_HATE_CRIME_UNIT',
    label: {
      da: 'Politiets afdeling for hadforbrydelser',
      en: "The police's hate-crime unit",
    },
  },
  { code: 'SELF', label: { da: 'Henvendte sig selv', en: 'Came forward themselves' } },
  { code: 'OTHER', label: { da: 'Andre', en: 'Others' } },
] as const satisfies Taxonomy;
export type HateCrimeEntryPointCode = CodeOf<typeof HATE_CRIME_ENTRY_POINTS>;

/**
 * The two supplementary tracks. `candidate` is the organisation the pre-study
 * interviewed; the installation registers the real one as an organisation.
 */
export const HATE_CRIME_TRACKS = [
  {
    code: 'LEGAL_FINANCIAL',
    label: { da: 'Juridisk/økonomisk rådgivning', en: 'Legal and financial counselling' },
    candidate: {
      da: 'Finn Nørgaard Foreningen, evt. med en organisation med speciale i juridisk og økonomisk rådgivning',
      en: 'Finn Nørgaard Foreningen, possibly with an organisation specialised in legal and financial counselling',
    },
  },
  {
    code: 'PSYCHOLOGICAL',
    label: { da: 'Psykologisk støtte', en: 'Psychological support' },
    candidate: {
      da: 'Center for Mental Sundhed (Sundheds- og Omsorgsforvaltningen), efter opkvalificering af psykologerne',
      en: 'Center for Mental Sundhed (the health and care administration), after the psychologists are upskilled',
    },
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { candidate: Label }>;
export type HateCrimeTrackCode = CodeOf<typeof HATE_CRIME_TRACKS>;

/** The two roles of the tracks' staff (codes of ROLES in taxonomies.ts), each tied to the track it works. */
export const HATE_CRIME_ROLES = [
  { code: 'LEGAL_FINANCIAL_ADVISER', track: 'LEGAL_FINANCIAL' },
  { code: 'PSYCHOLOGIST', track: 'PSYCHOLOGICAL' },
] as const satisfies ReadonlyArray<{ code: RoleCode; track: HateCrimeTrackCode }>;
export type HateCrimeRoleCode = (typeof HATE_CRIME_ROLES)[number]['code'];

/**
 * The needs categories of the pre-study's survey (217 answers): individual psychologist
 * talks 58 %, legal/financial counselling 37 %, group talks 32 %. `preStudyShare` keeps the
 * survey's figure for synthetic data; `track` is the track that answers the need.
 */
export const HATE_CRIME_NEEDS = [
  {
    code: 'INDIVIDUAL_PSYCHOLOGIST',
    label: { da: 'Individuelle psykologsamtaler', en: 'Individual talks with a psychologist' },
    track: 'PSYCHOLOGICAL',
    preStudyShare: 0.58,
  },
  {
    code: 'LEGAL_FINANCIAL',
    label: { da: 'Juridisk/økonomisk rådgivning', en: 'Legal and financial counselling' },
    track: 'LEGAL_FINANCIAL',
    preStudyShare: 0.37,
  },
  {
    code: 'GROUP',
    label: { da: 'Gruppesamtaler', en: 'Group talks' },
    track: 'PSYCHOLOGICAL',
    preStudyShare: 0.32,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { track: HateCrimeTrackCode; preStudyShare: number }>;
export type HateCrimeNeedCode = CodeOf<typeof HATE_CRIME_NEEDS>;

/**
 * The answer to each need: the survey's "helt sikkert" and "måske" (a quarter said
 * certainly, a third maybe), and no.
 */
export const HATE_CRIME_NEED_ANSWERS = [
  { code: 'CERTAINLY', label: { da: 'Ja, helt sikkert', en: 'Yes, certainly' } },
  { code: 'MAYBE', label: { da: 'Måske', en: 'Maybe' } },
  { code: 'NO', label: { da: 'Nej', en: 'No' } },
] as const satisfies Taxonomy;
export type HateCrimeNeedAnswerCode = CodeOf<typeof HATE_CRIME_NEED_ANSWERS>;

/** The legal/financial tasks the pre-study lists, each opened, worked and closed. */
export const LEGAL_TASK_KINDS = [
  {
    code: 'COMPENSATION_CLAIM',
    label: { da: 'Ansøgning om erstatning', en: 'Compensation claim' },
  },
  {
    code: 'LOST_EARNINGS',
    label: { da: 'Tabt arbejdsfortjeneste', en: 'Lost earnings' },
  },
  {
    code: 'REPORT_AND_CRIMINAL_CASE',
    label: {
      da: 'Anmeldelse af hændelsen og hjælp til at navigere i en straffesag',
      en: 'Reporting the incident and navigating the criminal case',
    },
  },
  {
    code: 'AUTHORITY_CONTACT',
    label: { da: 'Kontakt med myndigheder', en: 'Contact with authorities' },
  },
] as const satisfies Taxonomy;
export type LegalTaskKindCode = CodeOf<typeof LEGAL_TASK_KINDS>;

/** A task's status; `next` lists where it may go (a closed task stays closed: open a new one). */
export const LEGAL_TASK_STATUSES = [
  {
    code: 'OPENED',
    label: { da: 'Åbnet', en: 'Opened' },
    closed: false,
    next: ['IN_PROGRESS', 'CLOSED'],
  },
  {
    code: 'IN_PROGRESS',
    label: { da: 'I gang', en: 'In progress' },
    closed: false,
    next: ['CLOSED'],
  },
  { code: 'CLOSED', label: { da: 'Lukket', en: 'Closed' }, closed: true, next: [] },
] as const satisfies ReadonlyArray<TaxonomyEntry & { closed: boolean; next: readonly string[] }>;
export type LegalTaskStatusCode = CodeOf<typeof LEGAL_TASK_STATUSES>;

/**
 * How a closed task ended. `kinds` limits an outcome to the tasks it can describe: only a
 * claim can be granted or refused. Ours: the pre-study lists the tasks, not their outcomes.
 */
export const LEGAL_TASK_OUTCOMES = [
  {
    code: 'GRANTED',
    label: { da: 'Bevilget helt eller delvist', en: 'Granted in full or in part' },
    kinds: ['COMPENSATION_CLAIM', 'LOST_EARNINGS'],
  },
  {
    code: 'REFUSED',
    label: { da: 'Afslag', en: 'Refused' },
    kinds: ['COMPENSATION_CLAIM', 'LOST_EARNINGS'],
  },
  {
    code: 'HELP_GIVEN',
    label: {
      da: 'Hjælpen er givet (fx anmeldt, sagen forklaret, kontakt etableret)',
      en: 'Help given (e.g. reported, case explained, contact made)',
    },
    kinds: ['REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT', 'COMPENSATION_CLAIM', 'LOST_EARNINGS'],
  },
  {
    code: 'HANDED_ON',
    label: {
      da: 'Givet videre til advokat eller anden rådgivning',
      en: 'Handed on to a lawyer or other counselling',
    },
    kinds: ['COMPENSATION_CLAIM', 'LOST_EARNINGS', 'REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT'],
  },
  {
    code: 'STOPPED_BY_PERSON',
    label: { da: 'Personen ønskede ikke at fortsætte', en: 'The person chose not to continue' },
    kinds: ['COMPENSATION_CLAIM', 'LOST_EARNINGS', 'REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT'],
  },
  {
    code: 'NO_CONTACT',
    label: { da: 'Kontakten ophørte', en: 'Contact was lost' },
    kinds: ['COMPENSATION_CLAIM', 'LOST_EARNINGS', 'REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT'],
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { kinds: readonly LegalTaskKindCode[] }>;
export type LegalTaskOutcomeCode = CodeOf<typeof LEGAL_TASK_OUTCOMES>;

/**
 * The two forms of psychological support: individual sessions (counted) or a place in a
 * psychologist-led group, which runs on the group-course machinery (a course enrolment).
 */
export const PSYCHOLOGICAL_SUPPORT_FORMS = [
  {
    code: 'INDIVIDUAL_SESSIONS',
    label: { da: 'Individuelle samtaler', en: 'Individual sessions' },
    need: 'INDIVIDUAL_PSYCHOLOGIST',
  },
  {
    code: 'GROUP_PLACE',
    label: { da: 'Plads på et psykologledet gruppeforløb', en: 'A place in a psychologist-led group' },
    need: 'GROUP',
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { need: HateCrimeNeedCode }>;
export type PsychologicalSupportFormCode = CodeOf<typeof PSYCHOLOGICAL_SUPPORT_FORMS>;

/**
 * Where a referral between organisations stands. This is all the sender ever sees of it;
 * `next` lists where it may go. `uptake` marks the statuses that mean the track was taken
 * up; a referral withdrawn after it started still counts, by its start date (referral.ts).
 */
export const HATE_CRIME_REFERRAL_STATUSES = [
  {
    code: 'SENT',
    label: { da: 'Sendt', en: 'Sent' },
    closed: false,
    uptake: false,
    next: ['ACCEPTED', 'DECLINED_BY_RECEIVER', 'WITHDRAWN'],
  },
  {
    code: 'ACCEPTED',
    label: { da: 'Modtaget', en: 'Accepted' },
    closed: false,
    uptake: false,
    next: ['STARTED', 'NO_CONTACT', 'WITHDRAWN'],
  },
  {
    code: 'STARTED',
    label: { da: 'Forløbet er i gang', en: 'Support started' },
    closed: false,
    uptake: true,
    next: ['COMPLETED', 'WITHDRAWN'],
  },
  {
    code: 'COMPLETED',
    label: { da: 'Afsluttet', en: 'Completed' },
    closed: true,
    uptake: true,
    next: [],
  },
  {
    code: 'DECLINED_BY_RECEIVER',
    label: { da: 'Afvist af modtageren', en: 'Declined by the receiver' },
    closed: true,
    uptake: false,
    next: [],
  },
  {
    code: 'NO_CONTACT',
    label: { da: 'Ingen kontakt', en: 'No contact' },
    closed: true,
    uptake: false,
    next: [],
  },
  {
    code: 'WITHDRAWN',
    label: { da: 'Trukket tilbage (samtykke trukket)', en: 'Withdrawn (consent withdrawn)' },
    closed: true,
    uptake: false,
    next: [],
  },
] as const satisfies ReadonlyArray<
  TaxonomyEntry & { closed: boolean; uptake: boolean; next: readonly string[] }
>;
export type HateCrimeReferralStatusCode = CodeOf<typeof HATE_CRIME_REFERRAL_STATUSES>;
