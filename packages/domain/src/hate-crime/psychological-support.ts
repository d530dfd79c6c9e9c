import { type FieldError, fieldError } from '../validation.ts';
import { hateCrimeFieldError } from './hate-crime-errors.ts';
import type { PsychologicalSupportFormCode } from './hate-crime-taxonomies.ts';

/**
 * Psychological support as the psychologist records it: individual sessions are counted;
 * a group place points at an enrolment in a psychologist-led course of the existing
 * course machinery (so attendance, questionnaires and waiting list come from there).
 */
export type PsychologicalSupport =
  | { form: 'INDIVIDUAL_SESSIONS'; sessionsHeld: number; groupCourseId?: null }
  | { form: 'GROUP_PLACE'; groupCourseId: string | null; sessionsHeld?: null };

/**
 * The pre-study sets no number of sessions; the cap is a plausibility limit against typing
 * errors (a weekly session for a year), not an entitlement.
 */
export const MAX_INDIVIDUAL_SESSIONS = 52;

export function validatePsychologicalSupport(support: {
  form: PsychologicalSupportFormCode;
  sessionsHeld?: number | null;
  groupCourseId?: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (support.form === 'INDIVIDUAL_SESSIONS') {
    const n = support.sessionsHeld;
    if (n === undefined || n === null) errors.push(fieldError('sessionsHeld', 'REQUIRED'));
    else if (!Number.isFinite(n)) errors.push(fieldError('sessionsHeld', 'NOT_A_NUMBER'));
    else if (!Number.isInteger(n)) errors.push(fieldError('sessionsHeld', 'NOT_AN_INTEGER'));
    else if (n < 0 || n > MAX_INDIVIDUAL_SESSIONS)
      errors.push(fieldError('sessionsHeld', 'OUT_OF_RANGE', { min: 0, max: MAX_INDIVIDUAL_SESSIONS }));
    if (support.groupCourseId != null) errors.push(fieldError('groupCourseId', 'NOT_APPLICABLE'));
  } else {
    if (!support.groupCourseId) errors.push(hateCrimeFieldError('groupCourseId', 'GROUP_COURSE_REQUIRED'));
    if (support.sessionsHeld != null)
      errors.push(hateCrimeFieldError('sessionsHeld', 'SESSIONS_NOT_FOR_GROUP'));
  }
  return errors;
}
