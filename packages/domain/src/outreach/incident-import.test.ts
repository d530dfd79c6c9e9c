import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, type IncidentTypeCode } from '../taxonomies.ts';
import {
  checkIncidentRows,
  type IncidentCheckContext,
  incidentDuplicateKey,
  mapIncidentColumns,
  toIncidentRowInput,
} from './incident-import.ts';

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

describe('mapIncidentColumns', () => {
  it('maps Danish and English headers, case-insensitively, ignoring a BOM', () => {
    const mapping = mapIncidentColumns([
      '\uFEFFHændelsesdato',
      'Hændelsestype',
      'Rolle',
      'Navn',
      'Telefon',
      'Alder',
      'Køn',
    ]);
    expect(mapping.errors).toEqual([]);
    expect(mapping.columns.phone).toBe('Telefon');
    const english = mapIncidentColumns(['incident_date', 'incident_type', 'role', 'phone']);
    expect(english.errors).toEqual([]);
    const row = toIncidentRowInput(
      { incident_date: '2026-11-20', incident_type: 'VIOLENCE', role: 'VICTIM', phone: ' ' },
      english,
    );
    expect(row).toEqual({ incidentDate: '2026-11-20', incidentType: 'VIOLENCE', role: 'VICTIM' });
  });

  it('names the missing required columns', () => {
    const mapping = mapIncidentColumns(['navn', 'telefon']);
    expect(mapping.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'incidentDate:MISSING_COLUMN',
      'incidentType:MISSING_COLUMN',
      'role:MISSING_COLUMN',
    ]);
  });
});

describe('checkIncidentRows', () => {
  it('accepts a good row and queues it, normalising the phone', () => {
    const result = checkIncidentRows([good], ctx);
    expect(result.rows[0]).toEqual({
      rowNumber: 1,
      disposition: 'QUEUE',
      errors: [],
      incident: {
        occurredOn: '2026-11-20',
        incidentType: 'VIOLENCE',
        hateMotive: null,
        role: 'VICTIM',
        name: 'Testperson Et',
        phone: '+4520304050',
        ageAtIncident: 34,
        gender: 'WOMAN',
      },
    });
  });

  it('explains every problem of a bad row in Danish and English', () => {
    const result = checkIncidentRows(
      [
        {
          incidentDate: '31-02-2026',
          incidentType: 'Ildspåsættelse',
          role: 'tilskuer',
          phone: '1234',
          age: '200',
          gender: 'x',
        },
      ],
      ctx,
    );
    const row = result.rows[0]!;
    expect(row.disposition).toBe('REJECTED');
    expect(row.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'incidentDate:INVALID_DATE',
      'incidentType:UNKNOWN_INCIDENT_TYPE',
      'role:UNKNOWN_ROLE',
      'phone:INVALID_PHONE',
      'age:INVALID_AGE',
      'gender:UNKNOWN_GENDER',
    ]);
    // The allowed values are listed by their labels, in each language.
    expect(row.errors[1]!.message.da).toContain(
      'Ukendt hændelsestype. Tilladte værdier: Tilhold og stalking, Voldtægt og seksuelle krænkelser,',
    );
    for (const type of INCIDENT_TYPES) {
      expect(row.errors[1]!.message.da).toContain(type.label.da);
      expect(row.errors[1]!.message.en).toContain(type.label.en);
    }
    expect(row.errors[1]!.message.en).toMatch(/^Unknown incident type\. Allowed values: /);
  });

  it("reads a numeric cell as a police crime code, looked up in the organisation's table only", () => {
    const crimeCodes = new Map<string, IncidentTypeCode>([
      ['1234', 'THREATS'],
      ['0077', 'ROBBERY'],
    ]);
    const result = checkIncidentRows(
      [
        { ...good, incidentType: ' 1234 ', phone: '30303030' },
        { ...good, incidentType: '0077', phone: '30303031' },
        { ...good, incidentType: '77', phone: '30303032' },
        { ...good, incidentType: '9999', phone: '30303033' },
      ],
      { ...ctx, crimeCodes },
    );
    expect(result.rows.map((r) => r.incident?.incidentType ?? r.errors[0]!.code)).toEqual([
      'THREATS',
      'ROBBERY',
      'UNKNOWN_CRIME_CODE',
      'UNKNOWN_CRIME_CODE',
    ]);
    expect(result.rows[3]!.errors[0]).toMatchObject({ field: 'incidentType' });
    expect(result.rows[3]!.errors[0]!.message.da).toContain('Gerningskoden 9999 står ikke');
    expect(result.rows[3]!.errors[0]!.message.en).toContain('The crime code 9999 is not');
    // Without a table a code is unknown; it is never read as an incident-type label or code.
    expect(checkIncidentRows([{ ...good, incidentType: '1234' }], ctx).rows[0]!.errors[0]!.code).toBe(
      'UNKNOWN_CRIME_CODE',
    );
  });

  it('keeps people without contact details and switched-off types, without queueing them', () => {
    const result = checkIncidentRows(
      [
        { ...good, phone: null, name: 'Uden Telefon' },
        { ...good, incidentType: 'Indbrud og tyveri', phone: '22334455' },
      ],
      ctx,
    );
    expect(result.rows.map((r) => r.disposition)).toEqual(['NO_CONTACT_DETAILS', 'INACTIVE_TYPE']);
    expect(result.summary).toEqual({
      rowCount: 2,
      importedCount: 2,
      queuedCount: 0,
      noContactCount: 1,
      inactiveTypeCount: 1,
      rejectedCount: 0,
    });
  });

  it('rejects duplicates within the file and of people already on the list', () => {
    const existingKeys = new Set([
      incidentDuplicateKey({ occurredOn: '2026-11-19', phone: '+4551223344', name: null })!,
    ]);
    const result = checkIncidentRows(
      [
        good,
        { ...good, incidentType: 'Trusler', phone: '+45 20304050' },
        { ...good, incidentDate: '2026-11-19', phone: '0045 51 22 33 44' },
        { ...good, incidentDate: '2026-11-18', phone: '51223344' },
      ],
      { ...ctx, existingKeys },
    );
    expect(result.rows.map((r) => [r.disposition, r.errors[0]?.code])).toEqual([
      ['QUEUE', undefined],
      ['REJECTED', 'DUPLICATE_IN_FILE'],
      ['REJECTED', 'DUPLICATE_OF_EXISTING'],
      ['QUEUE', undefined],
    ]);
  });

  it('requires a motive for hate crimes and refuses one elsewhere', () => {
    const result = checkIncidentRows(
      [
        { ...good, incidentType: 'HATE_CRIME', phone: '30303030' },
        { ...good, incidentType: 'HATE_CRIME', motive: 'RELIGION', phone: '30303031' },
        { ...good, motive: 'RELIGION', phone: '30303032' },
      ],
      ctx,
    );
    expect(result.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['MOTIVE_REQUIRED'],
      [],
      ['MOTIVE_NOT_ALLOWED'],
    ]);
    expect(result.rows[1]!.incident!.hateMotive).toBe('RELIGION');
  });

  it('refuses incidents dated in the future and empty files', () => {
    expect(checkIncidentRows([{ ...good, incidentDate: '2026-11-24' }], ctx).rows[0]!.errors[0]!.code).toBe(
      'DATE_IN_FUTURE',
    );
    expect(checkIncidentRows([], ctx).fileErrors.map((e) => e.code)).toEqual(['NO_ROWS']);
  });
});
