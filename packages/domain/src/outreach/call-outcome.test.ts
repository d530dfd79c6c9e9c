import { describe, expect, it } from 'vitest';
import {
  checkReferralResult,
  eraseAfterFor,
  needsNoMessageReminder,
  planCallOutcome,
} from './call-outcome.ts';

const now = new Date('2026-11-23T10:00:00Z');
const fresh = { attemptCount: 0, maxCallAttempts: 3, now };

function codes(result: ReturnType<typeof planCallOutcome>) {
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
}

describe('planCallOutcome', () => {
  it('refuses a referral without explicit consent', () => {
    expect(
      codes(planCallOutcome({ outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED' }, fresh)),
    ).toEqual(['referralConsent:CONSENT_REQUIRED']);
    expect(
      codes(
        planCallOutcome(
          { outcome: 'WANTS_CALL', surveyStatus: 'NOT_OFFERED', referralConsent: false },
          fresh,
        ),
      ),
    ).toEqual(['referralConsent:CONSENT_REQUIRED']);
  });

  it('creates a referral when the person wants a call and consents', () => {
    const result = planCallOutcome(
      { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED', referralConsent: true },
      fresh,
    );
    expect(result.ok && result.effect).toMatchObject({
      status: 'REFERRED',
      createReferral: true,
      reached: true,
      closed: true,
      attemptCount: 1,
    });
  });

  it('stores nothing that names the purpose when it is not safe to talk', () => {
    expect(
      codes(
        planCallOutcome(
          { outcome: 'NOT_SAFE_TO_TALK', declineReason: 'OTHER', declineReasonText: 'partner svarede' },
          fresh,
        ),
      ),
    ).toEqual(['declineReason:NOT_SAFE_NO_DETAILS']);
    expect(
      codes(planCallOutcome({ outcome: 'NOT_SAFE_TO_TALK', surveyStatus: 'NOT_OFFERED' }, fresh)),
    ).toEqual(['surveyStatus:NOT_SAFE_NO_DETAILS']);
    const result = planCallOutcome({ outcome: 'NOT_SAFE_TO_TALK' }, fresh);
    expect(result.ok && result.effect).toEqual({
      status: 'OPEN',
      outcome: 'NOT_SAFE_TO_TALK',
      attemptCount: 1,
      declineReason: null,
      declineReasonText: null,
      surveyStatus: null,
      reached: false,
      closed: false,
      nextAttemptAfter: new Date('2026-11-24T10:00:00Z'),
      createReferral: false,
    });
  });

  it('closes the case as unreached after the configured number of attempts', () => {
    const second = planCallOutcome({ outcome: 'NOT_REACHED' }, { ...fresh, attemptCount: 1 });
    expect(second.ok && second.effect.status).toBe('OPEN');
    expect(second.ok && second.effect.nextAttemptAfter).toEqual(new Date('2026-11-23T12:00:00Z'));
    const third = planCallOutcome({ outcome: 'NOT_REACHED' }, { ...fresh, attemptCount: 2 });
    expect(third.ok && third.effect).toMatchObject({
      status: 'UNREACHED',
      closed: true,
      nextAttemptAfter: null,
    });
  });

  it('requires a decline reason, and text for "other"', () => {
    expect(codes(planCallOutcome({ outcome: 'DECLINED', surveyStatus: 'NOT_OFFERED' }, fresh))).toEqual([
      'declineReason:REASON_REQUIRED',
    ]);
    expect(
      codes(
        planCallOutcome({ outcome: 'DECLINED', declineReason: 'OTHER', surveyStatus: 'NOT_OFFERED' }, fresh),
      ),
    ).toEqual(['declineReasonText:REASON_TEXT_REQUIRED']);
    const ok = planCallOutcome(
      { outcome: 'DECLINED', declineReason: 'NO_NEED', surveyStatus: 'NOT_APPROPRIATE_LANGUAGE' },
      fresh,
    );
    expect(ok.ok && ok.effect).toMatchObject({
      status: 'DECLINED',
      declineReason: 'NO_NEED',
      surveyStatus: 'NOT_APPROPRIATE_LANGUAGE',
      createReferral: false,
    });
  });

  it('requires the survey answer when reached and refuses one when not reached', () => {
    expect(codes(planCallOutcome({ outcome: 'WILL_CALL_SELF' }, fresh))).toEqual([
      'surveyStatus:SURVEY_REQUIRED',
    ]);
    expect(codes(planCallOutcome({ outcome: 'NOT_REACHED', surveyStatus: 'NOT_OFFERED' }, fresh))).toEqual([
      'surveyStatus:SURVEY_NOT_ALLOWED',
    ]);
    expect(
      codes(
        planCallOutcome(
          { outcome: 'WILL_CALL_SELF', surveyStatus: 'NOT_OFFERED', referralConsent: true },
          fresh,
        ),
      ),
    ).toEqual(['referralConsent:CONSENT_NOT_ALLOWED']);
  });
});

describe('safety reminder and referral results', () => {
  it('reminds for sexual offences and types that may be partner violence, not for accidents', () => {
    expect(needsNoMessageReminder('SEXUAL_OFFENCE')).toBe(true);
    expect(needsNoMessageReminder('VIOLENCE')).toBe(true);
    expect(needsNoMessageReminder('ACCIDENT')).toBe(false);
    expect(needsNoMessageReminder('BURGLARY_THEFT')).toBe(false);
  });

  it('a lost referral needs a reason; other results must not have one', () => {
    expect(checkReferralResult({ result: 'LOST' }).map((e) => e.code)).toEqual(['LOST_REASON_REQUIRED']);
    expect(checkReferralResult({ result: 'LOST', lostReason: 'NO_SHOW' })).toEqual([]);
    expect(
      checkReferralResult({ result: 'CONVERSATION_HELD', lostReason: 'NO_SHOW' }).map((e) => e.code),
    ).toEqual(['LOST_REASON_NOT_ALLOWED']);
  });

  it('erases contact details at the start of the Danish day the retention period after the closing day', () => {
    // 1 January 01:00 Danish time + 90 days: 1 April, which starts at 22:00 UTC the evening before (summer time).
    expect(eraseAfterFor(new Date('2026-01-01T00:00:00Z'), 90).toISOString()).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    // Closed at 23:30 and at 00:30 Danish time: the Danish day decides, not the UTC one.
    expect(eraseAfterFor(new Date('2026-01-14T22:30:00Z'), 1).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(eraseAfterFor(new Date('2026-01-14T23:30:00Z'), 1).toISOString()).toBe('2026-01-15T23:00:00.000Z');
    // Across the autumn change (25 October has 25 hours): the next day still starts at its midnight.
    expect(eraseAfterFor(new Date('2026-10-24T22:30:00Z'), 1).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
