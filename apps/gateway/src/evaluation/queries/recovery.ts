import {
  CLINICALLY_RELEVANT_CHANGE,
  type Rate,
  RECOVERY_CUTOFF,
  rateOf,
  significanceStars,
  suppressProportion,
} from '@vi/domain';
import { countColumn } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import type { SuppressedCount } from './related-counts-suppression.ts';
import { pairedFromSummary, type WelchSummaryTest, welchFromSummary } from './summary-t-tests.ts';

/**
 * Brief INSPIRE-O (how the person is doing) and Brief INSPIRE (support from the group
 * leaders), 0-100, before (baseline form) and after (end form), DOMAIN §5.1/5.3:
 * - unpaired, as VIVE reported it: each time point's n, mean and SD, Welch's test;
 * - paired on linked participant codes (what VIVE could not do): mean change with its 95 %
 *   interval and p, the share rising by CLINICALLY_RELEVANT_CHANGE points or more and the
 *   share crossing RECOVERY_CUTOFF.
 * SQL returns only n, mean and variance per group; the tests run on those summaries. A form
 * counts in the period by its submission date; a pair by its baseline's. Every n passes the
 * disclosure rule per organisation (with the all-organisations row as total); a mean, SD or
 * test is shown only where its n is.
 */
export const RECOVERY_MEASURES = [
  { measure: 'INSPIRE_O', column: 'inspireOScore' },
  { measure: 'INSPIRE', column: 'inspireScore' },
] as const;
export type RecoveryMeasure = (typeof RECOVERY_MEASURES)[number]['measure'];

export type ScoreSummary = { n: SuppressedCount; mean: number | null; sd: number | null };
export type TestResult = WelchSummaryTest & { stars: '' | '*' | '**' | '***' };

export type RecoveryRow = {
  organizationId: string | null;
  baseline: ScoreSummary;
  end: ScoreSummary;
  unpaired: TestResult | null;
  paired: {
    n: SuppressedCount;
    meanBefore: number | null;
    meanAfter: number | null;
    sdDifference: number | null;
    test: TestResult | null;
    /** Share of pairs whose score rose by CLINICALLY_RELEVANT_CHANGE or more. */
    clinicallyRelevantImprovement: Rate | null;
    /** Share of pairs below RECOVERY_CUTOFF before and at or above it after. */
    crossedCutoff: Rate | null;
  };
};

export type RecoveryFigure = {
  measure: RecoveryMeasure;
  total: RecoveryRow;
  byOrganization: RecoveryRow[];
};

export type Recovery = { measures: RecoveryFigure[]; ignoredFilters: FilterDimension[] };

type UnpairedRow = {
  org: string | null;
  kind: string;
  n: number;
  mean: number | null;
  variance: number | null;
};
type PairedRow = {
  org: string | null;
  n: number;
  mean_before: number | null;
  mean_after: number | null;
  mean_diff: number | null;
  var_diff: number | null;
  improved: number;
  crossed: number;
};

function withStars(test: WelchSummaryTest | null): TestResult | null {
  return test ? { ...test, stars: significanceStars(test.p) } : null;
}

function shownShare(k: number, n: SuppressedCount): Rate | null {
  if (n.value === null) return null;
  const disclosed = suppressProportion(k, n.value);
  return disclosed.suppressed ? null : rateOf(k, n.value);
}

