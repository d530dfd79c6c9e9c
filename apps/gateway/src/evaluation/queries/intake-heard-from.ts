import {
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  HEARD_FROM,
  type KeyedUniform,
  type Rate,
} from '@vi/domain';
import { EMPTY_CELL } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { cellsByKey } from './outreach-funnel.ts';

/** Intake registrations (DOMAIN §4); the period is the registration date. */
export const INTAKE_COLUMNS: FilterColumns = {
  organization: 'i."organizationId"',
  date: 'i."registeredOn"',
  gender: 'i.gender',
  age: 'i."ageYears"',
};

/**
 * Where people heard of the offer (registration Q4, several answers allowed). The counts do
 * not add up to the registrations (one person can give several answers). Each count is a
 * set of people of its own (the registrations that chose the option), perturbed by the sum
 * of their record keys; shares are computed from the published counts only.
 */
export type MultiChoiceCounts = {
  registrations: DisclosedCount;
  options: Array<{ code: string; count: DisclosedCount; shareOfRegistrations: Rate | null }>;
  ignoredFilters: FilterDimension[];
};

/** Registrations and how many chose each option of a multi-choice array column. */
export async function multiChoiceCounts(
  db: AggregateSource,
  filter: EvaluationFilter,
  arrayColumn: string,
  codes: readonly string[],
  uniform: KeyedUniform,
): Promise<MultiChoiceCounts> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, INTAKE_COLUMNS);
  // One pass, one snapshot: every registration is unnested with an extra NULL element, so the
  // NULL group is the registrations themselves and each option's group the registrations that
  // chose it (the registration form refuses an option chosen twice, so no one counts twice).
  const rows = await db.query<{ key: string | null; n: number; key_sum: string }>(
    `SELECT o.code::text AS key, count(*)::int AS n, sum(i."recordKey")::bigint AS key_sum
     FROM "IntakeRegistration" i
     CROSS JOIN LATERAL unnest(array_append(${arrayColumn}, NULL)) AS o(code)
     WHERE ${where} GROUP BY o.code`,
    params.values,
  );
  const cells = cellsByKey(rows.map((row) => ({ ...row, key: row.key === null ? '' : `option:${row.key}` })));
  const registrations = discloseCount(cells.get('') ?? EMPTY_CELL, uniform);
  return {
    registrations,
    options: codes.map((code) => {
      const count = discloseCount(cells.get(`option:${code}`) ?? EMPTY_CELL, uniform);
      return { code, count, shareOfRegistrations: disclosedRate(count, registrations) };
    }),
    ignoredFilters: ignored,
  };
}

export function intakeHeardFrom(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<MultiChoiceCounts> {
  return multiChoiceCounts(
    db,
    filter,
    'i."heardFrom"',
    HEARD_FROM.map((h) => h.code),
    uniform,
  );
}
