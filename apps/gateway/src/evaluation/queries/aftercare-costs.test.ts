// The aftercare models' cost figures (issue 12, "Evaluation and costs") against the truth: the
// divisors counted by hand-written SQL on the bench generator's synthetic data, put through the
// domain's own cost rules (hateCrimeCosts, shelterAftercareCosts) and the disclosure rule
// (discloseCount of the true cell; an amount only over a published divisor of 5 or more), on a
// real database (PGlite, or DATABASE_URL's PostgreSQL).
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import {
  type CountCell,
  CURRENT_COST_RULE_SET_ID,
  discloseCount,
  HATE_CRIME_SEED_EXAMPLE_INPUTS,
  type HateCrimeCostInputs,
  hateCrimeCosts,
  MIN_CELL,
  PER_VICTIM_NOTE,
  type ShelterAftercareCostInputs,
  shelterAftercareCosts,
  TRANSFER_MAX_GAP_DAYS,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../../bench/src/generate.ts';
import { keyedUniform } from '../disclosure-key.ts';
import { costs } from './costs.ts';

const uniform = keyedUniform(Buffer.alloc(32, 11));

let db: Database;
/** Sending organisations of hate-crime referrals, and shelters; each with the year its inputs are for. */
let senders: Array<{ org: string; year: number }>;
let shelters: Array<{ org: string; year: number }>;

function keySumOf(keys: readonly number[]): CountCell {
  return { count: keys.length, keySum: keys.reduce((sum, key) => sum + BigInt(key), 0n).toString() };
}

const hateCrimeInputs = (i: number): HateCrimeCostInputs & { capacityPerYear: number } => ({
  ...HATE_CRIME_SEED_EXAMPLE_INPUTS,
  legalFinancialYearly: 300_000 + i * 10_000,
  psychologicalYearly: 450_000,
  otherYearly: 250_000,
  victimsPerYear: 0,
  yearlyBudget: 1_000_000,
  budgetYears: 1 + i,
  capacityPerYear: 80,
});

const shelterInputs = (i: number): ShelterAftercareCostInputs => ({
  ruleSetId: CURRENT_COST_RULE_SET_ID,
  moveOutsPerYear: 30 + i,
  counsellingHoursPerMoveOut: 8,
  counsellingHourlyRate: 415,
  psychologistHoursPerYear: 120,
  psychologistHourlyRate: 950,
  startUpHelpPerYear: 60_000,
  civilSocietyPerYear: 25_000 + i,
  otherYearly: 10_000,
});

async function insertInputs(org: string, model: string, year: number, inputs: object): Promise<void> {
  await ownerQuery(
    `INSERT INTO "CostInput" ("organizationId", model, year, "ruleVersion", inputs)
     VALUES ($1::uuid, $2::"InterventionModel", $3, $4, $5::jsonb)`,
    [org, model, year, CURRENT_COST_RULE_SET_ID, JSON.stringify(inputs)],
    db,
  );
}

beforeAll(async () => {
  db = await getDatabase();
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    { ...parametersForScale(0.002), hateCrimeCases: 300, shelterWomen: 300 },
    () => {},
  );
  // The generator enters aftercare inputs for every year (generator version 6); this test enters
  // its own, one year per organisation, so the figure's year is the one it chose.
  await ownerQuery(
    `DELETE FROM "CostInput" WHERE model IN ('HATE_CRIME_AFTERCARE', 'SHELTER_AFTERCARE')`,
    [],
    db,
  );
  // Each sender's and shelter's busiest year, and one organisation with inputs for a year without
  // any case or stay (a count of 0: shown as 0, no amount).
  senders = await db.query<{ org: string; year: number }>(
    `SELECT DISTINCT ON (org) org, year FROM (
       SELECT "senderOrganizationId"::text AS org, extract(year FROM "startedOn")::int AS year, count(*) AS n
       FROM "HateCrimeReferral" WHERE "startedOn" IS NOT NULL GROUP BY 1, 2) x
     ORDER BY org, n DESC, year`,
  );
  shelters = await db.query<{ org: string; year: number }>(
    `SELECT DISTINCT ON (org) org, year FROM (
       SELECT "organizationId"::text AS org, extract(year FROM "movedOutOn")::int AS year, count(*) AS n
       FROM "ShelterStay" WHERE "movedOutOn" IS NOT NULL GROUP BY 1, 2) x
     ORDER BY org, n DESC, year`,
  );
  const [empty] = await db.query<{ id: string }>(
    `SELECT id::text FROM "Organization" WHERE kind = 'SHELTER' ORDER BY id DESC LIMIT 1`,
  );
  senders.push({ org: empty!.id, year: 2016 });
  for (const [i, s] of senders.entries())
    await insertInputs(s.org, 'HATE_CRIME_AFTERCARE', s.year, hateCrimeInputs(i));
  for (const [i, s] of shelters.entries())
    await insertInputs(s.org, 'SHELTER_AFTERCARE', s.year, shelterInputs(i));
}, 240_000);

