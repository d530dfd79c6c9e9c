import { type CountCell, type DisclosedCount, discloseCount, type KeyedUniform } from '@vi/domain';

/**
 * A rows × columns table of people counts with its totals, every one of them through the
 * domain's disclosure rule (`discloseCount`: cell-key perturbation). A total is a cell of
 * its own: the count and key sum of all its people (the sum of its cells' counts and key
 * sums, so SQL returns the finest cells only), perturbed by its own key. Totals therefore
 * need not equal the sum of the shown cells; the evaluation app says so under each table.
 */
export type CountTable = {
  rows: string[];
  cols: string[];
  cells: DisclosedCount[][];
  rowTotals: DisclosedCount[];
  colTotals: DisclosedCount[];
  grandTotal: DisclosedCount;
};

export const EMPTY_CELL: CountCell = { count: 0, keySum: 0n };

/** The cell of the union of disjoint cells: counts and key sums add. */
export function unionCell(cells: Iterable<CountCell>): CountCell {
  let count = 0;
  let keySum = 0n;
  for (const cell of cells) {
    count += cell.count;
    keySum += BigInt(cell.keySum);
  }
  return { count, keySum };
}

export function countTable(
  rows: readonly string[],
  cols: readonly string[],
  cells: CountCell[][],
  uniform: KeyedUniform,
): CountTable {
  // One pass adds each cell into its row, its column and the grand total (key sums as bigints,
  // parsed once: SQL returns them as strings).
  const rowCells = rows.map(() => ({ count: 0, keySum: 0n }));
  const colCells = cols.map(() => ({ count: 0, keySum: 0n }));
  const grand = { count: 0, keySum: 0n };
  const shown = rows.map((_, i) =>
    cols.map((_, j) => {
      const cell = cells[i]?.[j] ?? EMPTY_CELL;
      const keySum = BigInt(cell.keySum);
      for (const total of [rowCells[i]!, colCells[j]!, grand]) {
        total.count += cell.count;
        total.keySum += keySum;
      }
      return discloseCount({ count: cell.count, keySum }, uniform);
    }),
  );
  return {
    rows: [...rows],
    cols: [...cols],
    cells: shown,
    rowTotals: rowCells.map((cell) => discloseCount(cell, uniform)),
    colTotals: colCells.map((cell) => discloseCount(cell, uniform)),
    grandTotal: discloseCount(grand, uniform),
  };
}

/** SQL rows `{ row, col, n, key_sum }` laid out as a dense matrix of cells in the given order. */
export function matrixOf(
  rows: readonly string[],
  cols: readonly string[],
  entries: Iterable<{ row: string; col: string; n: number; keySum: number | bigint | string }>,
): CountCell[][] {
  const index = new Map<string, CountCell>();
  for (const entry of entries) {
    const key = `${entry.row}\u0000${entry.col}`;
    index.set(key, unionCell([index.get(key) ?? EMPTY_CELL, { count: entry.n, keySum: entry.keySum }]));
  }
  return rows.map((row) => cols.map((col) => index.get(`${row}\u0000${col}`) ?? EMPTY_CELL));
}

/**
 * One count per row (e.g. participants per organisation) with the overall total, each
 * perturbed on its own. Statistics of a row (means, rates) are shown only where its
 * published count is 5 or more.
 */
export function countColumn(
  cells: readonly CountCell[],
  uniform: KeyedUniform,
): { cells: DisclosedCount[]; total: DisclosedCount } {
  return {
    cells: cells.map((cell) => discloseCount(cell, uniform)),
    total: discloseCount(unionCell(cells), uniform),
  };
}
