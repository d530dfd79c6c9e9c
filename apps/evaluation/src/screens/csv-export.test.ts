import { describe, expect, it } from 'vitest';
import { csvFileName, tableToCsv } from './csv-export.ts';
import { countCell, type DataTable, numberCell, textCell } from './table-model.ts';

const table: DataTable = {
  id: 'acceptance-incident-type',
  title: 'Accept',
  rowHeader: 'Hændelsestype',
  columns: ['Ønsker opkald', 'Afslår', 'Andel', 'Note'],
  rows: [
    {
      label: 'Vold',
      cells: [
        countCell({ value: 19, suppressed: false }),
        countCell({ value: 50, suppressed: false }),
        numberCell(0.27536, 'percent'),
        textCell('a; "b"'),
      ],
    },
    {
      label: '=Trusler',
      cells: [
        countCell({ value: null, suppressed: true, reason: 'PRIMARY' }),
        countCell({ value: null, suppressed: true, reason: 'SECONDARY' }),
        numberCell(null, 'percent', true),
        textCell(''),
      ],
    },
    {
      label: 'Ingen',
      cells: [
        countCell({ value: 0, suppressed: false }),
        countCell({ value: 0, suppressed: false }),
        numberCell(null, 'percent'),
        textCell('x'),
      ],
    },
  ],
};

describe('tableToCsv', () => {
  it('writes Danish Excel CSV: BOM, semicolons, decimal comma, CRLF, SUPPRESSED for hidden cells', () => {
    const csv = tableToCsv(table, 'da');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Hændelsestype;Ønsker opkald;Afslår;Andel;Note',
      'Vold;19;50;0,2754;"a; ""b"""',
      "'=Trusler;SUPPRESSED;SUPPRESSED;SUPPRESSED;",
      'Ingen;0;0;NA;x',
      '',
    ]);
  });

  it('writes commas and a decimal point in English', () => {
    const lines = tableToCsv(table, 'en').slice(1).split('\r\n');
    expect(lines[0]).toBe('Hændelsestype,Ønsker opkald,Afslår,Andel,Note');
    expect(lines[1]).toBe('Vold,19,50,0.2754,"a; ""b"""');
  });

  it('names the file after the table and the period', () => {
    expect(csvFileName(table, 'evaluering', { from: '2024-01-01', to: '2024-12-31' })).toBe(
      'evaluering-acceptance-incident-type-2024-01-01_2024-12-31.csv',
    );
    expect(csvFileName(table, 'evaluation', {})).toBe('evaluation-acceptance-incident-type.csv');
  });
});
