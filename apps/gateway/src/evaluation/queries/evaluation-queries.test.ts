// Every evaluation figure against the same figure counted by hand-written SQL on a small
// synthetic dataset (the bench generator at a tiny scale), on a real database: PGlite, or
// DATABASE_URL's PostgreSQL. Disclosure control is cell-key perturbation under a fixed test
// key: every published count must lie near the true count (USUAL_COUNT_NOISE in 98 % of cells, rare geometric tails beyond; and, where
// the test can sum the record keys itself, be exactly the domain's discloseCount of the true
// cell); no count may be shown as 1-4; a statistic is shown only where its published n is 5
// or more; tests are the domain's tests recomputed from the published summaries; and the
// same question asked twice gives the same answer.
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import {
  AGE_GROUPS,
  COURSE_ITEM_IDS,
  type CountCell,
  DECLINE_REASONS,
  type DisclosedCount,
  danishCalendarDate,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  type GroupCourseCostInputs,
  groupCourseCosts,
  HEARD_FROM,
  MAGNITUDE_NOISE_SCALE,
  MIN_CELL,
  pairedTTestFromSummary,
  perturbedCount,
  possibleTrueCounts,
  USUAL_COUNT_NOISE,
  welchTTestFromSummary,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../../bench/src/generate.ts';
import { GatewayError } from '../../errors.ts';
import { keyedUniform } from '../disclosure-key.ts';
import { costs } from './costs.ts';
import type { CountTable } from './count-table.ts';
import { courseDelivery } from './course-delivery.ts';
import { courseItems } from './course-items.ts';
import { courseParticipation } from './course-participation.ts';
import { declineReasons } from './decline-reasons.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import { DANISH_TODAY_SQL } from './evaluation-filter.ts';
import { intakeCountsByYear } from './intake-counts-by-year.ts';
import { intakeHeardFrom } from './intake-heard-from.ts';
import { intakeReferrals } from './intake-referrals.ts';
import { intakeViolenceForms } from './intake-violence-forms.ts';
import { outreachAcceptance } from './outreach-acceptance.ts';
import { outreachFunnel } from './outreach-funnel.ts';
import { recovery } from './recovery.ts';
import { surveyOffers } from './survey-offers.ts';
import { waitingTimes } from './waiting-times.ts';

/** A fixed disclosure key: the same figures on every run (the bench generator's keys are hashes too). */
const uniform = keyedUniform(Buffer.alloc(32, 7));

let db: Database;
let all: EvaluationFilter;
/** The organisation with the most outreach cases, and one of the smallest (many small cells). */
let bigOrg: string;
let smallOrg: string;

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params);
  return rows[0]!.n;
}

/** A true cell by hand-written SQL that selects `count(*)::int AS n` and `sum(<record key>) AS key_sum`. */
async function trueCell(sql: string, params: unknown[]): Promise<CountCell> {
  const rows = await db.query<{ n: number; key_sum: string | null }>(sql, params);
  return { count: rows[0]!.n, keySum: rows[0]!.key_sum ?? '0' };
}

/**
 * How far a published count may be from the truth in these tests: the noise stays within
 * ±USUAL_COUNT_NOISE in 98 % of cells and its tails halve with every further step, so ten steps
 * beyond have a probability of about 1e-5 per cell (the test key is fixed, so this is stable).
 */
const NOISE_BOUND_IN_TESTS = USUAL_COUNT_NOISE + 10;

/** A published count could have come from the true one: 0 for nobody, else near it. */
function expectNear(shown: DisclosedCount, truth: number, what: string): void {
  if (truth === 0) {
    expect(shown, what).toEqual({ value: 0, suppressed: false });
    return;
  }
  const { min, max } = possibleTrueCounts(shown);
  expect(
    truth >= min && (max === null || truth <= max),
    `${what}: true ${truth} published as ${JSON.stringify(shown)}`,
  ).toBe(true);
  if (shown.value !== null)
    expect(Math.abs(shown.value - truth), what).toBeLessThanOrEqual(NOISE_BOUND_IN_TESTS);
  else {
    expect(shown.suppressed, what).toBe(true);
    expect(truth, what).toBeLessThanOrEqual(MIN_CELL - 1 + NOISE_BOUND_IN_TESTS);
  }
}

/** Near the truth, and exactly what the domain's rule gives for the true cell (count and key sum). */
function expectExact(shown: DisclosedCount, truth: CountCell, what: string): void {
  expectNear(shown, truth.count, what);
  expect(shown, what).toEqual(discloseCount(truth, uniform));
}

/** Walks any result and fails on a shown count of 1-4 (a cell that could point at a person). */
function expectNoSmallCells(result: unknown, path = 'result'): number {
  let cells = 0;
  if (Array.isArray(result)) {
    result.forEach((item, i) => {
      cells += expectNoSmallCells(item, `${path}[${i}]`);
    });
  } else if (result && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    if ('suppressed' in record && 'value' in record) {
      const value = record.value as number | null;
      expect(Object.keys(record).sort(), `${path} says why`).toEqual(['suppressed', 'value']);
      if (value !== null) expect(value === 0 || value >= MIN_CELL, `${path} = ${value}`).toBe(true);
      else expect(record.suppressed, path).toBe(true);
      return 1;
    }
    for (const [key, value] of Object.entries(record)) cells += expectNoSmallCells(value, `${path}.${key}`);
  }
  return cells;
}

const isPublished = (n: DisclosedCount) => n.value !== null && n.value >= MIN_CELL;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Counts the cells whose published value differs from the truth (the noise is really there). */
let perturbedCells = 0;

async function expectTable(
  table: CountTable,
  cellCount: (row: string, col: string) => Promise<number>,
  what: string,
) {
  for (const [i, row] of table.rows.entries()) {
    for (const [j, col] of table.cols.entries()) {
      const truth = await cellCount(row, col);
      const shown = table.cells[i]![j]!;
      expectNear(shown, truth, `${what} ${row}×${col}`);
      if (shown.value !== null && shown.value !== truth) perturbedCells += 1;
    }
  }
}

