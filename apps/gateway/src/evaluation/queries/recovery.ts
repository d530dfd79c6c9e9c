import {
  CLINICALLY_RELEVANT_CHANGE,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  discloseMeanAndSd,
  isValidatedTranslation,
  type KeyedUniform,
  type MagnitudeRange,
  MIN_CELL,
  PARTICIPANT_LOCALE_CODES,
  type ParticipantLocale,
  pairedTTestFromSummary,
  type Rate,
  RECOVERY_CUTOFF,
  type SampleSummary,
  significanceStars,
  type TwoSampleTTest,
  welchTTestFromSummary,
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
 * Brief INSPIRE-O (how the person is doing) and Brief INSPIRE (support from the group
 * leaders), 0-100, before (baseline form) and after (end form), DOMAIN §5.1/5.3:
 * - unpaired, as VIVE reported it: each time point's n, mean and SD, Welch's test;
 * - paired on linked participant codes (what VIVE could not do): mean change with its 95 %
 *   interval and p, the share rising by CLINICALLY_RELEVANT_CHANGE points or more and the
 *   share crossing RECOVERY_CUTOFF.
 * SQL returns only n, mean, variance and the sum of the record keys per group. A form counts
 * in the period by its submission date; a pair by its baseline's, and with its baseline's
 * record key. Every n is perturbed (cell-key method) per organisation and in total; means and
 * SDs carry the domain's magnitude noise (scores 0-100; a difference -100 to 100) and are
 * shown only where the published n is 5 or more; the improved and crossed pairs are perturbed
 * counts and their shares come from published counts. The t-tests are computed from the
 * published n, means and SDs only, never from the true values.
 *
 * A score counts only where the form was read in a validated version of the instrument (the
 * domain's INSTRUMENT_TRANSLATIONS: today Danish and English; forms stored before the language
 * was recorded were Danish or English). Scores from our own, unvalidated translations are not
 * comparable with the published instrument, so they are left out of every figure above and a
 * pair counts only when both its forms are validated. They are shown apart (`unvalidated`):
 * per language and time point, n perturbed like every count and the mean only where n clears
 * the threshold, never mixed into the main figure.
 */
export const RECOVERY_MEASURES = [
  { measure: 'INSPIRE_O', column: 'inspireOScore' },
  { measure: 'INSPIRE', column: 'inspireScore' },
] as const;
export type RecoveryMeasure = (typeof RECOVERY_MEASURES)[number]['measure'];

/** The scores' scale, and the scale of a pair's difference (after − before). */
export const SCORE_RANGE: MagnitudeRange = { lower: 0, upper: 100 };
export const DIFFERENCE_RANGE: MagnitudeRange = { lower: -100, upper: 100 };
const SD_DIFFERENCE_CLAMP: MagnitudeRange = {
  lower: 0,
  upper: DIFFERENCE_RANGE.upper - DIFFERENCE_RANGE.lower,
};

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

/** Scores from one language without a validated translation, kept apart (all selected organisations). */
export type UnvalidatedScores = { language: ParticipantLocale; baseline: ScoreSummary; end: ScoreSummary };

export type RecoveryFigure = {
  measure: RecoveryMeasure;
  total: RecoveryRow;
  byOrganization: RecoveryRow[];
  /** The languages whose scores count above (the domain's validated translations). */
  validatedLanguages: ParticipantLocale[];
  /** Every language without a validated translation, in the domain's order, whether or not it has answers. */
  unvalidated: UnvalidatedScores[];
};

export type Recovery = { measures: RecoveryFigure[]; ignoredFilters: FilterDimension[] };

type UnpairedRow = {
  org: string | null;
  kind: string;
  cell: CountCell;
  mean: number | null;
  variance: number | null;
};
type PairedRow = {
  org: string | null;
  cell: CountCell;
  mean_before: number | null;
  mean_after: number | null;
  var_diff: number | null;
  improved: CountCell;
  crossed: CountCell;
};

/** The languages whose form gives a comparable score of `measure`, from the domain's table. */
export function validatedLanguages(measure: RecoveryMeasure): ParticipantLocale[] {
  return PARTICIPANT_LOCALE_CODES.filter((locale) => isValidatedTranslation(measure, locale));
}

/** The offered languages whose form of `measure` is our own translation. */
export function unvalidatedLanguages(measure: RecoveryMeasure): ParticipantLocale[] {
  return PARTICIPANT_LOCALE_CODES.filter((locale) => !isValidatedTranslation(measure, locale));
}

/**
 * A form's score of a measure where its language is validated for it, else NULL (so count, avg
 * and var_samp skip it, and a pair's difference is NULL when either form is unvalidated). A NULL
 * locale is a form from before the language was recorded: Danish or English, validated.
 */
const validatedScore = (alias: string, column: string, validated: string) =>
  `CASE WHEN ${alias}.locale IS NULL OR ${alias}.locale = ANY(${validated}::text[]) THEN ${alias}."${column}" END`;

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

/** A published summary as the tests take it: only where n is shown as MIN_CELL or more and mean and SD are shown. */
function publishedSummary(n: DisclosedCount, mean: number | null, sd: number | null): SampleSummary | null {
  if (n.value === null || n.value < MIN_CELL || mean === null || sd === null) return null;
  return { n: n.value, mean, variance: sd * sd };
}

type SummaryRows = {
  unpaired: Array<Record<string, unknown>>;
  paired: Array<Record<string, unknown>>;
  unvalidated: Array<Record<string, unknown>>;
};

/**
 * Both measures in three statements: n, mean and variance per organisation and kind, and per
 * pair (validated languages only); and per unvalidated language and kind, for all selected.
 */
async function summaryRows(db: AggregateSource, filter: EvaluationFilter): Promise<SummaryRows> {
  const unpairedParams = new SqlParameters();
  const responses = filterSql(filter, unpairedParams, {
    organization: 'q."organizationId"',
    instant: 'q."submittedAt"',
  });
  const pairedParams = new SqlParameters();
  const baselines = filterSql(filter, pairedParams, {
    organization: 'b."organizationId"',
    instant: 'b."submittedAt"',
  });
  const improvement = pairedParams.add(CLINICALLY_RELEVANT_CHANGE);
  const cutoff = pairedParams.add(RECOVERY_CUTOFF);
  const unpairedColumns = RECOVERY_MEASURES.map(({ measure, column }) => {
    const p = PREFIX[measure];
    const score = validatedScore('q', column, unpairedParams.add(validatedLanguages(measure)));
    return `count(${score})::int AS ${p}_n,
            coalesce(sum(q."recordKey") FILTER (WHERE (${score}) IS NOT NULL), 0)::bigint AS ${p}_key,
            avg(${score})::float8 AS ${p}_mean,
            var_samp(${score})::float8 AS ${p}_variance`;
  }).join(',\n            ');
  const pairedColumns = RECOVERY_MEASURES.map(({ measure, column }) => {
    const p = PREFIX[measure];
    const validated = pairedParams.add(validatedLanguages(measure));
    const before = `(${validatedScore('b', column, validated)})`;
    const after = `(${validatedScore('e', column, validated)})`;
    // A pair counts for a measure when both forms have that score; it is keyed by its
    // baseline form's record key.
    const diff = `(${after} - ${before})`;
    const key = 'b."recordKey"';
    const improved = `${diff} >= ${improvement}::float8`;
    const crossed = `${before} < ${cutoff}::float8 AND ${after} >= ${cutoff}::float8`;
    return `count(${diff})::int AS ${p}_n,
            coalesce(sum(${key}) FILTER (WHERE ${diff} IS NOT NULL), 0)::bigint AS ${p}_key,
            avg(${before}) FILTER (WHERE ${diff} IS NOT NULL)::float8 AS ${p}_mean_before,
            avg(${after}) FILTER (WHERE ${diff} IS NOT NULL)::float8 AS ${p}_mean_after,
            var_samp(${diff})::float8 AS ${p}_var_diff,
            count(*) FILTER (WHERE ${improved})::int AS ${p}_improved,
            coalesce(sum(${key}) FILTER (WHERE ${improved}), 0)::bigint AS ${p}_improved_key,
            count(*) FILTER (WHERE ${crossed})::int AS ${p}_crossed,
            coalesce(sum(${key}) FILTER (WHERE ${crossed}), 0)::bigint AS ${p}_crossed_key`;
  }).join(',\n            ');
  const apartParams = new SqlParameters();
  const apart = filterSql(filter, apartParams, {
    organization: 'q."organizationId"',
    instant: 'q."submittedAt"',
  });
  const anyUnvalidated = apartParams.add([
    ...new Set(RECOVERY_MEASURES.flatMap(({ measure }) => unvalidatedLanguages(measure))),
  ]);
  const apartColumns = RECOVERY_MEASURES.map(({ measure, column }) => {
    const p = PREFIX[measure];
    const unvalidated = apartParams.add(unvalidatedLanguages(measure));
    const score = `CASE WHEN q.locale = ANY(${unvalidated}::text[]) THEN q."${column}" END`;
    return `count(${score})::int AS ${p}_n,
            coalesce(sum(q."recordKey") FILTER (WHERE (${score}) IS NOT NULL), 0)::bigint AS ${p}_key,
            avg(${score})::float8 AS ${p}_mean,
            var_samp(${score})::float8 AS ${p}_variance`;
  }).join(',\n            ');
  const [unpaired, paired, unvalidated] = await Promise.all([
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
    db.query<Record<string, unknown>>(
      `SELECT q.locale AS locale, q.kind::text AS kind,
            ${apartColumns}
       FROM "QuestionnaireResponse" q
       WHERE q.kind IN ('BASELINE', 'END') AND q.locale = ANY(${anyUnvalidated}::text[]) AND ${apart.where}
       GROUP BY q.locale, q.kind`,
      apartParams.values,
    ),
  ]);
  return { unpaired, paired, unvalidated };
}

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const cellOf = (row: Record<string, unknown>, count: string, key: string): CountCell => ({
  count: Number(row[count] ?? 0),
  keySum: String(row[key] ?? 0),
});

/** The name a score's statistics are drawn under: the measure and the form (time point). */
const statisticOf = (measure: RecoveryMeasure, kind: string) => `recovery:${measure}:${kind}`;

function measureFigure(
  rows: SummaryRows,
  measure: RecoveryMeasure,
  orgIds: readonly string[],
  uniform: KeyedUniform,
): RecoveryFigure {
  const p = PREFIX[measure];
  const unpairedRows: UnpairedRow[] = rows.unpaired.map((row) => ({
    org: (row.org as string | null) ?? null,
    kind: String(row.kind),
    cell: cellOf(row, `${p}_n`, `${p}_key`),
    mean: numberOrNull(row[`${p}_mean`]),
    variance: numberOrNull(row[`${p}_variance`]),
  }));
  const pairedRows: PairedRow[] = rows.paired.map((row) => ({
    org: (row.org as string | null) ?? null,
    cell: cellOf(row, `${p}_n`, `${p}_key`),
    mean_before: numberOrNull(row[`${p}_mean_before`]),
    mean_after: numberOrNull(row[`${p}_mean_after`]),
    var_diff: numberOrNull(row[`${p}_var_diff`]),
    improved: cellOf(row, `${p}_improved`, `${p}_improved_key`),
    crossed: cellOf(row, `${p}_crossed`, `${p}_crossed_key`),
  }));

  // Keyed lookups: every organisation asks for its rows, and a search per cell would make all
  // organisations' figures quadratic in the number of organisations.
  const unpairedByKey = new Map(unpairedRows.map((row) => [`${row.org ?? ''}|${row.kind}`, row]));
  const pairedByOrg = new Map(pairedRows.map((row) => [row.org ?? '', row]));
  const unpaired = (org: string | null, kind: string) => unpairedByKey.get(`${org ?? ''}|${kind}`);
  const paired = (org: string | null) => pairedByOrg.get(org ?? '');
  const column_ = (pick: (org: string) => CountCell | undefined) =>
    countColumn(
      orgIds.map((org) => pick(org) ?? EMPTY_CELL),
      uniform,
    );
  const baselineN = column_((org) => unpaired(org, 'BASELINE')?.cell);
  const endN = column_((org) => unpaired(org, 'END')?.cell);
  const pairedN = column_((org) => paired(org)?.cell);

  const summary = (row: UnpairedRow | undefined, n: DisclosedCount): ScoreSummary => ({
    n,
    ...(row === undefined
      ? { mean: null, sd: null }
      : discloseMeanAndSd(statisticOf(measure, row.kind), row, row.cell, n, SCORE_RANGE, uniform)),
  });
  const shape = (
    org: string | null,
    nBaseline: DisclosedCount,
    nEnd: DisclosedCount,
    nPaired: DisclosedCount,
  ) => {
    const baseline = summary(unpaired(org, 'BASELINE'), nBaseline);
    const end = summary(unpaired(org, 'END'), nEnd);
    const pair = paired(org);
    const pairCell = pair?.cell ?? EMPTY_CELL;
    // A statistic is named by what it measures (measure and time point), not by the figure
    // that shows it: where the linked pairs are the same people as all baseline (or end) forms,
    // their means then get the same noise as the unpaired ones, not a second, independent
    // draw to average. Before and after are different statistics, so their difference stays
    // noisy.
    const pairMagnitude = (
      tag: string,
      value: number | null | undefined,
      range: MagnitudeRange,
      clampTo: MagnitudeRange = range,
    ) => discloseMagnitude(tag, value ?? null, pairCell, nPaired, range, uniform, clampTo);
    const meanBefore = pairMagnitude(
      `mean|${statisticOf(measure, 'BASELINE')}`,
      pair?.mean_before,
      SCORE_RANGE,
    );
    const meanAfter = pairMagnitude(`mean|${statisticOf(measure, 'END')}`, pair?.mean_after, SCORE_RANGE);
    const sdDifference =
      pairCell.count < 2 || pair?.var_diff === null || pair?.var_diff === undefined
        ? null
        : pairMagnitude(
            `sd|paired-difference:${measure}`,
            Math.sqrt(Math.max(0, pair.var_diff)),
            DIFFERENCE_RANGE,
            SD_DIFFERENCE_CLAMP,
          );
    // The tests see only what is published: n as shown, the noisy means and SDs.
    const before = publishedSummary(nBaseline, baseline.mean, baseline.sd);
    const after = publishedSummary(nEnd, end.mean, end.sd);
    const differences =
      meanBefore === null || meanAfter === null
        ? null
        : publishedSummary(nPaired, meanAfter - meanBefore, sdDifference);
    return {
      organizationId: org,
      baseline,
      end,
      unpaired: before && after ? welchTestResult(before, after) : null,
      paired: {
        n: nPaired,
        meanBefore,
        meanAfter,
        sdDifference: meanBefore === null ? null : sdDifference,
        test: differences ? pairedTestResult(differences) : null,
        clinicallyRelevantImprovement: disclosedRate(
          discloseCount(pair?.improved ?? EMPTY_CELL, uniform),
          nPaired,
        ),
        crossedCutoff: disclosedRate(discloseCount(pair?.crossed ?? EMPTY_CELL, uniform), nPaired),
      },
    } satisfies RecoveryRow;
  };
  // Apart: one row per unvalidated language of the domain (not per language SQL found, so a
  // row's presence reveals nothing), each time point's n perturbed on its own cell, the mean
  // and SD under a statistic name of their own (they are other statistics than the main ones).
  const apartRow = (language: string, kind: string) =>
    rows.unvalidated.find((row) => row.locale === language && row.kind === kind);
  // The split by language is published only where all unvalidated forms of that time point
  // together clear the threshold (their one cell perturbed as a whole). Otherwise every language
  // reads "under 5", a true 0 included: one "under 5" among zeros would name the language a
  // lone participant answered in (the survey figure's answers follow the same rule).
  const apartSplitShown = (kind: string): boolean => {
    const cells = unvalidatedLanguages(measure).map((language) => {
      const row = apartRow(language, kind);
      return row ? cellOf(row, `${p}_n`, `${p}_key`) : EMPTY_CELL;
    });
    const all = discloseCount(
      {
        count: cells.reduce((sum, cell) => sum + cell.count, 0),
        keySum: String(cells.reduce((sum, cell) => sum + BigInt(cell.keySum), 0n)),
      },
      uniform,
    );
    return all.value === 0 || (all.value !== null && all.value >= MIN_CELL);
  };
  const splitShown = { BASELINE: apartSplitShown('BASELINE'), END: apartSplitShown('END') };
  const apartSummary = (language: string, kind: 'BASELINE' | 'END'): ScoreSummary => {
    if (!splitShown[kind]) return { n: { value: null, suppressed: true }, mean: null, sd: null };
    const row = apartRow(language, kind);
    const cell = row ? cellOf(row, `${p}_n`, `${p}_key`) : EMPTY_CELL;
    const n = discloseCount(cell, uniform);
    if (!row) return { n, mean: null, sd: null };
    const values = { mean: numberOrNull(row[`${p}_mean`]), variance: numberOrNull(row[`${p}_variance`]) };
    return {
      n,
      ...discloseMeanAndSd(
        `recovery-unvalidated:${measure}:${language}:${kind}`,
        values,
        cell,
        n,
        SCORE_RANGE,
        uniform,
      ),
    };
  };
  return {
    measure,
    total: shape(null, baselineN.total, endN.total, pairedN.total),
    byOrganization: orgIds.map((org, i) =>
      shape(org, baselineN.cells[i]!, endN.cells[i]!, pairedN.cells[i]!),
    ),
    validatedLanguages: validatedLanguages(measure),
    unvalidated: unvalidatedLanguages(measure).map((language) => ({
      language,
      baseline: apartSummary(language, 'BASELINE'),
      end: apartSummary(language, 'END'),
    })),
  };
}

export async function recovery(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<Recovery> {
  assertValidEvaluationFilter(filter);
  const ignored: FilterDimension[] = [];
  if (filter.genders?.length) ignored.push('genders');
  if (filter.ageGroups?.length) ignored.push('ageGroups');
  if (filter.incidentTypes?.length) ignored.push('incidentTypes');
  if (filter.roles?.length) ignored.push('roles');
  const rows = await summaryRows(db, filter);
  // Rows are the selected organisations, not the groups SQL found: a row's presence must not reveal records.
  const orgIds = [...new Set(filter.organizationIds.map((id) => id.toLowerCase()))].sort();
  const measures = RECOVERY_MEASURES.map(({ measure }) => measureFigure(rows, measure, orgIds, uniform));
  return { measures, ignoredFilters: ignored };
}
