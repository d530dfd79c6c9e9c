import type { Label } from './labels.ts';
import { type FieldError, fieldError } from './validation.ts';

/**
 * Cost rules as data (DOMAIN §6): every figure carries its source and price
 * year, and the set has a version id that stored cost inputs point at
 * (CostInput.ruleVersion). A municipality enters its own hours and rates and
 * gets the same breakdown as the seeds' examples. Start-up is kept apart from
 * running cost; per-person figures divide by people who completed and say so.
 *
 * Figures are not re-indexed between price years: each item keeps the year
 * its source gives (the Projekt Opsøgende Indsats evaluation states none; its report year, 2020, is used).
 */

export type CostSource = { document: Label; reference: string };

export type CostRuleItem = {
  id: string;
  label: Label;
  unit: 'DKK' | 'HOURS' | 'DKK_PER_HOUR' | 'SHARE' | 'COUNT' | 'FTE';
  /** The figure, or the low end of a range. */
  value: number;
  /** The high end, when the source gives a range. */
  upper?: number;
  priceYear: number | null;
  source: CostSource;
};

export type CostRuleSet = {
  id: string;
  title: Label;
  /** The price year of the headline comparison (shelter stay); items carry their own. */
  priceYear: number;
  items: readonly CostRuleItem[];
};

const OPSOEGENDE_INDSATS_EVALUATION: Label = {
  da: 'Evaluering af Projekt Opsøgende Indsats, København 2018-2020',
  en: 'Evaluation of Projekt Opsøgende Indsats, Copenhagen 2018-2020',
};
const VIVE_GROUP_COURSE_EVALUATION: Label = {
  da: 'VIVE: Slutevaluering af den kommunale ambulante gruppeforløbsmodel, 2025',
  en: 'VIVE: final evaluation of the municipal outpatient group-course model, 2025',
};
const HATE_CRIME_PRE_STUDY: Label = {
  da: 'Københavns Kommune: forundersøgelse af efterværn for ofre for hadforbrydelser',
  en: 'Copenhagen municipality: pre-study of aftercare for hate-crime victims',
};

