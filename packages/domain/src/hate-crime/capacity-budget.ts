import {
  COST_RULE_SETS,
  type CostLine,
  type CostSource,
  CURRENT_COST_RULE_SET_ID,
  costRule,
} from '../costs.ts';
import type { Label } from '../labels.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { HATE_CRIME_PRE_STUDY } from './hate-crime-taxonomies.ts';

/**
 * The lead's view of hate-crime aftercare: capacity against the expected volume, and cost
 * against the yearly budget. Figures from the pre-study (Als Research's estimates for
 * Copenhagen, "forbundet med stor usikkerhed"); the budget rule is the cost rule
 * `hate_crime.aftercare_yearly` of costs.ts (1-2 M kr a year for 50-100 victims).
 */

export type YearlyRange = { low: number; high: number };

export const HATE_CRIME_EXPECTED_VOLUME = {
  /** Victims a year expected in the start-up phase ("markant lavere i opstartsfasen"). */
  startUp: { low: 50, high: 100 } as YearlyRange,
  /** Victims a year in Copenhagen who need some form of aftercare. */
  need: { low: 600, high: 800 } as YearlyRange,
  source: { document: HATE_CRIME_PRE_STUDY, reference: 'Opmærksomhedspunkter' } as CostSource,
} as const;

/** The seed gives the budget for "minimum to år". */
export const HATE_CRIME_MIN_BUDGET_YEARS = 2;

export type CapacityStatus = 'BELOW_START_UP' | 'WITHIN_START_UP' | 'ABOVE_START_UP' | 'AT_OR_ABOVE_NEED';

export type HateCrimeCapacity = {
  victimsPerYear: number;
  capacityPerYear: number;
  status: CapacityStatus;
  /** victimsPerYear / the low and high end of the estimated need (how much of the need is met). */
  shareOfNeed: YearlyRange;
  /** victimsPerYear / capacityPerYear; null with no capacity. */
  utilisation: number | null;
};

/**
 * Where this year's volume stands against the seed's expectations and the organisation's
 * own capacity (places a year, entered by the lead).
 */
