// The attacker's reasoning on synthetic inputs: it determines small counts when the values
// are exact (so the attack suite can fail), and does not when they carry the method's noise;
// its averaging estimate is exact without noise and only a guess with it.
import { COUNT_NOISE, countNoise, countNoiseProbability } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import {
  CandidateSets,
  complete,
  countNoiseVariance,
  differenceOfCounts,
  estimateAtoms,
  exactly,
  exactMagnitudeReading,
  type Interval,
  intersectAll,
  isDetermined,
  maximumLikelihoodGuess,
  meanOfDifference,
  noisyMagnitudeReading,
  noisyReading,
  type Observation,
  pointGuess,
  rateComplement,
  remainderOfCounts,
  statisticDetermined,
  tableRelations,
  thresholdOnlyReading,
} from './attacker.ts';

describe('readings of a shown count', () => {
  it('reads the method under test through its public rule', () => {
    // The noise has tails: anything but 0 means at least one person, with no upper end.
    const unbounded = Number.POSITIVE_INFINITY;
    expect(noisyReading({ value: null })).toEqual({ min: 1, max: unbounded });
    expect(noisyReading({ value: 0 })).toEqual({ min: 0, max: unbounded });
    expect(noisyReading({ value: 5 })).toEqual({ min: 1, max: unbounded });
    expect(noisyReading({ value: 40 })).toEqual({ min: 1, max: unbounded });
  });

  it('reads a threshold-only display as exact, with 1-4 hidden', () => {
    expect(thresholdOnlyReading({ value: null })).toEqual({ min: 1, max: 4 });
    expect(thresholdOnlyReading({ value: 12 })).toEqual(exactly(12));
  });
});

describe('differencing', () => {
  it('determines a small count from two exact answers, not from two noisy ones', () => {
    // all organisations 40, all but one 37: the one has 3 people.
    const exact = differenceOfCounts(
      thresholdOnlyReading({ value: 40 }),
      thresholdOnlyReading({ value: 37 }),
    );
    expect(exact).toEqual(exactly(3));
    const noisy = differenceOfCounts(noisyReading({ value: 40 }), noisyReading({ value: 37 }));
    expect(noisy).toEqual({ min: 0, max: Number.POSITIVE_INFINITY });
    expect(isDetermined(noisy)).toBe(false);
  });

  it('derives a category as the total minus every other category', () => {
    const parts = [exactly(10), exactly(7)];
    expect(remainderOfCounts(exactly(19), parts)).toEqual(exactly(2));
    expect(
      isDetermined(
        remainderOfCounts(
          noisyReading({ value: 19 }),
          parts.map(() => noisyReading({ value: 8 })),
        ),
      ),
    ).toBe(false);
  });

  it('intersects several derivations of one target (the averaging attack)', () => {
    expect(
      intersectAll([
        { min: 0, max: 6 },
        { min: 2, max: 9 },
        { min: 1, max: 2 },
      ]),
    ).toEqual(exactly(2));
    expect(
      intersectAll([
        { min: 0, max: 1 },
        { min: 3, max: 4 },
      ]),
    ).toBeNull();
    const sets = new CandidateSets();
    sets.add('t', { min: 0, max: 6 });
    sets.add('t', { min: 3, max: 9 });
    sets.add('t', { min: 2, max: 3 });
    expect(sets.get('t')).toEqual(exactly(3));
    expect(sets.derivations('t')).toBe(3);
  });

  it('never narrows a target with many noisy derivations (no bound to meet)', () => {
    const target = 2;
    const derivations: Interval[] = [];
    for (let d = -4; d <= 4; d++)
      derivations.push(
        differenceOfCounts(noisyReading({ value: 30 + target + d }), noisyReading({ value: 30 })),
      );
    const result = intersectAll(derivations)!;
    expect(result.min).toBeLessThanOrEqual(target);
    expect(result.max).toBeGreaterThanOrEqual(target);
    expect(isDetermined(result)).toBe(false);
  });
});

describe('rate complements', () => {
  it('finds the 2 people behind 9/11 when the counts are exact, not when they are noisy', () => {
    expect(rateComplement({ numerator: 9, denominator: 11 }, thresholdOnlyReading)).toEqual(exactly(2));
    expect(isDetermined(rateComplement({ numerator: 9, denominator: 11 }, noisyReading))).toBe(false);
  });
});

