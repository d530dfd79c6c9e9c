import type { Locale } from '@vi/ui';

/**
 * What every table on the dashboard is made of. The screen renders a DataTable and the CSV export
 * writes the same DataTable, so a download always holds exactly the figures shown, with the same
 * marks for hidden cells.
 */
export type SuppressionReason = 'PRIMARY' | 'SECONDARY';

export type Cell =
  | { kind: 'text'; text: string }
  /** A count of people after the gateway's disclosure rule; value null when hidden. */
  | { kind: 'count'; value: number | null; suppressed: boolean; reason: SuppressionReason | null }
  /**
   * A statistic (mean, rate, difference, p). `hidden` when the gateway withholds it because a count it
   * needs is hidden; value null without `hidden` means it cannot be computed (e.g. n = 0).
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
  rows: Array<{ label: string; cells: Cell[] }>;
};

export type CountValue = { value: number | null; suppressed: boolean; reason?: SuppressionReason | null };

export function countCell(count: CountValue | null | undefined): Cell {
  if (!count) return { kind: 'count', value: null, suppressed: true, reason: null };
  return { kind: 'count', value: count.value, suppressed: count.suppressed, reason: count.reason ?? null };
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

/** How a cell reads on screen. `primary`/`secondary` are the catalogue's marks for hidden cells. */
export type CellMarks = { primary: string; secondary: string; notAvailable: string };

export function displayCell(cell: Cell, locale: Locale, marks: CellMarks): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'count':
      if (cell.suppressed || cell.value === null)
        return cell.reason === 'PRIMARY' ? marks.primary : marks.secondary;
      return formatNumber(cell.value, 'integer', locale);
    case 'number':
      if (cell.value === null) return cell.hidden ? marks.secondary : marks.notAvailable;
      return formatNumber(cell.value, cell.style, locale);
  }
}

export function isHiddenCell(cell: Cell): boolean {
  return (
    (cell.kind === 'count' && (cell.suppressed || cell.value === null)) ||
    (cell.kind === 'number' && cell.hidden)
  );
}

/** Which kinds of hidden cells a table has, so the explanation under it names only those. */
export function hiddenKinds(table: DataTable): { primary: boolean; secondary: boolean } {
  let primary = false;
  let secondary = false;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (!isHiddenCell(cell)) continue;
      if (cell.kind === 'count' && cell.reason === 'PRIMARY') primary = true;
      else secondary = true;
    }
  }
  return { primary, secondary };
}
