import { describe, expect, it } from 'vitest';
import {
  addDays,
  danishCalendarDate,
  daysBetween,
  isCalendarDate,
  parseDanishDate,
} from './calendar-date.ts';

describe('calendar dates', () => {
  it('reads the Danish day-first formats and ISO dates', () => {
    expect(parseDanishDate('2026-11-20')).toBe('2026-11-20');
    expect(parseDanishDate('20-11-2026')).toBe('2026-11-20');
    expect(parseDanishDate('3.2.2026')).toBe('2026-02-03');
    expect(parseDanishDate(' 03/02/2026 ')).toBe('2026-02-03');
  });

  it('refuses impossible and ambiguous dates', () => {
    expect(parseDanishDate('31-02-2026')).toBeNull();
    expect(parseDanishDate('2026-13-01')).toBeNull();
    expect(parseDanishDate('20-11-26')).toBeNull();
    expect(parseDanishDate('i går')).toBeNull();
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });

  it('adds days across months and years, and counts days between', () => {
    expect(addDays('2026-12-30', 2)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });

  it('takes "today" in Danish time, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Copenhagen.
    expect(danishCalendarDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(danishCalendarDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(danishCalendarDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('gives the same date as a fresh formatter for every minute around midnight and both clock changes', () => {
    // danishCalendarDate keeps the last UTC hour's answer; asked minute by minute, in order and
    // back and forth, it must never hand out the hour before's date.
    const fresh = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });
    const starts = ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2026-12-31T20:00:00Z'];
    for (const start of starts) {
      const minutes = Array.from({ length: 8 * 60 }, (_, i) => new Date(Date.parse(start) + i * 60_000));
      for (const instant of [...minutes, ...minutes.reverse()])
        expect(danishCalendarDate(instant), instant.toISOString()).toBe(fresh.format(instant));
    }
  });
});
