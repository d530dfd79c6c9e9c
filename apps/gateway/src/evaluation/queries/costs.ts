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
import { COMPLETER_JOINS, COMPLETER_SQL, COURSE_YEAR_SQL } from './completers.ts';
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
 * latest year with inputs inside the period (any year without a period).
 *
 * The divisors are counted, not typed in: completers by the one definition course
 * participation uses (completers.ts), in the courses that started in the inputs' year;
 * referrals to counsellors made in that year (Danish calendar year). Both are counts of
 * records, perturbed like every count (`discloseCount`) with their record keys. The cost per
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
type CountRow = { org: string; year: number; n: number; key_sum: string };

/** A counted divisor, perturbed, and the amount over it when it is shown as MIN_CELL or more. */
function perHead(
  cell: CountCell,
  total: number,
  uniform: KeyedUniform,
): { shown: DisclosedCount; amount: number | null } {
  const shown = discloseCount(cell, uniform);
  const amount = shown.value !== null && shown.value >= MIN_CELL ? Math.round(total / shown.value) : null;
  return { shown, amount };
}

/** Completers per organisation and course start year (completers.ts), with their enrolments' keys. */
async function completerCounts(db: AggregateSource, organizationIds: string[]): Promise<CountRow[]> {
  return db.query<CountRow>(
    `SELECT e."organizationId"::text AS org, ${COURSE_YEAR_SQL} AS year, count(*)::int AS n,
            coalesce(sum(e."recordKey"), 0)::bigint AS key_sum
     FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id
     ${COMPLETER_JOINS}
     WHERE e."organizationId" = ANY($1::uuid[]) AND ${COMPLETER_SQL}
     GROUP BY 1, 2`,
    [organizationIds],
  );
}

/**
 * Referrals to counsellors per organisation and Danish calendar year, with their cases' keys (as
 * the funnel). As in the funnel, only a case that ended in a referral (status REFERRED) has one,
 * so the cases come from the small partial index on referred cases (it holds id and record key)
 * instead of every case of the selection: at scale 0.1, all organisations, 23 instead of 47 ms,
 * and at national scale a million cases are no longer read for a hundred thousand referrals.
 */
async function referralCounts(db: AggregateSource, organizationIds: string[]): Promise<CountRow[]> {
  return db.query<CountRow>(
    `SELECT c."organizationId"::text AS org,
            extract(year FROM (r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Copenhagen')::int AS year,
            count(*)::int AS n, coalesce(sum(c."recordKey"), 0)::bigint AS key_sum
     FROM "Referral" r JOIN "OutreachCase" c ON c.id = r."caseId"
     WHERE c."organizationId" = ANY($1::uuid[]) AND c.status = 'REFERRED'
     GROUP BY 1, 2`,
    [organizationIds],
  );
}

/** The counts by organisation and year, looked up by key rather than searched once per figure. */
function countsByKey(rows: CountRow[]): (org: string, year: number) => CountCell {
  const byKey = new Map(rows.map((row) => [`${row.org}|${row.year}`, row]));
  return (org, year) => {
    const row = byKey.get(`${org}|${year}`);
    return row ? { count: row.n, keySum: row.key_sum } : { count: 0, keySum: 0 };
  };
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
  // The three statements side by side, for every selected organisation: one round trip, and the
  // statements do not depend on which organisations have inputs (the bench replays them as sent).
  const [rows, completers, referrals] = await Promise.all([
    db.query<Row>(
      `SELECT DISTINCT ON (c."organizationId", c.model) c."organizationId"::text AS org, c.model::text AS model,
              c.year, c.inputs
       FROM "CostInput" c WHERE ${conditions.join(' AND ')}
       ORDER BY c."organizationId", c.model, c.year DESC`,
      params.values,
    ),
    completerCounts(db, filter.organizationIds),
    referralCounts(db, filter.organizationIds),
  ]);
  const completersOf = countsByKey(completers);
  const referralsOf = countsByKey(referrals);
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
      // Always shown, 0 included, so its presence says nothing about the count.
      const perReferral = perHead(referralsOf(row.org, row.year), result.yearly.total, uniform);
      figures.push({
        ...base,
        ruleSetId: result.ruleSetId,
        startUp: result.startUp,
        yearly: result.yearly,
        firstYear: result.firstYear,
        perCourse: null,
        perCompleter: null,
        perReferral: { amount: perReferral.amount, referrals: perReferral.shown },
        shelterComparison: null,
      });
    } else {
      const checked = validateGroupCourseCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = groupCourseCosts(checked.inputs as GroupCourseCostInputs);
      // Always shown, 0 included, so its presence says nothing about the count.
      const perCompleter = perHead(completersOf(row.org, row.year), result.yearly.total, uniform);
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
        perCompleter: {
          amount: perCompleter.amount,
          completers: perCompleter.shown,
          note: PER_COMPLETER_NOTE,
        },
        perReferral: null,
        shelterComparison: {
          shelterStay,
          priceYear: result.shelterComparison.priceYear,
          ratio: perCompleter.amount !== null ? perCompleter.amount / shelterStay : null,
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
