import type { Locale } from './catalogue.ts';

/**
 * How every app shows a date: dd.mm.åååå, in Danish and in English alike. One rule for both
 * languages, so a date copied from the English screen into a Danish letter (or a CSV read in either)
 * is never ambiguous: 03.04.2025 is 3 April in both, where 04/03/2025 would read differently to a
 * reader used to the American order. Date inputs stay `<input type="date">`: browsers show those in
 * the reader's own format.
 *
 * Instants (a timestamp such as `2025-03-31T22:30:00Z`) are shown as the day and time in Denmark
 * (Europe/Copenhagen), whatever the browser's own time zone: the staff and the people they help are
 * in Denmark, and a late-evening event must not show as the next or the previous day.
 */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const copenhagenParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

function partsInDenmark(instant: Date): Parts {
  const found: Partial<Parts> = {};
  for (const part of copenhagenParts.formatToParts(instant)) {
    if (
      part.type === 'year' ||
      part.type === 'month' ||
      part.type === 'day' ||
      part.type === 'hour' ||
      part.type === 'minute'
    )
      found[part.type] = part.value;
  }
  return {
    year: found.year ?? '',
    month: found.month ?? '',
    day: found.day ?? '',
    hour: found.hour ?? '',
    minute: found.minute ?? '',
  };
}

function toInstant(value: string | Date): Date | null {
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * A date for reading: `2025-03-31` → `31.03.2025`. A calendar date (`yyyy-mm-dd`, the GraphQL
 * `Date` scalar) is taken as written, with no time zone; an instant (a `DateTime` or a `Date`
 * object) becomes its day in Denmark. Text that is neither is returned unchanged rather than shown
 * as "Invalid Date".
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const calendar = CALENDAR_DATE.exec(value);
    if (calendar) return `${calendar[3]}.${calendar[2]}.${calendar[1]}`;
  }
  const instant = toInstant(value);
  if (!instant) return String(value);
  const { day, month, year } = partsInDenmark(instant);
  return `${day}.${month}.${year}`;
}

/**
 * An instant with its Danish time: `31.03.2025 kl. 14.30` in Danish (the Danish way of writing a
 * time), `31.03.2025 at 14:30` in English.
 */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const instant = toInstant(value);
  if (!instant) return String(value);
  const { day, month, year, hour, minute } = partsInDenmark(instant);
  const date = `${day}.${month}.${year}`;
  return locale === 'da' ? `${date} kl. ${hour}.${minute}` : `${date} at ${hour}:${minute}`;
}