beforeAll(async () => {
  db = await getDatabase();
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    parametersForScale(0.003),
    () => {},
  );
  const orgs = await db.query<{ id: string; n: number }>(
    `SELECT o.id::text AS id, count(c.id)::int AS n FROM "Organization" o
     LEFT JOIN "OutreachCase" c ON c."organizationId" = o.id GROUP BY o.id ORDER BY n DESC, o.id`,
  );
  all = { organizationIds: orgs.map((o) => o.id) };
  bigOrg = orgs[0]!.id;
  smallOrg = [...orgs].reverse().find((o) => o.n > 0)!.id;
}, 180_000);

describe('outreach funnel', () => {
  const statusCount = (statuses: string[], org: string[]) =>
    count(
      `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND status::text = ANY($2)`,
      [org, statuses],
    );
  const referralCount = (statuses: string[], org: string[]) =>
    count(
      `SELECT count(*) FROM "Referral" r WHERE r.status::text = ANY($2)
       AND EXISTS (SELECT 1 FROM "OutreachCase" c WHERE c.id = r."caseId" AND c."organizationId" = ANY($1::uuid[]))`,
      [org, statuses],
    );

  it.each([
    ['all organisations', () => all.organizationIds],
    ['one large organisation', () => [bigOrg]],
    ['one small organisation', () => [smallOrg]],
  ])('is within the noise of hand-written counts for %s', async (_label, orgsOf) => {
    const orgs = orgsOf();
    const funnel = await outreachFunnel(db, { organizationIds: orgs }, uniform);
    const everything = [
      'NO_CONTACT_DETAILS',
      'INACTIVE_TYPE',
      'OPEN',
      'UNREACHED',
      'EXPIRED',
      'REFERRED',
      'DECLINED',
      'WILL_CALL_SELF',
    ];
    const independent = {
      identified: await count(
        `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND status <> 'INACTIVE_TYPE'`,
        [orgs],
      ),
      noContactDetails: await statusCount(['NO_CONTACT_DETAILS'], orgs),
      withContactDetails: await statusCount(everything.slice(2), orgs),
      inactiveIncidentType: await statusCount(['INACTIVE_TYPE'], orgs),
      notYetCalled: await statusCount(['OPEN'], orgs),
      notReached: await statusCount(['UNREACHED', 'EXPIRED'], orgs),
      reached: await count(
        `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND "reachedAt" IS NOT NULL`,
        [orgs],
      ),
      wantsCall: await statusCount(['REFERRED'], orgs),
      declined: await statusCount(['DECLINED'], orgs),
      willCallSelf: await statusCount(['WILL_CALL_SELF'], orgs),
      declinedOrSelf: await statusCount(['DECLINED', 'WILL_CALL_SELF'], orgs),
      referralPending: await referralCount(['OPEN', 'TAKEN'], orgs),
      conversationHeld: await referralCount(['CONVERSATION_HELD'], orgs),
      registeredOther: await referralCount(['REGISTERED_OTHER'], orgs),
      referralLost: await referralCount(['LOST'], orgs),
      noReferral: await count(
        `SELECT count(*) FROM "OutreachCase" c WHERE c."organizationId" = ANY($1::uuid[]) AND c.status = 'REFERRED'
         AND NOT EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = c.id)`,
        [orgs],
      ),
    };
    for (const [key, value] of Object.entries(independent)) {
      expectNear(funnel.counts[key as keyof typeof funnel.counts], value, key);
    }
    // The identified people, exactly: their count and the sum of their record keys.
    expectExact(
      funnel.counts.identified,
      await trueCell(
        `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "OutreachCase"
         WHERE "organizationId" = ANY($1::uuid[]) AND status <> 'INACTIVE_TYPE'`,
        [orgs],
      ),
      'identified',
    );
    // Rates come from the published counts, never from the true ones.
    expect(funnel.rates.acceptance).toEqual(disclosedRate(funnel.counts.wantsCall, funnel.counts.reached));
    expectNoSmallCells(funnel);
  });

  it('gives the same answer to the same question, and perturbs', async () => {
    const first = await outreachFunnel(db, { organizationIds: [smallOrg] }, uniform);
    const second = await outreachFunnel(db, { organizationIds: [smallOrg] }, uniform);
    expect(second).toEqual(first);
    const big = await outreachFunnel(db, all, uniform);
    const reached = await count(
      `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND "reachedAt" IS NOT NULL`,
      [all.organizationIds],
    );
    expectNear(big.counts.reached, reached, 'reached');
  });

  it('applies period and person filters and reports the filters it cannot apply', async () => {
    const filter: EvaluationFilter = {
      organizationIds: all.organizationIds,
      from: new Date('2020-01-01'),
      to: new Date('2020-12-31'),
      genders: ['WOMAN'],
      ageGroups: ['AGE_18_29'],
      roles: ['VICTIM'],
      incidentTypes: ['VIOLENCE'],
    };
    const funnel = await outreachFunnel(db, filter, uniform);
    const independent = await count(
      `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND status <> 'INACTIVE_TYPE'
       AND ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN '2020-01-01' AND '2020-12-31'
       AND gender = 'WOMAN'
       AND "ageAtIncident" >= 18 AND "ageAtIncident" <= 29
       AND role = 'VICTIM' AND "incidentType" = 'VIOLENCE'`,
      [all.organizationIds],
    );
    expectNear(funnel.counts.identified, independent, 'filtered identified');
    expect(independent).toBeGreaterThan(5);
    expect(funnel.ignoredFilters).toEqual([]);
    const items = await courseItems(db, filter, uniform);
    expect(items.ignoredFilters.sort()).toEqual(['ageGroups', 'genders', 'incidentTypes', 'roles']);
  });

  it('rejects a bad filter with field errors and touches nothing', async () => {
    const attempt = outreachFunnel(
      db,
      {
        organizationIds: ['not-a-uuid'],
        genders: ['ROBOT'],
        from: new Date('2024-01-02'),
        to: new Date('2024-01-01'),
      },
      uniform,
    );
    await expect(attempt).rejects.toBeInstanceOf(GatewayError);
    const error = (await attempt.catch((e: unknown) => e)) as GatewayError;
    expect(error.extensions.code).toBe('VALIDATION');
    const fields = (
      error.extensions.fields as Array<{ field: string; code: string; message: { da: string } }>
    ).map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual([
      'organizationIds.0:INVALID_TYPE',
      'to:OUT_OF_RANGE',
      'from:WHOLE_MONTH',
      'to:WHOLE_MONTH',
      'genders.0:UNKNOWN_OPTION',
    ]);
    await expect(outreachFunnel(db, { organizationIds: [] }, uniform)).rejects.toMatchObject({
      extensions: { fields: [{ field: 'organizationIds', code: 'REQUIRED' }] },
    });
    // One category or all, and whole months, for every figure.
    await expect(
      waitingTimes(
        db,
        { ...all, genders: ['WOMAN', 'MAN'], from: new Date('2024-01-01'), to: new Date('2024-12-31') },
        uniform,
      ),
    ).rejects.toMatchObject({ extensions: { fields: [{ field: 'genders', code: 'ONE_OR_ALL' }] } });
    await expect(recovery(db, { ...all, to: new Date('2024-03-30') }, uniform)).rejects.toMatchObject({
      extensions: { fields: [{ field: 'to', code: 'WHOLE_MONTH' }] },
    });
    // A period in years that hold no data (and would make Table 5.1 thousands of columns wide).
    await expect(
      intakeCountsByYear(db, { ...all, from: new Date('0001-01-01'), to: new Date('9999-12-31') }, uniform),
    ).rejects.toMatchObject({
      extensions: {
        fields: [
          { field: 'from', code: 'OUT_OF_RANGE' },
          { field: 'to', code: 'OUT_OF_RANGE' },
        ],
      },
    });
  });
});

