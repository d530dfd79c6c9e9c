import type { Locale } from '@vi/ui';

/**
 * What every table on the dashboard is made of. The screen renders a DataTable and the CSV export
 * writes the same DataTable, so a download always holds exactly the figures shown, with the same
 * marks for hidden cells.
 */
export type Cell =
  | { kind: 'text'; text: string }
  /**
   * A count of people after the gateway's disclosure method (cell-key perturbation): a perturbed
   * count; value null ("under 5") when the perturbed count is 1-4. Nothing says why.
   */
  | { kind: 'count'; value: number | null; suppressed: boolean }
  /**
   * A statistic (mean, rate, difference, p). `hidden` when the gateway withholds it because a count it
   * rests on is under 5; value null without `hidden` means it cannot be computed (e.g. n = 0).
   */
  | { kind: 'number'; value: number | null; hidden: boolean; style: NumberStyle };

/** `kroner`: whole Danish kroner, shown as currency ("975.000 kr."), exported as a plain integer. */
export type NumberStyle = 'percent' | 'decimal1' | 'decimal2' | 'p' | 'integer' | 'kroner';

export type DataTable = {
  /** Stable id: the DOM id of the table and the stem of the CSV file name. */
  id: string;
  title: string;
  /** Header of the first column (the row labels). */
  rowHeader: string;
  columns: string[];
  /**
   * Stable ids of the columns, one per column, independent of the language; without them a column is
   * known by its position. Never by its label: labels repeat (the confidence bounds of two rates) and
   * change with the language, and keys taken from them left stale headers after a language switch.
   */
  columnIds?: string[];
  rows: Array<{ label: string; cells: Cell[] }>;
};

export type CountValue = { value: number | null; suppressed: boolean };

export function countCell(count: CountValue | null | undefined): Cell {
  if (!count) return { kind: 'count', value: null, suppressed: true };
  return { kind: 'count', value: count.value, suppressed: count.suppressed };
}

export function numberCell(value: number | null | undefined, style: NumberStyle, hidden = false): Cell {
  return {
    kind: 'number',
    value: value ?? null,
    hidden: hidden && (value === null || value === undefined),
    style,
  };
}

export function textCell(text: string): Cell {
  return { kind: 'text', text };
}

/** Plain integers (counts that are not people and were never suppressed, e.g. courses run). */
export function integerCell(value: number | null | undefined): Cell {
  return numberCell(value, 'integer');
}

function intlLocale(locale: Locale): string {
  return locale === 'da' ? 'da-DK' : 'en-GB';
}

export function formatNumber(value: number, style: NumberStyle, locale: Locale): string {
  const format = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(intlLocale(locale), options);
  switch (style) {
    case 'percent':
      return format({ style: 'percent', maximumFractionDigits: 0 }).format(value);
    case 'decimal1':
      return format({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'decimal2':
      return format({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'p':
      // Very small p-values are shown as a bound, like the reports the evaluators know.
      return value < 0.001
        ? `< ${format({ maximumFractionDigits: 3 }).format(0.001)}`
        : format({ maximumFractionDigits: 3, minimumFractionDigits: 3 }).format(value);
    case 'integer':
      return format({ maximumFractionDigits: 0 }).format(value);
    case 'kroner':
      return format({ style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }).format(value);
  }
}

/**
 * How a cell reads on screen, from the catalogue: `underFive` for a count shown as "under 5",
 * `hidden` for a statistic withheld because it rests on such a count, `notAvailable` for "cannot be
 * computed".
 */
export type CellMarks = { underFive: string; hidden: string; notAvailable: string };

export function displayCell(cell: Cell, locale: Locale, marks: CellMarks): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      if (cell.suppressed || cell.value === null) return marks.underFive;
      return formatNumber(cell.value, 'integer', locale);
    case 'number':
      if (cell.value === null) return cell.hidden ? marks.hidden : marks.notAvailable;
      return formatNumber(cell.value, cell.style, locale);
  }
}

export function isHiddenCell(cell: Cell): boolean {
  return (
    (cell.kind === 'count' && (cell.suppressed || cell.value === null)) ||
    (cell.kind === 'number' && cell.hidden)
  );
}

/**
 * What a table holds that its notes must explain: counts shown as "under 5", statistics hidden
 * because they rest on one, and figures that cannot be computed.
 */
export function hiddenKinds(table: DataTable): {
  underFive: boolean;
  hidden: boolean;
  notAvailable: boolean;
} {
  const kinds = { underFive: false, hidden: false, notAvailable: false };
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (isHiddenCell(cell)) {
        if (cell.kind === 'count') kinds.underFive = true;
        else kinds.hidden = true;
      } else if (cell.kind === 'number' && cell.value === null) kinds.notAvailable = true;
    }
  }
  return kinds;
}

/**
 * Whether a table holds figures the disclosure method perturbs: counts of people, or statistics
 * made from them (shares, means, tests). Amounts in kroner and plain integers alone (hours, courses
 * run) are not about people; a table of shares has them beside its integer numerators.
 */
export function hasPerturbedFigures(table: DataTable): boolean {
  return table.rows.some((row) =>
    row.cells.some(
      (cell) =>
        cell.kind === 'count' ||
        (cell.kind === 'number' && cell.style !== 'kroner' && cell.style !== 'integer'),
    ),
  );
}

/** The key of a table's column: its stable id, or its position (never its label; see DataTable.columnIds). */
export function columnKey(table: Pick<DataTable, 'id' | 'columnIds'>, index: number): string {
  return table.columnIds?.[index] ?? `${table.id}-column-${index}`;
}
