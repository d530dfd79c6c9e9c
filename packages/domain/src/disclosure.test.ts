import { describe, expect, it } from 'vitest';
import {
  type CountRelation,
  type DisclosedCount,
  derivableHiddenCounts,
  MIN_CELL,
  type SuppressedTable,
  suppressCount,
  suppressLinkedCounts,
  suppressProportion,
  suppressTable,
} from './disclosure.ts';

/** The table and its margins as one (r+1)×(c+1) array of shown values (null = hidden). */
function extended(table: SuppressedTable): Array<Array<number | null>> {
  const rows = table.cells.map((row, i) => [...row.map((c) => c.value), table.rowTotals?.[i]?.value ?? null]);
  rows.push([...(table.colTotals ?? []).map((c) => c.value), table.grandTotal?.value ?? null]);
  return rows;
}

function trueExtended(counts: number[][]): number[][] {
  const R = counts.length;
  const C = counts[0]?.length ?? 0;
  const out = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: C + 1 }, (_, j) =>
    out.reduce((sum, row) => sum + (row[j] as number), 0),
  );
  out.push(totals);
  expect(out.length).toBe(R + 1);
  return out;
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = -1;
    for (let i = r; i < m.length; i++)
      if (Math.abs(m[i]?.[c] as number) > 1e-9) pivot = pivot === -1 ? i : pivot;
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    const p = m[r] as number[];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i] as number[];
      const f = (row[c] as number) / (p[c] as number);
      if (f !== 0) for (let k = c; k < cols; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
    r++;
  }
  return r;
}

/**
 * Which hidden entries are determined by the shown entries through the
 * row/column sum equations: x_k is determined iff e_k lies in the row space
 * of the equations restricted to the unknowns.
 */
function derivableHidden(shown: Array<Array<number | null>>): Array<[number, number]> {
  const R = shown.length - 1;
  const C = (shown[0]?.length ?? 1) - 1;
  const unknowns: Array<[number, number]> = [];
  shown.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null) unknowns.push([i, j]);
    });
  });
  if (unknowns.length === 0) return [];
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const equations: number[][] = [];
  const lineEquation = (entries: Array<[number, number, number]>) => {
    const eq = new Array<number>(unknowns.length).fill(0);
    for (const [i, j, coefficient] of entries) {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = coefficient;
    }
    equations.push(eq);
  };
  for (let i = 0; i <= R; i++) {
    lineEquation([...Array.from({ length: C }, (_, j) => [i, j, 1] as [number, number, number]), [i, C, -1]]);
  }
  for (let j = 0; j <= C; j++) {
    lineEquation([...Array.from({ length: R }, (_, i) => [i, j, 1] as [number, number, number]), [R, j, -1]]);
  }
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[k] = 1;
    return rank([...equations, unit]) === base;
  });
}

