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

/** `total` = sum of `parts`: one of the sums that tie shown counts together (e.g. a funnel step). */
export type CountRelation<K extends string = string> = { total: K; parts: readonly K[] };

/** Rank of a small dense matrix by Gaussian elimination with partial pivoting. */
function matrixRank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    let pivot = rank;
    for (let i = rank + 1; i < m.length; i++) {
      if (Math.abs((m[i] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number))
        pivot = i;
    }
    const pivotRow = m[pivot] as number[];
    if (Math.abs(pivotRow[col] as number) < 1e-9) continue;
    m[pivot] = m[rank] as number[];
    m[rank] = pivotRow;
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const row = m[i] as number[];
      const factor = (row[col] as number) / (pivotRow[col] as number);
      if (factor === 0) continue;
      for (let k = col; k < width; k++) row[k] = (row[k] as number) - factor * (pivotRow[k] as number);
    }
    rank++;
  }
  return rank;
}

/**
 * The hidden keys whose value follows from the shown ones through the sums:
 * x_k is determined exactly when the unit vector e_k lies in the row space of
 * the equations restricted to the hidden keys.
 */
export function derivableHiddenCounts<K extends string>(
  hidden: ReadonlySet<K>,
  relations: readonly CountRelation<K>[],
): K[] {
  const unknowns = [...hidden];
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((key, k) => [key, k]));
  const equations = relations.map((relation) => {
    const row = new Array<number>(unknowns.length).fill(0);
    const total = column.get(relation.total);
    if (total !== undefined) row[total] = (row[total] as number) + 1;
    for (const part of relation.parts) {
      const k = column.get(part);
      if (k !== undefined) row[k] = (row[k] as number) - 1;
    }
    return row;
  });
  const base = matrixRank(equations);
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[k] = 1;
    return matrixRank([...equations, unit]) === base;
  });
}

/**
 * Disclosure control for counts tied together by sums that are all shown
 * (an outreach funnel: identified = with + without contact details;
 * reached = wants a call + declines + will call themselves; …), of any
 * shape, where `suppressTable` covers rows × columns. Primary suppression as
 * everywhere (1-4 hidden, zero shown). Then, until nothing changes:
 * 1. a sum with exactly one hidden member gets a second one: a part rather
 *    than the total (a breakdown should not blank the figure above it), then
 *    non-zero, then the smallest;
 * 2. when every sum has 0 or 2+ hidden members but a hidden count can still
 *    be computed through several sums (checked exactly, by linear algebra),
 *    one more count sharing a sum with it is hidden, preferring one that
 *    actually protects it.
 */
export function suppressLinkedCounts<K extends string>(
  counts: Readonly<Record<K, number>>,
  relations: readonly CountRelation<K>[],
): Record<K, DisclosedCount> {
  const keys = Object.keys(counts) as K[];
  for (const key of keys) assertCount(counts[key], `count "${key}"`);
  for (const relation of relations) {
    if (relation.parts.length === 0) throw new RangeError(`the sum for "${relation.total}" has no parts`);
    for (const key of [relation.total, ...relation.parts]) {
      if (!(key in counts)) throw new RangeError(`relation names an unknown count "${key}"`);
    }
    const sum = relation.parts.reduce((acc, part) => acc + counts[part], 0);
    if (sum !== counts[relation.total]) {
      throw new RangeError(
        `counts do not add up: ${relation.total} = ${counts[relation.total]}, its parts sum to ${sum}`,
      );
    }
  }

  const reason = new Map<K, SuppressionReason>();
  for (const key of keys) if (isSmall(counts[key])) reason.set(key, 'PRIMARY');
  const totals = new Set<K>(relations.map((r) => r.total));
  const preference = (key: K): number[] => [
    totals.has(key) ? 1 : 0,
    counts[key] === 0 ? 1 : 0,
    counts[key],
    keys.indexOf(key),
  ];
  const hiddenSet = () => new Set(reason.keys());
  const unfixable = new Set<K>();

  for (;;) {
    // First the cheap rule: a sum with exactly one hidden member gives it away by subtraction.
    // Hide a part rather than the sum's total, so a breakdown does not blank the figure above it.
    let lineFixed = false;
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts];
      if (members.filter((key) => reason.has(key)).length !== 1) continue;
      const shown = members.filter((key) => !reason.has(key));
      const order = (key: K) => [key === relation.total ? 1 : 0, ...preference(key)];
      const pick = shown.reduce((best, key) => (better(order(key), order(best)) ? key : best));
      reason.set(pick, 'SECONDARY');
      lineFixed = true;
    }
    if (lineFixed) continue;
    const exposed = derivableHiddenCounts(hiddenSet(), relations).filter((key) => !unfixable.has(key));
    const target = exposed[0];
    if (target === undefined) break;
    const sharing = (members: ReadonlySet<K>) =>
      relations
        .filter((r) => members.has(r.total) || r.parts.some((p) => members.has(p)))
        .flatMap((r) => [r.total, ...r.parts]);
    let candidates = [...new Set(sharing(new Set([target])))].filter((key) => !reason.has(key));
    if (candidates.length === 0) {
      // Every count it is summed with is hidden: look further along the chain of sums.
      const component = new Set<K>([target]);
      for (let size = 0; size !== component.size; ) {
        size = component.size;
        for (const key of sharing(component)) component.add(key);
      }
      candidates = [...component].filter((key) => !reason.has(key));
    }
    if (candidates.length === 0) {
      // All linked counts are hidden and it still follows (only possible when the sums force it, e.g. to 0).
      unfixable.add(target);
      continue;
    }
    const protects = (key: K) => {
      const trial = hiddenSet();
      trial.add(key);
      return !derivableHiddenCounts(trial, relations).includes(target);
    };
    const ranked = candidates
      .map((key) => ({ key, order: [protects(key) ? 0 : 1, ...preference(key)] }))
      .sort((a, b) => (better(a.order, b.order) ? -1 : better(b.order, a.order) ? 1 : 0));
    reason.set((ranked[0] as { key: K }).key, 'SECONDARY');
  }

  const result = {} as Record<K, DisclosedCount>;
  for (const key of keys) {
    const why = reason.get(key);
    result[key] = why
      ? { value: null, suppressed: true, reason: why }
      : { value: counts[key], suppressed: false };
  }
  return result;
}
