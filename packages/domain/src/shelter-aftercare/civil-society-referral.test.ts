import { describe, expect, it } from 'vitest';
import {
  type CivilSocietyReferral,
  civilSocietyTransitionAllowed,
  civilSocietyUptake,
  validateCivilSocietyReferral,
} from './civil-society-referral.ts';
import { CIVIL_SOCIETY_OFFERS } from './shelter-taxonomies.ts';

const TODAY = '2026-03-20';
const started: CivilSocietyReferral = {
  offer: 'QNET',
  otherOfferName: null,
  status: 'STARTED',
  offeredOn: '2026-03-01',
  consentGivenOn: '2026-03-02',
  referredOn: '2026-03-02',
  startedOn: '2026-03-10',
  outcome: null,
};
const codes = (r: Partial<CivilSocietyReferral>) =>
  validateCivilSocietyReferral({ ...started, ...r }, TODAY).map((e) => [e.field, e.code]);

describe('civil-society referral', () => {
  it('has Qnet and Fra Bolig til Hjem built in, and the organisation’s own offers', () => {
    expect(CIVIL_SOCIETY_OFFERS.map((o) => o.code)).toEqual(['QNET', 'FRA_BOLIG_TIL_HJEM', 'OTHER']);
    expect(codes({ offer: 'OTHER' })).toEqual([['otherOfferName', 'OFFER_NAME_REQUIRED']]);
    expect(codes({ offer: 'OTHER', otherOfferName: 'Mødrehjælpen' })).toEqual([]);
    expect(codes({ otherOfferName: 'Mødrehjælpen' })).toEqual([['otherOfferName', 'NOT_APPLICABLE']]);
  });

  it('needs her consent, given no later than the referral', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ consentGivenOn: null })).toEqual([['consentGivenOn', 'CONSENT_REQUIRED']]);
    expect(codes({ consentGivenOn: '2026-03-03' })).toEqual([['consentGivenOn', 'CONSENT_AFTER_REFERRAL']]);
    // Only offered or declined: no consent needed, no referral date allowed.
    expect(codes({ status: 'OFFERED', consentGivenOn: null, referredOn: null, startedOn: null })).toEqual([]);
    expect(codes({ status: 'DECLINED', consentGivenOn: null, startedOn: null })).toEqual([
      ['referredOn', 'NOT_APPLICABLE'],
    ]);
  });

  it('has an outcome exactly when it ended or did not start, and one that fits', () => {
    expect(codes({ status: 'ENDED', outcome: 'COMPLETED' })).toEqual([]);
    expect(codes({ status: 'ENDED' })).toEqual([['outcome', 'OUTCOME_REQUIRED']]);
    expect(codes({ status: 'ENDED', outcome: 'NO_PLACE' })).toEqual([['outcome', 'OUTCOME_NOT_FOR_STATUS']]);
    expect(codes({ outcome: 'COMPLETED' })).toEqual([['outcome', 'OUTCOME_NOT_ALLOWED']]);
    expect(codes({ status: 'NOT_STARTED', startedOn: null, outcome: 'NO_PLACE' })).toEqual([]);
  });

  it('keeps its dates in order and out of the future', () => {
    expect(codes({ startedOn: '2026-03-01' })).toEqual([['startedOn', 'BEFORE_START']]);
    expect(codes({ startedOn: '2026-03-21' })).toEqual([['startedOn', 'DATE_IN_FUTURE']]);
    expect(codes({ referredOn: '2026-02-28', consentGivenOn: '2026-02-28' })).toEqual([
      ['referredOn', 'BEFORE_START'],
    ]);
  });

  it('moves offered → referred → started → ended', () => {
    expect(civilSocietyTransitionAllowed('OFFERED', 'REFERRED')).toBe(true);
    expect(civilSocietyTransitionAllowed('OFFERED', 'STARTED')).toBe(false);
    expect(civilSocietyTransitionAllowed('STARTED', 'ENDED')).toBe(true);
    expect(civilSocietyTransitionAllowed('ENDED', 'STARTED')).toBe(false);
  });

  it('gives referral and uptake rates, for all offers or one', () => {
    const rows = [
      { offer: 'QNET' as const, status: 'STARTED' as const },
      { offer: 'QNET' as const, status: 'NOT_STARTED' as const },
      { offer: 'QNET' as const, status: 'DECLINED' as const },
      { offer: 'FRA_BOLIG_TIL_HJEM' as const, status: 'ENDED' as const },
    ];
    const all = civilSocietyUptake(rows);
    expect(all.referred).toMatchObject({ numerator: 3, denominator: 4 });
    expect(all.uptake).toMatchObject({ numerator: 2, denominator: 3 });
    expect(civilSocietyUptake(rows, 'QNET').uptake).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
