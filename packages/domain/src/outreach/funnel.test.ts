import { describe, expect, it } from 'vitest';
import { acceptanceBreakdown, outreachFunnelRates, rateOf } from './funnel.ts';

describe('outreachFunnelRates', () => {
  // DOMAIN 2.1, the Projekt Opsøgende Indsats evaluation (June 2018 - Nov 2019).
  const seed = {
    identified: 4531,
    withContactDetails: 3761,
    reached: 2783,
    wantsCall: 701,
    declined: 2053,
    willCallSelf: 29,
    referralsOpen: 0,
    conversationHeld: 438,
    registeredOther: 164,
    lost: 99,
  };

  it("reproduces the seed's acceptance, decline, self-call and conversion rates", () => {
    const rates = outreachFunnelRates(seed);
    expect(Math.round(rates.acceptance.rate! * 100)).toBe(25);
    expect(Math.round(rates.declined.rate! * 100)).toBe(74);
    expect(Math.round(rates.willCallSelf.rate! * 100)).toBe(1);
    expect(Math.round(rates.conversion.rate! * 100)).toBe(86);
    expect(rates.referralsClosed).toBe(701);
    // 2,783 / 4,531 = 61.4 %; the seed rounds this to "62 %".
    expect(rates.reached.rate).toBeCloseTo(0.6142, 4);
    expect(Math.round(rates.contactDetails.rate! * 100)).toBe(83);
  });

  it('gives an interval around each rate and no rate without data', () => {
    const rates = outreachFunnelRates(seed);
    const [lo, hi] = rates.acceptance.ci95!;
    expect(lo).toBeLessThan(rates.acceptance.rate!);
    expect(hi).toBeGreaterThan(rates.acceptance.rate!);
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null, ci95: null });
  });
});

describe('acceptanceBreakdown', () => {
  it("computes Figure 3's shares per incident type", () => {
    const [stalking, burglary, empty] = acceptanceBreakdown([
      { group: 'STALKING', wantsCall: 48, declined: 50, willCallSelf: 2 },
      { group: 'BURGLARY_THEFT', wantsCall: 12, declined: 87, willCallSelf: 1 },
      { group: 'MIXED', wantsCall: 0, declined: 0, willCallSelf: 0 },
    ]);
    expect(stalking!.reached).toBe(100);
    expect(stalking!.wantsCall.rate).toBe(0.48);
    expect(burglary!.declined.rate).toBe(0.87);
    expect(empty!.wantsCall.rate).toBeNull();
  });
});
