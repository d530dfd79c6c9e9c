import {
  type CostLine,
  type DisclosedCount,
  type GroupCourseCostInputs,
  groupCourseCosts,
  type Label,
  type OutreachCostInputs,
  outreachCosts,
  suppressCount,
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
 * referrals) stand alone, in no shown sum, so the domain's `suppressCount` is all they need,
 * and a cost per person is hidden with its divisor, since the one gives the other.
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

export async function costs(db: AggregateSource, filter: EvaluationFilter): Promise<Costs> {
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
    if (row.model === 'OUTREACH') {
      const checked = validateOutreachCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = outreachCosts(checked.inputs as OutreachCostInputs);
      const referrals = result.perReferral ? suppressCount(result.perReferral.referrals) : null;
      figures.push({
        ...base,
        ruleSetId: result.ruleSetId,
        startUp: result.startUp,
        yearly: result.yearly,
        firstYear: result.firstYear,
        perCourse: null,
        perCompleter: null,
        perReferral:
          result.perReferral && referrals
            ? { amount: referrals.suppressed ? null : result.perReferral.amount, referrals }
            : null,
        shelterComparison: null,
      });
    } else {
      const checked = validateGroupCourseCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = groupCourseCosts(checked.inputs as GroupCourseCostInputs);
      const completers = result.perCompleter ? suppressCount(result.perCompleter.completers) : null;
      const hidden = completers?.suppressed ?? false;
      figures.push({
        ...base,
        ruleSetId: result.ruleSetId,
        startUp: result.startUp,
        yearly: result.yearly,
        firstYear: result.firstYear,
        perCourse: result.perCourse
          ? { amount: result.perCourse.amount, courses: result.perCourse.courses }
          : null,
        perCompleter:
          result.perCompleter && completers
            ? {
                amount: hidden ? null : result.perCompleter.amount,
                completers,
                note: result.perCompleter.note,
              }
            : null,
        perReferral: null,
        shelterComparison: {
          shelterStay: result.shelterComparison.shelterStay,
          priceYear: result.shelterComparison.priceYear,
          ratio: hidden ? null : result.shelterComparison.ratio,
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
