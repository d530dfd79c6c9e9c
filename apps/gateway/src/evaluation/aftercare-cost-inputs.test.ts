// The two aftercare models' cost inputs (issue 12, "Evaluation and costs"): the cost screen's
// save takes hate-crime and shelter-aftercare figures through their own domain rules; the
// hate-crime lead's budget form writes the same row through the same save, so its changes have
// the same history (old and new value of each figure); other roles are refused, audited, and
// change nothing; bad input names its fields in Danish and English and changes nothing.
import './index.ts';
import '../hate-crime/index.ts';
import { COST_INPUT_EXAMPLES, type CostModel, costInputValues } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, loginOnce } from '../testing/graphql-client.ts';

const YEAR = 2025;
const SAVE = `mutation ($input: SaveCostInputsInput!) {
  saveCostInputs(input: $input) { model year ruleSetId values { field value } history { byName changes { field before after } } }
}`;
const READ = `query ($model: EvaluationCostModel!, $year: Int!) {
  costInputs(model: $model, year: $year) { ruleSetId values { field value } history { byName changes { field before after } } }
}`;
const LEAD_SAVE = `mutation ($y: Int!, $i: HateCrimeBudgetInput!) {
  saveHateCrimeBudget(year: $y, input: $i) { inputsEntered capacityPerYear yearlyCost yearlyBudget budgetYears }
}`;
const LEAD_VIEW = `query ($y: Int!) {
  hateCrimeLeadView(year: $y) { inputsEntered capacityPerYear legalFinancialYearly psychologicalYearly otherYearly yearlyBudget budgetYears }
}`;

type Saved = {
  ruleSetId: string | null;
  values: Array<{ field: string; value: number | null }>;
  history: Array<{
    byName: string | null;
    changes: Array<{ field: string; before: number | null; after: number | null }>;
  }>;
};
type FieldProblem = { field: string; code: string; message: { da: string; en: string } };

const example = (model: CostModel) => costInputValues(model, COST_INPUT_EXAMPLES[model]);
const withValues = (model: CostModel, patch: Record<string, number | null>) =>
  example(model).map((v) => (v.field in patch ? { field: v.field, value: patch[v.field] ?? null } : v));

let org = '';
const as = loginOnce(TEST_PASSWORD);

/** The truth in the database: the rows and the audit events of the organisation's cost inputs. */
async function snapshot() {
  const rows = await database().query<{ model: string; year: number; inputs: Record<string, unknown> }>(
    `SELECT model::text, year, inputs FROM "CostInput" WHERE "organizationId" = $1::uuid ORDER BY model, year`,
    [org],
  );
  const writes = await database().query<{ action: string; detail: Record<string, unknown> | null }>(
    `SELECT action, detail FROM "AuditEvent"
     WHERE "organizationId" = $1::uuid AND entity = 'CostInput' AND action IN ('CREATE', 'UPDATE') ORDER BY id`,
    [org],
  );
  return { rows, writes };
}

function problems(response: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) {
  return (response.body.errors?.[0]?.extensions?.fields ?? []) as FieldProblem[];
}

beforeAll(async () => {
  await openDatabase();
  org = (await createOrganization({ name: 'Efterværnskommune', slug: 'eftervaern-omkost' })).id;
  await createUser({
    email: 'lead@eftervaern-omkost.test',
    displayName: 'Lea Leder',
    memberships: [{ organizationId: org, role: 'PROJECT_LEAD' }],
  });
  await createUser({
    email: 'evaluator@eftervaern-omkost.test',
    memberships: [{ organizationId: org, role: 'EVALUATOR' }],
  });
  for (const role of [
    'SHELTER_STAFF',
    'LEGAL_FINANCIAL_ADVISER',
    'PSYCHOLOGIST',
    'OUTREACH_WORKER',
  ] as const) {
    await createUser({
      email: `${role.toLowerCase()}@eftervaern-omkost.test`,
      memberships: [{ organizationId: org, role }],
    });
  }
});

