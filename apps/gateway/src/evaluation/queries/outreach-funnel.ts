import { type CountRelation, type DisclosedCount, type Rate, rateOf, suppressLinkedCounts } from '@vi/domain';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * The outreach funnel of DOMAIN §2.1: identified → with contact details → reached →
 * wants a call / declines / will call themselves → referral result. The period is when
 * the case was identified (imported from the police list).
 */
export const OUTREACH_COLUMNS = {
  organization: 'c."organizationId"',
  date: 'c."createdAt"',
  incidentType: 'c."incidentType"',
  gender: 'c.gender',
  age: 'c."ageAtIncident"',
  role: 'c.role',
} as const;

export const FUNNEL_COUNT_KEYS = [
  'identified',
  'noContactDetails',
  'withContactDetails',
  'inactiveIncidentType',
  'notYetCalled',
  'notReached',
  'reached',
  'wantsCall',
  'declined',
  'willCallSelf',
  'declinedOrSelf',
  'referralPending',
  'conversationHeld',
  'registeredOther',
  'referralLost',
  'noReferral',
] as const;
export type FunnelCountKey = (typeof FUNNEL_COUNT_KEYS)[number];

/** Every sum the funnel shows; a hidden count must not be the only unknown in any of them. */
export const FUNNEL_RELATIONS: readonly CountRelation<FunnelCountKey>[] = [
  { total: 'identified', parts: ['noContactDetails', 'withContactDetails'] },
  { total: 'withContactDetails', parts: ['notYetCalled', 'notReached', 'reached'] },
  { total: 'reached', parts: ['wantsCall', 'declined', 'willCallSelf'] },
  // The acceptance tables split reached people into "wants a call" and "declines or will call
  // themselves" (see outreach-acceptance.ts); their margins are these counts.
  { total: 'reached', parts: ['wantsCall', 'declinedOrSelf'] },
  { total: 'declinedOrSelf', parts: ['declined', 'willCallSelf'] },
];
export const REFERRAL_RELATION: CountRelation<FunnelCountKey> = {
  total: 'wantsCall',
  parts: ['noReferral', 'referralPending', 'conversationHeld', 'registeredOther', 'referralLost'],
};

export type OutreachFunnel = {
  counts: Record<FunnelCountKey, DisclosedCount>;
  /** Computed from shown counts only; null where a count it needs is hidden or the denominator is 0. */
  rates: {
    contactDetails: Rate | null;
    reached: Rate | null;
    acceptance: Rate | null;
    declined: Rate | null;
    willCallSelf: Rate | null;
    /** (conversation held + registered as other) / closed referrals: the seed's 86 %. */
    conversion: Rate | null;
  };
  ignoredFilters: FilterDimension[];
};

/**
 * Case statuses grouped by funnel step. As in seed 001, "identified" is the target group:
 * cases of an incident type switched off for outreach (burglary/theft from spring 2019) are
 * kept and counted apart as `inactiveIncidentType`, not as identified (the lead's view in
 * apps/outreach counts them the same way).
 */
export function funnelCountsFromStatuses(byStatus: ReadonlyMap<string, number>): Record<string, number> {
  const of = (status: string) => byStatus.get(status) ?? 0;
  const reached = of('REFERRED') + of('DECLINED') + of('WILL_CALL_SELF');
  const notYetCalled = of('OPEN');
  const notReached = of('UNREACHED') + of('EXPIRED');
  const withContactDetails = notYetCalled + notReached + reached;
  return {
    identified: of('NO_CONTACT_DETAILS') + withContactDetails,
    noContactDetails: of('NO_CONTACT_DETAILS'),
    withContactDetails,
    inactiveIncidentType: of('INACTIVE_TYPE'),
    notYetCalled,
    notReached,
    reached,
    wantsCall: of('REFERRED'),
    declined: of('DECLINED'),
    willCallSelf: of('WILL_CALL_SELF'),
    declinedOrSelf: of('DECLINED') + of('WILL_CALL_SELF'),
  };
}

export function shownRate(numerator: DisclosedCount, denominator: DisclosedCount): Rate | null {
  if (numerator.value === null || denominator.value === null || denominator.value === 0) return null;
  return rateOf(numerator.value, denominator.value);
}

export async function outreachFunnel(db: AggregateSource, filter: EvaluationFilter): Promise<OutreachFunnel> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const cases = filterSql(filter, params, OUTREACH_COLUMNS);

  // One statement, so one snapshot: with the statuses and the referrals read apart, a case
  // referred by an outreach worker in between would be counted in one and not the other,
  // and the referral results would no longer add up to "wants a call". PostgreSQL can still
  // run the two branches side by side (a parallel append). Both branches use the same
  // parameters. Only cases that ended in a referral can have one: the partial index on
  // referred cases covers exactly the second branch's cases.
  const rows = await db.query<{ part: 'case' | 'referral'; status: string; n: number }>(
    `SELECT 'case' AS part, c.status::text AS status, count(*)::int AS n
     FROM "OutreachCase" c WHERE ${cases.where} GROUP BY c.status
     UNION ALL
     SELECT 'referral', r.status::text, count(*)::int
     FROM "OutreachCase" c JOIN "Referral" r ON r."caseId" = c.id
     WHERE c.status = 'REFERRED' AND ${cases.where} GROUP BY r.status`,
    params.values,
  );
  const statusRows = rows.filter((row) => row.part === 'case');
  const referralRows = rows.filter((row) => row.part === 'referral');

  const funnel = funnelCountsFromStatuses(new Map(statusRows.map((row) => [row.status, row.n])));
  const referral = new Map(referralRows.map((row) => [row.status, row.n]));
  const ofReferral = (status: string) => referral.get(status) ?? 0;
  const referralPending = ofReferral('OPEN') + ofReferral('TAKEN');
  const conversationHeld = ofReferral('CONVERSATION_HELD');
  const registeredOther = ofReferral('REGISTERED_OTHER');
  const referralLost = ofReferral('LOST');
  const wantsCall = funnel.wantsCall ?? 0;
  const counts = {
    ...funnel,
    referralPending,
    conversationHeld,
    registeredOther,
    referralLost,
    noReferral: Math.max(0, wantsCall - referralPending - conversationHeld - registeredOther - referralLost),
  } as Record<FunnelCountKey, number>;

  const shown = suppressLinkedCounts(counts, [...FUNNEL_RELATIONS, REFERRAL_RELATION]);
  const closed: DisclosedCount =
    shown.conversationHeld.value === null ||
    shown.registeredOther.value === null ||
    shown.referralLost.value === null
      ? { value: null, suppressed: true, reason: 'SECONDARY' }
      : {
          value: shown.conversationHeld.value + shown.registeredOther.value + shown.referralLost.value,
          suppressed: false,
        };
  const converted: DisclosedCount =
    closed.value === null
      ? closed
      : { value: closed.value - (shown.referralLost.value ?? 0), suppressed: false };

  return {
    counts: shown,
    rates: {
      contactDetails: shownRate(shown.withContactDetails, shown.identified),
      reached: shownRate(shown.reached, shown.identified),
      acceptance: shownRate(shown.wantsCall, shown.reached),
      declined: shownRate(shown.declined, shown.reached),
      willCallSelf: shownRate(shown.willCallSelf, shown.reached),
      conversion: shownRate(converted, closed),
    },
    ignoredFilters: cases.ignored,
  };
}
