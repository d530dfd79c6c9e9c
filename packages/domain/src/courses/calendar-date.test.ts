import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, isoDateToDayNumber, toDayNumber } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('1/2/2025')).toBe(false);
    expect(isoDateToDayNumber('1970-01-02')).toBe(1);
  });

  it('adds days across a year end and reads Date values as UTC days', () => {
    expect(addDays('2025-12-28', 7)).toBe('2026-01-04');
    expect(toDayNumber(new Date('1970-01-03T12:00:00Z'))).toBe(2);
    expect(() => toDayNumber('nope')).toThrow(RangeError);
  });
});