export const COST_RULE_SETS: readonly CostRuleSet[] = [
  {
    id: 'dk-2024-v1',
    title: { da: 'Danske omkostningsregler, version 1', en: 'Danish cost rules, version 1' },
    priceYear: 2024,
    items: [
      {
        id: 'outreach.startup.training',
        label: { da: 'Uddannelse, tre projektmedarbejdere', en: 'Training, three project staff' },
        unit: 'DKK',
        value: 43_000,
        priceYear: 2020,
        source: { document: OPSOEGENDE_INDSATS_EVALUATION, reference: 'Tabel 2' },
      },
      {
        id: 'outreach.startup.it',
        label: { da: 'IT og telefoni', en: 'IT and phones' },
        unit: 'DKK',
        value: 15_000,
        priceYear: 2020,
        source: { document: OPSOEGENDE_INDSATS_EVALUATION, reference: 'Tabel 2' },
      },
      {
        id: 'outreach.yearly.staff',
        label: {
          da: 'Opsøgende medarbejdere (40 timer/ugen i 52 uger)',
          en: 'Outreach staff (40 h/week, 52 weeks)',
        },
        unit: 'DKK',
        value: 308_000,
        priceYear: 2020,
        source: { document: OPSOEGENDE_INDSATS_EVALUATION, reference: 'Tabel 2' },
      },
      {
        id: 'outreach.yearly.management',
        label: {
          da: 'Projektledelse (6 timer/ugen i 52 uger)',
          en: 'Project management (6 h/week, 52 weeks)',
        },
        unit: 'DKK',
        value: 78_000,
        priceYear: 2020,
        source: { document: OPSOEGENDE_INDSATS_EVALUATION, reference: 'Tabel 2' },
      },
      {
        id: 'group.startup.salaries',
        label: { da: 'Lønudgifter i opstartsfasen', en: 'Salaries during start-up' },
        unit: 'DKK',
        value: 590_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1-4.2 (Køge)' },
      },
      {
        id: 'group.startup.other_staff',
        label: { da: 'Øvrige personaleudgifter', en: 'Other staff costs' },
        unit: 'DKK',
        value: 25_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.startup.training_participants',
        label: { da: 'Kursusdeltagere i opkvalificering', en: 'Participants in training' },
        unit: 'COUNT',
        value: 16,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.startup.training_price',
        label: { da: 'Kursuspris pr. deltager', en: 'Course price per participant' },
        unit: 'DKK',
        value: 7_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.startup.training_total',
        label: {
          da: 'Uddannelse og opkvalificering i alt (kursusudgifter, transport)',
          en: 'Training in total (fees, transport)',
        },
        unit: 'DKK',
        value: 125_000,
        priceYear: 2024,
        source: {
          document: VIVE_GROUP_COURSE_EVALUATION,
          reference: 'Tabel 4.1 (Køge; paid by Social- og Boligstyrelsen)',
        },
      },
      {
        id: 'group.startup.campaign',
        label: {
          da: 'Kampagne- og informationsmateriale, opstartsworkshop',
          en: 'Campaign and information material, kick-off workshop',
        },
        unit: 'DKK',
        value: 75_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.startup.overhead',
        label: { da: 'Overhead (svarende til 20 %)', en: 'Overhead (about 20%)' },
        unit: 'DKK',
        value: 160_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.startup.total',
        label: { da: 'Samlet ressourceforbrug på opstart', en: 'Total start-up resources' },
        unit: 'DKK',
        value: 975_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.1 (Køge)' },
      },
      {
        id: 'group.hours.detection_meetings',
        label: {
          da: 'Månedlige møder i opsporingsteam (otte medarbejdere)',
          en: 'Monthly detection-team meetings (eight staff)',
        },
        unit: 'HOURS',
        value: 200,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (Køge)' },
      },
      {
        id: 'group.hours.promotion',
        label: { da: 'Projektleders løbende promovering', en: "Project lead's ongoing promotion" },
        unit: 'HOURS',
        value: 450,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (Køge)' },
      },
      {
        id: 'group.hours.risk_assessment',
        label: { da: 'Individuelle samtaler og risikovurdering', en: 'Individual talks and risk assessment' },
        unit: 'HOURS',
        value: 700,
        priceYear: null,
        source: {
          document: VIVE_GROUP_COURSE_EVALUATION,
          reference: 'Tabel 4.3 (Køge; 90 contacts in 2024)',
        },
      },
      {
        id: 'group.hours.course_facilitation',
        label: {
          da: 'Facilitering af gruppeforløb (fem forløb à 10 sessioner, to ledere, forberedelse, afslutningssamtaler)',
          en: 'Running group courses (five courses of 10 sessions, two leaders, preparation, closing talks)',
        },
        unit: 'HOURS',
        value: 600,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (Køge)' },
      },
      {
        id: 'group.hours.other',
        label: {
          da: 'Øvrige: projektledelse, supervision, temadage, uddannelse af nye medarbejdere',
          en: 'Other: project management, supervision, theme days, training new staff',
        },
        unit: 'HOURS',
        value: 300,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (Køge)' },
      },
      {
        id: 'group.hours.overhead_share',
        label: {
          da: 'Overhead: øvrig ledelse og administration',
          en: 'Overhead: other management and administration',
        },
        unit: 'SHARE',
        value: 0.2,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (450 h, about 20%)' },
      },
      {
        id: 'group.hours.total',
        label: { da: 'Samlet forventet ressourceforbrug pr. år', en: 'Total expected hours per year' },
        unit: 'HOURS',
        value: 2_700,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'Tabel 4.3 (Køge)' },
      },
      {
        id: 'group.hourly_rate',
        label: { da: 'Effektiv timesats', en: 'Effective hourly rate' },
        unit: 'DKK_PER_HOUR',
        value: 415,
        upper: 475,
        priceYear: 2024,
        source: {
          document: VIVE_GROUP_COURSE_EVALUATION,
          reference: 'afsnit 4.2 (social worker base ~390 kr/h, KRL)',
        },
      },
      {
        id: 'group.supervision',
        label: {
          da: 'Eksternt honorar til supervision og opkvalificering',
          en: 'External supervision and training',
        },
        unit: 'DKK',
        value: 100_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2' },
      },
      {
        id: 'group.yearly_total',
        label: {
          da: 'Årlige driftsomkostninger inkl. supervision',
          en: 'Yearly running cost incl. supervision',
        },
        unit: 'DKK',
        value: 1_250_000,
        upper: 1_350_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2' },
      },
      {
        id: 'group.courses_per_year',
        label: { da: 'Gruppeforløb pr. år', en: 'Group courses per year' },
        unit: 'COUNT',
        value: 4,
        upper: 6,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2.1' },
      },
      {
        id: 'group.per_course',
        label: { da: 'Udgift pr. gennemført gruppeforløb', en: 'Cost per completed group course' },
        unit: 'DKK',
        value: 250_000,
        upper: 300_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2.1' },
      },
      {
        id: 'group.per_completer',
        label: { da: 'Udgift pr. person, der gennemfører', en: 'Cost per person who completes' },
        unit: 'DKK',
        value: 30_000,
        upper: 40_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2.1' },
      },
      {
        id: 'shelter.stay_2016',
        label: {
          da: 'Gennemsnitligt krisecenterophold (Socialstyrelsen)',
          en: 'Average shelter stay (Socialstyrelsen)',
        },
        unit: 'DKK',
        value: 66_400,
        priceYear: 2016,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.3' },
      },
      {
        id: 'shelter.stay',
        label: { da: 'Gennemsnitligt krisecenterophold, fremskrevet', en: 'Average shelter stay, indexed' },
        unit: 'DKK',
        value: 80_000,
        priceYear: 2024,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.3' },
      },
      {
        id: 'shelter.stay_danner',
        label: { da: 'Gennemsnitligt krisecenterophold (Danner)', en: 'Average shelter stay (Danner)' },
        unit: 'DKK',
        value: 164_000,
        priceYear: 2019,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.3 (Danner, 2019)' },
      },
      {
        id: 'comparison.ud_af_voldens_skygge',
        label: {
          da: 'Ud af Voldens Skygge: typisk caseforløb inkl. efterværn',
          en: 'Ud af Voldens Skygge: typical case incl. aftercare',
        },
        unit: 'DKK',
        value: 60_000,
        priceYear: 2019,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2.2' },
      },
      {
        id: 'comparison.videre_uden_vold',
        label: {
          da: 'Videre Uden Vold: årsværk i en større kommune (ca. 100 personer om året)',
          en: 'Videre Uden Vold: FTE in a large municipality (about 100 people a year)',
        },
        unit: 'FTE',
        value: 2.5,
        priceYear: null,
        source: { document: VIVE_GROUP_COURSE_EVALUATION, reference: 'afsnit 4.2.2' },
      },
      {
        id: 'hate_crime.aftercare_yearly',
        label: {
          da: 'Efterværn for ofre for hadforbrydelser (50-100 ofre)',
          en: 'Aftercare for hate-crime victims (50-100 victims)',
        },
        unit: 'DKK',
        value: 1_000_000,
        upper: 2_000_000,
        priceYear: null,
        source: { document: HATE_CRIME_PRE_STUDY, reference: 'estimate for Copenhagen' },
      },
    ],
  },
];

