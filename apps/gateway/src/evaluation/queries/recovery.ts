import {
  CLINICALLY_RELEVANT_CHANGE,
  type DisclosedCount,
  pairedTTestFromSummary,
  type Rate,
  RECOVERY_CUTOFF,
  rateOf,
  type SampleSummary,
  significanceStars,
  suppressProportion,
  type TwoSampleTTest,
  welchTTestFromSummary,
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

export type ScoreSummary = { n: DisclosedCount; mean: number | null; sd: number | null };
/**
 * What the TTest GraphQL type shows of a test: the fields the domain's Welch
 * (`TwoSampleTTest`) and paired (`PairedDifferenceTest`) results share, meanDifference
 * being after − before in both, plus VIVE's stars.
 */
export type TestResult = Pick<
  TwoSampleTTest,
  'meanDifference' | 'standardError' | 't' | 'df' | 'p' | 'ci95'
> & {
  stars: '' | '*' | '**' | '***';
};

export type RecoveryRow = {
  organizationId: string | null;
  baseline: ScoreSummary;
  end: ScoreSummary;
  unpaired: TestResult | null;
  paired: {
    n: DisclosedCount;
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

/** One SQL row carries both measures, prefixed o_ (INSPIRE-O) and l_ (INSPIRE, the group leaders). */
const PREFIX: Record<RecoveryMeasure, string> = { INSPIRE_O: 'o', INSPIRE: 'l' };

/**
 * Runs one of the domain's summary t-tests and keeps what TestResult shows. The domain
 * throws a RangeError where the t statistic is undefined (fewer than two values, or no
 * variance, e.g. every pair changed by the same amount); such a figure shows no test
 * rather than failing the whole request.
 */
function testWhereDefined(run: () => Omit<TestResult, 'stars'>): TestResult | null {
  let test: Omit<TestResult, 'stars'>;
  try {
    test = run();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  const { meanDifference, standardError, t, df, p, ci95 } = test;
  return { meanDifference, standardError, t, df, p, ci95, stars: significanceStars(p) };
}

/** Welch's test of `after` against `before` (meanDifference = after − before), or null where undefined. */
export function welchTestResult(before: SampleSummary, after: SampleSummary): TestResult | null {
  return testWhereDefined(() => welchTTestFromSummary(before, after));
}

/** The paired test from the summary of the differences (after − before), or null where undefined. */
export function pairedTestResult(differences: SampleSummary): TestResult | null {
  return testWhereDefined(() => pairedTTestFromSummary(differences));
}

function shownShare(k: number, n: DisclosedCount): Rate | null {
  if (n.value === null) return null;
  const disclosed = suppressProportion(k, n.value);
  return disclosed.suppressed ? null : rateOf(k, n.value);
}

type SummaryRows = { unpaired: Array<Record<string, unknown>>; paired: Array<Record<string, unknown>> };

/** Both measures in two statements: n, mean and variance per organisation and kind, and per pair. */
async function summaryRows(db: AggregateSource, filter: EvaluationFilter): Promise<SummaryRows> {
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
  const improvement = pairedParams.add(CLINICALLY_RELEVANT_CHANGE);
  const cutoff = pairedParams.add(RECOVERY_CUTOFF);
  const unpairedColumns = RECOVERY_MEASURES.map(({ measure, column }) => {
    const p = PREFIX[measure];
    return `count(q."${column}")::int AS ${p}_n, avg(q."${column}")::float8 AS ${p}_mean,
            var_samp(q."${column}")::float8 AS ${p}_variance`;
  }).join(',\n            ');
  const pairedColumns = RECOVERY_MEASURES.map(({ measure, column }) => {
    const p = PREFIX[measure];
    const before = `b."${column}"`;
    const after = `e."${column}"`;
    // A pair counts for a measure when both forms have that score.
    const diff = `(${after} - ${before})`;
    return `count(${diff})::int AS ${p}_n, avg(${before}) FILTER (WHERE ${diff} IS NOT NULL)::float8 AS ${p}_mean_before,
            avg(${after}) FILTER (WHERE ${diff} IS NOT NULL)::float8 AS ${p}_mean_after,
            avg(${diff})::float8 AS ${p}_mean_diff, var_samp(${diff})::float8 AS ${p}_var_diff,
            count(*) FILTER (WHERE ${diff} >= ${improvement}::float8)::int AS ${p}_improved,
            count(*) FILTER (WHERE ${before} < ${cutoff}::float8 AND ${after} >= ${cutoff}::float8)::int AS ${p}_crossed`;
  }).join(',\n            ');
  const [unpaired, paired] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT q."organizationId"::text AS org, q.kind::text AS kind,
            ${unpairedColumns}
       FROM "QuestionnaireResponse" q
       WHERE q.kind IN ('BASELINE', 'END') AND ${responses.where}
       GROUP BY GROUPING SETS ((q."organizationId", q.kind), (q.kind))`,
      unpairedParams.values,
    ),
    db.query<Record<string, unknown>>(
      `SELECT b."organizationId"::text AS org,
            ${pairedColumns}
       FROM "QuestionnaireResponse" b
       JOIN "QuestionnaireResponse" e ON e."participantCode" = b."participantCode" AND e.kind = 'END'
       WHERE b.kind = 'BASELINE' AND ${baselines.where}
       GROUP BY GROUPING SETS ((b."organizationId"), ())`,
      pairedParams.values,
    ),
  ]);
  return { unpaired, paired };
}

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

function measureFigure(rows: SummaryRows, measure: RecoveryMeasure): RecoveryFigure {
  const p = PREFIX[measure];
  const unpairedRows: UnpairedRow[] = rows.unpaired.map((row) => ({
    org: (row.org as string | null) ?? null,
    kind: String(row.kind),
    n: Number(row[`${p}_n`] ?? 0),
    mean: numberOrNull(row[`${p}_mean`]),
    variance: numberOrNull(row[`${p}_variance`]),
  }));
  const pairedRows: PairedRow[] = rows.paired.map((row) => ({
    org: (row.org as string | null) ?? null,
    n: Number(row[`${p}_n`] ?? 0),
    mean_before: numberOrNull(row[`${p}_mean_before`]),
    mean_after: numberOrNull(row[`${p}_mean_after`]),
    mean_diff: numberOrNull(row[`${p}_mean_diff`]),
    var_diff: numberOrNull(row[`${p}_var_diff`]),
    improved: Number(row[`${p}_improved`] ?? 0),
    crossed: Number(row[`${p}_crossed`] ?? 0),
  }));

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

  const summary = (row: UnpairedRow | undefined, n: DisclosedCount): ScoreSummary => {
    const shown = n.value !== null && n.value > 0 && row !== undefined;
    return {
      n,
      mean: shown ? row.mean : null,
      sd: shown && row.variance !== null ? Math.sqrt(row.variance) : null,
    };
  };
  const shape = (
    org: string | null,
    nBaseline: DisclosedCount,
    nEnd: DisclosedCount,
    nPaired: DisclosedCount,
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
          ? welchTestResult(
              { n: before.n, mean: before.mean, variance: before.variance ?? 0 },
              { n: after.n, mean: after.mean, variance: after.variance ?? 0 },
            )
          : null,
      paired: {
        n: nPaired,
        meanBefore: pairShown ? pair.mean_before : null,
        meanAfter: pairShown ? pair.mean_after : null,
        sdDifference: pairShown && pair.var_diff !== null ? Math.sqrt(pair.var_diff) : null,
        test:
          pairShown && pair.mean_diff !== null
            ? pairedTestResult({ n: pair.n, mean: pair.mean_diff, variance: pair.var_diff ?? 0 })
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
  const rows = await summaryRows(db, filter);
  const measures = RECOVERY_MEASURES.map(({ measure }) => measureFigure(rows, measure));
  return { measures, ignoredFilters: ignored };
}
