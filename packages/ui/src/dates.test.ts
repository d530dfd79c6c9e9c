import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('formatDate', () => {
  it('shows a calendar date as dd.mm.åååå, as written, with no time zone', () => {
    expect(formatDate('2025-03-31')).toBe('31.03.2025');
    expect(formatDate('2024-02-29')).toBe('29.02.2024');
  });

  it('shows an instant as its day in Denmark: 23:30 UTC is already the next day there', () => {
    // Winter (UTC+1) and summer (UTC+2) time both move 23:30 UTC past midnight in Copenhagen.
    expect(formatDate('2025-01-14T23:30:00Z')).toBe('15.01.2025');
    expect(formatDate(new Date('2025-06-30T23:30:00Z'))).toBe('01.07.2025');
    expect(formatDate('2025-12-31T23:30:00.000Z')).toBe('01.01.2026');
    // Before 22:00 UTC in summer it is still the same day.
    expect(formatDate('2025-06-30T21:59:00Z')).toBe('30.06.2025');
  });

  it('returns text that is not a date unchanged instead of "Invalid Date"', () => {
    expect(formatDate('ikke en dato')).toBe('ikke en dato');
  });
});

describe('formatDateTime', () => {
  it('writes the Danish time after the date, kl. 14.30 in Danish and 14:30 in English', () => {
    expect(formatDateTime('2025-03-31T12:30:00Z', 'da')).toBe('31.03.2025 kl. 14.30');
    expect(formatDateTime('2025-03-31T12:30:00Z', 'en')).toBe('31.03.2025 at 14:30');
    expect(formatDateTime('2025-01-14T23:30:00Z', 'da')).toBe('15.01.2025 kl. 00.30');
  });
});
