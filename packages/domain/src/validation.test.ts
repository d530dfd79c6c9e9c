import { describe, expect, it } from 'vitest';
import {
  FIELD_ERROR_CODES,
  FIELD_ERROR_MESSAGES,
  fieldError,
  isIsoDate,
  normaliseDanishPhone,
  normaliseEmail,
} from './validation.ts';

describe('fieldError', () => {
  it('names the field and code and carries both languages', () => {
    const error = fieldError('age', 'OUT_OF_RANGE', { min: 18, max: 110 });
    expect(error).toEqual({
      field: 'age',
      code: 'OUT_OF_RANGE',
      message: { da: 'Værdien skal ligge mellem 18 og 110.', en: 'The value must be between 18 and 110.' },
    });
  });

  it('mentions the limit of a too long text', () => {
    expect(fieldError('comment', 'TOO_LONG', { maxLength: 2000 }).message.en).toContain('2000');
  });

  it('has a non-empty, distinct Danish and English message for every code', () => {
    for (const code of FIELD_ERROR_CODES) {
      const message = FIELD_ERROR_MESSAGES[code]({ option: 'X', min: 1, max: 2, maxLength: 3 });
      expect(message.da.length, code).toBeGreaterThan(0);
      expect(message.en.length, code).toBeGreaterThan(0);
      expect(message.da, code).not.toBe(message.en);
    }
  });

  it('covers the codes the gateway and apps rely on', () => {
    for (const code of [
      'REQUIRED',
      'INVALID_DATE',
      'INVALID_PHONE',
      'UNKNOWN_OPTION',
      'OUT_OF_RANGE',
      'TOO_LONG',
      'INVALID_EMAIL',
      'NOT_A_NUMBER',
      'UNKNOWN_ITEM',
    ]) {
      expect(FIELD_ERROR_CODES).toContain(code);
    }
  });

  it('words a one-sided range', () => {
    expect(fieldError('x', 'OUT_OF_RANGE', { min: 0 }).message.da).toBe('Værdien skal være mindst 0.');
    expect(fieldError('x', 'OUT_OF_RANGE', { max: 9 }).message.en).toBe('The value must be at most 9.');
  });
});

describe('normaliseDanishPhone', () => {
  it.each([
    ['20 30 40 50', '+4520304050'],
    ['20304050', '+4520304050'],
    ['+45 20 30 40 50', '+4520304050'],
    ['0045 2030 4050', '+4520304050'],
    ['4520304050', '+4520304050'],
    ['  +45-20-30-40-50 ', '+4520304050'],
    ['(+45) 99 88 77 66', '+4599887766'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseDanishPhone(input)).toBe(expected);
  });

  it.each([
    '',
    '2030405',
    '203040501',
    '+46 20304050',
    '+45 203040',
    '12345678',
    '02030405',
    'abcdefgh',
    '2030 40 5x',
    '+4520304050 ext 2',
  ])('rejects %s', (input) => {
    expect(normaliseDanishPhone(input)).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Anna.Hansen@Koege.DK ')).toBe('anna.hansen@koege.dk');
  });
  it.each(['anna', 'anna@', '@koege.dk', 'anna@koege', 'an na@koege.dk', 'a@b@c.dk'])(
    'rejects %s',
    (input) => {
      expect(normaliseEmail(input)).toBeNull();
    },
  );
});

describe('isIsoDate', () => {
  it('accepts real dates including leap days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });
  it('rejects impossible or malformed dates', () => {
    for (const input of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '24-01-01',
      '2024-1-1',
      '',
      '0000-01-01',
      '0000-02-29',
    ]) {
      expect(isIsoDate(input), input).toBe(false);
    }
  });
});
