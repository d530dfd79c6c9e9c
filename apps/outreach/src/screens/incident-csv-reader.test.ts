import { describe, expect, it } from 'vitest';
import { readIncidentCsv } from './incident-csv-reader.ts';

describe('readIncidentCsv', () => {
  it('reads a semicolon-separated police export with Danish headers, reporting progress', async () => {
    const lines = ['Hændelsesdato;Hændelsestype;Rolle;Navn;Telefon;Alder;Køn'];
    for (let i = 0; i < 3000; i += 1)
      lines.push(`20-11-2026;Vold;offer;Person ${i};2${String(i).padStart(7, '0')};30;kvinde`);
    const progress: number[] = [];
    const csv = await readIncidentCsv(lines.join('\n'), (fraction) => progress.push(fraction));
    expect(csv.columnErrors).toEqual([]);
    expect(csv.rows).toHaveLength(3000);
    expect(csv.rows[0]).toEqual({
      incidentDate: '20-11-2026',
      incidentType: 'Vold',
      role: 'offer',
      name: 'Person 0',
      phone: '20000000',
      age: '30',
      gender: 'kvinde',
    });
    // More than one chunk, so the screen could show the file being read.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
  });

  it('names the missing columns instead of guessing', async () => {
    const csv = await readIncidentCsv('navn,telefon\nA,20000000\n', () => {});
    expect(csv.rows).toEqual([]);
    expect(csv.columnErrors.map((e) => e.field)).toEqual(['incidentDate', 'incidentType', 'role']);
  });

  it("counts each row's number as Excel shows it: header row 1, blank lines counted, a quoted line break one row", async () => {
    const text = [
      'Hændelsesdato;Hændelsestype;Rolle;Navn',
      '20-11-2026;Vold;offer;Første',
      '',
      ';;;',
      '21-11-2026;Trusler;vidne;"To',
      'linjer"',
      '22-11-2026;Røveri;offer;Sidste',
      '',
    ].join('\r\n');
    const csv = await readIncidentCsv(text, () => {});
    expect(csv.rows.map((r) => r.name)).toEqual(['Første', 'To\r\nlinjer', 'Sidste']);
    expect(csv.sourceRows).toEqual([2, 5, 6]);
  });
});