describe('within-table completion', () => {
  // Two groups × two outcomes with row, column and grand totals.
  const rows = ['A', 'B'];
  const columns = ['yes', 'no'];
  const relations = tableRelations(
    (row, column) => `${row}.${column}`,
    (row) => `${row}.total`,
    (column) => `col.${column}`,
    'grand',
    rows,
    columns,
  );

  it('recovers a hidden cell from exact margins', () => {
    // A: yes 3 (hidden), no 20; B: yes 12, no 9. Everything else shown exactly.
    const shown = new Map<string, Interval>([
      ['A.yes', thresholdOnlyReading({ value: null })],
      ['A.no', exactly(20)],
      ['A.total', exactly(23)],
      ['B.yes', exactly(12)],
      ['B.no', exactly(9)],
      ['B.total', exactly(21)],
      ['col.yes', exactly(15)],
      ['col.no', exactly(29)],
      ['grand', exactly(44)],
    ]);
    const result = complete(shown, relations);
    expect(result.consistent).toBe(true);
    expect(result.domains.get('A.yes')).toEqual(exactly(3));
  });

  it('recovers hidden cells with secondary suppression through whole, non-negative counts', () => {
    // Old rule: the 1-4 cell hidden, a second cell hidden so no sum gives it; margins shown.
    // A.yes = 1, A.no = 6 (hidden), B.yes = 4 (hidden), B.no = 9 (hidden). Known zeros do the rest.
    const shown = new Map<string, Interval>([
      ['A.yes', { min: 1, max: 4 }],
      ['A.no', { min: 5, max: Number.POSITIVE_INFINITY }],
      ['A.total', exactly(7)],
      ['B.yes', { min: 1, max: 4 }],
      ['B.no', { min: 5, max: Number.POSITIVE_INFINITY }],
      ['B.total', exactly(13)],
      ['col.yes', exactly(5)],
      ['col.no', exactly(15)],
      ['grand', exactly(20)],
    ]);
    const result = complete(shown, relations);
    expect(result.consistent).toBe(true);
    // A.yes ≤ 7 − 5 = 2; col.yes = 5 → B.yes ≥ 3; A.no ≥ 5 … the search pins the range.
    expect(result.domains.get('A.yes')).toEqual({ min: 1, max: 2 });
    expect(result.domains.get('B.yes')).toEqual({ min: 3, max: 4 });
  });

  it('does not determine anything from the same table with noise', () => {
    const shown = new Map<string, Interval>([
      ['A.yes', noisyReading({ value: null })],
      ['A.no', noisyReading({ value: 20 })],
      ['A.total', noisyReading({ value: 23 })],
      ['B.yes', noisyReading({ value: 12 })],
      ['B.no', noisyReading({ value: 9 })],
      ['B.total', noisyReading({ value: 21 })],
      ['col.yes', noisyReading({ value: 15 })],
      ['col.no', noisyReading({ value: 29 })],
      ['grand', noisyReading({ value: 44 })],
    ]);
    const result = complete(shown, relations);
    expect(result.consistent).toBe(true);
    expect(result.exhaustive).toBe(true);
    for (const [name, domain] of result.domains) expect(isDetermined(domain), name).toBe(false);
  });

  it('finds the cells that only the integer search pins down, beyond propagation', () => {
    // x + y = 1 and x + z = 1 and y + z = 1 have no whole solution: a contradiction that
    // bounds propagation alone does not see.
    const shown = new Map<string, Interval>([
      ['x', { min: 0, max: 1 }],
      ['y', { min: 0, max: 1 }],
      ['z', { min: 0, max: 1 }],
      ['one', exactly(1)],
    ]);
    const result = complete(shown, [
      { total: 'one', parts: ['x', 'y'] },
      { total: 'one', parts: ['x', 'z'] },
      { total: 'one', parts: ['y', 'z'] },
    ]);
    expect(result.consistent).toBe(false);
  });

  it('uses "at least" relations (a part of the people elsewhere)', () => {
    const result = complete(
      new Map([
        ['waiting', exactly(3)],
        ['overLimit', { min: 0, max: 7 }],
      ]),
      [{ total: 'waiting', parts: ['overLimit'], atLeastParts: true }],
    );
    expect(result.domains.get('overLimit')).toEqual({ min: 0, max: 3 });
  });

  it('determines a small funnel from exact sums (identified = no contact + with contact, …)', () => {
    const shown = new Map<string, Interval>([
      ['identified', exactly(30)],
      ['noContact', exactly(26)],
      ['withContact', { min: 1, max: 4 }],
      ['reached', exactly(0)],
      ['notReached', { min: 1, max: 4 }],
      ['notYetCalled', exactly(0)],
    ]);
    const result = complete(shown, [
      { total: 'identified', parts: ['noContact', 'withContact'] },
      { total: 'withContact', parts: ['notYetCalled', 'notReached', 'reached'] },
    ]);
    expect(result.domains.get('withContact')).toEqual(exactly(4));
    expect(result.domains.get('notReached')).toEqual(exactly(4));
  });
});

