// The hostile evaluator's reasoning (issue 8, item 4), with nothing but public knowledge: the
// published values, the method's public rule (`possibleTrueCounts`, `countNoiseProbability`,
// MIN_CELL) and the fact that counts are whole, non-negative and add up. Two kinds of
// reasoning:
// - certainty (intervals): everything derived is sound, an interval always contains the truth
//   if the method keeps its published promise (`possibleTrueCounts`: a shown value other than
//   0 means at least one person, with no upper end since the noise has tails). A target is
//   *determined* when its candidate set is a single value;
// - estimation (the averaging attack): many noisy views of the same people combined by
//   weighted least squares into a best guess, which is right or wrong, never certain.
// The attack tests compare what this derives with the database; this module never sees the truth.
import { countNoiseProbability, type DisclosedCount, MIN_CELL, possibleTrueCounts } from '@vi/domain';

/** The whole numbers min..max (max may be Infinity). Never empty: an empty result is `null`. */
export type Interval = { readonly min: number; readonly max: number };

export const NON_NEGATIVE: Interval = { min: 0, max: Number.POSITIVE_INFINITY };

export function exactly(value: number): Interval {
  return { min: value, max: value };
}

export function isDetermined(interval: Interval): boolean {
  return interval.min === interval.max;
}

export function widthOf(interval: Interval): number {
  return interval.max - interval.min;
}

/** A count as shown: `value` null = "under 5". */
export type Shown = Pick<DisclosedCount, 'value'> & { suppressed?: boolean };

/**
 * How an attacker reads a shown count into the true counts it can stand for. `noisy` is the
 * method under test (its public rule); `thresholdOnly` is what the same display would mean
 * without noise (1-4 hidden, everything else exact): the control that proves the attacks can
 * find something.
 */
export type CountReading = (shown: Shown) => Interval;

export const noisyReading: CountReading = (shown) => {
  const { min, max } = possibleTrueCounts({ value: shown.value, suppressed: shown.value === null });
  // No upper end (max null): the noise's tails leave every larger count possible.
  return { min, max: max ?? Number.POSITIVE_INFINITY };
};

export const thresholdOnlyReading: CountReading = (shown) =>
  shown.value === null ? { min: 1, max: MIN_CELL - 1 } : exactly(shown.value);

// ── Interval arithmetic ──────────────────────────────────────────────────

export function add(a: Interval, b: Interval): Interval {
  return { min: a.min + b.min, max: a.max + b.max };
}

export function sum(intervals: readonly Interval[]): Interval {
  return intervals.reduce(add, exactly(0));
}

/** a − b, with nothing known about how a and b relate. */
export function subtract(a: Interval, b: Interval): Interval {
  return { min: a.min - b.max, max: a.max - b.min };
}

/** The intersection, or null when the two cannot both hold. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return min <= max ? { min, max } : null;
}

/**
 * The count of the people in A and not in B (B a subset of A: the differencing attack),
 * from intervals for A and B: whole and non-negative.
 */
export function differenceOfCounts(a: Interval, b: Interval): Interval {
  const raw = subtract(a, b);
  return { min: Math.max(0, raw.min), max: Math.max(0, raw.max) };
}

/** The count of A minus several disjoint subsets of it (e.g. all minus every other category). */
export function remainderOfCounts(whole: Interval, parts: readonly Interval[]): Interval {
  return differenceOfCounts(whole, sum(parts));
}

/**
 * The averaging / intersection attack: everything several derivations of the same target
 * agree on. Null when they contradict each other, which a sound derivation never does (the
 * caller treats it as a broken promise of the method).
 */
export function intersectAll(derivations: readonly Interval[]): Interval | null {
  let result: Interval | null = NON_NEGATIVE;
  for (const derivation of derivations) {
    if (result === null) return null;
    result = intersect(result, derivation);
  }
  return result;
}

/** Collects derivations per target name and intersects them. */
export class CandidateSets {
  private readonly byTarget = new Map<string, Interval | null>();
  private readonly counts = new Map<string, number>();

  add(target: string, derivation: Interval): void {
    const previous = this.byTarget.has(target) ? this.byTarget.get(target)! : NON_NEGATIVE;
    this.byTarget.set(target, previous === null ? null : intersect(previous, derivation));
    this.counts.set(target, (this.counts.get(target) ?? 0) + 1);
  }

  get(target: string): Interval | null | undefined {
    return this.byTarget.get(target);
  }

