import { createHash } from 'node:crypto';
import {
  type CostLine,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  type GroupCourseCostInputs,
  groupCourseCosts,
  type KeyedUniform,
  type Label,
  MIN_CELL,
  type OutreachCostInputs,
  outreachCosts,
  PER_COMPLETER_NOTE,
  validateGroupCourseCostInputs,
  validateOutreachCostInputs,
} from '@vi/domain';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  SqlParameters,
} from './evaluation-filter.ts';

/**
 * Each organisation's own cost inputs through the domain's cost rules (DOMAIN §6): start-up
 * apart from running cost, first year, per course, per person who completed (and says so),
 * against a shelter stay; per referral for outreach. One row per organisation and model: the
 * latest year with inputs inside the period (any year without a period). The inputs are
 * the organisation's figures, not people; the only counts of people in them (completers,
 * referrals) are numbers the organisation typed in, not database records, so they have no
 * record keys: each is perturbed like a count (`discloseCount`) with a key sum derived from
 * (organisation, model, year), so the same input always gets the same noise. The cost per
 * person (and the shelter comparison) is the running cost over the *published* divisor, and
 * shown only where that divisor is shown as 5 or more: the true divisor never leaks through it.
 */
export type CostFigure = {
  organizationId: string;
  model: 'OUTREACH' | 'GROUP_COURSE';
  year: number;
  ruleSetId: string;
  startUp: { total: number; lines: CostLine[] };
  yearly: { total: number; hours: number; lines: CostLine[] };
  firstYear: number;
  perCourse: { amount: number; courses: number } | null;
  perCompleter: { amount: number | null; completers: DisclosedCount; note: Label } | null;
  perReferral: { amount: number | null; referrals: DisclosedCount } | null;
  shelterComparison: { shelterStay: number; priceYear: number; ratio: number | null } | null;
};

export type CostInputProblem = { organizationId: string; model: string; year: number; fields: string[] };

export type Costs = {
  figures: CostFigure[];
  invalidInputs: CostInputProblem[];
  ignoredFilters: FilterDimension[];
};

type Row = { org: string; model: 'OUTREACH' | 'GROUP_COURSE'; year: number; inputs: unknown };

/**
 * The stand-in for a key sum of a typed-in count: the first 48 bits of
 * sha256(organisation|model|year), a stable whole number >= 0. It is not secret (the noise's
 * secret is the HMAC key) and need not be: it only makes the noise of one input fixed.
 */
export function typedCountKeySum(organizationId: string, model: string, year: number): number {
  const digest = createHash('sha256').update(`${organizationId}|${model}|${year}`).digest('hex');
  return Number.parseInt(digest.slice(0, 12), 16);
}

/** A typed-in count of people, perturbed, and the amount over it when it is shown as MIN_CELL or more. */
function perHead(
  count: number,
  keySum: number,
  total: number,
  uniform: KeyedUniform,
): { shown: DisclosedCount; amount: number | null } {
  const cell: CountCell = { count, keySum };
  const shown = discloseCount(cell, uniform);
  const amount = shown.value !== null && shown.value >= MIN_CELL ? Math.round(total / shown.value) : null;
  return { shown, amount };
}

export async function costs(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<Costs> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const conditions = [`c."organizationId" = ANY(${params.add(filter.organizationIds)}::uuid[])`];
  if (filter.from) conditions.push(`c.year >= ${params.add(filter.from.getUTCFullYear())}::int`);
  if (filter.to) conditions.push(`c.year <= ${params.add(filter.to.getUTCFullYear())}::int`);
  const rows = await db.query<Row>(
    `SELECT DISTINCT ON (c."organizationId", c.model) c."organizationId"::text AS org, c.model::text AS model,
            c.year, c.inputs
     FROM "CostInput" c WHERE ${conditions.join(' AND ')}
     ORDER BY c."organizationId", c.model, c.year DESC`,
    params.values,
  );
  const figures: CostFigure[] = [];
  const invalidInputs: CostInputProblem[] = [];
  for (const row of rows) {
    const base = { organizationId: row.org, model: row.model, year: row.year };
    const keySum = typedCountKeySum(row.org, row.model, row.year);
    if (row.model === 'OUTREACH') {
      const checked = validateOutreachCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = outreachCosts(checked.inputs as OutreachCostInputs);
      // Whether the figure is there depends on what was typed in (a number or nothing), never
      // on how many: a typed-in 0 shows as 0 like a perturbed one would, with no amount.
      const typedReferrals = (checked.inputs as OutreachCostInputs).referralsPerYear;
      const referrals =
        typedReferrals === null ? null : perHead(typedReferrals, keySum, result.yearly.total, uniform);
      figures.push({
        ...base,
        ruleSetId: result.ruleSetId,
        startUp: result.startUp,
        yearly: result.yearly,
        firstYear: result.firstYear,
        perCourse: null,
        perCompleter: null,
        perReferral: referrals ? { amount: referrals.amount, referrals: referrals.shown } : null,
        shelterComparison: null,
      });
    } else {
      const checked = validateGroupCourseCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = groupCourseCosts(checked.inputs as GroupCourseCostInputs);
      // Always shown, 0 included, so its presence says nothing about the typed-in count.
      const completers = perHead(
        (checked.inputs as GroupCourseCostInputs).completersPerYear,
        keySum,
        result.yearly.total,
        uniform,
      );
      const shelterStay = result.shelterComparison.shelterStay;
      figures.push({
        ...base,
        ruleSetId: result.ruleSetId,
        startUp: result.startUp,
        yearly: result.yearly,
        firstYear: result.firstYear,
        perCourse: result.perCourse
          ? { amount: result.perCourse.amount, courses: result.perCourse.courses }
          : null,
        perCompleter: { amount: completers.amount, completers: completers.shown, note: PER_COMPLETER_NOTE },
        perReferral: null,
        shelterComparison: {
          shelterStay,
          priceYear: result.shelterComparison.priceYear,
          ratio: completers.amount !== null ? completers.amount / shelterStay : null,
        },
      });
    }
  }
  const ignored: FilterDimension[] = [];
  if (filter.incidentTypes?.length) ignored.push('incidentTypes');
  if (filter.genders?.length) ignored.push('genders');
  if (filter.ageGroups?.length) ignored.push('ageGroups');
  if (filter.roles?.length) ignored.push('roles');
  return { figures, invalidInputs, ignoredFilters: ignored };
}