describe('acceptance, decline reasons and survey', () => {
  const reachedIn = (where: string, statuses: string[], orgs: string[]) =>
    count(
      `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND status::text = ANY($2) AND ${where}`,
      [orgs, statuses],
    );
  const statusOf: Record<string, string[]> = {
    WANTS_CALL: ['REFERRED'],
    DECLINED_OR_SELF: ['DECLINED', 'WILL_CALL_SELF'],
  };
  // Age groups written out by hand, not taken from the domain's AGE_GROUPS.
  const ageCondition: Record<string, string> = {
    UNDER_18: '"ageAtIncident" < 18',
    AGE_18_29: '"ageAtIncident" BETWEEN 18 AND 29',
    AGE_30_39: '"ageAtIncident" BETWEEN 30 AND 39',
    AGE_40_49: '"ageAtIncident" BETWEEN 40 AND 49',
    AGE_50_59: '"ageAtIncident" BETWEEN 50 AND 59',
    AGE_60_PLUS: '"ageAtIncident" >= 60',
    UNKNOWN: '"ageAtIncident" IS NULL',
  };
  // Gender "other" is merged with not recorded before protection.
  const genderCondition = (group: string) =>
    group === 'OTHER_OR_UNKNOWN'
      ? `(gender IS NULL OR gender::text NOT IN ('MAN', 'WOMAN'))`
      : `gender::text = '${group}'`;

  it('covers every age group of the domain', () => {
    expect(Object.keys(ageCondition).sort()).toEqual([...AGE_GROUPS.map((g) => g.code), 'UNKNOWN'].sort());
  });

  it.each([
    ['INCIDENT_TYPE', (group: string) => `"incidentType"::text = '${group}'`],
    ['GENDER', genderCondition],
    ['AGE_GROUP', (group: string) => ageCondition[group]!],
    ['ROLE', (group: string) => `role::text = '${group}'`],
  ] as const)('by %s is within the noise of hand-written counts', async (dimension, condition) => {
    for (const orgs of [all.organizationIds, [smallOrg]]) {
      const result = await outreachAcceptance(db, { organizationIds: orgs }, dimension, uniform);
      await expectTable(
        result.table,
        (group, outcome) => reachedIn(condition(group), statusOf[outcome]!, orgs),
        dimension,
      );
      for (const [i, row] of result.rows.entries()) {
        expect(row.wantsCall, row.group).toEqual(
          disclosedRate(result.table.cells[i]![0]!, result.table.rowTotals[i]!),
        );
      }
      expectNoSmallCells(result);
    }
  });

  it('decline reasons are within the noise of hand-written counts', async () => {
    for (const orgs of [all.organizationIds, [bigOrg]]) {
      const result = await declineReasons(db, { organizationIds: orgs }, uniform);
      for (const reason of result.reasons) {
        expectNear(
          reason.count,
          await count(
            `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND status = 'DECLINED'
             AND "declineReason"::text = $2`,
            [orgs, reason.reason],
          ),
          reason.reason,
        );
      }
      expect(result.reasons.map((r) => r.reason)).toEqual(DECLINE_REASONS.map((r) => r.code));
      expectNoSmallCells(result);
    }
  });

  it('survey offers are within the noise of hand-written counts', async () => {
    const result = await surveyOffers(db, all, uniform);
    for (const { status, count: cell } of result.byStatus) {
      const independent =
        status === 'NOT_RECORDED'
          ? await count(
              `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND "reachedAt" IS NOT NULL
               AND "surveyStatus" IS NULL`,
              [all.organizationIds],
            )
          : await count(
              `SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = ANY($1::uuid[]) AND "reachedAt" IS NOT NULL
               AND "surveyStatus"::text = $2`,
              [all.organizationIds, status],
            );
      expectNear(cell, independent, status);
    }
    expectNoSmallCells(result);
  });
});

