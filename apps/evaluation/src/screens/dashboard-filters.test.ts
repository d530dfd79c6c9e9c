import { describe, expect, it } from 'vitest';
import {
  chosenBreakdowns,
  type DashboardFilter,
  defaultPeriod,
  EMPTY_FILTER,
  filterFieldOf,
  filterVariables,
  formatDate,
  monthEnd,
  monthStart,
  type PeriodChoice,
  periodDates,
  QUARTERS,
  validateDashboardFilter,
  YEARS,
} from './dashboard-filters.tsx';
import { filterApplies } from './filter-applicability.ts';

const period = (patch: Partial<PeriodChoice>): DashboardFilter => ({
  ...EMPTY_FILTER,
  period: { ...EMPTY_FILTER.period, ...patch },
});

describe('validateDashboardFilter', () => {
  it('accepts every period the control offers', () => {
    expect(validateDashboardFilter(EMPTY_FILTER)).toEqual([]);
    expect(validateDashboardFilter(period({ kind: 'MONTH', month: '2024-03' }))).toEqual([]);
    expect(validateDashboardFilter(period({ kind: 'QUARTER', quarterYear: '2024', quarter: '2' }))).toEqual(
      [],
    );
    expect(validateDashboardFilter(period({ kind: 'YEAR', year: '2024' }))).toEqual([]);
  });

  it('names the field, with a code and a Danish and English message', () => {
    // What a browser without a month picker lets through: a date, a month 13, nothing.
    for (const typed of ['2024-01-15', '2024-13', '24-01', '']) {
      const [malformed] = validateDashboardFilter(period({ kind: 'MONTH', month: typed }));
      expect(malformed).toMatchObject({ field: 'from', code: 'INVALID_MONTH' });
      expect(malformed?.message.da).not.toBe(malformed?.message.en);
    }
    // A month typed in is not looked at while another kind is chosen.
    expect(validateDashboardFilter(period({ kind: 'YEAR', month: 'x' }))).toEqual([]);
  });
});

