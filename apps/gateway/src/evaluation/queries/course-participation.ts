import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  MIN_CELL,
  type Rate,
} from '@vi/domain';
import { type CountTable, countColumn, countTable, EMPTY_CELL, unionCell } from './count-table.ts';
import { COURSE_COLUMNS } from './course-delivery.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
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
   * Sessions attended / attendance records (person-sessions), from perturbed counts; shown
   * only where the row's published participants are 5 or more.
   */
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

const COUNT_COLUMNS = ['both', 'baseline_only', 'end_only', 'no_form', 'running', 'withdrawn'] as const;
type CountColumn = (typeof COUNT_COLUMNS)[number];
type PeopleRow = { org: string } & Record<CountColumn | `${CountColumn}_key`, number | string>;
type AttendanceRow = {
  org: string;
  present: number;
  present_key: string;
  recorded: number;
  recorded_key: string;
};

const FINISHED = 'last.day < current_date';
const CLASSES: Record<CountColumn, string> = {
  both: `${FINISHED} AND b.id IS NOT NULL AND en.id IS NOT NULL`,
  baseline_only: `${FINISHED} AND b.id IS NOT NULL AND en.id IS NULL`,
  end_only: `${FINISHED} AND b.id IS NULL AND en.id IS NOT NULL`,
  no_form: `${FINISHED} AND b.id IS NULL AND en.id IS NULL`,
  running: 'last.day IS NULL OR last.day >= current_date',
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
       LEFT JOIN (SELECT s."courseId", max(s.date) AS day FROM "CourseSession" s GROUP BY s."courseId") last
         ON last."courseId" = k.id
       LEFT JOIN "QuestionnaireResponse" b ON b."participantCode" = e."participantCode" AND b.kind = 'BASELINE'
       LEFT JOIN "QuestionnaireResponse" en ON en."participantCode" = e."participantCode" AND en.kind = 'END'
       WHERE ${where}
       GROUP BY e."organizationId" ORDER BY 1`,
      params.values,
    ),
    // Attendance records are person-sessions, not people: each record counts with its
    // enrolment's record key, so present and recorded are perturbed like any other count
    // (the same records always get the same noise) and the rate comes from published values.
    db.query<AttendanceRow>(
      `SELECT e."organizationId"::text AS org,
              count(*) FILTER (WHERE a.present)::int AS present,
              coalesce(sum(e."recordKey") FILTER (WHERE a.present), 0)::bigint AS present_key,
              count(*)::int AS recorded, sum(e."recordKey")::bigint AS recorded_key
       FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id JOIN "Attendance" a ON a."enrolmentId" = e.id
       WHERE ${attendanceFilter.where}
       GROUP BY e."organizationId"`,
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
  const presentCells = orgs.map((org) => {
    const a = attendanceOf.get(org);
    return { count: a?.present ?? 0, keySum: a?.present_key ?? 0n };
  });
  const recordedCells = orgs.map((org) => {
    const a = attendanceOf.get(org);
    return { count: a?.recorded ?? 0, keySum: a?.recorded_key ?? 0n };
  });
  const ratesOf = (
    both: CountCell,
    baselineOnly: CountCell,
    participants: DisclosedCount,
    present: CountCell,
    recorded: CountCell,
  ): ParticipationRates => {
    const shownBoth = discloseCount(both, uniform);
    const shownBaselineOnly = discloseCount(baselineOnly, uniform);
    const gaveBaseline = discloseCount(unionCell([both, baselineOnly]), uniform);
    const participantsShown = participants.value !== null && participants.value >= MIN_CELL;
    return {
      completion: disclosedRate(shownBoth, gaveBaseline),
      dropOut: disclosedRate(shownBaselineOnly, gaveBaseline),
      attendance: participantsShown
        ? disclosedRate(discloseCount(present, uniform), discloseCount(recorded, uniform))
        : null,
    };
  };
  const column = (j: number) => cells.map((row) => row[j]!);
  return {
    table,
    withdrawn,
    byOrganization: orgs.map((organizationId, i) => ({
      organizationId,
      ...ratesOf(cells[i]![0]!, cells[i]![1]!, table.rowTotals[i]!, presentCells[i]!, recordedCells[i]!),
    })),
    total: ratesOf(
      unionCell(column(0)),
      unionCell(column(1)),
      table.grandTotal,
      unionCell(presentCells),
      unionCell(recordedCells),
    ),
    ignoredFilters: ignored,
  };
}
