// The evaluators' part of the schema through the gateway (yoga.fetch, in-process): who may
// call it, that it applies the evaluator's grants, that its figures equal the query
// functions', and that no type reachable from it can expose person-level data.
import './index.ts';
import { getDatabase } from '@vi/db';
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../bench/src/generate.ts';
import { openDatabase } from '../database.ts';
import { schema } from '../schema.ts';
import { createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import { outreachFunnel } from './queries/outreach-funnel.ts';
import { recovery } from './queries/recovery.ts';

let organizations: Array<{ id: string; name: string }>;
let notGranted: string;

beforeAll(async () => {
  await openDatabase();
  const db = await getDatabase();
  await fillDataset(db, parametersForScale(0.002), () => {});
  organizations = await db.query<{ id: string; name: string }>(
    `SELECT id::text AS id, name FROM "Organization" ORDER BY name`,
  );
  notGranted = organizations.at(-1)!.id;
  await createUser({
    email: 'evaluator@vive.test',
    memberships: organizations
      .filter((o) => o.id !== notGranted)
      .map((o) => ({ organizationId: o.id, role: 'EVALUATOR' }) as const),
  });
  await createUser({
    email: 'worker@bench.test',
    memberships: [{ organizationId: organizations[0]!.id, role: 'OUTREACH_WORKER' }],
  });
}, 180_000);

const FUNNEL = `query Funnel($filter: EvaluationFilterInput) {
  evaluation(filter: $filter) {
    organizations { id name }
    outreachFunnel {
      counts { identified { value suppressed reason } reached { value suppressed } wantsCall { value suppressed } }
      rates { acceptance { rate numerator denominator ci95Lower ci95Upper } }
      ignoredFilters
    }
  }
}`;

async function evaluatorBrowser(): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login('evaluator@vive.test', TEST_PASSWORD);
  return browser;
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
  it('returns the same funnel as the query function, for a filtered selection', async () => {
    const browser = await evaluatorBrowser();
    const organizationIds = organizations.slice(0, 3).map((o) => o.id);
    const response = await browser.graphql<{
      evaluation: {
        outreachFunnel: {
          counts: Record<string, { value: number | null; suppressed: boolean }>;
          rates: { acceptance: { rate: number } | null };
          ignoredFilters: string[];
        };
      };
    }>(FUNNEL, {
      filter: { organizationIds, from: '2018-01-01', to: '2023-12-31', genders: ['WOMAN', 'MAN'] },
    });
    expect(response.body.errors).toBeUndefined();
    const direct = await outreachFunnel(await getDatabase(), {
      organizationIds,
      from: new Date('2018-01-01'),
      to: new Date('2023-12-31'),
      genders: ['WOMAN', 'MAN'],
    });
    const funnel = response.body.data!.evaluation.outreachFunnel;
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
        intakeViolenceForms { table { columns rows { key cells { value suppressed reason } total { value } } } }
        intakeCountsByYear { years tables { kind table { grandTotal { value } } } }
        courseDelivery { total { courses meanDaysBetweenSessions participants { value } } }
        courseParticipation { total { completion { rate } dropOut { rate } attendance { rate } } withdrawnTotal { value } }
        waitingTimes { total { enrolled { value } meanDays medianDays } }
        courseItems { items { itemId total { n { value } mean } } }
        recovery { measures { measure total { baseline { n { value } mean } paired { n { value } test { p stars ci95Lower } } unpaired { p df } } } }
        costs { figures { model year firstYear startUp { total } perCompleter { amount completers { value suppressed } } shelterComparison { ratio } } invalidInputs { fields } }
      }
    }`);
    expect(response.body.errors).toBeUndefined();
    const direct = await recovery(await getDatabase(), {
      organizationIds: organizations.filter((o) => o.id !== notGranted).map((o) => o.id),
    });
    const viaGateway = response.body.data!.evaluation.recovery.measures[0]!;
    expect(viaGateway.measure).toBe('INSPIRE_O');
    expect(viaGateway.total.paired.n.value).toBe(direct.measures[0]!.total.paired.n.value);
    expect(viaGateway.total.paired.test.p).toBe(direct.measures[0]!.total.paired.test!.p);
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

  it('protects every type reachable from it with the evaluator scope', () => {
    for (const type of reachableTypes().values()) {
      if (!isObjectType(type)) continue;
      const scopes = (type.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions
        ?.authScopes;
      expect(scopes, type.name).toEqual({ evaluator: true });
    }
  });
});