async function measureFigure(
  db: AggregateSource,
  filter: EvaluationFilter,
  measure: RecoveryMeasure,
  column: string,
): Promise<RecoveryFigure> {
  const unpairedParams = new SqlParameters();
  const responses = filterSql(filter, unpairedParams, {
    organization: 'q."organizationId"',
    date: 'q."submittedAt"',
  });
  const pairedParams = new SqlParameters();
  const baselines = filterSql(filter, pairedParams, {
    organization: 'b."organizationId"',
    date: 'b."submittedAt"',
  });
  const score = (alias: string) => `${alias}."${column}"`;
  const [unpairedRows, pairedRows] = await Promise.all([
    db.query<UnpairedRow>(
      `SELECT q."organizationId"::text AS org, q.kind::text AS kind, count(${score('q')})::int AS n,
              avg(${score('q')})::float8 AS mean, var_samp(${score('q')})::float8 AS variance
       FROM "QuestionnaireResponse" q
       WHERE q.kind IN ('BASELINE', 'END') AND ${responses.where}
       GROUP BY GROUPING SETS ((q."organizationId", q.kind), (q.kind))`,
      unpairedParams.values,
    ),
    db.query<PairedRow>(
      `SELECT b."organizationId"::text AS org, count(*)::int AS n,
              avg(${score('b')})::float8 AS mean_before, avg(${score('e')})::float8 AS mean_after,
              avg(${score('e')} - ${score('b')})::float8 AS mean_diff,
              var_samp(${score('e')} - ${score('b')})::float8 AS var_diff,
              count(*) FILTER (WHERE ${score('e')} - ${score('b')} >= ${pairedParams.add(CLINICALLY_RELEVANT_CHANGE)}::float8)::int
                AS improved,
              count(*) FILTER (WHERE ${score('b')} < ${pairedParams.add(RECOVERY_CUTOFF)}::float8
                                 AND ${score('e')} >= ${pairedParams.add(RECOVERY_CUTOFF)}::float8)::int AS crossed
       FROM "QuestionnaireResponse" b
       JOIN "QuestionnaireResponse" e ON e."participantCode" = b."participantCode" AND e.kind = 'END'
       WHERE b.kind = 'BASELINE' AND ${score('b')} IS NOT NULL AND ${score('e')} IS NOT NULL AND ${baselines.where}
       GROUP BY GROUPING SETS ((b."organizationId"), ())`,
      pairedParams.values,
    ),
  ]);

  const orgIds = [
    ...new Set(
      [...unpairedRows, ...pairedRows].map((row) => row.org).filter((org): org is string => org !== null),
    ),
  ].sort();
  const unpaired = (org: string | null, kind: string) =>
    unpairedRows.find((row) => row.org === org && row.kind === kind);
  const paired = (org: string | null) => pairedRows.find((row) => row.org === org);
  const column_ = (pick: (org: string) => number) => countColumn(orgIds, orgIds.map(pick));
  const baselineN = column_((org) => unpaired(org, 'BASELINE')?.n ?? 0);
  const endN = column_((org) => unpaired(org, 'END')?.n ?? 0);
  const pairedN = column_((org) => paired(org)?.n ?? 0);

  const summary = (row: UnpairedRow | undefined, n: SuppressedCount): ScoreSummary => {
    const shown = n.value !== null && n.value > 0 && row !== undefined;
    return {
      n,
      mean: shown ? row.mean : null,
      sd: shown && row.variance !== null ? Math.sqrt(row.variance) : null,
    };
  };
  const shape = (
    org: string | null,
    nBaseline: SuppressedCount,
    nEnd: SuppressedCount,
    nPaired: SuppressedCount,
  ) => {
    const before = unpaired(org, 'BASELINE');
    const after = unpaired(org, 'END');
    const pair = paired(org);
    const unpairedShown = nBaseline.value !== null && nEnd.value !== null && before && after;
    const pairShown = nPaired.value !== null && nPaired.value > 0 && pair !== undefined;
    return {
      organizationId: org,
      baseline: summary(before, nBaseline),
      end: summary(after, nEnd),
      unpaired:
        unpairedShown && before.mean !== null && after.mean !== null
          ? withStars(
              welchFromSummary(
                { n: before.n, mean: before.mean, variance: before.variance ?? 0 },
                { n: after.n, mean: after.mean, variance: after.variance ?? 0 },
              ),
            )
          : null,
      paired: {
        n: nPaired,
        meanBefore: pairShown ? pair.mean_before : null,
        meanAfter: pairShown ? pair.mean_after : null,
        sdDifference: pairShown && pair.var_diff !== null ? Math.sqrt(pair.var_diff) : null,
        test:
          pairShown && pair.mean_diff !== null
            ? withStars(pairedFromSummary({ n: pair.n, mean: pair.mean_diff, variance: pair.var_diff ?? 0 }))
            : null,
        clinicallyRelevantImprovement: pairShown ? shownShare(pair.improved, nPaired) : null,
        crossedCutoff: pairShown ? shownShare(pair.crossed, nPaired) : null,
      },
    } satisfies RecoveryRow;
  };
  return {
    measure,
    total: shape(null, baselineN.total, endN.total, pairedN.total),
    byOrganization: orgIds.map((org, i) =>
      shape(org, baselineN.cells[i]!, endN.cells[i]!, pairedN.cells[i]!),
    ),
  };
}

export async function recovery(db: AggregateSource, filter: EvaluationFilter): Promise<Recovery> {
  assertValidEvaluationFilter(filter);
  const ignored: FilterDimension[] = [];
  if (filter.genders?.length) ignored.push('genders');
  if (filter.ageGroups?.length) ignored.push('ageGroups');
  if (filter.incidentTypes?.length) ignored.push('incidentTypes');
  if (filter.roles?.length) ignored.push('roles');
  const measures = await Promise.all(
    RECOVERY_MEASURES.map(({ measure, column }) => measureFigure(db, filter, measure, column)),
  );
  return { measures, ignoredFilters: ignored };
}
