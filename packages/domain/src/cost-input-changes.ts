import {
  type CostInputsValidation,
  CURRENT_COST_RULE_SET_ID,
  DEFAULT_OUTREACH_INPUTS,
  type GroupCourseCostInputs,
  KOEGE_EXAMPLE_INPUTS,
  type OutreachCostInputs,
  validateGroupCourseCostInputs,
  validateOutreachCostInputs,
} from './costs.ts';
import {
  HATE_CRIME_EXPECTED_VOLUME,
  HATE_CRIME_SEED_EXAMPLE_INPUTS,
  type HateCrimeCostInputs,
  validateHateCrimeCostInputs,
} from './hate-crime/capacity-budget.ts';
import type { Label } from './labels.ts';
import {
  SHELTER_AFTERCARE_START_INPUTS,
  type ShelterAftercareCostInputs,
  validateShelterAftercareCostInputs,
} from './shelter-aftercare/shelter-costs.ts';
import { type FieldError, fieldError } from './validation.ts';

/**
 * Saving an organisation's cost inputs for (model, year): the year rule, the one
 * validation entry point per model, and the change between two saved versions
 * (the history the lead and the evaluators see: which figure, old and new value).
 */

export type CostModel = 'OUTREACH' | 'GROUP_COURSE' | 'HATE_CRIME_AFTERCARE' | 'SHELTER_AFTERCARE';

/** Every model an organisation enters cost inputs for, in the order the cost screen offers them. */
export const COST_MODELS: readonly CostModel[] = [
  'GROUP_COURSE',
  'OUTREACH',
  'HATE_CRIME_AFTERCARE',
  'SHELTER_AFTERCARE',
];

/**
 * Hate-crime aftercare's stored inputs: the domain's cost inputs and the lead's capacity (places a
 * year), which the lead view sets against the expected volume. One row holds both, so the lead view
 * and the cost screen read and save the same figures.
 */
export type HateCrimeStoredInputs = HateCrimeCostInputs & { capacityPerYear: number };

/** The years inputs can be entered for: the first pilots ran in 2018; far-future years are typos. */
export const COST_INPUT_YEARS = { min: 2015, max: 2100 } as const;

export function validateCostYear(year: unknown): FieldError[] {
  if (typeof year !== 'number' || !Number.isFinite(year)) return [fieldError('year', 'NOT_A_NUMBER')];
  if (!Number.isInteger(year)) return [fieldError('year', 'NOT_AN_INTEGER')];
  if (year < COST_INPUT_YEARS.min || year > COST_INPUT_YEARS.max)
    return [fieldError('year', 'OUT_OF_RANGE', { min: COST_INPUT_YEARS.min, max: COST_INPUT_YEARS.max })];
  return [];
}

export type AnyCostInputs =
  | OutreachCostInputs
  | GroupCourseCostInputs
  | HateCrimeStoredInputs
  | ShelterAftercareCostInputs;

/** The capacity is not part of the cost rule; it is checked here as the rule checks its counts. */
function validateCapacity(value: unknown): FieldError[] {
  if (value === undefined || value === null) return [fieldError('capacityPerYear', 'REQUIRED')];
  if (typeof value !== 'number' || !Number.isFinite(value))
    return [fieldError('capacityPerYear', 'NOT_A_NUMBER')];
  if (!Number.isInteger(value)) return [fieldError('capacityPerYear', 'NOT_AN_INTEGER')];
  if (value < 0) return [fieldError('capacityPerYear', 'OUT_OF_RANGE', { min: 0 })];
  return [];
}

function validateHateCrimeStoredInputs(inputs: unknown): CostInputsValidation<HateCrimeStoredInputs> {
  const checked = validateHateCrimeCostInputs(inputs);
  if (!checked.ok) {
    const capacity =
      typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs)
        ? validateCapacity((inputs as Record<string, unknown>).capacityPerYear)
        : [];
    return { ok: false, errors: [...checked.errors, ...capacity] };
  }
  const capacity = validateCapacity((checked.inputs as Partial<HateCrimeStoredInputs>).capacityPerYear);
  return capacity.length > 0
    ? { ok: false, errors: capacity }
    : { ok: true, inputs: checked.inputs as HateCrimeStoredInputs };
}

