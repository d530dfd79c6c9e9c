// After the course (DOMAIN 2.2): the final follow-up talk agreed at the last
// session (booked, held, cancelled; many cancel and come back later) and
// where the leaders helped the participant on to, from the end form's list.

import { HELPED_ON_TO } from '../taxonomies.ts';
import { type FieldError, fieldError, isIsoDate } from '../validation.ts';

export const HELPED_ON_TO_OTHER_MAX = 200;

export type FollowUpInput = {
  on: string;
  helpedOnTo?: readonly string[] | null;
  helpedOnToOther?: string | null;
};

export type CheckedFollowUp = { on: string; helpedOnTo: string[]; helpedOnToOther: string | null };

export function checkFollowUp(
  input: FollowUpInput,
): { ok: true; followUp: CheckedFollowUp } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.on)) errors.push(fieldError('on', 'INVALID_DATE'));
  const known = new Set<string>(HELPED_ON_TO.map((option) => option.code));
  const helpedOnTo: string[] = [];
  for (const code of input.helpedOnTo ?? []) {
    if (!known.has(code)) errors.push(fieldError('helpedOnTo', 'UNKNOWN_OPTION', { option: code }));
    else if (helpedOnTo.includes(code))
      errors.push(fieldError('helpedOnTo', 'DUPLICATE_OPTION', { option: code }));
    else helpedOnTo.push(code);
  }
  const other = input.helpedOnToOther?.trim() || null;
  if (helpedOnTo.includes('OTHER')) {
    if (!other) errors.push(fieldError('helpedOnToOther', 'REQUIRED'));
    else if (other.length > HELPED_ON_TO_OTHER_MAX) {
      errors.push(fieldError('helpedOnToOther', 'TOO_LONG', { maxLength: HELPED_ON_TO_OTHER_MAX }));
    }
  } else if (other) {
    errors.push(fieldError('helpedOnToOther', 'NOT_APPLICABLE'));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, followUp: { on: input.on, helpedOnTo, helpedOnToOther: other } };
}
