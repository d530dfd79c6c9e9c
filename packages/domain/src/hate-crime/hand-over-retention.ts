// How long the receiving organisation keeps a closed referral's handed-over contact text (alias,
// phone, contact times, language, police case number), in Danish calendar days: the text is
// erased at the first instant of the Danish day `retentionDays` after the day the referral
// closed (contactEraseAfter, the one rule for every contact detail's retention). Counting the days as
// 24-hour steps from the closing instant would erase an hour early or late across a daylight-
// saving change and at a different time of day for each referral.
import { type CalendarDate, contactEraseAfter } from '../outreach/calendar-date.ts';

/** When a referral closed on the Danish day `closedOn` has its handed-over contact text erased. */
export function handOverEraseAfter(closedOn: CalendarDate, retentionDays: number): Date {
  return contactEraseAfter(closedOn, retentionDays);
}
