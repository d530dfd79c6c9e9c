import {
  type CostLine,
  type CostSource,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  type GroupCourseCostInputs,
  groupCourseCosts,
  hateCrimeCosts,
  type KeyedUniform,
  type Label,
  MIN_CELL,
  type OutreachCostInputs,
  outreachCosts,
  PER_COMPLETER_NOTE,
  PER_VICTIM_NOTE,
  shelterAftercareCosts,
  validateGroupCourseCostInputs,
  validateHateCrimeCostInputs,
  validateOutreachCostInputs,
  validateShelterAftercareCostInputs,
  type YearlyRange,
} from '@vi/domain';
import { COMPLETER_JOINS, COMPLETER_SQL, COURSE_YEAR_SQL } from './completers.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  SqlParameters,
} from './evaluation-filter.ts';
import { moveOutSql } from './shelter-counselling.ts';

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

/**
 * Hate-crime aftercare (the Copenhagen pre-study by Als Research; domain hateCrimeCosts) of the
 * sending organisation, whose lead enters the inputs: yearly cost by track, cost per victim with
 * aftercare, the pre-study's per-victim range and the use of the granted budget. The victims are
 * counted as the lead view counts them: aftercare cases of the organisation with a referral started
 * in the year (Danish calendar year), each with its case's record key.
 */
export type HateCrimeCostFigure = {
  organizationId: string;
  year: number;
  ruleSetId: string;
  yearly: { total: number; lines: CostLine[] };
  perVictim: {
    amount: number | null;
    victims: DisclosedCount;
    note: Label;
    /** The published per-victim amount within the pre-study's range; null where it is not shown. */
    withinPreStudyRange: boolean | null;
  };
  preStudyRule: { yearly: YearlyRange; victims: YearlyRange; perVictim: YearlyRange; source: CostSource };
  budget: {
    yearly: number;
    years: number;
    use: number | null;
    overBudget: boolean;
    meetsMinimumYears: boolean;
  };
};

/**
 * Aftercare after a shelter stay (domain shelterAftercareCosts from the shelter's own inputs): yearly
 * cost, cost per move-out and the repeat stays a year it must avoid to pay for itself in shelter cost
 * alone. The move-outs are counted by the definition the shelter figures use (moveOutSql: a stay that
 * ended, not in a transfer), in the shelter she moved out of, by the move-out's calendar year, each
 * with its stay's record key. The entered planned move-outs only size the counselling hours: were the
 * yearly cost computed from the live count, it would give the true count away.
 */
export type ShelterAftercareCostFigure = {
  organizationId: string;
  year: number;
  ruleSetId: string;
  yearly: { total: number; hours: number; lines: CostLine[] };
  perMoveOut: { amount: number | null; moveOuts: DisclosedCount };
  breakEven: { shelterStay: number; priceYear: number; source: CostSource; repeatStaysAvoided: number };
};

export type CostInputProblem = { organizationId: string; model: string; year: number; fields: string[] };

