import { type CountCell, type DisclosedCount, type KeyedUniform, MIN_CELL, perturbedCount } from '@vi/domain';
import { countColumn, EMPTY_CELL, unionCell } from './count-table.ts';
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
 * Courses run, cadence (mean days between consecutive sessions; VIVE's group-course evaluation: at least every 14
 * days), how many gaps were longer than 14 days, and group sizes (VIVE's group-course evaluation: 6-8 people).
 * Course and session counts are not counts of people and are shown as they are; participant
 * counts (enrolments, perturbed by the sum of their record keys) follow the disclosure rule
 * per organisation and in total, and the mean group size is the published participants over
 * the courses, shown only where the published participants are 5 or more. Group sizes are
 * banded by each course's perturbed participant count (the domain's `perturbedCount` of the
 * course's enrolments), never by its true count: bands of true counts would tell a course of
 * one person from an empty one.
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
};

/** One course of the selection: its organisation and its enrolments (count and key sum). */
type CourseRow = { org: string; participants: number; key_sum: string };

/** The group-size bands of VIVE's group-course evaluation (6-8 people), on perturbed participant counts. */
type Bands = { under6: number; in_range: number; over8: number };

export async function courseDelivery(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<CourseDelivery> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, COURSE_COLUMNS);
  const courseParams = new SqlParameters();
  const courseFilter = filterSql(filter, courseParams, COURSE_COLUMNS);
  const [rows, courseRows] = await Promise.all([
    db.query<Row>(
      // Sessions are aggregated per course only for the selected courses (the same condition,
      // same parameters, inside the subquery), then summed per organisation.
      `SELECT k."organizationId"::text AS org, count(*)::int AS courses,
              coalesce(sum(s.sessions), 0)::int AS sessions, sum(s.gap_days)::int AS gap_days,
              coalesce(sum(s.gaps), 0)::int AS gaps, coalesce(sum(s.long_gaps), 0)::int AS long_gaps
       FROM "Course" k
       LEFT JOIN (
         SELECT g."courseId", count(*) AS sessions, sum(g.gap) AS gap_days, count(g.gap) AS gaps,
                count(*) FILTER (WHERE g.gap > 14) AS long_gaps
         FROM (SELECT s."courseId", s.date - lag(s.date) OVER (PARTITION BY s."courseId" ORDER BY s.number) AS gap
               FROM "CourseSession" s WHERE s."courseId" IN (SELECT k.id FROM "Course" k WHERE ${where})) g
         GROUP BY g."courseId"
       ) s ON s."courseId" = k.id
       WHERE ${where}
       GROUP BY GROUPING SETS ((k."organizationId"), ())`,
      params.values,
    ),
    // Enrolments per selected course (count and record-key sum), for the participants and
    // for banding each course by its perturbed participant count.
    db.query<CourseRow>(
      `SELECT k."organizationId"::text AS org, count(e.id)::int AS participants,
              coalesce(sum(e."recordKey"), 0)::bigint AS key_sum
       FROM "Course" k LEFT JOIN "Enrolment" e ON e."courseId" = k.id
       WHERE ${courseFilter.where}
       GROUP BY k.id`,
      courseParams.values,
    ),
  ]);
  const cellOf = new Map<string, CountCell>();
  const bandsOf = new Map<string, Bands>();
  for (const course of courseRows) {
    const cell: CountCell = { count: course.participants, keySum: course.key_sum };
    cellOf.set(course.org, unionCell([cellOf.get(course.org) ?? EMPTY_CELL, cell]));
    const size = perturbedCount(cell, uniform);
    const bands = bandsOf.get(course.org) ?? { under6: 0, in_range: 0, over8: 0 };
    if (size < 6) bands.under6 += 1;
    else if (size <= 8) bands.in_range += 1;
    else bands.over8 += 1;
    bandsOf.set(course.org, bands);
  }
  const total = rows.find((row) => row.org === null);
  // Rows are the selected organisations, not the groups SQL found: a row's presence must not reveal records.
  const orgIds = [...new Set(filter.organizationIds.map((id) => id.toLowerCase()))].sort((a, b) =>
    a < b ? -1 : 1,
  );
  const rowOf = new Map(rows.filter((row) => row.org !== null).map((row) => [row.org!, row]));
  const perOrg = orgIds.map((org) => rowOf.get(org));
  const participants = countColumn(
    orgIds.map((org) => cellOf.get(org) ?? EMPTY_CELL),
    uniform,
  );
  const noBands: Bands = { under6: 0, in_range: 0, over8: 0 };
  const orgBands = orgIds.map((org) => bandsOf.get(org) ?? noBands);
  // Every course is in exactly one organisation: the total's bands are the organisations' sums.
  const totalBands = orgBands.reduce(
    (sum, b) => ({
      under6: sum.under6 + b.under6,
      in_range: sum.in_range + b.in_range,
      over8: sum.over8 + b.over8,
    }),
    noBands,
  );
  const shape = (
    row: Row | undefined,
    shown: DisclosedCount,
    bands: Bands,
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
    coursesUnder6: bands.under6,
    courses6To8: bands.in_range,
    coursesOver8: bands.over8,
  });
  return {
    total: shape(total, participants.total, totalBands, null),
    byOrganization: orgIds.map((org, i) => shape(perOrg[i], participants.cells[i]!, orgBands[i]!, org)),
    ignoredFilters: ignored,
  };
}
