/**
 * The proportions the synthetic national dataset follows, with where each comes from.
 * The Projekt Opsøgende Indsats evaluation (POI, Copenhagen 2018-2019) and VIVE's group-course evaluation (VIVE, Odense and Køge) report
 * them; DOMAIN.md §2.1/§2.2 digests them. Weights need not sum to 1; they are
 * normalised when turned into SQL.
 */

import { INCIDENT_TYPES } from '@vi/domain';

export type Weighted<T extends string = string> = ReadonlyArray<readonly [T, number]>;

/** Identified population by incident type: violence is the most frequent (34%, the Projekt Opsøgende Indsats evaluation). */
export const INCIDENT_TYPE_WEIGHTS: Weighted = [
  ['VIOLENCE', 34],
  ['THREATS', 15],
  ['BURGLARY_THEFT', 13],
  ['ROBBERY', 9],
  ['SEXUAL_OFFENCE', 7],
  ['STALKING', 5],
  ['ACCIDENT', 5],
  ['DEATH', 3],
  ['INDECENT_EXPOSURE', 3],
  ['MIXED', 4],
  ['HATE_CRIME', 2],
];

/**
 * Figure 3 of the Projekt Opsøgende Indsats evaluation (N = 2,768): share of reached people who want a counsellor's call and
 * who will call themselves, per incident type. The figures live once, in the domain
 * (INCIDENT_TYPES[].reportAcceptance); hate crime has none there and gets the violence row.
 */
export const FIGURE_3: Readonly<Record<string, { wantsCall: number; self: number }>> = Object.fromEntries(
  INCIDENT_TYPES.map((type) => {
    const acceptance =
      type.reportAcceptance ?? INCIDENT_TYPES.find((t) => t.code === 'VIOLENCE')?.reportAcceptance;
    if (!acceptance) throw new Error('The domain has no Figure 3 row for violence');
    return [type.code, { wantsCall: acceptance.wantCall, self: acceptance.callSelf }];
  }),
);

/** Identified population: 52% men (the Projekt Opsøgende Indsats evaluation); the rest women, a few registered as other. */
export const GENDER_WEIGHTS: Weighted = [
  ['MAN', 52],
  ['WOMAN', 46],
  ['OTHER', 2],
];

/** 75% victims, 12% witnesses, 7% relatives/guardians (the Projekt Opsøgende Indsats evaluation); the unexplained rest goes to victims. */
export const ROLE_WEIGHTS: Weighted = [
  ['VICTIM', 81],
  ['WITNESS', 12],
  ['RELATIVE', 5],
  ['GUARDIAN', 2],
];

/** Age at incident as [lowest, highest] year ranges; 32% aged 18-29 (the Projekt Opsøgende Indsats evaluation). */
export const AGE_RANGE_WEIGHTS: ReadonlyArray<readonly [number, number, number]> = [
  [12, 17, 4],
  [18, 29, 32],
  [30, 39, 20],
  [40, 49, 17],
  [50, 59, 14],
  [60, 89, 13],
];

/**
 * Acceptance modifiers relative to the overall rate, so that the marginal rates come out
 * near the Projekt Opsøgende Indsats evaluation's: women 33% vs men 17%; 60+ accept least (16%), 30-39 most (28%);
 * relatives 28%, victims 26%, guardians 23%, witnesses 16%.
 */
export const ACCEPTANCE_FACTOR = {
  gender: { WOMAN: 1.3, MAN: 0.72, OTHER: 1 } as Record<string, number>,
  role: { VICTIM: 1.03, WITNESS: 0.64, RELATIVE: 1.1, GUARDIAN: 0.92 } as Record<string, number>,
  /** Keyed by the lowest age of AGE_RANGE_WEIGHTS' ranges. */
  ageFrom: { 12: 1, 18: 1, 30: 1.12, 40: 1, 50: 0.95, 60: 0.64 } as Record<number, number>,
};

