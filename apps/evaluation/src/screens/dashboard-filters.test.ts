import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterVariables, validateDashboardFilter } from './dashboard-filters.tsx';

describe('validateDashboardFilter', () => {
  it('accepts an empty filter and a proper period', () => {
    expect(validateDashboardFilter(EMPTY_FILTER)).toEqual([]);
    expect(validateDashboardFilter({ ...EMPTY_FILTER, from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });

  it('names the field, with a code and a Danish and English message', () => {
    const [malformed] = validateDashboardFilter({ ...EMPTY_FILTER, from: '2024-13-45' });
    expect(malformed).toMatchObject({ field: 'from', code: 'INVALID_DATE' });
    expect(malformed?.message.da).not.toBe(malformed?.message.en);
    expect(validateDashboardFilter({ ...EMPTY_FILTER, from: '2025-06-01', to: '2025-01-01' })).toEqual([
      {
        field: 'to',
        code: 'BEFORE_FROM',
        message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
      },
    ]);
  });
});

describe('filterVariables', () => {
  it('leaves out what was not chosen (= all) and the model, which only picks sections', () => {
    expect(filterVariables({ ...EMPTY_FILTER, model: 'OUTREACH' })).toEqual({});
    expect(
      filterVariables({ ...EMPTY_FILTER, organizationIds: ['o1'], genders: ['WOMAN'], to: '2025-01-31' }),
    ).toEqual({
      organizationIds: ['o1'],
      genders: ['WOMAN'],
      to: '2025-01-31',
    });
  });
});