/** The check the brief names: a line (row or column, margins included) with exactly one unknown. */
function singleUnknownLines(shown: Array<Array<number | null>>): string[] {
  const problems: string[] = [];
  shown.forEach((row, i) => {
    if (row.filter((v) => v === null).length === 1) problems.push(`row ${i}`);
  });
  const width = shown[0]?.length ?? 0;
  for (let j = 0; j < width; j++) {
    if (shown.filter((row) => row[j] === null).length === 1) problems.push(`col ${j}`);
  }
  return problems;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('suppressTable', () => {
  it('hides a small cell and a complement so the totals do not give it away', () => {
    // Gender of course participants by municipality: two men in Køge (DOMAIN §8).
    const table = suppressTable({
      rows: ['KOEGE', 'ODENSE'],
      cols: ['MAN', 'WOMAN'],
      counts: [
        [2, 35],
        [9, 66],
      ],
      showTotals: true,
    });
    const shown = extended(table);
    expect(table.cells[0]?.[0]).toEqual({ value: null, suppressed: true, reason: 'PRIMARY' });
    expect(singleUnknownLines(shown)).toEqual([]);
    expect(derivableHidden(shown)).toEqual([]);
    // The hidden "2" is nowhere to be recomputed, yet the grand total stays.
    expect(table.grandTotal).toEqual({ value: 112, suppressed: false });
  });

  it('hides nothing when every count is 0 or at least 5', () => {
    const table = suppressTable({
      rows: ['a', 'b'],
      cols: ['x', 'y', 'z'],
      counts: [
        [5, 0, 12],
        [7, 9, 0],
      ],
      showTotals: true,
    });
    expect(
      extended(table)
        .flat()
        .every((v) => v !== null),
    ).toBe(true);
  });

  it('shows zeros and prefers a non-zero complement', () => {
    const table = suppressTable({
      rows: ['a', 'b'],
      cols: ['x', 'y', 'z'],
      counts: [
        [3, 0, 40],
        [20, 0, 30],
      ],
      showTotals: true,
    });
    expect(table.cells[0]?.[1]).toEqual({ value: 0, suppressed: false });
    expect(table.cells[0]?.[0]?.reason).toBe('PRIMARY');
    expect(table.cells[1]?.[0]?.reason).toBe('SECONDARY');
    expect(derivableHidden(extended(table))).toEqual([]);
  });

  it('hides a small total', () => {
    const table = suppressTable({
      rows: ['a', 'b'],
      cols: ['x', 'y'],
      counts: [
        [0, 0],
        [10, 3],
      ],
      showTotals: true,
    });
    expect(table.colTotals?.[1]?.suppressed).toBe(true);
    expect(derivableHidden(extended(table))).toEqual([]);
  });

  it('closes a bridge that the two-per-line rule alone would leave derivable', () => {
    // Two blocks of small cells linked only through one small cell: every line has two
    // unknowns, yet the linking cell would follow from the equations.
    const counts = [
      [1, 1, 50, 50],
      [1, 1, 50, 50],
      [50, 1, 1, 50],
      [50, 50, 1, 1],
      [50, 50, 1, 1],
    ];
    const table = suppressTable({
      rows: ['a', 'b', 'c', 'd', 'e'],
      cols: ['w', 'x', 'y', 'z'],
      counts,
      showTotals: true,
    });
    expect(derivableHidden(extended(table))).toEqual([]);
  });

  it('without totals only the small cells are hidden', () => {
    const table = suppressTable({ rows: ['a'], cols: ['x', 'y'], counts: [[2, 40]], showTotals: false });
    expect(table.cells[0]).toEqual([
      { value: null, suppressed: true, reason: 'PRIMARY' },
      { value: 40, suppressed: false },
    ]);
    expect(table.rowTotals).toBeNull();
    expect(table.grandTotal).toBeNull();
  });

  it('brute force: 400 random tables never reveal a small count, and no hidden entry is derivable', () => {
    const random = lcg(20251123);
    for (let n = 0; n < 400; n++) {
      const R = 1 + Math.floor(random() * 5);
      const C = 1 + Math.floor(random() * 5);
      // Many small values, some zeros, some large.
      const counts = Array.from({ length: R }, () =>
        Array.from({ length: C }, () => {
          const u = random();
          return u < 0.2 ? 0 : u < 0.6 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 60);
        }),
      );
      const table = suppressTable({
        rows: counts.map((_, i) => `r${i}`),
        cols: counts[0]?.map((_, j) => `c${j}`) ?? [],
        counts,
        showTotals: true,
      });
      const shown = extended(table);
      const truth = trueExtended(counts);
      shown.forEach((row, i) => {
        row.forEach((value, j) => {
          const actual = truth[i]?.[j] as number;
          if (actual > 0 && actual < MIN_CELL) expect(value, `table ${n} (${i},${j})`).toBeNull();
          if (value !== null) expect(value).toBe(actual);
        });
      });
      expect(singleUnknownLines(shown), `table ${n}: ${JSON.stringify(counts)}`).toEqual([]);
      expect(derivableHidden(shown), `table ${n}: ${JSON.stringify(counts)}`).toEqual([]);
    }
  });

  it('rejects malformed input', () => {
    expect(() => suppressTable({ rows: ['a'], cols: ['x'], counts: [[1], [2]], showTotals: true })).toThrow(
      RangeError,
    );
    expect(() => suppressTable({ rows: ['a'], cols: ['x', 'y'], counts: [[1]], showTotals: true })).toThrow(
      RangeError,
    );
    expect(() => suppressTable({ rows: ['a'], cols: ['x'], counts: [[-1]], showTotals: true })).toThrow(
      RangeError,
    );
    expect(() => suppressTable({ rows: ['a'], cols: ['x'], counts: [[1.5]], showTotals: true })).toThrow(
      RangeError,
    );
  });
});

