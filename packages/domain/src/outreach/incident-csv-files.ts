import type { Label } from '../labels.ts';
import { addDays, type CalendarDate } from './calendar-date.ts';
import {
  INCIDENT_FIELDS,
  type IncidentField,
  type IncidentRowInput,
  type RowCheck,
} from './incident-import.ts';

/**
 * The CSV files the import screen hands out: the rejected rows and the template. Both are made
 * for Danish Excel, where outreach workers open them: `;` is the list separator of the Danish
 * locale (a `,` file opens as one column), a UTF-8 byte-order mark is how Excel tells UTF-8 from
 * Windows-1252 (without it "Række" reads "RÃ¦kke"), and rows end in CRLF. Column names are in the
 * reader's language and are ones the import maps back (COLUMN_ALIASES), so a corrected file can
 * be imported again as it is.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** Column names of the fields, as people write them; both languages are import aliases. */
export const INCIDENT_COLUMN_LABELS: Record<IncidentField, Label> = {
  incidentDate: { da: 'Hændelsesdato', en: 'Incident date' },
  incidentType: { da: 'Hændelsestype', en: 'Incident type' },
  role: { da: 'Rolle', en: 'Role' },
  name: { da: 'Navn', en: 'Name' },
  phone: { da: 'Telefon', en: 'Phone' },
  age: { da: 'Alder', en: 'Age' },
  gender: { da: 'Køn', en: 'Gender' },
  motive: { da: 'Motiv', en: 'Motive' },
};

const ROW_COLUMN: Label = { da: 'Række i filen', en: 'Row in file' };
const REASON_COLUMN: Label = { da: 'Årsag', en: 'Reason' };
/** Problems that concern the whole file (field "rows") are named as such. */
const FILE_LABEL: Label = { da: 'Filen', en: 'The file' };

/** A number with an optional sign: nothing a spreadsheet could run, so it is written as it is. */
const PLAIN_NUMBER = /^[+-]?[\d ]+$/;

function csvCell(value: string): string {
  // Cells starting with = + - @ are neutralised so the file cannot run formulas in a spreadsheet;
  // a phone number such as "+45 20 30 40 50" is not a formula and keeps its form, so it imports again.
  const safe = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvFile(lines: readonly (readonly string[])[]): string {
  return `${CSV_BOM}${lines.map((cells) => cells.map(csvCell).join(CSV_SEPARATOR)).join('\r\n')}\r\n`;
}

function fieldLabel(field: string, locale: 'da' | 'en'): string {
  return field in INCIDENT_COLUMN_LABELS
    ? INCIDENT_COLUMN_LABELS[field as IncidentField][locale]
    : FILE_LABEL[locale];
}

/**
 * The rejected rows with the original cells, the row number Excel shows for the row in the
 * uploaded file, and the reasons. `sourceRows[i]` is that row number for `rows[i]` (the reader
 * counts blank lines it skipped); without it the header is row 1 and the rows follow it.
 */
export function rejectedRowsCsv(
  rows: readonly IncidentRowInput[],
  checks: readonly RowCheck[],
  locale: 'da' | 'en',
  sourceRows?: readonly number[],
): string {
  const header = [
    ROW_COLUMN[locale],
    ...INCIDENT_FIELDS.map((f) => INCIDENT_COLUMN_LABELS[f][locale]),
    REASON_COLUMN[locale],
  ];
  const lines: string[][] = [header];
  for (const check of checks) {
    if (check.disposition !== 'REJECTED') continue;
    const index = check.rowNumber - 1;
    const row = rows[index] ?? {};
    const reasons = check.errors
      .map((e) => `${fieldLabel(e.field, locale)}: ${e.message[locale]}`)
      .join(' | ');
    lines.push([
      String(sourceRows?.[index] ?? check.rowNumber + 1),
      ...INCIDENT_FIELDS.map((f) => row[f] ?? ''),
      reasons,
    ]);
  }
  return csvFile(lines);
}

function danishDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-');
  return `${day}-${month}-${year}`;
}

/**
 * The template: the column names and one made-up example row that passes the import's checks
 * (an incident two days before `today`, in the reader's language), to be overwritten.
 */
export function incidentTemplateCsv(locale: 'da' | 'en', today: CalendarDate): string {
  const example: Record<IncidentField, Label> = {
    incidentDate: { da: danishDate(addDays(today, -2)), en: danishDate(addDays(today, -2)) },
    incidentType: { da: 'Vold', en: 'Violence' },
    role: { da: 'Offer', en: 'Victim' },
    name: { da: 'Eksempel Eksempelsen', en: 'Example Person' },
    phone: { da: '20 30 40 50', en: '20 30 40 50' },
    age: { da: '34', en: '34' },
    gender: { da: 'Kvinde', en: 'Woman' },
    motive: { da: '', en: '' },
  };
  return csvFile([
    INCIDENT_FIELDS.map((f) => INCIDENT_COLUMN_LABELS[f][locale]),
    INCIDENT_FIELDS.map((f) => example[f][locale]),
  ]);
}

/** File names in the reader's language; the rejected rows are named after the uploaded file. */
export function rejectedRowsFileName(uploadedFileName: string, locale: 'da' | 'en'): string {
  const base = uploadedFileName.replace(/\.(csv|txt)$/i, '').trim();
  const fallback = locale === 'da' ? 'politiliste' : 'police-list';
  return `${base || fallback}-${locale === 'da' ? 'afviste-rækker' : 'rejected-rows'}.csv`;
}

export function incidentTemplateFileName(locale: 'da' | 'en'): string {
  return locale === 'da' ? 'skabelon-politiliste.csv' : 'police-list-template.csv';
}