export const CURRENT_COST_RULE_SET_ID = 'dk-2024-v1';

/** A rule set by id; unknown ids throw (stored inputs name the version they were entered against). */
export function costRuleSet(id: string): CostRuleSet {
  const set = COST_RULE_SETS.find((s) => s.id === id);
  if (!set) throw new RangeError(`Unknown cost rule set "${id}"`);
  return set;
}

/** One item of a rule set by id; unknown ids throw. */
export function costRule(ruleSetId: string, itemId: string): CostRuleItem {
  const item = costRuleSet(ruleSetId).items.find((i) => i.id === itemId);
  if (!item) throw new RangeError(`Unknown cost rule "${itemId}" in "${ruleSetId}"`);
  return item;
}

const rule = (id: string) => costRule(CURRENT_COST_RULE_SET_ID, id);

// ── Inputs ────────────────────────────────────────────────────────────────

export type OutreachCostInputs = {
  ruleSetId: string;
  /** One-off: training the outreach staff. */
  trainingCost: number;
  /** One-off: IT and phones. */
  itCost: number;
  outreachHoursPerWeek: number;
  outreachHourlyRate: number;
  managementHoursPerWeek: number;
  managementHourlyRate: number;
  weeksPerYear: number;
  /** Other staff and administration on top (the Projekt Opsøgende Indsats evaluation: "Hertil kommer…"); 0 in the seed's table. */
  otherYearlyCosts: number;
};

