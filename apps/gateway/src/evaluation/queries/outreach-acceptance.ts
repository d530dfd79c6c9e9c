import {
  AGE_GROUPS,
  disclosedRate,
  type GenderCode,
  INCIDENT_TYPES,
  type KeyedUniform,
  PERSON_ROLES,
  type Rate,
} from '@vi/domain';
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
import { OUTREACH_COLUMNS } from './outreach-funnel.ts';

/**
 * Acceptance among reached people by incident type (the seed's Figure 3), gender, age group
 * or role: wants a counsellor's call, or declines / will call themselves, with the rate out of
 * the reached in the row. Every cell and every total is a set of people perturbed by its own
 * cell key (count-table.ts); the rates are computed from the published cells and row totals.
 *
 * "Will call themselves" is about 1 % of reached people (the Projekt Opsøgende Indsats evaluation), so per group it would be
 * "under 5" almost everywhere and its column would say nothing: it is merged with the declines
 * (DECLINED_OR_SELF) and reported on its own in the funnel.
 *
 * Small categories are merged before protection, so a main group never stands next to a tiny
 * neighbour an evaluator could subtract it from: for GENDER the groups are MAN, WOMAN and
 * OTHER_OR_UNKNOWN (gender "other", about 1 %, together with not recorded).
 *
 * AGE_GROUP keeps UNKNOWN as a row of its own. The age is an optional column of the police
 * list, so how many cases lack it depends on each district's export and is not always tiny;
 * merged into an age group it would misstate that group. With perturbation a tiny row no
 * longer hides its neighbours (there is no secondary suppression): it is just shown as 0 or
 * "under 5" itself.
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
/** Gender "other" and not recorded, merged into one group before protection. */
export const OTHER_OR_UNKNOWN_GROUP = 'OTHER_OR_UNKNOWN';
/** The genders that are groups of their own; every other gender (and none) is OTHER_OR_UNKNOWN. */
export const MAIN_GENDERS: readonly GenderCode[] = ['MAN', 'WOMAN'];

export type AcceptanceRow = {
  group: string;
  /** The published row total: reached people in the group (null = "under 5"). */
  reached: number | null;
  /** The acceptance rate: wants a call / reached, from published counts. */
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

export function acceptanceGroups(dimension: AcceptanceDimension): string[] {
  switch (dimension) {
    case 'INCIDENT_TYPE':
      return INCIDENT_TYPES.map((t) => t.code);
    case 'GENDER':
      return [...MAIN_GENDERS, OTHER_OR_UNKNOWN_GROUP];
    case 'AGE_GROUP':
      return [...AGE_GROUPS.map((g) => g.code), UNKNOWN_GROUP];
    case 'ROLE':
      return PERSON_ROLES.map((r) => r.code);
  }
}

/** The column the inner query groups by (the raw column, so the hash aggregate stays cheap). */
const GROUP_COLUMN: Record<AcceptanceDimension, string> = {
  INCIDENT_TYPE: 'c."incidentType"',
  GENDER: 'c.gender',
  AGE_GROUP: 'c."ageAtIncident"',
  ROLE: 'c.role',
};

/** The group of a grouped value `g.v`, in SQL. */
function groupExpression(dimension: AcceptanceDimension, params: SqlParameters): string {
  switch (dimension) {
    case 'INCIDENT_TYPE':
    case 'ROLE':
      return 'g.v::text';
    case 'GENDER':
      return `CASE WHEN g.v::text = ANY(${params.add(MAIN_GENDERS)}::text[]) THEN g.v::text
                   ELSE ${params.add(OTHER_OR_UNKNOWN_GROUP)}::text END`;
    case 'AGE_GROUP':
      return `coalesce(${ageGroupSql('g.v', params)}, ${params.add(UNKNOWN_GROUP)}::text)`;
  }
}

export async function outreachAcceptance(
  db: AggregateSource,
  filter: EvaluationFilter,
  dimension: AcceptanceDimension,
  uniform: KeyedUniform,
): Promise<OutreachAcceptance> {
  assertValidEvaluationFilter(filter);
  if (!ACCEPTANCE_DIMENSIONS.includes(dimension))
    throw new Error(`Unknown acceptance dimension ${dimension}`);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const group = groupExpression(dimension, params);
  // The inner query groups by the column itself (an enum or an age), the outer one maps each
  // of those few groups to its reporting group; groups that map to the same cell are added up
  // by matrixOf (counts and key sums of disjoint sets add). Each group sums its cases' record
  // keys, from which disclosure control draws its noise.
  const rows = await db.query<{ grp: string; status: string; n: number; key_sum: string }>(
    `SELECT ${group} AS grp, g.status::text AS status, g.n, g.key_sum
     FROM (SELECT ${GROUP_COLUMN[dimension]} AS v, c.status, count(*)::int AS n,
                  sum(c."recordKey")::bigint AS key_sum
           FROM "OutreachCase" c
           WHERE c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') AND ${where}
           GROUP BY 1, 2) g`,
    params.values,
  );

  const groups = acceptanceGroups(dimension);
  const outcomes = [...ACCEPTANCE_OUTCOMES];
  const table = countTable(
    groups,
    outcomes,
    matrixOf(
      groups,
      outcomes,
      rows.map((row) => ({
        row: row.grp,
        col: STATUS_OF_OUTCOME[row.status] ?? '',
        n: row.n,
        keySum: row.key_sum,
      })),
    ),
    uniform,
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
        wantsCall: disclosedRate(cells[0]!, reached),
        declinedOrSelf: disclosedRate(cells[1]!, reached),
      };
    }),
    ignoredFilters: ignored,
  };
}
