// Shared by the hate-crime aftercare files (DOMAIN 2.3, packages/domain/src/hate-crime):
// roles, enums, the typed refusals and the small date helpers. The rules themselves are the
// domain module's; the gateway only enforces them.
import {
  HateCrimeEntryPoint,
  HateCrimeMotive,
  HateCrimeNeedAnswer,
  HateCrimeReferralStatus,
  HateCrimeTrack,
  LegalTaskKind,
  LegalTaskOutcome,
  LegalTaskStatus,
  PsychologicalSupportForm,
  type Role,
} from '@vi/db';
import { daysBetween, type FieldError, fieldError, HATE_CRIME_ROLES, hateCrimeFieldError } from '@vi/domain';
import { builder, holdsRole } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { isoDateOf } from '../courses/iso-date.ts';

/** The sending organisation's staff: the outreach worker after the call, the counsellor. */
export const SENDER_ROLES = ['OUTREACH_WORKER', 'COUNSELLOR'] as const satisfies readonly Role[];
/** The receiving organisations' staff, each tied to the track it works (domain HATE_CRIME_ROLES). */
export const RECEIVER_ROLES = HATE_CRIME_ROLES.map((r) => r.code) as readonly Role[];
export const ADVISER_ROLES = ['LEGAL_FINANCIAL_ADVISER'] as const satisfies readonly Role[];
export const PSYCHOLOGIST_ROLES = ['PSYCHOLOGIST'] as const satisfies readonly Role[];
/** The lead's capacity and budget view. */
export const LEAD_ROLES = ['PROJECT_LEAD'] as const satisfies readonly Role[];

/** The tracks the caller works, from the roles held in the active organisation. */
export function tracksOf(context: GatewayContext): HateCrimeTrack[] {
  return HATE_CRIME_ROLES.filter((r) => holdsRole(context, r.code)).map((r) => r.track as HateCrimeTrack);
}

export const HateCrimeEntryPointEnum = builder.enumType(HateCrimeEntryPoint, { name: 'HateCrimeEntryPoint' });
export const HateCrimeTrackEnum = builder.enumType(HateCrimeTrack, { name: 'HateCrimeTrack' });
export const HateCrimeNeedAnswerEnum = builder.enumType(HateCrimeNeedAnswer, { name: 'HateCrimeNeedAnswer' });
export const HateCrimeReferralStatusEnum = builder.enumType(HateCrimeReferralStatus, {
  name: 'HateCrimeReferralStatus',
});
export const HateCrimeMotiveEnum = builder.enumType(HateCrimeMotive, { name: 'HateCrimeMotive' });
export const LegalTaskKindEnum = builder.enumType(LegalTaskKind, { name: 'LegalTaskKind' });
export const LegalTaskStatusEnum = builder.enumType(LegalTaskStatus, { name: 'LegalTaskStatus' });
export const LegalTaskOutcomeEnum = builder.enumType(LegalTaskOutcome, { name: 'LegalTaskOutcome' });
export const PsychologicalSupportFormEnum = builder.enumType(PsychologicalSupportForm, {
  name: 'PsychologicalSupportForm',
});

/** `on` must not be after today nor before `from` (both Danish calendar dates, YYYY-MM-DD). */
export function checkDay(field: string, on: string, today: string, from?: Date | null): FieldError[] {
  if (daysBetween(today, on) > 0) return [hateCrimeFieldError(field, 'DATE_IN_FUTURE')];
  if (from && daysBetween(isoDateOf(from), on) < 0) return [hateCrimeFieldError(field, 'BEFORE_START')];
  return [];
}

/** One line of free text: trimmed, empty → null, over `max` a TOO_LONG error naming the field. */
export function shortText(
  field: string,
  value: string | null | undefined,
  max: number,
  errors: FieldError[],
): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.length > max) errors.push(fieldError(field, 'TOO_LONG', { maxLength: max }));
  return text;
}