/** About 17% of identified people have no contact details (the Projekt Opsøgende Indsats evaluation). */
export const NO_CONTACT_SHARE = 0.17;
/** 62% of those with contact details are reached (the Projekt Opsøgende Indsats evaluation: 2,783 of 4,531 identified... of the contactable). */
export const REACHED_SHARE = 0.62;
/** Decline reasons: 82% no need, 8% need a more specialised offer (the Projekt Opsøgende Indsats evaluation); 2% left unregistered. */
export const DECLINE_REASON_WEIGHTS: Weighted = [
  ['NO_NEED', 80],
  ['NEEDS_SPECIALISED_OFFER', 8],
  ['OTHER', 10],
  ['', 2],
];
/** 1,090 survey links sent of 2,783 reached; 367 excluded for technical or language reasons (the Projekt Opsøgende Indsats evaluation). */
export const SURVEY_WEIGHTS: Weighted = [
  ['OFFERED_ACCEPTED', 39],
  ['OFFERED_DECLINED', 10],
  ['NOT_APPROPRIATE_LANGUAGE', 8],
  ['NOT_APPROPRIATE_TECHNICAL', 5],
  ['NOT_APPROPRIATE_ETHICAL', 3],
  ['NOT_OFFERED', 35],
];
/** Of 701 referrals: 63% conversation held, 23% registered as other, 14% lost (the Projekt Opsøgende Indsats evaluation). */
export const REFERRAL_RESULT_WEIGHTS: Weighted = [
  ['CONVERSATION_HELD', 63],
  ['REGISTERED_OTHER', 23],
  ['LOST', 14],
];

/** Burglary/theft was switched off for outreach in spring 2019 (the Projekt Opsøgende Indsats evaluation). */
export const BURGLARY_SWITCHED_OFF_ON = '2019-04-01';

/** Group-course intake (VIVE's group-course evaluation): where people heard of the offer (multi-choice; independent draws). */
export const HEARD_FROM_SHARE: ReadonlyArray<readonly [string, number]> = [
  ['TRAINED_EMPLOYEE', 0.35],
  ['MUNICIPALITY', 0.25],
  ['POLICE', 0.15],
  ['HEALTH_SERVICE', 0.12],
  ['JOB_OR_EDUCATION', 0.05],
  ['SOCIAL_MEDIA', 0.1],
  ['CAMPAIGN_MATERIAL', 0.05],
  ['OTHER', 0.04],
];

/**
 * Violence forms: 9 in 10 had psychological violence, about half physical (VIVE's group-course evaluation);
 * of those, still ongoing: psychological 62%, stalking 18%, physical 15%.
 */
export const VIOLENCE_FORM_SHARE: ReadonlyArray<readonly [string, number, number]> = [
  // [form, share exposed, share of the exposed for whom it is still ongoing]
  ['PSYCHOLOGICAL', 0.9, 0.62],
  ['PHYSICAL', 0.5, 0.15],
  ['SEXUAL', 0.2, 0.1],
  ['MATERIAL', 0.25, 0.2],
  ['ECONOMIC', 0.3, 0.3],
  ['DIGITAL', 0.25, 0.3],
  ['STALKING', 0.25, 0.18],
  ['HONOUR_RELATED', 0.05, 0.2],
  // "Other" needs a free-text description on the form; synthetic people never have one.
  ['OTHER', 0, 0],
];

/**
 * Routes after risk assessment for people not joining a group course (VIVE's group-course evaluation: individual
 * course 5-27%, shelter 10-12%, other support about a quarter, no risk 3-5%, declined 5-21%).
 */
export const NON_GROUP_ROUTE_WEIGHTS: Weighted = [
  ['INDIVIDUAL_COURSE', 30],
  ['SHELTER', 18],
  ['OTHER_SUPPORT', 30],
  ['NO_RISK_NO_REFERRAL', 7],
  ['DECLINED', 15],
];

/** Men are 6-9% of group-course contacts (VIVE's group-course evaluation). */
export const INTAKE_GENDER_WEIGHTS: Weighted = [
  ['WOMAN', 91],
  ['MAN', 8],
  ['OTHER', 1],
];

// ── Hate-crime aftercare (the Copenhagen hate-crime pre-study) ─────────────────────────────────────

/**
 * Aftercare cases a year: the pre-study's 50-100 victims a year at the start of the model
 * (HATE_CRIME_EXPECTED_VOLUME.startUp), its middle, over the dataset's ten years.
 */
export const HATE_CRIME_CASES_PER_YEAR = 75;

/**
 * How the victim reached aftercare. The pre-study names the police's hate-crime unit and
 * Offerrådgivningen as the entries; the outreach-call entry needs a link to an outreach case of
 * the same organisation, which the synthetic data does not make, so its share goes to the police.
 */
