import { AGE_GROUPS, type DisclosedCount, type Rate } from '@vi/domain';
import { builder } from '../builder.ts';
import type { CountTable } from './queries/count-table.ts';
import type { FilterDimension } from './queries/evaluation-filter.ts';
import type { TestResult } from './queries/recovery.ts';

/**
 * The value types every evaluation figure is built from. They hold counts, rates and
 * statistics only: no id of a person, no name, no participant code, no free text. Every
 * type carries the `evaluator` scope itself (default deny), so it resolves for nobody else
 * whichever path reaches it.
 */
export const EVALUATOR_SCOPE = { evaluator: true } as const;

/**
 * The options of every evaluation value type: the evaluator scope, checked once per object (as
 * the object is completed) rather than once per field. Same refusal, same default deny; a national
 * table of 148 organisations has a few thousand fields and each per-field check cost a wrapped
 * resolver and a cache lookup (issue 11, the fixed cost of a figure).
 */
export const EVALUATOR_TYPE = { authScopes: EVALUATOR_SCOPE, runScopesOnType: true } as const;

export const AgeGroupEnum = builder.enumType('AgeGroup', {
  description: "The domain's reporting age groups (the Projekt Opsøgende Indsats evaluation).",
  values: AGE_GROUPS.map((group) => group.code),
});

const FILTER_DIMENSION_NAMES: Record<FilterDimension, string> = {
  period: 'PERIOD',
  incidentTypes: 'INCIDENT_TYPES',
  genders: 'GENDERS',
  ageGroups: 'AGE_GROUPS',
  roles: 'ROLES',
};

export const FilterDimensionEnum = builder.enumType('EvaluationFilterDimension', {
  description: 'A filter a figure could not apply because its data has no such dimension.',
  values: Object.values(FILTER_DIMENSION_NAMES),
});

export function ignoredFilterNames(ignored: readonly FilterDimension[]): string[] {
  return ignored.map((dimension) => FILTER_DIMENSION_NAMES[dimension]);
}

/** The `ignoredFilters` field every figure carries: `t.field(ignoredFiltersField)`. */
export const ignoredFiltersField = {
  type: [FilterDimensionEnum] as [typeof FilterDimensionEnum],
  nullable: false as const,
  resolve: (figure: { ignoredFilters: readonly FilterDimension[] }) =>
    ignoredFilterNames(figure.ignoredFilters),
};

export const SuppressedCountRef = builder.objectRef<DisclosedCount>('SuppressedCount').implement({
  description:
    'A count of people after disclosure control: perturbed by the cell-key method (at most ±maxCountNoise, the same people always the same way); `value` is null and `suppressed` true when the perturbed count is 1-4 ("under 5"). A 0 can stand for a few people.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    value: t.exposeInt('value', { nullable: true }),
    suppressed: t.exposeBoolean('suppressed', {
      nullable: false,
      description: 'True when the count is shown as "under 5".',
    }),
  }),
});

export const RateRef = builder.objectRef<Rate>('EvaluationRate').implement({
  description:
    'numerator / denominator (both perturbed counts) with its Wilson 95% interval. Given only where numerator, denominator and their difference are all shown as 5 or more.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    numerator: t.exposeInt('numerator', { nullable: false }),
    denominator: t.exposeInt('denominator', { nullable: false }),
    rate: t.exposeFloat('rate', { nullable: true }),
    ci95Lower: t.float({ nullable: true, resolve: (rate) => rate.ci95?.[0] ?? null }),
    ci95Upper: t.float({ nullable: true, resolve: (rate) => rate.ci95?.[1] ?? null }),
  }),
});

const CountTableRowRef = builder
  .objectRef<{ key: string; cells: DisclosedCount[]; total: DisclosedCount }>('CountTableRow')
  .implement({
    description: 'One row of a CountTable: its key, its cells in column order and its total.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      key: t.exposeString('key', { nullable: false }),
      cells: t.field({ type: [SuppressedCountRef], nullable: false, resolve: (row) => row.cells }),
      total: t.field({ type: SuppressedCountRef, nullable: false, resolve: (row) => row.total }),
    }),
  });

export const CountTableRef = builder.objectRef<CountTable>('CountTable').implement({
  description:
    'A table of people counts (rows × columns) with row, column and grand totals, after the domain disclosure rule. Every total is perturbed as a cell of its own, so it need not equal the sum of the shown cells. Row and column keys are domain codes, years or organisation ids.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    columns: t.stringList({ nullable: false, resolve: (table) => table.cols }),
    rows: t.field({
      type: [CountTableRowRef],
      nullable: false,
      resolve: (table) =>
        table.rows.map((key, i) => ({ key, cells: table.cells[i] ?? [], total: table.rowTotals[i]! })),
    }),
    columnTotals: t.field({
      type: [SuppressedCountRef],
      nullable: false,
      resolve: (table) => table.colTotals,
    }),
    grandTotal: t.field({ type: SuppressedCountRef, nullable: false, resolve: (table) => table.grandTotal }),
  }),
});

export const TTestRef = builder.objectRef<TestResult>('TTest').implement({
  description:
    'A t-test: mean difference (after − before) with its 95% interval, t, degrees of freedom and the exact two-sided p; stars as VIVE marks them (* p<0.05, ** p<0.01, *** p<0.001).',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    meanDifference: t.exposeFloat('meanDifference', { nullable: false }),
    standardError: t.exposeFloat('standardError', { nullable: false }),
    ci95Lower: t.float({ nullable: false, resolve: (test) => test.ci95[0] }),
    ci95Upper: t.float({ nullable: false, resolve: (test) => test.ci95[1] }),
    t: t.exposeFloat('t', { nullable: false }),
    df: t.exposeFloat('df', { nullable: false }),
    p: t.exposeFloat('p', { nullable: false }),
    stars: t.exposeString('stars', { nullable: false }),
  }),
});
