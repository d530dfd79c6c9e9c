/**
 * Statistical disclosure control for everything evaluators see (DOMAIN §8:
 * aggregates on small groups can point at a person — "two men in Køge's
 * courses"). Every aggregate passes through here before it leaves the
 * gateway.
 *
 * Rules:
 * - Primary: a count of 1-4 people is suppressed (MIN_CELL = 5). Totals are
 *   counts too and follow the same rule.
 * - Zero is shown. An empty cell holds nobody to identify, and hiding every
 *   zero would blank most small tables. (Proportions are different: see
 *   suppressProportion.)
 * - Secondary: with totals shown, a hidden count must not be recoverable by
 *   subtraction. The table and its margins are treated as one (r+1)×(c+1)
 *   array in which every row and column sums to its total. Two conditions
 *   are enforced, iterating until neither adds anything:
 *   1. every row and column (margins included) has no hidden entry or at
 *      least two — a single unknown in a line is one subtraction away;
 *   2. no hidden entry is a bridge of the bipartite graph rows–columns whose
 *      edges are the hidden entries. A bridge is an unknown that lies on no
 *      cycle, and exactly those are determined by the linear equations
 *      even when every line has two unknowns (e.g. two 2×2 blocks joined by
 *      one cell).
 *   The complement chosen is the smallest non-zero shown entry that fixes
 *   the problem (zeros only if nothing else does; cells before totals), so
 *   as little as possible is hidden and large totals stay visible.
 */
export const MIN_CELL = 5;

export type SuppressionReason = 'PRIMARY' | 'SECONDARY';

export type DisclosedCount = {
  value: number | null;
  suppressed: boolean;
  reason?: SuppressionReason;
};

export type SuppressTableInput = {
  rows: readonly string[];
  cols: readonly string[];
  /** counts[row][col], whole numbers of people. */
  counts: ReadonlyArray<ReadonlyArray<number>>;
  /** With totals shown, secondary suppression protects the hidden cells from subtraction. */
  showTotals: boolean;
};

export type SuppressedTable = {
  rows: readonly string[];
  cols: readonly string[];
  cells: DisclosedCount[][];
  /** Null when totals are not shown. */
  rowTotals: DisclosedCount[] | null;
  colTotals: DisclosedCount[] | null;
  grandTotal: DisclosedCount | null;
};

