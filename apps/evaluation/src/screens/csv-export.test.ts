import { describe, expect, it } from 'vitest';
import { csvFileName, perturbationNote, tableToCsv } from './csv-export.ts';
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
        countCell({ value: null, suppressed: true }),
        countCell({ value: null, suppressed: true }),
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
  it('writes Danish Excel CSV: BOM, semicolons, decimal comma, CRLF, "under 5", "skjult" and "kan ikke beregnes" in Danish', () => {
    const csv = tableToCsv(table, 'da');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'Hændelsestype;Ønsker opkald;Afslår;Andel;Note',
      'Vold;19;50;0,2754;"a; ""b"""',
      "'=Trusler;under 5;under 5;skjult;",
      'Ingen;0;0;kan ikke beregnes;x',
      '',
    ]);
    expect(csv).not.toContain('SUPPRESSED');
    expect(csv).not.toMatch(/;NA;/);
  });

  it('ends a table of counts with a note that the figures are perturbed and totals need not add up', () => {
    const lines = tableToCsv(table, 'da').slice(1).split('\r\n');
    expect(lines).toHaveLength(7);
    const note = lines[5] ?? '';
    expect(note).toMatch(
      /^Note: Antal personer er støjbehæftede efter metoden cellekey-2026-1 og afviger i 98 % af cellerne højst 3 fra det sande tal \(sjældent mere\)\./,
    );
    expect(note).toContain('Et antal på 1-4 efter støjen står som under 5.');
    expect(note).toContain('Totaler har deres egen støj og er ikke altid lig summen af cellerne');
    // One field, so a spreadsheet shows it in the first column.
    expect(note).not.toMatch(/[;"]/);
    expect(lines[6]).toBe('');
    // In English the note has commas, so it is quoted as one field.
    expect(tableToCsv(table, 'en')).toMatch(
      /\r\n\r\n"Note: Counts of people carry noise by the method cellekey-2026-1 [^"]*"\r\n$/,
    );
    expect(perturbationNote('en')).toContain('A count of 1-4 after the noise reads under 5.');
    expect(perturbationNote('en')).toContain('by at most 3 in 98% of cells (rarely more).');
    // A plain space in the file, not a no-break space.
    expect(perturbationNote('da')).not.toContain('\u00a0');
  });

  it('leaves the note out of a table of amounts and hours, which are not about people', () => {
    const amounts: DataTable = {
      id: 'costs',
      title: 'Beløb',
      rowHeader: 'Post',
      columns: ['Timer', 'Beløb'],
      rows: [{ label: 'Løn', cells: [numberCell(120, 'integer'), numberCell(975000, 'kroner')] }],
    };
    expect(tableToCsv(amounts, 'da').slice(1).split('\r\n')).toEqual([
      'Post;Timer;Beløb',
      'Løn;120;975000',
      '',
    ]);
    // A table of shares is made from perturbed counts: it gets the note.
    const shares: DataTable = {
      ...amounts,
      rows: [{ label: 'x', cells: [numberCell(40, 'integer'), numberCell(0.5, 'percent')] }],
    };
    expect(tableToCsv(shares, 'da')).toContain('Note: Antal personer er støjbehæftede');
  });

  it('writes commas and a decimal point in English, and "hidden" for a hidden statistic', () => {
    const lines = tableToCsv(table, 'en').slice(1).split('\r\n');
    expect(lines[0]).toBe('Hændelsestype,Ønsker opkald,Afslår,Andel,Note');
    expect(lines[1]).toBe('Vold,19,50,0.2754,"a; ""b"""');
    expect(lines[2]).toBe("'=Trusler,under 5,under 5,hidden,");
  });

  it("names the file after the table's title in the screen's language and the period", () => {
    const danish = { ...table, title: 'Ønsker opkald pr. hændelsestype, år 2024' };
    expect(csvFileName(danish, 'evaluering', { from: '2024-01-01', to: '2024-12-31' }, 'da')).toBe(
      'evaluering-oensker-opkald-pr-haendelsestype-aar-2024-2024-01-01_2024-12-31.csv',
    );
    expect(csvFileName(danish, 'evaluering', { from: '2024-01-01' }, 'da')).toBe(
      'evaluering-oensker-opkald-pr-haendelsestype-aar-2024-2024-01-01_slut.csv',
    );
    const english = { ...table, title: 'Wants a call by incident type' };
    expect(csvFileName(english, 'evaluation', { to: '2024-12-31' }, 'en')).toBe(
      'evaluation-wants-a-call-by-incident-type-start_2024-12-31.csv',
    );
    expect(csvFileName(table, 'evaluation', {}, 'en')).toBe('evaluation-accept.csv');
    // A title with nothing usable falls back to the table's id.
    expect(csvFileName({ ...table, title: '—' }, 'evaluering', {}, 'da')).toBe(
      'evaluering-acceptance-incident-type.csv',
    );
  });
});
