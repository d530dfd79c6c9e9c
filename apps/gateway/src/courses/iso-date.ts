import { danishCalendarDate } from '@vi/domain';

/** `@db.Date` columns come back as UTC midnight; inputs arrive as checked `YYYY-MM-DD`. */
export function dateColumn(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function isoDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Today in Denmark, where the organisations work (a session at 00:30 belongs to that day). */
export function todayInDenmark(now: Date = new Date()): string {
  return danishCalendarDate(now);
}
