import {
  MIN_CELL,
  mean,
  pairedTTest,
  pairedTTestFromSummary,
  significanceStars,
  variance,
  welchTTest,
  welchTTestFromSummary,
} from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import type { AggregateSource } from './evaluation-filter.ts';
import { pairedTestResult, recovery, welchTestResult } from './recovery.ts';

// The recovery figure runs the domain's summary t-tests (checked against SciPy in
// packages/domain); these check what the gateway adds: the fields it passes on, their sign
// (after − before) and null where the domain finds the test undefined.
const summaryOf = (values: number[]) => ({
  n: values.length,
  mean: mean(values),
  variance: variance(values),
});

describe('t-tests of the recovery figure', () => {
  const baseline = [35, 40, 45, 50, 55, 30, 25, 60, 42.5, 47.5, 37.5];
  const end = [55, 60, 65, 50, 75, 45, 70, 62.5, 57.5];

  it('Welch from the two summaries gives the domain test on the scores, after − before', () => {
    const reference = welchTTest(baseline, end);
    const result = welchTestResult(summaryOf(baseline), summaryOf(end))!;
    expect(result.meanDifference).toBeGreaterThan(0);
    expect(result.meanDifference).toBeCloseTo(mean(end) - mean(baseline), 12);
    expect(result.t).toBeCloseTo(reference.t, 12);
    expect(result.df).toBeCloseTo(reference.df, 10);
    expect(result.p).toBeCloseTo(reference.p, 14);
    expect(result.ci95[0]).toBeCloseTo(reference.ci95[0], 10);
    expect(result.ci95[1]).toBeCloseTo(reference.ci95[1], 10);
    expect(result.stars).toBe(significanceStars(reference.p));
    expect(Object.keys(result).sort()).toEqual(
      ['ci95', 'df', 'meanDifference', 'p', 'standardError', 'stars', 't'].sort(),
    );
  });

  it('the paired test from the differences gives the domain test on the pairs', () => {
    const before = baseline.slice(0, end.length);
    const differences = end.map((after, i) => after - before[i]!);
    const reference = pairedTTest(before, end);
    const result = pairedTestResult(summaryOf(differences))!;
    expect(result.meanDifference).toBeCloseTo(reference.meanDifference, 12);
    expect(result.t).toBeCloseTo(reference.t, 12);
    expect(result.df).toBe(reference.df);
    expect(result.p).toBeCloseTo(reference.p, 14);
    expect(result.ci95[0]).toBeCloseTo(reference.ci95[0], 10);
    expect(result.stars).toBe(significanceStars(reference.p));
  });

  it('shows no test where it is undefined instead of failing the request', () => {
    expect(welchTestResult({ n: 1, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 1 })).toBeNull();
    expect(welchTestResult({ n: 4, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 0 })).toBeNull();
    expect(pairedTestResult({ n: 6, mean: 2, variance: 0 })).toBeNull();
    expect(pairedTestResult({ n: 1, mean: 2, variance: 0 })).toBeNull();
  });
});

describe('disclosure control of the recovery figure (canned SQL rows, no database)', () => {
  const uniform = keyedUniform(Buffer.alloc(32, 7));
  const BIG = '00000000-0000-4000-8000-000000000001';
  const TINY = '00000000-0000-4000-8000-000000000002';
  /** One organisation with 40 forms of each kind, one with a single baseline and a single pair. */
  const unpairedRow = (
    org: string | null,
    kind: string,
    n: number,
    m: number,
    v: number | null,
    key: number,
  ) => ({
    org,
    kind,
    o_n: n,
    o_key: String(key),
    o_mean: m,
    o_variance: v,
    l_n: 0,
    l_key: '0',
    l_mean: null,
    l_variance: null,
  });
  const pairedRow = (
    org: string | null,
    n: number,
    key: number,
    before: number,
    after: number,
    v: number | null,
  ) => ({
    org,
    o_n: n,
    o_key: String(key),
    o_mean_before: before,
    o_mean_after: after,
    o_var_diff: v,
    o_improved: Math.floor(n / 2),
    o_improved_key: String(key % 100_000),
    o_crossed: Math.floor(n / 4),
    o_crossed_key: String(key % 7_777),
    l_n: 0,
    l_key: '0',
    l_mean_before: null,
    l_mean_after: null,
    l_var_diff: null,
    l_improved: 0,
    l_improved_key: '0',
    l_crossed: 0,
    l_crossed_key: '0',
  });
  const source: AggregateSource = {
    async query<T>(sql: string): Promise<T[]> {
      const rows = sql.includes('JOIN "QuestionnaireResponse" e')
        ? [pairedRow(BIG, 35, 987_654_321, 42, 55, 144), pairedRow(TINY, 1, 1234, 30, 60, null)].concat([
            pairedRow(null, 36, 987_655_555, 42.5, 55.1, 150),
          ])
        : [
            unpairedRow(BIG, 'BASELINE', 40, 41, 225, 2_000_000_000),
            unpairedRow(BIG, 'END', 40, 56, 196, 1_500_000_000),
            unpairedRow(TINY, 'BASELINE', 1, 20, null, 77),
            unpairedRow(null, 'BASELINE', 41, 40.5, 230, 2_000_000_077),
            unpairedRow(null, 'END', 40, 56, 196, 1_500_000_000),
          ];
      return rows as T[];
    },
  };

  it('hides the statistics of a group under 5 and computes every test from published values only', async () => {
    const result = await recovery(source, { organizationIds: [BIG, TINY] }, uniform);
    const figure = result.measures.find((m) => m.measure === 'INSPIRE_O')!;
    const tiny = figure.byOrganization.find((row) => row.organizationId === TINY)!;
    expect(tiny.baseline.n.value === null || tiny.baseline.n.value === 0).toBe(true);
    expect([tiny.baseline.mean, tiny.baseline.sd, tiny.unpaired]).toEqual([null, null, null]);
    expect([
      tiny.paired.meanBefore,
      tiny.paired.meanAfter,
      tiny.paired.sdDifference,
      tiny.paired.test,
    ]).toEqual([null, null, null, null]);
    expect(tiny.paired.clinicallyRelevantImprovement).toBeNull();

    for (const row of [figure.total, figure.byOrganization.find((r) => r.organizationId === BIG)!]) {
      const { baseline, end, paired } = row;
      expect(baseline.n.value).toBeGreaterThanOrEqual(MIN_CELL);
      // Noise is added: the published mean is not the true one, but near it.
      expect(baseline.mean).not.toBe(row.organizationId ? 41 : 40.5);
      expect(Math.abs(baseline.mean! - (row.organizationId ? 41 : 40.5))).toBeLessThan(15);
      const welch = welchTTestFromSummary(
        { n: baseline.n.value!, mean: baseline.mean!, variance: baseline.sd! ** 2 },
        { n: end.n.value!, mean: end.mean!, variance: end.sd! ** 2 },
      );
      expect(row.unpaired).toMatchObject({ t: welch.t, df: welch.df, p: welch.p, ci95: welch.ci95 });
      const pairedReference = pairedTTestFromSummary({
        n: paired.n.value!,
        mean: paired.meanAfter! - paired.meanBefore!,
        variance: paired.sdDifference! ** 2,
      });
      expect(paired.test).toMatchObject({
        t: pairedReference.t,
        df: pairedReference.df,
        p: pairedReference.p,
        ci95: pairedReference.ci95,
      });
      expect(paired.clinicallyRelevantImprovement?.denominator).toBe(paired.n.value);
    }
    // The same rows again: the same answer.
    expect(await recovery(source, { organizationIds: [BIG, TINY] }, uniform)).toEqual(result);
  });
});
