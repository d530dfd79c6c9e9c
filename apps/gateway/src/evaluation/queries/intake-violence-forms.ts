import { type KeyedUniform, VIOLENCE_FORMS, VIOLENCE_STATUS } from '@vi/domain';
import { type CountTable, countTable, matrixOf } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { INTAKE_COLUMNS } from './intake-heard-from.ts';

/**
 * Violence forms × their status at intake (registration Q5, VIVE's group-course evaluation: 9 in 10 psychological,
 * about half physical; still ongoing: psychological 62 %, stalking 18 %, physical 15 %).
 * Read from the answers JSON (`violence_status`: form → status code), since the form's grid
 * is not copied into columns. Row totals are the registrations that answered for the form.
 * Every cell is a set of registrations, perturbed by the sum of their record keys. A column
 * total counts answers, not people (one registration can give the status for several forms):
 * it is perturbed as the union of its cells like any total.
 */
export type IntakeViolenceForms = {
  /** Rows = violence forms, columns = VIOLENCE_STATUS codes. */
  table: CountTable;
  ignoredFilters: FilterDimension[];
};

export async function intakeViolenceForms(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<IntakeViolenceForms> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, INTAKE_COLUMNS);
  const rows = await db.query<{ form: string; status: string; n: number; key_sum: string }>(
    `SELECT f.key AS form, f.value AS status, count(*)::int AS n, sum(i."recordKey")::bigint AS key_sum
     FROM "IntakeRegistration" i
     CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(i.answers -> 'violence_status') = 'object'
                                             THEN i.answers -> 'violence_status' ELSE '{}'::jsonb END) AS f
     WHERE ${where}
     GROUP BY f.key, f.value`,
    params.values,
  );
  const forms = VIOLENCE_FORMS.map((f) => f.code as string);
  const statuses = VIOLENCE_STATUS.map((s) => s.code as string);
  return {
    table: countTable(
      forms,
      statuses,
      matrixOf(
        forms,
        statuses,
        rows.map((row) => ({ row: row.form, col: row.status, n: row.n, keySum: row.key_sum })),
      ),
      uniform,
    ),
    ignoredFilters: ignored,
  };
}
