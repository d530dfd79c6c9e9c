// Acceptance among reached people (the report's Figure 3 and its text) under cell-key
// perturbation. A dataset whose outreach outcomes reproduce Figure 3 (the Projekt Opsøgende Indsats evaluation, N = 2,768
// reached people with a registered incident type) gives its N and its acceptance rates per
// incident type within the method's noise; a second dataset with small gender and age groups
// checks the merge of small categories, every published cell against the true cell queried
// with SQL (count and record-key sum: exactly the method's value for those people), rates from
// published counts, and consistency with the funnel.
import { type Database, getDatabase } from '@vi/db';
import {
  AGE_GROUPS,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  INCIDENT_TYPES,
  MIN_CELL,
  possibleTrueCounts,
  type Rate,
  USUAL_COUNT_NOISE,
  usualTrueCounts,
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

/**
 * Cases of one organisation, each of a person of its own. The people's record keys are fixed
 * (from the slug and the row), and each case carries its person's key (a trigger copies it),
 * so runs repeat.
 */
async function insertCases(organizationId: string, slug: string, specs: CaseSpec[]): Promise<void> {
  const rows = specs.flatMap((spec) => Array.from({ length: spec.count }, () => spec));
  await db.query(
    `INSERT INTO "Person" ("organizationId", pseudonym, "recordKey")
     SELECT $1::uuid, $2 || '-' || n, hashtext($2 || '-' || n) & 2147483647 FROM generate_series(1, $3::int) AS n`,
    [organizationId, slug, rows.length],
  );
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, DATE '2019-06-01', 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  await db.query(
    `INSERT INTO "OutreachCase" ("organizationId", "personId", "incidentId", role, "incidentType", status,
       "callableFrom", "callableUntil", gender, "ageAtIncident", "reachedAt", "createdAt")
     SELECT $1::uuid, p.id, $2::uuid, u.role::"PersonRole", u.type::"IncidentType", u.status::"OutreachStatus",
       DATE '2019-06-03', DATE '2019-07-03', u.gender::"Gender", u.age, TIMESTAMP '2019-06-04 10:00',
       TIMESTAMP '2019-06-02 09:00'
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) WITH ORDINALITY
       AS u(role, type, status, gender, age, n)
     JOIN "Person" p ON p."organizationId" = $1::uuid AND p.pseudonym = $3 || '-' || u.n`,
    [
      organizationId,
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
    if (!reached || !type.reportAcceptance) continue;
    const wants = Math.round(type.reportAcceptance.wantCall * reached);
    const self = Math.round(type.reportAcceptance.callSelf * reached);
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

/**
 * A published count against its true cell: exactly the method's value for those people (same
 * count, same key sum, same noise), 0 exactly for nobody, the display rule, and a truth the
 * shown value can stand for.
 */
function expectPublished(shown: DisclosedCount, truth: CountCell, label: string): void {
  expect(shown, `${label}: the method's value for ${truth.count} people`).toEqual(
    discloseCount(truth, uniform),
  );
  if (truth.count === 0) {
    expect(shown, `${label}: nobody is published as 0`).toEqual({ value: 0, suppressed: false });
    return;
  }
  const { min, max } = possibleTrueCounts(shown);
  expect(truth.count, `${label}: ${JSON.stringify(shown)} vs ${truth.count}`).toBeGreaterThanOrEqual(min);
  if (max !== null) expect(truth.count, label).toBeLessThanOrEqual(max);
  if (shown.value !== null)
    expect(shown.value === 0 || shown.value >= MIN_CELL, `${label}: 1-4 is never shown`).toBe(true);
}

/** Whether a true count lies where the shown value usually puts it (noise within the usual range, 98 % of cells). */
function withinUsual(shown: DisclosedCount, truth: number): boolean {
  const { min, max } = usualTrueCounts(shown);
  return truth >= min && truth <= max;
}

/**
 * Whether the true rate k/n lies within what the published counts allow when their noise
 * stayed in the usual range: [(k' − U) / (n' + U), (k' + U) / (n' − U)].
 */
function rateWithinUsualNoise(rate: Rate | null, k: number, n: number): boolean {
  if (rate === null) return false;
  const low = Math.max(0, rate.numerator - USUAL_COUNT_NOISE) / (rate.denominator + USUAL_COUNT_NOISE);
  const high = (rate.numerator + USUAL_COUNT_NOISE) / Math.max(1, rate.denominator - USUAL_COUNT_NOISE);
  return k / n >= low && k / n <= high;
}

/** The sum of true cells: a total's people (counts and key sums of disjoint sets add). */
function union(cells: readonly CountCell[]): CountCell {
  return {
    count: cells.reduce((sum, cell) => sum + cell.count, 0),
    keySum: cells.reduce((sum, cell) => sum + BigInt(cell.keySum), 0n),
  };
}

const NOBODY: CountCell = { count: 0, keySum: 0n };

/** The reporting group of a case, in SQL written apart from the figure's. */
const TRUTH_GROUP: Record<AcceptanceDimension, string> = {
  INCIDENT_TYPE: 'c."incidentType"::text',
  GENDER: `CASE WHEN c.gender IN ('MAN', 'WOMAN') THEN c.gender::text ELSE 'OTHER_OR_UNKNOWN' END`,
  AGE_GROUP: `CASE ${AGE_GROUPS.map((g) => `WHEN c."ageAtIncident" >= ${g.min}${g.max === null ? '' : ` AND c."ageAtIncident" <= ${g.max}`} THEN '${g.code}'`).join(' ')} ELSE 'UNKNOWN' END`,
  ROLE: 'c.role::text',
};

type TruthRow = Record<(typeof ACCEPTANCE_OUTCOMES)[number], CountCell>;

/**
 * True cells (count and record-key sum) by group and outcome, for one organisation and
 * optionally one gender (OTHER is the figures' group: other or not recorded).
 */
async function truthOf(
  organizationId: string,
  dimension: AcceptanceDimension,
  gender?: string,
): Promise<Map<string, TruthRow>> {
  const rows = await db.query<{
    grp: string;
    wants: number;
    wants_keys: string;
    declines: number;
    declines_keys: string;
  }>(
    `SELECT ${TRUTH_GROUP[dimension]} AS grp,
            count(*) FILTER (WHERE c.status = 'REFERRED')::int AS wants,
            coalesce(sum(c."recordKey") FILTER (WHERE c.status = 'REFERRED'), 0)::bigint::text AS wants_keys,
            count(*) FILTER (WHERE c.status IN ('DECLINED', 'WILL_CALL_SELF'))::int AS declines,
            coalesce(sum(c."recordKey") FILTER (WHERE c.status IN ('DECLINED', 'WILL_CALL_SELF')), 0)::bigint::text
              AS declines_keys
     FROM "OutreachCase" c
     WHERE c."organizationId" = $1::uuid
       AND ($2::text IS NULL OR c.gender::text = $2 OR ($2 = 'OTHER' AND c.gender IS NULL))
     GROUP BY 1`,
    [organizationId, gender ?? null],
  );
  return new Map(
    rows.map((row) => [
      row.grp,
      {
        WANTS_CALL: { count: row.wants, keySum: row.wants_keys },
        DECLINED_OR_SELF: { count: row.declines, keySum: row.declines_keys },
      },
    ]),
  );
}

/** The reached people of a group: both outcomes. */
const reachedOf = (row: TruthRow | undefined): CountCell =>
  row ? union([row.WANTS_CALL, row.DECLINED_OR_SELF]) : NOBODY;

describe("the report's Figure 3 through the evaluation query", () => {
  it('reproduces N and the acceptance per incident type within the noise', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [figure3Org] }, 'INCIDENT_TYPE', uniform);
    const truth = await truthOf(figure3Org, 'INCIDENT_TYPE');
    // The report's N is the data's, and published as the method's value for those people.
    const everyone = union([...truth.values()].map(reachedOf));
    expect(everyone.count).toBe(2768);
    expectPublished(result.table.grandTotal, everyone, 'N');
    // The report's figures are read back within the method's noise: the report's N and rates lie
    // within what the published counts allow under the usual noise (±USUAL_COUNT_NOISE). That
    // range holds in 98 % of cells, not all: the geometric tails put about 2 % of counts
    // further off, so with N and 20 rates (two per type) one of them may fall outside it, not more.
    const outside: string[] = [];
    if (!withinUsual(result.table.grandTotal, 2768)) outside.push('N');
    for (const type of INCIDENT_TYPES) {
      const i = result.table.rows.indexOf(type.code);
      const row = result.rows[i]!;
      expect(row.group).toBe(type.code);
      const reached = REACHED_BY_TYPE[type.code];
      if (!type.reportAcceptance || !reached) {
        expect(row.reached, type.code).toBe(0);
        continue;
      }
      // Every cell and the row total: exactly the method's value for the true people.
      const cells = truth.get(type.code)!;
      expect(reachedOf(cells).count, type.code).toBe(reached);
      expectPublished(result.table.rowTotals[i]!, reachedOf(cells), `${type.code} reached`);
      expectPublished(result.table.cells[i]![0]!, cells.WANTS_CALL, `${type.code} wants a call`);
      expectPublished(
        result.table.cells[i]![1]!,
        cells.DECLINED_OR_SELF,
        `${type.code} declines or will call`,
      );
      // The rates shown are the report's, within the usual noise of the published counts.
      const wants = Math.round(type.reportAcceptance.wantCall * reached);
      expect(row.wantsCall, `${type.code} wants a call`).not.toBeNull();
      expect(row.declinedOrSelf, `${type.code} declines or will call`).not.toBeNull();
      if (!rateWithinUsualNoise(row.wantsCall, wants, reached)) outside.push(`${type.code} wants a call`);
      if (!rateWithinUsualNoise(row.declinedOrSelf, reached - wants, reached))
        outside.push(`${type.code} declines or will call`);
    }
    expect(outside.length, `outside the usual noise: ${outside.join(', ')}`).toBeLessThanOrEqual(1);
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
    const merged = reachedOf(truth.get('OTHER_OR_UNKNOWN'));
    expect(merged.count).toBe(4);
    expectPublished(result.table.rowTotals[2]!, merged, 'OTHER_OR_UNKNOWN');
    // The main groups' rates are shown next to the tiny one, computed from the method's values
    // for their true people.
    for (const [i, gender] of ['MAN', 'WOMAN'].entries()) {
      const cells = truth.get(gender)!;
      const reached = discloseCount(reachedOf(cells), uniform);
      expect(result.rows[i]!.wantsCall, `${gender} wants a call`).not.toBeNull();
      expect(result.rows[i]!.wantsCall, `${gender} wants a call`).toEqual(
        disclosedRate(discloseCount(cells.WANTS_CALL, uniform), reached),
      );
      expect(result.rows[i]!.declinedOrSelf, `${gender} declines`).not.toBeNull();
      expect(result.rows[i]!.declinedOrSelf, `${gender} declines`).toEqual(
        disclosedRate(discloseCount(cells.DECLINED_OR_SELF, uniform), reached),
      );
    }
    // Gender "other" selected means the merged group (other or not recorded): only its row has
    // people, the same four, so the same published value as in the unfiltered table.
    const other = await outreachAcceptance(
      db,
      { organizationIds: [mixOrg], genders: ['OTHER'] },
      'GENDER',
      uniform,
    );
    expect(other.table.rowTotals[0]).toEqual({ value: 0, suppressed: false });
    expect(other.table.rowTotals[1]).toEqual({ value: 0, suppressed: false });
    expectPublished(other.table.rowTotals[2]!, merged, 'OTHER only');
    expect(other.table.rowTotals[2]).toEqual(result.table.rowTotals[2]);
  });

  it('keeps cases without an age in a row of their own', async () => {
    const result = await outreachAcceptance(db, { organizationIds: [mixOrg] }, 'AGE_GROUP', uniform);
    expect(result.table.rows).toEqual([...AGE_GROUPS.map((g) => g.code), 'UNKNOWN']);
    const unknown = result.table.rows.indexOf('UNKNOWN');
    const truth = reachedOf((await truthOf(mixOrg, 'AGE_GROUP')).get('UNKNOWN'));
    // Two without a gender and three witnesses without an age (the unreached are not counted).
    expect(truth.count).toBe(5);
    expectPublished(result.table.rowTotals[unknown]!, truth, 'unknown age');
  });

  it("publishes every cell and total as the method's value for the true people, for every dimension and filter", async () => {
    const filters: Array<{ filter: EvaluationFilter; gender?: string }> = [
      { filter: { organizationIds: [mixOrg] } },
      { filter: { organizationIds: [mixOrg], genders: ['WOMAN'] }, gender: 'WOMAN' },
      { filter: { organizationIds: [mixOrg], genders: ['MAN'] }, gender: 'MAN' },
      { filter: { organizationIds: [mixOrg], genders: ['OTHER'] }, gender: 'OTHER' },
    ];
    let perturbed = 0;
    let checked = 0;
    let beyondUsual = 0;
    for (const { filter, gender } of filters) {
      for (const dimension of ACCEPTANCE_DIMENSIONS) {
        const { table } = await outreachAcceptance(db, filter, dimension, uniform);
        const truth = await truthOf(mixOrg, dimension, gender);
        // Every group with people is a row of the table.
        for (const group of truth.keys()) expect(table.rows, `${dimension} ${group}`).toContain(group);
        const at = (group: string, outcome: (typeof ACCEPTANCE_OUTCOMES)[number]) =>
          truth.get(group)?.[outcome] ?? NOBODY;
        const check = (shown: DisclosedCount, cell: CountCell, label: string) => {
          expectPublished(shown, cell, label);
          checked++;
          if (shown.value !== cell.count) perturbed++;
          if (!withinUsual(shown, cell.count)) beyondUsual++;
        };
        table.rows.forEach((group, i) => {
          const label = `${gender ?? 'all'} ${dimension} ${group}`;
          ACCEPTANCE_OUTCOMES.forEach((outcome, j) => {
            check(table.cells[i]![j]!, at(group, outcome), `${label} ${outcome}`);
          });
          check(table.rowTotals[i]!, reachedOf(truth.get(group)), `${label} total`);
        });
        ACCEPTANCE_OUTCOMES.forEach((outcome, j) => {
          const column = union(table.rows.map((group) => at(group, outcome)));
          check(table.colTotals[j]!, column, `${gender ?? 'all'} ${dimension} ${outcome} total`);
        });
        const grand = union(table.rows.map((group) => reachedOf(truth.get(group))));
        check(table.grandTotal, grand, `${gender ?? 'all'} ${dimension} grand total`);
      }
    }
    // The noise is really there, and the published counts are near the truth as the method
    // promises (within the usual range in 98 % of cells; at least 90 % here).
    expect(perturbed).toBeGreaterThan(5);
    expect(beyondUsual).toBeLessThanOrEqual(checked * 0.1);
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
