import { describe, expect, it } from 'vitest';
import { decideHateCrimeOffer } from './needs-assessment.ts';
import {
  changeReferralStatus,
  type HateCrimeReferralDraft,
  type HateCrimeReferralState,
  minimiseReferralPayload,
  referralFieldsFor,
  senderViewOfReferral,
  uptakeByTrack,
  validateHateCrimeReferral,
  validateReferralPayload,
} from './referral.ts';

const TODAY = '2026-03-10';
const bothTracks = decideHateCrimeOffer({
  INDIVIDUAL_PSYCHOLOGIST: 'CERTAINLY',
  LEGAL_FINANCIAL: 'MAYBE',
  GROUP: 'NO',
});
/** Everything the sender holds about the case, more than any track may receive. */
const caseData = {
  alias: 'Sam',
  phone: '+4520304050',
  fullName: 'Sam Jensen',
  address: 'Nørrebrogade 1',
  incidentDescription: 'Overfaldet ved stationen',
  hateMotive: 'SEXUAL_ORIENTATION',
  incidentDate: '2026-02-20',
  policeReportFiled: true,
  legalTaskKinds: ['COMPENSATION_CLAIM'],
  psychologicalForms: ['INDIVIDUAL_SESSIONS'],
  outreachNote: 'Ringede to gange',
  ageGroup: 'AGE_30_39',
};

describe('what each track receives', () => {
  it('is an explicit allow-list per track', () => {
    expect(referralFieldsFor('PSYCHOLOGICAL')).toEqual([
      'alias',
      'phone',
      'contactTimes',
      'preferredLanguage',
      'interpreterNeeded',
      'needFirmness',
      'psychologicalForms',
      'ageGroup',
      'hateMotive',
    ]);
    expect(referralFieldsFor('LEGAL_FINANCIAL')).not.toContain('hateMotive');
    expect(referralFieldsFor('LEGAL_FINANCIAL', ['REPORT_AND_CRIMINAL_CASE'])).toContain('hateMotive');
  });

  it('minimising drops every other field, the motive too for a compensation claim', () => {
    expect(minimiseReferralPayload('LEGAL_FINANCIAL', caseData)).toEqual({
      alias: 'Sam',
      phone: '+4520304050',
      incidentDate: '2026-02-20',
      policeReportFiled: true,
      legalTaskKinds: ['COMPENSATION_CLAIM'],
    });
    expect(minimiseReferralPayload('PSYCHOLOGICAL', caseData)).toEqual({
      alias: 'Sam',
      phone: '+4520304050',
      psychologicalForms: ['INDIVIDUAL_SESSIONS'],
      ageGroup: 'AGE_30_39',
      hateMotive: 'SEXUAL_ORIENTATION',
    });
    const withCase = { ...caseData, legalTaskKinds: ['REPORT_AND_CRIMINAL_CASE'] };
    expect(minimiseReferralPayload('LEGAL_FINANCIAL', withCase).hateMotive).toBe('SEXUAL_ORIENTATION');
  });

  it('a payload with anything more is refused, naming each field', () => {
    const errors = validateReferralPayload('LEGAL_FINANCIAL', {
      alias: 'Sam',
      phone: '+4520304050',
      fullName: 'Sam Jensen',
      hateMotive: 'RELIGION',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['payload.fullName', 'FIELD_NOT_FOR_TRACK'],
      ['payload.hateMotive', 'MOTIVE_NOT_FOR_TRACK'],
    ]);
    expect(errors[1]?.message.da).toContain('følsomme');
    expect(validateReferralPayload('PSYCHOLOGICAL', {}).map((e) => e.field)).toEqual([
      'payload.alias',
      'payload.phone',
    ]);
  });
});