describe('suppressCount', () => {
  it.each([
    [0, { value: 0, suppressed: false }],
    [1, { value: null, suppressed: true, reason: 'PRIMARY' }],
    [4, { value: null, suppressed: true, reason: 'PRIMARY' }],
    [5, { value: 5, suppressed: false }],
    [412, { value: 412, suppressed: false }],
  ] as Array<[number, DisclosedCount]>)('%d', (n, expected) => {
    expect(suppressCount(n)).toEqual(expected);
  });
  it('rejects impossible counts', () => {
    expect(() => suppressCount(-2)).toThrow(RangeError);
    expect(() => suppressCount(2.5)).toThrow(RangeError);
  });
});

describe('suppressProportion', () => {
  it('shows a rate when both parts have at least five people', () => {
    expect(suppressProportion(701, 2783)).toEqual({
      numerator: 701,
      denominator: 2783,
      proportion: 701 / 2783,
      suppressed: false,
    });
    expect(suppressProportion(5, 10)).toMatchObject({ proportion: 0.5, suppressed: false });
  });
  it('hides it when few have, or few have not, the attribute — zero included', () => {
    expect(suppressProportion(3, 40)).toMatchObject({
      proportion: null,
      denominator: 40,
      reason: 'SMALL_NUMERATOR',
    });
    expect(suppressProportion(0, 40)).toMatchObject({ proportion: null, reason: 'SMALL_NUMERATOR' });
    expect(suppressProportion(38, 40)).toMatchObject({ proportion: null, reason: 'SMALL_COMPLEMENT' });
    expect(suppressProportion(40, 40)).toMatchObject({ proportion: null, reason: 'SMALL_COMPLEMENT' });
    expect(suppressProportion(2, 4)).toEqual({
      numerator: null,
      denominator: null,
      proportion: null,
      suppressed: true,
      reason: 'SMALL_DENOMINATOR',
    });
  });
  it('rejects impossible input', () => {
    expect(() => suppressProportion(5, 4)).toThrow(RangeError);
    expect(() => suppressProportion(-1, 4)).toThrow(RangeError);
  });
});

