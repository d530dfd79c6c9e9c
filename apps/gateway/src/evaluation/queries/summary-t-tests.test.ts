import { mean, pairedTTest, variance, welchTTest } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { pairedFromSummary, welchFromSummary } from './summary-t-tests.ts';

// The summary-based tests must give what the domain's array-based tests give (those are
// checked against SciPy in packages/domain/reference/statistics.py).
const summaryOf = (values: number[]) => ({
  n: values.length,
  mean: mean(values),
  variance: variance(values),
});

describe('t-tests from summary statistics', () => {
  const baseline = [35, 40, 45, 50, 55, 30, 25, 60, 42.5, 47.5, 37.5];
  const end = [55, 60, 65, 50, 75, 45, 70, 62.5, 57.5];

  it('Welch from (n, mean, variance) equals Welch on the scores', () => {
    const fromArrays = welchTTest(baseline, end);
    const fromSummary = welchFromSummary(summaryOf(baseline), summaryOf(end))!;
    expect(fromSummary.t).toBeCloseTo(fromArrays.t, 12);
    expect(fromSummary.df).toBeCloseTo(fromArrays.df, 10);
    expect(fromSummary.p).toBeCloseTo(fromArrays.p, 14);
    expect(fromSummary.meanDifference).toBeCloseTo(fromArrays.meanDifference, 12);
    expect(fromSummary.ci95[0]).toBeCloseTo(fromArrays.ci95[0], 10);
    expect(fromSummary.ci95[1]).toBeCloseTo(fromArrays.ci95[1], 10);
  });

  it('paired from the differences equals the paired test on the pairs', () => {
    const before = baseline.slice(0, end.length);
    const differences = end.map((after, i) => after - before[i]!);
    const fromArrays = pairedTTest(before, end);
    const fromSummary = pairedFromSummary(summaryOf(differences))!;
    expect(fromSummary.t).toBeCloseTo(fromArrays.t, 12);
    expect(fromSummary.df).toBe(fromArrays.df);
    expect(fromSummary.p).toBeCloseTo(fromArrays.p, 14);
    expect(fromSummary.ci95[0]).toBeCloseTo(fromArrays.ci95[0], 10);
  });

  it('returns null where the test is undefined instead of dividing by zero', () => {
    expect(welchFromSummary({ n: 1, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 1 })).toBeNull();
    expect(welchFromSummary({ n: 4, mean: 3, variance: 0 }, { n: 5, mean: 4, variance: 0 })).toBeNull();
    expect(pairedFromSummary({ n: 6, mean: 2, variance: 0 })).toBeNull();
  });
});
