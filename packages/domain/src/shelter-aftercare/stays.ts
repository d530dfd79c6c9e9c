import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { shelterFieldError } from './shelter-errors.ts';

/**
 * A stay at a shelter: one pseudonymous woman (personId), one shelter (an organisation),
 * admission and move-out as Danish calendar dates ('YYYY-MM-DD'; the move-out is null while
 * she lives there). Her children are persons of their own, linked to her and the stay.
 */
export type ShelterStay = {
  id: string;
  personId: string;
  shelterOrganizationId: string;
  admittedOn: string;
  movedOutOn: string | null;
};

export type StayChild = { childPersonId: string; motherPersonId: string; stayId: string };

/**
 * A move from one shelter to another is not a new stay: an admission on the day of a
 * move-out or the day after continues the same stay (our rule; the paper does not define
 * it). Without it a transfer would count as a repeat stay.
 */
export const TRANSFER_MAX_GAP_DAYS = 1;

/**
 * Adds calendar months to a date, keeping the day of the month where it exists and using
 * the month's last day where it does not (2024-02-29 + 12 months = 2025-02-28).
 */
export function addCalendarMonths(date: string, months: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  if (!Number.isInteger(months)) throw new RangeError('months must be a whole number');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * Checks a stay against `today` (the Danish calendar date of now) and the person's other
 * stays: real dates, move-out not before admission, nothing in the future, no overlap
 * (a same-day move-out and admission elsewhere is a transfer, not an overlap).
 */
export function validateStay(
  stay: ShelterStay,
  today: string,
  otherStaysOfPerson: readonly ShelterStay[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!stay.personId) errors.push(fieldError('personId', 'REQUIRED'));
  if (!stay.shelterOrganizationId) errors.push(fieldError('shelterOrganizationId', 'REQUIRED'));
  const admittedOk = isCalendarDate(stay.admittedOn);
  if (!admittedOk) errors.push(fieldError('admittedOn', 'INVALID_DATE'));
  else if (daysBetween(today, stay.admittedOn) > 0)
    errors.push(shelterFieldError('admittedOn', 'DATE_IN_FUTURE'));
  if (stay.movedOutOn !== null) {
    if (!isCalendarDate(stay.movedOutOn)) errors.push(fieldError('movedOutOn', 'INVALID_DATE'));
    else if (daysBetween(today, stay.movedOutOn) > 0)
      errors.push(shelterFieldError('movedOutOn', 'DATE_IN_FUTURE'));
    else if (admittedOk && daysBetween(stay.admittedOn, stay.movedOutOn) < 0)
      errors.push(shelterFieldError('movedOutOn', 'MOVE_OUT_BEFORE_ADMISSION'));
  }
  if (errors.length === 0 && otherStaysOfPerson.some((o) => o.id !== stay.id && staysOverlap(stay, o)))
    errors.push(shelterFieldError('admittedOn', 'OVERLAPPING_STAY'));
  return errors;
}

/** True when two stays share a night (an open stay runs on for ever). */
export function staysOverlap(a: ShelterStay, b: ShelterStay): boolean {
  const endsBefore = (x: ShelterStay, y: ShelterStay) =>
    x.movedOutOn !== null && daysBetween(x.movedOutOn, y.admittedOn) >= 0;
  return !endsBefore(a, b) && !endsBefore(b, a);
}

/** Children on a stay must be linked to the woman of that stay. */
export function validateStayChildren(stay: ShelterStay, children: readonly StayChild[]): FieldError[] {
  return children.flatMap((child, i) =>
    child.stayId === stay.id && child.motherPersonId === stay.personId
      ? []
      : [shelterFieldError(`children.${i}`, 'CHILD_NOT_LINKED')],
  );
}

/** One continuous time in the shelter system: a stay, or stays joined by transfers. */
export type StayEpisode = {
  personId: string;
  admittedOn: string;
  movedOutOn: string | null;
  stayIds: string[];
};

/**
 * Joins each person's stays into episodes (transfers joined), sorted by person and date.
 * Throws on an invalid date: stored stays were validated, so that is a programming error.
 */
export function stayEpisodes<S extends ShelterStay>(
  stays: readonly S[],
): Array<StayEpisode & { stays: S[] }> {
  for (const s of stays) {
    if (!isCalendarDate(s.admittedOn) || (s.movedOutOn !== null && !isCalendarDate(s.movedOutOn)))
      throw new RangeError(`Stay ${s.id} has an invalid date`);
  }
  const sorted = [...stays].sort((a, b) =>
    a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : daysBetween(b.admittedOn, a.admittedOn),
  );
  const episodes: Array<StayEpisode & { stays: S[] }> = [];
  for (const stay of sorted) {
    const last = episodes[episodes.length - 1];
    const continues =
      last !== undefined &&
      last.personId === stay.personId &&
      (last.movedOutOn === null || daysBetween(last.movedOutOn, stay.admittedOn) <= TRANSFER_MAX_GAP_DAYS);
    if (last && continues) {
      last.stayIds.push(stay.id);
      last.stays.push(stay);
      if (last.movedOutOn !== null)
        last.movedOutOn =
          stay.movedOutOn === null || daysBetween(last.movedOutOn, stay.movedOutOn) > 0
            ? stay.movedOutOn
            : last.movedOutOn;
    } else {
      episodes.push({
        personId: stay.personId,
        admittedOn: stay.admittedOn,
        movedOutOn: stay.movedOutOn,
        stayIds: [stay.id],
        stays: [stay],
      });
    }
  }
  return episodes;
}