describe('means × n', () => {
  const range = { lower: 0, upper: 100 };

  it('gives one small group its mean from two exact means and ns', () => {
    // 10 people with mean 60, of whom 7 have mean 50: the other 3 have mean 83.33…
    const derived = meanOfDifference(
      { mean: exactMagnitudeReading(60, range), n: exactly(10) },
      { mean: exactMagnitudeReading(50, range), n: exactly(7) },
      range,
    );
    expect(derived.n).toEqual(exactly(3));
    expect(statisticDetermined(derived.mean)).toBe(true);
    expect(derived.mean.min).toBeCloseTo(250 / 3, 9);
  });

  it('gives nothing certain from noisy means and noisy ns', () => {
    const derived = meanOfDifference(
      { mean: noisyMagnitudeReading(60, range), n: noisyReading({ value: 10 }) },
      { mean: noisyMagnitudeReading(50, range), n: noisyReading({ value: 7 }) },
      range,
    );
    expect(statisticDetermined(derived.mean)).toBe(false);
    expect(statisticDetermined(derived.sum)).toBe(false);
    expect(derived.mean).toEqual({ min: 0, max: 100 });
  });
});

describe('the averaging estimate', () => {
  /** A deterministic uniform stream (mulberry32) so the test is reproducible. */
  function stream(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const published = (count: number, u: number) => {
    const v = count === 0 ? 0 : Math.max(0, count + countNoise(u));
    return { value: v > 0 && v < 5 ? null : v };
  };

  it('knows the published noise variance (table and tails)', () => {
    const table = COUNT_NOISE.reduce((s, { noise, probability }) => s + noise * noise * probability, 0);
    expect(countNoiseVariance()).toBeGreaterThan(table);
    expect(countNoiseVariance()).toBeLessThan(table + 1);
    expect(countNoiseProbability(10)).toBeGreaterThan(0);
  });

  it('recovers a month exactly from exact answers: quarter − the other two months', () => {
    // Atoms: the three months. Month 0 has 2 people ("under 5"), months 1 and 2 have 7 and 9.
    const observations: Observation[] = [
      { atoms: [0], shown: { value: null } },
      { atoms: [1], shown: { value: 7 } },
      { atoms: [2], shown: { value: 9 } },
      { atoms: [0, 1, 2], shown: { value: 18 } },
    ];
    const estimate = estimateAtoms(3, observations, 0);
    expect(pointGuess(estimate.of([0]), true)).toBe(2);
    expect(estimate.varianceOf([0])).toBeLessThan(1e-3);
  });

  it('is only a guess with noise, and a better one the more independent answers there are', () => {
    const next = stream(42);
    const hitShare = (answers: number, trials: number) => {
      let hits = 0;
      for (let trial = 0; trial < trials; trial++) {
        const truth = 1 + Math.floor(next() * 4);
        // The target itself, and answers "target + a large other group" minus "the other group".
        const observations: Observation[] = [{ atoms: [0], shown: published(truth, next()) }];
        for (let k = 1; k <= answers; k++) {
          const other = 20 + Math.floor(next() * 30);
          observations.push({ atoms: [0, k], shown: published(truth + other, next()) });
          observations.push({ atoms: [k], shown: published(other, next()) });
        }
        const estimate = estimateAtoms(answers + 1, observations, countNoiseVariance());
        if (pointGuess(estimate.of([0]), true) === truth) hits++;
      }
      return hits / trials;
    };
    const few = hitShare(1, 400);
    const many = hitShare(30, 400);
    expect(few).toBeLessThan(0.7);
    expect(many).toBeGreaterThan(few);
  });

  it('takes the most likely count: exact without noise, a guess with it', () => {
    // Without noise: quarter 18 − months 7 and 9 = 2, whatever "under 5" said.
    expect(
      maximumLikelihoodGuess(
        { value: null },
        [{ whole: { value: 18 }, parts: [{ value: 7 }, { value: 9 }] }],
        false,
      ),
    ).toBe(2);
    // A shown 0 for the target itself: nobody is the likeliest (noise rarely reaches −1 and below).
    expect(maximumLikelihoodGuess({ value: 0 }, [], true)).toBe(0);
    // With noise: more independent differences make the right count likelier.
    const next = stream(7);
    const share = (differences: number) => {
      let hits = 0;
      for (let trial = 0; trial < 300; trial++) {
        const truth = 1 + Math.floor(next() * 4);
        const list = Array.from({ length: differences }, () => {
          const other = 20 + Math.floor(next() * 30);
          return { whole: published(truth + other, next()), parts: [published(other, next())] };
        });
        if (maximumLikelihoodGuess(published(truth, next()), list, true) === truth) hits++;
      }
      return hits / 300;
    };
    expect(share(20)).toBeGreaterThan(share(0));
  });
});
