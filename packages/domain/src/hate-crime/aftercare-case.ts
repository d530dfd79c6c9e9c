import { daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { HATE_CRIME_MOTIVES, type HateCrimeMotiveCode, isCodeOf } from '../taxonomies.ts';
import { type FieldError, fieldError } from '../validation.ts';
import { hateCrimeFieldError } from './hate-crime-errors.ts';
import { HATE_CRIME_ENTRY_POINTS, type HateCrimeEntryPointCode } from './hate-crime-taxonomies.ts';

/**
 * How an aftercare case starts: the entry point, the outreach case it came from when the
 * entry is the outreach call, and the motive. The motive is optional here on purpose: a
 * victim need not name it to get help, and minimisation keeps it only where it is given
 * and a track needs it (motives.ts).
 */
export type HateCrimeCaseEntry = {
  entryPoint: HateCrimeEntryPointCode;
  /** The outreach case (Offerrådgivningen's call) the victim came from; only with OUTREACH_CALL. */
  outreachCaseId: string | null;
  /** A few words on who referred, only with OTHER (no names of persons). */
  otherEntryText: string | null;
  motive: HateCrimeMotiveCode | null;
  openedOn: string;
};

export const MAX_OTHER_ENTRY_TEXT_LENGTH = 100;

export function validateHateCrimeCaseEntry(entry: HateCrimeCaseEntry, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCodeOf(HATE_CRIME_ENTRY_POINTS, entry.entryPoint)) {
    errors.push(fieldError('entryPoint', 'UNKNOWN_OPTION', { option: String(entry.entryPoint) }));
  } else if (entry.entryPoint === 'OUTREACH_CALL') {
    if (!entry.outreachCaseId) errors.push(fieldError('outreachCaseId', 'REQUIRED'));
  } else if (entry.outreachCaseId !== null) {
    errors.push(fieldError('outreachCaseId', 'NOT_APPLICABLE'));
  }
  const text = entry.otherEntryText?.trim() ?? '';
  if (entry.entryPoint === 'OTHER') {
    if (text === '') errors.push(fieldError('otherEntryText', 'REQUIRED'));
    else if (text.length > MAX_OTHER_ENTRY_TEXT_LENGTH)
      errors.push(fieldError('otherEntryText', 'TOO_LONG', { maxLength: MAX_OTHER_ENTRY_TEXT_LENGTH }));
  } else if (text !== '') errors.push(fieldError('otherEntryText', 'NOT_APPLICABLE'));
  if (entry.motive !== null && !isCodeOf(HATE_CRIME_MOTIVES, entry.motive))
    errors.push(fieldError('motive', 'UNKNOWN_OPTION', { option: String(entry.motive) }));
  if (!isCalendarDate(entry.openedOn)) errors.push(fieldError('openedOn', 'INVALID_DATE'));
  else if (daysBetween(today, entry.openedOn) > 0)
    errors.push(hateCrimeFieldError('openedOn', 'DATE_IN_FUTURE'));
  return errors;
}
