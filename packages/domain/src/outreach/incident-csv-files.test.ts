import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, type IncidentTypeCode } from '../taxonomies.ts';
import {
  incidentTemplateCsv,
  incidentTemplateFileName,
  rejectedRowsCsv,
  rejectedRowsFileName,
} from './incident-csv-files.ts';
import {
  checkIncidentRows,
  type IncidentCheckContext,
  mapIncidentColumns,
  toIncidentRowInput,
} from './incident-import.ts';

/**
 * Opens CSV bytes the way Danish Excel does on double-click: UTF-8 only when the file starts
 * with the byte-order mark, Windows-1252 otherwise; `;` (the Danish list separator) between
 * cells; double quotes around a cell that holds `;`, a quote ("" inside) or a line break;
 * CRLF between rows. Returns the grid of cells, one array per spreadsheet row.
 */
function openAsDanishExcel(bytes: Uint8Array): string[][] {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = hasBom
    ? new TextDecoder('utf-8').decode(bytes.subarray(3))
    : new TextDecoder('windows-1252').decode(bytes);
  const grid: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      grid.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    grid.push(row);
  }
  return grid;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

const activeTypes = new Set<IncidentTypeCode>(
  INCIDENT_TYPES.filter((t) => t.defaultActiveForOutreach).map((t) => t.code),
);
const ctx: IncidentCheckContext = { today: '2026-11-23', activeTypes, existingKeys: new Set() };
const good = {
  incidentDate: '20-11-2026',
  incidentType: 'Vold',
  role: 'offer',
  name: 'Testperson Et',
  phone: '20 30 40 50',
  age: '34',
  gender: 'kvinde',
};

describe('rejectedRowsCsv', () => {
  const rows = [
    good,
    { ...good, name: '=HYPERLINK("x")', phone: '12' },
    { ...good, name: 'Hansen; Søren "Søs"', phone: '+45 21 22 23 24', incidentType: 'Ildspåsættelse' },
  ];
  const check = checkIncidentRows(rows, ctx);

  it('opens in Danish Excel with Danish column names, Excel row numbers and the reasons', () => {
    const csv = rejectedRowsCsv(rows, check.rows, 'da');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const grid = openAsDanishExcel(bytesOf(csv));
    expect(grid[0]).toEqual([
      'Række i filen',
      'Hændelsesdato',
      'Hændelsestype',
      'Rolle',
      'Navn',
      'Telefon',
      'Alder',
      'Køn',
      'Motiv',
      'Årsag',
    ]);
    // The header is row 1 of the uploaded file, so its 2nd and 3rd data rows are rows 3 and 4.
    expect(grid.slice(1).map((r) => r[0])).toEqual(['3', '4']);
    expect(grid[1]).toEqual([
      '3',
      '20-11-2026',
      'Vold',
      'offer',
      `'=HYPERLINK("x")`,
      '12',
      '34',
      'kvinde',
      '',
      'Telefon: Telefonnummeret er ikke et gyldigt dansk nummer (8 cifre, evt. med +45).',
    ]);
    // ; and quotes inside a cell stay in that cell; a phone number is not taken for a formula.
    expect(grid[2]![4]).toBe('Hansen; Søren "Søs"');
    expect(grid[2]![5]).toBe('+45 21 22 23 24');
    expect(grid[2]![9]).toMatch(/^Hændelsestype: Ukendt hændelsestype\. Tilladte værdier: /);
    // Without the byte-order mark Excel would read the same bytes as Windows-1252.
    expect(openAsDanishExcel(bytesOf(csv.slice(1)))[0]![0]).toBe('RÃ¦kke i filen');
  });

  it('uses the row numbers the reader counted (blank lines included) and English names in English', () => {
    const csv = rejectedRowsCsv(rows, check.rows, 'en', [2, 5, 9]);
    const grid = openAsDanishExcel(bytesOf(csv));
    expect(grid[0]).toEqual([
      'Row in file',
      'Incident date',
      'Incident type',
      'Role',
      'Name',
      'Phone',
      'Age',
      'Gender',
      'Motive',
      'Reason',
    ]);
    expect(grid.slice(1).map((r) => r[0])).toEqual(['5', '9']);
    expect(grid[1]![9]).toBe(
      'Phone: The phone number is not a valid Danish number (8 digits, optionally with +45).',
    );
  });

  it('can be corrected and imported again: its column names map back to the fields', () => {
    for (const locale of ['da', 'en'] as const) {
      const grid = openAsDanishExcel(bytesOf(rejectedRowsCsv(rows, check.rows, locale)));
      const mapping = mapIncidentColumns(grid[0]!);
      expect(mapping.errors).toEqual([]);
      expect(Object.keys(mapping.columns).sort()).toEqual([
        'age',
        'gender',
        'incidentDate',
        'incidentType',
        'motive',
        'name',
        'phone',
        'role',
      ]);
    }
  });

  it('names the files in the reader language', () => {
    expect(rejectedRowsFileName('politiliste-uge-47.csv', 'da')).toBe(
      'politiliste-uge-47-afviste-rækker.csv',
    );
    expect(rejectedRowsFileName('', 'en')).toBe('police-list-rejected-rows.csv');
    expect(incidentTemplateFileName('da')).toBe('skabelon-politiliste.csv');
    expect(incidentTemplateFileName('en')).toBe('police-list-template.csv');
  });
});

describe('incidentTemplateCsv', () => {
  it('holds the column names and one example row that passes the checks, in either language', () => {
    for (const locale of ['da', 'en'] as const) {
      const grid = openAsDanishExcel(bytesOf(incidentTemplateCsv(locale, '2026-11-23')));
      expect(grid).toHaveLength(2);
      const mapping = mapIncidentColumns(grid[0]!);
      expect(mapping.errors).toEqual([]);
      const record = Object.fromEntries(grid[0]!.map((h, i) => [h, grid[1]![i]]));
      const result = checkIncidentRows([toIncidentRowInput(record, mapping)], ctx);
      expect(result.rows[0]!.errors).toEqual([]);
      expect(result.rows[0]!.incident).toMatchObject({ occurredOn: '2026-11-21', incidentType: 'VIOLENCE' });
    }
    expect(openAsDanishExcel(bytesOf(incidentTemplateCsv('da', '2026-11-23')))[0]).toEqual([
      'Hændelsesdato',
      'Hændelsestype',
      'Rolle',
      'Navn',
      'Telefon',
      'Alder',
      'Køn',
      'Motiv',
    ]);
  });
});
