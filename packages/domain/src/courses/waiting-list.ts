// Waiting for a group course (DOMAIN 2.2; VIVE's group-course evaluation: long waits cause drop-out).
// Days are counted in whole calendar days from the day the person was put on
// the list; the flag is raised when the wait is longer than the organisation's limit.

import { toDayNumber } from './calendar-date.ts';

/** Matches Organization.waitingLimitDays' default: six weeks. */
export const DEFAULT_WAITING_LIMIT_DAYS = 42;

export type WaitingStatus = { days: number; overLimit: boolean };

export function waitingDays(since: Date | string, today: Date | string): number {
  return Math.max(0, toDayNumber(today) - toDayNumber(since));
}

export function waitingStatus(
  since: Date | string,
  today: Date | string,
  limitDays: number = DEFAULT_WAITING_LIMIT_DAYS,
): WaitingStatus {
  const days = waitingDays(since, today);
  return { days, overLimit: days > limitDays };
}
