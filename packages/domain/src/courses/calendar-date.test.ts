import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate, isoDateToDayNumber, toDayNumber } from './calendar-date.ts';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isoDateToDayNumber('2024-02-29')).not.toBeNull();
    expect(isoDateToDayNumber('2025-02-29')).toBeNull();
    expect(isoDateToDayNumber('2025-13-01')).toBeNull();
    expect(isoDateToDayNumber('1/2/2025')).toBeNull();
    expect(isoDateToDayNumber('1970-01-02')).toBe(1);
  });

  it('round-trips across a year end and reads Date values as UTC days', () => {
    expect(dayNumberToIsoDate(toDayNumber('2025-12-28') + 7)).toBe('2026-01-04');
    expect(toDayNumber(new Date('1970-01-03T12:00:00Z'))).toBe(2);
    expect(() => toDayNumber('nope')).toThrow(RangeError);
  });
});
