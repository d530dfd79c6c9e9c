import {
  COST_RULE_SETS,
  type CostLine,
  type CostSource,
  CURRENT_COST_RULE_SET_ID,
  costRule,
} from '../costs.ts';
import type { Label } from '../labels.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { SHELTER_AFTERCARE_PAPER } from './shelter-taxonomies.ts';

/**
 * Cost rule for aftercare after a shelter stay. The Red Cross paper gives NO cost figure
 * (no price of Qnet, Fra Bolig til Hjem, § 109 counselling or the start-up pool it asks
 * for); it gives volumes only, kept here with their source. So the rule is built from each
 * organisation's own inputs, and its one seed figure is the comparison: the cost of a
 * shelter stay from the VIVE evaluation (cost rule `shelter.stay` in costs.ts, 80,000 kr in
 * 2024 prices), giving how many repeat stays a year the aftercare must avoid to pay for
 * itself in shelter cost alone.
 */
export const SHELTER_AFTERCARE_SEED_VOLUMES = {
  womenMovingOutPerYear: 3_100,
  childrenMovingOutPerYear: 2_600,
  qnetPerYear: 850,
  fraBoligTilHjemPerYear: 380,
  source: { document: SHELTER_AFTERCARE_PAPER, reference: 'side 1 og 4 (note 1)' } as CostSource,
  costFigures: null,
  costNote: {
    da: 'Røde Kors’ papir giver ingen omkostningstal; organisationen indtaster sine egne.',
    en: 'The Red Cross paper gives no cost figures; the organisation enters its own.',
  } as Label,
} as const;

export type ShelterAftercareCostInputs = {
  ruleSetId: string;
  /** Move-outs a year: the per-move-out divisor. */
  moveOutsPerYear: number;
  /** § 109 coordinating counselling, hours per move-out. */
  counsellingHoursPerMoveOut: number;
  counsellingHourlyRate: number;
  /** Psychologist hours used in the year (women and children). */
  psychologistHoursPerYear: number;
  psychologistHourlyRate: number;
  /** Start-up help paid in the year (deposit, moving, furniture, clothes, toys). */
  startUpHelpPerYear: number;
  /** Grants or payments to civil-society aftercare (Qnet, Fra Bolig til Hjem, own offers). */
  civilSocietyPerYear: number;
  otherYearly: number;
};

/**
 * Empty inputs to start from. The counselling rate starts at the VIVE evaluation's
 * effective social-worker rate (415 kr/h, cost rule `group.hourly_rate`), a municipal
 * social worker's hour being what § 109 counselling costs; everything else is the
 * organisation's to enter.
 */
export const SHELTER_AFTERCARE_START_INPUTS: ShelterAftercareCostInputs = {
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  moveOutsPerYear: 0,
  counsellingHoursPerMoveOut: 0,
  counsellingHourlyRate: costRule(CURRENT_COST_RULE_SET_ID, 'group.hourly_rate').value,
  psychologistHoursPerYear: 0,
  psychologistHourlyRate: 0,
  startUpHelpPerYear: 0,
  civilSocietyPerYear: 0,
  otherYearly: 0,
};

const NUMBER_FIELDS: Array<[keyof ShelterAftercareCostInputs, boolean]> = [
  ['moveOutsPerYear', true],
  ['counsellingHoursPerMoveOut', false],
  ['counsellingHourlyRate', false],
  ['psychologistHoursPerYear', false],
  ['psychologistHourlyRate', false],
  ['startUpHelpPerYear', false],
  ['civilSocietyPerYear', false],
  ['otherYearly', false],
];

