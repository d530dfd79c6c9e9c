// The demo's hate-crime aftercare is there for the evaluator to see (issue 12): on the seeded demo
// (seed part hate-crime-cases.ts), the evaluator's hate-crime figures and the sending
// organisation's cost per victim are published, not hidden under the disclosure threshold, and
// each published count lies within the noise of the truth counted here in SQL; the cost per victim
// is the domain's rule over the published count. The demo is built around a fixed day late in the
// year, so the year's victims are counted over most of a year.
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import { seedDemo } from '@vi/db/seed';
import {
  COUNT_NOISE_TAIL,
  type HateCrimeStoredInputs,
  hateCrimeCosts,
  MIN_CELL,
  USUAL_COUNT_NOISE,
  validateCostInputs,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from '../database.ts';
import { demoBrowser } from '../input/demo-world.ts';
import type { GraphQLResponse } from '../testing/graphql-client.ts';
import '../evaluation/index.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const YEAR = 2026;

type Count = { value: number | null; suppressed: boolean };

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

/** Published, and within the cell-key noise of the true count (the usual ±3, or the rare tail). */
function expectPublished(shown: Count, truth: number, what: string) {
  expect(shown.suppressed, `${what} hidden`).toBe(false);
  expect(shown.value, what).not.toBeNull();
  expect(shown.value!, what).toBeGreaterThanOrEqual(MIN_CELL);
  const bound = Math.max(USUAL_COUNT_NOISE, Math.ceil(truth * COUNT_NOISE_TAIL.ratio));
  expect(Math.abs(shown.value! - truth), `${what}: ${shown.value} against ${truth}`).toBeLessThanOrEqual(
    bound,
  );
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await database().query<{ n: number }>(sql, params);
  return row?.n ?? 0;
}

beforeAll(async () => {
  await openDatabase();
  await seedDemo(prisma(), { now: NOW });
}, 120_000);

const QUESTION = `{
  evaluation {
    hateCrimeUptake { total { track referred { value suppressed } started { value suppressed }
      contacted { value suppressed } uptake { rate } meanDays } }
    hateCrimeLegalTasks { table { grandTotal { value suppressed } } }
    hateCrimeSessions { total { individual { value suppressed } meanSessions } }
    costs { hateCrime { organizationId year yearly { total } perVictim { amount victims { value suppressed } }
      budget { yearly use } } }
  }
}`;

type Answer = {
  evaluation: {
    hateCrimeUptake: {
      total: Array<{
        track: string;
        referred: Count;
        started: Count;
        contacted: Count;
        uptake: { rate: number } | null;
        meanDays: number | null;
      }>;
    };
    hateCrimeLegalTasks: { table: { grandTotal: Count } };
    hateCrimeSessions: { total: { individual: Count; meanSessions: number | null } };
    costs: {
      hateCrime: Array<{
        organizationId: string;
        year: number;
        yearly: { total: number };
        perVictim: { amount: number | null; victims: Count };
        budget: { yearly: number; use: number | null };
      }>;
    };
  };
};

describe('the demo’s hate-crime aftercare in the evaluation', () => {
  it('publishes uptake per track, tasks closed, sessions and the cost per victim, each near the truth', async () => {
    const evaluator = await demoBrowser('evaluator@vive.demo');
    const { evaluation } = dataOf<Answer>(await evaluator.graphql(QUESTION));

    for (const track of ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL']) {
      const row = evaluation.hateCrimeUptake.total.find((r) => r.track === track);
      const referred = await count(
        `SELECT count(*)::int AS n FROM "HateCrimeReferral" WHERE track = $1::"HateCrimeTrack"`,
        [track],
      );
      const started = await count(
        `SELECT count(*)::int AS n FROM "HateCrimeReferral" WHERE track = $1::"HateCrimeTrack" AND "startedOn" IS NOT NULL`,
        [track],
      );
      expectPublished(row!.referred, referred, `${track} referred`);
      expectPublished(row!.started, started, `${track} started`);
      expect(row!.meanDays, `${track} waiting days`).not.toBeNull();
    }
    expectPublished(
      evaluation.hateCrimeLegalTasks.table.grandTotal,
      await count(`SELECT count(*)::int AS n FROM "HateCrimeLegalTask" WHERE status = 'CLOSED'`),
      'legal tasks closed',
    );
    expectPublished(
      evaluation.hateCrimeSessions.total.individual,
      await count(
        `SELECT count(*)::int AS n FROM "HateCrimePsychologicalSupport" WHERE form = 'INDIVIDUAL_SESSIONS'`,
      ),
      'people with individual sessions',
    );
    expect(evaluation.hateCrimeSessions.total.meanSessions).not.toBeNull();

    // The sending organisation's cost row: its inputs for the year through the domain's rule, over
    // the published count of victims with aftercare (cases with a referral started in the year).
    const sender = await prisma().organization.findUniqueOrThrow({ where: { slug: 'offerraadgivning' } });
    const figure = evaluation.costs.hateCrime.find((f) => f.organizationId === sender.id);
    expect(figure?.year).toBe(YEAR);
    const stored = await prisma().costInput.findUniqueOrThrow({
      where: {
        organizationId_model_year: { organizationId: sender.id, model: 'HATE_CRIME_AFTERCARE', year: YEAR },
      },
    });
    const checked = validateCostInputs('HATE_CRIME_AFTERCARE', stored.inputs);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const { capacityPerYear: _capacity, ...inputs } = checked.inputs as HateCrimeStoredInputs;
    const victims = await count(
      `SELECT count(DISTINCT "caseId")::int AS n FROM "HateCrimeReferral"
        WHERE "senderOrganizationId" = $1::uuid AND "startedOn" >= $2::date AND "startedOn" < $3::date`,
      [sender.id, `${YEAR}-01-01`, `${YEAR + 1}-01-01`],
    );
    expectPublished(figure!.perVictim.victims, victims, 'victims with aftercare in the year');
    const shown = figure!.perVictim.victims.value!;
    const rule = hateCrimeCosts({ ...inputs, victimsPerYear: shown });
    expect(figure!.yearly.total).toBe(rule.yearly.total);
    expect(figure!.perVictim.amount).toBe(rule.perVictim?.amount);
    expect(figure!.perVictim.amount).toBe(Math.round(rule.yearly.total / shown));
    expect(figure!.budget.use).toBeCloseTo(rule.yearly.total / inputs.yearlyBudget, 10);
  });
});