describe('cost inputs of the aftercare models', () => {
  it('bad shelter and hate-crime figures are refused field by field in Danish and English; nothing changes', async () => {
    const lead = await as('lead@eftervaern-omkost.test');
    const before = await snapshot();
    const shelter = await lead.graphql(SAVE, {
      input: {
        model: 'SHELTER_AFTERCARE',
        year: YEAR,
        values: withValues('SHELTER_AFTERCARE', { moveOutsPerYear: 2.5, psychologistHourlyRate: -1 }),
      },
    });
    expect(errorCodes(shelter)).toEqual(['VALIDATION']);
    expect(problems(shelter).map((p) => `${p.field}:${p.code}`)).toEqual([
      'moveOutsPerYear:NOT_AN_INTEGER',
      'psychologistHourlyRate:OUT_OF_RANGE',
    ]);
    const hateCrime = await lead.graphql(SAVE, {
      input: {
        model: 'HATE_CRIME_AFTERCARE',
        year: YEAR,
        values: [
          ...withValues('HATE_CRIME_AFTERCARE', { capacityPerYear: -3, budgetYears: 0 }),
          // The divisor is counted in the data, never typed in.
          { field: 'victimsPerYear', value: 75 },
        ],
      },
    });
    expect(problems(hateCrime).map((p) => `${p.field}:${p.code}`)).toEqual([
      'victimsPerYear:UNKNOWN_OPTION',
      'budgetYears:OUT_OF_RANGE',
      'capacityPerYear:OUT_OF_RANGE',
    ]);
    for (const p of [...problems(shelter), ...problems(hateCrime)]) {
      expect(p.message.da.length, p.field).toBeGreaterThan(0);
      expect(p.message.en.length, p.field).toBeGreaterThan(0);
      expect(p.message.da, p.field).not.toBe(p.message.en);
    }
    const leadForm = await lead.graphql(LEAD_SAVE, {
      y: YEAR,
      i: {
        capacityPerYear: 60,
        legalFinancialYearly: -1,
        psychologicalYearly: 0,
        otherYearly: 0,
        yearlyBudget: 1,
        budgetYears: 2,
      },
    });
    expect(problems(leadForm).map((p) => `${p.field}:${p.code}`)).toEqual([
      'legalFinancialYearly:OUT_OF_RANGE',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('other roles of the organisation cannot save either model, by either door; refusals are audited', async () => {
    const before = await snapshot();
    const emails = [
      'evaluator@eftervaern-omkost.test',
      'shelter_staff@eftervaern-omkost.test',
      'legal_financial_adviser@eftervaern-omkost.test',
      'psychologist@eftervaern-omkost.test',
      'outreach_worker@eftervaern-omkost.test',
    ];
    for (const email of emails) {
      const browser = await as(email);
      for (const model of ['HATE_CRIME_AFTERCARE', 'SHELTER_AFTERCARE'] as const) {
        const response = await browser.graphql(SAVE, {
          input: { model, year: YEAR, values: example(model) },
        });
        expect(errorCodes(response), `${email} ${model}`).toEqual(['FORBIDDEN']);
      }
      const leadForm = await browser.graphql(LEAD_SAVE, {
        y: YEAR,
        i: {
          capacityPerYear: 1,
          legalFinancialYearly: 1,
          psychologicalYearly: 1,
          otherYearly: 1,
          yearlyBudget: 1,
          budgetYears: 2,
        },
      });
      expect(errorCodes(leadForm), email).toEqual(['FORBIDDEN']);
    }
    const denied = await database().query<{ entity_id: string; n: number }>(
      `SELECT "entityId" AS entity_id, count(*)::int AS n FROM "AuditEvent"
       WHERE action = 'DENIED' AND "organizationId" = $1::uuid
         AND "entityId" IN ('saveCostInputs', 'saveHateCrimeBudget') GROUP BY 1 ORDER BY 1`,
      [org],
    );
    expect(denied).toEqual([
      { entity_id: 'saveCostInputs', n: emails.length * 2 },
      { entity_id: 'saveHateCrimeBudget', n: emails.length },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('the lead saves shelter-aftercare figures; the change and its old value are the history', async () => {
    const lead = await as('lead@eftervaern-omkost.test');
    const created = await lead.graphql<{ saveCostInputs: Saved }>(SAVE, {
      input: {
        model: 'SHELTER_AFTERCARE',
        year: YEAR,
        values: withValues('SHELTER_AFTERCARE', { moveOutsPerYear: 40, counsellingHoursPerMoveOut: 10 }),
      },
    });
    expect(created.body.errors).toBeUndefined();
    const updated = await lead.graphql<{ saveCostInputs: Saved }>(SAVE, {
      input: {
        model: 'SHELTER_AFTERCARE',
        year: YEAR,
        values: withValues('SHELTER_AFTERCARE', {
          moveOutsPerYear: 40,
          counsellingHoursPerMoveOut: 10,
          civilSocietyPerYear: 34_000,
        }),
      },
    });
    const saved = updated.body.data!.saveCostInputs;
    expect(saved.values.find((v) => v.field === 'civilSocietyPerYear')?.value).toBe(34_000);
    expect(saved.history[0]).toEqual({
      byName: 'Lea Leder',
      changes: [{ field: 'civilSocietyPerYear', before: 0, after: 34_000 }],
    });
    const { rows } = await snapshot();
    expect(rows.find((r) => r.model === 'SHELTER_AFTERCARE')?.inputs).toEqual({
      ...COST_INPUT_EXAMPLES.SHELTER_AFTERCARE,
      moveOutsPerYear: 40,
      counsellingHoursPerMoveOut: 10,
      civilSocietyPerYear: 34_000,
    });
  });

  it('the lead view and the cost screen save one row with one history, and each reads what the other saved', async () => {
    const lead = await as('lead@eftervaern-omkost.test');
    const viaLeadForm = await lead.graphql(LEAD_SAVE, {
      y: YEAR,
      i: {
        capacityPerYear: 60,
        legalFinancialYearly: 400_000,
        psychologicalYearly: 600_000,
        otherYearly: 200_000,
        yearlyBudget: 1_000_000,
        budgetYears: 2,
      },
    });
    expect(viaLeadForm.body.errors).toBeUndefined();
    const viaScreen = await lead.graphql<{ saveCostInputs: Saved }>(SAVE, {
      input: {
        model: 'HATE_CRIME_AFTERCARE',
        year: YEAR,
        values: withValues('HATE_CRIME_AFTERCARE', {
          capacityPerYear: 80,
          legalFinancialYearly: 400_000,
          psychologicalYearly: 600_000,
          otherYearly: 200_000,
          yearlyBudget: 1_000_000,
          budgetYears: 2,
        }),
      },
    });
    const history = viaScreen.body.data!.saveCostInputs.history;
    expect(history).toHaveLength(2);
    expect(history[0]?.changes).toEqual([{ field: 'capacityPerYear', before: 60, after: 80 }]);
    expect(history[1]?.changes).toContainEqual({
      field: 'legalFinancialYearly',
      before: null,
      after: 400_000,
    });

    const view = await lead.graphql<{ hateCrimeLeadView: Record<string, unknown> }>(LEAD_VIEW, { y: YEAR });
    expect(view.body.data?.hateCrimeLeadView).toEqual({
      inputsEntered: true,
      capacityPerYear: 80,
      legalFinancialYearly: 400_000,
      psychologicalYearly: 600_000,
      otherYearly: 200_000,
      yearlyBudget: 1_000_000,
      budgetYears: 2,
    });
    const { rows, writes } = await snapshot();
    const row = rows.filter((r) => r.model === 'HATE_CRIME_AFTERCARE');
    expect(row).toHaveLength(1);
    expect(row[0]?.inputs).toMatchObject({ capacityPerYear: 80, victimsPerYear: 0, ruleSetId: 'dk-2024-v1' });
    const hateCrimeWrites = writes.filter((w) => w.detail?.model === 'HATE_CRIME_AFTERCARE');
    expect(hateCrimeWrites.map((w) => w.action)).toEqual(['CREATE', 'UPDATE']);

    // The same figures again through the lead's form: nothing changed, so no history.
    await lead.graphql(LEAD_SAVE, {
      y: YEAR,
      i: {
        capacityPerYear: 80,
        legalFinancialYearly: 400_000,
        psychologicalYearly: 600_000,
        otherYearly: 200_000,
        yearlyBudget: 1_000_000,
        budgetYears: 2,
      },
    });
    expect((await snapshot()).writes).toHaveLength(writes.length);
  });

  it('evaluators read both models with their history', async () => {
    const evaluator = await as('evaluator@eftervaern-omkost.test');
    for (const model of ['HATE_CRIME_AFTERCARE', 'SHELTER_AFTERCARE'] as const) {
      const response = await evaluator.graphql<{ costInputs: Saved }>(READ, { model, year: YEAR });
      expect(response.body.errors, model).toBeUndefined();
      expect(response.body.data?.costInputs.history.length, model).toBe(2);
    }
  });
});