describe('intake', () => {
  it('heard-from and referral options are the perturbed hand-written counts', async () => {
    const heard = await intakeHeardFrom(db, all, uniform);
    expectExact(
      heard.registrations,
      await trueCell(
        `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "IntakeRegistration"
         WHERE "organizationId" = ANY($1::uuid[])`,
        [all.organizationIds],
      ),
      'registrations',
    );
    expect(heard.options.map((o) => o.code)).toEqual(HEARD_FROM.map((h) => h.code));
    for (const option of heard.options) {
      expectExact(
        option.count,
        await trueCell(
          `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "IntakeRegistration"
           WHERE "organizationId" = ANY($1::uuid[]) AND $2 = ANY("heardFrom")`,
          [all.organizationIds, option.code],
        ),
        option.code,
      );
      expect(option.shareOfRegistrations).toEqual(disclosedRate(option.count, heard.registrations));
    }
    const referrals = await intakeReferrals(db, { organizationIds: [bigOrg] }, uniform);
    for (const option of referrals.options) {
      expectExact(
        option.count,
        await trueCell(
          `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "IntakeRegistration"
           WHERE "organizationId" = $1::uuid AND $2::"RiskRoute" = ANY("referredTo")`,
          [bigOrg, option.code],
        ),
        option.code,
      );
    }
    // The same people in two figures: the same published count.
    const allReferrals = await intakeReferrals(db, all, uniform);
    expect(allReferrals.registrations).toEqual(heard.registrations);
    expectNoSmallCells([heard, referrals]);
  });

  it('violence forms × status are within the noise of the answers', async () => {
    const result = await intakeViolenceForms(db, all, uniform);
    await expectTable(
      result.table,
      (form, status) =>
        count(
          `SELECT count(*) FROM "IntakeRegistration" WHERE "organizationId" = ANY($1::uuid[])
           AND answers -> 'violence_status' ->> $2 = $3`,
          [all.organizationIds, form, status],
        ),
      'violence',
    );
    for (const [i, form] of result.table.rows.entries()) {
      expectNear(
        result.table.rowTotals[i]!,
        await count(
          `SELECT count(*) FROM "IntakeRegistration" WHERE "organizationId" = ANY($1::uuid[])
           AND answers -> 'violence_status' ? $2`,
          [all.organizationIds, form],
        ),
        `violence ${form} total`,
      );
    }
    expectNoSmallCells(result);
  });

  it('counts per organisation and year are within the noise (Table 5.1), totals perturbed on their own', async () => {
    const result = await intakeCountsByYear(db, all, uniform);
    expect(result.organizations).toHaveLength(all.organizationIds.length);
    const registrations = result.tables.find((t) => t.kind === 'REGISTRATION')!.table;
    const ends = result.tables.find((t) => t.kind === 'END')!.table;
    await expectTable(
      registrations,
      (org, year) =>
        count(
          `SELECT count(*) FROM "IntakeRegistration" WHERE "organizationId" = $1::uuid
           AND "registeredOn" >= make_date($2::int, 1, 1) AND "registeredOn" < make_date($2::int + 1, 1, 1)`,
          [org, Number(year)],
        ),
      'registrations',
    );
    await expectTable(
      ends,
      (org, year) =>
        count(
          `SELECT count(*) FROM "QuestionnaireResponse" WHERE "organizationId" = $1::uuid AND kind = 'END'
           AND date_part('year', "submittedAt") = $2::int`,
          [org, Number(year)],
        ),
      'end forms',
    );
    expectExact(
      registrations.grandTotal,
      await trueCell(
        `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "IntakeRegistration"
         WHERE "organizationId" = ANY($1::uuid[])`,
        [all.organizationIds],
      ),
      'registrations total',
    );
    expect(await intakeCountsByYear(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });
});

describe('courses', () => {
  it('delivery: courses and cadence exact, participants perturbed, mean group size from the published count', async () => {
    const result = await courseDelivery(db, all, uniform);
    expect(result.total.courses).toBe(await count(`SELECT count(*) FROM "Course"`, []));
    // Cadence independently: per course the gaps telescope to last − first session date.
    const cadence = await db.query<{ days: number }>(
      `SELECT (sum(span)::float8 / sum(n - 1)) AS days FROM (
         SELECT max(date) - min(date) AS span, count(*) AS n FROM "CourseSession" GROUP BY "courseId") s`,
    );
    expect(result.total.meanDaysBetweenSessions).toBeCloseTo(cadence[0]!.days, 10);
    const participants = (orgs: string[]) =>
      trueCell(
        `SELECT count(*)::int AS n, sum(e."recordKey")::text AS key_sum
         FROM "Enrolment" e JOIN "Course" k ON k.id = e."courseId" WHERE k."organizationId" = ANY($1::uuid[])`,
        [orgs],
      );
    expectExact(result.total.participants, await participants(all.organizationIds), 'participants');
    for (const row of [result.total, ...result.byOrganization]) {
      if (row.organizationId)
        expectExact(
          row.participants,
          await participants([row.organizationId]),
          `participants ${row.organizationId}`,
        );
      if (isPublished(row.participants) && row.courses > 0)
        expect(row.meanGroupSize).toBe(row.participants.value! / row.courses);
      else expect(row.meanGroupSize).toBeNull();
    }
    expect(await courseDelivery(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });

  it('delivery: group-size bands add up to the courses and band each course by its perturbed count', async () => {
    // The truth per course (its enrolments' count and key sum), banded as the rule says.
    const perCourse = await db.query<{ org: string; start: string; n: number; key_sum: string }>(
      `SELECT k."organizationId"::text AS org, to_char(k."startsOn", 'YYYY-MM-DD') AS start,
              count(e.id)::int AS n, coalesce(sum(e."recordKey"), 0)::text AS key_sum
       FROM "Course" k LEFT JOIN "Enrolment" e ON e."courseId" = k.id GROUP BY k.id`,
    );
    const bandsOf = (courses: typeof perCourse) => {
      const sizes = courses.map((c) => perturbedCount({ count: c.n, keySum: c.key_sum }, uniform));
      return {
        coursesUnder6: sizes.filter((v) => v < 6).length,
        courses6To8: sizes.filter((v) => v >= 6 && v <= 8).length,
        coursesOver8: sizes.filter((v) => v > 8).length,
      };
    };
    const trueBandsOf = (courses: typeof perCourse) => ({
      coursesUnder6: courses.filter((c) => c.n < 6).length,
      courses6To8: courses.filter((c) => c.n >= 6 && c.n <= 8).length,
      coursesOver8: courses.filter((c) => c.n > 8).length,
    });
    const year = perCourse.map((c) => c.start.slice(0, 4)).sort()[Math.floor(perCourse.length / 2)]!;
    let differFromTruth = 0;
    for (const [filter, inPeriod] of [
      [all, () => true],
      [
        { ...all, from: new Date(`${year}-01-01`), to: new Date(`${year}-12-31`) },
        (c: (typeof perCourse)[number]) => c.start.startsWith(year),
      ],
    ] as const) {
      const result = await courseDelivery(db, filter, uniform);
      for (const row of [result.total, ...result.byOrganization]) {
        const courses = perCourse.filter(
          (c) => inPeriod(c) && (row.organizationId === null || c.org === row.organizationId),
        );
        const bands = {
          coursesUnder6: row.coursesUnder6,
          courses6To8: row.courses6To8,
          coursesOver8: row.coursesOver8,
        };
        expect(row.coursesUnder6 + row.courses6To8 + row.coursesOver8, 'bands add up').toBe(row.courses);
        expect(bands, `bands of ${row.organizationId ?? 'all'}`).toEqual(bandsOf(courses));
        if (JSON.stringify(bands) !== JSON.stringify(trueBandsOf(courses))) differFromTruth += 1;
      }
      expect(result.total.courses).toBeGreaterThan(0);
    }
    // The noise reaches the bands: some row's bands are not those of the true counts.
    expect(differFromTruth).toBeGreaterThan(0);
  });

  it('participation: linked forms within the noise, attendance a mean share with magnitude noise', async () => {
    const result = await courseParticipation(db, all, uniform);
    const condition: Record<string, string> = {
      BOTH_FORMS: 'finished AND baseline AND ended',
      BASELINE_ONLY: 'finished AND baseline AND NOT ended',
      END_ONLY: 'finished AND NOT baseline AND ended',
      NO_FORM: 'finished AND NOT baseline AND NOT ended',
      COURSE_RUNNING: 'NOT finished',
    };
    await expectTable(
      result.table,
      (org, column) =>
        count(
          `SELECT count(*) FROM (
             SELECT e."organizationId" AS org,
               coalesce((SELECT max(date) FROM "CourseSession" s WHERE s."courseId" = e."courseId") < ${DANISH_TODAY_SQL}, false) AS finished,
               e."participantCode" IN (SELECT "participantCode" FROM "QuestionnaireResponse" WHERE kind = 'BASELINE') AS baseline,
               e."participantCode" IN (SELECT "participantCode" FROM "QuestionnaireResponse" WHERE kind = 'END') AS ended
             FROM "Enrolment" e) x
           WHERE org = $1::uuid AND ${condition[column]}`,
          [org],
        ),
      'participation',
    );
    // Attendance: per participant with attendance records the share of recorded sessions
    // attended; the published value is the mean share with magnitude noise.
    const truth = async (orgs: string[], from = '0001-01-01', to = '9999-12-31') => {
      const rows = await db.query<{ n: number; key_sum: string | null; mean: number | null }>(
        `SELECT count(*)::int AS n, sum(key)::text AS key_sum, avg(share)::float8 AS mean FROM (
           SELECT e."recordKey" AS key, avg(CASE WHEN a.present THEN 1.0 ELSE 0.0 END) AS share
           FROM "Attendance" a JOIN "Enrolment" e ON e.id = a."enrolmentId" JOIN "Course" k ON k.id = e."courseId"
           WHERE e."organizationId" = ANY($1::uuid[]) AND k."startsOn" BETWEEN $2::date AND $3::date
           GROUP BY e.id) p`,
        [orgs, from, to],
      );
      const row = rows[0]!;
      return { cell: { count: row.n, keySum: row.key_sum ?? '0' }, mean: row.mean };
    };
    const expectAttendance = async (attendance: number | null, orgs: string[], what: string) => {
      const { cell, mean } = await truth(orgs);
      const publishedN = discloseCount(cell, uniform);
      if (!isPublished(publishedN)) {
        expect(attendance, `${what}: attendance of participants under 5`).toBeNull();
        return 'hidden';
      }
      expect(attendance, what).not.toBeNull();
      expect(attendance!, what).toBeGreaterThanOrEqual(0);
      expect(attendance!, what).toBeLessThanOrEqual(1);
      // Laplace noise of scale a quarter of the range (0-1) over the published n: far within 20 scales.
      const scale = (MAGNITUDE_NOISE_SCALE * 1) / publishedN.value!;
      expect(Math.abs(attendance! - mean!), what).toBeLessThan(20 * scale);
      // And exactly the domain's magnitude rule on the true mean and cell.
      const expected = discloseMagnitude(
        'attendance',
        mean,
        cell,
        publishedN,
        { lower: 0, upper: 1 },
        uniform,
      );
      expect(attendance!, what).toBeCloseTo(expected!, 10);
      return 'shown';
    };
    expect(await expectAttendance(result.total.attendance, all.organizationIds, 'total')).toBe('shown');
    const shown = { shown: 0, hidden: 0 };
    for (const row of result.byOrganization) {
      // A share (0-1) only: no numerator or denominator of person-sessions to divide by sessions.
      expect(row.attendance === null || typeof row.attendance === 'number').toBe(true);
      shown[await expectAttendance(row.attendance, [row.organizationId], row.organizationId)] += 1;
    }
    expect(shown.shown, 'some organisations show attendance').toBeGreaterThan(0);
    // Organisations in one month: small groups, whose attendance must be hidden.
    const month = await db.query<{ month: string }>(
      `SELECT to_char(date_trunc('month', k."startsOn"), 'YYYY-MM-DD') AS month
       FROM "Course" k JOIN "Enrolment" e ON e."courseId" = k.id JOIN "Attendance" a ON a."enrolmentId" = e.id
       GROUP BY 1 ORDER BY count(DISTINCT e.id) DESC LIMIT 1`,
    );
    const from = new Date(`${month[0]!.month}T00:00:00.000Z`);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0));
    const inMonth = await courseParticipation(db, { ...all, from, to }, uniform);
    for (const row of inMonth.byOrganization) {
      const { cell } = await truth([row.organizationId], isoDay(from), isoDay(to));
      if (isPublished(discloseCount(cell, uniform))) expect(row.attendance).not.toBeNull();
      else {
        expect(row.attendance, `attendance of ${row.organizationId} in ${month[0]!.month}`).toBeNull();
        shown.hidden += 1;
      }
    }
    expect(shown.hidden, 'some attendance is hidden for fewer than 5 participants').toBeGreaterThan(0);
    expect(result.total.dropOut?.rate).toBeGreaterThan(0);
    expect(await courseParticipation(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });

  it('waiting times: counts perturbed, statistics with magnitude noise where n is 5 or more', async () => {
    const result = await waitingTimes(db, all, uniform);
    const independent = await db.query<{ n: number; key_sum: string; mean: number }>(
      `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum, avg("leftOn" - since)::float8 AS mean
       FROM "WaitingListEntry" w
       WHERE "leftOn" IS NOT NULL AND "personId" IN (SELECT "personId" FROM "Enrolment")`,
    );
    const truth = independent[0]!;
    expectExact(result.total.enrolled, { count: truth.n, keySum: truth.key_sum }, 'enrolled from the list');
    expect(isPublished(result.total.enrolled)).toBe(true);
    // Laplace noise of scale a quarter of a year over n: far within 20 scales.
    const scale = (MAGNITUDE_NOISE_SCALE * 365) / result.total.enrolled.value!;
    expect(Math.abs(result.total.meanDays! - truth.mean)).toBeLessThan(20 * scale);
    for (const row of [result.total, ...result.byOrganization]) {
      if (!isPublished(row.enrolled)) {
        expect(row.meanDays).toBeNull();
        expect(row.medianDays).toBeNull();
        expect(row.p90Days).toBeNull();
      } else {
        for (const value of [row.meanDays, row.medianDays, row.p90Days])
          expect(value).toBeGreaterThanOrEqual(0);
      }
    }
    expect(await waitingTimes(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });
});

describe('recovery and course items', () => {
  it('INSPIRE n perturbed, means near the truth, tests recomputed from the published summaries', async () => {
    const result = await recovery(db, all, uniform);
    for (const figure of result.measures) {
      const column = figure.measure === 'INSPIRE_O' ? '"inspireOScore"' : '"inspireScore"';
      const summary = async (kind: string) =>
        (
          await db.query<{ n: number; key_sum: string; mean: number }>(
            `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum, avg(${column})::float8 AS mean
             FROM "QuestionnaireResponse" WHERE kind = $1::"QuestionnaireKind" AND ${column} IS NOT NULL`,
            [kind],
          )
        )[0]!;
      const before = await summary('BASELINE');
      const after = await summary('END');
      expectExact(figure.total.baseline.n, { count: before.n, keySum: before.key_sum }, 'baseline n');
      expectExact(figure.total.end.n, { count: after.n, keySum: after.key_sum }, 'end n');
      const scale = (n: DisclosedCount) => (MAGNITUDE_NOISE_SCALE * 100) / n.value!;
      expect(Math.abs(figure.total.baseline.mean! - before.mean)).toBeLessThan(
        20 * scale(figure.total.baseline.n),
      );
      expect(Math.abs(figure.total.end.mean! - after.mean)).toBeLessThan(20 * scale(figure.total.end.n));

      const pairs = await db.query<{ n: number; key_sum: string; diff: number; improved: number }>(
        `SELECT count(*)::int AS n, sum(b."recordKey")::text AS key_sum, avg(e.${column} - b.${column})::float8 AS diff,
                count(*) FILTER (WHERE e.${column} - b.${column} >= 8)::int AS improved
         FROM "QuestionnaireResponse" b
         JOIN "QuestionnaireResponse" e ON e."participantCode" = b."participantCode"
         WHERE b.kind = 'BASELINE' AND e.kind = 'END' AND b.${column} IS NOT NULL AND e.${column} IS NOT NULL`,
      );
      const pair = pairs[0]!;
      expectExact(figure.total.paired.n, { count: pair.n, keySum: pair.key_sum }, 'pairs');
      // The dataset is large enough that the totals show both tests.
      expect(figure.total.unpaired).not.toBeNull();
      expect(figure.total.paired.test).not.toBeNull();
      const improvement = figure.total.paired.clinicallyRelevantImprovement!;
      expectNear({ value: improvement.numerator, suppressed: false }, pair.improved, 'improved pairs');
      expect(improvement.denominator).toBe(figure.total.paired.n.value);

      for (const row of [figure.total, ...figure.byOrganization]) {
        const where = `${figure.measure} ${row.organizationId ?? 'total'}`;
        for (const part of [row.baseline, row.end]) {
          if (!isPublished(part.n)) expect([part.mean, part.sd], where).toEqual([null, null]);
        }
        // Welch's test, only from what is published.
        if (
          isPublished(row.baseline.n) &&
          isPublished(row.end.n) &&
          row.baseline.sd !== null &&
          row.end.sd !== null
        ) {
          const reference = welchTTestFromSummary(
            { n: row.baseline.n.value!, mean: row.baseline.mean!, variance: row.baseline.sd ** 2 },
            { n: row.end.n.value!, mean: row.end.mean!, variance: row.end.sd ** 2 },
          );
          expect(row.unpaired, where).toMatchObject({
            meanDifference: reference.meanDifference,
            t: reference.t,
            df: reference.df,
            p: reference.p,
            ci95: reference.ci95,
          });
        } else expect(row.unpaired, where).toBeNull();
        const paired = row.paired;
        if (!isPublished(paired.n)) {
          expect([paired.meanBefore, paired.meanAfter, paired.sdDifference, paired.test], where).toEqual([
            null,
            null,
            null,
            null,
          ]);
          expect(paired.clinicallyRelevantImprovement, where).toBeNull();
          expect(paired.crossedCutoff, where).toBeNull();
        } else if (paired.sdDifference) {
          const reference = pairedTTestFromSummary({
            n: paired.n.value!,
            mean: paired.meanAfter! - paired.meanBefore!,
            variance: paired.sdDifference ** 2,
          });
          expect(paired.test, where).toMatchObject({
            meanDifference: reference.meanDifference,
            t: reference.t,
            df: reference.df,
            p: reference.p,
            ci95: reference.ci95,
          });
        }
      }
      // The paired mean change is near the true one (noise of the two means over n).
      expect(
        Math.abs(figure.total.paired.meanAfter! - figure.total.paired.meanBefore! - pair.diff),
      ).toBeLessThan(40 * scale(figure.total.paired.n));
    }
    expect(await recovery(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });

  it('course item n perturbed by the answering forms, means near the end forms', async () => {
    const result = await courseItems(db, all, uniform);
    expect(result.items.map((i) => i.itemId)).toEqual(COURSE_ITEM_IDS);
    for (const item of result.items) {
      const independent = await db.query<{ n: number; key_sum: string; mean: number }>(
        `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum,
                avg((answers ->> $1)::numeric)::float8 AS mean FROM "QuestionnaireResponse"
         WHERE kind = 'END' AND answers ? $1 AND "organizationId" = ANY($2::uuid[])`,
        [item.itemId, all.organizationIds],
      );
      const truth = independent[0]!;
      expectExact(item.total.n, { count: truth.n, keySum: truth.key_sum }, item.itemId);
      const scale = (MAGNITUDE_NOISE_SCALE * 4) / item.total.n.value!;
      expect(Math.abs(item.total.mean! - truth.mean)).toBeLessThan(20 * scale);
      expect(item.total.mean).toBeGreaterThanOrEqual(1);
      expect(item.total.mean).toBeLessThanOrEqual(5);
      for (const row of [item.total, ...item.byOrganization])
        if (!isPublished(row.n)) expect([row.mean, row.sd]).toEqual([null, null]);
    }
    expect(await courseItems(db, all, uniform)).toEqual(result);
    expectNoSmallCells(result);
  });
});

describe('costs', () => {
  it("runs each organisation's latest inputs in the period through the domain rules, dividing by the perturbed counted completers", async () => {
    let published = 0;
    for (const year of [2018, 2019, 2020, 2021, 2022]) {
      const filter: EvaluationFilter = {
        ...all,
        from: new Date(`${year}-01-01`),
        to: new Date(`${year}-12-31`),
      };
      const result = await costs(db, filter, uniform);
      expect(result.invalidInputs).toEqual([]);
      const latest = await db.query<{
        org: string;
        model: string;
        year: number;
        inputs: GroupCourseCostInputs;
      }>(
        // The figures of outreach and group courses (the aftercare models' inputs, generator
        // version 6, have figures of their own: aftercare-costs.test.ts).
        `SELECT "organizationId"::text AS org, model::text, year, inputs FROM "CostInput" c
       WHERE year = $1::int AND model IN ('OUTREACH', 'GROUP_COURSE')`,
        [year],
      );
      expect(result.figures).toHaveLength(latest.length);
      for (const row of latest.filter((r) => r.model === 'GROUP_COURSE')) {
        const figure = result.figures.find(
          (f) => f.organizationId === row.org && f.model === 'GROUP_COURSE',
        )!;
        expect(figure.year).toBe(row.year);
        const reference = groupCourseCosts(row.inputs);
        expect(figure.firstYear).toBe(reference.firstYear);
        expect(figure.startUp.total).toBe(975_000);
        // Hand-written count of completers: enrolments of courses that started in the year and
        // have ended, with both forms; written out here, not taken from completers.ts.
        const [truth] = await db.query<{ n: number; key_sum: string }>(
          `SELECT count(*)::int AS n, coalesce(sum(e."recordKey"), 0)::bigint AS key_sum
           FROM "Enrolment" e JOIN "Course" k ON k.id = e."courseId"
           WHERE e."organizationId" = $1::uuid AND extract(year FROM k."startsOn") = $2
             AND (SELECT max(s.date) FROM "CourseSession" s WHERE s."courseId" = k.id) < ${DANISH_TODAY_SQL}
             AND EXISTS (SELECT 1 FROM "QuestionnaireResponse" q
                         WHERE q."participantCode" = e."participantCode" AND q.kind = 'BASELINE')
             AND EXISTS (SELECT 1 FROM "QuestionnaireResponse" q
                         WHERE q."participantCode" = e."participantCode" AND q.kind = 'END')`,
          [row.org, row.year],
        );
        if (truth!.n === 0) {
          // Shown whatever the count (its presence says nothing about it): 0, no amount.
          expect(figure.perCompleter).toMatchObject({
            amount: null,
            completers: { value: 0, suppressed: false },
          });
          continue;
        }
        const shown = figure.perCompleter!.completers;
        expectExact(shown, { count: truth!.n, keySum: truth!.key_sum }, `completers ${row.org}`);
        if (isPublished(shown)) {
          published += 1;
          expect(figure.perCompleter!.amount).toBe(Math.round(reference.yearly.total / shown.value!));
          expect(figure.shelterComparison!.ratio).toBe(
            figure.perCompleter!.amount! / figure.shelterComparison!.shelterStay,
          );
        } else {
          // Fewer than 5 shown: no amount (cost-inputs.test.ts makes such an organisation).
          expect(figure.perCompleter!.amount).toBeNull();
          expect(figure.shelterComparison!.ratio).toBeNull();
        }
      }
      expect(await costs(db, filter, uniform)).toEqual(result);
      expectNoSmallCells(result);
    }
    expect(published).toBeGreaterThan(0);
  });
});

describe('an empty selection', () => {
  it('gives zeros and no statistics in every figure, without failing', async () => {
    const empty: EvaluationFilter = { ...all, from: new Date('2001-01-01'), to: new Date('2001-12-31') };
    const results = {
      heard: await intakeHeardFrom(db, empty, uniform),
      referrals: await intakeReferrals(db, empty, uniform),
      violence: await intakeViolenceForms(db, empty, uniform),
      byYear: await intakeCountsByYear(db, empty, uniform),
      delivery: await courseDelivery(db, empty, uniform),
      participation: await courseParticipation(db, empty, uniform),
      waiting: await waitingTimes(db, empty, uniform),
      items: await courseItems(db, empty, uniform),
      recovery: await recovery(db, empty, uniform),
      costs: await costs(db, empty, uniform),
    };
    const zero = { value: 0, suppressed: false };
    expect(results.heard.registrations).toEqual(zero);
    expect(results.heard.options.every((o) => o.shareOfRegistrations === null)).toBe(true);
    expect(results.violence.table.grandTotal).toEqual(zero);
    expect(results.delivery.total).toMatchObject({ courses: 0, participants: zero, meanGroupSize: null });
    expect(results.participation.total).toEqual({ completion: null, dropOut: null, attendance: null });
    expect(results.waiting.total).toMatchObject({
      enrolled: zero,
      meanDays: null,
      medianDays: null,
      p90Days: null,
    });
    for (const item of results.items.items) expect(item.total).toEqual({ n: zero, mean: null, sd: null });
    for (const figure of results.recovery.measures) {
      expect(figure.total.baseline).toEqual({ n: zero, mean: null, sd: null });
      expect(figure.total.unpaired).toBeNull();
      expect(figure.total.paired.test).toBeNull();
    }
    expect(results.costs.figures).toEqual([]);
    expectNoSmallCells(results);
  });
});

describe('the noise', () => {
  it('is there: some published table cells differ from the truth', () => {
    expect(perturbedCells).toBeGreaterThan(0);
  });
});

describe('the shape of an answer', () => {
  it('has a row for every selected organisation and contiguous years, even where an organisation has no records', async () => {
    // A month with courses and end forms in which some organisation has no questionnaire,
    // waiting-list entry, course or registration at all.
    const activity = `SELECT "organizationId" AS org, date_trunc('month', "submittedAt")::date AS month
        FROM "QuestionnaireResponse" WHERE kind IN ('BASELINE', 'END')
      UNION ALL SELECT "organizationId", date_trunc('month', since)::date FROM "WaitingListEntry"
      UNION ALL SELECT "organizationId", date_trunc('month', "startsOn")::date FROM "Course"
      UNION ALL SELECT "organizationId", date_trunc('month', "registeredOn")::date FROM "IntakeRegistration"`;
    const [quiet] = await db.query<{ org: string; month: string }>(
      `WITH activity AS (${activity})
       SELECT o.id::text AS org, to_char(m.month, 'YYYY-MM-DD') AS month
       FROM (SELECT DISTINCT date_trunc('month', "startsOn")::date AS month FROM "Course") m
       CROSS JOIN "Organization" o
       WHERE EXISTS (SELECT 1 FROM "QuestionnaireResponse" q
                     WHERE q.kind = 'END' AND date_trunc('month', q."submittedAt")::date = m.month)
         AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.org = o.id AND a.month = m.month)
       ORDER BY m.month DESC, o.id LIMIT 1`,
    );
    expect(quiet, 'a month in which an organisation has no records').toBeDefined();
    const from = new Date(`${quiet!.month}T00:00:00.000Z`);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0));
    const filter: EvaluationFilter = { ...all, from, to };
    const sorted = [...all.organizationIds].sort();
    const zero = { value: 0, suppressed: false };

    const recoveryResult = await recovery(db, filter, uniform);
    for (const figure of recoveryResult.measures) {
      expect(figure.byOrganization.map((row) => row.organizationId)).toEqual(sorted);
      const row = figure.byOrganization.find((r) => r.organizationId === quiet!.org)!;
      expect([row.baseline, row.end]).toEqual([
        { n: zero, mean: null, sd: null },
        { n: zero, mean: null, sd: null },
      ]);
      expect(row.paired).toMatchObject({ n: zero, meanBefore: null, test: null, crossedCutoff: null });
    }
    const items = await courseItems(db, filter, uniform);
    for (const item of items.items) {
      expect(item.byOrganization.map((row) => row.organizationId)).toEqual(sorted);
      expect(item.byOrganization.find((r) => r.organizationId === quiet!.org)).toEqual({
        organizationId: quiet!.org,
        n: zero,
        mean: null,
        sd: null,
      });
    }
    const waiting = await waitingTimes(db, filter, uniform);
    expect(waiting.byOrganization.map((row) => row.organizationId)).toEqual(sorted);
    expect(waiting.byOrganization.find((r) => r.organizationId === quiet!.org)).toEqual({
      organizationId: quiet!.org,
      enrolled: zero,
      meanDays: null,
      medianDays: null,
      p90Days: null,
      enrolledOverLimit: zero,
      stillWaiting: zero,
      stillWaitingOverLimit: zero,
    });
    const delivery = await courseDelivery(db, filter, uniform);
    expect(delivery.total.courses, 'other organisations ran courses that month').toBeGreaterThan(0);
    expect(delivery.byOrganization.map((row) => row.organizationId)).toEqual(sorted);
    expect(delivery.byOrganization.find((r) => r.organizationId === quiet!.org)).toMatchObject({
      courses: 0,
      sessions: 0,
      gapsOver14Days: 0,
      participants: zero,
      meanGroupSize: null,
    });
    const participation = await courseParticipation(db, filter, uniform);
    expect(participation.table.rows).toEqual(sorted);
    expect(participation.byOrganization.map((row) => row.organizationId)).toEqual(sorted);
    const quietRow = sorted.indexOf(quiet!.org);
    expect(participation.table.cells[quietRow]).toEqual(participation.table.cols.map(() => zero));
    expect(participation.table.rowTotals[quietRow]).toEqual(zero);
    expect(participation.withdrawn.cells[quietRow]).toEqual(zero);

    const byYear = await intakeCountsByYear(db, filter, uniform);
    expect(byYear.years).toEqual([from.getUTCFullYear()]);
    for (const { table } of byYear.tables) {
      expect(table.rows).toHaveLength(all.organizationIds.length);
      expect(table.cells[table.rows.indexOf(quiet!.org)]).toEqual([zero]);
    }
    // The period's year, even where nobody was counted.
    const longAgo = await intakeCountsByYear(
      db,
      { ...all, from: new Date('2001-01-01'), to: new Date('2001-12-31') },
      uniform,
    );
    expect(longAgo.years).toEqual([2001]);
    // Without a period: every year from the installation's first with data to this Danish year.
    const everything = await intakeCountsByYear(db, all, uniform);
    const span = await db.query<{ first: number }>(
      `SELECT min(y)::int AS first FROM (
         SELECT date_part('year', "registeredOn") AS y FROM "IntakeRegistration"
         UNION ALL SELECT date_part('year', "submittedAt") FROM "QuestionnaireResponse") x`,
    );
    const first = span[0]!.first;
    const last = Number(danishCalendarDate(new Date()).slice(0, 4));
    expect(everything.years).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
    expectNoSmallCells([recoveryResult, items, waiting, delivery, participation, byYear]);
  });

  it('has the same year columns for one organisation as for all, with or without the ends of a period', async () => {
    const thisYear = Number(danishCalendarDate(new Date()).slice(0, 4));
    for (const period of [
      {},
      { from: new Date('2021-01-01'), to: new Date('2021-12-31') },
      { from: new Date('2022-07-01'), to: new Date('2022-09-30') },
      { from: new Date('2021-04-01'), to: new Date('2021-04-30') },
      // Later than any data: the column is still there.
      { from: new Date(`${thisYear}-01-01`), to: new Date(`${thisYear}-12-31`) },
    ]) {
      const allYears = (await intakeCountsByYear(db, { ...all, ...period }, uniform)).years;
      expect(allYears.length, JSON.stringify(period)).toBeGreaterThan(0);
      for (const org of [bigOrg, smallOrg, ...all.organizationIds]) {
        const oneYears = (await intakeCountsByYear(db, { organizationIds: [org], ...period }, uniform)).years;
        expect(oneYears, `${org} ${JSON.stringify(period)}`).toEqual(allYears);
      }
      if (!('to' in period)) expect(allYears.at(-1)).toBe(thisYear);
    }
  });
});
