// Acceptance among reached people (the seed's Figure 3 and its text) under cell-key
// perturbation. A dataset whose outreach outcomes reproduce Figure 3 (seed 001, N = 2,768
// reached people with a registered incident type) gives its N and its acceptance rates per
// incident type within the method's noise; a second dataset with small gender and age groups
// checks the merge of small categories, every published cell against the truth queried with
// SQL, rates from published counts, and consistency with the funnel.
import { type Database, getDatabase } from '@vi/db';
import {
  AGE_GROUPS,
  type DisclosedCount,
  INCIDENT_TYPES,
  MAX_COUNT_NOISE,
  MIN_CELL,
  possibleTrueCounts,
  type Rate,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import {
  ACCEPTANCE_DIMENSIONS,
  ACCEPTANCE_OUTCOMES,
  type AcceptanceDimension,
  outreachAcceptance,
} from './outreach-acceptance.ts';
import { outreachFunnel } from './outreach-funnel.ts';

const uniform = keyedUniform(Buffer.alloc(32, 7));

// The figure gives percentages, not counts per type: these counts add up to its N and
// follow the identified population's mix (violence the most frequent).
const REACHED_BY_TYPE: Record<string, number> = {
  VIOLENCE: 1000,
  THREATS: 420,
  BURGLARY_THEFT: 380,
  ROBBERY: 260,
  ACCIDENT: 160,
  SEXUAL_OFFENCE: 150,
  MIXED: 138,
  STALKING: 120,
  DEATH: 80,
  INDECENT_EXPOSURE: 60,
};

let db: Database;
let figure3Org: string;
let mixOrg: string;

async function organization(slug: string): Promise<string> {
  const [org] = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ($1, $1, 'NGO', 'JOURNALISED') RETURNING id::text AS id`,
    [slug],
  );
  return org!.id;
}

type CaseSpec = {
  count: number;
  type: string;
  status: 'REFERRED' | 'DECLINED' | 'WILL_CALL_SELF' | 'UNREACHED';
  gender?: string | null;
  age?: number | null;
  role?: string;
};

/** Cases of one organisation; record keys are fixed (from the slug and the row) so runs repeat. */
async function insertCases(organizationId: string, slug: string, specs: CaseSpec[]): Promise<void> {
  const [person] = await db.query<{ id: string }>(
    `INSERT INTO "Person" ("organizationId", pseudonym) VALUES ($1::uuid, $2) RETURNING id::text AS id`,
    [organizationId, slug],
  );
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, DATE '2019-06-01', 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  const rows = specs.flatMap((spec) => Array.from({ length: spec.count }, () => spec));
  await db.query(
    `INSERT INTO "OutreachCase" ("organizationId", "personId", "incidentId", role, "incidentType", status,
       "callableFrom", "callableUntil", gender, "ageAtIncident", "reachedAt", "createdAt", "recordKey")
     SELECT $1::uuid, $2::uuid, $3::uuid, u.role::"PersonRole", u.type::"IncidentType", u.status::"OutreachStatus",
       DATE '2019-06-03', DATE '2019-07-03', u.gender::"Gender", u.age, TIMESTAMP '2019-06-04 10:00',
       TIMESTAMP '2019-06-02 09:00', hashtext($4 || '-' || u.n) & 2147483647
     FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::int[]) WITH ORDINALITY
       AS u(role, type, status, gender, age, n)`,
    [
      organizationId,
      person!.id,
      incident!.id,
      slug,
      rows.map((row) => row.role ?? 'VICTIM'),
      rows.map((row) => row.type),
      rows.map((row) => row.status),
      rows.map((row) => (row.gender === undefined ? 'WOMAN' : row.gender)),
      rows.map((row) => (row.age === undefined ? 35 : row.age)),
    ],
  );
}

beforeAll(async () => {
  db = await getDatabase();
  figure3Org = await organization('figure-3');
  const figure3: CaseSpec[] = [];
  for (const type of INCIDENT_TYPES) {
    const reached = REACHED_BY_TYPE[type.code];
    if (!reached || !type.seedAcceptance) continue;
    const wants = Math.round(type.seedAcceptance.wantCall * reached);
    const self = Math.round(type.seedAcceptance.callSelf * reached);
    figure3.push(
      { count: wants, type: type.code, status: 'REFERRED' },
      { count: self, type: type.code, status: 'WILL_CALL_SELF' },
      { count: reached - wants - self, type: type.code, status: 'DECLINED' },
    );
  }
  await insertCases(figure3Org, 'figure-3', figure3);

  // Women and men in numbers, two people of gender "other" and two without a gender, a few
  // without an age, some relatives and guardians, a rare incident type; unreached cases are
  // not in the figure at all.
  mixOrg = await organization('acceptance-mix');
  await insertCases(mixOrg, 'acceptance-mix', [
    { count: 60, type: 'VIOLENCE', status: 'REFERRED', gender: 'WOMAN', age: 24 },
    { count: 120, type: 'VIOLENCE', status: 'DECLINED', gender: 'WOMAN', age: 41 },
    { count: 20, type: 'THREATS', status: 'REFERRED', gender: 'WOMAN', age: 63, role: 'RELATIVE' },
    { count: 3, type: 'THREATS', status: 'WILL_CALL_SELF', gender: 'WOMAN', age: 33 },
    { count: 30, type: 'VIOLENCE', status: 'REFERRED', gender: 'MAN', age: 19 },
    { count: 150, type: 'ROBBERY', status: 'DECLINED', gender: 'MAN', age: 52 },
    { count: 2, type: 'STALKING', status: 'REFERRED', gender: 'MAN', age: 15, role: 'GUARDIAN' },
    { count: 1, type: 'VIOLENCE', status: 'REFERRED', gender: 'OTHER', age: 27 },
    { count: 1, type: 'VIOLENCE', status: 'DECLINED', gender: 'OTHER', age: 27 },
    { count: 2, type: 'ROBBERY', status: 'DECLINED', gender: null, age: null },
    { count: 3, type: 'ROBBERY', status: 'REFERRED', gender: 'MAN', age: null, role: 'WITNESS' },
    { count: 40, type: 'VIOLENCE', status: 'UNREACHED', gender: 'OTHER', age: null },
  ]);
});

/** A published count against its truth: within MAX_COUNT_NOISE, and 0 exactly for nobody. */
function expectWithinNoise(shown: DisclosedCount, truth: number, label: string): void {
  if (truth === 0) {
    expect(shown, `${label}: nobody is published as 0`).toEqual({ value: 0, suppressed: false });
    return;
  }
  const { min, max } = possibleTrueCounts(shown);
  expect(truth, `${label}: ${JSON.stringify(shown)} vs ${truth}`).toBeGreaterThanOrEqual(min);
  expect(truth, `${label}: ${JSON.stringify(shown)} vs ${truth}`).toBeLessThanOrEqual(max);
  if (shown.value !== null) {
    expect(Math.abs(shown.value - truth), label).toBeLessThanOrEqual(MAX_COUNT_NOISE);
    expect(shown.value === 0 || shown.value >= MIN_CELL, `${label}: 1-4 is never shown`).toBe(true);
  }
}

/** A published rate k'/n' against the true k/n: within what the counts' noise allows. */
function expectRateNearTruth(rate: Rate | null, k: number, n: number, label: string): void {
  expect(rate, label).not.toBeNull();
  expect(rate!.rate!, label).toBeGreaterThanOrEqual((k - MAX_COUNT_NOISE) / (n + MAX_COUNT_NOISE));
  expect(rate!.rate!, label).toBeLessThanOrEqual((k + MAX_COUNT_NOISE) / (n - MAX_COUNT_NOISE));
}

/** The reporting group of a case, in SQL written apart from the figure's. */
const TRUTH_GROUP: Record<AcceptanceDimension, string> = {
  INCIDENT_TYPE: 'c."incidentType"::text',
  GENDER: `CASE WHEN c.gender IN ('MAN', 'WOMAN') THEN c.gender::text ELSE 'OTHER_OR_UNKNOWN' END`,
  AGE_GROUP: `CASE ${AGE_GROUPS.map((g) => `WHEN c."ageAtIncident" >= ${g.min}${g.max === null ? '' : ` AND c."ageAtIncident" <= ${g.max}`} THEN '${g.code}'`).join(' ')} ELSE 'UNKNOWN' END`,
  ROLE: 'c.role::text',
};

/** True cell counts by group and outcome, for one organisation and optionally one gender. */
async function truthOf(
  organizationId: string,
  dimension: AcceptanceDimension,
  gender?: string,
): Promise<Map<string, { WANTS_CALL: number; DECLINED_OR_SELF: number }>> {
  const rows = await db.query<{ grp: string; wants: number; declines: number }>(
    `SELECT ${TRUTH_GROUP[dimension]} AS grp,
            count(*) FILTER (WHERE c.status = 'REFERRED')::int AS wants,
            count(*) FILTER (WHERE c.status IN ('DECLINED', 'WILL_CALL_SELF'))::int AS declines
     FROM "OutreachCase" c
     WHERE c."organizationId" = $1::uuid AND ($2::text IS NULL OR c.gender::text = $2)
     GROUP BY 1`,
    [organizationId, gender ?? null],
  );
  return new Map(rows.map((row) => [row.grp, { WANTS_CALL: row.wants, DECLINED_OR_SELF: row.declines }]));
}

describe("the seed's Figure 3 through the evaluation query", () => {
  it('reproduces N and the acceptance per incident type within the noise', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [figure3Org] }, 'INCIDENT_TYPE', uniform);
    expectWithinNoise(result.table.grandTotal, 2768, 'N');
    for (const type of INCIDENT_TYPES) {
      const row = result.rows.find((r) => r.group === type.code)!;
      const reached = REACHED_BY_TYPE[type.code];
      if (!type.seedAcceptance || !reached) {
        expect(row.reached, type.code).toBe(0);
        continue;
      }
      expectWithinNoise(result.table.rowTotals[result.table.rows.indexOf(type.code)]!, reached, type.code);
      expect(Math.abs(row.reached! - reached), type.code).toBeLessThanOrEqual(MAX_COUNT_NOISE);
      const wants = Math.round(type.seedAcceptance.wantCall * reached);
      expectRateNearTruth(row.wantsCall, wants, reached, `${type.code} wants a call`);
      expectRateNearTruth(row.declinedOrSelf, reached - wants, reached, `${type.code} declines or will call`);
    }
  });

  it('orders the types as the figure does: stalking and sexual offences first, mixed last', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [figure3Org] }, 'INCIDENT_TYPE', uniform);
    const ranked = result.rows
      .filter((r) => r.wantsCall?.rate !== undefined && r.wantsCall?.rate !== null)
      .sort((a, b) => b.wantsCall!.rate! - a.wantsCall!.rate!)
      .map((r) => r.group);
    expect(ranked.slice(0, 2).sort()).toEqual(['SEXUAL_OFFENCE', 'STALKING']);
    expect(ranked.at(-1)).toBe('MIXED');
  });
});

describe('acceptance by group under cell-key perturbation', () => {
  it('merges gender "other" with unknown, so men and women stand on their own', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [mixOrg] }, 'GENDER', uniform);
    expect(result.table.rows).toEqual(['MAN', 'WOMAN', 'OTHER_OR_UNKNOWN']);
    expect(result.rows.map((row) => row.group)).toEqual(['MAN', 'WOMAN', 'OTHER_OR_UNKNOWN']);
    const truth = await truthOf(mixOrg, 'GENDER');
    // Two of gender "other" and two without a gender: one group of four, not two of two.
    const merged = truth.get('OTHER_OR_UNKNOWN')!;
    expect(merged.WANTS_CALL + merged.DECLINED_OR_SELF).toBe(4);
    expectWithinNoise(result.table.rowTotals[2]!, 4, 'OTHER_OR_UNKNOWN');
    // The main groups' rates are shown next to the tiny one and are near their truth.
    for (const [i, gender] of ['MAN', 'WOMAN'].entries()) {
      const { WANTS_CALL: k, DECLINED_OR_SELF: rest } = truth.get(gender)!;
      expectRateNearTruth(result.rows[i]!.wantsCall, k, k + rest, `${gender} wants a call`);
      expectRateNearTruth(result.rows[i]!.declinedOrSelf, rest, k + rest, `${gender} declines`);
    }
    // One gender selected: only its group has people.
    const other = await outreachAcceptance(
      db,
      { organizationIds: [mixOrg], genders: ['OTHER'] },
      'GENDER',
      uniform,
    );
    expect(other.table.rowTotals[0]).toEqual({ value: 0, suppressed: false });
    expect(other.table.rowTotals[1]).toEqual({ value: 0, suppressed: false });
    expectWithinNoise(other.table.rowTotals[2]!, 2, 'OTHER only');
  });

  it('keeps cases without an age in a row of their own', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [mixOrg] }, 'AGE_GROUP', uniform);
    expect(result.table.rows).toEqual([...AGE_GROUPS.map((g) => g.code), 'UNKNOWN']);
    const unknown = result.table.rows.indexOf('UNKNOWN');
    expectWithinNoise(result.table.rowTotals[unknown]!, 5, 'unknown age');
  });

  it('publishes every cell and total within the noise of the truth, for every dimension and filter', async () => {
    const filters: Array<{ filter: EvaluationFilter; gender?: string }> = [
      { filter: { organizationIds: [mixOrg] } },
      { filter: { organizationIds: [mixOrg], genders: ['WOMAN'] }, gender: 'WOMAN' },
      { filter: { organizationIds: [mixOrg], genders: ['MAN'] }, gender: 'MAN' },
    ];
    let perturbed = 0;
    for (const { filter, gender } of filters) {
      for (const dimension of ACCEPTANCE_DIMENSIONS) {
        const { table } = await outreachAcceptance(db, filter, dimension, uniform);
        const truth = await truthOf(mixOrg, dimension, gender);
        // Every group with people is a row of the table.
        for (const group of truth.keys()) expect(table.rows, `${dimension} ${group}`).toContain(group);
        const at = (group: string, outcome: (typeof ACCEPTANCE_OUTCOMES)[number]) =>
          truth.get(group)?.[outcome] ?? 0;
        let grand = 0;
        table.rows.forEach((group, i) => {
          const label = `${gender ?? 'all'} ${dimension} ${group}`;
          ACCEPTANCE_OUTCOMES.forEach((outcome, j) => {
            expectWithinNoise(table.cells[i]![j]!, at(group, outcome), `${label} ${outcome}`);
            if (table.cells[i]![j]!.value !== at(group, outcome)) perturbed++;
          });
          const rowTruth = at(group, 'WANTS_CALL') + at(group, 'DECLINED_OR_SELF');
          expectWithinNoise(table.rowTotals[i]!, rowTruth, `${label} total`);
          grand += rowTruth;
        });
        ACCEPTANCE_OUTCOMES.forEach((outcome, j) => {
          const colTruth = table.rows.reduce((sum, group) => sum + at(group, outcome), 0);
          expectWithinNoise(table.colTotals[j]!, colTruth, `${dimension} ${outcome} total`);
        });
        expectWithinNoise(table.grandTotal, grand, `${dimension} grand total`);
      }
    }
    expect(perturbed).toBeGreaterThan(5);
  });

  it("computes the rows' rates from the table's published cells and row totals", async () => {
    for (const dimension of ACCEPTANCE_DIMENSIONS) {
      const { table, rows } = await outreachAcceptance(db, { organizationIds: [mixOrg] }, dimension, uniform);
      rows.forEach((row, i) => {
        const reached = table.rowTotals[i]!;
        expect(row.reached).toBe(reached.value);
        table.cells[i]!.forEach((cell, j) => {
          const rate = j === 0 ? row.wantsCall : row.declinedOrSelf;
          const k = cell.value;
          const n = reached.value;
          if (k === null || n === null || k < MIN_CELL || n < MIN_CELL || n - k < MIN_CELL) {
            expect(rate, `${dimension} ${row.group}`).toBeNull();
          } else {
            expect(rate!.numerator).toBe(k);
            expect(rate!.denominator).toBe(n);
          }
        });
      });
    }
  });

  it('answers the same filter twice identically and agrees with the funnel on the same people', async () => {
    for (const filter of [{ organizationIds: [mixOrg] }, { organizationIds: [figure3Org, mixOrg] }]) {
      const funnel = await outreachFunnel(db, filter, uniform);
      for (const dimension of ACCEPTANCE_DIMENSIONS) {
        const first = await outreachAcceptance(db, filter, dimension, uniform);
        expect(await outreachAcceptance(db, filter, dimension, uniform)).toEqual(first);
        // All reached people, those who want a call, those who decline or will call
        // themselves: the same sets as the funnel's, so the same values, in every dimension.
        expect(first.table.grandTotal, dimension).toEqual(funnel.counts.reached);
        expect(first.table.colTotals[0], dimension).toEqual(funnel.counts.wantsCall);
        expect(first.table.colTotals[1], dimension).toEqual(funnel.counts.declinedOrSelf);
      }
    }
  });
});