export function validateShelterAftercareCostInputs(
  inputs: unknown,
): { ok: true; inputs: ShelterAftercareCostInputs } | { ok: false; errors: FieldError[] } {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    return { ok: false, errors: [fieldError('inputs', 'NOT_AN_OBJECT')] };
  const record = inputs as Record<string, unknown>;
  const errors: FieldError[] = [];
  const id = record.ruleSetId;
  if (id === undefined || id === null || id === '') errors.push(fieldError('ruleSetId', 'REQUIRED'));
  else if (typeof id !== 'string' || !COST_RULE_SETS.some((s) => s.id === id))
    errors.push(fieldError('ruleSetId', 'UNKNOWN_OPTION', { option: String(id) }));
  for (const [path, integer] of NUMBER_FIELDS) {
    const value = record[path];
    if (value === undefined || value === null) errors.push(fieldError(path, 'REQUIRED'));
    else if (typeof value !== 'number' || !Number.isFinite(value))
      errors.push(fieldError(path, 'NOT_A_NUMBER'));
    else if (integer && !Number.isInteger(value)) errors.push(fieldError(path, 'NOT_AN_INTEGER'));
    else if (value < 0) errors.push(fieldError(path, 'OUT_OF_RANGE', { min: 0 }));
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, inputs: inputs as ShelterAftercareCostInputs };
}

export type ShelterAftercareCosts = {
  model: 'SHELTER_AFTERCARE';
  ruleSetId: string;
  yearly: { lines: CostLine[]; total: number; hours: number };
  perMoveOut: { amount: number; divisor: 'moveOuts'; moveOuts: number; basis: 'yearly' } | null;
  shelterComparison: {
    shelterStay: number;
    priceYear: number;
    source: CostSource;
    /** Yearly total / the cost of one shelter stay: repeat stays a year to avoid to break even. */
    breakEvenRepeatStaysAvoided: number;
  };
};

const kroner = (amount: number) => Math.round(amount);

/** Yearly and per-move-out cost of shelter aftercare from the organisation's inputs. Throws on invalid inputs. */
export function shelterAftercareCosts(inputs: ShelterAftercareCostInputs): ShelterAftercareCosts {
  const checked = validateShelterAftercareCostInputs(inputs);
  if (!checked.ok) {
    throw new RangeError(
      `Invalid cost inputs (${checked.errors.map((e) => `${e.field}: ${e.code}`).join(', ')})`,
    );
  }
  const i = checked.inputs;
  const counsellingHours = i.moveOutsPerYear * i.counsellingHoursPerMoveOut;
  const lines: CostLine[] = [
    {
      id: 'counselling',
      label: { da: 'Koordinerende rådgivning (§ 109)', en: 'Coordinating counselling (§ 109)' },
      hours: counsellingHours,
      amount: kroner(counsellingHours * i.counsellingHourlyRate),
    },
    {
      id: 'psychologist',
      label: { da: 'Psykologhjælp', en: 'Psychologist help' },
      hours: i.psychologistHoursPerYear,
      amount: kroner(i.psychologistHoursPerYear * i.psychologistHourlyRate),
    },
    {
      id: 'start_up_help',
      label: { da: 'Opstartshjælp', en: 'Start-up help' },
      amount: kroner(i.startUpHelpPerYear),
    },
    {
      id: 'civil_society',
      label: { da: 'Efterværn i civilsamfundet', en: 'Civil-society aftercare' },
      amount: kroner(i.civilSocietyPerYear),
    },
    { id: 'other', label: { da: 'Øvrige udgifter', en: 'Other costs' }, amount: kroner(i.otherYearly) },
  ];
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const shelter = costRule(i.ruleSetId, 'shelter.stay');
  return {
    model: 'SHELTER_AFTERCARE',
    ruleSetId: i.ruleSetId,
    yearly: { lines, total, hours: counsellingHours + i.psychologistHoursPerYear },
    perMoveOut:
      i.moveOutsPerYear > 0
        ? {
            amount: kroner(total / i.moveOutsPerYear),
            divisor: 'moveOuts',
            moveOuts: i.moveOutsPerYear,
            basis: 'yearly',
          }
        : null,
    shelterComparison: {
      shelterStay: shelter.value,
      priceYear: shelter.priceYear as number,
      source: shelter.source,
      breakEvenRepeatStaysAvoided: total / shelter.value,
    },
  };
}
