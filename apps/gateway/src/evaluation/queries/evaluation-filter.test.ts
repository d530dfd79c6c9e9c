// The evaluation's publication grid for periods: everything, one month, one calendar quarter or
// one calendar year, so that no month can be reached by dozens of differently composed periods.
import { describe, expect, it } from 'vitest';
import { periodGridError, validateEvaluationFilter } from './evaluation-filter.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const ok = (from?: string, to?: string) =>
  periodGridError(from ? day(from) : undefined, to ? day(to) : undefined);
const ORG = '00000000-0000-4000-8000-000000000001';

describe('the period grid', () => {
  it('accepts everything, one month, one quarter or one calendar year', () => {
    expect(ok('2024-02-01', '2024-02-29')).toBeNull();
    expect(ok('2023-02-01', '2023-02-28')).toBeNull();
    expect(ok('2024-04-01', '2024-06-30')).toBeNull();
    expect(ok('2024-10-01', '2024-12-31')).toBeNull();
    expect(ok('2024-01-01', '2024-12-31')).toBeNull();
    expect(ok()).toBeNull();
  });

  it('refuses other month ranges, naming the period and the reason in Danish and English', () => {
    for (const [from, to] of [
      ['2018-06-01', '2019-11-30'], // the Projekt Opsøgende Indsats evaluation's own period: ask for 2018-2019 or its quarters instead
      ['2024-02-01', '2024-04-30'], // three months, not a calendar quarter
      ['2024-01-01', '2024-02-29'],
      ['2024-01-01', '2025-06-30'],
      ['2024-12-01', '2025-01-31'],
      ['2018-01-01', '2020-12-31'], // year ranges: [a, b] − [a, y − 1] − [y + 1, b] for every a, b
    ] as const) {
      expect(ok(from, to)).toMatchObject({ field: 'from', code: 'PERIOD_GRID' });
    }
    // Open ends: [y, today] − [y + 1, today] would be year y, for every y.
    expect(ok('2019-01-01')).toMatchObject({ code: 'PERIOD_GRID' });
    expect(ok(undefined, '2019-12-31')).toMatchObject({ code: 'PERIOD_GRID' });
    expect(ok('2024-03-01')).toMatchObject({ code: 'PERIOD_GRID' });
    const error = ok('2024-02-01', '2024-04-30');
    expect(error?.message.da).toContain('kvartal');
    expect(error?.message.en).toContain('quarter');
  });

  it('is checked with every other filter rule, after whole months', () => {
    const codes = (from: string, to: string) =>
      validateEvaluationFilter({ organizationIds: [ORG], from: day(from), to: day(to) }).map(
        (e) => `${e.field}:${e.code}`,
      );
    expect(codes('2024-02-01', '2024-04-30')).toEqual(['from:PERIOD_GRID']);
    expect(codes('2024-02-02', '2024-04-30')).toEqual(['from:WHOLE_MONTH']);
    expect(codes('2024-01-01', '2024-03-31')).toEqual([]);
  });
});
