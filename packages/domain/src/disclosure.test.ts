import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CELL_KEY_RANGE,
  COUNT_NOISE,
  COUNT_NOISE_TAIL,
  type CountCell,
  cellKey,
  countNoise,
  countNoiseProbability,
  DISCLOSURE_EXPLANATION,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  discloseMeanAndSd,
  displayCount,
  type KeyedUniform,
  MIN_CELL,
  perturbedCount,
  possibleTrueCounts,
  RECORD_KEY_RANGE,
  sumOfPublished,
  USUAL_COUNT_NOISE,
  usualTrueCounts,
} from './disclosure.ts';

/** The gateway's construction (HMAC-SHA256, 48 bits) under a fixed test key. */
function hmacUniform(key: string): KeyedUniform {
  return (message) => {
    const digest = createHmac('sha256', key).update(message).digest();
    return (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
  };
}
const uniform = hmacUniform('test key');

/** Deterministic record keys for synthetic people. */
function people(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state;
  });
}
const cellOf = (keys: number[]): CountCell => ({
  count: keys.length,
  keySum: keys.reduce((sum, key) => sum + BigInt(key), 0n),
});

describe('the perturbation table', () => {
  it('is a distribution: table and tails sum to 1, symmetric, mean 0, 98 % within the table', () => {
    const core = COUNT_NOISE.reduce((sum, row) => sum + row.probability, 0);
    expect(core).toBeCloseTo(1 - 2 * COUNT_NOISE_TAIL.probability, 12);
    let total = 0;
    let mean = 0;
    let variance = 0;
    for (let d = -80; d <= 80; d++) {
      const p = countNoiseProbability(d);
      expect(countNoiseProbability(-d)).toBe(p);
      total += p;
      mean += d * p;
      variance += d * d * p;
    }
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeGreaterThan(1);
    expect(variance).toBeLessThan(2);
    for (const row of COUNT_NOISE) expect(Math.abs(row.noise)).toBeLessThanOrEqual(USUAL_COUNT_NOISE);
  });

  it('has no end: every noise, however large, has a probability above 0', () => {
    for (const d of [4, 5, 10, 20]) expect(countNoiseProbability(d)).toBeGreaterThan(0);
    expect(countNoiseProbability(0.5)).toBe(0);
  });

  it('countNoise inverts the distribution: each noise takes its share of [0, 1)', () => {
    const steps = 400_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < steps; i++) {
      const noise = countNoise((i + 0.5) / steps);
      seen.set(noise, (seen.get(noise) ?? 0) + 1);
    }
    for (let d = -7; d <= 7; d++) expect((seen.get(d) ?? 0) / steps).toBeCloseTo(countNoiseProbability(d), 4);
    expect(Math.max(...seen.keys())).toBeGreaterThan(10);
    expect(Math.min(...seen.keys())).toBeLessThan(-10);
  });
});

describe('cell keys', () => {
  it('are the key sum modulo CELL_KEY_RANGE, from numbers, bigints and the strings SQL returns', () => {
    expect(cellKey(5)).toBe(5);
    expect(cellKey(BigInt(CELL_KEY_RANGE) + 7n)).toBe(7);
    expect(cellKey(String(3 * CELL_KEY_RANGE + 11))).toBe(11);
    expect(() => cellKey(-1)).toThrow(RangeError);
  });

  it('of a union is the sum of the parts, so a margin computed from cells equals one read as a whole', () => {
    const a = people(40, 1);
    const b = people(25, 2);
    const whole = cellOf([...a, ...b]);
    expect(cellKey(whole.keySum)).toBe(
      (cellKey(cellOf(a).keySum) + cellKey(cellOf(b).keySum)) % CELL_KEY_RANGE,
    );
    expect(Math.max(...a, ...b)).toBeLessThan(RECORD_KEY_RANGE);
  });
});

