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
  // One statement, so one snapshot: the statuses for the funnel's sums (so `declined` is
  // hidden here exactly when the funnel hides it) and the reasons among the declines come
  // from the same grouping. Read apart, a decline recorded in between would be counted in
  // one and not the other and the reasons would not add up to `declined`. It is also one
  // scan of the cases instead of two.
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const rows = await db.query<{ status: string; reason: string | null; n: number }>(
    `SELECT c.status::text AS status, c."declineReason"::text AS reason, count(*)::int AS n
     FROM "OutreachCase" c WHERE ${where} GROUP BY c.status, c."declineReason"`,
    params.values,
  );
  const byStatus = new Map<string, number>();
  const byReason = new Map<string, number>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.n);
    if (row.status === 'DECLINED') {
      const reason = row.reason ?? NOT_RECORDED;
      byReason.set(reason, (byReason.get(reason) ?? 0) + row.n);
    }
  }
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
