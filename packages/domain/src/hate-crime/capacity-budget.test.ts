import { describe, expect, it } from 'vitest';
import {
  HATE_CRIME_SEED_EXAMPLE_INPUTS,
  hateCrimeCapacity,
  hateCrimeCosts,
  validateHateCrimeCostInputs,
} from './capacity-budget.ts';

describe('capacity against the expected volume', () => {
  it('places the yearly volume against 50-100 at start and 600-800 in need', () => {
    expect(hateCrimeCapacity(30, 100).status).toBe('BELOW_START_UP');
    expect(hateCrimeCapacity(50, 100).status).toBe('WITHIN_START_UP');
    expect(hateCrimeCapacity(100, 100).status).toBe('WITHIN_START_UP');
    expect(hateCrimeCapacity(101, 100).status).toBe('ABOVE_START_UP');
    expect(hateCrimeCapacity(600, 700).status).toBe('AT_OR_ABOVE_NEED');
  });
  it('gives the share of the need met and the use of capacity', () => {
    const c = hateCrimeCapacity(80, 100);
    expect(c.shareOfNeed).toEqual({ low: 0.1, high: 80 / 600 });
    expect(c.utilisation).toBe(0.8);
    expect(hateCrimeCapacity(0, 0).utilisation).toBeNull();
    expect(() => hateCrimeCapacity(-1, 10)).toThrow(RangeError);
  });
});

describe('cost and budget', () => {
  it("the seed's example: 1.5 M kr for 75 victims is 20,000 kr each, inside 10,000-40,000", () => {
    const costs = hateCrimeCosts(HATE_CRIME_SEED_EXAMPLE_INPUTS);
    expect(costs.yearly.total).toBe(1_500_000);
    expect(costs.perVictim?.amount).toBe(20_000);
    expect(costs.preStudyRule.yearly).toEqual({ low: 1_000_000, high: 2_000_000 });
    expect(costs.preStudyRule.perVictim).toEqual({ low: 10_000, high: 40_000 });
    expect(costs.preStudyRule.perVictimWithinSeedRange).toBe(true);
    expect(costs.preStudyRule.source.reference).toBe('estimate for Copenhagen');
    expect(costs.budget).toEqual({
      yearly: 1_500_000,
      years: 2,
      use: 1,
      overBudget: false,
      meetsMinimumYears: true,
    });
  });

  it('adds the tracks, divides by victims who received aftercare, and flags over-budget and short grants', () => {
    const costs = hateCrimeCosts({
      ...HATE_CRIME_SEED_EXAMPLE_INPUTS,
      legalFinancialYearly: 700_000,
      psychologicalYearly: 900_000,
      otherYearly: 200_000,
      victimsPerYear: 40,
      budgetYears: 1,
    });
    expect(costs.yearly.total).toBe(1_800_000);
    expect(costs.perVictim?.amount).toBe(45_000);
    expect(costs.preStudyRule.perVictimWithinSeedRange).toBe(false);
    expect(costs.budget.use).toBeCloseTo(1.2);
    expect(costs.budget.overBudget).toBe(true);
    expect(costs.budget.meetsMinimumYears).toBe(false);
    const none = hateCrimeCosts({ ...HATE_CRIME_SEED_EXAMPLE_INPUTS, victimsPerYear: 0, yearlyBudget: 0 });
    expect(none.perVictim).toBeNull();
    expect(none.budget.use).toBeNull();
    expect(none.preStudyRule.perVictimWithinSeedRange).toBeNull();
  });

  it('names each bad input', () => {
    const result = validateHateCrimeCostInputs({
      ...HATE_CRIME_SEED_EXAMPLE_INPUTS,
      ruleSetId: 'dk-1999',
      victimsPerYear: 7.5,
      otherYearly: -1,
      budgetYears: 0,
      yearlyBudget: undefined,
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['ruleSetId', 'UNKNOWN_OPTION'],
      ['otherYearly', 'OUT_OF_RANGE'],
      ['victimsPerYear', 'NOT_AN_INTEGER'],
      ['yearlyBudget', 'REQUIRED'],
      ['budgetYears', 'OUT_OF_RANGE'],
    ]);
    expect(() => hateCrimeCosts({ ...HATE_CRIME_SEED_EXAMPLE_INPUTS, otherYearly: Number.NaN })).toThrow(
      RangeError,
    );
  });
});