export type Costs = {
  figures: CostFigure[];
  hateCrime: HateCrimeCostFigure[];
  shelterAftercare: ShelterAftercareCostFigure[];
  invalidInputs: CostInputProblem[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string;
  model: 'OUTREACH' | 'GROUP_COURSE' | 'HATE_CRIME_AFTERCARE' | 'SHELTER_AFTERCARE';
  year: number;
  inputs: unknown;
};
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

/**
 * Victims with aftercare per sending organisation and year: cases with a referral started in the
 * year, once each however many tracks started (the lead view's victimsWithAftercare), with the
 * cases' record keys.
 */
async function hateCrimeVictimCounts(db: AggregateSource, organizationIds: string[]): Promise<CountRow[]> {
  return db.query<CountRow>(
    `SELECT v.org::text AS org, v.year, count(*)::int AS n, coalesce(sum(c."recordKey"), 0)::bigint AS key_sum
     FROM (SELECT DISTINCT r."senderOrganizationId" AS org, extract(year FROM r."startedOn")::int AS year, r."caseId"
           FROM "HateCrimeReferral" r
           WHERE r."senderOrganizationId" = ANY($1::uuid[]) AND r."startedOn" IS NOT NULL) v
     JOIN "HateCrimeAftercareCase" c ON c.id = v."caseId"
     GROUP BY 1, 2`,
    [organizationIds],
  );
}

/** Move-outs per shelter and year (moveOutSql, as the § 109 and repeat-stay figures), with the stays' keys. */
async function moveOutCounts(db: AggregateSource, organizationIds: string[]): Promise<CountRow[]> {
  const params = new SqlParameters();
  const orgs = params.add(organizationIds);
  return db.query<CountRow>(
    `SELECT st."organizationId"::text AS org, extract(year FROM st."movedOutOn")::int AS year,
            count(*)::int AS n, coalesce(sum(st."recordKey"), 0)::bigint AS key_sum
     FROM "ShelterStay" st
     WHERE st."organizationId" = ANY(${orgs}::uuid[]) AND ${moveOutSql(params)}
     GROUP BY 1, 2`,
    params.values,
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
  const [rows, completers, referrals, victims, moveOuts] = await Promise.all([
    db.query<Row>(
      `SELECT DISTINCT ON (c."organizationId", c.model) c."organizationId"::text AS org, c.model::text AS model,
              c.year, c.inputs
       FROM "CostInput" c WHERE ${conditions.join(' AND ')}
       ORDER BY c."organizationId", c.model, c.year DESC`,
      params.values,
    ),
    completerCounts(db, filter.organizationIds),
    referralCounts(db, filter.organizationIds),
    hateCrimeVictimCounts(db, filter.organizationIds),
    moveOutCounts(db, filter.organizationIds),
  ]);
  const completersOf = countsByKey(completers);
  const referralsOf = countsByKey(referrals);
  const victimsOf = countsByKey(victims);
  const moveOutsOf = countsByKey(moveOuts);
  const figures: CostFigure[] = [];
  const hateCrime: HateCrimeCostFigure[] = [];
  const shelterAftercare: ShelterAftercareCostFigure[] = [];
  const invalidInputs: CostInputProblem[] = [];
  for (const row of rows) {
    const base = { organizationId: row.org, model: row.model, year: row.year };
    if (row.model === 'HATE_CRIME_AFTERCARE') {
      const checked = validateHateCrimeCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const entered = { ...checked.inputs, victimsPerYear: 0 };
      const withoutVictims = hateCrimeCosts(entered);
      // Always shown, 0 included, so its presence says nothing about the count.
      const shown = perHead(victimsOf(row.org, row.year), withoutVictims.yearly.total, uniform);
      // The domain's rule over the published divisor, only where that is shown as MIN_CELL or more.
      const result =
        shown.amount !== null && shown.shown.value !== null
          ? hateCrimeCosts({ ...entered, victimsPerYear: shown.shown.value })
          : withoutVictims;
      hateCrimeFigure(hateCrime, base, result, shown.shown);
      continue;
    }
    if (row.model === 'SHELTER_AFTERCARE') {
      const checked = validateShelterAftercareCostInputs(row.inputs);
      if (!checked.ok) {
        invalidInputs.push({ ...base, fields: checked.errors.map((e) => `${e.field}:${e.code}`) });
        continue;
      }
      const result = shelterAftercareCosts(checked.inputs);
      // Always shown, 0 included, so its presence says nothing about the count.
      const perMoveOut = perHead(moveOutsOf(row.org, row.year), result.yearly.total, uniform);
      shelterAftercare.push({
        organizationId: row.org,
        year: row.year,
        ruleSetId: result.ruleSetId,
        yearly: result.yearly,
        perMoveOut: { amount: perMoveOut.amount, moveOuts: perMoveOut.shown },
        breakEven: {
          shelterStay: result.shelterComparison.shelterStay,
          priceYear: result.shelterComparison.priceYear,
          source: result.shelterComparison.source,
          repeatStaysAvoided: result.shelterComparison.breakEvenRepeatStaysAvoided,
        },
      });
      continue;
    }
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
        model: row.model,
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
        model: row.model,
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
  return { figures, hateCrime, shelterAftercare, invalidInputs, ignoredFilters: ignored };
}

function hateCrimeFigure(
  into: HateCrimeCostFigure[],
  base: { organizationId: string; year: number },
  result: ReturnType<typeof hateCrimeCosts>,
  victims: DisclosedCount,
): void {
  into.push({
    organizationId: base.organizationId,
    year: base.year,
    ruleSetId: result.ruleSetId,
    yearly: result.yearly,
    perVictim: {
      amount: result.perVictim?.amount ?? null,
      victims,
      note: PER_VICTIM_NOTE,
      withinPreStudyRange: result.preStudyRule.perVictimWithinSeedRange,
    },
    preStudyRule: {
      yearly: result.preStudyRule.yearly,
      victims: result.preStudyRule.victims,
      perVictim: result.preStudyRule.perVictim,
      source: result.preStudyRule.source,
    },
    budget: result.budget,
  });
}
