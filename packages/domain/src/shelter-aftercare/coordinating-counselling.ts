import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { entryOf, isCodeOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { shelterFieldError } from './shelter-errors.ts';
import {
  COUNSELLING_AREAS,
  COUNSELLING_ITEM_STATUSES,
  type CounsellingAreaCode,
  type CounsellingItemStatusCode,
} from './shelter-taxonomies.ts';

/**
 * The § 109 coordinating counselling as a checklist: one item per area, each with a status
 * and a due date no later than move-out (the law: "senest ved fraflytning"). The planned
 * move-out is used until the actual one is known.
 */
export type CounsellingItem = {
  area: CounsellingAreaCode;
  status: CounsellingItemStatusCode;
  dueOn: string;
  /** The day the area was done; only with DONE. */
  completedOn: string | null;
};

/**
 * Checks a checklist against the move-out date: exactly one item per area, real dates, a
 * due date no later than move-out, a completion date with DONE only and not in the future,
 * and the children's areas (school, day care) only "not relevant" without children.
 */
export function validateCounsellingChecklist(
  items: readonly CounsellingItem[],
  context: { moveOutOn: string; today: string; hasChildren: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = (field: string) => `items.${i}.${field}`;
    if (!isCodeOf(COUNSELLING_AREAS, item.area)) {
      errors.push(fieldError(at('area'), 'UNKNOWN_OPTION', { option: String(item.area) }));
      return;
    }
    if (seen.has(item.area)) errors.push(shelterFieldError(at('area'), 'DUPLICATE_AREA'));
    seen.add(item.area);
    if (!isCodeOf(COUNSELLING_ITEM_STATUSES, item.status))
      errors.push(fieldError(at('status'), 'UNKNOWN_OPTION', { option: String(item.status) }));
    if (!isCalendarDate(item.dueOn)) errors.push(fieldError(at('dueOn'), 'INVALID_DATE'));
    else if (isCalendarDate(context.moveOutOn) && daysBetween(item.dueOn, context.moveOutOn) < 0)
      errors.push(shelterFieldError(at('dueOn'), 'DUE_AFTER_MOVE_OUT'));
    if (item.status === 'DONE') {
      if (item.completedOn === null)
        errors.push(shelterFieldError(at('completedOn'), 'COMPLETED_DATE_REQUIRED'));
      else if (!isCalendarDate(item.completedOn)) errors.push(fieldError(at('completedOn'), 'INVALID_DATE'));
      else if (daysBetween(context.today, item.completedOn) > 0)
        errors.push(shelterFieldError(at('completedOn'), 'DATE_IN_FUTURE'));
    } else if (item.completedOn !== null) {
      errors.push(shelterFieldError(at('completedOn'), 'COMPLETED_DATE_NOT_ALLOWED'));
    }
    const area = entryOf(COUNSELLING_AREAS, item.area);
    if (area?.childrenOnly && !context.hasChildren && item.status !== 'NOT_RELEVANT')
      errors.push(shelterFieldError(at('status'), 'CHILDREN_ONLY'));
  });
  for (const area of COUNSELLING_AREAS) {
    if (!seen.has(area.code)) errors.push(shelterFieldError(`items.${area.code}`, 'MISSING_AREA'));
  }
  return errors;
}

/** A fresh checklist: every area not started, due on the (planned) move-out day. */
export function newCounsellingChecklist(moveOutOn: string, hasChildren: boolean): CounsellingItem[] {
  return COUNSELLING_AREAS.map((area) => ({
    area: area.code,
    status: area.childrenOnly && !hasChildren ? 'NOT_RELEVANT' : 'NOT_STARTED',
    dueOn: moveOutOn,
    completedOn: null,
  }));
}

/**
 * True when every area was covered before move-out: each area has an item that is "not
 * relevant", or done on or before the move-out day. The evaluation's "share of move-outs
 * with every § 109 area covered" counts the move-outs where this holds.
 */
export function allAreasCoveredBeforeMoveOut(items: readonly CounsellingItem[], movedOutOn: string): boolean {
  return COUNSELLING_AREAS.every((area) =>
    items.some(
      (item) =>
        item.area === area.code &&
        (item.status === 'NOT_RELEVANT' ||
          (item.status === 'DONE' &&
            item.completedOn !== null &&
            isCalendarDate(item.completedOn) &&
            daysBetween(item.completedOn, movedOutOn) >= 0)),
    ),
  );
}

/** The areas still open (for the staff's to-do list), in checklist order. */
export function openCounsellingAreas(items: readonly CounsellingItem[]): CounsellingAreaCode[] {
  return COUNSELLING_AREAS.filter((area) => {
    const item = items.find((i) => i.area === area.code);
    return !item || !entryOf(COUNSELLING_ITEM_STATUSES, item.status)?.covers;
  }).map((area) => area.code);
}