  derivations(target: string): number {
    return this.counts.get(target) ?? 0;
  }

  entries(): Array<[string, Interval | null]> {
    return [...this.byTarget.entries()];
  }
}

// ── Rates ────────────────────────────────────────────────────────────────

/** A rate as published: numerator and denominator are published counts. */
export type ShownRate = { numerator: number; denominator: number };

/** The people in the denominator and not in the numerator (a rate's complement, e.g. 9/11 → 2). */
export function rateComplement(rate: ShownRate, reading: CountReading): Interval {
  return differenceOfCounts(reading({ value: rate.denominator }), reading({ value: rate.numerator }));
}

// ── Within-table completion ──────────────────────────────────────────────

/**
 * `total` = the sum of `parts` (true counts). With `atLeastParts`, total ≥ the sum (a share
 * of the parts' people may be elsewhere: "over the limit" ⊆ "still waiting").
 */
export type Relation = { total: string; parts: readonly string[]; atLeastParts?: boolean };

/** The relations of a rows × columns table with row totals, column totals and a grand total. */
export function tableRelations(
  cell: (row: string, column: string) => string,
  rowTotal: (row: string) => string,
  columnTotal: (column: string) => string,
  grandTotal: string,
  rows: readonly string[],
  columns: readonly string[],
): Relation[] {
  return [
    ...rows.map((row) => ({ total: rowTotal(row), parts: columns.map((column) => cell(row, column)) })),
    ...columns.map((column) => ({ total: columnTotal(column), parts: rows.map((row) => cell(row, column)) })),
    { total: grandTotal, parts: rows.map(rowTotal) },
    { total: grandTotal, parts: columns.map(columnTotal) },
  ];
}

export type Domains = Map<string, Interval>;

type Bounds = { lo: number[]; hi: number[] };
type Compiled = { total: number; parts: number[]; atLeast: boolean };
/** The relations and, per variable, the relations it appears in (for the propagation's work list). */
type Problem = { relations: Compiled[]; byVariable: number[][] };

function problemOf(size: number, relations: Compiled[]): Problem {
  const byVariable: number[][] = Array.from({ length: size }, () => []);
  relations.forEach((relation, r) => {
    byVariable[relation.total]!.push(r);
    for (const part of relation.parts) byVariable[part]!.push(r);
  });
  return { relations, byVariable };
}

/**
 * Bounds propagation until nothing moves (a work list of relations whose variables changed);
 * false = contradiction. For total = Σ parts: total within [Σ lo, Σ hi], each part within
 * [total − Σ others' hi, total − Σ others' lo] (only the upper bounds with "at least").
 */
function propagateBounds(bounds: Bounds, problem: Problem, start?: readonly number[]): boolean {
  const { lo, hi } = bounds;
  const { relations, byVariable } = problem;
  const queued = new Uint8Array(relations.length);
  const queue: number[] = start ? [...start] : relations.map((_, r) => r);
  for (const r of queue) queued[r] = 1;
  const changed = (variable: number) => {
    for (const r of byVariable[variable]!)
      if (!queued[r]) {
        queued[r] = 1;
        queue.push(r);
      }
  };
  for (let head = 0; head < queue.length; head++) {
    if (head > 1_000_000) return true; // a safety net; bounds only ever shrink
    const r = queue[head]!;
    queued[r] = 0;
    const relation = relations[r]!;
    let sumLo = 0;
    let finiteHi = 0;
    let infiniteHi = 0;
    for (const part of relation.parts) {
      sumLo += lo[part]!;
      if (Number.isFinite(hi[part]!)) finiteHi += hi[part]!;
      else infiniteHi++;
    }
    const sumHi = infiniteHi > 0 ? Number.POSITIVE_INFINITY : finiteHi;
    const t = relation.total;
    if (lo[t]! < sumLo) {
      lo[t] = sumLo;
      changed(t);
    }
    if (!relation.atLeast && hi[t]! > sumHi) {
      hi[t] = sumHi;
      changed(t);
    }
    if (lo[t]! > hi[t]!) return false;
    for (const part of relation.parts) {
      const othersLo = sumLo - lo[part]!;
      const partFinite = Number.isFinite(hi[part]!);
      const othersHi =
        infiniteHi - (partFinite ? 0 : 1) > 0
          ? Number.POSITIVE_INFINITY
          : finiteHi - (partFinite ? hi[part]! : 0);
      const partHi = hi[t]! - othersLo;
      if (partHi < hi[part]!) {
        hi[part] = partHi;
        changed(part);
      }
      if (!relation.atLeast) {
        // Σ others' hi may be infinite: then nothing is learnt about this part's minimum.
        const partLo = Number.isFinite(othersHi) ? lo[t]! - othersHi : 0;
        if (partLo > lo[part]!) {
          lo[part] = partLo;
          changed(part);
        }
      }
      if (lo[part]! > hi[part]!) return false;
    }
  }
  return true;
}