/** One entry point per model, each through the model's own validator in the domain. */
export function validateCostInputs(model: CostModel, inputs: unknown): CostInputsValidation<AnyCostInputs> {
  switch (model) {
    case 'OUTREACH':
      return validateOutreachCostInputs(inputs);
    case 'GROUP_COURSE':
      return validateGroupCourseCostInputs(inputs);
    case 'HATE_CRIME_AFTERCARE':
      return validateHateCrimeStoredInputs(inputs);
    case 'SHELTER_AFTERCARE':
      return validateShelterAftercareCostInputs(inputs);
  }
}

export type CostInputChange = {
  field: string;
  before: number | string | null;
  after: number | string | null;
};

function flatten(value: unknown, prefix: string, into: Map<string, number | string | null>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>))
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (typeof value === 'number' || typeof value === 'string') into.set(prefix, value);
  else if (value === null) into.set(prefix, null);
}

/**
 * The figures that differ between two versions of an organisation's inputs, by the field
 * path the validation uses (`startUp.salaries`, `hourlyRate`, …), sorted by path. A figure
 * present in only one version has null on the other side (the overhead switching from a
 * rate to an amount shows as two changes).
 */
export function costInputChanges(before: unknown, after: unknown): CostInputChange[] {
  const a = new Map<string, number | string | null>();
  const b = new Map<string, number | string | null>();
  if (before !== null && before !== undefined) flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .map((field) => ({ field, before: a.get(field) ?? null, after: b.get(field) ?? null }))
    .filter((change) => change.before !== change.after);
}

/** One figure an organisation enters, by the path the validation names, with its label and unit. */
export type CostInputField = {
  field: string;
  label: Label;
  unit: 'DKK' | 'HOURS' | 'DKK_PER_HOUR' | 'SHARE' | 'COUNT' | 'HOURS_PER_WEEK' | 'WEEKS' | 'YEARS';
};

export const OUTREACH_COST_FIELDS: readonly CostInputField[] = [
  {
    field: 'trainingCost',
    label: { da: 'Uddannelse af medarbejdere (opstart)', en: 'Staff training (start-up)' },
    unit: 'DKK',
  },
  { field: 'itCost', label: { da: 'IT og telefoni (opstart)', en: 'IT and phones (start-up)' }, unit: 'DKK' },
  {
    field: 'outreachHoursPerWeek',
    label: { da: 'Opsøgende medarbejdere, timer pr. uge', en: 'Outreach staff, hours a week' },
    unit: 'HOURS_PER_WEEK',
  },
  {
    field: 'outreachHourlyRate',
    label: { da: 'Opsøgende medarbejdere, timesats', en: 'Outreach staff, hourly rate' },
    unit: 'DKK_PER_HOUR',
  },
  {
    field: 'managementHoursPerWeek',
    label: { da: 'Projektledelse, timer pr. uge', en: 'Project management, hours a week' },
    unit: 'HOURS_PER_WEEK',
  },
  {
    field: 'managementHourlyRate',
    label: { da: 'Projektledelse, timesats', en: 'Project management, hourly rate' },
    unit: 'DKK_PER_HOUR',
  },
  { field: 'weeksPerYear', label: { da: 'Uger pr. år', en: 'Weeks a year' }, unit: 'WEEKS' },
  {
    field: 'otherYearlyCosts',
    label: { da: 'Øvrige udgifter pr. år', en: 'Other costs a year' },
    unit: 'DKK',
  },
];

