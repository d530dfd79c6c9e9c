/**
 * Calendar dates as 'YYYY-MM-DD' strings. Incident dates and call windows are days,
 * not instants: computing them on strings in UTC keeps a case from shifting a day
 * when the server and the browser sit in different time zones.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): value is CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const toUtc = (s: CalendarDate) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

// Made once: building a formatter loads time-zone data and costs far more than formatting.
const COPENHAGEN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date of an instant in Danish local time: "today" for a worker in
 * Denmark is what decides whether a person may be called yet.
 */
export function danishCalendarDate(instant: Date): CalendarDate {
  // Since 1894 Denmark's offsets from UTC are whole hours (+1, +2 in summer), so the Danish date is
  // the same for every instant of one UTC hour: the last hour's answer is kept, because formatting
  // costs tens of microseconds and the gateway asks on every evaluation request and call.
  const hour = Math.floor(instant.getTime() / 3_600_000);
  if (hour === lastHour.hour) return lastHour.date;
  const parts = COPENHAGEN_DAY.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (instant.getTime() >= WHOLE_HOUR_OFFSETS_SINCE) lastHour = { hour, date };
  return date;
}

const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1894, 0, 1);
let lastHour: { hour: number; date: CalendarDate } = { hour: Number.NaN, date: '' };

/**
 * Reads the date formats found in police exports and spreadsheets:
 * 2026-11-20, 20-11-2026, 20.11.2026, 20/11/2026 (day first, the Danish order),
 * and 2-digit years are refused because "20-11-26" is ambiguous.
 */
export function parseDanishDate(raw: string): CalendarDate | null {
  const value = raw.trim();
  if (ISO_DATE.test(value)) return isCalendarDate(value) ? value : null;
  const dayFirst = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  if (!dayFirst) return null;
  const [, d, m, y] = dayFirst as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

const HOUR_MS = 3_600_000;

/**
 * The first instant of a Danish calendar day. Since 1894 Danish midnight is 22:00 UTC (summer
 * time, +2) or 23:00 UTC (winter time, +1) the evening before; on both switch days midnight
 * itself is outside the switch (at 02:00 and 03:00), so one of the two is that day's first instant.
 */
export function danishDayStart(day: CalendarDate): Date {
  const utcMidnight = new Date(`${day}T00:00:00.000Z`).getTime();
  const summer = new Date(utcMidnight - 2 * HOUR_MS);
  return danishCalendarDate(summer) === day ? summer : new Date(utcMidnight - HOUR_MS);
}

/**
 * When contact details kept for `retentionDays` after a closing on the Danish day `closedOn` are
 * erased: the first instant of the Danish day `retentionDays` later. One rule for every contact
 * detail (outreach cases and referrals, intake registrations in SQL, hate-crime hand-overs):
 * counting 24-hour steps from the closing instant would erase an hour early or late across a
 * daylight-saving change, and at another time of day for each person.
 */
export function contactEraseAfter(closedOn: CalendarDate, retentionDays: number): Date {
  return danishDayStart(addDays(closedOn, retentionDays));
}
