import { type DisclosedCount, suppressTable } from '@vi/domain';

/**
 * A rows × columns table of people counts with its totals, after the domain's disclosure
 * rule (`suppressTable`: primary under MIN_CELL, secondary so that no hidden cell can be
 * recovered from shown cells and totals). The shape the GraphQL layer and the bench use.
 */
export type CountTable = {
  rows: string[];
  cols: string[];
  cells: DisclosedCount[][];
  rowTotals: DisclosedCount[];
  colTotals: DisclosedCount[];
  grandTotal: DisclosedCount;
};

export function countTable(rows: readonly string[], cols: readonly string[], counts: number[][]): CountTable {
  const result = suppressTable({ rows, cols, counts, showTotals: true });
  // With showTotals the domain always returns the margins; an empty table has an empty total.
  return {
    rows: [...rows],
    cols: [...cols],
    cells: result.cells,
    rowTotals: result.rowTotals ?? [],
    colTotals: result.colTotals ?? [],
    grandTotal: result.grandTotal ?? { value: 0, suppressed: false },
  };
}

/** Counts keyed by `${row}\u0000${col}` laid out as a dense matrix in the given order. */
export function matrixOf(
  rows: readonly string[],
  cols: readonly string[],
  entries: Iterable<{ row: string; col: string; n: number }>,
): number[][] {
  const index = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.row}\u0000${entry.col}`;
    index.set(key, (index.get(key) ?? 0) + entry.n);
  }
  return rows.map((row) => cols.map((col) => index.get(`${row}\u0000${col}`) ?? 0));
}

/**
 * One count per row (e.g. participants per organisation) with the overall total shown, as a
 * one-column table: a hidden row cannot be recovered as "total minus the other rows", and
 * statistics of a row (means, rates) are shown only where its count is.
 */
export function countColumn(
  rows: readonly string[],
  counts: readonly number[],
): { cells: DisclosedCount[]; total: DisclosedCount } {
  const table = countTable(
    rows,
    ['n'],
    counts.map((n) => [n]),
  );
  return { cells: table.cells.map((row) => row[0]!), total: table.colTotals[0]! };
}
