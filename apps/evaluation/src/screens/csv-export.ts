import { COUNT_NOISE_TAIL, DISCLOSURE_METHOD_ID, MIN_CELL, USUAL_COUNT_NOISE } from '@vi/domain';
import { type Locale, translate } from '@vi/ui';
import { dashboardMessages } from './dashboard-messages.ts';
import {
  type Cell,
  type DataTable,
  formatNumber,
  hasPerturbedFigures,
  type NumberStyle,
} from './table-model.ts';

/**
 * CSV export of a dashboard table, built in the browser from the very table on screen.
 *
 * The format is chosen for the spreadsheet the evaluators open it in:
 * - UTF-8 with a byte-order mark, so Excel shows æ, ø and å (without it Excel guesses a legacy code page);
 * - Danish: `;` between fields and a decimal comma, which is what Danish Excel expects (its list
 *   separator is `;` because `,` is the decimal mark); English: `,` and a decimal point;
 * - CRLF line ends (RFC 4180), the header row first, one row per table row;
 * - a count shown as "under 5" is `under 5` (both languages, so scripts can rely on it), a statistic
 *   hidden because it rests on such a count is `skjult` (English `hidden`), never blank; a figure
 *   that cannot be computed (e.g. no one in the group) is `kan ikke beregnes` (English `NA`): Danish
 *   words in a Danish file, explained in the CSV help (`csv.format`);
 * - the file name is the table's title in the file's language and the period, e.g.
 *   `evaluering-parret-test-brief-inspire-o-2024-01-01_2024-12-31.csv`;
 * - counts of people are perturbed by the disclosure method (cell-key perturbation): a table with
 *   figures ends, after an empty line, with a note saying so (totals need not equal the sum of cells);
 * - numbers unformatted (no thousands separator, proportions as 0-1) so a spreadsheet can compute
 *   with them;
 * - a text field starting with =, +, - or @ gets a leading apostrophe so a spreadsheet never runs it
 *   as a formula (organisation names come from user input).
 */
export const UNDER_FIVE_MARK = `under ${MIN_CELL}`;
export const CSV_BOM = '\uFEFF';

export function csvDialect(locale: Locale): { separator: ';' | ','; decimal: ',' | '.' } {
  return locale === 'da' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

function plainNumber(value: number, style: NumberStyle): string {
  switch (style) {
    case 'integer':
    case 'kroner':
      return String(Math.round(value));
    case 'percent':
      return String(Number(value.toFixed(4)));
    case 'decimal1':
    case 'decimal2':
      return String(Number(value.toFixed(3)));
    case 'p':
      return String(Number(value.toPrecision(4)));
  }
}

function cellText(
  cell: Cell,
  decimal: ',' | '.',
  marks: { hidden: string; notAvailable: string },
): { text: string; isText: boolean } {
  switch (cell.kind) {
    case 'text':
      return { text: cell.text, isText: true };
    case 'count':
      if (cell.suppressed || cell.value === null) return { text: UNDER_FIVE_MARK, isText: false };
      return { text: String(cell.value), isText: false };
    case 'number': {
      if (cell.value === null)
        return { text: cell.hidden ? marks.hidden : marks.notAvailable, isText: false };
      const text = plainNumber(cell.value, cell.style);
      return { text: decimal === ',' ? text.replace('.', ',') : text, isText: false };
    }
  }
}

function escapeField(text: string, separator: string, isText: boolean): string {
  const safe = isText && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The note a CSV file ends with: the figures are perturbed, and totals need not add up. */
export function perturbationNote(locale: Locale): string {
  return translate(dashboardMessages, locale, 'csv.perturbedNote', {
    method: DISCLOSURE_METHOD_ID,
    usual: USUAL_COUNT_NOISE,
    // A plain space in the file ("98 %"), not the screen's no-break space.
    share: formatNumber(1 - 2 * COUNT_NOISE_TAIL.probability, 'percent', locale).replace(
      /\s/g,
      locale === 'da' ? ' ' : '',
    ),
    under: UNDER_FIVE_MARK,
  });
}

/** The file's text, BOM included. */
export function tableToCsv(table: DataTable, locale: Locale): string {
  const { separator, decimal } = csvDialect(locale);
  const marks = {
    hidden: translate(dashboardMessages, locale, 'csv.hidden'),
    notAvailable: translate(dashboardMessages, locale, 'csv.notAvailable'),
  };
  const line = (fields: Array<{ text: string; isText: boolean }>) =>
    fields.map((field) => escapeField(field.text, separator, field.isText)).join(separator);
  const header = line([table.rowHeader, ...table.columns].map((text) => ({ text, isText: true })));
  const rows = table.rows.map((row) =>
    line([{ text: row.label, isText: true }, ...row.cells.map((cell) => cellText(cell, decimal, marks))]),
  );
  const note = hasPerturbedFigures(table)
    ? ['', line([{ text: perturbationNote(locale), isText: true }])]
    : [];
  return `${CSV_BOM}${[header, ...rows, ...note].join('\r\n')}\r\n`;
}

/** A title as a file-name part: lower case, æ/ø/å spelt ae/oe/aa (safe on every system), other signs as hyphens. */
export function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * A file name in the screen's language from the table's title and the period shown, e.g.
 * `evaluering-accept-pr-haendelsestype-2024-01-01_2024-12-31.csv`; an open end is `start` or
 * `slut` (English `end`).
 */
export function csvFileName(
  table: DataTable,
  prefix: string,
  period: { from?: string; to?: string },
  locale: Locale = 'da',
): string {
  const end = locale === 'da' ? 'slut' : 'end';
  const span = period.from || period.to ? `-${period.from ?? 'start'}_${period.to ?? end}` : '';
  const name = fileNamePart(table.title) || table.id;
  return `${prefix}-${name}${span}.csv`.replace(/[^\w.-]+/g, '-');
}

/** Hands the CSV to the browser as a download; nothing leaves the page but the file. */
export function downloadCsv(fileName: string, content: string): void {
  const blob = new Blob([content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
