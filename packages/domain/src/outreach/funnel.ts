import { wilsonInterval } from '../statistics.ts';

/**
 * The outreach funnel (DOMAIN 2.1 reference figures) computed from counts. The lead's
 * view in apps/outreach and the evaluation app both call these functions on counts that
 * come from SQL, so a rate means the same thing everywhere.
 */
export interface OutreachFunnelCounts {
  identified: number;
  withContactDetails: number;
  reached: number;
  wantsCall: number;
  declined: number;
  willCallSelf: number;
  referralsOpen: number;
  conversationHeld: number;
  registeredOther: number;
  lost: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0: "no data" is not "0 %". */
  rate: number | null;
  /** Wilson 95 % interval, null with no data. */
  ci95: [number, number] | null;
}

export function rateOf(numerator: number, denominator: number): Rate {
  if (denominator <= 0) return { numerator, denominator, rate: null, ci95: null };
  const ci = wilsonInterval(numerator, denominator);
  return { numerator, denominator, rate: numerator / denominator, ci95: [ci.lower, ci.upper] };
}

export interface OutreachFunnelRates {
  /** Share of identified people with contact details. */
  contactDetails: Rate;
  /** Reached out of identified (the seed's "2,783 of 4,531 reached"). */
  reached: Rate;
  /** Out of reached: wants a counsellor's call (the seed's acceptance rate, goal 15 %). */
  acceptance: Rate;
  declined: Rate;
  willCallSelf: Rate;
  /**
   * Closed referrals that led to a conversation or were registered as other, out of all
   * closed referrals (the seed's 86 % "conversion": (438 + 164) / 701).
   */
  conversion: Rate;
  referralsClosed: number;
}

export function outreachFunnelRates(counts: OutreachFunnelCounts): OutreachFunnelRates {
  const referralsClosed = counts.conversationHeld + counts.registeredOther + counts.lost;
  return {
    contactDetails: rateOf(counts.withContactDetails, counts.identified),
    reached: rateOf(counts.reached, counts.identified),
    acceptance: rateOf(counts.wantsCall, counts.reached),
    declined: rateOf(counts.declined, counts.reached),
    willCallSelf: rateOf(counts.willCallSelf, counts.reached),
    conversion: rateOf(counts.conversationHeld + counts.registeredOther, referralsClosed),
    referralsClosed,
  };
}

export const ACCEPTANCE_DIMENSIONS = ['INCIDENT_TYPE', 'GENDER', 'AGE_GROUP', 'ROLE'] as const;
export type AcceptanceDimension = (typeof ACCEPTANCE_DIMENSIONS)[number];

/** Outcomes of reached people in one group (one incident type, one gender …). */
export interface AcceptanceCounts {
  group: string;
  wantsCall: number;
  declined: number;
  willCallSelf: number;
}

export interface AcceptanceRow {
  group: string;
  reached: number;
  wantsCall: Rate;
  declined: Rate;
  willCallSelf: Rate;
}

/**
 * Acceptance per group, as in the seed's Figure 3 (want call / decline / self per
 * incident type) and its text on gender, age and role. Rows keep the caller's order;
 * groups with nobody reached are kept with null rates so a table has every row.
 */
export function acceptanceBreakdown(rows: readonly AcceptanceCounts[]): AcceptanceRow[] {
  return rows.map((row) => {
    const reached = row.wantsCall + row.declined + row.willCallSelf;
    return {
      group: row.group,
      reached,
      wantsCall: rateOf(row.wantsCall, reached),
      declined: rateOf(row.declined, reached),
      willCallSelf: rateOf(row.willCallSelf, reached),
    };
  });
}
