import type { Rate } from '@vi/domain';
import { type CountTable, countColumn, countTable } from './count-table.ts';
import { COURSE_COLUMNS } from './course-delivery.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { shownRate } from './outreach-funnel.ts';

/**
 * Attendance, completion and drop-out, measurable because baseline and end forms are linked
 * by the participant's code (VIVE could not see who dropped out). Participants of finished
 * courses (last session before today) split into: both forms (completed), baseline only
 * (dropped out), end only, no form; participants of running courses are counted apart.
 * Completion = both / (both + baseline only); drop-out = baseline only / the same.
 */
export const PARTICIPATION_COLUMNS = [
  'BOTH_FORMS',
  'BASELINE_ONLY',
  'END_ONLY',
  'NO_FORM',
  'COURSE_RUNNING',
] as const;

export type ParticipationRates = {
  completion: Rate | null;
  dropOut: Rate | null;
  /** Sessions attended / attendance records (person-sessions), shown where the row's participants are. */
  attendance: Rate | null;
};

export type CourseParticipation = {
  /** Rows = organisation ids, columns = PARTICIPATION_COLUMNS, row totals = participants. */
  table: CountTable;
  /** Participants whose enrolment records a withdrawal, per organisation (same rows) with the total. */
  withdrawn: ReturnType<typeof countColumn>;
  byOrganization: Array<{ organizationId: string } & ParticipationRates>;
  total: ParticipationRates;
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string;
  both: number;
  baseline_only: number;
  end_only: number;
  no_form: number;
  running: number;
  withdrawn: number;
  present: number;
  recorded: number;
};

export async function courseParticipation(
  db: AggregateSource,
  filter: EvaluationFilter,
): Promise<CourseParticipation> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, COURSE_COLUMNS);
  const attendanceParams = new SqlParameters();
  const attendanceFilter = filterSql(filter, attendanceParams, COURSE_COLUMNS);
  const [people, attendance] = await Promise.all([
    // One row per enrolment, classified by its linked forms; the forms join on the code only.
    db.query<Omit<Row, 'present' | 'recorded'>>(
      `SELECT e."organizationId"::text AS org,
              count(*) FILTER (WHERE last.day < current_date AND b.id IS NOT NULL AND en.id IS NOT NULL)::int AS both,
              count(*) FILTER (WHERE last.day < current_date AND b.id IS NOT NULL AND en.id IS NULL)::int AS baseline_only,
              count(*) FILTER (WHERE last.day < current_date AND b.id IS NULL AND en.id IS NOT NULL)::int AS end_only,
              count(*) FILTER (WHERE last.day < current_date AND b.id IS NULL AND en.id IS NULL)::int AS no_form,
              count(*) FILTER (WHERE last.day IS NULL OR last.day >= current_date)::int AS running,
              count(*) FILTER (WHERE e."withdrawnOn" IS NOT NULL)::int AS withdrawn
       FROM "Course" k
       JOIN "Enrolment" e ON e."courseId" = k.id
       LEFT JOIN (SELECT s."courseId", max(s.date) AS day FROM "CourseSession" s GROUP BY s."courseId") last
         ON last."courseId" = k.id
       LEFT JOIN "QuestionnaireResponse" b ON b."participantCode" = e."participantCode" AND b.kind = 'BASELINE'
       LEFT JOIN "QuestionnaireResponse" en ON en."participantCode" = e."participantCode" AND en.kind = 'END'
       WHERE ${where}
       GROUP BY e."organizationId" ORDER BY 1`,
      params.values,
    ),
    db.query<{ org: string; present: number; recorded: number }>(
      `SELECT e."organizationId"::text AS org, count(*) FILTER (WHERE a.present)::int AS present,
              count(*)::int AS recorded
       FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id JOIN "Attendance" a ON a."enrolmentId" = e.id
       WHERE ${attendanceFilter.where}
       GROUP BY e."organizationId"`,
      attendanceParams.values,
    ),
  ]);
  const attendanceOf = new Map(attendance.map((row) => [row.org, row]));
  const rows: Row[] = people.map((row) => ({
    ...row,
    present: attendanceOf.get(row.org)?.present ?? 0,
    recorded: attendanceOf.get(row.org)?.recorded ?? 0,
  }));
  const orgs = rows.map((row) => row.org);
  const table = countTable(
    orgs,
    [...PARTICIPATION_COLUMNS],
    rows.map((row) => [row.both, row.baseline_only, row.end_only, row.no_form, row.running]),
  );
  const withdrawn = countColumn(
    orgs,
    rows.map((row) => row.withdrawn),
  );
  const ratesOf = (
    cells: CountTable['cells'][number],
    participantsShown: boolean,
    present: number,
    recorded: number,
  ) => {
    const both = cells[0]!;
    const baselineOnly = cells[1]!;
    const gaveBaseline =
      both.value === null || baselineOnly.value === null
        ? { value: null, suppressed: true, reason: 'SECONDARY' as const }
        : { value: both.value + baselineOnly.value, suppressed: false };
    const attendance = participantsShown && recorded > 0 ? shownRate(count(present), count(recorded)) : null;
    return {
      completion: shownRate(both, gaveBaseline),
      dropOut: shownRate(baselineOnly, gaveBaseline),
      attendance,
    };
  };
  const totalPresent = rows.reduce((sum, row) => sum + row.present, 0);
  const totalRecorded = rows.reduce((sum, row) => sum + row.recorded, 0);
  return {
    table,
    withdrawn,
    byOrganization: rows.map((row, i) => ({
      organizationId: row.org,
      ...ratesOf(table.cells[i]!, table.rowTotals[i]!.value !== null, row.present, row.recorded),
    })),
    total: ratesOf(table.colTotals, table.grandTotal.value !== null, totalPresent, totalRecorded),
    ignoredFilters: ignored,
  };
}

function count(value: number) {
  return { value, suppressed: false };
}