export function hateCrimeCapacity(victimsPerYear: number, capacityPerYear: number): HateCrimeCapacity {
  for (const [name, v] of [
    ['victimsPerYear', victimsPerYear],
    ['capacityPerYear', capacityPerYear],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number >= 0`);
  }
  const { startUp, need } = HATE_CRIME_EXPECTED_VOLUME;
  const status: CapacityStatus =
    victimsPerYear >= need.low
      ? 'AT_OR_ABOVE_NEED'
      : victimsPerYear > startUp.high
        ? 'ABOVE_START_UP'
        : victimsPerYear >= startUp.low
          ? 'WITHIN_START_UP'
          : 'BELOW_START_UP';
  return {
    victimsPerYear,
    capacityPerYear,
    status,
    shareOfNeed: { low: victimsPerYear / need.high, high: victimsPerYear / need.low },
    utilisation: capacityPerYear > 0 ? victimsPerYear / capacityPerYear : null,
  };
}

// ── Cost and budget ──────────────────────────────────────────────────────

export type HateCrimeCostInputs = {
  ruleSetId: string;
  /** The organisation's own yearly cost of each track (the receiving organisations report theirs). */
  legalFinancialYearly: number;
  psychologicalYearly: number;
  /** Assessment, coordination and anything not split by track. */
  otherYearly: number;
  /** Victims who received aftercare in the year (at least one track started): the divisor. */
  victimsPerYear: number;
  /** The granted yearly budget. */
  yearlyBudget: number;
  /** Years the budget is granted for. */
  budgetYears: number;
};

/**
 * The seed's own example: the middle of 1-2 M kr for the middle of 50-100 victims, for the
 * two years it asks for. The seed does not split the amount by track, so all of it stands
 * as "other" until the organisations enter their own figures.
 */
export const HATE_CRIME_SEED_EXAMPLE_INPUTS: HateCrimeCostInputs = {
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  legalFinancialYearly: 0,
  psychologicalYearly: 0,
  otherYearly: 1_500_000,
  victimsPerYear: 75,
  yearlyBudget: 1_500_000,
  budgetYears: HATE_CRIME_MIN_BUDGET_YEARS,
};

/** Checks entered inputs field by field (as costs.ts does for the other models). */
export function validateHateCrimeCostInputs(
  inputs: unknown,
): { ok: true; inputs: HateCrimeCostInputs } | { ok: false; errors: FieldError[] } {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return { ok: false, errors: [fieldError('inputs', 'NOT_AN_OBJECT')] };
  }
  const record = inputs as Record<string, unknown>;
  const errors: FieldError[] = [];
  const id = record.ruleSetId;
  if (id === undefined || id === null || id === '') errors.push(fieldError('ruleSetId', 'REQUIRED'));
  else if (typeof id !== 'string' || !COST_RULE_SETS.some((s) => s.id === id))
    errors.push(fieldError('ruleSetId', 'UNKNOWN_OPTION', { option: String(id) }));
  const rules: Array<[keyof HateCrimeCostInputs, number, boolean]> = [
    ['legalFinancialYearly', 0, false],
    ['psychologicalYearly', 0, false],
    ['otherYearly', 0, false],
    ['victimsPerYear', 0, true],
    ['yearlyBudget', 0, false],
    ['budgetYears', 1, true],
  ];
  for (const [path, min, integer] of rules) {
    const value = record[path];
    if (value === undefined || value === null) errors.push(fieldError(path, 'REQUIRED'));
    else if (typeof value !== 'number' || !Number.isFinite(value))
      errors.push(fieldError(path, 'NOT_A_NUMBER'));
    else if (integer && !Number.isInteger(value)) errors.push(fieldError(path, 'NOT_AN_INTEGER'));
    else if (value < min) errors.push(fieldError(path, 'OUT_OF_RANGE', { min }));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: inputs as HateCrimeCostInputs };
}

export const PER_VICTIM_NOTE: Label = {
  da: 'Årlige udgifter delt med antallet af ofre, der fik efterværn (mindst ét spor startet). Udgiften dækker også vurderinger og henvisninger, der ikke førte til et forløb.',
  en: 'Yearly cost divided by the number of victims who received aftercare (at least one track started). It also covers assessments and referrals that led to no support.',
};

export type HateCrimeCosts = {
  model: 'HATE_CRIME_AFTERCARE';
  ruleSetId: string;
  yearly: { lines: CostLine[]; total: number };
  perVictim: { amount: number; divisor: 'victims'; victims: number; basis: 'yearly'; note: Label } | null;
  budget: {
    yearly: number;
    years: number;
    /** yearly total / yearly budget; null with no budget. */
    use: number | null;
    overBudget: boolean;
    /** The seed asks for at least two years; false is worth a warning, not an error. */
    meetsMinimumYears: boolean;
  };
  /** The seed's rule: 1-2 M kr a year for 50-100 victims, i.e. 10,000-40,000 kr per victim. */
  preStudyRule: {
    yearly: YearlyRange;
    victims: YearlyRange;
    perVictim: YearlyRange;
    source: CostSource;
    /** Whether this year's per-victim cost lies in the seed's range; null without victims. */
    perVictimWithinSeedRange: boolean | null;
  };
};

const kroner = (amount: number) => Math.round(amount);

/** Yearly cost, cost per victim and budget use of hate-crime aftercare. Throws on invalid inputs. */
export function hateCrimeCosts(inputs: HateCrimeCostInputs): HateCrimeCosts {
  const checked = validateHateCrimeCostInputs(inputs);
  if (!checked.ok) {
    const detail = checked.errors.map((e) => `${e.field}: ${e.code}`).join(', ');
    throw new RangeError(`Invalid cost inputs (${detail})`);
  }
  const i = checked.inputs;
  const rule = costRule(i.ruleSetId, 'hate_crime.aftercare_yearly');
  const lines: CostLine[] = [
    {
      id: 'legal_financial',
      label: { da: 'Juridisk/økonomisk rådgivning', en: 'Legal and financial counselling' },
      amount: kroner(i.legalFinancialYearly),
    },
    {
      id: 'psychological',
      label: { da: 'Psykologisk støtte', en: 'Psychological support' },
      amount: kroner(i.psychologicalYearly),
    },
    {
      id: 'other',
      label: {
        da: 'Vurdering, koordinering og ikke fordelt på spor',
        en: 'Assessment, coordination and not split by track',
      },
      amount: kroner(i.otherYearly),
    },
  ];
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const preStudyYearly = { low: rule.value, high: rule.upper ?? rule.value };
  const preStudyVictims = HATE_CRIME_EXPECTED_VOLUME.startUp;
  // The cheapest case spreads the low budget over the most victims, the dearest the reverse.
  const preStudyPerVictim = {
    low: preStudyYearly.low / preStudyVictims.high,
    high: preStudyYearly.high / preStudyVictims.low,
  };
  const perVictim =
    i.victimsPerYear > 0
      ? {
          amount: kroner(total / i.victimsPerYear),
          divisor: 'victims' as const,
          victims: i.victimsPerYear,
          basis: 'yearly' as const,
          note: PER_VICTIM_NOTE,
        }
      : null;
  return {
    model: 'HATE_CRIME_AFTERCARE',
    ruleSetId: i.ruleSetId,
    yearly: { lines, total },
    perVictim,
    budget: {
      yearly: i.yearlyBudget,
      years: i.budgetYears,
      use: i.yearlyBudget > 0 ? total / i.yearlyBudget : null,
      overBudget: total > i.yearlyBudget,
      meetsMinimumYears: i.budgetYears >= HATE_CRIME_MIN_BUDGET_YEARS,
    },
    preStudyRule: {
      yearly: preStudyYearly,
      victims: preStudyVictims,
      perVictim: preStudyPerVictim,
      source: rule.source,
      perVictimWithinSeedRange:
        perVictim === null
          ? null
          : perVictim.amount >= preStudyPerVictim.low && perVictim.amount <= preStudyPerVictim.high,
    },
  };
}
