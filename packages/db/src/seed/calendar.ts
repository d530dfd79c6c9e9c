// Date arithmetic for the seed. Everything is placed relative to "today" so
// the demo always looks current: recent incidents in the call queue, a course
// in progress, another finished.

import { danishCalendarDate } from '@vi/domain';

const DAY_MS = 86_400_000;

/**
 * The Danish calendar day of the instant, as midnight UTC of that date: the form @db.Date columns
 * store. The organisations live on Danish days, so a demo seeded at 00:30 Danish time (22:30 or
 * 23:30 UTC the day before) takes today, not yesterday, as "today".
 */
export function startOfDay(instant: Date): Date {
  return new Date(`${danishCalendarDate(instant)}T00:00:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

export function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
