import { type KeyedUniform, LEGAL_TASK_KINDS, LEGAL_TASK_OUTCOMES } from '@vi/domain';
import { type CountTable, countTable, matrixOf } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * Legal and financial counselling's tasks closed in the period, by kind (rows) and outcome
 * (columns): compensation claims granted or refused, help given, handed on, stopped by the
 * person, contact lost (LEGAL_TASK_OUTCOMES; the domain's legalTasksClosedByOutcome, in SQL).
 * The organisation is the one that runs the task (the adviser's); the period is the closing
 * day. A task belongs to one person's referral, whose record key it counts with, so each cell is
 * perturbed as a set of people: a person has at most a few tasks, one of each kind, so the
 * tasks of one kind are a set of people.
 */
export const LEGAL_TASK_KIND_CODES: readonly string[] = LEGAL_TASK_KINDS.map((kind) => kind.code);
export const LEGAL_TASK_OUTCOME_CODES: readonly string[] = LEGAL_TASK_OUTCOMES.map((o) => o.code);

export const LEGAL_TASK_COLUMNS: FilterColumns = {
  organization: 't."organizationId"',
  date: 't."closedOn"',
};

export type HateCrimeTasks = {
  /** Rows = task kinds, columns = outcomes; row totals = closed tasks of the kind. */
  table: CountTable;
  ignoredFilters: FilterDimension[];
};

export async function hateCrimeTasks(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<HateCrimeTasks> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, LEGAL_TASK_COLUMNS);
  const rows = await db.query<{ kind: string; outcome: string; n: number; key_sum: string }>(
    `SELECT t.kind::text AS kind, t.outcome::text AS outcome, count(*)::int AS n,
            sum(r."recordKey")::bigint AS key_sum
     FROM "HateCrimeLegalTask" t JOIN "HateCrimeReferral" r ON r.id = t."referralId"
     WHERE t.status = 'CLOSED' AND t.outcome IS NOT NULL AND ${where}
     GROUP BY t.kind, t.outcome`,
    params.values,
  );
  const table = countTable(
    LEGAL_TASK_KIND_CODES,
    LEGAL_TASK_OUTCOME_CODES,
    matrixOf(
      LEGAL_TASK_KIND_CODES,
      LEGAL_TASK_OUTCOME_CODES,
      rows.map((row) => ({ row: row.kind, col: row.outcome, n: row.n, keySum: row.key_sum })),
    ),
    uniform,
  );
  return { table, ignoredFilters: ignored };
}
