import {
  type CountRelation,
  DECLINE_REASONS,
  type DisclosedCount,
  type Rate,
  suppressLinkedCounts,
} from '@vi/domain';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import {
  FUNNEL_RELATIONS,
  funnelCountsFromStatuses,
  OUTREACH_COLUMNS,
  shownRate,
} from './outreach-funnel.ts';

/**
 * Why reached people declined a counsellor's call (seed 001: 82 % no need, 8 % need a more
 * specialised offer, of 2,011 registered reasons). Shares are of the declines with a
 * registered reason, as the seed gives them. The funnel's sums are part of the disclosure
 * check so `declined` is hidden here exactly when the funnel hides it.
 */
export const NOT_RECORDED = 'NOT_RECORDED';

const REASON_CODES: readonly string[] = DECLINE_REASONS.map((r) => r.code);

/** The funnel's sums and the two this figure adds: declined split by recorded reason or none. */
export const DECLINE_REASON_RELATIONS: readonly CountRelation[] = [
  ...FUNNEL_RELATIONS,
  { total: 'declined', parts: ['withReason', `reason:${NOT_RECORDED}`] },
  { total: 'withReason', parts: REASON_CODES.map((code) => `reason:${code}`) },
];

export type DeclineReasons = {
  declined: DisclosedCount;
  withReason: DisclosedCount;
  reasons: Array<{ reason: string; count: DisclosedCount; shareOfRecorded: Rate | null }>;
  notRecorded: DisclosedCount;
  ignoredFilters: FilterDimension[];
};

export async function declineReasons(db: AggregateSource, filter: EvaluationFilter): Promise<DeclineReasons> {
  assertValidEvaluationFilter(filter);
  // Two statements, run side by side: the statuses for the funnel's sums (so `declined` is
  // hidden here exactly when the funnel hides it) and the reasons among the declines.
  const statusParams = new SqlParameters();
  const statusFilter = filterSql(filter, statusParams, OUTREACH_COLUMNS);
  const reasonParams = new SqlParameters();
  const reasonFilter = filterSql(filter, reasonParams, OUTREACH_COLUMNS);
  const ignored = statusFilter.ignored;
  const [statusRows, reasonRows] = await Promise.all([
    db.query<{ status: string; n: number }>(
      `SELECT c.status::text AS status, count(*)::int AS n
       FROM "OutreachCase" c WHERE ${statusFilter.where} GROUP BY c.status`,
      statusParams.values,
    ),
    db.query<{ reason: string | null; n: number }>(
      `SELECT c."declineReason"::text AS reason, count(*)::int AS n
       FROM "OutreachCase" c WHERE c.status = 'DECLINED' AND ${reasonFilter.where} GROUP BY c."declineReason"`,
      reasonParams.values,
    ),
  ]);
  const byStatus = new Map(statusRows.map((row) => [row.status, row.n]));
  const byReason = new Map(reasonRows.map((row) => [row.reason ?? NOT_RECORDED, row.n]));
  const counts: Record<string, number> = { ...funnelCountsFromStatuses(byStatus) };
  for (const code of [...REASON_CODES, NOT_RECORDED]) counts[`reason:${code}`] = byReason.get(code) ?? 0;
  counts.withReason = REASON_CODES.reduce((sum, code) => sum + (byReason.get(code) ?? 0), 0);

  const shown = suppressLinkedCounts(counts, DECLINE_REASON_RELATIONS);
  const withReason = shown.withReason!;
  return {
    declined: shown.declined!,
    withReason,
    reasons: REASON_CODES.map((code) => {
      const count = shown[`reason:${code}`]!;
      return { reason: code, count, shareOfRecorded: shownRate(count, withReason) };
    }),
    notRecorded: shown[`reason:${NOT_RECORDED}`]!,
    ignoredFilters: ignored,
  };
}