/**
 * The Projekt Opsøgende Indsats evaluation Table 2. The seed gives yearly amounts for 40 and 6 hours a week
 * over 52 weeks; the hourly rates here are those amounts divided by the hours
 * (308,000 / 2,080 h and 78,000 / 312 h = 250 kr/h), so the seed's figures
 * come back exactly.
 */
export const DEFAULT_OUTREACH_INPUTS: OutreachCostInputs = {
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  trainingCost: rule('outreach.startup.training').value,
  itCost: rule('outreach.startup.it').value,
  outreachHoursPerWeek: 40,
  outreachHourlyRate: rule('outreach.yearly.staff').value / (40 * 52),
  managementHoursPerWeek: 6,
  managementHourlyRate: rule('outreach.yearly.management').value / (6 * 52),
  weeksPerYear: 52,
  otherYearlyCosts: 0,
};

export type StartUpOverhead = { rate: number } | { amount: number };

export type GroupCourseCostInputs = {
  ruleSetId: string;
  startUp: {
    salaries: number;
    otherStaff: number;
    trainingParticipants: number;
    trainingPricePerParticipant: number;
    /** Transport and other training costs beyond the course fees. */
    trainingOther: number;
    campaign: number;
    /** Either a share of the other start-up costs or a fixed amount. */
    overhead: StartUpOverhead;
  };
  hoursPerYear: {
    detectionMeetings: number;
    promotion: number;
    riskAssessment: number;
    courseFacilitation: number;
    other: number;
  };
  /** Management and administration, as a share of the hours above. */
  overheadHoursShare: number;
  hourlyRate: number;
  supervisionPerYear: number;
  coursesPerYear: number;
};

/**
 * Køge's example (VIVE's group-course evaluation Tables 4.1-4.3). Where the seed gives a figure
 * without its parts, the parts are derived and say so:
 * - training 125,000 kr = 16 × 7,000 kr fees + 13,000 kr transport (derived);
 * - start-up overhead is the seed's 160,000 kr ("about 20%"; 20% of the
 *   other items would be 163,000 kr);
 * - hourly rate 445 kr: the middle of the seed's 415-475 kr;
 * - 5 courses a year (Table 4.3).
 * The people who complete are not an input: a live system counts its own
 * completers (see `VIVE_ASSUMED_COMPLETERS` for the report's assumption).
 */
export const KOEGE_EXAMPLE_INPUTS: GroupCourseCostInputs = {
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  startUp: {
    salaries: rule('group.startup.salaries').value,
    otherStaff: rule('group.startup.other_staff').value,
    trainingParticipants: rule('group.startup.training_participants').value,
    trainingPricePerParticipant: rule('group.startup.training_price').value,
    trainingOther:
      rule('group.startup.training_total').value -
      rule('group.startup.training_participants').value * rule('group.startup.training_price').value,
    campaign: rule('group.startup.campaign').value,
    overhead: { amount: rule('group.startup.overhead').value },
  },
  hoursPerYear: {
    detectionMeetings: rule('group.hours.detection_meetings').value,
    promotion: rule('group.hours.promotion').value,
    riskAssessment: rule('group.hours.risk_assessment').value,
    courseFacilitation: rule('group.hours.course_facilitation').value,
    other: rule('group.hours.other').value,
  },
  overheadHoursShare: rule('group.hours.overhead_share').value,
  hourlyRate: (rule('group.hourly_rate').value + (rule('group.hourly_rate').upper as number)) / 2,
  supervisionPerYear: rule('group.supervision').value,
  coursesPerYear: 5,
};

/**
 * The report's own assumption behind its 30,000-40,000 kr per completer: 5 courses
 * × 7 completers (groups of 6-8). Only for reproducing the report's worked example;
 * live figures divide by the completers the system counts (DOMAIN §9).
 */
export const VIVE_ASSUMED_COMPLETERS = 35;

// ── Validation of stored or entered inputs ───────────────────────────────