function isSmall(value: number): boolean {
  return value > 0 && value < MIN_CELL;
}

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what} must be a whole number >= 0, got ${value}`);
}

/** A lone figure (e.g. "people on the waiting list"): shown, or hidden when 1-4. */
export function suppressCount(n: number): DisclosedCount {
  assertCount(n, 'count');
  return isSmall(n) ? { value: null, suppressed: true, reason: 'PRIMARY' } : { value: n, suppressed: false };
}

export type DisclosedProportion = {
  numerator: number | null;
  denominator: number | null;
  proportion: number | null;
  suppressed: boolean;
  reason?: 'SMALL_DENOMINATOR' | 'SMALL_NUMERATOR' | 'SMALL_COMPLEMENT';
};

/**
 * A rate k/n. Hidden when n < 5, when k < 5 or when n − k < 5 — zero
 * included on both sides: a rate of 0% or 100% of a known group tells the
 * reader the answer of every member, and 3 of 40 narrows it to a few. The
 * denominator stays visible unless it is small itself.
 */
export function suppressProportion(k: number, n: number): DisclosedProportion {
  assertCount(k, 'numerator');
  assertCount(n, 'denominator');
  if (k > n) throw new RangeError('numerator cannot exceed denominator');
  if (n < MIN_CELL)
    return {
      numerator: null,
      denominator: null,
      proportion: null,
      suppressed: true,
      reason: 'SMALL_DENOMINATOR',
    };
  if (k < MIN_CELL)
    return { numerator: null, denominator: n, proportion: null, suppressed: true, reason: 'SMALL_NUMERATOR' };
  if (n - k < MIN_CELL) {
    return {
      numerator: null,
      denominator: n,
      proportion: null,
      suppressed: true,
      reason: 'SMALL_COMPLEMENT',
    };
  }
  return { numerator: k, denominator: n, proportion: k / n, suppressed: false };
}

type Entry = { i: number; j: number };

/** Preference order for complementary suppression: non-zero first, then smallest, then interior cells. */
function complementKey(
  values: number[][],
  rowCount: number,
  colCount: number,
  { i, j }: Entry,
): [number, number, number, number, number] {
  const value = (values[i] as number[])[j] as number;
  const isTotal = i === rowCount || j === colCount ? 1 : 0;
  return [value === 0 ? 1 : 0, value, isTotal, i, j];
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) {
    if ((a[k] as number) !== (b[k] as number)) return (a[k] as number) < (b[k] as number);
  }
  return false;
}

/**
 * Rows 0..R and columns 0..C of the extended table as graph nodes (columns
 * offset by R+1); hidden entries as edges. Returns, for the first hidden
 * entry that is a bridge, the node sets on either side of it.
 */
function findBridge(
  hidden: boolean[][],
  R: number,
  C: number,
): { entry: Entry; sideA: Set<number>; sideB: Set<number> } | null {
  const nodeCount = R + 1 + C + 1;
  const colNode = (j: number) => R + 1 + j;
  const adjacency: Array<Array<{ to: number; i: number; j: number }>> = Array.from(
    { length: nodeCount },
    () => [],
  );
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (!hidden[i]?.[j]) continue;
      adjacency[i]?.push({ to: colNode(j), i, j });
      adjacency[colNode(j)]?.push({ to: i, i, j });
    }
  }
  const reach = (start: number, skip: Entry): Set<number> => {
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop() as number;
      for (const edge of adjacency[node] ?? []) {
        if (edge.i === skip.i && edge.j === skip.j) continue;
        if (!seen.has(edge.to)) {
          seen.add(edge.to);
          stack.push(edge.to);
        }
      }
    }
    return seen;
  };
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (!hidden[i]?.[j]) continue;
      const entry = { i, j };
      const sideA = reach(i, entry);
      if (sideA.has(colNode(j))) continue;
      return { entry, sideA, sideB: reach(colNode(j), entry) };
    }
  }
  return null;
}

/**
 * Suppresses a two-way table of counts of people. See the module comment for
 * the rules; the result keeps the input's row and column order.
 */
export function suppressTable(input: SuppressTableInput): SuppressedTable {
  const { rows, cols, counts, showTotals } = input;
  const R = rows.length;
  const C = cols.length;
  if (counts.length !== R) throw new RangeError(`counts has ${counts.length} rows, expected ${R}`);
  counts.forEach((row, i) => {
    if (row.length !== C) throw new RangeError(`counts row ${i} has ${row.length} columns, expected ${C}`);
    for (const value of row) assertCount(value, `counts[${i}]`);
  });

  // Extended table: row R holds the column totals, column C the row totals.
  const values: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const value = (counts[i] as readonly number[])[j] as number;
      (values[i] as number[])[j] = value;
      (values[i] as number[])[C] = ((values[i] as number[])[C] as number) + value;
      (values[R] as number[])[j] = ((values[R] as number[])[j] as number) + value;
      (values[R] as number[])[C] = ((values[R] as number[])[C] as number) + value;
    }
  }
  const hidden: boolean[][] = values.map((row) => row.map(() => false));
  const reason: Array<Array<SuppressionReason | undefined>> = values.map((row) => row.map(() => undefined));
  const hide = (i: number, j: number, why: SuppressionReason) => {
    (hidden[i] as boolean[])[j] = true;
    (reason[i] as Array<SuppressionReason | undefined>)[j] = why;
  };

  const lastRow = showTotals ? R : R - 1;
  const lastCol = showTotals ? C : C - 1;
  for (let i = 0; i <= lastRow; i++) {
    for (let j = 0; j <= lastCol; j++) {
      if (isSmall((values[i] as number[])[j] as number)) hide(i, j, 'PRIMARY');
    }
  }

  if (showTotals) {
    const pickComplement = (candidates: Entry[]): Entry | null => {
      let best: Entry | null = null;
      let bestKey: number[] = [];
      for (const candidate of candidates) {
        const key = complementKey(values, R, C, candidate);
        if (best === null || better(key, bestKey)) {
          best = candidate;
          bestKey = key;
        }
      }
      return best;
    };
    const lines: Entry[][] = [];
    for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j) => ({ i, j })));
    for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => ({ i, j })));

    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        const hiddenInLine = line.filter(({ i, j }) => hidden[i]?.[j]);
        if (hiddenInLine.length !== 1) continue;
        const complement = pickComplement(line.filter(({ i, j }) => !hidden[i]?.[j]));
        if (complement) {
          hide(complement.i, complement.j, 'SECONDARY');
          changed = true;
        }
      }
      if (changed) continue;
      const bridge = findBridge(hidden, R, C);
      if (bridge) {
        // Any shown entry linking the two sides closes a cycle through the bridge.
        const candidates: Entry[] = [];
        for (let i = 0; i <= R; i++) {
          for (let j = 0; j <= C; j++) {
            if (hidden[i]?.[j]) continue;
            const col = R + 1 + j;
            if (
              (bridge.sideA.has(i) && bridge.sideB.has(col)) ||
              (bridge.sideB.has(i) && bridge.sideA.has(col))
            ) {
              candidates.push({ i, j });
            }
          }
        }
        const complement = pickComplement(candidates);
        if (complement) {
          hide(complement.i, complement.j, 'SECONDARY');
          changed = true;
        }
      }
    }
  }

  const out = (i: number, j: number): DisclosedCount => {
    const why = reason[i]?.[j];
    if (hidden[i]?.[j] && why) return { value: null, suppressed: true, reason: why };
    return { value: (values[i] as number[])[j] as number, suppressed: false };
  };
  return {
    rows,
    cols,
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => out(i, j))),
    rowTotals: showTotals ? Array.from({ length: R }, (_, i) => out(i, C)) : null,
    colTotals: showTotals ? Array.from({ length: C }, (_, j) => out(R, j)) : null,
    grandTotal: showTotals ? out(R, C) : null,
  };
}