describe('discloseCount', () => {
  it('shows nobody as 0, always', () => {
    expect(discloseCount({ count: 0, keySum: 0 }, () => 0.999)).toEqual({ value: 0, suppressed: false });
  });

  it('is consistent: the same people always give the same value, whatever order or source', () => {
    const keys = people(37, 3);
    const first = discloseCount(cellOf(keys), uniform);
    expect(discloseCount(cellOf([...keys].reverse()), uniform)).toEqual(first);
    expect(discloseCount({ count: 37, keySum: String(cellOf(keys).keySum) }, uniform)).toEqual(first);
  });

  it('stays within USUAL_COUNT_NOISE in about 98 % of cells, and follows the distribution', () => {
    const noises = new Map<number, number>();
    const cells = 20_000;
    for (let i = 0; i < cells; i++) {
      const keys = people(20 + (i % 50), i + 10);
      const v = perturbedCount(cellOf(keys), uniform);
      const d = v - keys.length;
      noises.set(d, (noises.get(d) ?? 0) + 1);
    }
    for (const row of COUNT_NOISE)
      expect((noises.get(row.noise) ?? 0) / cells).toBeCloseTo(row.probability, 1);
    const beyond = [...noises]
      .filter(([d]) => Math.abs(d) > USUAL_COUNT_NOISE)
      .reduce((sum, [, n]) => sum + n, 0);
    expect(beyond / cells).toBeGreaterThan(0.01);
    expect(beyond / cells).toBeLessThan(0.03);
  });

  it('shows a perturbed 1-4 as "under 5" with no value and nothing that says why', () => {
    for (let v = 1; v < MIN_CELL; v++) expect(displayCount(v)).toEqual({ value: null, suppressed: true });
    expect(displayCount(0)).toEqual({ value: 0, suppressed: false });
    expect(displayCount(MIN_CELL)).toEqual({ value: MIN_CELL, suppressed: false });
  });

  it('lets some small true counts show as 0 and some as 5 or more, so neither is a certainty', () => {
    const shownAs = new Set<string>();
    for (let seed = 0; seed < 2_000; seed++) {
      for (const size of [1, 2, 3, 4]) {
        const shown = discloseCount(cellOf(people(size, seed * 7 + size)), uniform);
        if (shown.value === 0) shownAs.add(`${size}:0`);
        if (shown.value !== null && shown.value >= MIN_CELL) shownAs.add(`${size}:5+`);
      }
    }
    expect(shownAs).toContain('1:0');
    expect(shownAs).toContain('2:0');
    expect(shownAs).toContain('3:0');
    expect(shownAs).toContain('2:5+');
    expect(shownAs).toContain('4:5+');
  });

  it('differs between keys: without the installation key nobody can compute the noise', () => {
    const other = hmacUniform('another installation');
    let differs = 0;
    for (let seed = 0; seed < 200; seed++) {
      const cell = cellOf(people(30, seed));
      if (perturbedCount(cell, uniform) !== perturbedCount(cell, other)) differs += 1;
    }
    expect(differs).toBeGreaterThan(80);
  });
});

describe('possibleTrueCounts (what an attacker knows)', () => {
  it('is sound: every count it allows can publish the shown value, and it allows every one that can', () => {
    const keyOf = (shown: DisclosedCount) => (shown.value === null ? 'under' : String(shown.value));
    for (const shown of [
      displayCount(0),
      { value: null, suppressed: true },
      displayCount(5),
      displayCount(40),
    ]) {
      const { min, max } = possibleTrueCounts(shown);
      expect(max).toBeNull();
      for (let c = 0; c <= 60; c++) {
        // c can publish `shown` when some noise d with positive probability gives it.
        let reachable = false;
        for (let d = -80; d <= 80 && !reachable; d++) {
          if (countNoiseProbability(d) === 0) continue;
          const v = c === 0 ? 0 : Math.max(0, c + d);
          reachable = keyOf(displayCount(v)) === keyOf(shown);
        }
        expect(reachable).toBe(c >= min);
      }
    }
  });

  it('never narrows a shown value to a single count: there is no upper end', () => {
    for (const shown of [
      displayCount(0),
      { value: null, suppressed: true },
      ...[5, 6, 9, 100].map(displayCount),
    ]) {
      expect(possibleTrueCounts(shown).max).toBeNull();
    }
  });

  it('usualTrueCounts is the range behind a value when the noise stayed in the table (98 %)', () => {
    expect(usualTrueCounts(displayCount(10))).toEqual({ min: 7, max: 13 });
    expect(usualTrueCounts({ value: null, suppressed: true })).toEqual({
      min: 1,
      max: MIN_CELL - 1 + USUAL_COUNT_NOISE,
    });
    expect(usualTrueCounts(displayCount(0))).toEqual({ min: 0, max: USUAL_COUNT_NOISE });
  });
});

describe('disclosedRate', () => {
  const n = (value: number | null): DisclosedCount => ({ value, suppressed: value === null });

  it('is computed from published counts, with the Wilson interval', () => {
    const rate = disclosedRate(n(30), n(120));
    expect(rate?.rate).toBeCloseTo(0.25, 12);
    expect(rate?.ci95?.[0]).toBeLessThan(0.25);
  });

  it('is hidden when a count is "under 5", or numerator, denominator or complement is under 5', () => {
    expect(disclosedRate(n(null), n(40))).toBeNull();
    expect(disclosedRate(n(5), n(null))).toBeNull();
    expect(disclosedRate(n(0), n(40))).toBeNull();
    expect(disclosedRate(n(9), n(11))).toBeNull();
    expect(disclosedRate(n(40), n(40))).toBeNull();
    expect(disclosedRate(n(42), n(40))).toBeNull();
    expect(disclosedRate(n(5), n(10))).not.toBeNull();
  });
});

