import {
  type CountCell,
  DECLINE_REASONS,
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
import { cellsByKey, OUTREACH_COLUMNS } from './outreach-funnel.ts';

/**
 * Why reached people declined a counsellor's call (the Projekt Opsøgende Indsats evaluation: 82 % no need, 8 % need a more
 * specialised offer, of 2,011 registered reasons). Shares are of the declines with a
 * registered reason, as the seed gives them.
 *
 * Every published count is a set of people and is perturbed as such (the domain's
 * discloseCount): `declined` is the same people as the funnel's `declined` under the same
 * filter, so it has the same cell key and shows the same value there; `withReason` is the
 * union of the reasons' groups. Counts need not add up exactly: each carries its own noise.
 */
export const NOT_RECORDED = 'NOT_RECORDED';

const REASON_CODES: readonly string[] = DECLINE_REASONS.map((r) => r.code);

export type DeclineReasons = {
  declined: DisclosedCount;
  withReason: DisclosedCount;
  reasons: Array<{ reason: string; count: DisclosedCount; shareOfRecorded: Rate | null }>;
  notRecorded: DisclosedCount;
  ignoredFilters: FilterDimension[];
};

export async function declineReasons(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<DeclineReasons> {
  assertValidEvaluationFilter(filter);
  // One statement, so one snapshot: the declines and their reasons come from the same
  // grouping, so `declined` is always exactly the union of the reasons' people. Each group
  // also sums its cases' record keys, from which disclosure control draws its noise.
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const rows = await db.query<{ key: string | null; n: number; key_sum: string }>(
    `SELECT c."declineReason"::text AS key, count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum
     FROM "OutreachCase" c WHERE c.status = 'DECLINED' AND ${where} GROUP BY c."declineReason"`,
    params.values,
  );
  const byReason = cellsByKey(rows.map((row) => ({ ...row, key: row.key ?? NOT_RECORDED })));
  const cellOf = (code: string): CountCell => byReason.get(code) ?? EMPTY_CELL;
  const disclose = (cell: CountCell) => discloseCount(cell, uniform);

  const withReason = disclose(unionCell(REASON_CODES.map(cellOf)));
  return {
    declined: disclose(unionCell(byReason.values())),
    withReason,
    reasons: REASON_CODES.map((code) => {
      const count = disclose(cellOf(code));
      return { reason: code, count, shareOfRecorded: disclosedRate(count, withReason) };
    }),
    notRecorded: disclose(cellOf(NOT_RECORDED)),
    ignoredFilters: ignored,
  };
}