export const GROUP_COURSE_COST_FIELDS: readonly CostInputField[] = [
  {
    field: 'startUp.salaries',
    label: { da: 'Løn i opstarten', en: 'Salaries during start-up' },
    unit: 'DKK',
  },
  {
    field: 'startUp.otherStaff',
    label: { da: 'Øvrige personaleudgifter (opstart)', en: 'Other staff costs (start-up)' },
    unit: 'DKK',
  },
  {
    field: 'startUp.trainingParticipants',
    label: { da: 'Medarbejdere i opkvalificering', en: 'Staff in training' },
    unit: 'COUNT',
  },
  {
    field: 'startUp.trainingPricePerParticipant',
    label: { da: 'Kursuspris pr. medarbejder', en: 'Course fee per staff member' },
    unit: 'DKK',
  },
  {
    field: 'startUp.trainingOther',
    label: { da: 'Transport og andre uddannelsesudgifter', en: 'Transport and other training costs' },
    unit: 'DKK',
  },
  {
    field: 'startUp.campaign',
    label: { da: 'Kampagne og informationsmateriale', en: 'Campaign and information material' },
    unit: 'DKK',
  },
  {
    field: 'startUp.overhead.amount',
    label: { da: 'Overhead i opstarten', en: 'Overhead during start-up' },
    unit: 'DKK',
  },
  {
    field: 'hoursPerYear.detectionMeetings',
    label: { da: 'Møder i opsporingsteam, timer pr. år', en: 'Detection-team meetings, hours a year' },
    unit: 'HOURS',
  },
  {
    field: 'hoursPerYear.promotion',
    label: { da: 'Projektleders promovering, timer pr. år', en: "Project lead's promotion, hours a year" },
    unit: 'HOURS',
  },
  {
    field: 'hoursPerYear.riskAssessment',
    label: { da: 'Samtaler og risikovurdering, timer pr. år', en: 'Talks and risk assessment, hours a year' },
    unit: 'HOURS',
  },
  {
    field: 'hoursPerYear.courseFacilitation',
    label: { da: 'Facilitering af forløb, timer pr. år', en: 'Running courses, hours a year' },
    unit: 'HOURS',
  },
  {
    field: 'hoursPerYear.other',
    label: { da: 'Øvrige timer pr. år', en: 'Other hours a year' },
    unit: 'HOURS',
  },
  {
    field: 'overheadHoursShare',
    label: { da: 'Overhead, andel af timerne (0-1)', en: 'Overhead, share of the hours (0-1)' },
    unit: 'SHARE',
  },
  {
    field: 'hourlyRate',
    label: { da: 'Effektiv timesats', en: 'Effective hourly rate' },
    unit: 'DKK_PER_HOUR',
  },
  { field: 'supervisionPerYear', label: { da: 'Supervision pr. år', en: 'Supervision a year' }, unit: 'DKK' },
  { field: 'coursesPerYear', label: { da: 'Forløb pr. år', en: 'Courses a year' }, unit: 'COUNT' },
];

/**
 * Hate-crime aftercare (the Copenhagen pre-study by Als Research): each track's yearly cost, the
 * rest, the granted budget and its years, and the lead's capacity. The victims who received
 * aftercare are not entered: the lead view and the evaluation count them in the data.
 */
export const HATE_CRIME_COST_FIELDS: readonly CostInputField[] = [
  {
    field: 'legalFinancialYearly',
    label: { da: 'Juridisk og økonomisk rådgivning pr. år', en: 'Legal and financial counselling a year' },
    unit: 'DKK',
  },
  {
    field: 'psychologicalYearly',
    label: { da: 'Psykologisk støtte pr. år', en: 'Psychological support a year' },
    unit: 'DKK',
  },
  {
    field: 'otherYearly',
    label: {
      da: 'Vurdering, koordinering og øvrigt pr. år',
      en: 'Assessment, coordination and other costs a year',
    },
    unit: 'DKK',
  },
  {
    field: 'yearlyBudget',
    label: { da: 'Bevilget budget pr. år', en: 'Granted budget a year' },
    unit: 'DKK',
  },
  {
    field: 'budgetYears',
    label: { da: 'Budgettet er bevilget for', en: 'Budget granted for' },
    unit: 'YEARS',
  },
  {
    field: 'capacityPerYear',
    label: { da: 'Kapacitet, ofre pr. år', en: 'Capacity, victims a year' },
    unit: 'COUNT',
  },
];

/**
 * Aftercare after a shelter stay (the Red Cross recommendations on aftercare, which give no cost
 * figures: all are the organisation's own). The planned move-outs only size the § 109 counselling
 * hours; the cost per move-out divides by the move-outs counted in the data.
 */
export const SHELTER_AFTERCARE_COST_FIELDS: readonly CostInputField[] = [
  {
    field: 'moveOutsPerYear',
    label: {
      da: 'Planlagte udflytninger pr. år (til rådgivningstimerne)',
      en: 'Planned move-outs a year (for the counselling hours)',
    },
    unit: 'COUNT',
  },
  {
    field: 'counsellingHoursPerMoveOut',
    label: {
      da: 'Koordinerende rådgivning (§ 109), timer pr. udflytning',
      en: 'Coordinating counselling (§ 109), hours per move-out',
    },
    unit: 'HOURS',
  },
  {
    field: 'counsellingHourlyRate',
    label: { da: 'Koordinerende rådgivning, timesats', en: 'Coordinating counselling, hourly rate' },
    unit: 'DKK_PER_HOUR',
  },
  {
    field: 'psychologistHoursPerYear',
    label: {
      da: 'Psykologtimer pr. år (kvinder og børn)',
      en: 'Psychologist hours a year (women and children)',
    },
    unit: 'HOURS',
  },
  {
    field: 'psychologistHourlyRate',
    label: { da: 'Psykolog, timesats', en: 'Psychologist, hourly rate' },
    unit: 'DKK_PER_HOUR',
  },
  {
    field: 'startUpHelpPerYear',
    label: {
      da: 'Opstartshjælp pr. år (depositum, flytning, møbler, tøj, legetøj)',
      en: 'Start-up help a year (deposit, moving, furniture, clothes, toys)',
    },
    unit: 'DKK',
  },
  {
    field: 'civilSocietyPerYear',
    label: {
      da: 'Efterværn i civilsamfundet pr. år (fx Qnet, Fra Bolig til Hjem)',
      en: 'Civil-society aftercare a year (e.g. Qnet, Fra Bolig til Hjem)',
    },
    unit: 'DKK',
  },
  { field: 'otherYearly', label: { da: 'Øvrige udgifter pr. år', en: 'Other costs a year' }, unit: 'DKK' },
];

