import type {
  CallOutcomeCode,
  DeclineReasonCode,
  IncidentTypeCode,
  LostReasonCode,
  SurveyStatusCode,
} from '../taxonomies.ts';
import type { FieldError } from '../validation.ts';
import { contactEraseAfter, danishCalendarDate } from './calendar-date.ts';
import { outreachFieldError } from './outreach-errors.ts';

/** What the worker records after a call (DOMAIN 2.1, step 2 and 4). */
export interface CallOutcomeInput {
  outcome: CallOutcomeCode;
  declineReason?: DeclineReasonCode | null;
  declineReasonText?: string | null;
  surveyStatus?: SurveyStatusCode | null;
  /** The person explicitly agreed that their details go to a counsellor. */
  referralConsent?: boolean | null;
}

export type CaseStatusAfterCall = 'OPEN' | 'UNREACHED' | 'REFERRED' | 'DECLINED' | 'WILL_CALL_SELF';

export interface CallEffect {
  status: CaseStatusAfterCall;
  outcome: CallOutcomeCode;
  attemptCount: number;
  declineReason: DeclineReasonCode | null;
  declineReasonText: string | null;
  surveyStatus: SurveyStatusCode | null;
  reached: boolean;
  closed: boolean;
  /** Earliest time of the next attempt, when the case stays open. */
  nextAttemptAfter: Date | null;
  /** A referral to the counsellors' pool is created, with consent recorded now. */
  createReferral: boolean;
}

export const REACHED_OUTCOMES: readonly CallOutcomeCode[] = ['WANTS_CALL', 'DECLINED', 'WILL_CALL_SELF'];

/**
 * When to try again. After "not safe to talk" the next call waits a day, so it comes at
 * another time of day and not while the person who answered is still there; a plain
 * "no answer" may be retried the same day.
 */
export const NEXT_ATTEMPT_HOURS: Record<'NOT_REACHED' | 'NOT_SAFE_TO_TALK', number> = {
  NOT_REACHED: 2,
  NOT_SAFE_TO_TALK: 24,
};

export const MAX_DECLINE_TEXT_LENGTH = 200;

/**
 * Checks an outcome and works out what it does to the case. "Not safe to talk" must
 * carry nothing that could name the purpose of the call: no reason, no text, no survey
 * answer, no consent — the gateway stores only the code and the time.
 */
