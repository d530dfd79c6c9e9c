/**
 * The statistics evaluators expect (DOMAIN §5.3): Welch's and the paired
 * t-test with exact two-sided p-values from the Student t distribution,
 * Wilson intervals for proportions. Exact here means: the t distribution's
 * CDF is computed through the regularized incomplete beta function, evaluated
 * by its continued fraction (modified Lentz) to double precision; no normal
 * or series approximation. Verified against SciPy to 1e-9 relative
 * (reference/statistics.py).
 */

function assertFinite(values: readonly number[], what: string): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`${what} must contain only finite numbers`);
  }
}

/** Arithmetic mean. Throws on an empty list or a non-finite value. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty list');
  assertFinite(values, 'values');
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample variance (n − 1 in the denominator). Needs at least two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('variance needs at least two values');
  const m = mean(values);
  let sum = 0;
  for (const value of values) sum += (value - m) ** 2;
  return sum / (values.length - 1);
}

/** Sample standard deviation (n − 1). Needs at least two values. */
export function sd(values: readonly number[]): number {
  return Math.sqrt(variance(values));
}

// Lanczos approximation (g = 7, 9 coefficients): ~15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError('logGamma is defined here for x > 0');
  if (x < 0.5) {
    // Reflection keeps precision for small x.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) series += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const TINY = 1e-300;
const EPSILON = 1e-16;
const MAX_ITERATIONS = 100_000;

/** Continued fraction for I_x(a, b), modified Lentz's method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  throw new RangeError(`incomplete beta did not converge for x=${x}, a=${a}, b=${b}`);
}

/**
 * Regularized incomplete beta I_x(a, b). `complement` may pass 1 − x when the
 * caller knows it more precisely than `1 - x` would give (the t distribution
 * does), so tiny tail probabilities keep their significant digits.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (!(a > 0 && b > 0)) throw new RangeError('incomplete beta needs a > 0 and b > 0');
  if (!(x >= 0 && x <= 1)) throw new RangeError('incomplete beta needs 0 <= x <= 1');
  if (x === 0) return 0;
  if (complement === 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(complement) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  const front = Math.exp(logFront);
  // The continued fraction converges fast for x < (a+1)/(a+b+2); otherwise use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(complement, b, a)) / b;
}

/** P(T > |t|) + P(T < −|t|) for Student's t with `df` degrees of freedom (df may be fractional). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('degrees of freedom must be > 0');
  if (Number.isNaN(t)) throw new RangeError('t must be a number');
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // x = df/(df+t²) and 1−x = t²/(df+t²), both computed directly (no cancellation).
  return regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** The CDF P(T ≤ t) of Student's t distribution. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t < 0 ? tail : 1 - tail;
}

/** P(T > t): the upper tail, precise also when it is tiny. */
export function studentTSurvival(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t > 0 ? tail : 1 - tail;
}

/** The density of Student's t with `df` degrees of freedom at t. */
function studentTDensity(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * The quantile (inverse CDF) of Student's t, on the exact CDF, which is monotone: the root is
 * bracketed by doubling, then found by Newton's method on the two-sided tail (its derivative is
 * twice the density), each step kept inside the bracket and the bracket narrowed by every
 * evaluation, with a bisection step wherever Newton would leave it. Newton converges in a handful
 * of evaluations where bisection to the last digit took some sixty, each an incomplete beta: every
 * confidence interval of a t-test needs one (the recovery figure computes hundreds per request).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be strictly between 0 and 1');
  if (!(df > 0)) throw new RangeError('degrees of freedom must be > 0');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const target = 2 * (1 - p);
  let low = 0;
  let high = 1;
  while (studentTTwoSidedP(high, df) > target) {
    low = high;
    high *= 2;
  }
  let t = (low + high) / 2;
  for (let i = 0; i < 2000; i++) {
    const excess = studentTTwoSidedP(t, df) - target;
    if (excess === 0) return t;
    // The tail falls as t grows: above the target, the root lies to the right.
    if (excess > 0) low = t;
    else high = t;
    const density = studentTDensity(t, df);
    // Where the density underflows the step is not a number and the bracket takes over.
    let next = density > 0 ? t + excess / (2 * density) : Number.NaN;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= Number.EPSILON * next || next === low || next === high) return next;
    t = next;
  }
  return t;
}

const T_CRIT_P = 0.975;

export type TwoSampleTTest = {
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  /** mean2 − mean1: for (baseline, end) a rise is positive. */
  meanDifference: number;
  /** Standard error of the difference. */
  standardError: number;
  /** Has the sign of meanDifference (SciPy's ttest_ind(a, b) reports the opposite sign). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom; usually not a whole number. */
  df: number;
  /** Exact two-sided p-value. */
  p: number;
  /** 95% confidence interval of meanDifference. */
  ci95: [number, number];
};

/** What SQL can return per group instead of every score: count, mean and sample variance (n − 1). */
export type SampleSummary = { n: number; mean: number; variance: number };

