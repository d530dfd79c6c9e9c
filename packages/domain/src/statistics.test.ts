import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  logGamma,
  mean,
  pairedTTest,
  pairedTTestFromSummary,
  regularizedIncompleteBeta,
  sd,
  significanceStars,
  studentTCdf,
  studentTQuantile,
  studentTSurvival,
  studentTTwoSidedP,
  variance,
  welchTTest,
  welchTTestFromSummary,
  wilsonInterval,
} from './statistics.ts';

// Reference values computed with SciPy by packages/domain/reference/statistics.py
// (its output, statistics-reference.json, is committed beside it).
type Reference = {
  scipy: string;
  welch: Array<{
    name: string;
    a: number[];
    b: number[];
    mean_a: number;
    mean_b: number;
    t: number;
    df: number;
    p: number;
    ci95_a_minus_b: [number, number];
  }>;
  paired: Array<{
    name: string;
    before: number[];
    after: number[];
    mean_before: number;
    mean_after: number;
    sd_after_minus_before: number;
    t: number;
    df: number;
    p: number;
    ci95_before_minus_after: [number, number];
  }>;
  t_cdf: Array<{ t: number; df: number; cdf: number; sf: number }>;
  t_ppf: Array<{ p: number; df: number; t: number }>;
  wilson: Array<{ k: number; n: number; low: number; high: number }>;
  welch_from_stats: Array<{
    name: string;
    mean1: number;
    sd1: number;
    n1: number;
    mean2: number;
    sd2: number;
    n2: number;
    t: number;
    p: number;
  }>;
};
const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL('../reference/statistics-reference.json', import.meta.url)), 'utf8'),
) as Reference;