function cloneBounds(bounds: Bounds): Bounds {
  return { lo: [...bounds.lo], hi: [...bounds.hi] };
}

type Search = { nodes: number; budget: number; exceeded: boolean; variables: readonly number[] };

/**
 * A whole-number solution within `bounds` (already propagated), or null when there is none:
 * depth first, with propagation at each node, trying values upwards or downwards (so the
 * solutions found while probing a minimum also serve other variables' minima). Past the
 * budget it answers 'unknown', which the caller counts as feasible.
 */
function solve(
  bounds: Bounds,
  problem: Problem,
  search: Search,
  upwards: boolean,
): number[] | null | 'unknown' {
  search.nodes++;
  if (search.nodes > search.budget) {
    search.exceeded = true;
    return 'unknown';
  }
  let pick = -1;
  let pickWidth = Number.POSITIVE_INFINITY;
  for (const i of search.variables) {
    const width = bounds.hi[i]! - bounds.lo[i]!;
    if (width > 0 && width < pickWidth) {
      pick = i;
      pickWidth = width;
    }
  }
  // Every finite variable fixed; the rest are only bounded below by sums: their minimum fits.
  if (pick === -1) return [...bounds.lo];
  const from = upwards ? bounds.lo[pick]! : bounds.hi[pick]!;
  const step = upwards ? 1 : -1;
  const count = bounds.hi[pick]! - bounds.lo[pick]! + 1;
  for (let k = 0; k < count; k++) {
    const value = from + k * step;
    const branch = cloneBounds(bounds);
    branch.lo[pick] = value;
    branch.hi[pick] = value;
    if (!propagateBounds(branch, problem, problem.byVariable[pick])) continue;
    const found = solve(branch, problem, search, upwards);
    if (found !== null) return found;
  }
  return null;
}

export type Completion = {
  /** Each variable's feasible interval (its hull: the smallest and largest feasible value). */
  domains: Domains;
  /** False when the published values contradict the relations (the method broke its promise). */
  consistent: boolean;
  /** True when every hull is exact (the search never ran out of budget). */
  exhaustive: boolean;
};

/**
 * Within-table completion: each variable's feasible values given its interval, that all are
 * whole and non-negative, and the relations. Bounds propagation first (constraint
 * propagation), then, for every variable, the smallest and largest value for which a whole
 * solution of all relations exists (exhaustive search with propagation, within `budget`
 * search nodes per question; beyond it the propagation bound is kept, which is sound).
 * Every solution found proves each of its values feasible, so most questions need no search.
 */
