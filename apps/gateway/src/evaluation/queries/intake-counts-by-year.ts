import { danishCalendarDate, type KeyedUniform } from '@vi/domain';
import { type CountTable, countTable, matrixOf } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * Registration, baseline and end forms per organisation and year, like the seed's Table 5.1
 * (Køge 25/67/27, Odense 44/182/71 registrations in 2023/2024/2025 …). Registrations count
 * by registration date, forms by submission date. Only organisation and period apply: the
 * forms carry no gender or age columns, and mixing filtered and unfiltered rows in one table
 * would mislead.
 */
export const FORM_KINDS = ['REGISTRATION', 'BASELINE', 'END'] as const;

export type IntakeCountsByYear = {
  organizations: Array<{ id: string; name: string }>;
  years: number[];
  /** One table per form kind: rows = organisation ids (as in `organizations`), columns = years. */
  tables: Array<{ kind: (typeof FORM_KINDS)[number]; table: CountTable }>;
  ignoredFilters: FilterDimension[];
};

export async function intakeCountsByYear(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<IntakeCountsByYear> {
  assertValidEvaluationFilter(filter);
  const periodOnly: EvaluationFilter = {
    organizationIds: filter.organizationIds,
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  const params = new SqlParameters();
  const registrations = filterSql(periodOnly, params, {
    organization: 'i."organizationId"',
    date: 'i."registeredOn"',
  });
  const forms = filterSql(periodOnly, params, {
    organization: 'q."organizationId"',
    instant: 'q."submittedAt"',
  });
  const [rows, names, installation] = await Promise.all([
    db.query<{ kind: string; org: string; year: number; n: number; key_sum: string }>(
      `SELECT 'REGISTRATION' AS kind, i."organizationId"::text AS org, extract(year FROM i."registeredOn")::int AS year,
            count(*)::int AS n, sum(i."recordKey")::bigint AS key_sum
     FROM "IntakeRegistration" i WHERE ${registrations.where}
     GROUP BY i."organizationId", extract(year FROM i."registeredOn")
     UNION ALL
     SELECT q.kind::text, q."organizationId"::text, extract(year FROM q."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::int, count(*)::int,
            sum(q."recordKey")::bigint
     FROM "QuestionnaireResponse" q WHERE q.kind IN ('BASELINE', 'END') AND ${forms.where}
     GROUP BY q.kind, q."organizationId", extract(year FROM q."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')`,
      params.values,
    ),
    // Organisation names are not personal data; every granted organisation gets a row, even an empty one.
    db.query<{ id: string; name: string }>(
      `SELECT o.id::text AS id, o.name FROM "Organization" o WHERE o.id = ANY($1::uuid[]) ORDER BY o.name`,
      [filter.organizationIds],
    ),
    // The first year with any registration or questionnaire in the whole installation (all organisations).
    filter.from
      ? Promise.resolve([] as Array<{ year: number | null }>)
      : db.query<{ year: number | null }>(
          `SELECT least(
                    (SELECT extract(year FROM min(i."registeredOn")) FROM "IntakeRegistration" i),
                    (SELECT extract(year FROM min(q."submittedAt") AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen') FROM "QuestionnaireResponse" q)
                  )::int AS year`,
        ),
  ]);
  // Columns depend on the filter and the installation only (open ends: the installation's first year with data, this Danish year).
  const currentYear = Number(danishCalendarDate(new Date()).slice(0, 4));
  const upper = filter.to?.getUTCFullYear() ?? Math.max(currentYear, filter.from?.getUTCFullYear() ?? 0);
  const firstYear = installation[0]?.year ?? null;
  const lower = filter.from?.getUTCFullYear() ?? Math.min(firstYear ?? upper, upper);
  const years = Array.from({ length: upper - lower + 1 }, (_, i) => lower + i);
  const orgIds = names.map((o) => o.id);
  const yearKeys = years.map(String);
  const ignored: FilterDimension[] = [];
  if (filter.genders?.length) ignored.push('genders');
  if (filter.ageGroups?.length) ignored.push('ageGroups');
  if (filter.incidentTypes?.length) ignored.push('incidentTypes');
  if (filter.roles?.length) ignored.push('roles');
  return {
    organizations: names,
    years,
    tables: FORM_KINDS.map((kind) => ({
      kind,
      table: countTable(
        orgIds,
        yearKeys,
        matrixOf(
          orgIds,
          yearKeys,
          rows
            .filter((row) => row.kind === kind)
            .map((row) => ({ row: row.org, col: String(row.year), n: row.n, keySum: row.key_sum })),
        ),
        uniform,
      ),
    })),
    ignoredFilters: ignored,
  };
}
