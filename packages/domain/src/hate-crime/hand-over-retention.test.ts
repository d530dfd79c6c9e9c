import { describe, expect, it } from 'vitest';
import { danishDayStart } from '../outreach/calendar-date.ts';
import { handOverEraseAfter } from './hand-over-retention.ts';

describe('danishDayStart', () => {
  // Worked out by hand: midnight in Copenhagen as UTC.
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-06-15', '2026-06-14T22:00:00.000Z'],
    // Clocks go forward at 02:00 on 29 March: that day starts in winter time, the next in summer.
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    // Clocks go back at 03:00 on 25 October: that day starts in summer time, the next in winter.
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['2027-01-01', '2026-12-31T23:00:00.000Z'],
  ])('%s starts at %s', (day, start) => {
    expect(danishDayStart(day).toISOString()).toBe(start);
  });
});

describe('handOverEraseAfter', () => {
  it('counts Danish calendar days from the closing day, across a daylight-saving change and a year end', () => {
    expect(handOverEraseAfter('2026-10-24', 1).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(handOverEraseAfter('2026-10-24', 2).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(handOverEraseAfter('2026-12-02', 30).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(handOverEraseAfter('2026-03-01', 90).toISOString()).toBe('2026-05-29T22:00:00.000Z');
  });
});
