// The outreach figures must read all the people they count from one snapshot, while outreach
// workers write all day: under cell-key perturbation a figure's counts do not add up exactly
// any more, but each published count is the noise of one set of people, and a set read in
// another moment is another set (another count, another cell key, another noise). Two checks:
// a write committed before every statement a figure sends (deterministic, PGlite and
// PostgreSQL), and on a real PostgreSQL server (DATABASE_URL) a writer on its own connections
// racing figures computed over and over.

import { createDatabase, type Database, getDatabase } from '@vi/db';
import { type CountCell, DECLINE_REASONS, discloseCount } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import { type DeclineReasons, declineReasons } from './decline-reasons.ts';
import type { AggregateSource, EvaluationFilter } from './evaluation-filter.ts';
import { type OutreachFunnel, outreachFunnel } from './outreach-funnel.ts';
import { type SurveyOffers, surveyOffers } from './survey-offers.ts';

const uniform = keyedUniform(Buffer.alloc(32, 7));

type Query = Database['query'];

let db: Database;
let organizationId: string;
let filter: EvaluationFilter;

/**
 * The people on the police lists, each with their own record key; new cases go to them in
 * turn (some people get several cases, as in life). Every case carries its person's key (a
 * trigger copies it), so two sets of cases of the same size have different cell keys: a set
 * read in another moment gets other noise, not only when its count differs. One incident
 * serves every case: the figures count cases, not incidents.
 */
const PEOPLE = 400;
let personIds: string[];
let incidentId: string;

const SURVEY = ['OFFERED_ACCEPTED', 'OFFERED_DECLINED', 'NOT_APPROPRIATE_LANGUAGE', 'NOT_OFFERED', null];
const REASONS: Array<string | null> = [...DECLINE_REASONS.map((r) => r.code), null];

/**
 * One outreach worker's step, each a single statement (so atomic, as the outreach app's
 * transactions are): a new case from the police list, a call that ends in a referral (the
 * case and its referral together), a decline with or without a reason, an unanswered call,
 * or a counsellor moving a referral on. Every REFERRED case of this organisation has its
 * referral in every committed state, so any one snapshot has no referred case without one.
 */
async function workerStep(query: Query, step: number): Promise<void> {
  const open = `SELECT id FROM "OutreachCase" WHERE "organizationId" = $1::uuid AND status = 'OPEN'
                ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
  switch (step % 6) {
    case 0:
    case 1:
      await query(
        `INSERT INTO "OutreachCase" ("organizationId", "personId", "incidentId", role, "incidentType", status,
                                     "callableFrom", "callableUntil", gender, "ageAtIncident")
         SELECT $1::uuid, p.id, $3::uuid, 'VICTIM', 'VIOLENCE', 'OPEN', current_date, current_date + 30,
                'WOMAN', 20 + p.g % 50
         FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, g)`,
        [organizationId, [0, 1, 2].map((g) => personIds[(step * 3 + g) % PEOPLE]), incidentId],
      );
      return;
    case 2:
      await query(
        `WITH moved AS (
           UPDATE "OutreachCase" SET status = 'REFERRED', "reachedAt" = now(), "surveyStatus" = $2::"SurveyStatus"
           WHERE id = (${open}) RETURNING id, "organizationId")
         INSERT INTO "Referral" ("organizationId", "caseId", "consentAt") SELECT "organizationId", id, now() FROM moved`,
        [organizationId, SURVEY[step % SURVEY.length]],
      );
      return;
    case 3:
      await query(
        `UPDATE "OutreachCase" SET status = 'DECLINED', "reachedAt" = now(), "declineReason" = $2::"DeclineReason",
                "surveyStatus" = $3::"SurveyStatus"
         WHERE id = (${open})`,
        [organizationId, REASONS[step % REASONS.length], SURVEY[(step + 1) % SURVEY.length]],
      );
      return;
    case 4:
      await query(`UPDATE "OutreachCase" SET status = 'UNREACHED' WHERE id = (${open})`, [organizationId]);
      return;
    default:
      await query(
        `UPDATE "Referral" SET status = CASE status WHEN 'OPEN' THEN 'TAKEN'::"ReferralStatus"
                                                    WHEN 'TAKEN' THEN $2::"ReferralStatus" END
         WHERE id = (SELECT id FROM "Referral" WHERE "organizationId" = $1::uuid AND status IN ('OPEN', 'TAKEN')
                     ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)`,
        [organizationId, ['CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST'][step % 3]],
      );
  }
}

type Figures = {
  funnel: OutreachFunnel;
  reasons: DeclineReasons;
  survey: SurveyOffers;
};

/**
 * The three figures through `source`, each checked to send exactly one statement (one
 * statement is one snapshot). Every referred case has its referral in every committed state,
 * so in one snapshot nobody is referred without one: a true count of 0, published as exactly 0.
 */
async function figuresOf(source: AggregateSource): Promise<Figures> {
  const once = async <T>(compute: (counted: AggregateSource) => Promise<T>): Promise<T> => {
    let statements = 0;
    const counted: AggregateSource = {
      query<R>(sql: string, params?: unknown[]) {
        statements++;
        return source.query<R>(sql, params);
      },
    };
    const result = await compute(counted);
    expect(statements, 'one statement per figure').toBe(1);
    return result;
  };
  const funnel = await once((s) => outreachFunnel(s, filter, uniform));
  const reasons = await once((s) => declineReasons(s, filter, uniform));
  const survey = await once((s) => surveyOffers(s, filter, uniform));
  expect(funnel.counts.noReferral).toEqual({ value: 0, suppressed: false });
  return { funnel, reasons, survey };
}

/** The true cell of the identified cases (every status but an inactive type): count and key sum. */
async function identifiedTruth(): Promise<CountCell> {
  const [row] = await db.query<{ n: number; key_sum: string }>(
    `SELECT count(*)::int AS n, coalesce(sum("recordKey"), 0)::bigint::text AS key_sum FROM "OutreachCase"
     WHERE "organizationId" = $1::uuid AND status <> 'INACTIVE_TYPE'`,
    [organizationId],
  );
  return { count: row!.n, keySum: row!.key_sum };
}

beforeAll(async () => {
  db = await getDatabase();
  const [org] = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('snapshot-test', 'Snapshot Kommune',
     'MUNICIPALITY', 'JOURNALISED') RETURNING id::text AS id`,
  );
  organizationId = org!.id;
  filter = { organizationIds: [organizationId] };
  const people = await db.query<{ id: string }>(
    `INSERT INTO "Person" ("organizationId", pseudonym)
     SELECT $1::uuid, 'snapshot-' || n FROM generate_series(1, $2::int) AS n RETURNING id::text AS id`,
    [organizationId, PEOPLE],
  );
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, current_date, 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  personIds = people.map((person) => person.id);
  incidentId = incident!.id;
  // Enough cases in every step that the counts are well above the display rule's threshold.
  for (let step = 0; step < 240; step++) await workerStep(db.query, step);
});