export function complete(
  domains: ReadonlyMap<string, Interval>,
  relations: readonly Relation[],
  budget = 5_000,
): Completion {
  const names = new Set(domains.keys());
  for (const relation of relations) {
    names.add(relation.total);
    for (const part of relation.parts) names.add(part);
  }
  const index = new Map([...names].map((name, i) => [name, i]));
  const bounds: Bounds = { lo: [], hi: [] };
  for (const name of names) {
    const known = domains.get(name) ?? NON_NEGATIVE;
    bounds.lo.push(Math.max(0, Math.ceil(known.min)));
    bounds.hi.push(Math.floor(known.max));
  }
  const compiled: Compiled[] = relations.map((relation) => ({
    total: index.get(relation.total)!,
    parts: relation.parts.map((part) => index.get(part)!),
    atLeast: relation.atLeastParts === true,
  }));
  const result = (consistent: boolean, exhaustive: boolean): Completion => ({
    domains: new Map([...names].map((name, i) => [name, { min: bounds.lo[i]!, max: bounds.hi[i]! }])),
    consistent,
    exhaustive,
  });
  const whole = problemOf(names.size, compiled);
  if (bounds.lo.some((lo, i) => lo > bounds.hi[i]!) || !propagateBounds(bounds, whole))
    return result(false, true);

  let exhaustive = true;
  for (const component of connectedComponents(names.size, compiled)) {
    // Each component on its own, in local indices (a search node copies only its variables).
    const variables = component.variables;
    const local = new Map(variables.map((v, i) => [v, i]));
    const problem = problemOf(
      variables.length,
      component.relations.map((relation) => ({
        total: local.get(relation.total)!,
        parts: relation.parts.map((part) => local.get(part)!),
        atLeast: relation.atLeast,
      })),
    );
    const b: Bounds = { lo: variables.map((v) => bounds.lo[v]!), hi: variables.map((v) => bounds.hi[v]!) };
    const finite = variables.map((_, i) => i).filter((i) => Number.isFinite(b.hi[i]!));
    const search = (): Search => ({ nodes: 0, budget, exceeded: false, variables: finite });
    // Values proven feasible by a solution found so far, per variable. One solution first:
    // none means the values contradict the relations.
    const proven: Array<Set<number>> = variables.map(() => new Set());
    const first = solve(cloneBounds(b), problem, search(), true);
    if (first === null) return result(false, exhaustive);
    if (first === 'unknown') {
      exhaustive = false;
      continue;
    }
    for (const [i, value] of first.entries()) proven[i]!.add(value);
    for (const variable of finite) {
      for (const upwards of [true, false]) {
        while (b.lo[variable]! < b.hi[variable]!) {
          const value = upwards ? b.lo[variable]! : b.hi[variable]!;
          if (proven[variable]!.has(value)) break;
          const trial = cloneBounds(b);
          trial.lo[variable] = value;
          trial.hi[variable] = value;
          const found = propagateBounds(trial, problem, problem.byVariable[variable])
            ? solve(trial, problem, search(), upwards)
            : null;
          if (found === 'unknown') {
            exhaustive = false;
            break;
          }
          if (found !== null) {
            for (const [i, v] of found.entries()) proven[i]!.add(v);
            break;
          }
          if (upwards) b.lo[variable] = value + 1;
          else b.hi[variable] = value - 1;
          if (!propagateBounds(b, problem, problem.byVariable[variable])) return result(false, exhaustive);
        }
      }
    }
    variables.forEach((v, i) => {
      bounds.lo[v] = b.lo[i]!;
      bounds.hi[v] = b.hi[i]!;
    });
  }
  return result(true, exhaustive);
}

function connectedComponents(
  size: number,
  relations: readonly Compiled[],
): Array<{ variables: number[]; relations: Compiled[] }> {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const relation of relations)
    for (const part of relation.parts) parent[find(part)] = find(relation.total);
  const groups = new Map<number, { variables: number[]; relations: Compiled[] }>();
  for (let i = 0; i < size; i++) {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { variables: [], relations: [] });
    groups.get(root)!.variables.push(i);
  }
  for (const relation of relations) groups.get(find(relation.total))!.relations.push(relation);
  return [...groups.values()].filter((group) => group.relations.length > 0);
}

// ── Means × n ────────────────────────────────────────────────────────────

/** What the attacker knows of a mean for sure: the measure's range when noisy, the value when exact. */
export type MagnitudeReading = (shownMean: number, range: MagnitudeBounds) => RealInterval;
export type MagnitudeBounds = { lower: number; upper: number };
/** A closed interval of real numbers. */
export type RealInterval = { readonly min: number; readonly max: number };

/** Laplace noise is unbounded: all that is certain about a noisy mean is the range it is clamped to. */
export const noisyMagnitudeReading: MagnitudeReading = (_shown, range) => ({
  min: range.lower,
  max: range.upper,
});
export const exactMagnitudeReading: MagnitudeReading = (shown) => ({ min: shown, max: shown });

function multiply(a: RealInterval, b: RealInterval): RealInterval {
  const products = [a.min * b.min, a.min * b.max, a.max * b.min, a.max * b.max].map((p) =>
    Number.isNaN(p) ? 0 : p,
  );
  return { min: Math.min(...products), max: Math.max(...products) };
}

/** The sum of a group's values from its mean and n (both as intervals). */
export function sumFromMean(mean: RealInterval, n: Interval): RealInterval {
  return multiply(mean, n);
}

export type DerivedStatistic = { n: Interval; sum: RealInterval; mean: RealInterval };

/**
 * The means × n attack: a group A and a subgroup B of it, each with a published mean and n;
 * the people of A not in B have n_A − n_B people with sum mean_A·n_A − mean_B·n_B. The mean
 * is also within the measure's range, whatever the arithmetic says.
 */
export function meanOfDifference(
  a: { mean: RealInterval; n: Interval },
  b: { mean: RealInterval; n: Interval },
  range: MagnitudeBounds,
): DerivedStatistic {
  return meanOfRemainder(a, [b], range);
}

