import { mean, pairedTTest, significanceStars, variance, welchTTest } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { pairedTestResult, welchTestResult } from './recovery.ts';

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
