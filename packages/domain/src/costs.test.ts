import { describe, expect, it } from 'vitest';
import { costInputChanges, validateCostInputs, validateCostYear } from './cost-input-changes.ts';
import {
  COST_RULE_SETS,
  CURRENT_COST_RULE_SET_ID,
  costRule,
  costRuleSet,
  DEFAULT_OUTREACH_INPUTS,
  groupCourseCosts,
  KOEGE_EXAMPLE_INPUTS,
  outreachCosts,
  VIVE_ASSUMED_COMPLETERS,
  validateGroupCourseCostInputs,
  validateOutreachCostInputs,
} from './costs.ts';

describe('cost rule sets', () => {
  it('are versioned, and every item names its source', () => {
    expect(COST_RULE_SETS.map((s) => s.id)).toContain('dk-2024-v1');
    expect(costRuleSet(CURRENT_COST_RULE_SET_ID).priceYear).toBe(2024);
    for (const set of COST_RULE_SETS) {
      const ids = set.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of set.items) {
        expect(item.source.reference.length, item.id).toBeGreaterThan(0);
        expect(item.source.document.da.length, item.id).toBeGreaterThan(0);
        if (item.upper !== undefined) expect(item.upper, item.id).toBeGreaterThan(item.value);
      }
    }
  });
  it('keep the shelter stay in both price years', () => {
    expect(costRule('dk-2024-v1', 'shelter.stay')).toMatchObject({ value: 80_000, priceYear: 2024 });
    expect(costRule('dk-2024-v1', 'shelter.stay_2016')).toMatchObject({ value: 66_400, priceYear: 2016 });
  });
  it('reject unknown versions and items', () => {
    expect(() => costRuleSet('dk-1999')).toThrow(RangeError);
    expect(() => costRule('dk-2024-v1', 'nope')).toThrow(RangeError);
  });
  it("the seed's own sums hold: Køge start-up items add up to 975,000 kr and hours to 2,700", () => {
    const value = (id: string) => costRule('dk-2024-v1', id).value;
    expect(
      value('group.startup.salaries') +
        value('group.startup.other_staff') +
        value('group.startup.training_total') +
        value('group.startup.campaign') +
        value('group.startup.overhead'),
    ).toBe(value('group.startup.total'));
    const direct = [
      'detection_meetings',
      'promotion',
      'risk_assessment',
      'course_facilitation',
      'other',
    ].reduce((sum, id) => sum + value(`group.hours.${id}`), 0);
    expect(direct * (1 + value('group.hours.overhead_share'))).toBe(value('group.hours.total'));
  });
});

describe('outreachCosts (the Projekt Opsøgende Indsats evaluation Table 2)', () => {
  const result = outreachCosts(DEFAULT_OUTREACH_INPUTS);
  it('start-up 58,000 kr = training 43,000 + IT and phones 15,000', () => {
    expect(result.startUp.lines.map((l) => [l.id, l.amount])).toEqual([
      ['training', 43_000],
      ['it', 15_000],
    ]);
    expect(result.startUp.total).toBe(58_000);
  });
  it('yearly 386,000 kr = staff 308,000 (2,080 h) + management 78,000 (312 h)', () => {
    expect(result.yearly.lines.map((l) => [l.id, l.amount, l.hours])).toEqual([
      ['outreach_staff', 308_000, 2_080],
      ['management', 78_000, 312],
    ]);
    expect(result.yearly.total).toBe(386_000);
  });
  it('first year 444,000 kr', () => {
    expect(result.firstYear).toBe(444_000);
  });
  it("follows an organisation's own hours, rates and other costs", () => {
    const own = outreachCosts(
      {
        ...DEFAULT_OUTREACH_INPUTS,
        outreachHoursPerWeek: 20,
        outreachHourlyRate: 200,
        otherYearlyCosts: 10_000,
      },
      350,
    );
    expect(own.yearly.total).toBe(20 * 52 * 200 + 78_000 + 10_000);
    expect(own.firstYear).toBe(58_000 + own.yearly.total);
    expect(own.perReferral).toEqual({
      amount: Math.round(own.yearly.total / 350),
      divisor: 'referrals',
      referrals: 350,
      basis: 'yearly',
    });
    expect(result.perReferral).toBeNull();
  });
});