describe('the period grid', () => {
  it('offers the previous month, the previous quarter and the previous year by default, all time chosen', () => {
    expect(defaultPeriod(new Date(2026, 10, 30))).toEqual({
      kind: 'ALL',
      month: '2026-10',
      quarterYear: '2026',
      quarter: '3',
      year: '2025',
    });
    expect(defaultPeriod(new Date(2026, 0, 5))).toMatchObject({
      month: '2025-12',
      quarterYear: '2025',
      quarter: '4',
      year: '2025',
    });
    // Only years that can be chosen.
    expect(defaultPeriod(new Date(2000, 5, 1)).year).toBe('2000');
    expect(YEARS[0]).toBe('2000');
    expect(YEARS.at(-1)).toBe('2100');
  });

  it('turns each kind into first and last day, on the grid the gateway answers', () => {
    const base = defaultPeriod(new Date(2026, 10, 30));
    expect(periodDates(base)).toEqual({});
    expect(periodDates({ ...base, kind: 'MONTH', month: '2024-02' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    const quarters = QUARTERS.map((quarter) =>
      periodDates({ ...base, kind: 'QUARTER', quarterYear: '2025', quarter }),
    );
    expect(quarters).toEqual([
      { from: '2025-01-01', to: '2025-03-31' },
      { from: '2025-04-01', to: '2025-06-30' },
      { from: '2025-07-01', to: '2025-09-30' },
      { from: '2025-10-01', to: '2025-12-31' },
    ]);
    expect(periodDates({ ...base, kind: 'YEAR', year: '2024' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('never gives an open end or a span of more than one year', () => {
    const base = defaultPeriod(new Date(2026, 10, 30));
    const choices: PeriodChoice[] = [
      base,
      ...YEARS.map((year) => ({ ...base, kind: 'YEAR' as const, year })),
      ...QUARTERS.map((quarter) => ({ ...base, kind: 'QUARTER' as const, quarter })),
      { ...base, kind: 'MONTH', month: '2024-12' },
    ];
    for (const choice of choices) {
      const { from, to } = periodDates(choice);
      // Both ends or neither.
      expect(from === undefined).toBe(to === undefined);
      if (from && to) expect(from.slice(0, 4)).toBe(to.slice(0, 4));
    }
  });
});

describe('whole months', () => {
  it('turns a month into its first and last day, leap years and December included', () => {
    expect(monthStart('2024-02')).toBe('2024-02-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2025-02')).toBe('2025-02-28');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2024-04')).toBe('2024-04-30');
    expect(monthEnd('2024-12')).toBe('2024-12-31');
    expect(() => monthEnd('2024-13')).toThrow(RangeError);
  });

  it('writes dates as dd.mm.åååå', () => {
    expect(formatDate('2024-02-29')).toBe('29.02.2024');
  });
});

describe('filterVariables', () => {
  it('leaves out what was not chosen (= all) and the model, which only picks sections', () => {
    expect(filterVariables({ ...EMPTY_FILTER, model: 'OUTREACH' })).toEqual({});
  });

  it('sends one organisation or category as a list of one, and the period as first and last day', () => {
    expect(
      filterVariables({
        ...EMPTY_FILTER,
        organizationId: 'o1',
        gender: 'WOMAN',
        incidentType: 'VIOLENCE',
        ageGroup: 'AGE_18_29',
        role: 'VICTIM',
        period: { ...EMPTY_FILTER.period, kind: 'QUARTER', quarterYear: '2024', quarter: '1' },
      }),
    ).toEqual({
      organizationIds: ['o1'],
      genders: ['WOMAN'],
      incidentTypes: ['VIOLENCE'],
      ageGroups: ['AGE_18_29'],
      roles: ['VICTIM'],
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(filterVariables(period({ kind: 'YEAR', year: '2024' }))).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });
});

describe('filterFieldOf', () => {
  it("places the gateway's field errors beside the control they belong to", () => {
    expect(filterFieldOf('genders')).toBe('genders');
    expect(filterFieldOf('genders.1')).toBe('genders');
    expect(filterFieldOf('filter.organizationIds')).toBe('organizationIds');
    expect(filterFieldOf('from')).toBe('from');
    expect(filterFieldOf('dimension')).toBeNull();
  });
});

describe('breakdowns that cannot apply to the chosen model', () => {
  const chosen: DashboardFilter = {
    ...EMPTY_FILTER,
    incidentType: 'VIOLENCE',
    gender: 'WOMAN',
    ageGroup: 'AGE_30_39',
    role: 'VICTIM',
  };
  it('are all sent for outreach and for all models', () => {
    for (const model of ['ALL', 'OUTREACH'] as const)
      expect(filterVariables({ ...chosen, model })).toMatchObject({
        incidentTypes: ['VIOLENCE'],
        genders: ['WOMAN'],
        ageGroups: ['AGE_30_39'],
        roles: ['VICTIM'],
      });
  });
  it('keep only gender and age for the group course (its intake figures), none for aftercare', () => {
    const course = filterVariables({ ...chosen, model: 'GROUP_COURSE' });
    expect(course).toMatchObject({ genders: ['WOMAN'], ageGroups: ['AGE_30_39'] });
    expect(course).not.toHaveProperty('incidentTypes');
    expect(course).not.toHaveProperty('roles');
    expect(chosenBreakdowns({ ...chosen, model: 'GROUP_COURSE' })).toBe(2);
    for (const model of ['HATE_CRIME_AFTERCARE', 'SHELTER_AFTERCARE'] as const) {
      expect(Object.keys(filterVariables({ ...chosen, model })).sort()).toEqual([]);
      expect(chosenBreakdowns({ ...chosen, model })).toBe(0);
    }
    expect(filterApplies('GROUP_COURSE', 'roles')).toBe(false);
  });
});
