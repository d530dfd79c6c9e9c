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
import { cellsByKey, OUTREACH_COLUMNS } from './outreach-funnel.ts';

/**
 * The user survey among reached people (the Projekt Opsøgende Indsats evaluation: offered where ethically sound; 1,090 links
 * sent, 367 excluded for technical or language reasons): offered and accepted, offered and
 * declined, judged not appropriate (language / technical / ethical), not offered.
 *
 * Every published count is a set of people and is perturbed as such (the domain's
 * discloseCount): `reached` is the same people as the funnel's `reached` under the same
 * filter, so it shows the same value there; `offered` and `notAppropriate` are the unions of
 * their statuses' groups. Counts need not add up exactly: each carries its own noise. The
 * rates are computed from the published counts.
 */
export const SURVEY_PARTS = {
  offered: ['OFFERED_ACCEPTED', 'OFFERED_DECLINED'],
  notAppropriate: ['NOT_APPROPRIATE_LANGUAGE', 'NOT_APPROPRIATE_TECHNICAL', 'NOT_APPROPRIATE_ETHICAL'],
} as const;
export const SURVEY_NOT_RECORDED = 'NOT_RECORDED';
const ALL_STATUSES = [
  ...SURVEY_PARTS.offered,
  ...SURVEY_PARTS.notAppropriate,
  'NOT_OFFERED',
  SURVEY_NOT_RECORDED,
];

export type SurveyOffers = {
  reached: DisclosedCount;
  offered: DisclosedCount;
  notAppropriate: DisclosedCount;
  byStatus: Array<{ status: string; count: DisclosedCount }>;
  /** Offered out of reached. */
  offeredRate: Rate | null;
  /** Accepted out of offered. */
  acceptedRate: Rate | null;
  ignoredFilters: FilterDimension[];
};

export async function surveyOffers(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<SurveyOffers> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  // One statement, so one snapshot: `reached` is always exactly the union of the statuses'
  // people. Each group also sums its cases' record keys, from which disclosure control draws
  // its noise.
  const rows = await db.query<{ key: string | null; n: number; key_sum: string }>(
    `SELECT c."surveyStatus"::text AS key, count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum
     FROM "OutreachCase" c
     WHERE c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') AND ${where}
     GROUP BY c."surveyStatus"`,
    params.values,
  );
  const bySurvey = cellsByKey(rows.map((row) => ({ ...row, key: row.key ?? SURVEY_NOT_RECORDED })));
  const cellOf = (code: string): CountCell => bySurvey.get(code) ?? EMPTY_CELL;
  const disclose = (cell: CountCell) => discloseCount(cell, uniform);

  const reached = disclose(unionCell(bySurvey.values()));
  const offered = disclose(unionCell(SURVEY_PARTS.offered.map(cellOf)));
  const byStatus = ALL_STATUSES.map((status) => ({ status, count: disclose(cellOf(status)) }));
  const accepted = byStatus.find((entry) => entry.status === 'OFFERED_ACCEPTED')!.count;
  return {
    reached,
    offered,
    notAppropriate: disclose(unionCell(SURVEY_PARTS.notAppropriate.map(cellOf))),
    byStatus,
    offeredRate: disclosedRate(offered, reached),
    acceptedRate: disclosedRate(accepted, offered),
    ignoredFilters: ignored,
  };
}
