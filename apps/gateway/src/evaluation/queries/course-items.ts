import {
  COURSE_ITEM_IDS,
  type CountCell,
  type DisclosedCount,
  discloseMeanAndSd,
  type KeyedUniform,
  type MagnitudeRange,
} from '@vi/domain';
import { countColumn, EMPTY_CELL } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * The end form's eleven course items (1 = slet ikke … 5 = rigtig meget; DOMAIN §5.2) as
 * means with n, per organisation and for all selected together. Item labels and their
 * dimension (recognition, mirroring, network, overall) come from the domain's END form by
 * item id. The period is the end form's submission date. An item's n is the end forms that
 * answer it (perturbed by the sum of those forms' record keys); its mean and standard
 * deviation carry the domain's magnitude noise for a 1-5 scale and are shown only where the
 * published n is 5 or more.
 */
export type CourseItemMean = { n: DisclosedCount; mean: number | null; sd: number | null };
export type CourseItemRow = {
  itemId: string;
  total: CourseItemMean;
  byOrganization: Array<{ organizationId: string } & CourseItemMean>;
};
export type CourseItems = { items: CourseItemRow[]; ignoredFilters: FilterDimension[] };

type Row = {
  org: string | null;
  item: string;
  cell: CountCell;
  mean: number | null;
  variance: number | null;
};

/** The likert scale of the course items. */
export const COURSE_ITEM_RANGE: MagnitudeRange = { lower: 1, upper: 5 };

/** Item ids become column names of jsonb_to_record below, so only plain ids are accepted. */
const PLAIN_ID = /^[a-z][a-z0-9_]*$/;

export async function courseItems(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<CourseItems> {
  assertValidEvaluationFilter(filter);
  for (const id of COURSE_ITEM_IDS)
    if (!PLAIN_ID.test(id)) throw new Error(`Unexpected course item id ${id}`);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, {
    organization: 'q."organizationId"',
    instant: 'q."submittedAt"',
  });
  // One pass over the end forms: jsonb_to_record reads all eleven answers of a form at once
  // (one row per form, not per item); answers are likert numbers 1-5, validated on the way in.
  const columns = COURSE_ITEM_IDS.map((id) => `${id} int`).join(', ');
  const aggregates = COURSE_ITEM_IDS.map(
    (id, i) =>
      `count(a.${id})::int AS n${i}, coalesce(sum(q."recordKey") FILTER (WHERE a.${id} IS NOT NULL), 0)::bigint AS k${i},
            avg(a.${id})::float8 AS m${i}, var_samp(a.${id})::float8 AS v${i}`,
  ).join(',\n            ');
  const wide = await db.query<Record<string, string | number | null>>(
    `SELECT q."organizationId"::text AS org,
            ${aggregates}
     FROM "QuestionnaireResponse" q
     CROSS JOIN LATERAL jsonb_to_record(q.answers) AS a(${columns})
     WHERE q.kind = 'END' AND ${where}
     GROUP BY GROUPING SETS ((q."organizationId"), ())`,
    params.values,
  );
  const rows: Row[] = wide.flatMap((row) =>
    COURSE_ITEM_IDS.map((item, i) => ({
      org: (row.org as string | null) ?? null,
      item,
      cell: { count: Number(row[`n${i}`] ?? 0), keySum: row[`k${i}`] ?? 0 },
      mean: row[`m${i}`] === null ? null : Number(row[`m${i}`]),
      variance: row[`v${i}`] === null ? null : Number(row[`v${i}`]),
    })),
  );
  // Rows are the selected organisations, not the groups SQL found: a row's presence must not reveal records.
  const orgIds = [...new Set(filter.organizationIds.map((id) => id.toLowerCase()))].sort();
  // Looked up by key, not searched: all organisations make 11 × 149 rows, and a search per cell
  // made the lookups quadratic (milliseconds per request, more than the statement takes).
  const byKey = new Map(rows.map((row) => [`${row.org ?? ''}\u0000${row.item}`, row]));
  const find = (org: string | null, item: string) => byKey.get(`${org ?? ''}\u0000${item}`);
  const mean = (row: Row | undefined, n: DisclosedCount): CourseItemMean => ({
    n,
    ...(row === undefined
      ? { mean: null, sd: null }
      : discloseMeanAndSd(`courseItem:${row.item}`, row, row.cell, n, COURSE_ITEM_RANGE, uniform)),
  });
  return {
    items: COURSE_ITEM_IDS.map((itemId) => {
      const ns = countColumn(
        orgIds.map((org) => find(org, itemId)?.cell ?? EMPTY_CELL),
        uniform,
      );
      return {
        itemId,
        total: mean(find(null, itemId), ns.total),
        byOrganization: orgIds.map((organizationId, i) => ({
          organizationId,
          ...mean(find(organizationId, itemId), ns.cells[i]!),
        })),
      };
    }),
    ignoredFilters: ignored,
  };
}
