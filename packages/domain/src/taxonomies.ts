import type { Label, Locale } from './labels.ts';

/**
 * Every taxonomy of the domain as data (DOMAIN §3). Codes are stable and
 * stored: where the Prisma schema has an enum, the codes here are exactly its
 * values (a test in packages/db checks they agree). Labels are the seeds'
 * Danish wording (VIVE's group-course evaluation Bilag 1 for the questionnaires' answer options,
 * the Projekt Opsøgende Indsats evaluation for outreach) with an English translation; labels may change,
 * codes may not.
 */
export type TaxonomyEntry = { readonly code: string; readonly label: Label };
export type Taxonomy = ReadonlyArray<TaxonomyEntry>;
export type CodeOf<T extends Taxonomy> = T[number]['code'];

/** The entry with this code, or undefined for a code the list does not have. */
export function entryOf<T extends Taxonomy>(list: T, code: string): T[number] | undefined {
  return list.find((entry) => entry.code === code);
}

/** True when `value` is one of the list's codes (narrows stored strings). */
export function isCodeOf<T extends Taxonomy>(list: T, value: unknown): value is CodeOf<T> {
  return typeof value === 'string' && list.some((entry) => entry.code === value);
}

/** The codes of a list, in its order. */
export function codesOf<T extends Taxonomy>(list: T): Array<CodeOf<T>> {
  return list.map((entry) => entry.code);
}

/**
 * The label of a code in the requested locale. An unknown code is a
 * programming error (codes are typed), so it throws rather than showing a
 * raw code to a user.
 */
export function labelOf<T extends Taxonomy>(list: T, code: CodeOf<T>, locale: Locale): string {
  const entry = entryOf(list, code);
  if (!entry) throw new RangeError(`Unknown code "${code}" for this taxonomy`);
  return entry.label[locale];
}

// ── Accounts and organisations (DOMAIN §1, §8) ───────────────────────────

