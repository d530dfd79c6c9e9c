// The two aftercare models in the cost-input machinery: every model's field list round-trips
// through costInputsFromValues/costInputValues, the model's own validator names each bad field,
// and the built inputs are what the models' cost rules compute from.
import { describe, expect, it } from 'vitest';
import {
  COST_INPUT_EXAMPLES,
  COST_MODELS,
  type CostModel,
  costInputChanges,
  costInputFields,
  costInputsFromValues,
  costInputValues,
  type HateCrimeStoredInputs,
  validateCostInputs,
} from './cost-input-changes.ts';
import { CURRENT_COST_RULE_SET_ID } from './costs.ts';
import { hateCrimeCosts } from './hate-crime/capacity-budget.ts';
import { type ShelterAftercareCostInputs, shelterAftercareCosts } from './shelter-aftercare/shelter-costs.ts';

const codes = (model: CostModel, inputs: unknown) => {
  const result = validateCostInputs(model, inputs);
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
};

describe('cost input fields of every model', () => {
  it.each(COST_MODELS)('%s: the example round-trips through the field list and is valid', (model) => {
    const values = costInputValues(model, COST_INPUT_EXAMPLES[model]);
    expect(values.map((v) => v.field)).toEqual(costInputFields(model).map((f) => f.field));
    const built = costInputsFromValues(model, values);
    expect(built.errors).toEqual([]);
    expect(codes(model, built.inputs)).toEqual([]);
    expect(costInputValues(model, built.inputs)).toEqual(values);
  });

  it.each(COST_MODELS)('%s: every label is given in Danish and English, and differs', (model) => {
    for (const field of costInputFields(model)) {
      expect(field.label.da.length, field.field).toBeGreaterThan(0);
      expect(field.label.en.length, field.field).toBeGreaterThan(0);
      expect(field.label.da, field.field).not.toBe(field.label.en);
    }
  });
});

describe('hate-crime aftercare inputs', () => {
  const example = () => costInputValues('HATE_CRIME_AFTERCARE', COST_INPUT_EXAMPLES.HATE_CRIME_AFTERCARE);
  const withValue = (field: string, value: number | null) =>
    example().map((v) => (v.field === field ? { field, value } : v));

  it('the victims are counted, not entered: an entered count is an unknown field, the stored one is 0', () => {
    const built = costInputsFromValues('HATE_CRIME_AFTERCARE', [
      ...example(),
      { field: 'victimsPerYear', value: 75 },
    ]);
    expect(built.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['victimsPerYear:UNKNOWN_OPTION']);
    expect(built.inputs).toMatchObject({ ruleSetId: CURRENT_COST_RULE_SET_ID, victimsPerYear: 0 });
  });

  it('the capacity is part of the model and checked like the rule’s counts', () => {
    for (const [value, code] of [
      [null, 'REQUIRED'],
      [2.5, 'NOT_AN_INTEGER'],
      [-1, 'OUT_OF_RANGE'],
    ] as const) {
      const built = costInputsFromValues('HATE_CRIME_AFTERCARE', withValue('capacityPerYear', value));
      expect(codes('HATE_CRIME_AFTERCARE', built.inputs)).toEqual([`capacityPerYear:${code}`]);
    }
  });

  it('the rule’s own checks name their fields, together with the capacity', () => {
    const values = withValue('budgetYears', 0).map((v) =>
      v.field === 'yearlyBudget' ? { field: v.field, value: -5 } : v,
    );
    const built = costInputsFromValues(
      'HATE_CRIME_AFTERCARE',
      values.map((v) => (v.field === 'capacityPerYear' ? { field: v.field, value: -1 } : v)),
    );
    expect(codes('HATE_CRIME_AFTERCARE', built.inputs)).toEqual([
      'yearlyBudget:OUT_OF_RANGE',
      'budgetYears:OUT_OF_RANGE',
      'capacityPerYear:OUT_OF_RANGE',
    ]);
  });

  it('the built inputs are what the cost rule computes from (its yearly total and budget use)', () => {
    const built = costInputsFromValues(
      'HATE_CRIME_AFTERCARE',
      example().map((v) =>
        v.field === 'legalFinancialYearly'
          ? { field: v.field, value: 400_000 }
          : v.field === 'otherYearly'
            ? { field: v.field, value: 800_000 }
            : v,
      ),
    );
    const checked = validateCostInputs('HATE_CRIME_AFTERCARE', built.inputs);
    if (!checked.ok) throw new Error('expected valid inputs');
    const costs = hateCrimeCosts({ ...(checked.inputs as HateCrimeStoredInputs), victimsPerYear: 60 });
    expect(costs.yearly.total).toBe(1_200_000);
    expect(costs.budget.use).toBeCloseTo(1_200_000 / 1_500_000);
    expect(costs.perVictim?.amount).toBe(20_000);
  });
});

describe('shelter aftercare inputs', () => {
  const values = (patch: Partial<ShelterAftercareCostInputs>) =>
    costInputValues('SHELTER_AFTERCARE', { ...COST_INPUT_EXAMPLES.SHELTER_AFTERCARE, ...patch });

  it('starts from the start inputs: the VIVE effective hourly rate for counselling, the rest 0', () => {
    const start = values({});
    expect(start.find((v) => v.field === 'counsellingHourlyRate')?.value).toBe(415);
    expect(start.filter((v) => v.field !== 'counsellingHourlyRate').every((v) => v.value === 0)).toBe(true);
  });

  it('names each bad field through the model’s own validator', () => {
    const built = costInputsFromValues(
      'SHELTER_AFTERCARE',
      values({ moveOutsPerYear: 3.5, psychologistHourlyRate: -1 }).filter(
        (v) => v.field !== 'civilSocietyPerYear',
      ),
    );
    expect(codes('SHELTER_AFTERCARE', built.inputs)).toEqual([
      'moveOutsPerYear:NOT_AN_INTEGER',
      'psychologistHourlyRate:OUT_OF_RANGE',
      'civilSocietyPerYear:REQUIRED',
    ]);
  });

  it('the built inputs give the rule’s yearly cost and break-even against a shelter stay', () => {
    const built = costInputsFromValues(
      'SHELTER_AFTERCARE',
      values({
        moveOutsPerYear: 40,
        counsellingHoursPerMoveOut: 10,
        psychologistHoursPerYear: 200,
        psychologistHourlyRate: 1_000,
        civilSocietyPerYear: 34_000,
      }),
    );
    const checked = validateCostInputs('SHELTER_AFTERCARE', built.inputs);
    if (!checked.ok) throw new Error('expected valid inputs');
    const costs = shelterAftercareCosts(checked.inputs as ShelterAftercareCostInputs);
    // 400 h x 415 + 200 h x 1,000 + 34,000 = 400,000 kr: five shelter stays of 80,000 kr.
    expect(costs.yearly.total).toBe(400_000);
    expect(costs.shelterComparison.breakEvenRepeatStaysAvoided).toBe(5);
  });

  it('a change is listed by its field with old and new value', () => {
    const before = costInputsFromValues('SHELTER_AFTERCARE', values({})).inputs;
    const after = costInputsFromValues('SHELTER_AFTERCARE', values({ otherYearly: 12_000 })).inputs;
    expect(costInputChanges(before, after)).toEqual([{ field: 'otherYearly', before: 0, after: 12_000 }]);
  });
});