type NumberRule = { path: string; min: number; max?: number; integer?: boolean; nullable?: boolean };

function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function checkNumbers(inputs: unknown, rules: readonly NumberRule[], errors: FieldError[]): void {
  for (const r of rules) {
    const value = readPath(inputs, r.path);
    if (value === null && r.nullable) continue;
    if (value === undefined || value === null) errors.push(fieldError(r.path, 'REQUIRED'));
    else if (typeof value !== 'number' || !Number.isFinite(value))
      errors.push(fieldError(r.path, 'NOT_A_NUMBER'));
    else if (r.integer && !Number.isInteger(value)) errors.push(fieldError(r.path, 'NOT_AN_INTEGER'));
    else if (value < r.min || (r.max !== undefined && value > r.max)) {
      errors.push(
        fieldError(r.path, 'OUT_OF_RANGE', r.max === undefined ? { min: r.min } : { min: r.min, max: r.max }),
      );
    }
  }
}

function checkRuleSet(inputs: unknown, errors: FieldError[]): void {
  const id = readPath(inputs, 'ruleSetId');
  if (id === undefined || id === null || id === '') errors.push(fieldError('ruleSetId', 'REQUIRED'));
  else if (typeof id !== 'string' || !COST_RULE_SETS.some((s) => s.id === id)) {
    errors.push(fieldError('ruleSetId', 'UNKNOWN_OPTION', { option: String(id) }));
  }
}

export type CostInputsValidation<T> = { ok: true; inputs: T } | { ok: false; errors: FieldError[] };

/** Checks outreach cost inputs (e.g. a stored CostInput.inputs), naming each bad field. */
export function validateOutreachCostInputs(inputs: unknown): CostInputsValidation<OutreachCostInputs> {
  const errors: FieldError[] = [];
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return { ok: false, errors: [fieldError('inputs', 'NOT_AN_OBJECT')] };
  }
  checkRuleSet(inputs, errors);
  checkNumbers(
    inputs,
    [
      { path: 'trainingCost', min: 0 },
      { path: 'itCost', min: 0 },
      { path: 'outreachHoursPerWeek', min: 0, max: 168 },
      { path: 'outreachHourlyRate', min: 0 },
      { path: 'managementHoursPerWeek', min: 0, max: 168 },
      { path: 'managementHourlyRate', min: 0 },
      { path: 'weeksPerYear', min: 1, max: 53 },
      { path: 'otherYearlyCosts', min: 0 },
    ],
    errors,
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: inputs as OutreachCostInputs };
}

/** Checks group-course cost inputs, naming each bad field (`startUp.salaries`, …). */
export function validateGroupCourseCostInputs(inputs: unknown): CostInputsValidation<GroupCourseCostInputs> {
  const errors: FieldError[] = [];
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return { ok: false, errors: [fieldError('inputs', 'NOT_AN_OBJECT')] };
  }
  checkRuleSet(inputs, errors);
  checkNumbers(
    inputs,
    [
      { path: 'startUp.salaries', min: 0 },
      { path: 'startUp.otherStaff', min: 0 },
      { path: 'startUp.trainingParticipants', min: 0, integer: true },
      { path: 'startUp.trainingPricePerParticipant', min: 0 },
      { path: 'startUp.trainingOther', min: 0 },
      { path: 'startUp.campaign', min: 0 },
      { path: 'hoursPerYear.detectionMeetings', min: 0 },
      { path: 'hoursPerYear.promotion', min: 0 },
      { path: 'hoursPerYear.riskAssessment', min: 0 },
      { path: 'hoursPerYear.courseFacilitation', min: 0 },
      { path: 'hoursPerYear.other', min: 0 },
      { path: 'overheadHoursShare', min: 0, max: 1 },
      { path: 'hourlyRate', min: 0 },
      { path: 'supervisionPerYear', min: 0 },
      { path: 'coursesPerYear', min: 0, integer: true },
    ],
    errors,
  );
  const overhead = readPath(inputs, 'startUp.overhead');
  if (typeof overhead !== 'object' || overhead === null)
    errors.push(fieldError('startUp.overhead', 'REQUIRED'));
  else if ('rate' in overhead && 'amount' in overhead)
    errors.push(fieldError('startUp.overhead', 'INVALID_TYPE'));
  else if ('rate' in overhead)
    checkNumbers(inputs, [{ path: 'startUp.overhead.rate', min: 0, max: 1 }], errors);
  else if ('amount' in overhead) checkNumbers(inputs, [{ path: 'startUp.overhead.amount', min: 0 }], errors);
  else errors.push(fieldError('startUp.overhead', 'INVALID_TYPE'));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: inputs as GroupCourseCostInputs };
}