/** As meanOfDifference, with several disjoint subgroups taken away (all minus every other category). */
export function meanOfRemainder(
  whole: { mean: RealInterval; n: Interval },
  parts: ReadonlyArray<{ mean: RealInterval; n: Interval }>,
  range: MagnitudeBounds,
): DerivedStatistic {
  const n = remainderOfCounts(
    whole.n,
    parts.map((part) => part.n),
  );
  const total = parts.reduce(
    (acc, part) => {
      const s = sumFromMean(part.mean, part.n);
      return { min: acc.min - s.max, max: acc.max - s.min };
    },
    sumFromMean(whole.mean, whole.n),
  );
  if (n.min <= 0) return { n, sum: total, mean: { min: range.lower, max: range.upper } };
  const quotients = [total.min / n.min, total.min / n.max, total.max / n.min, total.max / n.max];
  if (quotients.some((q) => Number.isNaN(q)))
    return { n, sum: total, mean: { min: range.lower, max: range.upper } };
  return {
    n,
    sum: total,
    mean: {
      min: Math.max(range.lower, Math.min(...quotients)),
      max: Math.min(range.upper, Math.max(...quotients)),
    },
  };
}

/** A statistic is determined when its interval is narrower than `tolerance`. */
export function statisticDetermined(interval: RealInterval, tolerance = 1e-6): boolean {
  return interval.max - interval.min <= tolerance;
}

/** A count the rule protects: 1-4 people. */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count < MIN_CELL;
}

// ── Estimation: the averaging attack ─────────────────────────────────────

/** The variance of the published count noise (table and tails), from `countNoiseProbability`. */
export function countNoiseVariance(): number {
  let variance = 0;
  for (let d = -200; d <= 200; d++) variance += d * d * countNoiseProbability(d);
  return variance;
}

/**
 * One answer as the estimator uses it: the atoms (disjoint groups of people, e.g. the months
 * between any two period boundaries asked) whose people it counts, and what it showed.
 * `structuralZero`: the answer cannot contain anybody of the key (e.g. a year column outside
 * its period), so it is an exact 0.
 */
export type Observation = { atoms: readonly number[]; shown: Shown; structuralZero?: boolean };

/** The variance of an exact observation (the control's counts, structural zeros): tiny but positive. */
const EXACT_VARIANCE = 1e-9;
/** The variance of a value uniform on 1..MIN_CELL − 1 (what "under 5" leaves of the published count). */
const UNDER_MIN_VARIANCE = ((MIN_CELL - 1) ** 2 - 1) / 12;

export type Estimate = {
  /** The weighted least-squares estimate of each atom's true count. */
  atoms: number[];
  /** The estimate of the sum of `atoms` (a target of one or several atoms). */
  of(atoms: readonly number[]): number;
  /** The estimator's variance for that sum (≈ 0 when exact observations determine it). */
  varianceOf(atoms: readonly number[]): number;
};

/**
 * The averaging attack's point estimate: every answer is the sum of its atoms' true counts
 * plus independent noise of variance `noiseVariance` (0 for the control's exact counts);
 * "under 5" reads as the middle of 1-4 with that range's variance added, a shown 0 as 0.
 * Weighted least squares (the best linear unbiased estimate for independent noise) over all
 * answers at once, with a tiny ridge so atoms no answer separates stay finite (their
 * variance is then huge).
 */
export function estimateAtoms(
  atomCount: number,
  observations: readonly Observation[],
  noiseVariance: number,
): Estimate {
  const base = Math.max(noiseVariance, EXACT_VARIANCE);
  const ridge = 1e-6;
  const matrix = Array.from({ length: atomCount }, (_, i) =>
    Array.from({ length: atomCount }, (_, j) => (i === j ? ridge : 0)),
  );
  const vector = new Array<number>(atomCount).fill(0);
  for (const observation of observations) {
    const { value } = observation.shown;
    const [mean, variance] = observation.structuralZero
      ? [0, EXACT_VARIANCE]
      : value === null
        ? [MIN_CELL / 2, base + UNDER_MIN_VARIANCE]
        : [value, base];
    const weight = 1 / variance;
    for (const i of observation.atoms) {
      vector[i]! += weight * mean;
      for (const j of observation.atoms) matrix[i]![j]! += weight;
    }
  }
  const atoms = solveLinear(matrix, vector);
  const indicator = (selected: readonly number[]) => {
    const c = new Array<number>(atomCount).fill(0);
    for (const i of selected) c[i] = 1;
    return c;
  };
  return {
    atoms,
    of: (selected) => selected.reduce((total, i) => total + atoms[i]!, 0),
    varianceOf: (selected) => {
      const c = indicator(selected);
      const z = solveLinear(matrix, c);
      return c.reduce((total, ci, i) => total + ci * z[i]!, 0);
    },
  };
}

