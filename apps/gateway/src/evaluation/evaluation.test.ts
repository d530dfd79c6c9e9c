import { ownerQuery } from '@vi/db/testing';
// The evaluators' part of the schema through the gateway (yoga.fetch, in-process): who may
// call it, that it applies the evaluator's grants and the filter grid (whole months, one or
// all), that its figures equal the query functions' under the same disclosure key, that every
// request is audited and counts toward the daily limit, that a second evaluator gets the same
// answer, and that no type reachable from it can expose person-level data.
import './index.ts';
import { type Database, getDatabase } from '@vi/db';
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../bench/src/generate.ts';
import type { GatewayContext } from '../context.ts';
import { openDatabase } from '../database.ts';
import { schema } from '../schema.ts';
import { createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import { forgetDisclosureKey, keyedUniform } from './disclosure-key.ts';
import { courseDelivery } from './queries/course-delivery.ts';
import { courseParticipation } from './queries/course-participation.ts';
import { hateCrimeUptake } from './queries/hate-crime-uptake.ts';
import { danishToday } from './queries/organization-rows.ts';
import { outreachFunnel } from './queries/outreach-funnel.ts';
import { recovery } from './queries/recovery.ts';
import { repeatStays } from './queries/repeat-stays.ts';
import { shelterCounselling } from './queries/shelter-counselling.ts';

/** The gateway's disclosure key for this file (VI_DISCLOSURE_KEY), and the same key for direct calls. */
const KEY = Buffer.alloc(32, 7);
const uniform = keyedUniform(KEY);
const savedEnv = {
  key: process.env.VI_DISCLOSURE_KEY,
  limit: process.env.VI_EVALUATION_DAILY_LIMIT,
};

let db: Database;
let organizations: Array<{ id: string; name: string }>;
let notGranted: string;
/** Every organisation the main evaluator is granted. */
let granted: string[];

const EVALUATOR_EMAILS = {
  main: 'evaluator@vive.test',
  second: 'second-evaluator@vive.test',
  limited: 'limited-evaluator@vive.test',
  three: 'three-organisations@vive.test',
} as const;

beforeAll(async () => {
  process.env.VI_DISCLOSURE_KEY = KEY.toString('hex');
  delete process.env.VI_EVALUATION_DAILY_LIMIT;
  forgetDisclosureKey();
  await openDatabase();
  db = await getDatabase();
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    parametersForScale(0.002),
    () => {},
  );
  organizations = await db.query<{ id: string; name: string }>(
    `SELECT id::text AS id, name FROM "Organization" ORDER BY name`,
  );
  notGranted = organizations.at(-1)!.id;
  granted = organizations.filter((o) => o.id !== notGranted).map((o) => o.id);
  const evaluatorOf = (ids: string[]) =>
    ids.map((id) => ({ organizationId: id, role: 'EVALUATOR' }) as const);
  await createUser({ email: EVALUATOR_EMAILS.main, memberships: evaluatorOf(granted) });
  await createUser({ email: EVALUATOR_EMAILS.second, memberships: evaluatorOf(granted) });
  await createUser({ email: EVALUATOR_EMAILS.limited, memberships: evaluatorOf(granted) });
  await createUser({ email: EVALUATOR_EMAILS.three, memberships: evaluatorOf(granted.slice(0, 3)) });
  await createUser({
    email: 'worker@bench.test',
    memberships: [{ organizationId: organizations[0]!.id, role: 'OUTREACH_WORKER' }],
  });
}, 180_000);

afterEach(() => {
  // The limit is read per request; a test that sets it puts it back.
  delete process.env.VI_EVALUATION_DAILY_LIMIT;
});

