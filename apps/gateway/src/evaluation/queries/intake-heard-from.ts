import { type DisclosedCount, HEARD_FROM, type Rate, suppressLinkedCounts } from '@vi/domain';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { shownRate } from './outreach-funnel.ts';

/** Intake registrations (DOMAIN §4); the period is the registration date. */
export const INTAKE_COLUMNS: FilterColumns = {
  organization: 'i."organizationId"',
  date: 'i."registeredOn"',
  gender: 'i.gender',
  age: 'i."ageYears"',
};

/**
 * Where people heard of the offer (registration Q4, several answers allowed). The counts do
 * not add up to the registrations (one person can give several answers), so there is no sum
 * through which a hidden count could be recovered: each count passes the primary rule alone.
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
): Promise<MultiChoiceCounts> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, INTAKE_COLUMNS);
  const rows = await db.query<{ code: string | null; n: number }>(
    `SELECT NULL::text AS code, count(*)::int AS n FROM "IntakeRegistration" i WHERE ${where}
     UNION ALL
     SELECT o.code::text, count(*)::int FROM "IntakeRegistration" i CROSS JOIN LATERAL unnest(${arrayColumn}) AS o(code)
     WHERE ${where} GROUP BY o.code`,
    params.values,
  );
  const counts: Record<string, number> = { registrations: 0 };
  for (const code of codes) counts[`option:${code}`] = 0;
  for (const row of rows) {
    if (row.code === null) counts.registrations = row.n;
    else counts[`option:${row.code}`] = (counts[`option:${row.code}`] ?? 0) + row.n;
  }
  const shown = suppressLinkedCounts(counts, []);
  return {
    registrations: shown.registrations!,
    options: codes.map((code) => {
      const count = shown[`option:${code}`]!;
      return { code, count, shareOfRegistrations: shownRate(count, shown.registrations!) };
    }),
    ignoredFilters: ignored,
  };
}

export function intakeHeardFrom(db: AggregateSource, filter: EvaluationFilter): Promise<MultiChoiceCounts> {
  return multiChoiceCounts(
    db,
    filter,
    'i."heardFrom"',
    HEARD_FROM.map((h) => h.code),
  );
}
