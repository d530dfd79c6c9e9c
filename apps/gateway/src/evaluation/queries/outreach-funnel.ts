import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  type Rate,
} from '@vi/domain';
import { EMPTY_CELL, unionCell } from './count-table.ts';
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
  instant: 'c."createdAt"',
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

export type OutreachFunnel = {
  counts: Record<FunnelCountKey, DisclosedCount>;
  /** Computed from published counts only (the domain's disclosedRate). */
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
 * Case statuses grouped by funnel step. As in the Projekt Opsøgende Indsats evaluation, "identified" is the target group:
 * cases of an incident type switched off for outreach (burglary/theft from spring 2019) are
 * kept and counted apart as `inactiveIncidentType`, not as identified (the lead's view in
 * apps/outreach counts them the same way).
 */
export function funnelCountsFromStatuses(
  byStatus: ReadonlyMap<string, CountCell>,
): Record<
  Exclude<FunnelCountKey, `referral${string}` | 'conversationHeld' | 'registeredOther' | 'noReferral'>,
  CountCell
> {
  const of = (...statuses: string[]) =>
    unionCell(statuses.map((status) => byStatus.get(status) ?? EMPTY_CELL));
  return {
    identified: of(
      'NO_CONTACT_DETAILS',
      'OPEN',
      'UNREACHED',
      'EXPIRED',
      'REFERRED',
      'DECLINED',
      'WILL_CALL_SELF',
    ),
    noContactDetails: of('NO_CONTACT_DETAILS'),
    withContactDetails: of('OPEN', 'UNREACHED', 'EXPIRED', 'REFERRED', 'DECLINED', 'WILL_CALL_SELF'),
    inactiveIncidentType: of('INACTIVE_TYPE'),
    notYetCalled: of('OPEN'),
    notReached: of('UNREACHED', 'EXPIRED'),
    reached: of('REFERRED', 'DECLINED', 'WILL_CALL_SELF'),
    wantsCall: of('REFERRED'),
    declined: of('DECLINED'),
    willCallSelf: of('WILL_CALL_SELF'),
    declinedOrSelf: of('DECLINED', 'WILL_CALL_SELF'),
  };
}

/** SQL rows `{ key, n, key_sum }` as cells by key (a key may come in several rows). */
export function cellsByKey(
  rows: ReadonlyArray<{ key: string; n: number; key_sum: string | number }>,
): Map<string, CountCell> {
  const cells = new Map<string, CountCell>();
  for (const row of rows)
    cells.set(row.key, unionCell([cells.get(row.key) ?? EMPTY_CELL, { count: row.n, keySum: row.key_sum }]));
  return cells;
}

export async function outreachFunnel(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<OutreachFunnel> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const cases = filterSql(filter, params, OUTREACH_COLUMNS);

  // One statement, so one snapshot: with the statuses and the referrals read apart, a case
  // referred by an outreach worker in between would be counted in one and not the other.
  // PostgreSQL can still run the two branches side by side (a parallel append). Both
  // branches use the same parameters. Only cases that ended in a referral can have one: the
  // partial index on referred cases covers exactly the second branch's cases. Each group
  // also sums its cases' record keys, from which disclosure control draws its noise; a
  // referral counts with its case's key.
  const rows = await db.query<{ part: 'case' | 'referral'; key: string; n: number; key_sum: string }>(
    `SELECT 'case' AS part, c.status::text AS key, count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum
     FROM "OutreachCase" c WHERE ${cases.where} GROUP BY c.status
     UNION ALL
     SELECT 'referral', r.status::text, count(*)::int, sum(c."recordKey")::bigint
     FROM "OutreachCase" c JOIN "Referral" r ON r."caseId" = c.id
     WHERE c.status = 'REFERRED' AND ${cases.where} GROUP BY r.status`,
    params.values,
  );
  const funnel = funnelCountsFromStatuses(cellsByKey(rows.filter((row) => row.part === 'case')));
  const referral = cellsByKey(rows.filter((row) => row.part === 'referral'));
  const of = (...statuses: string[]) =>
    unionCell(statuses.map((status) => referral.get(status) ?? EMPTY_CELL));
  const referralPending = of('OPEN', 'TAKEN');
  const conversationHeld = of('CONVERSATION_HELD');
  const registeredOther = of('REGISTERED_OTHER');
  const referralLost = of('LOST');
  const withReferral = of('OPEN', 'TAKEN', 'CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST');
  // Referred cases without a referral row: the referred cases' cell minus those with one.
  const noReferral: CountCell = {
    count: Math.max(0, funnel.wantsCall.count - withReferral.count),
    keySum: BigInt(funnel.wantsCall.keySum) - BigInt(withReferral.keySum),
  };
  const cells: Record<FunnelCountKey, CountCell> = {
    ...funnel,
    referralPending,
    conversationHeld,
    registeredOther,
    referralLost,
    noReferral,
  };
  const counts = Object.fromEntries(
    FUNNEL_COUNT_KEYS.map((key) => [key, discloseCount(cells[key], uniform)]),
  ) as Record<FunnelCountKey, DisclosedCount>;
  // Conversion: closed referrals and those that led to a conversation (or "other") are sets
  // of people of their own, perturbed as such.
  const closed = discloseCount(of('CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST'), uniform);
  const converted = discloseCount(of('CONVERSATION_HELD', 'REGISTERED_OTHER'), uniform);

  return {
    counts,
    rates: {
      contactDetails: disclosedRate(counts.withContactDetails, counts.identified),
      reached: disclosedRate(counts.reached, counts.identified),
      acceptance: disclosedRate(counts.wantsCall, counts.reached),
      declined: disclosedRate(counts.declined, counts.reached),
      willCallSelf: disclosedRate(counts.willCallSelf, counts.reached),
      conversion: disclosedRate(converted, closed),
    },
    ignoredFilters: cases.ignored,
  };
}