function assertValid<T>(result: CostInputsValidation<T>): T {
  if (!result.ok) {
    const detail = result.errors.map((e) => `${e.field}: ${e.code}`).join(', ');
    throw new RangeError(`Invalid cost inputs (${detail})`);
  }
  return result.inputs;
}

// ── Results ──────────────────────────────────────────────────────────────

export type CostLine = { id: string; label: Label; amount: number; hours?: number };

export type CostBlock = { lines: CostLine[]; total: number };

const kroner = (amount: number) => Math.round(amount);

function block(lines: CostLine[]): CostBlock {
  return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}

export type OutreachCosts = {
  model: 'OUTREACH';
  ruleSetId: string;
  startUp: CostBlock;
  yearly: CostBlock & { hours: number };
  /** Start-up plus one year of running cost. */
  firstYear: number;
  /** Running cost only (start-up excluded), divided by referrals; null when not given or zero. */
  perReferral: { amount: number; divisor: 'referrals'; referrals: number; basis: 'yearly' } | null;
};

/**
 * Start-up, yearly and first-year cost of an outreach operation (the Projekt Opsøgende Indsats evaluation Table 2). The
 * per-referral figure divides by `referrals`, the referrals the system counted (not typed
 * in); null or 0 leaves it out.
 */
export function outreachCosts(inputs: OutreachCostInputs, referrals: number | null = null): OutreachCosts {
  const i = assertValid(validateOutreachCostInputs(inputs));
  costRuleSet(i.ruleSetId);
  const staffHours = i.outreachHoursPerWeek * i.weeksPerYear;
  const managementHours = i.managementHoursPerWeek * i.weeksPerYear;
  const startUp = block([
    { id: 'training', label: rule('outreach.startup.training').label, amount: kroner(i.trainingCost) },
    { id: 'it', label: rule('outreach.startup.it').label, amount: kroner(i.itCost) },
  ]);
  const yearlyLines: CostLine[] = [
    {
      id: 'outreach_staff',
      label: { da: 'Opsøgende medarbejdere', en: 'Outreach staff' },
      amount: kroner(staffHours * i.outreachHourlyRate),
      hours: staffHours,
    },
    {
      id: 'management',
      label: { da: 'Projektledelse', en: 'Project management' },
      amount: kroner(managementHours * i.managementHourlyRate),
      hours: managementHours,
    },
  ];
  if (i.otherYearlyCosts > 0) {
    yearlyLines.push({
      id: 'other',
      label: { da: 'Øvrige personale- og administrationsomkostninger', en: 'Other staff and administration' },
      amount: kroner(i.otherYearlyCosts),
    });
  }
  const yearly = { ...block(yearlyLines), hours: staffHours + managementHours };
  return {
    model: 'OUTREACH',
    ruleSetId: i.ruleSetId,
    startUp,
    yearly,
    firstYear: startUp.total + yearly.total,
    perReferral:
      referrals && referrals > 0
        ? {
            amount: kroner(yearly.total / referrals),
            divisor: 'referrals',
            referrals,
            basis: 'yearly',
          }
        : null,
  };
}

export type GroupCourseCosts = {
  model: 'GROUP_COURSE';
  ruleSetId: string;
  startUp: CostBlock;
  yearly: CostBlock & { hours: number };
  firstYear: number;
  /** Running cost (start-up excluded) per course; null with no courses. */
  perCourse: { amount: number; divisor: 'courses'; courses: number; basis: 'yearly' } | null;
  /** Running cost per person who completed a course; null with no completers. */
  perCompleter: {
    amount: number;
    divisor: 'completers';
    completers: number;
    basis: 'yearly';
    note: Label;
  } | null;
  shelterComparison: {
    shelterStay: number;
    priceYear: number;
    source: CostSource;
    /** perCompleter / shelterStay; below 1 means one completed course costs less than one shelter stay. */
    ratio: number | null;
  };
};