export const HATE_CRIME_ENTRY_WEIGHTS: Weighted = [
  ['POLICE_HATE_CRIME_UNIT', 60],
  ['SELF', 30],
  ['OTHER', 10],
];

/**
 * The survey's needs (217 answers): individual psychologist 58 %, legal/financial 37 %, group
 * 32 % (HATE_CRIME_NEEDS' preStudyShare); a quarter "certainly", a third "maybe" overall, so of
 * those with a need about 40 % certainly and 60 % maybe.
 */
export const HATE_CRIME_CERTAINLY_SHARE_OF_NEED = 0.4;

/** What became of a referral (ours: the hate-crime pre-study has no figures on it). Uptake = STARTED or COMPLETED. */
export const HATE_CRIME_REFERRAL_RESULT_WEIGHTS: Weighted = [
  ['COMPLETED', 55],
  ['STARTED', 15],
  ['NO_CONTACT', 14],
  ['WITHDRAWN', 10],
  ['DECLINED_BY_RECEIVER', 6],
];

/** Outcomes of closed claims (compensation, lost earnings) and of the other tasks (ours). */
export const CLAIM_OUTCOME_WEIGHTS: Weighted = [
  ['GRANTED', 40],
  ['REFUSED', 20],
  ['HELP_GIVEN', 15],
  ['HANDED_ON', 10],
  ['STOPPED_BY_PERSON', 10],
  ['NO_CONTACT', 5],
];
export const OTHER_TASK_OUTCOME_WEIGHTS: Weighted = [
  ['HELP_GIVEN', 60],
  ['HANDED_ON', 20],
  ['STOPPED_BY_PERSON', 12],
  ['NO_CONTACT', 8],
];

// ── Aftercare after a shelter stay (the Red Cross aftercare paper) ───────────────────────────

/** Danish women's shelters (about 50 in the Red Cross paper's time; ours, for the bench). */
export const SHELTER_COUNT = 46;
/** 3,100 women leave a shelter each year (the Red Cross aftercare paper), over the dataset's ten years. */
export const SHELTER_MOVE_OUTS_PER_YEAR = 3100;
/**
 * 1 in 4 women in a shelter has been in one before (the Red Cross aftercare paper). A woman returns after a stay
 * with probability RETURN_SHARE (lower after aftercare: the 2014 action plan's goal is 30 %
 * fewer), for at most three stays: about 1.3 stays per woman, a quarter of them repeats.
 */
export const RETURN_SHARE = { withAftercare: 0.2, withoutAftercare: 0.34 } as const;
export const MAX_STAYS_PER_WOMAN = 3;
export const STAYS_PER_WOMAN = 1.31;
/** Share of move-outs followed by aftercare (psychologist hours, civil society, start-up help). */
export const AFTERCARE_SHARE = 0.55;
/** A few stays end in a transfer to another shelter (admitted the same or the next day). */
export const TRANSFER_SHARE = 0.05;
/** Women with a CPR number the staff can give (the rest match only at the same shelter). */
export const PERSON_KEY_SHARE = 0.92;
/** 2,600 children leave with 3,100 women (the Red Cross aftercare paper): 0-3 children a stay, 0.84 on average. */
export const CHILDREN_WEIGHTS: Weighted = [
  ['0', 46],
  ['1', 30],
  ['2', 16],
  ['3', 8],
];
/** § 109 areas done by move-out (ours): most are, some only after, a few not at all. */
export const COUNSELLING_DONE_SHARE = 0.85;
export const COUNSELLING_DONE_LATE_SHARE = 0.08;
/**
 * Civil-society offers per move-out: Qnet ~850 women and children a year, Fra Bolig til Hjem
 * ~380 a year (the Red Cross aftercare paper), against 3,100 women: offered to about a third and a sixth.
 */
export const CIVIL_SOCIETY_OFFER_SHARE: ReadonlyArray<readonly [string, number]> = [
  ['QNET', 0.33],
  ['FRA_BOLIG_TIL_HJEM', 0.16],
];
/** Start-up needs per move-out (the Red Cross aftercare paper lists them; shares ours). */
export const START_UP_NEED_SHARE: ReadonlyArray<readonly [string, number]> = [
  ['DEPOSIT', 0.4],
  ['MOVING', 0.5],
  ['FURNITURE', 0.45],
  ['CLOTHES', 0.25],
  ['TOYS', 0.3],
];