function assertSummary(summary: SampleSummary, what: string): void {
  if (!Number.isInteger(summary.n) || summary.n < 2)
    throw new RangeError(`${what} needs n >= 2 (a whole number)`);
  if (!Number.isFinite(summary.mean)) throw new RangeError(`${what} mean must be a finite number`);
  if (!(summary.variance >= 0) || !Number.isFinite(summary.variance)) {
    throw new RangeError(`${what} variance must be a finite number >= 0`);
  }
}

/**
 * Welch's unequal-variances t-test from each group's n, mean and sample
 * variance, so the database aggregates and only two rows reach JavaScript.
 * Same result as `welchTTest` on the raw values.
 */
export function welchTTestFromSummary(first: SampleSummary, second: SampleSummary): TwoSampleTTest {
  assertSummary(first, 'first group');
  assertSummary(second, 'second group');
  const n1 = first.n;
  const n2 = second.n;
  const v1 = first.variance / n1;
  const v2 = second.variance / n2;
  const se2 = v1 + v2;
  if (!(se2 > 0)) throw new RangeError('no variance in either group: the t statistic is undefined');
  const standardError = Math.sqrt(se2);
  const meanDifference = second.mean - first.mean;
  const t = meanDifference / standardError;
  const df = (se2 * se2) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
  const margin = studentTQuantile(T_CRIT_P, df) * standardError;
  return {
    n1,
    n2,
    mean1: first.mean,
    mean2: second.mean,
    meanDifference,
    standardError,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    ci95: [meanDifference - margin, meanDifference + margin],
  };
}

/**
 * Welch's unequal-variances t-test between two independent groups (VIVE
 * compared the baseline and end groups this way). Each group needs at least
 * two values and the two together some variance; otherwise a RangeError.
 */
export function welchTTest(first: readonly number[], second: readonly number[]): TwoSampleTTest {
  if (first.length < 2 || second.length < 2) throw new RangeError('each group needs at least two values');
  return welchTTestFromSummary(
    { n: first.length, mean: mean(first), variance: variance(first) },
    { n: second.length, mean: mean(second), variance: variance(second) },
  );
}

/** The paired test's result without the two group means (what the differences alone give). */
export type PairedDifferenceTest = {
  /** Number of pairs. */
  n: number;
  /** Mean of (after − before): a rise is positive. */
  meanDifference: number;
  sdDifference: number;
  standardError: number;
  /** Has the sign of meanDifference (SciPy's ttest_rel(before, after) reports the opposite sign). */
  t: number;
  df: number;
  p: number;
  ci95: [number, number];
};

export type PairedTTest = PairedDifferenceTest & { mean1: number; mean2: number };

/**
 * Paired t-test from the summary of the differences (after − before) per
 * person: n, mean and sample variance, as SQL can compute them.
 */
export function pairedTTestFromSummary(differences: SampleSummary): PairedDifferenceTest {
  assertSummary(differences, 'differences');
  const sdDifference = Math.sqrt(differences.variance);
  if (!(sdDifference > 0)) throw new RangeError('all differences are equal: the t statistic is undefined');
  const n = differences.n;
  const standardError = sdDifference / Math.sqrt(n);
  const meanDifference = differences.mean;
  const t = meanDifference / standardError;
  const df = n - 1;
  const margin = studentTQuantile(T_CRIT_P, df) * standardError;
  return {
    n,
    meanDifference,
    sdDifference,
    standardError,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    ci95: [meanDifference - margin, meanDifference + margin],
  };
}

/**
 * Paired t-test on linked before/after scores (our linked participant codes
 * make this possible; VIVE could not). `before[i]` and `after[i]` must belong
 * to the same person.
 */
export function pairedTTest(before: readonly number[], after: readonly number[]): PairedTTest {
  if (before.length !== after.length)
    throw new RangeError('before and after must have the same length (one pair per person)');
  if (before.length < 2) throw new RangeError('the paired t-test needs at least two pairs');
  const differences = after.map((value, i) => value - (before[i] as number));
  const result = pairedTTestFromSummary({
    n: differences.length,
    mean: mean(differences),
    variance: variance(differences),
  });
  return { ...result, mean1: mean(before), mean2: mean(after) };
}

/** z for a two-sided 95% interval (the normal 0.975 quantile). */
export const Z_95 = 1.959963984540054;

export type ProportionInterval = {
  successes: number;
  n: number;
  proportion: number;
  lower: number;
  upper: number;
};

/**
 * Wilson score interval for a proportion: unlike the textbook ± interval it
 * stays inside [0, 1] and behaves at 0% and 100%, which small groups hit.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): ProportionInterval {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError('n must be a whole number > 0');
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError('successes must be a whole number between 0 and n');
  }
  if (!(z > 0)) throw new RangeError('z must be > 0');
  const proportion = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (proportion + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((proportion * (1 - proportion)) / n + z2 / (4 * n * n));
  return {
    successes,
    n,
    proportion,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** VIVE's notation: * p<0.05, ** p<0.01, *** p<0.001; '' otherwise. */
export function significanceStars(p: number): '' | '*' | '**' | '***' {
  if (Number.isNaN(p)) throw new RangeError('p must be a number');
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  return '';
}