describe('hate-crime aftercare costs', () => {
  it('equal the domain rule over the published count of victims counted by hand-written SQL', async () => {
    const organizationIds = senders.map((s) => s.org);
    const result = await costs(db, { organizationIds }, uniform);
    expect(result.invalidInputs).toEqual([]);
    expect(result.hateCrime.map((f) => f.organizationId).sort()).toEqual([...organizationIds].sort());
    let shown = 0;
    for (const [i, { org, year }] of senders.entries()) {
      // Victims with aftercare: the sender's cases with a referral started in the year, once each.
      const cases = await db.query<{ key: number }>(
        `SELECT c."recordKey" AS key FROM "HateCrimeAftercareCase" c
         WHERE EXISTS (SELECT 1 FROM "HateCrimeReferral" r
                       WHERE r."caseId" = c.id AND r."senderOrganizationId" = $1::uuid
                         AND r."startedOn" >= make_date($2, 1, 1) AND r."startedOn" < make_date($2 + 1, 1, 1))`,
        [org, year],
      );
      const published = discloseCount(keySumOf(cases.map((c) => c.key)), uniform);
      const divisor = published.value !== null && published.value >= MIN_CELL ? published.value : 0;
      const truth = hateCrimeCosts({ ...hateCrimeInputs(i), victimsPerYear: divisor });
      const figure = result.hateCrime.find((f) => f.organizationId === org)!;
      expect(figure.year).toBe(year);
      expect(figure.yearly).toEqual(truth.yearly);
      expect(figure.budget).toEqual(truth.budget);
      expect(figure.perVictim).toEqual({
        amount: divisor > 0 ? Math.round(truth.yearly.total / divisor) : null,
        victims: published,
        note: PER_VICTIM_NOTE,
        withinPreStudyRange: truth.preStudyRule.perVictimWithinSeedRange,
      });
      expect(figure.preStudyRule.perVictim).toEqual({ low: 10_000, high: 40_000 });
      if (figure.perVictim.amount !== null) shown += 1;
      // Never a per-victim amount over a count shown as under 5.
      if (published.suppressed || published.value === 0) expect(figure.perVictim.amount).toBeNull();
    }
    expect(shown).toBeGreaterThan(0);
    const empty = result.hateCrime.find((f) => f.year === 2016)!;
    expect(empty.perVictim).toMatchObject({ amount: null, victims: { value: 0 }, withinPreStudyRange: null });
  });
});

describe('shelter aftercare costs', () => {
  it('equal the domain rule with the published count of move-outs counted by hand-written SQL', async () => {
    const organizationIds = shelters.map((s) => s.org);
    const result = await costs(db, { organizationIds }, uniform);
    expect(result.invalidInputs).toEqual([]);
    expect(result.shelterAftercare).toHaveLength(shelters.length);
    let shown = 0;
    for (const [i, { org, year }] of shelters.entries()) {
      // A move-out: a stay that ended without the same woman admitted again within the transfer gap.
      const stays = await db.query<{ key: number }>(
        `SELECT st."recordKey" AS key FROM "ShelterStay" st
         WHERE st."organizationId" = $1::uuid
           AND st."movedOutOn" >= make_date($2, 1, 1) AND st."movedOutOn" < make_date($2 + 1, 1, 1)
           AND NOT EXISTS (
             SELECT 1 FROM "ShelterStay" nx
             WHERE coalesce(nx."personKey", nx."personId"::text) = coalesce(st."personKey", st."personId"::text)
               AND nx.id <> st.id
               AND nx."admittedOn" >= st."movedOutOn" AND nx."admittedOn" <= st."movedOutOn" + $3::int)`,
        [org, year, TRANSFER_MAX_GAP_DAYS],
      );
      const published = discloseCount(keySumOf(stays.map((s) => s.key)), uniform);
      const truth = shelterAftercareCosts(shelterInputs(i));
      const figure = result.shelterAftercare.find((f) => f.organizationId === org)!;
      expect(figure.year).toBe(year);
      expect(figure.yearly).toEqual(truth.yearly);
      expect(figure.perMoveOut).toEqual({
        amount:
          published.value !== null && published.value >= MIN_CELL
            ? Math.round(truth.yearly.total / published.value)
            : null,
        moveOuts: published,
      });
      expect(figure.breakEven.repeatStaysAvoided).toBe(truth.yearly.total / 80_000);
      expect(figure.breakEven).toMatchObject({ shelterStay: 80_000, priceYear: 2024 });
      if (figure.perMoveOut.amount !== null) shown += 1;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('a selection of other organisations gets none of these figures', async () => {
    const result = await costs(db, { organizationIds: [senders[0]!.org] }, uniform);
    expect(result.shelterAftercare.filter((f) => f.organizationId !== senders[0]!.org)).toEqual([]);
    expect(result.hateCrime.map((f) => f.organizationId)).toEqual([senders[0]!.org]);
  });
});