describe("groupCourseCosts (VIVE's group-course evaluation ch. 4, Køge example)", () => {
  // The report's worked example divides by its assumed 35 completers; live figures count their own.
  const result = groupCourseCosts(KOEGE_EXAMPLE_INPUTS, VIVE_ASSUMED_COMPLETERS);
  it('start-up 975,000 kr, kept apart from running cost', () => {
    expect(result.startUp.total).toBe(975_000);
    expect(result.startUp.lines.find((l) => l.id === 'training')?.amount).toBe(125_000);
    expect(result.firstYear).toBe(result.startUp.total + result.yearly.total);
  });
  it('2,700 hours a year, overhead 450 h', () => {
    expect(result.yearly.hours).toBe(2_700);
    expect(result.yearly.lines.find((l) => l.id === 'overhead')?.hours).toBe(450);
  });
  it('yearly running cost incl. supervision falls in the seed’s 1.25-1.35 M kr', () => {
    expect(result.yearly.total).toBe(2_700 * 445 + 100_000);
    expect(result.yearly.total).toBeGreaterThanOrEqual(1_250_000);
    expect(result.yearly.total).toBeLessThanOrEqual(1_350_000);
  });
  it('per course in the seed’s 250,000-300,000 kr range (5 courses)', () => {
    expect(result.perCourse?.courses).toBe(5);
    expect(result.perCourse?.amount).toBe(Math.round(result.yearly.total / 5));
    expect(result.perCourse?.amount).toBeGreaterThanOrEqual(250_000);
    expect(result.perCourse?.amount).toBeLessThanOrEqual(300_000);
  });
  it('per completer in the seed’s 30,000-40,000 kr range, divided by completers and saying so', () => {
    expect(result.perCompleter).toMatchObject({ divisor: 'completers', completers: 35, basis: 'yearly' });
    expect(result.perCompleter?.amount).toBeGreaterThanOrEqual(30_000);
    expect(result.perCompleter?.amount).toBeLessThanOrEqual(40_000);
    expect(result.perCompleter?.note.en).toContain('completed');
  });
  it('per course stays in 250-300k at both ends of the seed’s yearly total (5 courses)', () => {
    // Seed 4.2.1 spreads 1.25-1.35 M kr over "presumably 4-6 courses" and states 250-300k per course.
    // The seed's ranges are rounded and do not follow from each other's end points (1.35 M / 4 > 300k),
    // so we test the middle count: hourly rates giving the ends of the yearly range.
    for (const hourlyRate of [426, 462]) {
      const r = groupCourseCosts({ ...KOEGE_EXAMPLE_INPUTS, hourlyRate });
      expect(r.yearly.total).toBeGreaterThanOrEqual(1_250_000);
      expect(r.yearly.total).toBeLessThanOrEqual(1_350_000);
      expect(r.perCourse?.amount).toBeGreaterThanOrEqual(250_000);
      expect(r.perCourse?.amount).toBeLessThanOrEqual(300_000);
    }
  });
  it('compares with a shelter stay of 80,000 kr (2024 prices)', () => {
    expect(result.shelterComparison).toMatchObject({ shelterStay: 80_000, priceYear: 2024 });
    expect(result.shelterComparison.ratio).toBeCloseTo((result.perCompleter?.amount ?? 0) / 80_000, 10);
    expect(result.shelterComparison.ratio).toBeLessThan(1);
  });
  it('an overhead rate applies to the other start-up items', () => {
    const r = groupCourseCosts({
      ...KOEGE_EXAMPLE_INPUTS,
      startUp: { ...KOEGE_EXAMPLE_INPUTS.startUp, overhead: { rate: 0.2 } },
    });
    expect(r.startUp.total).toBe(Math.round(815_000 * 1.2));
  });
  it('gives no per-person figure without completers', () => {
    const r = groupCourseCosts({ ...KOEGE_EXAMPLE_INPUTS, coursesPerYear: 0 }, 0);
    expect(r.perCompleter).toBeNull();
    expect(r.perCourse).toBeNull();
    expect(r.shelterComparison.ratio).toBeNull();
  });
});

