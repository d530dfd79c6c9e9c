import { AGE_GROUPS, GENDERS, INCIDENT_TYPES, PERSON_ROLES, type Rate } from '@vi/domain';
import { type CountTable, countTable, matrixOf } from './count-table.ts';
import {
  type AggregateSource,
  ageGroupSql,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { OUTREACH_COLUMNS, shownRate } from './outreach-funnel.ts';

/**
 * Acceptance among reached people by incident type (the seed's Figure 3), gender, age group
 * or role: wants a counsellor's call, or declines / will call themselves, with the rate out of
 * the reached in the row. "Will call themselves" is about 1 % of reached people (seed 001), so
 * per group it is a count of 1-4 almost everywhere; as a column of its own it would be hidden
 * and, by secondary suppression, take the acceptance count of its row with it. It is therefore
 * merged with the declines here and reported on its own in the funnel, where the disclosure
 * check knows that declinedOrSelf = declined + willCallSelf. Unknown gender or age is its own
 * row so the columns still add up.
 */
export const ACCEPTANCE_DIMENSIONS = ['INCIDENT_TYPE', 'GENDER', 'AGE_GROUP', 'ROLE'] as const;
export type AcceptanceDimension = (typeof ACCEPTANCE_DIMENSIONS)[number];

export const ACCEPTANCE_OUTCOMES = ['WANTS_CALL', 'DECLINED_OR_SELF'] as const;
const STATUS_OF_OUTCOME: Record<string, (typeof ACCEPTANCE_OUTCOMES)[number]> = {
  REFERRED: 'WANTS_CALL',
  DECLINED: 'DECLINED_OR_SELF',
  WILL_CALL_SELF: 'DECLINED_OR_SELF',
};

export const UNKNOWN_GROUP = 'UNKNOWN';

export type AcceptanceRow = {
  group: string;
  reached: number | null;
  /** The acceptance rate: wants a call / reached. */
  wantsCall: Rate | null;
  declinedOrSelf: Rate | null;
};

export type OutreachAcceptance = {
  dimension: AcceptanceDimension;
  /** Rows = groups, columns = ACCEPTANCE_OUTCOMES, row totals = reached in the group. */
  table: CountTable;
  rows: AcceptanceRow[];
  ignoredFilters: FilterDimension[];
};

function groupsOf(dimension: AcceptanceDimension): string[] {
  switch (dimension) {
    case 'INCIDENT_TYPE':
      return INCIDENT_TYPES.map((t) => t.code);
    case 'GENDER':
      return [...GENDERS.map((g) => g.code), UNKNOWN_GROUP];
    case 'AGE_GROUP':
      return [...AGE_GROUPS.map((g) => g.code), UNKNOWN_GROUP];
    case 'ROLE':
      return PERSON_ROLES.map((r) => r.code);
  }
}

function groupExpression(dimension: AcceptanceDimension, params: SqlParameters): string {
  switch (dimension) {
    case 'INCIDENT_TYPE':
      return 'c."incidentType"::text';
    case 'GENDER':
      return `coalesce(c.gender::text, ${params.add(UNKNOWN_GROUP)}::text)`;
    case 'AGE_GROUP':
      return `coalesce(${ageGroupSql('c."ageAtIncident"', params)}, ${params.add(UNKNOWN_GROUP)}::text)`;
    case 'ROLE':
      return 'c.role::text';
  }
}

export async function outreachAcceptance(
  db: AggregateSource,
  filter: EvaluationFilter,
  dimension: AcceptanceDimension,
): Promise<OutreachAcceptance> {
  assertValidEvaluationFilter(filter);
  if (!ACCEPTANCE_DIMENSIONS.includes(dimension))
    throw new Error(`Unknown acceptance dimension ${dimension}`);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const group = groupExpression(dimension, params);
  // Grouping by the enum columns themselves (not their text) keeps the hash aggregate cheap;
  // the group expression is evaluated once per group in the outer query.
  const rows = await db.query<{ grp: string; status: string; n: number }>(
    `SELECT ${group} AS grp, c.status::text AS status, count(*)::int AS n
     FROM "OutreachCase" c
     WHERE c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') AND ${where}
     GROUP BY 1, c.status`,
    params.values,
  );

  const groups = groupsOf(dimension);
  const outcomes = [...ACCEPTANCE_OUTCOMES];
  const table = countTable(
    groups,
    outcomes,
    matrixOf(
      groups,
      outcomes,
      rows.map((row) => ({ row: row.grp, col: STATUS_OF_OUTCOME[row.status] ?? '', n: row.n })),
    ),
  );
  return {
    dimension,
    table,
    rows: groups.map((groupCode, i) => {
      const reached = table.rowTotals[i]!;
      const cells = table.cells[i]!;
      return {
        group: groupCode,
        reached: reached.value,
        wantsCall: shownRate(cells[0]!, reached),
        declinedOrSelf: shownRate(cells[1]!, reached),
      };
    }),
    ignoredFilters: ignored,
  };
}
