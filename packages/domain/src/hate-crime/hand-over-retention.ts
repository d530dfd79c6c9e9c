// How long the receiving organisation keeps a closed referral's handed-over contact text (alias,
// phone, contact times, language, police case number), in Danish calendar days: the text is
// erased at the first instant of the Danish day `retentionDays` after the day the referral
// closed, as the intake's contact details are (courses/intake-retention.ts). Counting the days as
// 24-hour steps from the closing instant would erase an hour early or late across a daylight-
// saving change and at a different time of day for each referral.
import { addDays, type CalendarDate, danishCalendarDate } from '../outreach/calendar-date.ts';

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

/** When a referral closed on the Danish day `closedOn` has its handed-over contact text erased. */
export function handOverEraseAfter(closedOn: CalendarDate, retentionDays: number): Date {
  return danishDayStart(addDays(closedOn, retentionDays));
}