const FIELDS: Record<CostModel, readonly CostInputField[]> = {
  OUTREACH: OUTREACH_COST_FIELDS,
  GROUP_COURSE: GROUP_COURSE_COST_FIELDS,
  HATE_CRIME_AFTERCARE: HATE_CRIME_COST_FIELDS,
  SHELTER_AFTERCARE: SHELTER_AFTERCARE_COST_FIELDS,
};

export function costInputFields(model: CostModel): readonly CostInputField[] {
  return FIELDS[model];
}

/**
 * Stored with every save but never entered: the hate-crime rule's divisor (victims who received
 * aftercare) is counted in the data by whoever reads the row, so it is kept at 0 as the lead view
 * has always stored it, which keeps the row valid for the domain's rule.
 */
const COUNTED_NOT_ENTERED: Record<CostModel, Record<string, number>> = {
  OUTREACH: {},
  GROUP_COURSE: {},
  HATE_CRIME_AFTERCARE: { victimsPerYear: 0 },
  SHELTER_AFTERCARE: {},
};

/**
 * The example a form starts from until the organisation has saved its own figures: the seeds'
 * figures where they give them (hate crime: the middle of the pre-study's budget and volume, capacity
 * at the top of the expected start-up volume), the start inputs where they do not (shelter aftercare).
 */
export const COST_INPUT_EXAMPLES: Record<CostModel, AnyCostInputs> = {
  OUTREACH: DEFAULT_OUTREACH_INPUTS,
  GROUP_COURSE: KOEGE_EXAMPLE_INPUTS,
  HATE_CRIME_AFTERCARE: {
    ...HATE_CRIME_SEED_EXAMPLE_INPUTS,
    victimsPerYear: 0,
    capacityPerYear: HATE_CRIME_EXPECTED_VOLUME.startUp.high,
  },
  SHELTER_AFTERCARE: SHELTER_AFTERCARE_START_INPUTS,
};

/**
 * Builds a model's inputs from entered (field, value) pairs against the current rule set.
 * Every field of the model must be given once; an unknown or repeated field is an error
 * naming it. The result still goes through `validateCostInputs` for ranges and types.
 */
export function costInputsFromValues(
  model: CostModel,
  values: ReadonlyArray<{ field: string; value: number | null }>,
): { inputs: Record<string, unknown>; errors: FieldError[] } {
  const known = new Set(costInputFields(model).map((f) => f.field));
  const errors: FieldError[] = [];
  const inputs: Record<string, unknown> = {
    ruleSetId: CURRENT_COST_RULE_SET_ID,
    ...COUNTED_NOT_ENTERED[model],
  };
  const seen = new Set<string>();
  for (const { field, value } of values) {
    if (!known.has(field) || seen.has(field)) {
      errors.push(fieldError(field, 'UNKNOWN_OPTION', { option: field }));
      continue;
    }
    seen.add(field);
    const keys = field.split('.');
    let target = inputs;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1] as string] = value;
  }
  return { inputs, errors };
}

/** A model's stored inputs as (field, value) pairs in the order of its fields (missing ones left out). */
export function costInputValues(
  model: CostModel,
  inputs: unknown,
): Array<{ field: string; value: number | null }> {
  const flat = new Map<string, number | string | null>();
  flatten(inputs, '', flat);
  return costInputFields(model)
    .filter((f) => flat.has(f.field))
    .map((f) => {
      const value = flat.get(f.field);
      return { field: f.field, value: typeof value === 'number' ? value : null };
    });
}
