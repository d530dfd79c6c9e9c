import {
  type CountCell,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  type KeyedUniform,
  type Rate,
} from '@vi/domain';
import { COMPLETER_JOINS, COMPLETER_SQL, COURSE_FINISHED_SQL } from './completers.ts';
import { type CountTable, countColumn, countTable, EMPTY_CELL, unionCell } from './count-table.ts';
import { COURSE_COLUMNS } from './course-delivery.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  DANISH_TODAY_SQL,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * Attendance, completion and drop-out, measurable because baseline and end forms are linked
 * by the participant's code (VIVE could not see who dropped out). Participants of finished
 * courses (last session before today) split into: both forms (completed), baseline only
 * (dropped out), end only, no form; participants of running courses are counted apart.
 * Completion = both / (both + baseline only); drop-out = baseline only / the same, where
 * "both + baseline only" is a set of people of its own, perturbed by its own key. Every count
 * of people is an enrolment count with the sum of the enrolments' record keys.
 *
 * Attendance is a magnitude, not a rate of counts: the mean, over the participants with at
 * least one attendance record, of each participant's share of their recorded sessions that
 * they attended, with magnitude noise. Counts of person-sessions would give the number of
 * participants away (person-sessions / sessions per course, and sessions are published).
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
  /**
   * Mean over participants (enrolments with an attendance record) of their share (0-1) of
   * recorded sessions attended, with magnitude noise; null unless those participants'
   * published count is 5 or more.
   */
  attendance: number | null;
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

const COUNT_COLUMNS = ['both', 'baseline_only', 'end_only', 'no_form', 'running', 'withdrawn'] as const;
type CountColumn = (typeof COUNT_COLUMNS)[number];
type PeopleRow = { org: string } & Record<CountColumn | `${CountColumn}_key`, number | string>;
type AttendanceRow = { org: string; participants: number; key_sum: string; share_sum: number };

// "Both forms" of a finished course is the completer (completers.ts), the divisor of the cost per completer.
const FINISHED = COURSE_FINISHED_SQL;
const CLASSES: Record<CountColumn, string> = {
  both: COMPLETER_SQL,
  baseline_only: `${FINISHED} AND b.id IS NOT NULL AND en.id IS NULL`,
  end_only: `${FINISHED} AND b.id IS NULL AND en.id IS NOT NULL`,
  no_form: `${FINISHED} AND b.id IS NULL AND en.id IS NULL`,
  running: `last.day IS NULL OR last.day >= ${DANISH_TODAY_SQL}`,
  withdrawn: 'e."withdrawnOn" IS NOT NULL',
};

export async function courseParticipation(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<CourseParticipation> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, COURSE_COLUMNS);
  const attendanceParams = new SqlParameters();
  const attendanceFilter = filterSql(filter, attendanceParams, COURSE_COLUMNS);
  const classes = COUNT_COLUMNS.map(
    (column) =>
      `count(*) FILTER (WHERE ${CLASSES[column]})::int AS ${column},
       coalesce(sum(e."recordKey") FILTER (WHERE ${CLASSES[column]}), 0)::bigint AS ${column}_key`,
  ).join(',\n');
  const [people, attendance] = await Promise.all([
    // One row per enrolment, classified by its linked forms; the forms join on the code only.
    db.query<PeopleRow>(
      `SELECT e."organizationId"::text AS org, ${classes}
       FROM "Course" k
       JOIN "Enrolment" e ON e."courseId" = k.id
       ${COMPLETER_JOINS}
       WHERE ${where}
       GROUP BY e."organizationId" ORDER BY 1`,
      params.values,
    ),
    // Per participant with attendance records: the share of their recorded sessions they
    // attended; per organisation: those participants (count, key sum) and the sum of shares.
    db.query<AttendanceRow>(
      `SELECT p.org, count(*)::int AS participants, sum(p.key)::bigint AS key_sum,
              sum(p.share)::float8 AS share_sum
       FROM (
         SELECT e."organizationId"::text AS org, e."recordKey" AS key,
                (count(*) FILTER (WHERE a.present))::float8 / count(*) AS share
         FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id JOIN "Attendance" a ON a."enrolmentId" = e.id
         WHERE ${attendanceFilter.where}
         GROUP BY e.id, e."organizationId", e."recordKey"
       ) p
       GROUP BY p.org`,
      attendanceParams.values,
    ),
  ]);
  const peopleOf = new Map(people.map((row) => [row.org, row]));
  const cellOf = (org: string, column: CountColumn): CountCell => {
    const row = peopleOf.get(org);
    return row === undefined ? EMPTY_CELL : { count: Number(row[column]), keySum: row[`${column}_key`] };
  };
  const attendanceOf = new Map(attendance.map((row) => [row.org, row]));
  // Rows are the selected organisations, not the groups SQL found: a row's presence must not reveal records.
  const orgs = [...new Set(filter.organizationIds.map((id) => id.toLowerCase()))].sort((a, b) =>
    a < b ? -1 : 1,
  );
  const cells = orgs.map((org) => PARTICIPATION_COLUMNS.map((_, j) => cellOf(org, COUNT_COLUMNS[j]!)));
  const table = countTable(orgs, [...PARTICIPATION_COLUMNS], cells, uniform);
  const withdrawn = countColumn(
    orgs.map((org) => cellOf(org, 'withdrawn')),
    uniform,
  );
  const attendanceCells: CountCell[] = orgs.map((org) => {
    const a = attendanceOf.get(org);
    return { count: a?.participants ?? 0, keySum: a?.key_sum ?? 0n };
  });
  const shareSums = orgs.map((org) => Number(attendanceOf.get(org)?.share_sum ?? 0));
  /** The mean attendance share of a cell's participants, with magnitude noise (null under 5). */
  const attendanceOfCell = (cell: CountCell, shareSum: number): number | null =>
    discloseMagnitude(
      'attendance',
      cell.count > 0 ? shareSum / cell.count : null,
      cell,
      discloseCount(cell, uniform),
      { lower: 0, upper: 1 },
      uniform,
    );
  const ratesOf = (
    both: CountCell,
    baselineOnly: CountCell,
    attendance: number | null,
  ): ParticipationRates => {
    const shownBoth = discloseCount(both, uniform);
    const shownBaselineOnly = discloseCount(baselineOnly, uniform);
    const gaveBaseline = discloseCount(unionCell([both, baselineOnly]), uniform);
    return {
      completion: disclosedRate(shownBoth, gaveBaseline),
      dropOut: disclosedRate(shownBaselineOnly, gaveBaseline),
      attendance,
    };
  };
  const column = (j: number) => cells.map((row) => row[j]!);
  return {
    table,
    withdrawn,
    byOrganization: orgs.map((organizationId, i) => ({
      organizationId,
      ...ratesOf(cells[i]![0]!, cells[i]![1]!, attendanceOfCell(attendanceCells[i]!, shareSums[i]!)),
    })),
    total: ratesOf(
      unionCell(column(0)),
      unionCell(column(1)),
      attendanceOfCell(
        unionCell(attendanceCells),
        shareSums.reduce((sum, share) => sum + share, 0),
      ),
    ),
    ignoredFilters: ignored,
  };
}
