import { studentTQuantile, studentTTwoSidedP } from '@vi/domain';

/**
 * Welch's and the paired t-test from summary statistics (n, mean, sample variance), so the
 * database returns one row per group instead of every score. Same formulas as the domain's
 * array-based `welchTTest` / `pairedTTest` (their tests check against SciPy), with the same
 * exact Student-t p-value and quantile; summary-t-tests.test.ts checks that both agree.
 */
export type GroupSummary = { n: number; mean: number; variance: number };

export type WelchSummaryTest = {
  meanDifference: number;
  standardError: number;
  t: number;
  df: number;
  p: number;
  ci95: [number, number];
};

/** Welch test of `second` against `first` (meanDifference = second − first); null when undefined. */
export function welchFromSummary(first: GroupSummary, second: GroupSummary): WelchSummaryTest | null {
  if (first.n < 2 || second.n < 2) return null;
  const v1 = first.variance / first.n;
  const v2 = second.variance / second.n;
  const se2 = v1 + v2;
  if (!(se2 > 0)) return null;
  const standardError = Math.sqrt(se2);
  const meanDifference = second.mean - first.mean;
  const t = meanDifference / standardError;
  const df = (se2 * se2) / ((v1 * v1) / (first.n - 1) + (v2 * v2) / (second.n - 1));
  const margin = studentTQuantile(0.975, df) * standardError;
  return {
    meanDifference,
    standardError,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    ci95: [meanDifference - margin, meanDifference + margin],
  };
}

/** Paired test from the differences' summary (after − before); null when undefined. */
export function pairedFromSummary(differences: GroupSummary): WelchSummaryTest | null {
  if (differences.n < 2 || !(differences.variance > 0)) return null;
  const standardError = Math.sqrt(differences.variance / differences.n);
  const t = differences.mean / standardError;
  const df = differences.n - 1;
  const margin = studentTQuantile(0.975, df) * standardError;
  return {
    meanDifference: differences.mean,
    standardError,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    ci95: [differences.mean - margin, differences.mean + margin],
  };
}