/** User roles (Prisma enum Role), scoped to an organisation through memberships. */
export const ROLES = [
  {
    code: 'ADMIN',
    label: { da: 'Administrator', en: 'Administrator' },
    description: {
      da: 'Kommunens IT: brugere, roller, indstillinger og sletning.',
      en: 'Municipal IT: accounts, roles, organisation settings and retention.',
    },
  },
  {
    code: 'OUTREACH_WORKER',
    label: { da: 'Opsøgende medarbejder', en: 'Outreach worker' },
    description: {
      da: 'Gennemgår hændelseslister, ringer op, registrerer udfald og henviser til rådgivere.',
      en: 'Screens incident lists, phones people, registers outcomes and refers to counsellors.',
    },
  },
  {
    code: 'COUNSELLOR',
    label: { da: 'Offerrådgiver', en: 'Victim counsellor' },
    description: {
      da: 'Modtager henvisninger, ringer tilbage og registrerer, om en samtale fandt sted.',
      en: 'Receives referrals, calls back and registers whether a conversation took place.',
    },
  },
  {
    code: 'INTAKE_COORDINATOR',
    label: { da: 'Tovholder', en: 'Intake coordinator' },
    description: {
      da: 'Første samtale med borgeren, der henvender sig; udfylder registreringsskemaet.',
      en: 'First conversation with a person who comes forward; fills in the registration form.',
    },
  },
  {
    code: 'RISK_ASSESSOR',
    label: { da: 'Risikovurderer', en: 'Risk assessor' },
    description: {
      da: 'Certificeret i SARA-V3: risikovurdering, sikkerhedsplan og tidspunkt for ny vurdering.',
      en: 'SARA-V3 certified: risk assessment, safety plan and re-assessment date.',
    },
  },
  {
    code: 'GROUP_LEADER',
    label: { da: 'Gruppeleder', en: 'Group leader' },
    description: {
      da: 'Leder de 10 sessioner, fører fremmøde, udleverer spørgeskemaer og holder opfølgningssamtalen.',
      en: 'Runs the 10 sessions, records attendance, hands out questionnaires and holds the follow-up talk.',
    },
  },
  {
    code: 'PROJECT_LEAD',
    label: { da: 'Projektleder', en: 'Project lead' },
    description: {
      da: 'Kapacitet, venteliste, forløbskadence og omkostninger.',
      en: 'Capacity, waiting list, course cadence and costs.',
    },
  },
  {
    code: 'LEGAL_FINANCIAL_ADVISER',
    label: { da: 'Juridisk/økonomisk rådgiver', en: 'Legal and financial adviser' },
    description: {
      da: 'Hadforbrydelser: modtager henvisninger til juridisk/økonomisk rådgivning, åbner, arbejder med og lukker opgaver med et udfald.',
      en: 'Hate crime: receives referrals to legal and financial counselling; opens, works and closes tasks with an outcome.',
    },
  },
  {
    code: 'PSYCHOLOGIST',
    label: { da: 'Psykolog', en: 'Psychologist' },
    description: {
      da: 'Hadforbrydelser: modtager henvisninger til psykologisk støtte, tæller individuelle samtaler eller giver plads på et gruppeforløb.',
      en: 'Hate crime: receives referrals to psychological support; counts individual sessions or gives a place in a group course.',
    },
  },
  {
    code: 'SHELTER_STAFF',
    label: { da: 'Krisecentermedarbejder', en: 'Shelter staff' },
    description: {
      da: 'Registrerer ophold og fraflytning, §109-tjeklisten, psykologtimer, henvisning til civilsamfundet og opstartshjælp.',
      en: 'Records stays and move-outs, the §109 checklist, psychologist hours, civil-society referral and start-up help.',
    },
  },
  {
    code: 'EVALUATOR',
    label: { da: 'Evaluator', en: 'Evaluator' },
    description: {
      da: 'Læser kun samlede tal: andele, før- og eftermålinger, omkostninger og modenhedskriterier.',
      en: 'Reads aggregates only: rates, pre/post scores, costs and readiness criteria.',
    },
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { description: Label }>;
export type RoleCode = CodeOf<typeof ROLES>;

export const ORGANIZATION_KINDS = [
  { code: 'MUNICIPALITY', label: { da: 'Kommune', en: 'Municipality' } },
  { code: 'NGO', label: { da: 'Frivillig organisation', en: 'NGO' } },
  { code: 'SHELTER', label: { da: 'Krisecenter', en: "Women's shelter" } },
] as const satisfies Taxonomy;
export type OrganizationKindCode = CodeOf<typeof ORGANIZATION_KINDS>;

/** DOMAIN §2.2/§8: Odense does not journalise (anonymity), Køge does. Both are legitimate. */
export const PRIVACY_STANCES = [
  {
    code: 'ANONYMOUS',
    label: { da: 'Anonym (ingen journalisering)', en: 'Anonymous (no case record)' },
    description: {
      da: 'Kun fornavn eller alias; risikovurderingen journaliseres ikke, kun beslutningen gemmes.',
      en: 'First name or alias only; the risk assessment is not recorded, only the decision is kept.',
    },
  },
  {
    code: 'JOURNALISED',
    label: { da: 'Journaliseret', en: 'Journalised (case record)' },
    description: {
      da: 'Risikovurderingen journaliseres i sagssystemet og understøtter senere sagsbehandling.',
      en: 'The risk assessment is recorded in the case system and supports later casework.',
    },
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { description: Label }>;
export type PrivacyStanceCode = CodeOf<typeof PRIVACY_STANCES>;

// ── People ───────────────────────────────────────────────────────────────

/** The role of the person the data is about (the Projekt Opsøgende Indsats evaluation). */
export const PERSON_ROLES = [
  { code: 'VICTIM', label: { da: 'Offer', en: 'Victim' } },
  { code: 'WITNESS', label: { da: 'Vidne', en: 'Witness' } },
  { code: 'RELATIVE', label: { da: 'Pårørende', en: 'Relative' } },
  { code: 'GUARDIAN', label: { da: 'Værge', en: 'Guardian (of a minor)' } },
] as const satisfies Taxonomy;
export type PersonRoleCode = CodeOf<typeof PERSON_ROLES>;

/** Registration Q2 / baseline Q2 / end Q1. */
export const GENDERS = [
  { code: 'MAN', label: { da: 'Mand', en: 'Man' } },
  { code: 'WOMAN', label: { da: 'Kvinde', en: 'Woman' } },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' } },
] as const satisfies Taxonomy;
export type GenderCode = CodeOf<typeof GENDERS>;

/**
 * Age groups used in reporting (the Projekt Opsøgende Indsats evaluation: 18-29 … 60+; under 18 for
 * guardians' cases). `max` is inclusive; null means no upper bound.
 */
export const AGE_GROUPS = [
  { code: 'UNDER_18', label: { da: 'Under 18 år', en: 'Under 18' }, min: 0, max: 17 },
  { code: 'AGE_18_29', label: { da: '18-29 år', en: '18-29' }, min: 18, max: 29 },
  { code: 'AGE_30_39', label: { da: '30-39 år', en: '30-39' }, min: 30, max: 39 },
  { code: 'AGE_40_49', label: { da: '40-49 år', en: '40-49' }, min: 40, max: 49 },
  { code: 'AGE_50_59', label: { da: '50-59 år', en: '50-59' }, min: 50, max: 59 },
  { code: 'AGE_60_PLUS', label: { da: '60 år eller derover', en: '60 and over' }, min: 60, max: null },
] as const satisfies ReadonlyArray<TaxonomyEntry & { min: number; max: number | null }>;
export type AgeGroupCode = CodeOf<typeof AGE_GROUPS>;

/**
 * The reporting age group of an age in years. A fractional age counts as the
 * whole years completed (29.9 is 29). Negative or non-finite ages are bad
 * input and throw.
 */
export function ageGroupOf(age: number): AgeGroupCode {
  if (!Number.isFinite(age) || age < 0) throw new RangeError(`Age must be a finite number >= 0, got ${age}`);
  const years = Math.floor(age);
  const group = AGE_GROUPS.find((g) => years >= g.min && (g.max === null || years <= g.max));
  // Unreachable: the groups cover 0..∞ without gaps (tested).
  if (!group) throw new RangeError(`No age group for ${age}`);
  return group.code;
}

// ── Outreach (the Projekt Opsøgende Indsats evaluation, DOMAIN §2.1) ─────────────────────────────────────

type Acceptance = { wantCall: number; decline: number; callSelf: number };

/**
 * Incident types (police *hændelsestyper*). Labels are the rows of the Projekt Opsøgende Indsats evaluation
 * Figure 3. `reportAcceptance` is that figure's split of reached people
 * (N=2,768) so synthetic data and benchmarks can follow it; hate crime comes
 * from the Copenhagen hate-crime pre-study and has no such figure. `defaultActiveForOutreach` is the
 * starting setting for a new organisation: burglary/theft was switched off
 * in spring 2019 (acceptance 12%), history is kept either way.
 */
export const INCIDENT_TYPES = [
  {
    code: 'STALKING',
    label: { da: 'Tilhold og stalking', en: 'Restraining order breach and stalking' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.48, decline: 0.5, callSelf: 0.02 },
  },
  {
    code: 'SEXUAL_OFFENCE',
    label: { da: 'Voldtægt og seksuelle krænkelser', en: 'Rape and sexual offences' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.44, decline: 0.56, callSelf: 0 },
  },
  {
    code: 'INDECENT_EXPOSURE',
    label: { da: 'Blufærdighedskrænkelse', en: 'Indecent exposure' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.35, decline: 0.63, callSelf: 0.02 },
  },
  {
    code: 'THREATS',
    label: { da: 'Trusler', en: 'Threats' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.29, decline: 0.7, callSelf: 0.01 },
  },
  {
    code: 'ROBBERY',
    label: { da: 'Røveri', en: 'Robbery' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.27, decline: 0.72, callSelf: 0.01 },
  },
  {
    code: 'VIOLENCE',
    label: { da: 'Vold', en: 'Violence' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.27, decline: 0.72, callSelf: 0.01 },
  },
  {
    code: 'DEATH',
    label: { da: 'Dødsfald og drab', en: 'Death and homicide' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.25, decline: 0.74, callSelf: 0.01 },
  },
  {
    code: 'ACCIDENT',
    label: { da: 'Ulykker og uheld', en: 'Accidents' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.25, decline: 0.75, callSelf: 0 },
  },
  {
    code: 'BURGLARY_THEFT',
    label: { da: 'Indbrud og tyveri', en: 'Burglary and theft' },
    defaultActiveForOutreach: false,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.12, decline: 0.87, callSelf: 0.01 },
  },
  {
    code: 'MIXED',
    label: { da: 'Blandede', en: 'Mixed' },
    defaultActiveForOutreach: true,
    hasMotive: false,
    reportAcceptance: { wantCall: 0.05, decline: 0.95, callSelf: 0 },
  },
  {
    code: 'HATE_CRIME',
    label: { da: 'Hadforbrydelse', en: 'Hate crime' },
    defaultActiveForOutreach: true,
    hasMotive: true,
    reportAcceptance: null,
  },
] as const satisfies ReadonlyArray<
  TaxonomyEntry & {
    defaultActiveForOutreach: boolean;
    hasMotive: boolean;
    reportAcceptance: Acceptance | null;
  }
>;
export type IncidentTypeCode = CodeOf<typeof INCIDENT_TYPES>;

/** The motive of a hate crime (the Copenhagen hate-crime pre-study: identity-based harm). */
export const HATE_CRIME_MOTIVES = [
  { code: 'RACE_ETHNICITY', label: { da: 'Race eller etnisk oprindelse', en: 'Race or ethnicity' } },
  { code: 'RELIGION', label: { da: 'Religion eller tro', en: 'Religion or belief' } },
  { code: 'SEXUAL_ORIENTATION', label: { da: 'Seksuel orientering', en: 'Sexual orientation' } },
  {
    code: 'GENDER_IDENTITY',
    label: { da: 'Kønsidentitet eller kønsudtryk', en: 'Gender identity or expression' },
  },
  { code: 'DISABILITY', label: { da: 'Handicap', en: 'Disability' } },
  { code: 'POLITICAL_VIEWS', label: { da: 'Politisk overbevisning', en: 'Political views' } },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' } },
] as const satisfies Taxonomy;
export type HateCrimeMotiveCode = CodeOf<typeof HATE_CRIME_MOTIVES>;

/** Prisma enum OutreachStatus: where a case stands in the call queue. */
export const OUTREACH_STATUSES = [
  { code: 'OPEN', label: { da: 'Afventer opkald', en: 'Waiting to be called' }, closed: false },
  {
    code: 'NO_CONTACT_DETAILS',
    label: { da: 'Mangler kontaktoplysninger', en: 'No contact details' },
    closed: true,
  },
  {
    code: 'INACTIVE_TYPE',
    label: { da: 'Hændelsestypen er slået fra', en: 'Incident type switched off' },
    closed: true,
  },
  { code: 'REFERRED', label: { da: 'Henvist til rådgiver', en: 'Referred to a counsellor' }, closed: true },
  {
    code: 'DECLINED',
    label: { da: 'Ønsker ikke at blive kontaktet', en: 'Does not want to be contacted' },
    closed: true,
  },
  { code: 'WILL_CALL_SELF', label: { da: 'Ønsker selv at ringe', en: 'Will call themselves' }, closed: true },
  { code: 'UNREACHED', label: { da: 'Ikke truffet', en: 'Not reached' }, closed: true },
  { code: 'EXPIRED', label: { da: 'Opkaldsperioden er udløbet', en: 'Call window expired' }, closed: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { closed: boolean }>;
export type OutreachStatusCode = CodeOf<typeof OUTREACH_STATUSES>;

/**
 * Prisma enum CallOutcome. NOT_SAFE_TO_TALK: someone else answered or the
 * person could not talk safely; the call ended without revealing its purpose.
 */
export const CALL_OUTCOMES = [
  { code: 'NOT_REACHED', label: { da: 'Ikke truffet', en: 'Not reached' }, reached: false },
  { code: 'NOT_SAFE_TO_TALK', label: { da: 'Ikke sikkert at tale', en: 'Not safe to talk' }, reached: false },
  {
    code: 'WANTS_CALL',
    label: { da: 'Ønsker at blive kontaktet', en: 'Wants to be contacted' },
    reached: true,
  },
  {
    code: 'DECLINED',
    label: { da: 'Ønsker ikke at blive kontaktet', en: 'Does not want to be contacted' },
    reached: true,
  },
  {
    code: 'WILL_CALL_SELF',
    label: { da: 'Ønsker selv at ringe', en: 'Will call themselves' },
    reached: true,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { reached: boolean }>;
export type CallOutcomeCode = CodeOf<typeof CALL_OUTCOMES>;

/** Prisma enum DeclineReason (the Projekt Opsøgende Indsats evaluation: 82% no need, 8% need a more specialised offer). */
export const DECLINE_REASONS = [
  { code: 'NO_NEED', label: { da: 'Intet behov', en: 'No need' }, freeText: false },
  {
    code: 'NEEDS_SPECIALISED_OFFER',
    label: { da: 'Behov for et mere specialiseret tilbud', en: 'Needs a more specialised offer' },
    freeText: false,
  },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' }, freeText: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { freeText: boolean }>;
export type DeclineReasonCode = CodeOf<typeof DECLINE_REASONS>;

/** Prisma enum SurveyStatus: the user survey is offered only where ethically sound. */
export const SURVEY_STATUSES = [
  { code: 'OFFERED_ACCEPTED', label: { da: 'Tilbudt og accepteret', en: 'Offered and accepted' } },
  { code: 'OFFERED_DECLINED', label: { da: 'Tilbudt og afvist', en: 'Offered and declined' } },
  {
    code: 'NOT_APPROPRIATE_LANGUAGE',
    label: { da: 'Ikke relevant af sproglige årsager', en: 'Not appropriate: language' },
  },
  {
    code: 'NOT_APPROPRIATE_TECHNICAL',
    label: { da: 'Ikke relevant af tekniske årsager', en: 'Not appropriate: technical reasons' },
  },
  {
    code: 'NOT_APPROPRIATE_ETHICAL',
    label: { da: 'Ikke etisk forsvarligt', en: 'Not appropriate: ethical judgement' },
  },
  { code: 'NOT_OFFERED', label: { da: 'Ikke tilbudt', en: 'Not offered' } },
] as const satisfies Taxonomy;
export type SurveyStatusCode = CodeOf<typeof SURVEY_STATUSES>;

/** Prisma enum ReferralStatus: the result at the counsellor (the Projekt Opsøgende Indsats evaluation: 63% held, 23% other, 14% lost). */
export const REFERRAL_STATUSES = [
  { code: 'OPEN', label: { da: 'Afventer rådgiver', en: 'Waiting for a counsellor' }, closed: false },
  { code: 'TAKEN', label: { da: 'Taget af rådgiver', en: 'Taken by a counsellor' }, closed: false },
  { code: 'CONVERSATION_HELD', label: { da: 'Samtale gennemført', en: 'Conversation held' }, closed: true },
  {
    code: 'REGISTERED_OTHER',
    label: { da: 'Registreret som andet', en: 'Registered as other' },
    closed: true,
  },
  { code: 'LOST', label: { da: 'Tabt', en: 'Lost' }, closed: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { closed: boolean }>;
export type ReferralStatusCode = CodeOf<typeof REFERRAL_STATUSES>;

export const LOST_REASONS = [
  { code: 'NOT_REACHED', label: { da: 'Ingen kontakt', en: 'No contact' } },
  { code: 'NO_SHOW', label: { da: 'Udeblevet', en: 'No-show' } },
  { code: 'CANCELLED', label: { da: 'Aflyst', en: 'Cancelled' } },
] as const satisfies Taxonomy;
export type LostReasonCode = CodeOf<typeof LOST_REASONS>;

/** What a counsellor logs on a referral they hold before closing it (ReferralAttempt.kind). */
export const REFERRAL_ATTEMPT_KINDS = [
  { code: 'NOT_REACHED', label: { da: 'Ikke truffet', en: 'Not reached' } },
  { code: 'NOT_SAFE_TO_TALK', label: { da: 'Ikke sikkert at tale', en: 'Not safe to talk' } },
  { code: 'NEW_TIME_AGREED', label: { da: 'Ny tid aftalt', en: 'New time agreed' } },
  { code: 'NOTE', label: { da: 'Kun en note', en: 'A note only' } },
] as const satisfies Taxonomy;
export type ReferralAttemptKindCode = CodeOf<typeof REFERRAL_ATTEMPT_KINDS>;

/** How a person who agreed to a follow-up interview after the user survey wants to be contacted. */
export const OUTREACH_SURVEY_FOLLOW_UP_CHANNELS = [
  { code: 'PHONE', label: { da: 'Telefon', en: 'Phone' } },
  { code: 'EMAIL', label: { da: 'E-mail', en: 'E-mail' } },
] as const satisfies Taxonomy;

// ── Group course (VIVE's group-course evaluation, DOMAIN §2.2) ─────────────────────────────────

/**
 * Violence forms with the report's example text (VIVE's group-course evaluation Bilag 1, registration
 * Q5). OTHER is described by the respondent in free text.
 */
export const VIOLENCE_FORMS = [
  {
    code: 'PHYSICAL',
    label: { da: 'Fysisk vold', en: 'Physical violence' },
    example: { da: 'fx skub, spark eller slag', en: 'e.g. pushing, kicking or hitting' },
    freeText: false,
  },
  {
    code: 'PSYCHOLOGICAL',
    label: { da: 'Psykisk vold', en: 'Psychological violence' },
    example: { da: 'fx manipulation, kontrol eller trusler', en: 'e.g. manipulation, control or threats' },
    freeText: false,
  },
  {
    code: 'SEXUAL',
    label: { da: 'Seksuel vold', en: 'Sexual violence' },
    example: {
      da: 'fx uønsket seksualiseret sprog, intim berøring eller sex',
      en: 'e.g. unwanted sexualised language, intimate touching or sex',
    },
    freeText: false,
  },
  {
    code: 'MATERIAL',
    label: { da: 'Materiel vold', en: 'Material violence' },
    example: {
      da: 'fx få ødelagt ting, som har stor betydning for dig',
      en: 'e.g. having things that mean a lot to you destroyed',
    },
    freeText: false,
  },
  {
    code: 'ECONOMIC',
    label: { da: 'Økonomisk vold', en: 'Economic violence' },
    example: {
      da: 'fx blive tvunget til at optage lån eller betale for noget',
      en: 'e.g. being forced to take out loans or pay for something',
    },
    freeText: false,
  },
  {
    code: 'DIGITAL',
    label: { da: 'Digital vold', en: 'Digital violence' },
    example: {
      da: 'fx adgang til din telefon, computer eller GPS-lokation uden din tilladelse',
      en: 'e.g. access to your phone, computer or GPS location without your permission',
    },
    freeText: false,
  },
  {
    code: 'STALKING',
    label: { da: 'Stalking', en: 'Stalking' },
    example: {
      da: 'fx uønsket overvågning eller gentagende kontakt',
      en: 'e.g. unwanted surveillance or repeated contact',
    },
    freeText: false,
  },
  {
    code: 'HONOUR_RELATED',
    label: { da: 'Æresrelateret vold', en: 'Honour-related violence' },
    example: {
      da: 'fx social kontrol, udefrysning fra familien eller lignende undertrykkelse, der er planlagt eller accepteret af familien',
      en: 'e.g. social control, being frozen out of the family or similar oppression that is planned or accepted by the family',
    },
    freeText: false,
  },
  {
    code: 'OTHER',
    label: { da: 'Anden vold', en: 'Other violence' },
    example: { da: 'skriv selv', en: 'describe it yourself' },
    freeText: true,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { example: Label; freeText: boolean }>;
export type ViolenceFormCode = CodeOf<typeof VIOLENCE_FORMS>;

/**
 * Status of a violence form (registration Q5). Two typos of the registration form are
 * corrected: "Ikke relevant for borgere" (read: borgeren) and "Ophørt for ca.,
 * 4 år siden" (stray comma). `ongoing` marks the one status
 * that means the violence has not stopped.
 */
export const VIOLENCE_STATUS = [
  {
    code: 'NOT_RELEVANT',
    label: { da: 'Ikke relevant for borgeren', en: 'Not relevant for the person' },
    ongoing: false,
  },
  {
    code: 'ONGOING',
    label: { da: 'Stadig aktuelt. Ikke ophørt', en: 'Still ongoing. Not stopped' },
    ongoing: true,
  },
  {
    code: 'STOPPED_1_YEAR_OR_LESS',
    label: { da: 'Ophørt for ca. 1 år siden eller mindre', en: 'Stopped about 1 year ago or less' },
    ongoing: false,
  },
  {
    code: 'STOPPED_2_YEARS',
    label: { da: 'Ophørt for ca. 2 år siden', en: 'Stopped about 2 years ago' },
    ongoing: false,
  },
  {
    code: 'STOPPED_3_YEARS',
    label: { da: 'Ophørt for ca. 3 år siden', en: 'Stopped about 3 years ago' },
    ongoing: false,
  },
  {
    code: 'STOPPED_4_YEARS',
    label: { da: 'Ophørt for ca. 4 år siden', en: 'Stopped about 4 years ago' },
    ongoing: false,
  },
  {
    code: 'STOPPED_5_YEARS_OR_MORE',
    label: { da: 'Ophørt for ca. 5 år siden eller mere', en: 'Stopped about 5 years ago or more' },
    ongoing: false,
  },
  { code: 'DONT_KNOW', label: { da: 'Ved ikke', en: "Don't know" }, ongoing: false },
] as const satisfies ReadonlyArray<TaxonomyEntry & { ongoing: boolean }>;
export type ViolenceStatusCode = CodeOf<typeof VIOLENCE_STATUS>;

/** How often a violence form occurred (registration Q6, baseline Q10, end Q8). */
export const FREQUENCY = [
  { code: 'NEVER', label: { da: 'Aldrig', en: 'Never' } },
  { code: 'ONCE', label: { da: 'Én gang', en: 'Once' } },
  {
    code: 'LESS_THAN_MONTHLY',
    label: { da: 'Sjældnere end én gang om måneden', en: 'Less than once a month' },
  },
  { code: 'MONTHLY_OR_MORE', label: { da: 'Én eller flere gange om måneden', en: 'Once or more a month' } },
  { code: 'WEEKLY_OR_MORE', label: { da: 'Én eller flere gange om ugen', en: 'Once or more a week' } },
  { code: 'DAILY', label: { da: 'Hver dag', en: 'Every day' } },
  { code: 'UNSURE', label: { da: 'Jeg er i tvivl', en: 'I am not sure' } },
] as const satisfies Taxonomy;
export type FrequencyCode = CodeOf<typeof FREQUENCY>;

/** Where the person heard of the offer (registration Q4, several answers). */
export const HEARD_FROM = [
  {
    code: 'TRAINED_EMPLOYEE',
    label: {
      da: 'En medarbejder, som har deltaget i opkvalificering',
      en: 'An employee who has taken part in the training',
    },
    freeText: false,
  },
  { code: 'MUNICIPALITY', label: { da: 'Kommune', en: 'Municipality' }, freeText: false },
  { code: 'POLICE', label: { da: 'Politi', en: 'Police' }, freeText: false },
  { code: 'HEALTH_SERVICE', label: { da: 'Sundhedsvæsen', en: 'Health service' }, freeText: false },
  {
    code: 'JOB_OR_EDUCATION',
    label: { da: 'Job eller uddannelse', en: 'Job or education' },
    freeText: false,
  },
  { code: 'SOCIAL_MEDIA', label: { da: 'Sociale medier', en: 'Social media' }, freeText: false },
  { code: 'CAMPAIGN_MATERIAL', label: { da: 'Kampagnemateriale', en: 'Campaign material' }, freeText: false },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' }, freeText: true },
] as const satisfies ReadonlyArray<TaxonomyEntry & { freeText: boolean }>;
export type HeardFromCode = CodeOf<typeof HEARD_FROM>;

/**
 * Where the person was referred (registration Q8, several answers) — the same
 * codes as Prisma's RiskRoute. The two "no referral" answers exclude all
 * others.
 */
export const REFERRED_TO = [
  {
    code: 'GROUP_COURSE',
    label: { da: 'Gruppeforløb', en: 'Group course' },
    exclusive: false,
    freeText: false,
  },
  {
    code: 'INDIVIDUAL_COURSE',
    label: {
      da: 'Individuelt forløb (fx samtale eller rådgivning)',
      en: 'Individual course (e.g. talks or counselling)',
    },
    exclusive: false,
    freeText: false,
  },
  {
    code: 'SHELTER',
    label: { da: 'Krisecenterophold', en: 'Shelter stay' },
    exclusive: false,
    freeText: false,
  },
  {
    code: 'NO_RISK_NO_REFERRAL',
    label: {
      da: 'Ingen sikkerhedsrisiko og derfor ingen henvisning',
      en: 'No safety risk and therefore no referral',
    },
    exclusive: true,
    freeText: false,
  },
  {
    code: 'DECLINED',
    label: {
      da: 'Borgeren har takket nej og derfor ingen henvisning',
      en: 'The person declined and therefore no referral',
    },
    exclusive: true,
    freeText: false,
  },
  {
    code: 'OTHER_SUPPORT',
    label: { da: 'Anden støtte eller hjælp', en: 'Other support or help' },
    exclusive: false,
    freeText: true,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { exclusive: boolean; freeText: boolean }>;
export type ReferredToCode = CodeOf<typeof REFERRED_TO>;
/** Prisma calls the same list RiskRoute (the outcome of the risk assessment). */
export const RISK_ROUTES = REFERRED_TO;
export type RiskRouteCode = ReferredToCode;

/** Yes / no / don't know (registration Q7: risk assessed with SARA-V3?). */
export const YES_NO_DONT_KNOW = [
  { code: 'YES', label: { da: 'Ja', en: 'Yes' } },
  { code: 'NO', label: { da: 'Nej', en: 'No' } },
  { code: 'DONT_KNOW', label: { da: 'Ved ikke', en: "Don't know" } },
] as const satisfies Taxonomy;
export type YesNoDontKnowCode = CodeOf<typeof YES_NO_DONT_KNOW>;

/** Baseline Q4: main source of income (one answer, the best fit). */
export const INCOME_BASIS = [
  {
    code: 'EMPLOYED',
    label: {
      da: 'Ordinær beskæftigelse (fx lønmodtager, selvstændig)',
      en: 'Ordinary employment (e.g. employee, self-employed)',
    },
  },
  {
    code: 'STUDENT_OR_APPRENTICE',
    label: {
      da: 'SU eller lærling/elev med løn under uddannelse',
      en: 'Student grant (SU) or paid apprentice/trainee',
    },
  },
  { code: 'UNEMPLOYMENT_BENEFIT', label: { da: 'Dagpenge', en: 'Unemployment benefit' } },
  { code: 'SICKNESS_BENEFIT', label: { da: 'Sygedagpenge', en: 'Sickness benefit' } },
  {
    code: 'SOCIAL_ASSISTANCE',
    label: {
      da: 'Kontanthjælp, uddannelseshjælp eller integrationsydelse',
      en: 'Social assistance, education assistance or integration benefit',
    },
  },
  { code: 'FLEX_JOB', label: { da: 'Fleksjob', en: 'Flex job' } },
  { code: 'DISABILITY_PENSION', label: { da: 'Førtidspension', en: 'Disability pension' } },
  { code: 'RETIRED', label: { da: 'Efterløn/pension', en: 'Early retirement or old-age pension' } },
  {
    code: 'RESOURCE_OR_REHABILITATION',
    label: { da: 'Ressourceforløb eller revalidering', en: 'Resource programme or rehabilitation' },
  },
  {
    code: 'SUPPORTED_BY_FAMILY',
    label: {
      da: 'Forsørget af min samlever/familie (fx hjemmegående husmor eller husfar)',
      en: 'Supported by my partner/family (e.g. stay-at-home parent)',
    },
  },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' } },
] as const satisfies Taxonomy;
export type IncomeBasisCode = CodeOf<typeof INCOME_BASIS>;

/** Baseline Q5: highest education completed. */
export const EDUCATION = [
  { code: 'NONE', label: { da: 'Ingen uddannelse', en: 'No education' } },
  { code: 'SCHOOL_1_6', label: { da: 'Alm. skoleuddannelse, 1.-6. klasse', en: 'School, grades 1-6' } },
  { code: 'SCHOOL_7_10', label: { da: 'Alm. skoleuddannelse, 7.-10. klasse', en: 'School, grades 7-10' } },
  {
    code: 'UPPER_SECONDARY',
    label: { da: 'Gymnasial uddannelse (STX, HF, HHX, HTX)', en: 'Upper secondary (STX, HF, HHX, HTX)' },
  },
  {
    code: 'VOCATIONAL',
    label: {
      da: 'Erhvervsuddannelse (fx frisør, elektriker, landmand, kontoruddannelse, SOSU)',
      en: 'Vocational education (e.g. hairdresser, electrician, farmer, office, social and health care)',
    },
  },
  {
    code: 'SHORT_HIGHER',
    label: {
      da: 'Kort videregående uddannelse (fx byggetekniker, bioanalytiker, skibsfører, politibetjent)',
      en: 'Short higher education (e.g. construction technician, lab technician, ship master, police officer)',
    },
  },
  {
    code: 'MEDIUM_HIGHER',
    label: {
      da: 'Mellemlang videregående uddannelse (fx sygeplejerske, lærer, diplomingeniør, bachelor)',
      en: "Medium-cycle higher education (e.g. nurse, teacher, engineer, bachelor's degree)",
    },
  },
  {
    code: 'LONG_HIGHER',
    label: {
      da: 'Lang videregående uddannelse (fx læge, jurist, gymnasielærer, civilingeniør)',
      en: "Long higher education (e.g. doctor, lawyer, upper-secondary teacher, master's in engineering)",
    },
  },
  { code: 'PHD', label: { da: 'Forskeruddannelse (fx ph.d.)', en: 'Research degree (e.g. PhD)' } },
  { code: 'OTHER', label: { da: 'Andet', en: 'Other' } },
] as const satisfies Taxonomy;
export type EducationCode = CodeOf<typeof EDUCATION>;

/** Baseline Q6: children in the household (several answers; NONE excludes the others). */
export const CHILDREN_IN_HOUSEHOLD = [
  {
    code: 'OWN_AT_HOME',
    label: { da: 'Jeg har hjemmeboende børn', en: 'I have children living at home' },
    exclusive: false,
  },
  {
    code: 'OWN_NOT_AT_HOME',
    label: { da: 'Jeg har børn, der ikke er hjemmeboende', en: 'I have children not living at home' },
    exclusive: false,
  },
  {
    code: 'OTHERS_AT_HOME',
    label: {
      da: 'En anden i min husstand har børn, der er hjemmeboende',
      en: 'Someone else in my household has children living at home',
    },
    exclusive: false,
  },
  {
    code: 'OTHERS_NOT_AT_HOME',
    label: {
      da: 'En anden i min husstand har børn, der ikke er hjemmeboende',
      en: 'Someone else in my household has children not living at home',
    },
    exclusive: false,
  },
  {
    code: 'NONE',
    label: { da: 'Ingen i min husstand har børn', en: 'Nobody in my household has children' },
    exclusive: true,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { exclusive: boolean }>;
export type ChildrenInHouseholdCode = CodeOf<typeof CHILDREN_IN_HOUSEHOLD>;

/** Baseline Q7: the children's ages (several answers). */
export const CHILD_AGES = [
  { code: 'CHILD_0_2', label: { da: '0-2 år', en: '0-2 years' } },
  { code: 'CHILD_3_5', label: { da: '3-5 år', en: '3-5 years' } },
  { code: 'CHILD_6_9', label: { da: '6-9 år', en: '6-9 years' } },
  { code: 'CHILD_10_13', label: { da: '10-13 år', en: '10-13 years' } },
  { code: 'CHILD_14_17', label: { da: '14-17 år', en: '14-17 years' } },
  { code: 'CHILD_18_PLUS', label: { da: '18 år eller ældre', en: '18 years or older' } },
] as const satisfies Taxonomy;
export type ChildAgeCode = CodeOf<typeof CHILD_AGES>;

/**
 * Baseline Q11: how long the violence has lasted in the relation. `maxMonths`
 * lets reports group the answers (null: more than 10 years).
 */
export const DURATION = [
  { code: 'MAX_6_MONTHS', label: { da: 'Maksimalt 6 mdr.', en: 'At most 6 months' }, maxMonths: 6 },
  { code: 'MAX_1_YEAR', label: { da: 'Maksimalt 1 år', en: 'At most 1 year' }, maxMonths: 12 },
  { code: 'MAX_2_YEARS', label: { da: 'Maksimalt 2 år', en: 'At most 2 years' }, maxMonths: 24 },
  { code: 'MAX_3_YEARS', label: { da: 'Maksimalt 3 år', en: 'At most 3 years' }, maxMonths: 36 },
  { code: 'MAX_4_YEARS', label: { da: 'Maksimalt 4 år', en: 'At most 4 years' }, maxMonths: 48 },
  { code: 'MAX_5_YEARS', label: { da: 'Maksimalt 5 år', en: 'At most 5 years' }, maxMonths: 60 },
  { code: 'MAX_6_YEARS', label: { da: 'Maksimalt 6 år', en: 'At most 6 years' }, maxMonths: 72 },
  { code: 'MAX_7_YEARS', label: { da: 'Maksimalt 7 år', en: 'At most 7 years' }, maxMonths: 84 },
  { code: 'MAX_8_YEARS', label: { da: 'Maksimalt 8 år', en: 'At most 8 years' }, maxMonths: 96 },
  { code: 'MAX_9_YEARS', label: { da: 'Maksimalt 9 år', en: 'At most 9 years' }, maxMonths: 108 },
  { code: 'MAX_10_YEARS', label: { da: 'Maksimalt 10 år', en: 'At most 10 years' }, maxMonths: 120 },
  { code: 'MORE_THAN_10_YEARS', label: { da: 'Mere end 10 år', en: 'More than 10 years' }, maxMonths: null },
] as const satisfies ReadonlyArray<TaxonomyEntry & { maxMonths: number | null }>;
export type DurationCode = CodeOf<typeof DURATION>;

/**
 * Baseline Q12 / end Q7: is there still violence in the relation?
 *
 * The report's list is the end form's. Three of its answers compare with how it
 * was before the course ("bedre", "lige så meget som før", "værre end før
 * gruppeforløbet"); at the first session, when the baseline is filled in, there
 * is no "before" yet, so they are `onlyIn: 'END'`. The baseline offers instead a
 * plain "Ja, der er stadig vold" (`YES_STILL`, `onlyIn: 'BASELINE'`): without it
 * a participant still living with violence would have no answer. Every "yes"
 * has `stillViolence`, so the two forms can be compared on that.
 */
export const STILL_PRESENT = [
  {
    code: 'STOPPED',
    label: { da: 'Nej, volden er stoppet', en: 'No, the violence has stopped' },
    stillViolence: false,
  },
  {
    code: 'YES_STILL',
    label: { da: 'Ja, der er stadig vold', en: 'Yes, there is still violence' },
    stillViolence: true,
    onlyIn: 'BASELINE',
  },
  {
    code: 'YES_BETTER',
    label: {
      da: 'Ja, der er stadig vold, men situationen er bedre',
      en: 'Yes, there is still violence, but the situation is better',
    },
    stillViolence: true,
    onlyIn: 'END',
  },
  {
    code: 'YES_SAME',
    label: {
      da: 'Ja, der er stadig lige så meget vold som før',
      en: 'Yes, there is still as much violence as before',
    },
    stillViolence: true,
    onlyIn: 'END',
  },
  {
    code: 'YES_WORSE',
    label: {
      da: 'Ja, der er stadig vold, og situationen er værre end før gruppeforløbet',
      en: 'Yes, there is still violence, and the situation is worse than before the group course',
    },
    stillViolence: true,
    onlyIn: 'END',
  },
  {
    code: 'LEFT_RELATION',
    label: {
      da: 'Jeg er ikke længere i den relation, som gav anledning til gruppeforløbet',
      en: 'I am no longer in the relation that led to the group course',
    },
    stillViolence: false,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { stillViolence: boolean; onlyIn?: 'BASELINE' | 'END' }>;
export type StillPresentCode = CodeOf<typeof STILL_PRESENT>;

/** Baseline Q13: earlier exposure to or witnessing of violence (several answers). */
export const EARLIER_VIOLENCE = [
  {
    code: 'CHILDHOOD_HOME',
    label: { da: 'Ja, i mit barndomshjem', en: 'Yes, in my childhood home' },
    exclusive: false,
  },
  {
    code: 'EARLIER_PARTNER',
    label: { da: 'Ja, i tidligere parforhold', en: 'Yes, in earlier relationships with a partner' },
    exclusive: false,
  },
  {
    code: 'OTHER_CLOSE_RELATION',
    label: {
      da: 'Ja, i andre nære relationer (fx personer i din familie, i dit hjem eller andre personer, som du har/har haft et nært forhold til)',
      en: 'Yes, in other close relations (e.g. people in your family, in your home or others you have or had a close relationship with)',
    },
    exclusive: false,
  },
  {
    code: 'OTHER_CONTEXT',
    label: { da: 'Ja, i andre sammenhænge', en: 'Yes, in other contexts' },
    exclusive: false,
  },
  { code: 'UNSURE', label: { da: 'Jeg er i tvivl', en: 'I am not sure' }, exclusive: true },
  { code: 'NO', label: { da: 'Nej', en: 'No' }, exclusive: true },
  {
    code: 'PREFER_NOT_TO_SAY',
    label: { da: 'Ønsker ikke at svare', en: 'Prefer not to say' },
    exclusive: true,
  },
] as const satisfies ReadonlyArray<TaxonomyEntry & { exclusive: boolean }>;
export type EarlierViolenceCode = CodeOf<typeof EARLIER_VIOLENCE>;

/** Baseline Q14: earlier help for violence in close relations (one answer, as in the registration form). */
export const EARLIER_HELP = [
  {
    code: 'SHELTER',
    label: {
      da: 'Ja, jeg har tidligere haft ophold på krisecenter',
      en: 'Yes, I have stayed at a shelter before',
    },
  },
  {
    code: 'COUNSELLING',
    label: {
      da: 'Ja, jeg har tidligere modtaget et rådgivningsforløb (fx psykologhjælp eller gruppeterapi)',
      en: 'Yes, I have had counselling before (e.g. a psychologist or group therapy)',
    },
  },
  { code: 'NO', label: { da: 'Nej', en: 'No' } },
  { code: 'DONT_KNOW', label: { da: 'Ved ikke', en: "Don't know" } },
] as const satisfies Taxonomy;
export type EarlierHelpCode = CodeOf<typeof EARLIER_HELP>;

/** End Q9: helped on to other relevant offers? */
export const HELPED_ON = [
  { code: 'YES', label: { da: 'Ja, jeg er blevet hjulpet videre', en: 'Yes, I have been helped on' } },
  {
    code: 'NOT_NEEDED',
    label: {
      da: 'Nej, det var ikke nødvendigt med andre tilbud/forløb',
      en: 'No, other offers or courses were not needed',
    },
  },
  {
    code: 'NOT_HELPED_THOUGH_NEEDED',
    label: {
      da: 'Nej, jeg er ikke blevet hjulpet videre, selvom jeg havde behov for det',
      en: 'No, I have not been helped on, although I needed it',
    },
  },
] as const satisfies Taxonomy;
export type HelpedOnCode = CodeOf<typeof HELPED_ON>;

/** End Q10: the offers the participant was helped on to (several answers). */
export const HELPED_ON_TO = [
  { code: 'MUNICIPAL_OFFER', label: { da: 'Et kommunalt tilbud', en: 'A municipal offer' } },
  { code: 'SUPPORT_CONTACT_PERSON', label: { da: 'Støtte-kontaktperson', en: 'Support contact person' } },
  { code: 'SHELTER', label: { da: 'Et krisecenter', en: 'A shelter' } },
  { code: 'UD_AF_VOLDENS_SKYGGE', label: { da: 'Ud af Voldens Skygge', en: 'Ud af Voldens Skygge' } },
  { code: 'DIALOG_MOD_VOLD', label: { da: 'Dialog mod Vold', en: 'Dialog mod Vold' } },
  { code: 'SIG_DET_TIL_NOGEN', label: { da: 'Sig det til Nogen', en: 'Sig det til Nogen' } },
  { code: 'OWN_GP', label: { da: 'Egen læge', en: 'Own GP' } },
  { code: 'PSYCHIATRY', label: { da: 'Psykiatrien', en: 'Psychiatric services' } },
  { code: 'QNET', label: { da: 'Qnet', en: 'Qnet' } },
  { code: 'Q_VAERK', label: { da: 'Q-Værk', en: 'Q-Værk' } },
  {
    code: 'OTHER',
    label: { da: 'Andet tilbud/forløb end de ovennævnte', en: 'Another offer or course than those above' },
  },
] as const satisfies Taxonomy;
export type HelpedOnToCode = CodeOf<typeof HELPED_ON_TO>;

/**
 * The five answer categories of Brief INSPIRE-O, Brief INSPIRE and the course
 * items, with the 1-5 value the report's questionnaire stores.
 */
export const LIKERT_RESPONSES = [
  { code: 'NOT_AT_ALL', label: { da: 'Slet ikke', en: 'Not at all' }, value: 1 },
  { code: 'A_LITTLE', label: { da: 'Lidt', en: 'A little' }, value: 2 },
  { code: 'SOMEWHAT', label: { da: 'I nogen grad', en: 'Somewhat' }, value: 3 },
  { code: 'QUITE_A_LOT', label: { da: 'En hel del', en: 'Quite a lot' }, value: 4 },
  { code: 'VERY_MUCH', label: { da: 'Rigtig meget', en: 'Very much' }, value: 5 },
] as const satisfies ReadonlyArray<TaxonomyEntry & { value: number }>;
export type LikertCode = CodeOf<typeof LIKERT_RESPONSES>;

/** The four themes of the end form's course items (DOMAIN §5.2). */
export const COURSE_DIMENSIONS = [
  { code: 'RECOGNITION', label: { da: 'Erkendelse', en: 'Recognition' } },
  { code: 'MIRRORING', label: { da: 'Spejling', en: 'Mirroring' } },
  { code: 'NETWORK', label: { da: 'Netværk', en: 'Network' } },
  { code: 'OVERALL', label: { da: 'Samlet vurdering', en: 'Overall' } },
] as const satisfies Taxonomy;
export type CourseDimensionCode = CodeOf<typeof COURSE_DIMENSIONS>;

/** Prisma enum FollowUpStatus: the follow-up talk agreed at the last session. */
export const FOLLOW_UP_STATUSES = [
  { code: 'BOOKED', label: { da: 'Aftalt', en: 'Booked' } },
  { code: 'HELD', label: { da: 'Afholdt', en: 'Held' } },
  { code: 'CANCELLED', label: { da: 'Aflyst', en: 'Cancelled' } },
] as const satisfies Taxonomy;
export type FollowUpStatusCode = CodeOf<typeof FOLLOW_UP_STATUSES>;

/** Prisma enum QuestionnaireKind: the three forms of VIVE's group-course evaluation Bilag 1. */
export const QUESTIONNAIRE_KINDS = [
  { code: 'REGISTRATION', label: { da: 'Registreringsskema', en: 'Registration form' } },
  { code: 'BASELINE', label: { da: 'Baggrundsskema', en: 'Baseline form' } },
  { code: 'END', label: { da: 'Afslutningsskema', en: 'End form' } },
] as const satisfies Taxonomy;
export type QuestionnaireKindCode = CodeOf<typeof QUESTIONNAIRE_KINDS>;

/** Prisma enum InterventionModel: which model a cost input belongs to. */
export const INTERVENTION_MODELS = [
  { code: 'OUTREACH', label: { da: 'Opsøgende indsats', en: 'Outreach' } },
  { code: 'GROUP_COURSE', label: { da: 'Ambulant gruppeforløb', en: 'Outpatient group course' } },
  {
    code: 'HATE_CRIME_AFTERCARE',
    label: { da: 'Efterværn for ofre for hadforbrydelser', en: 'Hate-crime aftercare' },
  },
  {
    code: 'SHELTER_AFTERCARE',
    label: { da: 'Efterværn efter krisecenterophold', en: 'Aftercare after a shelter stay' },
  },
] as const satisfies Taxonomy;
export type InterventionModelCode = CodeOf<typeof INTERVENTION_MODELS>;

/** The three phases of the national action plan (the 2014 national action plan). */
export const PHASES = [
  { code: 'DETECTION', label: { da: 'Forebyggelse og opsporing', en: 'Prevention and detection' } },
  {
    code: 'SUPPORT',
    label: { da: 'Behandling, støtte og omsorg', en: 'Treatment, support and care' },
  },
  { code: 'AFTERCARE', label: { da: 'Efterværn og udslusning', en: 'Aftercare and transition' } },
] as const satisfies Taxonomy;
export type PhaseCode = CodeOf<typeof PHASES>;