/** The whole-number guess from an estimate: rounded, and at least 1 when the target's own answer showed somebody. */
export function pointGuess(estimate: number, atLeastOne: boolean): number {
  return Math.max(atLeastOne ? 1 : 0, Math.round(estimate));
}

/** Solves M x = b (M symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
export function solveLinear(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (p === 0) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r]![col]! / p;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!;
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

/**
 * One difference as the likelihood sees it: the target = whole − Σ parts, each a published
 * count (`null` in `value` = "under 5"; `exact` = a structural 0 or a count known without noise).
 */
export type Difference = {
  whole: Shown & { exact?: boolean };
  parts: ReadonlyArray<Shown & { exact?: boolean }>;
};

/** A discrete distribution on whole numbers −SPAN..SPAN (index = value + SPAN). */
const SPAN = 80;

function convolve(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(2 * SPAN + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    for (let j = 0; j < b.length; j++) {
      if (b[j] === 0) continue;
      const k = i + j - SPAN;
      if (k >= 0 && k <= 2 * SPAN) out[k]! += a[i]! * b[j]!;
    }
  }
  return out;
}

const pointMass = (value: number) => {
  const out = new Array<number>(2 * SPAN + 1).fill(0);
  out[value + SPAN] = 1;
  return out;
};

/**
 * The maximum-likelihood guess of a target's true count under the published noise
 * distribution (`countNoiseProbability`, or no noise for the control): the target's own
 * answer by its exact display rule, and each difference as target + Σ ±noise (a term read
 * "under 5" adds an unknown 1-4, uniform; a shown 0 counts as nobody). The differences are
 * treated as independent, which they are not quite (they share parts); ties go to the
 * smaller count. `maxCount` bounds the search.
 */
export function maximumLikelihoodGuess(
  own: Shown,
  differences: readonly Difference[],
  noisy: boolean,
  maxCount = 40,
): number {
  const noise = new Array<number>(2 * SPAN + 1).fill(0);
  for (let d = -SPAN; d <= SPAN; d++) noise[d + SPAN] = noisy ? countNoiseProbability(d) : d === 0 ? 1 : 0;
  const underMin = (sign: number) => {
    const out = new Array<number>(2 * SPAN + 1).fill(0);
    for (let v = 1; v < MIN_CELL; v++) out[sign * v + SPAN] = 1 / (MIN_CELL - 1);
    return out;
  };
  const logLikelihood = new Array<number>(maxCount + 1).fill(0);
  // The target's own answer: 0 only for nobody or noise down to 0; "under 5" or v ≥ 5 from c + d.
  for (let t = 0; t <= maxCount; t++) {
    let p: number;
    if (t === 0) p = own.value === 0 ? 1 : 0;
    else if (own.value === 0) {
      p = 0;
      for (let d = -SPAN; d <= -t; d++) p += noise[d + SPAN]!;
    } else if (own.value === null) {
      p = 0;
      for (let v = 1; v < MIN_CELL; v++) p += noise[v - t + SPAN] ?? 0;
    } else p = noise[own.value - t + SPAN] ?? 0;
    logLikelihood[t]! += Math.log(p);
  }
  for (const { whole, parts } of differences) {
    // X = target − (known sum): a sum of independent terms.
    let known = 0;
    let spread = pointMass(0);
    const term = (shown: Shown & { exact?: boolean }, sign: number) => {
      if (shown.exact || shown.value === 0) return;
      if (shown.value === null) spread = convolve(spread, underMin(sign));
      else known += sign * shown.value;
      spread = convolve(spread, noise);
    };
    term(whole, 1);
    for (const part of parts) term(part, -1);
    for (let t = 0; t <= maxCount; t++) {
      const index = t - known + SPAN;
      const p = index >= 0 && index <= 2 * SPAN ? spread[index]! : 0;
      logLikelihood[t]! += Math.log(p);
    }
  }
  let best = 0;
  for (let t = 1; t <= maxCount; t++) if (logLikelihood[t]! > logLikelihood[best]!) best = t;
  return best;
}