describe('suppressLinkedCounts', () => {
  const funnel: CountRelation[] = [
    { total: 'identified', parts: ['noContact', 'withContact'] },
    { total: 'withContact', parts: ['reached', 'notReached'] },
    { total: 'reached', parts: ['wantsCall', 'declined', 'callSelf'] },
  ];
  const hiddenKeys = (result: Record<string, DisclosedCount>) =>
    new Set(
      Object.entries(result)
        .filter(([, c]) => c.suppressed)
        .map(([k]) => k),
    );

  it("hides nothing in seed 001's own funnel", () => {
    const counts = {
      identified: 4531,
      noContact: 770,
      withContact: 3761,
      reached: 2783,
      notReached: 978,
      wantsCall: 701,
      declined: 2053,
      callSelf: 29,
    };
    expect(hiddenKeys(suppressLinkedCounts(counts, funnel)).size).toBe(0);
  });

  it('protects the small counts of a small organisation without blanking the headline', () => {
    const counts = {
      identified: 40,
      noContact: 3,
      withContact: 37,
      reached: 30,
      notReached: 7,
      wantsCall: 8,
      declined: 20,
      callSelf: 2,
    };
    const result = suppressLinkedCounts(counts, funnel);
    expect(result.noContact).toEqual({ value: null, suppressed: true, reason: 'PRIMARY' });
    expect(result.callSelf?.reason).toBe('PRIMARY');
    expect(result.identified).toEqual({ value: 40, suppressed: false });
    expect(result.wantsCall?.reason).toBe('SECONDARY');
    expect(derivableHiddenCounts(hiddenKeys(result), funnel)).toEqual([]);
  });

  it('brute force: random funnels and tables never let a hidden count be computed', () => {
    const random = lcg(7);
    for (let n = 0; n < 300; n++) {
      const counts: Record<string, number> = {};
      const relations: CountRelation[] = [];
      const small = () => {
        const u = random();
        return u < 0.15 ? 0 : u < 0.55 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 40);
      };
      if (n % 2 === 0) {
        // A funnel: each level splits one count into 2-3 parts.
        let frontier = ['k0'];
        let next = 1;
        for (let level = 0; level < 3; level++) {
          const parent = frontier[Math.floor(random() * frontier.length)] as string;
          const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => `k${next++}`);
          relations.push({ total: parent, parts });
          frontier = [...frontier.filter((k) => k !== parent), ...parts];
        }
        const leaves = new Set(frontier);
        for (const key of leaves) counts[key] = small();
        for (const relation of [...relations].reverse())
          counts[relation.total] = relation.parts.reduce((sum, p) => sum + (counts[p] as number), 0);
      } else {
        // A table with margins written as sums.
        const R = 2 + Math.floor(random() * 3);
        const C = 2 + Math.floor(random() * 3);
        for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) counts[`c${i}_${j}`] = small();
        for (let i = 0; i < R; i++) {
          const parts = Array.from({ length: C }, (_, j) => `c${i}_${j}`);
          counts[`r${i}`] = parts.reduce((sum, p) => sum + (counts[p] as number), 0);
          relations.push({ total: `r${i}`, parts });
        }
        for (let j = 0; j < C; j++) {
          const parts = Array.from({ length: R }, (_, i) => `c${i}_${j}`);
          counts[`k${j}`] = parts.reduce((sum, p) => sum + (counts[p] as number), 0);
          relations.push({ total: `k${j}`, parts });
        }
        const rows = Array.from({ length: R }, (_, i) => `r${i}`);
        counts.all = rows.reduce((sum, r) => sum + (counts[r] as number), 0);
        relations.push({ total: 'all', parts: rows });
        relations.push({ total: 'all', parts: Array.from({ length: C }, (_, j) => `k${j}`) });
      }
      const result = suppressLinkedCounts(counts, relations);
      for (const [key, value] of Object.entries(counts)) {
        const shown = result[key] as DisclosedCount;
        if (value > 0 && value < MIN_CELL) expect(shown.suppressed, `${n} ${key}`).toBe(true);
        if (!shown.suppressed) expect(shown.value).toBe(value);
      }
      expect(
        derivableHiddenCounts(hiddenKeys(result), relations),
        `case ${n}: ${JSON.stringify(counts)}`,
      ).toEqual([]);
    }
  });

  it('rejects sums that do not add up, unknown keys and empty sums', () => {
    expect(() => suppressLinkedCounts({ a: 10, b: 3, c: 6 }, [{ total: 'a', parts: ['b', 'c'] }])).toThrow(
      RangeError,
    );
    expect(() => suppressLinkedCounts<string>({ a: 10, b: 10 }, [{ total: 'a', parts: ['b', 'x'] }])).toThrow(
      RangeError,
    );
    expect(() => suppressLinkedCounts({ a: 0 }, [{ total: 'a', parts: [] }])).toThrow(RangeError);
  });
});
