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
  // One statement, one snapshot: the registrations (key '') and, per option, the
  // registrations that chose it (an option listed twice in one answer counts once).
  const rows = await db.query<{ key: string; n: number; key_sum: string }>(
    `SELECT '' AS key, count(*)::int AS n, coalesce(sum(i."recordKey"), 0)::bigint AS key_sum
     FROM "IntakeRegistration" i WHERE ${where}
     UNION ALL
     SELECT 'option:' || o.code::text, count(*)::int, sum(i."recordKey")::bigint
     FROM "IntakeRegistration" i
     CROSS JOIN LATERAL (SELECT DISTINCT c AS code FROM unnest(${arrayColumn}) AS c) AS o
     WHERE ${where} GROUP BY o.code`,
    params.values,
  );
  const cells = cellsByKey(rows);
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
