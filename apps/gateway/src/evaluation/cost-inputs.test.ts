// Saving an organisation's cost inputs (issue 13, evaluation part): the domain's cost rules
// check every figure and name the field in Danish and English, nothing is saved on bad
// input, only the project lead and the administrator save, evaluators read, every save is
// audited with the old and new value of each changed figure, and that audit is the history.
import './index.ts';
import { costInputValues, KOEGE_EXAMPLE_INPUTS } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, loginOnce, TestBrowser } from '../testing/graphql-client.ts';

const YEAR = 2025;
const SAVE = `mutation ($input: SaveCostInputsInput!) {
  saveCostInputs(input: $input) { model year ruleSetId values { field value } history { byName changes { field before after } } }
}`;
const READ = `query ($model: EvaluationCostModel!, $year: Int!) {
  costInputs(model: $model, year: $year) { ruleSetId values { field value } history { at byName changes { field before after } } }
}`;

type Saved = {
  ruleSetId: string | null;
  values: Array<{ field: string; value: number | null }>;
  history: Array<{
    byName: string | null;
    changes: Array<{ field: string; before: number | null; after: number | null }>;
  }>;
};

const koegeValues = () => costInputValues('GROUP_COURSE', KOEGE_EXAMPLE_INPUTS);
const withValue = (field: string, value: number | null) =>
  koegeValues().map((v) => (v.field === field ? { field, value } : v));

let orgA = '';
let orgB = '';
const as = loginOnce(TEST_PASSWORD);

async function rows(organizationId: string) {
  return database().query<{ year: number; inputs: Record<string, unknown> }>(
    `SELECT year, inputs FROM "CostInput" WHERE "organizationId" = $1::uuid`,
    [organizationId],
  );
}

async function audits(organizationId: string, action: string) {
  return database().query<{ action: string; detail: Record<string, unknown> }>(
    `SELECT action, detail FROM "AuditEvent" WHERE "organizationId" = $1::uuid AND action = $2 AND entity = 'CostInput' ORDER BY id`,
    [organizationId, action],
  );
}

beforeAll(async () => {
  await openDatabase();
  orgA = (await createOrganization({ name: 'Omkostningskommune', slug: 'omkost-a' })).id;
  orgB = (await createOrganization({ name: 'Nabokommune', slug: 'omkost-b' })).id;
  await createUser({
    email: 'lead@omkost.test',
    displayName: 'Lise Leder',
    memberships: [{ organizationId: orgA, role: 'PROJECT_LEAD' }],
  });
  await createUser({
    email: 'admin@omkost.test',
    displayName: 'Anders Admin',
    memberships: [{ organizationId: orgA, role: 'ADMIN' }],
  });
  await createUser({
    email: 'evaluator@omkost.test',
    memberships: [{ organizationId: orgA, role: 'EVALUATOR' }],
  });
  await createUser({
    email: 'leader@omkost.test',
    memberships: [{ organizationId: orgA, role: 'GROUP_LEADER' }],
  });
  await createUser({
    email: 'lead@nabo.test',
    memberships: [{ organizationId: orgB, role: 'PROJECT_LEAD' }],
  });
});