afterAll(() => {
  for (const [name, value] of [
    ['VI_DISCLOSURE_KEY', savedEnv.key],
    ['VI_EVALUATION_DAILY_LIMIT', savedEnv.limit],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  forgetDisclosureKey();
});

const FUNNEL = `query Funnel($filter: EvaluationFilterInput) {
  evaluation(filter: $filter) {
    organizations { id name }
    outreachFunnel {
      counts { identified { value suppressed } reached { value suppressed } wantsCall { value suppressed } }
      rates { acceptance { rate numerator denominator ci95Lower ci95Upper } }
      ignoredFilters
    }
  }
}`;

async function evaluatorBrowser(email: string = EVALUATOR_EMAILS.main): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  return browser;
}

type AuditRow = { action: string; entity: string; entityId: string | null; detail: Record<string, unknown> };

/** The evaluation audit rows of one user, oldest first. */
function auditRowsOf(email: string): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT a.action, a.entity, a."entityId", a.detail FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId"
     WHERE u.email = $1 AND a.entity = 'Evaluation' ORDER BY a.id`,
    [email],
  );
}

/** The field errors of a VALIDATION response as field:code. */
function fieldCodes(response: {
  body: { errors?: Array<{ extensions?: Record<string, unknown> }> };
}): string[] {
  const fields = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
  }>;
  return fields.map((f) => `${f.field}:${f.code}`);
}

describe('evaluation access', () => {
  it('refuses anonymous callers and users without the evaluator role', async () => {
    const anonymous = await new TestBrowser().graphql(FUNNEL);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const worker = new TestBrowser();
    await worker.login('worker@bench.test', TEST_PASSWORD);
    const denied = await worker.graphql(FUNNEL);
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(denied.body.data).toBeNull();
  });

  it('covers every granted organisation by default and refuses one that is not granted, naming the field', async () => {
    const browser = await evaluatorBrowser();
    const response = await browser.graphql<{ evaluation: { organizations: Array<{ id: string }> } }>(FUNNEL);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.evaluation.organizations.map((o) => o.id).sort()).toEqual(
      organizations
        .filter((o) => o.id !== notGranted)
        .map((o) => o.id)
        .sort(),
    );
    const refused = await browser.graphql(FUNNEL, {
      filter: { organizationIds: [organizations[0]!.id, notGranted] },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    expect(refused.body.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({ field: 'organizationIds.1', code: 'NOT_GRANTED' }),
    ]);
  });
});

describe('evaluation figures through the gateway', () => {
  it('returns the same funnel as the query function under the same key, for a filtered selection', async () => {
    const browser = await evaluatorBrowser();
    const organizationIds = [granted[0]!];
    const response = await browser.graphql<{
      evaluation: {
        outreachFunnel: {
          counts: Record<string, { value: number | null; suppressed: boolean }>;
          rates: { acceptance: { rate: number } | null };
          ignoredFilters: string[];
        };
      };
    }>(FUNNEL, {
      filter: { organizationIds, from: '2023-01-01', to: '2023-12-31', genders: ['WOMAN'] },
    });
    expect(response.body.errors).toBeUndefined();
    const direct = await outreachFunnel(
      db,
      { organizationIds, from: new Date('2023-01-01'), to: new Date('2023-12-31'), genders: ['WOMAN'] },
      uniform,
    );
    const funnel = response.body.data!.evaluation.outreachFunnel;
    expect(funnel.counts.identified).toEqual(direct.counts.identified);
    expect(funnel.counts.identified!.value).toBe(direct.counts.identified.value);
    expect(funnel.counts.reached!.value).toBe(direct.counts.reached.value);
    expect(funnel.counts.wantsCall!.value).toBe(direct.counts.wantsCall.value);
    expect(funnel.rates.acceptance?.rate ?? null).toBe(direct.rates.acceptance?.rate ?? null);
    expect(funnel.ignoredFilters).toEqual([]);
  });

  it('answers every figure in one request, with the paired INSPIRE test', async () => {
    const browser = await evaluatorBrowser();
    const response = await browser.graphql<{
      evaluation: {
        courseDelivery: {
          total: { courses: number; coursesUnder6: number; courses6To8: number; coursesOver8: number };
        };
        courseParticipation: {
          total: { attendance: number | null };
          byOrganization: Array<{ organizationId: string; attendance: number | null }>;
        };
        recovery: {
          measures: Array<{
            measure: string;
            total: { paired: { n: { value: number }; test: { p: number } } };
          }>;
        };
      };
    }>(`query {
      evaluation {
        outreachAcceptance(dimension: AGE_GROUP) { groups { group reached wantsCall { rate } } table { columns grandTotal { value } } }
        declineReasons { reasons { reason count { value suppressed } } }
        surveyOffers { offeredRate { rate } byStatus { status count { value } } }
        intakeHeardFrom { registrations { value } options { code count { value } } }
        intakeReferrals { options { code count { value } } }
        intakeViolenceForms { table { columns rows { key cells { value suppressed } total { value } } } }
        intakeCountsByYear { years tables { kind table { grandTotal { value } } } }
        courseDelivery { total { courses meanDaysBetweenSessions participants { value } coursesUnder6 courses6To8 coursesOver8 } }
        courseParticipation { total { completion { rate } dropOut { rate } attendance } byOrganization { organizationId attendance } withdrawnTotal { value } }
        waitingTimes { total { enrolled { value } meanDays medianDays } }
        courseItems { items { itemId total { n { value } mean } } }
        recovery { measures { measure total { baseline { n { value } mean } paired { n { value } test { p stars ci95Lower } } unpaired { p df } } } }
        costs { figures { model year firstYear startUp { total } perCompleter { amount completers { value suppressed } } shelterComparison { ratio } } invalidInputs { fields } }
      }
    }`);
    expect(response.body.errors).toBeUndefined();
    const direct = await recovery(db, { organizationIds: granted }, uniform);
    const viaGateway = response.body.data!.evaluation.recovery.measures[0]!;
    expect(viaGateway.measure).toBe('INSPIRE_O');
    expect(viaGateway.total.paired.n.value).toBe(direct.measures[0]!.total.paired.n.value);
    expect(viaGateway.total.paired.test.p).toBe(direct.measures[0]!.total.paired.test!.p);
    // Attendance is a share (a number, not a rate of person-sessions); bands of perturbed sizes.
    const participation = await courseParticipation(db, { organizationIds: granted }, uniform);
    const { courseParticipation: viaParticipation, courseDelivery: viaDelivery } =
      response.body.data!.evaluation;
    expect(typeof viaParticipation.total.attendance).toBe('number');
    expect(viaParticipation.total.attendance).toBe(participation.total.attendance);
    expect(viaParticipation.byOrganization).toEqual(
      participation.byOrganization.map(({ organizationId, attendance }) => ({ organizationId, attendance })),
    );
    const delivery = await courseDelivery(db, { organizationIds: granted }, uniform);
    expect(viaDelivery.total).toMatchObject({
      courses: delivery.total.courses,
      coursesUnder6: delivery.total.coursesUnder6,
      courses6To8: delivery.total.courses6To8,
      coursesOver8: delivery.total.coursesOver8,
    });
    expect(
      viaDelivery.total.coursesUnder6 + viaDelivery.total.courses6To8 + viaDelivery.total.coursesOver8,
    ).toBe(viaDelivery.total.courses);
  });

  it('answers the aftercare figures as their query functions do, and names the filters they cannot apply', async () => {
    const browser = await evaluatorBrowser();
    const before = danishToday();
    const count = '{ value suppressed }';
    const response = await browser.graphql<{ evaluation: Record<string, Record<string, unknown>> }>(
      `query ($filter: EvaluationFilterInput) {
        evaluation(filter: $filter) {
          hateCrimeUptake { total { track referred ${count} started ${count} uptake { rate } meanDays } ignoredFilters }
          hateCrimeLegalTasks { table { grandTotal ${count} } ignoredFilters }
          hateCrimeSessions { total { individual ${count} meanSessions } ignoredFilters }
          shelterCounselling { total { moveOuts ${count} allCovered ${count} } ignoredFilters }
          shelterPsychologistHours { total { role persons ${count} meanHoursUsed } ignoredFilters }
          shelterCivilSociety { offers { offer offered ${count} started ${count} } ignoredFilters }
          repeatStays { cutoff total { months group followed ${count} repeat ${count} } ignoredFilters }
        }
      }`,
      { filter: { genders: ['WOMAN'] } },
    );
    expect(response.body.errors).toBeUndefined();
    const evaluation = response.body.data!.evaluation;
    for (const figure of Object.values(evaluation)) expect(figure.ignoredFilters).toEqual(['GENDERS']);
    const filter = { organizationIds: granted, genders: ['WOMAN'] };
    const uptake = await hateCrimeUptake(db, filter, uniform);
    expect(evaluation.hateCrimeUptake!.total).toEqual(
      uptake.total.map((row) => ({
        track: row.track,
        referred: row.referred,
        started: row.started,
        uptake: row.uptake && { rate: row.uptake.rate },
        meanDays: row.meanDays,
      })),
    );
    // The windows are measured at today on the Danish calendar, as the gateway read it.
    const cutoff = evaluation.repeatStays!.cutoff as string;
    expect([before, danishToday()]).toContain(cutoff);
    const stays = await repeatStays(db, filter, uniform, cutoff);
    expect(evaluation.repeatStays!.total).toEqual(
      stays.total.map(({ months, group, followed, repeat }) => ({ months, group, followed, repeat })),
    );
    const counselling = await shelterCounselling(db, filter, uniform);
    expect(evaluation.shelterCounselling!.total).toEqual({
      moveOuts: counselling.total.moveOuts,
      allCovered: counselling.total.allCovered,
    });
  });
});

const SMALL_QUESTION = `query Small($filter: EvaluationFilterInput) {
  evaluation(filter: $filter) {
    disclosure { methodId dailyLimit usedToday }
    intakeHeardFrom { registrations { value suppressed } options { code count { value suppressed } } }
    waitingTimes { total { enrolled { value suppressed } meanDays medianDays p90Days } }
  }
}`;

describe('the filter grid', () => {
  it('refuses two organisations of three, a mid-month date and two genders, naming the field', async () => {
    const browser = await evaluatorBrowser(EVALUATOR_EMAILS.three);
    const three = granted.slice(0, 3);
    const actionsOf = async (action: string) =>
      (await auditRowsOf(EVALUATOR_EMAILS.three)).filter((row) => row.action === action).length;
    const before = { denied: await actionsOf('DENIED'), evaluate: await actionsOf('EVALUATE') };

    const twoOfThree = await browser.graphql(SMALL_QUESTION, {
      filter: { organizationIds: three.slice(0, 2) },
    });
    expect(errorCodes(twoOfThree)).toEqual(['VALIDATION']);
    expect(fieldCodes(twoOfThree)).toEqual(['organizationIds:ONE_OR_ALL']);

    const midMonth = await browser.graphql(SMALL_QUESTION, {
      filter: { from: '2024-01-15', to: '2024-06-30' },
    });
    expect(errorCodes(midMonth)).toEqual(['VALIDATION']);
    expect(fieldCodes(midMonth)).toEqual(['from:WHOLE_MONTH']);
    const midMonthEnd = await browser.graphql(SMALL_QUESTION, { filter: { to: '2024-06-29' } });
    expect(fieldCodes(midMonthEnd)).toEqual(['to:WHOLE_MONTH']);

    const twoGenders = await browser.graphql(SMALL_QUESTION, { filter: { genders: ['WOMAN', 'MAN'] } });
    expect(errorCodes(twoGenders)).toEqual(['VALIDATION']);
    expect(fieldCodes(twoGenders)).toEqual(['genders:ONE_OR_ALL']);

    // One organisation, all three (explicitly or by default), a quarter and one gender are fine.
    for (const filter of [
      { organizationIds: [three[0]] },
      { organizationIds: [...three].reverse() },
      { from: '2024-04-01', to: '2024-06-30', genders: ['WOMAN'] },
      {},
    ]) {
      const response = await browser.graphql(SMALL_QUESTION, { filter });
      expect(response.body.errors, JSON.stringify(filter)).toBeUndefined();
    }
    // Refused filters are audited as DENIED (probing leaves a trace); the four answered as EVALUATE.
    expect((await actionsOf('DENIED')) - before.denied).toBe(4);
    expect((await actionsOf('EVALUATE')) - before.evaluate).toBe(4);
  });
});

describe('audit and daily limit', () => {
  it('writes an EVALUATE audit row with the filter and the figures for every request', async () => {
    const browser = await evaluatorBrowser(EVALUATOR_EMAILS.second);
    const before = await auditRowsOf(EVALUATOR_EMAILS.second);
    const response = await browser.graphql(SMALL_QUESTION, {
      filter: { organizationIds: [granted[1]], from: '2020-01-01', to: '2020-12-31', genders: ['WOMAN'] },
    });
    expect(response.body.errors).toBeUndefined();
    const rows = (await auditRowsOf(EVALUATOR_EMAILS.second)).slice(before.length);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'EVALUATE',
      entity: 'Evaluation',
      detail: {
        filter: {
          organizationIds: [granted[1]],
          from: '2020-01-01',
          to: '2020-12-31',
          genders: ['WOMAN'],
          incidentTypes: [],
          ageGroups: [],
          roles: [],
        },
        figures: ['disclosure', 'intakeHeardFrom', 'waitingTimes'],
      },
    });
    expect(rows[0]!.entityId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof rows[0]!.detail.day).toBe('string');
  });

  it('refuses a new combination over the limit (EVALUATION_LIMIT, audited as DENIED) while a repeated one still works', async () => {
    const browser = await evaluatorBrowser(EVALUATOR_EMAILS.limited);
    process.env.VI_EVALUATION_DAILY_LIMIT = '2';
    const first = { organizationIds: [granted[0]] };
    const second = { organizationIds: [granted[1]] };
    const third = { organizationIds: [granted[2]] };
    const answered = await browser.graphql<{
      evaluation: { disclosure: { dailyLimit: number; usedToday: number } };
    }>(SMALL_QUESTION, { filter: first });
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data!.evaluation.disclosure).toMatchObject({ dailyLimit: 2, usedToday: 1 });
    const secondAnswer = await browser.graphql<{ evaluation: { disclosure: { usedToday: number } } }>(
      SMALL_QUESTION,
      { filter: second },
    );
    expect(secondAnswer.body.data!.evaluation.disclosure.usedToday).toBe(2);

    const refused = await browser.graphql(SMALL_QUESTION, { filter: third });
    expect(errorCodes(refused)).toEqual(['EVALUATION_LIMIT']);
    expect(refused.body.data ?? null).toBeNull();
    const denied = (await auditRowsOf(EVALUATOR_EMAILS.limited)).at(-1)!;
    expect(denied).toMatchObject({
      action: 'DENIED',
      entity: 'Evaluation',
      detail: { reason: 'EVALUATION_LIMIT', limit: 2, filter: { organizationIds: [granted[2]] } },
    });

    // A combination already asked today is free, and gives the same answer as before.
    const again = await browser.graphql<{ evaluation: { disclosure: { usedToday: number } } }>(
      SMALL_QUESTION,
      {
        filter: first,
      },
    );
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.evaluation.disclosure.usedToday).toBe(2);
    expect({ ...again.body.data!.evaluation, disclosure: null }).toEqual({
      ...answered.body.data!.evaluation,
      disclosure: null,
    });

    // The limit is read per request: raised, the new combination is answered.
    process.env.VI_EVALUATION_DAILY_LIMIT = '3';
    const raised = await browser.graphql(SMALL_QUESTION, { filter: third });
    expect(raised.body.errors).toBeUndefined();
    const actions = (await auditRowsOf(EVALUATOR_EMAILS.limited)).map((row) => row.action);
    expect(actions).toEqual(['EVALUATE', 'EVALUATE', 'DENIED', 'EVALUATE', 'EVALUATE']);
  });

  it('gives a second evaluator the identical answer to the same question', async () => {
    const question = `query Same($filter: EvaluationFilterInput) {
      evaluation(filter: $filter) {
        outreachFunnel { counts { identified { value suppressed } reached { value suppressed } } rates { acceptance { rate } } }
        intakeCountsByYear { years tables { kind table { rows { key cells { value suppressed } total { value suppressed } } grandTotal { value suppressed } } } }
        courseParticipation { total { completion { rate } attendance } }
        recovery { measures { measure total { baseline { n { value } mean sd } paired { n { value } meanBefore meanAfter test { t p } } unpaired { t p } } } }
        costs { figures { organizationId model perCompleter { amount completers { value suppressed } } } }
      }
    }`;
    const filter = { from: '2024-01-01', to: '2024-12-31' };
    const one = await (await evaluatorBrowser(EVALUATOR_EMAILS.main)).graphql(question, { filter });
    const other = await (await evaluatorBrowser(EVALUATOR_EMAILS.second)).graphql(question, { filter });
    expect(one.body.errors).toBeUndefined();
    expect(JSON.stringify(other.body)).toBe(JSON.stringify(one.body));
  });
});

describe('the evaluator schema', () => {
  /** Everything reachable from Query.evaluation: arguments aside, the types a response can contain. */
  function reachableTypes(): Map<string, GraphQLNamedType> {
    const root = schema.getQueryType()!.getFields().evaluation!;
    const seen = new Map<string, GraphQLNamedType>();
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.set(type.name, type);
      if (isObjectType(type))
        for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    visit(getNamedType(root.type));
    return seen;
  }

  /**
   * The only strings an aggregate may carry: codes, keys of table rows (codes, years,
   * organisation ids), significance stars, and an organisation's name. A new String field
   * fails here until someone decides it cannot hold a person's data or free text.
   */
  const ALLOWED_STRING_FIELDS = new Set([
    'EvaluationOrganization.name',
    // The disclosure method's public id (packages/domain disclosure.ts).
    'EvaluationDisclosure.methodId',
    'CountTable.columns',
    'CountTableRow.key',
    'AcceptanceGroup.group',
    'DeclineReasonCount.reason',
    'SurveyStatusCount.status',
    'OptionCount.code',
    'CourseItem.itemId',
    'TTest.stars',
    // Cost breakdowns: the domain's cost rule ids and labels, and field paths of refused inputs.
    'CostLine.id',
    'CostLine.labelDa',
    'CostLine.labelEn',
    'CostPerCompleter.noteDa',
    'CostPerCompleter.noteEn',
    'CostFigure.ruleSetId',
    'CostInputProblem.model',
    'CostInputProblem.fields',
    // The aftercare models' costs (issue 12): the rule set, the domain's per-victim note, and the
    // cost rules' sources by title and reference. Fixed texts of the domain, none entered by anyone.
    'HateCrimeCostFigure.ruleSetId',
    'HateCrimeCostPerVictim.noteDa',
    'HateCrimeCostPerVictim.noteEn',
    'HateCrimeCostPreStudyRule.sourceDa',
    'HateCrimeCostPreStudyRule.sourceEn',
    'HateCrimeCostPreStudyRule.reference',
    'ShelterAftercareCostFigure.ruleSetId',
    'ShelterAftercareBreakEven.sourceDa',
    'ShelterAftercareBreakEven.sourceEn',
    'ShelterAftercareBreakEven.reference',
    // The aftercare figures' domain codes (issue 12): track, person role on a stay, civil-society offer.
    'HateCrimeTrackUptake.track',
    'PsychologistHoursRow.role',
    'CivilSocietyRow.offer',
    // The outreach user survey (issue 14): the report's title as the reference figures' source
    // (its codes, languages and statuses are enums). No respondent's text.
    'OutreachSurveyReference.sourceDa',
    'OutreachSurveyReference.sourceEn',
  ]);
  /** IDs are organisation ids only. */
  const ALLOWED_ID_FIELDS = new Set([
    'EvaluationOrganization.id',
    'CourseDeliveryRow.organizationId',
    'ParticipationRates.organizationId',
    'WaitingTimesRow.organizationId',
    'CourseItemMean.organizationId',
    'RecoveryRow.organizationId',
    'CostFigure.organizationId',
    'CostInputProblem.organizationId',
    'HateCrimeCostFigure.organizationId',
    'ShelterAftercareCostFigure.organizationId',
    'HateCrimeTrackUptake.organizationId',
    'HateCrimeSessionsRow.organizationId',
    'ShelterCounsellingRow.organizationId',
    'PsychologistHoursRow.organizationId',
    'CivilSocietyRow.organizationId',
    'RepeatStayRate.organizationId',
  ]);

  it('reaches only aggregate types: no Prisma model, no person, no free text', () => {
    const types = reachableTypes();
    expect(types.size).toBeGreaterThan(20);
    const modelNames = [
      'Person',
      'PersonContact',
      'OutreachCase',
      'Referral',
      'IntakeRegistration',
      'Enrolment',
      'QuestionnaireResponse',
      'User',
      'Me',
      'Organization',
      'CallAttempt',
      'FormLink',
      'Course',
      'CourseSession',
    ];
    for (const name of modelNames) expect(types.has(name), `${name} is reachable`).toBe(false);
    // The model types do exist in the schema (so the check above is not vacuous for them).
    expect(modelNames.filter((name) => name in schema.getTypeMap())).toEqual(
      expect.arrayContaining(['Person', 'OutreachCase', 'Me', 'Organization']),
    );
    const problems: string[] = [];
    for (const type of types.values()) {
      if (!isObjectType(type)) {
        if (!(isScalarType(type) || isEnumType(type))) problems.push(`${type.name}: unexpected kind`);
        continue;
      }
      for (const field of Object.values((type as GraphQLObjectType).getFields())) {
        const name = `${type.name}.${field.name}`;
        const named = getNamedType(field.type);
        if (named.name === 'String' && !ALLOWED_STRING_FIELDS.has(name)) problems.push(`${name}: String`);
        if (named.name === 'ID' && !ALLOWED_ID_FIELDS.has(name)) problems.push(`${name}: ID`);
        if (named.name === 'JSON' || named.name === 'DateTime') problems.push(`${name}: ${named.name}`);
        // A list of objects is fine (rows of a table); a list of IDs would be a list of somebodies.
        if (isListType(isNonNullType(field.type) ? field.type.ofType : field.type) && named.name === 'ID') {
          problems.push(`${name}: [ID]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('publishes attendance as a noisy mean share, with no counts of person-sessions to divide by sessions', () => {
    const rates = schema.getType('ParticipationRates') as GraphQLObjectType;
    const attendance = rates.getFields().attendance!;
    expect(isNonNullType(attendance.type), 'attendance is nullable').toBe(false);
    expect(getNamedType(attendance.type).name).toBe('Float');
    expect(attendance.description).toMatch(/noise/);
    expect(attendance.description).toMatch(/mean over participants/);
    // Nothing else reachable talks about attendance records (person-sessions).
    const mentions: string[] = [];
    for (const type of reachableTypes().values()) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (/attendance|person-session/i.test(`${field.name} ${field.description ?? ''}`))
          mentions.push(`${type.name}.${field.name}`);
      }
    }
    expect(mentions.filter((name) => name !== 'ParticipationRates.attendance')).toEqual([]);
  });

  it('never names the hate-crime motive: no figure, row, argument or filter breaks anything down by it', () => {
    const mentions: string[] = [];
    for (const type of reachableTypes().values()) {
      if (/motive/i.test(type.name)) mentions.push(type.name);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (/motive/i.test(field.name)) mentions.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (/motive/i.test(arg.name)) mentions.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    const filter = schema.getType('EvaluationFilterInput');
    if (filter && 'getFields' in filter)
      for (const name of Object.keys(filter.getFields()))
        if (/motive/i.test(name)) mentions.push(`filter.${name}`);
    expect(mentions).toEqual([]);
    // The walk covers the hate-crime figures (the check is not vacuous for them).
    expect([...reachableTypes().keys()]).toEqual(
      expect.arrayContaining(['HateCrimeUptake', 'HateCrimeLegalTasks', 'HateCrimeSessions']),
    );
  });

  it('checks the evaluator scope as each object of those types is completed, and refuses anyone else', () => {
    // The types check their scope once per object (EVALUATOR_TYPE: scope-auth's isTypeOf), not per
    // field. The check is the one graphql-js calls while completing an object; called here
    // directly, since no path lets a non-evaluator past Query.evaluation to reach one.
    const contextWith = (roles: string[]) =>
      ({
        user: { id: 'u', mustChangePassword: false },
        organizationId: 'o',
        roles,
        memberships: [{ organizationId: 'o', organizationName: 'O', roles }],
        audit: () => {},
      }) as unknown as GatewayContext;
    const info = {
      path: { prev: { prev: undefined, key: 'evaluation' }, key: 'figure' },
    } as GraphQLResolveInfo;
    let checked = 0;
    for (const type of reachableTypes().values()) {
      if (!isObjectType(type)) continue;
      expect(type.isTypeOf, type.name).toBeTypeOf('function');
      expect(type.isTypeOf?.({}, contextWith(['EVALUATOR']), info), type.name).toBe(true);
      for (const roles of [['OUTREACH_WORKER', 'PROJECT_LEAD'], []])
        expect(() => type.isTypeOf?.({}, contextWith(roles), info), type.name).toThrow(
          expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
        );
      checked += 1;
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('protects every type reachable from it with the evaluator scope', () => {
    for (const type of reachableTypes().values()) {
      if (!isObjectType(type)) continue;
      const scopes = (type.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions
        ?.authScopes;
      expect(scopes, type.name).toEqual({ evaluator: true });
    }
  });
});
