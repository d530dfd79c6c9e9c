import { DECLINE_REASONS, type Rate } from '@vi/domain';
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
import { type SuppressedCount, suppressRelatedCounts } from './related-counts-suppression.ts';

/**
 * Why reached people declined a counsellor's call (seed 001: 82 % no need, 8 % need a more
 * specialised offer, of 2,011 registered reasons). Shares are of the declines with a
 * registered reason, as the seed gives them. The funnel's sums are part of the disclosure
 * check so `declined` is hidden here exactly when the funnel hides it.
 */
export const NOT_RECORDED = 'NOT_RECORDED';

export type DeclineReasons = {
  declined: SuppressedCount;
  withReason: SuppressedCount;
  reasons: Array<{ reason: string; count: SuppressedCount; shareOfRecorded: Rate | null }>;
  notRecorded: SuppressedCount;
  ignoredFilters: FilterDimension[];
};

export async function declineReasons(db: AggregateSource, filter: EvaluationFilter): Promise<DeclineReasons> {
  assertValidEvaluationFilter(filter);
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
    if (row.status === 'DECLINED') byReason.set(row.reason ?? NOT_RECORDED, row.n);
  }
  const reasonCodes = DECLINE_REASONS.map((r) => r.code as string);
  const counts: Record<string, number> = { ...funnelCountsFromStatuses(byStatus) };
  for (const code of [...reasonCodes, NOT_RECORDED]) counts[`reason:${code}`] = byReason.get(code) ?? 0;
  counts.withReason = reasonCodes.reduce((sum, code) => sum + (byReason.get(code) ?? 0), 0);

  const shown = suppressRelatedCounts(counts, [
    ...FUNNEL_RELATIONS,
    { total: 'declined', parts: ['withReason', `reason:${NOT_RECORDED}`] },
    { total: 'withReason', parts: reasonCodes.map((code) => `reason:${code}`) },
  ]);
  const withReason = shown.withReason!;
  return {
    declined: shown.declined!,
    withReason,
    reasons: reasonCodes.map((code) => {
      const count = shown[`reason:${code}`]!;
      return { reason: code, count, shareOfRecorded: shownRate(count, withReason) };
    }),
    notRecorded: shown[`reason:${NOT_RECORDED}`]!,
    ignoredFilters: ignored,
  };
}
