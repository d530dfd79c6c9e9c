import { describe, expect, it } from 'vitest';
import { daysBetween, startOfDay } from './calendar.ts';

describe("the seed's today is the Danish day", () => {
  it.each([
    ['2026-01-14T22:30:00Z', '2026-01-14'], // 23:30 in winter: still the 14th
    ['2026-01-14T23:30:00Z', '2026-01-15'], // 00:30 in winter: already the 15th in Denmark
    ['2026-06-14T21:30:00Z', '2026-06-14'], // 23:30 in summer
    ['2026-06-14T22:30:00Z', '2026-06-15'], // 00:30 in summer
    ['2026-12-31T23:30:00Z', '2027-01-01'], // new year
  ])('%s is %s', (instant, day) => {
    expect(startOfDay(new Date(instant)).toISOString()).toBe(`${day}T00:00:00.000Z`);
  });

  it('counts days between Danish days', () => {
    expect(daysBetween(new Date('2026-01-14T22:30:00Z'), new Date('2026-01-14T23:30:00Z'))).toBe(1);
  });
});
