import { addDays, type CalendarDate, daysBetween } from './calendar-date.ts';

/** The organisation's call rules (Organization columns of the same names). */
export interface CallRules {
  /** Days after the incident before a person may be called (DOMAIN 2.1: people in shock should not be called at once). */
  callDelayDays: number;
  /** Days after the first callable day during which the person stays callable. */
  callWindowDays: number;
  /** Attempts without reaching the person before the case closes as unreached. */
  maxCallAttempts: number;
}

export const DEFAULT_CALL_RULES: CallRules = { callDelayDays: 2, callWindowDays: 30, maxCallAttempts: 3 };

export interface CallWindow {
  callableFrom: CalendarDate;
  /** Last day the person may be called (inclusive). */
  callableUntil: CalendarDate;
}

export function callWindowFor(
  occurredOn: CalendarDate,
  rules: Pick<CallRules, 'callDelayDays' | 'callWindowDays'>,
): CallWindow {
  const callableFrom = addDays(occurredOn, rules.callDelayDays);
  return { callableFrom, callableUntil: addDays(callableFrom, rules.callWindowDays) };
}

export type CallWindowState = 'TOO_EARLY' | 'CALLABLE' | 'WINDOW_CLOSED';

export function callWindowState(window: CallWindow, today: CalendarDate): CallWindowState {
  if (daysBetween(window.callableFrom, today) < 0) return 'TOO_EARLY';
  if (daysBetween(today, window.callableUntil) < 0) return 'WINDOW_CLOSED';
  return 'CALLABLE';
}

/** Bounds the lead may set; outside them the rules stop making sense (or break the queue). */
export const CALL_RULE_LIMITS = {
  callDelayDays: { min: 0, max: 30 },
  callWindowDays: { min: 1, max: 365 },
  maxCallAttempts: { min: 1, max: 10 },
  claimMinutes: { min: 1, max: 240 },
  contactRetentionDays: { min: 0, max: 3650 },
} as const;