export const PER_COMPLETER_NOTE: Label = {
  da: 'Årlige driftsudgifter delt med antallet af personer, der gennemførte et forløb. Udgiften dækker hele indsatsen, også opsporing og risikovurdering af dem, der ikke kom på et forløb. Opstart er ikke medregnet.',
  en: 'Yearly running cost divided by the number of people who completed a course. It covers the whole effort, including detection and risk assessment of people who did not join a course. Start-up is not included.',
};

/**
 * Start-up, yearly, first-year, per-course and per-completer cost of the group-course model
 * (VIVE's group-course evaluation ch. 4). `completers` is the number of people the system counted as completers
 * (one definition, shared with course participation); null or 0 leaves the figure out.
 */
export function groupCourseCosts(
  inputs: GroupCourseCostInputs,
  completers: number | null = null,
): GroupCourseCosts {
  const i = assertValid(validateGroupCourseCostInputs(inputs));
  costRuleSet(i.ruleSetId);
  const s = i.startUp;
  const training = s.trainingParticipants * s.trainingPricePerParticipant + s.trainingOther;
  const beforeOverhead = s.salaries + s.otherStaff + training + s.campaign;
  const overhead = 'rate' in s.overhead ? beforeOverhead * s.overhead.rate : s.overhead.amount;
  const startUp = block([
    { id: 'salaries', label: rule('group.startup.salaries').label, amount: kroner(s.salaries) },
    { id: 'other_staff', label: rule('group.startup.other_staff').label, amount: kroner(s.otherStaff) },
    { id: 'training', label: rule('group.startup.training_total').label, amount: kroner(training) },
    { id: 'campaign', label: rule('group.startup.campaign').label, amount: kroner(s.campaign) },
    { id: 'overhead', label: { da: 'Overhead', en: 'Overhead' }, amount: kroner(overhead) },
  ]);

  const h = i.hoursPerYear;
  const hourLines: Array<[string, string, number]> = [
    ['detection_meetings', 'group.hours.detection_meetings', h.detectionMeetings],
    ['promotion', 'group.hours.promotion', h.promotion],
    ['risk_assessment', 'group.hours.risk_assessment', h.riskAssessment],
    ['course_facilitation', 'group.hours.course_facilitation', h.courseFacilitation],
    ['other', 'group.hours.other', h.other],
  ];
  const directHours = hourLines.reduce((sum, [, , hours]) => sum + hours, 0);
  const overheadHours = directHours * i.overheadHoursShare;
  const lines: CostLine[] = hourLines.map(([id, ruleId, hours]) => ({
    id,
    label: rule(ruleId).label,
    hours,
    amount: kroner(hours * i.hourlyRate),
  }));
  lines.push({
    id: 'overhead',
    label: rule('group.hours.overhead_share').label,
    hours: overheadHours,
    amount: kroner(overheadHours * i.hourlyRate),
  });
  lines.push({
    id: 'supervision',
    label: rule('group.supervision').label,
    amount: kroner(i.supervisionPerYear),
  });
  const yearly = { ...block(lines), hours: directHours + overheadHours };

  const shelter = rule('shelter.stay');
  const perCompleter =
    completers && completers > 0
      ? {
          amount: kroner(yearly.total / completers),
          divisor: 'completers' as const,
          completers,
          basis: 'yearly' as const,
          note: PER_COMPLETER_NOTE,
        }
      : null;
  return {
    model: 'GROUP_COURSE',
    ruleSetId: i.ruleSetId,
    startUp,
    yearly,
    firstYear: startUp.total + yearly.total,
    perCourse:
      i.coursesPerYear > 0
        ? {
            amount: kroner(yearly.total / i.coursesPerYear),
            divisor: 'courses',
            courses: i.coursesPerYear,
            basis: 'yearly',
          }
        : null,
    perCompleter,
    shelterComparison: {
      shelterStay: shelter.value,
      priceYear: shelter.priceYear as number,
      source: shelter.source,
      ratio: perCompleter ? perCompleter.amount / shelter.value : null,
    },
  };
}