describe('sumOfPublished', () => {
  it('adds shown counts and is "under 5" when any part is', () => {
    expect(sumOfPublished([displayCount(10), displayCount(0)])).toEqual({ value: 10, suppressed: false });
    expect(sumOfPublished([displayCount(10), displayCount(3)])).toEqual({ value: null, suppressed: true });
  });
});

describe('magnitudes', () => {
  const range = { lower: 0, upper: 100 };
  const shownN = (value: number): DisclosedCount => displayCount(value);

  it('are hidden unless the published n is 5 or more', () => {
    const cell = cellOf(people(3, 1));
    expect(
      discloseMagnitude('mean|x', 50, cell, { value: null, suppressed: true }, range, uniform),
    ).toBeNull();
    expect(discloseMagnitude('mean|x', 50, cell, shownN(0), range, uniform)).toBeNull();
    expect(discloseMagnitude('mean|x', 50, cell, shownN(5), range, uniform)).not.toBeNull();
  });

  it('are consistent for the same people and statistic, and independent between statistics', () => {
    const cell = cellOf(people(40, 9));
    const a = discloseMagnitude('mean|INSPIRE_O', 55, cell, shownN(40), range, uniform);
    expect(discloseMagnitude('mean|INSPIRE_O', 55, cell, shownN(40), range, uniform)).toBe(a);
    expect(discloseMagnitude('mean|INSPIRE', 55, cell, shownN(40), range, uniform)).not.toBe(a);
  });

  it('carry Laplace noise of scale MAGNITUDE_NOISE_SCALE × range / n, clamped to the range', () => {
    const errors: number[] = [];
    for (let seed = 0; seed < 4_000; seed++) {
      const cell = cellOf(people(50, seed));
      const shown = discloseMagnitude('mean|x', 60, cell, shownN(50), range, uniform) as number;
      expect(shown).toBeGreaterThanOrEqual(0);
      expect(shown).toBeLessThanOrEqual(100);
      errors.push(shown - 60);
    }
    // Laplace(0, b) has mean |X| = b; here b = 0.25 × 100 / 50 = 0.5.
    const meanAbs = errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length;
    expect(meanAbs).toBeGreaterThan(0.45);
    expect(meanAbs).toBeLessThan(0.55);
  });

  it('give the sum one person adds, from two means, a noise of about a quarter of the range', () => {
    // Difference attack on means: (n+1)·mean(A) − n·mean(B) estimates the added person's value.
    const errors: number[] = [];
    for (let seed = 0; seed < 2_000; seed++) {
      const base = people(20, seed);
      const target = 70;
      const a = cellOf([...base, 123_456 + seed]);
      const b = cellOf(base);
      const meanA = discloseMagnitude(
        'mean|x',
        (20 * 50 + target) / 21,
        a,
        shownN(21),
        range,
        uniform,
      ) as number;
      const meanB = discloseMagnitude('mean|x', 50, b, shownN(20), range, uniform) as number;
      errors.push(21 * meanA - 20 * meanB - target);
    }
    const meanAbs = errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length;
    expect(meanAbs).toBeGreaterThan(20);
  });

  it('discloseMeanAndSd keeps the SD non-negative and hides it for fewer than two records', () => {
    const cell = cellOf(people(30, 4));
    const result = discloseMeanAndSd(
      'INSPIRE_O',
      { mean: 50, variance: 1 },
      cell,
      shownN(30),
      range,
      uniform,
    );
    expect(result.sd).toBeGreaterThanOrEqual(0);
    expect(
      discloseMeanAndSd('x', { mean: 50, variance: null }, { count: 1, keySum: 5 }, shownN(5), range, uniform)
        .sd,
    ).toBeNull();
  });
});

describe('the written method', () => {
  it('has every paragraph in Danish and English, naming the public parameters', () => {
    for (const paragraph of DISCLOSURE_EXPLANATION.paragraphs) {
      expect(paragraph.da.length).toBeGreaterThan(40);
      expect(paragraph.en.length).toBeGreaterThan(40);
    }
    const all = DISCLOSURE_EXPLANATION.paragraphs.map((p) => `${p.da} ${p.en}`).join(' ');
    expect(all).toContain(String(USUAL_COUNT_NOISE));
    expect(all).toContain('98');
    expect(all).toContain(`under ${MIN_CELL}`);
  });

  it("states the table's own shares (44 % unchanged, 84 % within 1)", () => {
    const p = (noise: number) => COUNT_NOISE.find((row) => row.noise === noise)?.probability ?? 0;
    expect(p(0)).toBeCloseTo(0.44, 12);
    expect(p(-1) + p(0) + p(1)).toBeCloseTo(0.84, 12);
  });
});
