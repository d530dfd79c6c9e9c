import {
  COUNSELLING_AREAS,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  type Rate,
  TRANSFER_MAX_GAP_DAYS,
} from '@vi/domain';
import { type CountTable, countTable, matrixOf, unionCell } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { cellOf, selectedOrganizationIds } from './organization-rows.ts';

/**
 * The § 109 coordinating counselling before move-out (DOMAIN §2.4, the Red Cross recommendations on aftercare, 2025): of the move-outs
 * in the period, the share with every area covered by the move-out day (the domain's
 * allAreasCoveredBeforeMoveOut: each area "not relevant", or done on or before the day), and per
 * area how many move-outs had it covered. A missing checklist item is an area not covered.
 *
 * A move-out is a stay that ended and was not continued by a transfer (the same woman admitted
 * to a shelter of the system on the day or the day after, TRANSFER_MAX_GAP_DAYS): the checklist
 * that matters is the one of the stay she finally left. The organisation is the shelter she
 * moved out of; the period is the move-out day. Each move-out counts with the stay's record key.
 */
export const COUNSELLING_AREA_CODES: readonly string[] = COUNSELLING_AREAS.map((area) => area.code);
export const COVERAGE_COLUMNS = ['COVERED', 'NOT_COVERED'] as const;

export const MOVE_OUT_COLUMNS: FilterColumns = {
  organization: 'st."organizationId"',
  date: 'st."movedOutOn"',
};

/** One woman across the system: the keyed hash of her CPR number, else her Person row. */
export const WOMAN_SQL = (stay: string) => `coalesce(${stay}."personKey", ${stay}."personId"::text)`;

/**
 * A stay `st` that ended in a move-out, not in a transfer: no admission of the same woman to a
 * shelter of the system on the move-out day or the day after. Over every stay PostgreSQL answers it
 * with one hash anti-join on the woman; for one shelter's year it reads the stays once.
 */
export function moveOutSql(params: SqlParameters): string {
  return `st."movedOutOn" IS NOT NULL AND NOT EXISTS (
    SELECT FROM "ShelterStay" nx
    WHERE ${WOMAN_SQL('nx')} = ${WOMAN_SQL('st')} AND nx.id <> st.id
      AND nx."admittedOn" BETWEEN st."movedOutOn" AND st."movedOutOn" + ${params.add(TRANSFER_MAX_GAP_DAYS)}::int)`;
}

/** An item that covers its area by the move-out day (COUNSELLING_ITEM_STATUSES' `covers`). */
const COVERS = `(i.status = 'NOT_RELEVANT' OR (i.status = 'DONE' AND i."completedOn" <= st."movedOutOn"))`;

export type CounsellingRow = {
  organizationId: string | null;
  moveOuts: DisclosedCount;
  allCovered: DisclosedCount;
  /** allCovered / moveOuts from the published counts. */
  share: Rate | null;
};

export type ShelterCounselling = {
  total: CounsellingRow;
  byOrganization: CounsellingRow[];
  /** Rows = areas, columns = COVERED / NOT_COVERED, over all selected move-outs. */
  areas: CountTable;
  ignoredFilters: FilterDimension[];
};

export async function shelterCounselling(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<ShelterCounselling> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, MOVE_OUT_COLUMNS);
  const moveOut = moveOutSql(params);
  const areas = params.add(COUNSELLING_AREA_CODES);
  // One statement, one snapshot: per move-out the areas it had covered, then per organisation
  // the move-outs and those with every area covered, and per area the covered and not.
  const rows = await db.query<{
    part: 'org' | 'area';
    key: string;
    covered: boolean;
    n: number;
    key_sum: string;
  }>(
    `WITH m AS (
       SELECT st."organizationId"::text AS org, st."recordKey" AS record_key,
              coalesce(array_agg(i.area::text) FILTER (WHERE ${COVERS}), '{}') AS covered
       FROM "ShelterStay" st LEFT JOIN "CounsellingItem" i ON i."stayId" = st.id
       WHERE ${moveOut} AND ${where}
       GROUP BY st.id, st."organizationId", st."recordKey"
     )
     SELECT 'org' AS part, org AS key, covered @> ${areas}::text[] AS covered,
            count(*)::int AS n, sum(record_key)::bigint AS key_sum
     FROM m GROUP BY 2, 3
     UNION ALL
     SELECT 'area', a.area, a.area = ANY (m.covered), count(*)::int, sum(m.record_key)::bigint
     FROM m CROSS JOIN unnest(${areas}::text[]) AS a(area) GROUP BY 2, 3`,
    params.values,
  );
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const cell = (part: 'org' | 'area', key: string, covered: boolean) => {
    const row = rows.find((r) => r.part === part && r.key === key && r.covered === covered);
    return cellOf(row?.n, row?.key_sum);
  };
  const perOrg = orgs.map((org) => ({ org, covered: cell('org', org, true), not: cell('org', org, false) }));
  const shape = (
    organizationId: string | null,
    covered: ReturnType<typeof cell>,
    not: ReturnType<typeof cell>,
  ) => {
    const moveOuts = discloseCount(unionCell([covered, not]), uniform);
    const allCovered = discloseCount(covered, uniform);
    return { organizationId, moveOuts, allCovered, share: disclosedRate(allCovered, moveOuts) };
  };
  const areaTable = countTable(
    COUNSELLING_AREA_CODES,
    [...COVERAGE_COLUMNS],
    matrixOf(
      COUNSELLING_AREA_CODES,
      [...COVERAGE_COLUMNS],
      rows
        .filter((row) => row.part === 'area')
        .map((row) => ({
          row: row.key,
          col: row.covered ? 'COVERED' : 'NOT_COVERED',
          n: row.n,
          keySum: row.key_sum,
        })),
    ),
    uniform,
  );
  return {
    total: shape(null, unionCell(perOrg.map((p) => p.covered)), unionCell(perOrg.map((p) => p.not))),
    byOrganization: perOrg.map((p) => shape(p.org, p.covered, p.not)),
    areas: areaTable,
    ignoredFilters: ignored,
  };
}
