import { describe, expect, it } from 'vitest';
import { checkCrimeCodeMapping, crimeCodeOf } from './crime-codes.ts';

describe('crimeCodeOf', () => {
  it('reads digits only, keeping leading zeros', () => {
    expect(crimeCodeOf(' 0712 ')).toBe('0712');
    expect(crimeCodeOf('71 10')).toBeNull();
    expect(crimeCodeOf('Vold')).toBeNull();
    expect(crimeCodeOf('1234567890123')).toBeNull();
  });
});

describe('checkCrimeCodeMapping', () => {
  it('accepts a code, an incident type and an optional description', () => {
    expect(checkCrimeCodeMapping({ code: ' 1234 ', incidentType: 'THREATS', description: '  ' })).toEqual({
      ok: true,
      mapping: { code: '1234', incidentType: 'THREATS', description: null },
    });
  });

  it('names each bad field with a reason in Danish and English', () => {
    const result = checkCrimeCodeMapping({
      code: '12a',
      incidentType: 'ARSON',
      description: 'x'.repeat(201),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'code:INVALID_CRIME_CODE',
      'incidentType:UNKNOWN_INCIDENT_TYPE',
      'description:DESCRIPTION_TOO_LONG',
    ]);
    expect(result.errors[0]!.message.da).toContain('cifre');
    expect(result.errors[1]!.message.da).toContain('Vold');
    expect(result.errors[1]!.message.en).toContain('Violence');
    const empty = checkCrimeCodeMapping({ code: ' ', incidentType: 'VIOLENCE' });
    expect(empty.ok ? [] : empty.errors.map((e) => e.code)).toEqual(['CRIME_CODE_REQUIRED']);
  });
});