/** Relative agreement to `digits` significant digits (absolute near zero). */
function expectClose(actual: number, expected: number, relative = 1e-9): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${actual} vs ${expected}`).toBeLessThan(relative);
}

describe('Welch t-test against SciPy ttest_ind(equal_var=False)', () => {
  for (const ref of reference.welch) {
    it(ref.name, () => {
      const result = welchTTest(ref.a, ref.b);
      expect(result.n1).toBe(ref.a.length);
      expect(result.n2).toBe(ref.b.length);
      expectClose(result.mean1, ref.mean_a);
      expectClose(result.mean2, ref.mean_b);
      // Ours is second − first; SciPy's is a − b.
      expectClose(result.meanDifference, ref.mean_b - ref.mean_a);
      expectClose(result.t, -ref.t);
      expectClose(result.df, ref.df);
      expectClose(result.p, ref.p);
      expectClose(result.ci95[0], -ref.ci95_a_minus_b[1]);
      expectClose(result.ci95[1], -ref.ci95_a_minus_b[0]);
    });
  }

  it('covers a non-integer df and a p-value below 1e-10', () => {
    expect(reference.welch.some((r) => !Number.isInteger(r.df))).toBe(true);
    expect(reference.welch.some((r) => r.p < 1e-10)).toBe(true);
  });

  it('rejects groups too small or without variance', () => {
    expect(() => welchTTest([1], [1, 2, 3])).toThrow(RangeError);
    expect(() => welchTTest([2, 2, 2], [2, 2])).toThrow(RangeError);
  });
});

describe('paired t-test against SciPy ttest_rel', () => {
  for (const ref of reference.paired) {
    it(ref.name, () => {
      const result = pairedTTest(ref.before, ref.after);
      expect(result.n).toBe(ref.before.length);
      expect(result.df).toBe(ref.df);
      expectClose(result.mean1, ref.mean_before);
      expectClose(result.mean2, ref.mean_after);
      expectClose(result.sdDifference, ref.sd_after_minus_before);
      // Ours is after − before; SciPy's ttest_rel(before, after) is before − after.
      expectClose(result.t, -ref.t);
      expectClose(result.p, ref.p);
      expectClose(result.ci95[0], -ref.ci95_before_minus_after[1]);
      expectClose(result.ci95[1], -ref.ci95_before_minus_after[0]);
    });
  }

  it('needs one pair per person and some spread in the differences', () => {
    expect(() => pairedTTest([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => pairedTTest([1], [2])).toThrow(RangeError);
    expect(() => pairedTTest([1, 2, 3], [2, 3, 4])).toThrow(RangeError);
  });
});

describe('Student t distribution against SciPy', () => {
  for (const ref of reference.t_cdf) {
    it(`cdf and sf at t=${ref.t}, df=${ref.df}`, () => {
      expectClose(studentTCdf(ref.t, ref.df), ref.cdf);
      expectClose(studentTSurvival(ref.t, ref.df), ref.sf);
    });
  }
  for (const ref of reference.t_ppf) {
    it(`ppf(${ref.p}) at df=${ref.df}`, () => {
      expectClose(studentTQuantile(ref.p, ref.df), ref.t);
    });
  }
  it('two-sided p is 1 at t=0 and 0 at infinity', () => {
    expect(studentTTwoSidedP(0, 7)).toBe(1);
    expect(studentTTwoSidedP(Number.POSITIVE_INFINITY, 7)).toBe(0);
  });
  it('df = 1 is the Cauchy distribution', () => {
    for (const t of [-3, -0.5, 0.2, 1, 10]) {
      expectClose(studentTCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12);
    }
  });
});

describe('the t quantile', () => {
  /** The quantile as it was solved before: bisection on the exact CDF to the last digit. */
  function bisectedQuantile(p: number, df: number): number {
    const target = 2 * (1 - p);
    let low = 0;
    let high = 1;
    while (studentTTwoSidedP(high, df) > target) {
      low = high;
      high *= 2;
    }
    for (let i = 0; i < 2000 && high - low > Number.EPSILON * high; i++) {
      const middle = (low + high) / 2;
      if (middle === low || middle === high) break;
      if (studentTTwoSidedP(middle, df) > target) low = middle;
      else high = middle;
    }
    return (low + high) / 2;
  }
  it('hits the tail as closely as bisection did, from the Cauchy case to near-normal and far tails', () => {
    for (const df of [0.3, 1, 1.5, 2, 3, 4.7, 7, 12.25, 29.3, 100, 1e4, 1e7]) {
      for (const p of [0.5000001, 0.6, 0.9, 0.95, 0.975, 0.99, 0.999, 0.999999, 1 - 1e-12]) {
        const quantile = studentTQuantile(p, df);
        const bisected = bisectedQuantile(p, df);
        // Both solve P(|T| > t) = 2(1 − p) on the same computed tail: the tail at Newton's
        // answer is as near the target as at bisection's, give or take what 8 ulps of t move it
        // and the tail's own rounding (a few ulps of the tail).
        const target = 2 * (1 - p);
        const miss = (t: number) => Math.abs(studentTTwoSidedP(t, df) - target);
        const eightUlps = Math.abs(
          studentTTwoSidedP(quantile * (1 + 8 * Number.EPSILON), df) - studentTTwoSidedP(quantile, df),
        );
        expect(miss(quantile), `df ${df}, p ${p}`).toBeLessThanOrEqual(
          miss(bisected) + eightUlps + 16 * Number.EPSILON * target,
        );
        // And the two answers agree as closely as this file asks of SciPy's (near the median, or
        // with a huge df, the tail's rounding, not the method, decides the last digits).
        expectClose(quantile, bisected);
        expect(studentTQuantile(1 - p, df)).toBe(-quantile);
      }
    }
  });
});

describe('special functions', () => {
  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expectClose(logGamma(10), Math.log(362880), 1e-13);
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
    expectClose(logGamma(171), 706.5730622457874, 1e-13);
  });
  it('incomplete beta: I_x(1,1) = x and I_x(a,b) = 1 − I_{1−x}(b,a)', () => {
    expectClose(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-13);
    const value = regularizedIncompleteBeta(0.42, 3.5, 7.25);
    expectClose(value, 1 - regularizedIncompleteBeta(0.58, 7.25, 3.5), 1e-12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('Wilson interval against SciPy binomtest(...).proportion_ci(method="wilson")', () => {
  for (const ref of reference.wilson) {
    it(`${ref.k}/${ref.n}`, () => {
      const ci = wilsonInterval(ref.k, ref.n);
      expect(ci.proportion).toBe(ref.k / ref.n);
      expect(Math.abs(ci.lower - ref.low)).toBeLessThan(1e-12);
      expect(Math.abs(ci.upper - ref.high)).toBeLessThan(1e-12);
    });
  }
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

describe('descriptives and stars', () => {
  it('mean, variance and sd (n − 1)', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expectClose(variance([2, 4, 4, 4, 5, 5, 7, 9]), 32 / 7, 1e-14);
    expectClose(sd([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7), 1e-14);
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sd([1])).toThrow(RangeError);
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
  it.each([
    [0.0009, '***'],
    [0.001, '**'],
    [0.0099, '**'],
    [0.01, '*'],
    [0.049, '*'],
    [0.05, ''],
    [0.7, ''],
  ] as const)('p=%s → "%s"', (p, stars) => {
    expect(significanceStars(p)).toBe(stars);
  });
});

describe('t-tests from summary statistics (what SQL returns)', () => {
  for (const ref of reference.welch_from_stats) {
    it(`Welch ${ref.name} against SciPy ttest_ind_from_stats`, () => {
      const result = welchTTestFromSummary(
        { n: ref.n1, mean: ref.mean1, variance: ref.sd1 ** 2 },
        { n: ref.n2, mean: ref.mean2, variance: ref.sd2 ** 2 },
      );
      expectClose(result.t, -ref.t);
      expectClose(result.p, ref.p);
    });
  }

  it('give the same result as the tests on raw values', () => {
    const ref = reference.welch[0] as Reference['welch'][number];
    const fromValues = welchTTest(ref.a, ref.b);
    const fromSummary = welchTTestFromSummary(
      { n: ref.a.length, mean: mean(ref.a), variance: variance(ref.a) },
      { n: ref.b.length, mean: mean(ref.b), variance: variance(ref.b) },
    );
    expect(fromSummary).toEqual(fromValues);

    const pair = reference.paired[0] as Reference['paired'][number];
    const differences = pair.after.map((v, i) => v - (pair.before[i] as number));
    const paired = pairedTTestFromSummary({
      n: differences.length,
      mean: mean(differences),
      variance: variance(differences),
    });
    const { mean1: _m1, mean2: _m2, ...rawPaired } = pairedTTest(pair.before, pair.after);
    expect(paired).toEqual(rawPaired);
  });

  it('reject summaries that cannot give a t statistic', () => {
    expect(() =>
      welchTTestFromSummary({ n: 1, mean: 3, variance: 1 }, { n: 5, mean: 2, variance: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      welchTTestFromSummary({ n: 3, mean: 3, variance: -1 }, { n: 5, mean: 2, variance: 1 }),
    ).toThrow(RangeError);
    expect(() => pairedTTestFromSummary({ n: 10, mean: 3, variance: 0 })).toThrow(RangeError);
    expect(() => pairedTTestFromSummary({ n: 2.5, mean: 3, variance: 1 })).toThrow(RangeError);
  });
});
