import { type DisclosedCount, type KeyedUniform, MIN_CELL } from '@vi/domain';
import { countColumn, EMPTY_CELL } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/** Courses (DOMAIN §2.2); the period is the course's start date. */
export const COURSE_COLUMNS: FilterColumns = { organization: 'k."organizationId"', date: 'k."startsOn"' };

/**
 * Courses run, cadence (mean days between consecutive sessions; seed 002: at least every 14
 * days), how many gaps were longer than 14 days, and group sizes (seed 002: 6-8 people).
 * Course and session counts are not counts of people and are shown as they are; participant
 * counts (enrolments, perturbed by the sum of their record keys) follow the disclosure rule
 * per organisation and in total, and the mean group size is the published participants over
 * the courses, shown only where the published participants are 5 or more.
 */
export type CourseDeliveryRow = {
  /** Organisation id, or null for all selected organisations together. */
  organizationId: string | null;
  courses: number;
  sessions: number;
  meanDaysBetweenSessions: number | null;
  gapsOver14Days: number;
  participants: DisclosedCount;
  meanGroupSize: number | null;
  coursesUnder6: number;
  courses6To8: number;
  coursesOver8: number;
};

export type CourseDelivery = {
  total: CourseDeliveryRow;
  byOrganization: CourseDeliveryRow[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string | null;
  courses: number;
  sessions: number;
  gap_days: number | null;
  gaps: number;
  long_gaps: number;
  participants: number;
  key_sum: string;
  under6: number;
  in_range: number;
  over8: number;
};

export async function courseDelivery(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<CourseDelivery> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, COURSE_COLUMNS);
  const rows = await db.query<Row>(
    // Sessions and enrolments are aggregated per course only for the selected courses (the
    // same condition, same parameters, inside each subquery), then summed per organisation.
    `SELECT k."organizationId"::text AS org, count(*)::int AS courses,
            coalesce(sum(s.sessions), 0)::int AS sessions, sum(s.gap_days)::int AS gap_days,
            coalesce(sum(s.gaps), 0)::int AS gaps, coalesce(sum(s.long_gaps), 0)::int AS long_gaps,
            coalesce(sum(e.participants), 0)::int AS participants,
            coalesce(sum(e.key_sum), 0)::bigint AS key_sum,
            count(*) FILTER (WHERE coalesce(e.participants, 0) < 6)::int AS under6,
            count(*) FILTER (WHERE e.participants BETWEEN 6 AND 8)::int AS in_range,
            count(*) FILTER (WHERE e.participants > 8)::int AS over8
     FROM "Course" k
     LEFT JOIN (
       SELECT g."courseId", count(*) AS sessions, sum(g.gap) AS gap_days, count(g.gap) AS gaps,
              count(*) FILTER (WHERE g.gap > 14) AS long_gaps
       FROM (SELECT s."courseId", s.date - lag(s.date) OVER (PARTITION BY s."courseId" ORDER BY s.number) AS gap
             FROM "CourseSession" s WHERE s."courseId" IN (SELECT k.id FROM "Course" k WHERE ${where})) g
       GROUP BY g."courseId"
     ) s ON s."courseId" = k.id
     LEFT JOIN (
       SELECT e."courseId", count(*) AS participants, sum(e."recordKey") AS key_sum FROM "Enrolment" e
       WHERE e."courseId" IN (SELECT k.id FROM "Course" k WHERE ${where}) GROUP BY e."courseId"
     ) e ON e."courseId" = k.id
     WHERE ${where}
     GROUP BY GROUPING SETS ((k."organizationId"), ())`,
    params.values,
  );
  const total = rows.find((row) => row.org === null);
  // Rows are the selected organisations, not the groups SQL found: a row's presence must not reveal records.
  const orgIds = [...new Set(filter.organizationIds.map((id) => id.toLowerCase()))].sort((a, b) =>
    a < b ? -1 : 1,
  );
  const rowOf = new Map(rows.filter((row) => row.org !== null).map((row) => [row.org!, row]));
  const perOrg = orgIds.map((org) => rowOf.get(org));
  const participants = countColumn(
    perOrg.map((row) => (row === undefined ? EMPTY_CELL : { count: row.participants, keySum: row.key_sum })),
    uniform,
  );
  const shape = (
    row: Row | undefined,
    shown: DisclosedCount,
    organizationId: string | null,
  ): CourseDeliveryRow => ({
    organizationId,
    courses: row?.courses ?? 0,
    sessions: row?.sessions ?? 0,
    meanDaysBetweenSessions: row && row.gaps > 0 && row.gap_days !== null ? row.gap_days / row.gaps : null,
    gapsOver14Days: row?.long_gaps ?? 0,
    participants: shown,
    meanGroupSize:
      row && shown.value !== null && shown.value >= MIN_CELL && row.courses > 0
        ? shown.value / row.courses
        : null,
    coursesUnder6: row?.under6 ?? 0,
    courses6To8: row?.in_range ?? 0,
    coursesOver8: row?.over8 ?? 0,
  });
  return {
    total: shape(total, participants.total, null),
    byOrganization: orgIds.map((org, i) => shape(perOrg[i], participants.cells[i]!, org)),
    ignoredFilters: ignored,
  };
}
