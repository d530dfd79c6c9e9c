import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterFieldOf,
  filterVariables,
  formatDate,
  monthEnd,
  monthStart,
  validateDashboardFilter,
} from './dashboard-filters.tsx';

describe('validateDashboardFilter', () => {
  it('accepts an empty filter and a period of whole months', () => {
    expect(validateDashboardFilter(EMPTY_FILTER)).toEqual([]);
    expect(validateDashboardFilter({ ...EMPTY_FILTER, fromMonth: '2024-01', toMonth: '2024-12' })).toEqual(
      [],
    );
    expect(validateDashboardFilter({ ...EMPTY_FILTER, fromMonth: '2024-03', toMonth: '2024-03' })).toEqual(
      [],
    );
  });

  it('names the field, with a code and a Danish and English message', () => {
    // What a browser without a month picker lets through: a date, or a month 13.
    for (const typed of ['2024-01-15', '2024-13', '24-01']) {
      const [malformed] = validateDashboardFilter({ ...EMPTY_FILTER, fromMonth: typed });
      expect(malformed).toMatchObject({ field: 'from', code: 'INVALID_MONTH' });
      expect(malformed?.message.da).not.toBe(malformed?.message.en);
    }
    expect(validateDashboardFilter({ ...EMPTY_FILTER, fromMonth: '2025-06', toMonth: '2025-01' })).toEqual([
      {
        field: 'to',
        code: 'BEFORE_FROM',
        message: {
          da: 'Til-måneden ligger før fra-måneden.',
          en: 'The to month is before the from month.',
        },
      },
    ]);
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

  it('sends one organisation or category as a list of one, and whole months as first and last day', () => {
    expect(
      filterVariables({
        ...EMPTY_FILTER,
        organizationId: 'o1',
        gender: 'WOMAN',
        incidentType: 'VIOLENCE',
        ageGroup: 'AGE_18_29',
        role: 'VICTIM',
        fromMonth: '2024-02',
        toMonth: '2025-01',
      }),
    ).toEqual({
      organizationIds: ['o1'],
      genders: ['WOMAN'],
      incidentTypes: ['VIOLENCE'],
      ageGroups: ['AGE_18_29'],
      roles: ['VICTIM'],
      from: '2024-02-01',
      to: '2025-01-31',
    });
    expect(filterVariables({ ...EMPTY_FILTER, toMonth: '2024-02' })).toEqual({ to: '2024-02-29' });
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
