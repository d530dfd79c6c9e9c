import type { DisclosedCount } from '@vi/domain';
import { countColumn } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * Waiting for a group course (seed 002: long waits cause drop-out). For people who left the
 * list by joining a course: days from joining the list to enrolment (mean, median, 90th
 * percentile) and how many waited longer than their organisation's limit. For people still
 * waiting: how many, and how many are already over the limit. The period is the day the
 * person was put on the list. Means and percentiles are shown only where their n is.
 */
export type WaitingTimesRow = {
  organizationId: string | null;
  enrolled: DisclosedCount;
  meanDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
  enrolledOverLimit: DisclosedCount;
  stillWaiting: DisclosedCount;
  stillWaitingOverLimit: DisclosedCount;
};

export type WaitingTimes = {
  total: WaitingTimesRow;
  byOrganization: WaitingTimesRow[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string | null;
  enrolled: number;
  mean_days: number | null;
  median_days: number | null;
  p90_days: number | null;
  enrolled_over: number;
  waiting: number;
  waiting_over: number;
};

export async function waitingTimes(db: AggregateSource, filter: EvaluationFilter): Promise<WaitingTimes> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, {
    organization: 'w."organizationId"',
    date: 'w.since',
  });
  const rows = await db.query<Row>(
    `WITH per_entry AS (
       SELECT w."organizationId" AS org, o."waitingLimitDays" AS limit_days,
              CASE WHEN w."leftOn" IS NOT NULL AND enrolled."personId" IS NOT NULL THEN w."leftOn" - w.since END AS waited,
              CASE WHEN w."leftOn" IS NULL THEN current_date - w.since END AS waiting
       FROM "WaitingListEntry" w JOIN "Organization" o ON o.id = w."organizationId"
       -- A person belongs to one organisation, so "enrolled anywhere" is "enrolled here".
       LEFT JOIN (SELECT DISTINCT e."personId" FROM "Enrolment" e) enrolled ON enrolled."personId" = w."personId"
       WHERE ${where}
     )
     SELECT org::text AS org, count(waited)::int AS enrolled, avg(waited)::float8 AS mean_days,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY waited)::float8 AS median_days,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY waited)::float8 AS p90_days,
            count(*) FILTER (WHERE waited > limit_days)::int AS enrolled_over,
            count(waiting)::int AS waiting, count(*) FILTER (WHERE waiting > limit_days)::int AS waiting_over
     FROM per_entry GROUP BY GROUPING SETS ((org), ())`,
    params.values,
  );
  const total = rows.find((row) => row.org === null);
  const perOrg = rows.filter((row) => row.org !== null).sort((a, b) => (a.org! < b.org! ? -1 : 1));
  const orgIds = perOrg.map((row) => row.org!);
  const column = (pick: (row: Row) => number) => countColumn(orgIds, perOrg.map(pick));
  const enrolled = column((row) => row.enrolled);
  const enrolledOver = column((row) => row.enrolled_over);
  const waiting = column((row) => row.waiting);
  const waitingOver = column((row) => row.waiting_over);
  const empty: DisclosedCount = { value: 0, suppressed: false };
  const shape = (
    row: Row | undefined,
    organizationId: string | null,
    cells: [DisclosedCount, DisclosedCount, DisclosedCount, DisclosedCount],
  ): WaitingTimesRow => {
    const shownStats = cells[0].value !== null && cells[0].value > 0;
    return {
      organizationId,
      enrolled: cells[0],
      meanDays: shownStats ? (row?.mean_days ?? null) : null,
      medianDays: shownStats ? (row?.median_days ?? null) : null,
      p90Days: shownStats ? (row?.p90_days ?? null) : null,
      enrolledOverLimit: cells[1],
      stillWaiting: cells[2],
      stillWaitingOverLimit: cells[3],
    };
  };
  return {
    total:
      perOrg.length > 0
        ? shape(total, null, [enrolled.total, enrolledOver.total, waiting.total, waitingOver.total])
        : shape(undefined, null, [empty, empty, empty, empty]),
    byOrganization: perOrg.map((row, i) =>
      shape(row, row.org, [
        enrolled.cells[i]!,
        enrolledOver.cells[i]!,
        waiting.cells[i]!,
        waitingOver.cells[i]!,
      ]),
    ),
    ignoredFilters: ignored,
  };
}