describe('cost input validation', () => {
  it('accepts the examples', () => {
    expect(validateOutreachCostInputs(DEFAULT_OUTREACH_INPUTS).ok).toBe(true);
    expect(validateGroupCourseCostInputs(KOEGE_EXAMPLE_INPUTS).ok).toBe(true);
  });
  it('names each bad field', () => {
    const result = validateGroupCourseCostInputs({
      ...KOEGE_EXAMPLE_INPUTS,
      ruleSetId: 'dk-1999',
      hourlyRate: -1,
      coursesPerYear: 2.5,
      startUp: { ...KOEGE_EXAMPLE_INPUTS.startUp, salaries: 'lots', overhead: { rate: 3 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'ruleSetId:UNKNOWN_OPTION',
      'startUp.salaries:NOT_A_NUMBER',
      'hourlyRate:OUT_OF_RANGE',
      'coursesPerYear:NOT_AN_INTEGER',
      'startUp.overhead.rate:OUT_OF_RANGE',
    ]);
    expect(result.errors[0]?.message.da.length).toBeGreaterThan(0);
  });
  it('requires missing fields and rejects non-objects', () => {
    const { weeksPerYear: _dropped, ...rest } = DEFAULT_OUTREACH_INPUTS;
    const result = validateOutreachCostInputs(rest);
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'weeksPerYear:REQUIRED',
    ]);
    expect(validateOutreachCostInputs('58000')).toMatchObject({
      ok: false,
      errors: [{ field: 'inputs', code: 'NOT_AN_OBJECT' }],
    });
  });
  it('the cost functions refuse invalid inputs instead of computing nonsense', () => {
    expect(() => outreachCosts({ ...DEFAULT_OUTREACH_INPUTS, weeksPerYear: 0 })).toThrow(RangeError);
    expect(() => groupCourseCosts({ ...KOEGE_EXAMPLE_INPUTS, overheadHoursShare: 2 })).toThrow(RangeError);
  });
});

describe('saving cost inputs', () => {
  it('the year must be a whole year in range, named as the field year', () => {
    expect(validateCostYear(2026)).toEqual([]);
    expect(validateCostYear(1999).map((e) => `${e.field}:${e.code}`)).toEqual(['year:OUT_OF_RANGE']);
    expect(validateCostYear(2026.5).map((e) => `${e.field}:${e.code}`)).toEqual(['year:NOT_AN_INTEGER']);
    expect(validateCostYear(1999)[0]?.message.da).toContain('2015');
  });
  it('completers are not an input any more: a live count divides', () => {
    expect(groupCourseCosts(KOEGE_EXAMPLE_INPUTS).perCompleter).toBeNull();
    expect(groupCourseCosts(KOEGE_EXAMPLE_INPUTS, 10).perCompleter?.amount).toBe(
      Math.round(groupCourseCosts(KOEGE_EXAMPLE_INPUTS).yearly.total / 10),
    );
  });
  it('an overhead given both as a rate and an amount is refused', () => {
    const result = validateCostInputs('GROUP_COURSE', {
      ...KOEGE_EXAMPLE_INPUTS,
      startUp: { ...KOEGE_EXAMPLE_INPUTS.startUp, overhead: { rate: 0.2, amount: 1 } },
    });
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'startUp.overhead:INVALID_TYPE',
    ]);
  });
  it('lists the changed figures with old and new values', () => {
    const after = {
      ...KOEGE_EXAMPLE_INPUTS,
      hourlyRate: 460,
      startUp: { ...KOEGE_EXAMPLE_INPUTS.startUp, campaign: 1 },
    };
    expect(costInputChanges(KOEGE_EXAMPLE_INPUTS, after)).toEqual([
      { field: 'hourlyRate', before: 445, after: 460 },
      { field: 'startUp.campaign', before: 75_000, after: 1 },
    ]);
    expect(costInputChanges(null, { hourlyRate: 1 })).toEqual([
      { field: 'hourlyRate', before: null, after: 1 },
    ]);
  });
});
