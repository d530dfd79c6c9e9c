import { describe, expect, it } from 'vitest';
import {
  SHELTER_AFTERCARE_SEED_VOLUMES,
  SHELTER_AFTERCARE_START_INPUTS,
  shelterAftercareCosts,
  validateShelterAftercareCostInputs,
} from './shelter-costs.ts';
import { summariseStartUpHelp, validateStartUpHelp } from './start-up-help.ts';

describe('start-up help', () => {
  it('lists each need once; toys only with children', () => {
    expect(validateStartUpHelp([{ need: 'DEPOSIT', status: 'MET', amount: 12_000 }], false)).toEqual([]);
    const errors = validateStartUpHelp(
      [
        { need: 'TOYS', status: 'NEEDED', amount: null },
        { need: 'MOVING', status: 'APPLIED', amount: 1.5 },
        { need: 'MOVING', status: 'MET', amount: null },
      ],
      false,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['startUpHelp.0.need', 'CHILDREN_ONLY'],
      ['startUpHelp.1.amount', 'NOT_AN_INTEGER'],
      ['startUpHelp.2.need', 'DUPLICATE_OPTION'],
    ]);
  });
  it('summarises needs, met needs and amount', () => {
    const s = summariseStartUpHelp([
      { need: 'DEPOSIT', status: 'MET', amount: 12_000 },
      { need: 'FURNITURE', status: 'NOT_MET', amount: null },
      { need: 'CLOTHES', status: 'MET', amount: 2_000 },
    ]);
    expect(s.amount).toBe(14_000);
    expect(s.byNeed.find((n) => n.need === 'FURNITURE')).toEqual({ need: 'FURNITURE', needed: 1, met: 0 });
    expect(s.byNeed.find((n) => n.need === 'DEPOSIT')).toEqual({ need: 'DEPOSIT', needed: 1, met: 1 });
  });
});

describe('shelter-aftercare cost rule', () => {
  it('says the paper gives volumes and no cost figures', () => {
    expect(SHELTER_AFTERCARE_SEED_VOLUMES.costFigures).toBeNull();
    expect(SHELTER_AFTERCARE_SEED_VOLUMES.womenMovingOutPerYear).toBe(3_100);
    expect(SHELTER_AFTERCARE_SEED_VOLUMES.qnetPerYear).toBe(850);
  });

  it('adds the organisation’s inputs and compares with a shelter stay (80,000 kr, 2024)', () => {
    const costs = shelterAftercareCosts({
      ...SHELTER_AFTERCARE_START_INPUTS,
      moveOutsPerYear: 40,
      counsellingHoursPerMoveOut: 10,
      psychologistHoursPerYear: 300,
      psychologistHourlyRate: 1_000,
      startUpHelpPerYear: 200_000,
      civilSocietyPerYear: 100_000,
    });
    // 400 h × 415 kr = 166,000; 300 h × 1,000 kr = 300,000; + 200,000 + 100,000.
    expect(costs.yearly.total).toBe(766_000);
    expect(costs.yearly.hours).toBe(700);
    expect(costs.perMoveOut?.amount).toBe(19_150);
    expect(costs.shelterComparison.shelterStay).toBe(80_000);
    expect(costs.shelterComparison.priceYear).toBe(2024);
    expect(costs.shelterComparison.breakEvenRepeatStaysAvoided).toBeCloseTo(9.575);
    expect(shelterAftercareCosts(SHELTER_AFTERCARE_START_INPUTS).perMoveOut).toBeNull();
  });

  it('names each bad input', () => {
    const result = validateShelterAftercareCostInputs({
      ...SHELTER_AFTERCARE_START_INPUTS,
      moveOutsPerYear: 2.5,
      otherYearly: -1,
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['moveOutsPerYear', 'NOT_AN_INTEGER'],
      ['otherYearly', 'OUT_OF_RANGE'],
    ]);
    expect(validateShelterAftercareCostInputs([]).ok).toBe(false);
  });
});
