// Course scheduling rules of the municipal group-course model (DOMAIN 2.2, VIVE's group-course evaluation):
// ten sessions, at least every 14 days, 6-8 participants, two leaders.
// A long gap or a group outside 6-8 is allowed but warned about: the seed reports
// that real courses sometimes had to run that way, so it is the lead's call.

import type { Label } from '../labels.ts';
import type { FieldError } from '../validation.ts';
import { isoDateToDayNumber } from './calendar-date.ts';

export const SESSIONS_PER_COURSE = 10;
export const MAX_DAYS_BETWEEN_SESSIONS = 14;
export const GROUP_SIZE_MIN = 6;
export const GROUP_SIZE_MAX = 8;
export const LEADERS_PER_COURSE = 2;

export type SessionGapWarning = {
  code: 'SESSION_GAP_TOO_LONG';
  /** Session numbers (1-based) on either side of the gap. */
  fromSession: number;
  toSession: number;
  days: number;
  message: Label;
};

export type GroupSizeWarning = {
  code: 'GROUP_TOO_SMALL' | 'GROUP_TOO_LARGE';
  participants: number;
  message: Label;
};

export type CourseWarning = SessionGapWarning | GroupSizeWarning;

/**
 * Hard rules for a course's session dates: exactly ten valid dates, each after the one before.
 * Field names follow the input (`sessionDates`, `sessionDates.3` for the fourth date).
 */
export function validateSessionDates(dates: readonly unknown[], field = 'sessionDates'): FieldError[] {
  const errors: FieldError[] = [];
  if (dates.length !== SESSIONS_PER_COURSE) {
    errors.push({
      field,
      code: 'WRONG_COUNT',
      message: {
        da: `Et forløb har ${SESSIONS_PER_COURSE} gange; der er angivet ${dates.length} datoer.`,
        en: `A course has ${SESSIONS_PER_COURSE} sessions; ${dates.length} dates were given.`,
      },
    });
  }
  let previous: number | null = null;
  dates.forEach((value, index) => {
    const day = typeof value === 'string' ? isoDateToDayNumber(value) : null;
    if (day === null) {
      errors.push({
        field: `${field}.${index}`,
        code: 'INVALID_DATE',
        message: {
          da: `Dato for gang ${index + 1} er ikke en gyldig dato (ÅÅÅÅ-MM-DD).`,
          en: `The date of session ${index + 1} is not a valid date (YYYY-MM-DD).`,
        },
      });
      return;
    }
    if (previous !== null && day <= previous) {
      errors.push({
        field: `${field}.${index}`,
        code: 'NOT_AFTER_PREVIOUS',
        message: {
          da: `Gang ${index + 1} skal ligge efter gang ${index}.`,
          en: `Session ${index + 1} must come after session ${index}.`,
        },
      });
    }
    previous = day;
  });
  return errors;
}

/** One warning per pair of consecutive sessions more than 14 days apart. Invalid dates are skipped. */
export function sessionGapWarnings(dates: readonly string[]): SessionGapWarning[] {
  const warnings: SessionGapWarning[] = [];
  for (let i = 1; i < dates.length; i++) {
    const before = isoDateToDayNumber(dates[i - 1] ?? '');
    const after = isoDateToDayNumber(dates[i] ?? '');
    if (before === null || after === null) continue;
    const days = after - before;
    if (days > MAX_DAYS_BETWEEN_SESSIONS) {
      warnings.push({
        code: 'SESSION_GAP_TOO_LONG',
        fromSession: i,
        toSession: i + 1,
        days,
        message: {
          da: `Der er ${days} dage mellem gang ${i} og gang ${i + 1}; modellen anbefaler højst ${MAX_DAYS_BETWEEN_SESSIONS}.`,
          en: `There are ${days} days between session ${i} and session ${i + 1}; the model recommends at most ${MAX_DAYS_BETWEEN_SESSIONS}.`,
        },
      });
    }
  }
  return warnings;
}

/** A warning when the group is outside 6-8 participants, otherwise null. */
export function groupSizeWarning(participants: number): GroupSizeWarning | null {
  if (participants < GROUP_SIZE_MIN) {
    return {
      code: 'GROUP_TOO_SMALL',
      participants,
      message: {
        da: `Holdet har ${participants} deltagere; modellen anbefaler ${GROUP_SIZE_MIN}-${GROUP_SIZE_MAX}.`,
        en: `The group has ${participants} participants; the model recommends ${GROUP_SIZE_MIN}-${GROUP_SIZE_MAX}.`,
      },
    };
  }
  if (participants > GROUP_SIZE_MAX) {
    return {
      code: 'GROUP_TOO_LARGE',
      participants,
      message: {
        da: `Holdet har ${participants} deltagere; modellen anbefaler ${GROUP_SIZE_MIN}-${GROUP_SIZE_MAX}.`,
        en: `The group has ${participants} participants; the model recommends ${GROUP_SIZE_MIN}-${GROUP_SIZE_MAX}.`,
      },
    };
  }
  return null;
}

export function courseWarnings(course: {
  sessionDates: readonly string[];
  participants: number;
}): CourseWarning[] {
  const warnings: CourseWarning[] = sessionGapWarnings(course.sessionDates);
  const size = groupSizeWarning(course.participants);
  if (size) warnings.push(size);
  return warnings;
}

/** Weekly dates from the first session, the usual cadence; the lead edits them freely. */
export function proposeSessionDates(
  firstSession: string,
  intervalDays = 7,
  count = SESSIONS_PER_COURSE,
): string[] {
  const start = isoDateToDayNumber(firstSession);
  if (start === null) throw new RangeError(`Not an ISO date: ${firstSession}`);
  return Array.from({ length: count }, (_, i) =>
    new Date((start + i * intervalDays) * 86_400_000).toISOString().slice(0, 10),
  );
}