describe('saveCostInputs', () => {
  it('refuses bad input with each field named in Danish and English, and saves nothing', async () => {
    const lead = await as('lead@omkost.test');
    const values = withValue('hourlyRate', -1)
      .filter((v) => v.field !== 'coursesPerYear')
      .concat([{ field: 'completersPerYear', value: 35 }]);
    const response = await lead.graphql(SAVE, { input: { model: 'GROUP_COURSE', year: 1999, values } });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    const fields = response.body.errors?.[0]?.extensions?.fields as Array<{
      field: string;
      code: string;
      message: { da: string; en: string };
    }>;
    expect(fields.map((f) => `${f.field}:${f.code}`)).toEqual([
      'year:OUT_OF_RANGE',
      // The typed-in completer count is gone: a live count divides.
      'completersPerYear:UNKNOWN_OPTION',
      'hourlyRate:OUT_OF_RANGE',
      'coursesPerYear:REQUIRED',
    ]);
    for (const f of fields) {
      expect(f.message.da.length, f.field).toBeGreaterThan(0);
      expect(f.message.en.length, f.field).toBeGreaterThan(0);
      expect(f.message.da).not.toBe(f.message.en);
    }
    expect(fields[0]?.message.da).toContain('2015');
    // A fraction where a count is due is refused by the domain rule, not cut to a whole number.
    const fraction = await lead.graphql(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: withValue('coursesPerYear', 4.5) },
    });
    expect(
      (
        fraction.body.errors?.[0]?.extensions?.fields as Array<{ field: string; code: string }> | undefined
      )?.[0],
    ).toMatchObject({
      field: 'coursesPerYear',
      code: 'NOT_AN_INTEGER',
    });
    expect(await rows(orgA)).toEqual([]);
    expect(await audits(orgA, 'CREATE')).toEqual([]);
  });

  it('lets only the project lead and the administrator save; refusals are audited and change nothing', async () => {
    for (const email of ['leader@omkost.test', 'evaluator@omkost.test']) {
      const browser = await as(email);
      const response = await browser.graphql(SAVE, {
        input: { model: 'GROUP_COURSE', year: YEAR, values: koegeValues() },
      });
      expect(errorCodes(response), email).toEqual(['FORBIDDEN']);
    }
    const anonymous = await new TestBrowser().graphql(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: koegeValues() },
    });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const denied = await database().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'DENIED' AND "entityId" = 'saveCostInputs'
         AND "organizationId" = $1::uuid`,
      [orgA],
    );
    expect(denied[0]?.n).toBe(2);
    expect(await rows(orgA)).toEqual([]);
  });

  it('saves, audits each change with old and new values, and shows them as the history', async () => {
    const lead = await as('lead@omkost.test');
    const created = await lead.graphql<{ saveCostInputs: Saved }>(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: koegeValues() },
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.saveCostInputs.ruleSetId).toBe('dk-2024-v1');
    expect(created.body.data?.saveCostInputs.values).toEqual(koegeValues());
    const stored = await rows(orgA);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.inputs).toMatchObject({ hourlyRate: 445, coursesPerYear: 5 });
    expect(stored[0]?.inputs).not.toHaveProperty('completersPerYear');

    const admin = await as('admin@omkost.test');
    const updated = await admin.graphql<{ saveCostInputs: Saved }>(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: withValue('hourlyRate', 460) },
    });
    expect(updated.body.errors).toBeUndefined();
    const history = updated.body.data!.saveCostInputs.history;
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({
      byName: 'Anders Admin',
      changes: [{ field: 'hourlyRate', before: 445, after: 460 }],
    });
    expect(history[1]?.byName).toBe('Lise Leder');
    expect(history[1]?.changes).toContainEqual({ field: 'hourlyRate', before: null, after: 445 });

    const [created1] = await audits(orgA, 'CREATE');
    const [update1] = await audits(orgA, 'UPDATE');
    expect(created1?.detail).toMatchObject({ model: 'GROUP_COURSE', year: YEAR });
    expect(update1?.detail).toEqual({
      model: 'GROUP_COURSE',
      year: YEAR,
      changes: [{ field: 'hourlyRate', before: 445, after: 460 }],
    });

    // Saving the same figures again changes nothing and adds no history.
    await admin.graphql(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: withValue('hourlyRate', 460) },
    });
    expect(await audits(orgA, 'UPDATE')).toHaveLength(1);
  });

  it('evaluators read the inputs and their history; the read is audited', async () => {
    const evaluator = await as('evaluator@omkost.test');
    const response = await evaluator.graphql<{ costInputs: Saved }>(READ, {
      model: 'GROUP_COURSE',
      year: YEAR,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.costInputs.values.find((v) => v.field === 'hourlyRate')?.value).toBe(460);
    expect(response.body.data?.costInputs.history.map((h) => h.byName)).toEqual([
      'Anders Admin',
      'Lise Leder',
    ]);
    const reads = await audits(orgA, 'READ');
    expect(reads.length).toBeGreaterThan(0);
    const leader = await as('leader@omkost.test');
    expect(errorCodes(await leader.graphql(READ, { model: 'GROUP_COURSE', year: YEAR }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it("another organisation's lead reads and changes only their own inputs", async () => {
    const other = await as('lead@nabo.test');
    const read = await other.graphql<{ costInputs: Saved }>(READ, { model: 'GROUP_COURSE', year: YEAR });
    expect(read.body.data?.costInputs).toMatchObject({ ruleSetId: null, values: [], history: [] });
    await other.graphql(SAVE, {
      input: { model: 'GROUP_COURSE', year: YEAR, values: withValue('hourlyRate', 1) },
    });
    expect((await rows(orgA))[0]?.inputs).toMatchObject({ hourlyRate: 460 });
    expect((await rows(orgB))[0]?.inputs).toMatchObject({ hourlyRate: 1 });
  });
});