describe('a referral', () => {
  const draft: HateCrimeReferralDraft = {
    track: 'PSYCHOLOGICAL',
    senderOrganizationId: 'offerraadgivningen',
    receiverOrganizationId: 'center-for-mental-sundhed',
    sentOn: '2026-03-05',
    consent: { given: true, givenOn: '2026-03-05', track: 'PSYCHOLOGICAL' },
    payload: minimiseReferralPayload('PSYCHOLOGICAL', caseData),
  };
  const context = { offer: bothTracks, today: TODAY };

  it('with consent to its track, to another organisation, passes', () => {
    expect(validateHateCrimeReferral(draft, context)).toEqual([]);
  });

  it('needs explicit consent to that track, given no later than it is sent', () => {
    const codes = (d: Partial<HateCrimeReferralDraft>) =>
      validateHateCrimeReferral({ ...draft, ...d }, context).map((e) => e.code);
    expect(codes({ consent: null })).toEqual(['CONSENT_REQUIRED']);
    expect(codes({ consent: { given: false, givenOn: '2026-03-05', track: 'PSYCHOLOGICAL' } })).toEqual([
      'CONSENT_REQUIRED',
    ]);
    expect(codes({ consent: { given: true, givenOn: '2026-03-05', track: 'LEGAL_FINANCIAL' } })).toEqual([
      'CONSENT_OTHER_TRACK',
    ]);
    expect(codes({ consent: { given: true, givenOn: '2026-03-06', track: 'PSYCHOLOGICAL' } })).toEqual([
      'CONSENT_AFTER_REFERRAL',
    ]);
    expect(codes({ receiverOrganizationId: 'offerraadgivningen' })).toEqual(['RECEIVER_IS_SENDER']);
    expect(
      codes({
        sentOn: '2026-03-11',
        consent: { given: true, givenOn: '2026-03-05', track: 'PSYCHOLOGICAL' },
      }),
    ).toEqual(['DATE_IN_FUTURE']);
  });

  it('only to a track the assessment offered', () => {
    const legalOnly = decideHateCrimeOffer({
      INDIVIDUAL_PSYCHOLOGIST: 'NO',
      LEGAL_FINANCIAL: 'CERTAINLY',
      GROUP: 'NO',
    });
    const errors = validateHateCrimeReferral(draft, { offer: legalOnly, today: TODAY });
    expect(errors.map((e) => [e.field, e.code])).toEqual([['track', 'TRACK_NOT_OFFERED']]);
  });
});

describe('status, the only thing the sender sees', () => {
  const sent: HateCrimeReferralState = {
    id: 'r1',
    track: 'LEGAL_FINANCIAL',
    status: 'SENT',
    sentOn: '2026-03-01',
    statusChangedOn: '2026-03-01',
    startedOn: null,
  };

  it('moves along the allowed path and records when support started', () => {
    const accepted = changeReferralStatus(sent, 'ACCEPTED', '2026-03-02', TODAY);
    if (!accepted.ok) throw new Error('accept refused');
    const started = changeReferralStatus(accepted.referral, 'STARTED', '2026-03-04', TODAY);
    if (!started.ok) throw new Error('start refused');
    expect(started.referral.startedOn).toBe('2026-03-04');
    const withdrawn = changeReferralStatus(started.referral, 'WITHDRAWN', '2026-03-06', TODAY);
    if (!withdrawn.ok) throw new Error('withdraw refused');
    expect(withdrawn.referral.startedOn).toBe('2026-03-04');
    const again = changeReferralStatus(withdrawn.referral, 'STARTED', '2026-03-07', TODAY);
    expect(again.ok).toBe(false);
  });

  it('refuses skipped steps, dates running backwards and future dates', () => {
    const skip = changeReferralStatus(sent, 'COMPLETED', '2026-03-02', TODAY);
    expect(skip.ok ? null : skip.errors[0]?.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
    const back = changeReferralStatus(sent, 'ACCEPTED', '2026-02-28', TODAY);
    expect(back.ok ? null : back.errors[0]?.code).toBe('BEFORE_START');
    const future = changeReferralStatus(sent, 'ACCEPTED', '2026-03-11', TODAY);
    expect(future.ok ? null : future.errors[0]?.code).toBe('DATE_IN_FUTURE');
  });

  it("the sender's view holds the status and nothing of the content", () => {
    const stored = { ...sent, payload: { alias: 'Sam', hateMotive: 'RELIGION' }, notes: 'x' };
    const view = senderViewOfReferral(stored);
    expect(Object.keys(view).sort()).toEqual(['id', 'sentOn', 'status', 'statusChangedOn', 'track']);
    expect(JSON.stringify(view)).not.toContain('Sam');
  });

  it('uptake per track counts started referrals, with waiting days', () => {
    const referrals: HateCrimeReferralState[] = [
      { ...sent, id: 'a', status: 'STARTED', startedOn: '2026-03-08', statusChangedOn: '2026-03-08' },
      { ...sent, id: 'b', status: 'NO_CONTACT', statusChangedOn: '2026-03-09' },
      { ...sent, id: 'c', track: 'PSYCHOLOGICAL', status: 'WITHDRAWN', startedOn: '2026-03-03' },
    ];
    const [legal, psych] = uptakeByTrack(referrals);
    expect(legal?.uptake).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(legal?.waitingDays).toEqual([7]);
    expect(psych?.uptake).toMatchObject({ numerator: 1, denominator: 1 });
    expect(psych?.waitingDays).toEqual([2]);
  });
});
