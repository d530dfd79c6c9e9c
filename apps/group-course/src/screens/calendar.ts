import { formatDate } from '@vi/ui';

const copenhagenDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Denmark as `YYYY-MM-DD`, the value of an `<input type="date">`. */
export function todayIso(): string {
  return copenhagenDay.format(new Date());
}

export function addDaysIso(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar date `YYYY-MM-DD` as Danes write it, `dd.mm.åååå` (the shared rule in @vi/ui). */
export function danishDate(isoDate: string): string {
  return formatDate(isoDate);
}
