import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { entryOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { hateCrimeFieldError } from './hate-crime-errors.ts';
import {
  LEGAL_TASK_OUTCOMES,
  LEGAL_TASK_STATUSES,
  type LegalTaskKindCode,
  type LegalTaskOutcomeCode,
  type LegalTaskStatusCode,
} from './hate-crime-taxonomies.ts';

/** A legal/financial task as the adviser records it. Dates are Danish calendar dates. */
export type LegalTask = {
  kind: LegalTaskKindCode;
  status: LegalTaskStatusCode;
  openedOn: string;
  closedOn: string | null;
  outcome: LegalTaskOutcomeCode | null;
};

/** True when a task may go from one status to the other (a closed task stays closed). */
export function legalTaskTransitionAllowed(from: LegalTaskStatusCode, to: LegalTaskStatusCode): boolean {
  const entry = entryOf(LEGAL_TASK_STATUSES, from);
  return entry !== undefined && (entry.next as readonly string[]).includes(to);
}

/** True when the outcome can describe this kind of task (only claims are granted or refused). */
export function outcomeFitsTask(outcome: LegalTaskOutcomeCode, kind: LegalTaskKindCode): boolean {
  const entry = entryOf(LEGAL_TASK_OUTCOMES, outcome);
  return entry !== undefined && (entry.kinds as readonly string[]).includes(kind);
}

/**
 * Checks a task: closed ⇔ an outcome and a closing date; the outcome fits the kind; the
 * dates are real, in order, and not after `today` (the Danish calendar date of now).
 */
export function validateLegalTask(task: LegalTask, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCalendarDate(task.openedOn)) errors.push(fieldError('openedOn', 'INVALID_DATE'));
  else if (daysBetween(today, task.openedOn) > 0)
    errors.push(hateCrimeFieldError('openedOn', 'DATE_IN_FUTURE'));
  const closed = task.status === 'CLOSED';
  if (closed) {
    if (task.outcome === null) errors.push(hateCrimeFieldError('outcome', 'OUTCOME_REQUIRED'));
    else if (!outcomeFitsTask(task.outcome, task.kind))
      errors.push(hateCrimeFieldError('outcome', 'OUTCOME_NOT_FOR_TASK'));
    if (task.closedOn === null) errors.push(fieldError('closedOn', 'REQUIRED'));
    else if (!isCalendarDate(task.closedOn)) errors.push(fieldError('closedOn', 'INVALID_DATE'));
    else if (daysBetween(today, task.closedOn) > 0)
      errors.push(hateCrimeFieldError('closedOn', 'DATE_IN_FUTURE'));
    else if (isCalendarDate(task.openedOn) && daysBetween(task.openedOn, task.closedOn) < 0)
      errors.push(hateCrimeFieldError('closedOn', 'BEFORE_START'));
  } else {
    if (task.outcome !== null) errors.push(hateCrimeFieldError('outcome', 'OUTCOME_NOT_ALLOWED'));
    if (task.closedOn !== null) errors.push(fieldError('closedOn', 'NOT_APPLICABLE'));
  }
  return errors;
}

/**
 * Applies a status change, refusing the ones the list does not allow. Closing needs an
 * outcome that fits the task and a closing date.
 */
export function changeLegalTaskStatus(
  task: LegalTask,
  to: LegalTaskStatusCode,
  change: { on: string; outcome?: LegalTaskOutcomeCode | null; today: string },
): { ok: true; task: LegalTask } | { ok: false; errors: FieldError[] } {
  if (!legalTaskTransitionAllowed(task.status, to)) {
    return { ok: false, errors: [hateCrimeFieldError('status', 'STATUS_CHANGE_NOT_ALLOWED')] };
  }
  const next: LegalTask =
    to === 'CLOSED'
      ? { ...task, status: to, closedOn: change.on, outcome: change.outcome ?? null }
      : { ...task, status: to };
  const errors = validateLegalTask(next, change.today);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, task: next };
}

/** Closed tasks counted by outcome (the evaluation's "tasks closed by outcome"), in list order. */
export function legalTasksClosedByOutcome(
  tasks: readonly Pick<LegalTask, 'status' | 'outcome'>[],
): Array<{ outcome: LegalTaskOutcomeCode; count: number }> {
  return LEGAL_TASK_OUTCOMES.map((o) => ({
    outcome: o.code,
    count: tasks.filter((t) => t.status === 'CLOSED' && t.outcome === o.code).length,
  }));
}
