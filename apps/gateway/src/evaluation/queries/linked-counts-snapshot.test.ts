// The figures whose counts the domain checks against each other (suppressLinkedCounts throws
// "counts do not add up" otherwise) must read all of them from one snapshot, while outreach
// workers write all day. Two checks: a write committed between any two statements a figure
// sends (deterministic, PGlite and PostgreSQL), and on a real PostgreSQL server (DATABASE_URL)
// a writer on its own connections racing figures computed over and over.

import { createDatabase, type Database, getDatabase } from '@vi/db';
import { type CountRelation, DECLINE_REASONS, type DisclosedCount } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { declineReasons } from './decline-reasons.ts';
import type { AggregateSource, EvaluationFilter } from './evaluation-filter.ts';
import { FUNNEL_RELATIONS, outreachFunnel, REFERRAL_RELATION } from './outreach-funnel.ts';
import { surveyOffers } from './survey-offers.ts';

type Query = Database['query'];

let db: Database;
let organizationId: string;
let filter: EvaluationFilter;

/** One person and one incident serve every case: the figures count cases, not people. */
let personId: string;
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
         SELECT $1::uuid, $2::uuid, $3::uuid, 'VICTIM', 'VIOLENCE', 'OPEN', current_date, current_date + 30,
                'WOMAN', 20 + g % 50
         FROM generate_series(1, 3) AS g`,
        [organizationId, personId, incidentId],
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

/** Every sum whose members are all shown holds. Returns how many sums were checked. */
function expectSumsHold(counts: Record<string, DisclosedCount>, relations: readonly CountRelation[]): number {
  let checked = 0;
  for (const relation of relations) {
    const total = counts[relation.total]?.value;
    const parts = relation.parts.map((part) => counts[part]?.value);
    if (total === null || total === undefined || parts.some((v) => v === null || v === undefined)) continue;
    expect(
      parts.reduce<number>((sum, v) => sum + (v ?? 0), 0),
      `${relation.total} = sum of its parts`,
    ).toBe(total);
    checked++;
  }
  return checked;
}

/** Computes the three linked-count figures and checks their sums; the sums checked. */
async function expectFiguresConsistent(source: AggregateSource): Promise<number> {
  const [funnel, reasons, survey] = [
    await outreachFunnel(source, filter),
    await declineReasons(source, filter),
    await surveyOffers(source, filter),
  ];
  let checked = expectSumsHold(funnel.counts, [...FUNNEL_RELATIONS, REFERRAL_RELATION]);
  // Every referred case has its referral in any one snapshot; a second snapshot would not know.
  if (funnel.counts.noReferral.value !== null) expect(funnel.counts.noReferral.value).toBe(0);
  const reasonCounts: Record<string, DisclosedCount> = {
    declined: reasons.declined,
    withReason: reasons.withReason,
    notRecorded: reasons.notRecorded,
  };
  for (const reason of reasons.reasons) reasonCounts[reason.reason] = reason.count;
  checked += expectSumsHold(reasonCounts, [
    { total: 'declined', parts: ['withReason', 'notRecorded'] },
    { total: 'withReason', parts: reasons.reasons.map((r) => r.reason) },
  ]);
  const surveyCounts: Record<string, DisclosedCount> = {
    reached: survey.reached,
    offered: survey.offered,
    notAppropriate: survey.notAppropriate,
  };
  for (const row of survey.byStatus) surveyCounts[row.status] = row.count;
  checked += expectSumsHold(surveyCounts, [
    { total: 'reached', parts: ['offered', 'notAppropriate', 'NOT_OFFERED', 'NOT_RECORDED'] },
  ]);
  return checked;
}

beforeAll(async () => {
  db = await getDatabase();
  const [org] = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('snapshot-test', 'Snapshot Kommune',
     'MUNICIPALITY', 'JOURNALISED') RETURNING id::text AS id`,
  );
  organizationId = org!.id;
  filter = { organizationIds: [organizationId] };
  const [person] = await db.query<{ id: string }>(
    `INSERT INTO "Person" ("organizationId", pseudonym) VALUES ($1::uuid, 'snapshot-person') RETURNING id::text AS id`,
    [organizationId],
  );
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, current_date, 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  personId = person!.id;
  incidentId = incident!.id;
  // Enough cases in every step that the sums are shown, not hidden under the disclosure rule.
  for (let step = 0; step < 240; step++) await workerStep(db.query, step);
});

describe('linked counts come from one snapshot', () => {
  it('a write committed between any two statements of a figure cannot make its counts disagree', async () => {
    // Each statement the figures send waits for the one before it and then for one worker
    // step: what a pool does when two statements of one figure start at different moments.
    let step = 0;
    let statements = 0;
    let previous: Promise<unknown> = Promise.resolve();
    const interleaved: AggregateSource = {
      query<T>(sql: string, params?: unknown[]) {
        const run = previous.then(async () => {
          await workerStep(db.query, step++);
          statements++;
          return db.query<T>(sql, params);
        });
        previous = run.catch(() => undefined);
        return run;
      },
    };
    let checked = 0;
    for (let round = 0; round < 12; round++) checked += await expectFiguresConsistent(interleaved);
    expect(statements).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(12 * 5);
  });
});

const serverUrl = process.env.DATABASE_URL?.trim();

describe.skipIf(!serverUrl)(
  'linked counts under concurrent writes on PostgreSQL (needs DATABASE_URL)',
  () => {
    it('the figures never throw and their counts add up while a worker writes', async () => {
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
      try {
        let rounds = 0;
        let checked = 0;
        const until = Date.now() + 4_000;
        while (Date.now() < until || rounds < 20) {
          checked += await expectFiguresConsistent(db);
          rounds++;
        }
        expect(checked).toBeGreaterThan(rounds * 5);
      } finally {
        writing = false;
        await writerLoop;
        await writer.close();
      }
      // The writer really ran alongside the figures.
      expect(writes).toBeGreaterThan(50);
    }, 60_000);
  },
);