export function planCallOutcome(
  input: CallOutcomeInput,
  state: { attemptCount: number; maxCallAttempts: number; now: Date },
): { ok: true; effect: CallEffect } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const reached = REACHED_OUTCOMES.includes(input.outcome);
  const text = input.declineReasonText?.trim() ? input.declineReasonText.trim() : null;
  const hasReason = input.declineReason != null || text !== null;

  if (input.outcome === 'NOT_SAFE_TO_TALK') {
    if (hasReason) errors.push(outreachFieldError('declineReason', 'NOT_SAFE_NO_DETAILS'));
    if (input.surveyStatus != null) errors.push(outreachFieldError('surveyStatus', 'NOT_SAFE_NO_DETAILS'));
    if (input.referralConsent != null)
      errors.push(outreachFieldError('referralConsent', 'NOT_SAFE_NO_DETAILS'));
  } else if (!reached) {
    if (hasReason) errors.push(outreachFieldError('declineReason', 'REASON_NOT_ALLOWED'));
    if (input.surveyStatus != null) errors.push(outreachFieldError('surveyStatus', 'SURVEY_NOT_ALLOWED'));
    if (input.referralConsent != null)
      errors.push(outreachFieldError('referralConsent', 'CONSENT_NOT_ALLOWED'));
  } else {
    if (input.surveyStatus == null) errors.push(outreachFieldError('surveyStatus', 'SURVEY_REQUIRED'));
    if (input.outcome === 'DECLINED') {
      if (input.declineReason == null) errors.push(outreachFieldError('declineReason', 'REASON_REQUIRED'));
      else if (input.declineReason === 'OTHER' && text === null)
        errors.push(outreachFieldError('declineReasonText', 'REASON_TEXT_REQUIRED'));
      else if (input.declineReason !== 'OTHER' && text !== null)
        errors.push(outreachFieldError('declineReasonText', 'REASON_NOT_ALLOWED'));
      if (text !== null && text.length > MAX_DECLINE_TEXT_LENGTH)
        errors.push(outreachFieldError('declineReasonText', 'TOO_LONG'));
    } else if (hasReason) errors.push(outreachFieldError('declineReason', 'REASON_NOT_ALLOWED'));
    if (input.outcome === 'WANTS_CALL') {
      if (input.referralConsent !== true)
        errors.push(outreachFieldError('referralConsent', 'CONSENT_REQUIRED'));
    } else if (input.referralConsent != null)
      errors.push(outreachFieldError('referralConsent', 'CONSENT_NOT_ALLOWED'));
  }
  if (errors.length > 0) return { ok: false, errors };

  const attemptCount = state.attemptCount + 1;
  if (!reached) {
    const exhausted = attemptCount >= state.maxCallAttempts;
    const hours = NEXT_ATTEMPT_HOURS[input.outcome as 'NOT_REACHED' | 'NOT_SAFE_TO_TALK'];
    return {
      ok: true,
      effect: {
        status: exhausted ? 'UNREACHED' : 'OPEN',
        outcome: input.outcome,
        attemptCount,
        declineReason: null,
        declineReasonText: null,
        surveyStatus: null,
        reached: false,
        closed: exhausted,
        nextAttemptAfter: exhausted ? null : new Date(state.now.getTime() + hours * 3_600_000),
        createReferral: false,
      },
    };
  }
  const status: CaseStatusAfterCall =
    input.outcome === 'WANTS_CALL'
      ? 'REFERRED'
      : input.outcome === 'DECLINED'
        ? 'DECLINED'
        : 'WILL_CALL_SELF';
  return {
    ok: true,
    effect: {
      status,
      outcome: input.outcome,
      attemptCount,
      declineReason: input.outcome === 'DECLINED' ? (input.declineReason ?? null) : null,
      declineReasonText: input.outcome === 'DECLINED' && input.declineReason === 'OTHER' ? text : null,
      surveyStatus: input.surveyStatus ?? null,
      reached: true,
      closed: true,
      nextAttemptAfter: null,
      createReferral: input.outcome === 'WANTS_CALL',
    },
  };
}

/**
 * Incident types where the police list cannot rule out intimate-partner violence or
 * where the offence is sexual. For these the call screen reminds the worker never to
 * leave a message that names the purpose of the call: the phone may be shared with,
 * or checked by, the person who used violence.
 */
export const NO_MESSAGE_REMINDER_TYPES: readonly IncidentTypeCode[] = [
  'VIOLENCE',
  'THREATS',
  'STALKING',
  'SEXUAL_OFFENCE',
  'INDECENT_EXPOSURE',
];

export function needsNoMessageReminder(type: IncidentTypeCode): boolean {
  return NO_MESSAGE_REMINDER_TYPES.includes(type);
}

export type ReferralResultCode = 'CONVERSATION_HELD' | 'REGISTERED_OTHER' | 'LOST';

/** The counsellor's result for a referral (DOMAIN 3: held / registered as other / lost with a reason). */
export function checkReferralResult(input: {
  result: ReferralResultCode;
  lostReason?: LostReasonCode | null;
}): FieldError[] {
  if (input.result === 'LOST' && input.lostReason == null)
    return [outreachFieldError('lostReason', 'LOST_REASON_REQUIRED')];
  if (input.result !== 'LOST' && input.lostReason != null)
    return [outreachFieldError('lostReason', 'LOST_REASON_NOT_ALLOWED')];
  return [];
}

/**
 * When the contact details of a case or referral closed at `closedAt` are erased: the start of
 * the Danish day `contactRetentionDays` after the Danish day it closed (contactEraseAfter).
 */
export function eraseAfterFor(closedAt: Date, contactRetentionDays: number): Date {
  return contactEraseAfter(danishCalendarDate(closedAt), contactRetentionDays);
}
