import { entryOf, isCodeOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { shelterFieldError } from './shelter-errors.ts';
import {
  START_UP_HELP_NEEDS,
  START_UP_HELP_STATUSES,
  type StartUpHelpNeedCode,
  type StartUpHelpStatusCode,
} from './shelter-taxonomies.ts';

/** One start-up need of a woman moving out, with whether it was met and what it cost (if known). */
export type StartUpHelpNeed = {
  need: StartUpHelpNeedCode;
  status: StartUpHelpStatusCode;
  /** Kroner granted or spent; null when unknown or not met. */
  amount: number | null;
};

/** Each need once, known codes, toys only with children, a non-negative whole amount. */
export function validateStartUpHelp(needs: readonly StartUpHelpNeed[], hasChildren: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  needs.forEach((n, i) => {
    const at = (field: string) => `startUpHelp.${i}.${field}`;
    const need = entryOf(START_UP_HELP_NEEDS, n.need);
    if (!need) {
      errors.push(fieldError(at('need'), 'UNKNOWN_OPTION', { option: String(n.need) }));
      return;
    }
    if (seen.has(n.need)) errors.push(fieldError(at('need'), 'DUPLICATE_OPTION', { option: n.need }));
    seen.add(n.need);
    if (need.childrenOnly && !hasChildren) errors.push(shelterFieldError(at('need'), 'CHILDREN_ONLY'));
    if (!isCodeOf(START_UP_HELP_STATUSES, n.status))
      errors.push(fieldError(at('status'), 'UNKNOWN_OPTION', { option: String(n.status) }));
    if (n.amount !== null) {
      if (!Number.isFinite(n.amount)) errors.push(fieldError(at('amount'), 'NOT_A_NUMBER'));
      else if (!Number.isInteger(n.amount)) errors.push(fieldError(at('amount'), 'NOT_AN_INTEGER'));
      else if (n.amount < 0) errors.push(fieldError(at('amount'), 'OUT_OF_RANGE', { min: 0 }));
    }
  });
  return errors;
}

/** Needs and met needs per kind, and the known amount (for the lead's view and the cost rule). */
export function summariseStartUpHelp(needs: readonly StartUpHelpNeed[]): {
  byNeed: Array<{ need: StartUpHelpNeedCode; needed: number; met: number }>;
  amount: number;
} {
  return {
    byNeed: START_UP_HELP_NEEDS.map((kind) => {
      const rows = needs.filter((n) => n.need === kind.code);
      return {
        need: kind.code,
        needed: rows.length,
        met: rows.filter((n) => entryOf(START_UP_HELP_STATUSES, n.status)?.met).length,
      };
    }),
    amount: needs.reduce((sum, n) => sum + (n.amount ?? 0), 0),
  };
}