describe('each outreach figure reads its people from one snapshot', () => {
  it('a write committed before any statement of a figure leaves it equal to a fresh answer', async () => {
    // Each statement the figures send waits for the one before it and then for one worker
    // step: what a pool does when two statements of one figure start at different moments.
    // After a figure returns nothing is written until its next statement, so a figure that
    // read everything in its one statement equals the same figure computed right after on the
    // database: same people, same cell keys, same noise. A figure that read part of its
    // people in an earlier statement would carry an older state.
    let step = 0;
    let previous: Promise<unknown> = Promise.resolve();
    const interleaved: AggregateSource = {
      query<T>(sql: string, params?: unknown[]) {
        const run = previous.then(async () => {
          await workerStep(db.query, step++);
          return db.query<T>(sql, params);
        });
        previous = run.catch(() => undefined);
        return run;
      },
    };
    const identified = new Set<number | null>();
    for (let round = 0; round < 12; round++) {
      const funnel = await outreachFunnel(interleaved, filter, uniform);
      expect(funnel, `funnel, round ${round}`).toEqual(await outreachFunnel(db, filter, uniform));
      const reasons = await declineReasons(interleaved, filter, uniform);
      expect(reasons, `decline reasons, round ${round}`).toEqual(await declineReasons(db, filter, uniform));
      const survey = await surveyOffers(interleaved, filter, uniform);
      expect(survey, `survey offers, round ${round}`).toEqual(await surveyOffers(db, filter, uniform));
      identified.add(funnel.counts.identified.value);
      // With no write in between, the figures agree wherever they count the same people, and
      // publish the method's value for the people in the table right now.
      const quiet = await figuresOf(db);
      expect(quiet.funnel.counts.identified).toEqual(discloseCount(await identifiedTruth(), uniform));
      expect(quiet.reasons.declined).toEqual(quiet.funnel.counts.declined);
      expect(quiet.survey.reached).toEqual(quiet.funnel.counts.reached);
    }
    // The writes really moved the figures between rounds.
    expect(step).toBeGreaterThanOrEqual(36);
    expect(identified.size).toBeGreaterThan(3);
  });
});

const serverUrl = process.env.DATABASE_URL?.trim();

describe.skipIf(!serverUrl)(
  'the outreach figures under concurrent writes on PostgreSQL (needs DATABASE_URL)',
  () => {
    it('never throw, read one snapshot each, and agree again once the writer stops', async () => {
      // The writer gets its own pool on this test's database, used one statement at a time.
      const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [
        { name: string },
      ];
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const writer = await createDatabase({ url: url.toString(), migrate: false });
      let writing = true;
      let writes = 0;
      const writerLoop = (async () => {
        while (writing) await workerStep(writer.query, writes++);
      })();
      const identified = new Set<number | null>();
      let rounds = 0;
      try {
        const until = Date.now() + 4_000;
        while (Date.now() < until || rounds < 20) {
          // A figure that mixed two snapshots could find a referred case's referral without
          // the case (a key sum below zero throws) or a referred case without its referral.
          const { funnel } = await figuresOf(db);
          identified.add(funnel.counts.identified.value);
          rounds++;
        }
      } finally {
        writing = false;
        await writerLoop;
        await writer.close();
      }
      // The writer really ran alongside the figures, and they saw it.
      expect(writes).toBeGreaterThan(50);
      expect(identified.size).toBeGreaterThan(1);
      const quiet = await figuresOf(db);
      expect(await figuresOf(db)).toEqual(quiet);
      expect(quiet.funnel.counts.identified).toEqual(discloseCount(await identifiedTruth(), uniform));
      expect(quiet.reasons.declined).toEqual(quiet.funnel.counts.declined);
      expect(quiet.survey.reached).toEqual(quiet.funnel.counts.reached);
    }, 60_000);
  },
);
