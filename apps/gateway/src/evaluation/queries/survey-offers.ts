import { type CountRelation, type DisclosedCount, type Rate, suppressLinkedCounts } from '@vi/domain';
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
 * The user survey among reached people (seed 001: offered where ethically sound; 1,090 links
 * sent, 367 excluded for technical or language reasons): offered and accepted, offered and
 * declined, judged not appropriate (language / technical / ethical), not offered.
 */
export const SURVEY_PARTS = {
  offered: ['OFFERED_ACCEPTED', 'OFFERED_DECLINED'],
  notAppropriate: ['NOT_APPROPRIATE_LANGUAGE', 'NOT_APPROPRIATE_TECHNICAL', 'NOT_APPROPRIATE_ETHICAL'],
} as const;
const ALL_STATUSES = [...SURVEY_PARTS.offered, ...SURVEY_PARTS.notAppropriate, 'NOT_OFFERED', 'NOT_RECORDED'];

/** The funnel's sums and the ones this figure adds: reached people split by survey status. */
export const SURVEY_RELATIONS: readonly CountRelation[] = [
  ...FUNNEL_RELATIONS,
  { total: 'reached', parts: ['offered', 'notAppropriate', 'survey:NOT_OFFERED', 'survey:NOT_RECORDED'] },
  { total: 'offered', parts: SURVEY_PARTS.offered.map((code) => `survey:${code}`) },
  { total: 'notAppropriate', parts: SURVEY_PARTS.notAppropriate.map((code) => `survey:${code}`) },
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

export async function surveyOffers(db: AggregateSource, filter: EvaluationFilter): Promise<SurveyOffers> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const rows = await db.query<{ status: string; survey: string | null; n: number }>(
    `SELECT c.status::text AS status, c."surveyStatus"::text AS survey, count(*)::int AS n
     FROM "OutreachCase" c WHERE ${where} GROUP BY c.status, c."surveyStatus"`,
    params.values,
  );
  const byStatus = new Map<string, number>();
  const bySurvey = new Map<string, number>();
  const reachedStatuses = new Set(['REFERRED', 'DECLINED', 'WILL_CALL_SELF']);
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.n);
    if (reachedStatuses.has(row.status)) {
      const key = row.survey ?? 'NOT_RECORDED';
      bySurvey.set(key, (bySurvey.get(key) ?? 0) + row.n);
    }
  }
  const counts: Record<string, number> = { ...funnelCountsFromStatuses(byStatus) };
  for (const status of ALL_STATUSES) counts[`survey:${status}`] = bySurvey.get(status) ?? 0;
  const sum = (codes: readonly string[]) =>
    codes.reduce((total, code) => total + (bySurvey.get(code) ?? 0), 0);
  counts.offered = sum(SURVEY_PARTS.offered);
  counts.notAppropriate = sum(SURVEY_PARTS.notAppropriate);

  const shown = suppressLinkedCounts(counts, SURVEY_RELATIONS);
  return {
    reached: shown.reached!,
    offered: shown.offered!,
    notAppropriate: shown.notAppropriate!,
    byStatus: ALL_STATUSES.map((status) => ({ status, count: shown[`survey:${status}`]! })),
    offeredRate: shownRate(shown.offered!, shown.reached!),
    acceptedRate: shownRate(shown['survey:OFFERED_ACCEPTED']!, shown.offered!),
    ignoredFilters: ignored,
  };
}
