// The call queue's plans on PostgreSQL at 12,000 callable people (issue 11, part 3): a claim and
// a queue page must be index-range reads of "OutreachCase_call_queue_idx" (migration 0313) that
// stop after the rows they return, with the time-dependent eligibility (call window, retry time)
// checked on the index entries. A change that loses the index (a new condition it cannot answer,
// an ORDER BY that no longer matches it, a dropped column) fails here.

import { ownerQuery } from '@vi/db/testing';
import { danishCalendarDate } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import { claimNextCase, claimNextStatement, queuePageStatement } from './call-queue.ts';
import { createOutreachOrg, type OutreachOrg } from './outreach-test-fixtures.ts';

const CALLABLE = 12_000;
/** Cases at the front of the queue that wait for a retry (a busy day's "no answer"). */
const WAITING = 2_000;
const INDEX = 'OutreachCase_call_queue_idx';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(sql: string, params: unknown[], analyze = false): Promise<PlanNode> {
  const options = analyze ? 'ANALYZE, BUFFERS, FORMAT JSON' : 'FORMAT JSON';
  const [row] = await database().query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (${options}) ${sql}`,
    params,
  );
  return row!['QUERY PLAN'][0].Plan;
}

/** The scans of "OutreachCase" in a plan. */
function caseScans(plan: PlanNode): PlanNode[] {
  return nodes(plan).filter((n) => n['Relation Name'] === 'OutreachCase' && /Scan/.test(n['Node Type']));
}

let org: OutreachOrg;
let today: string;

// PGlite runs the same SQL and migrations, but a plan only matters where many workers share a
// server, and its planner statistics at this size differ from a real server's: checked on
// PostgreSQL (CI's), skipped on PGlite.
const onPostgres = process.env.DATABASE_URL?.trim() ? describe : describe.skip;

onPostgres('the call queue on PostgreSQL at 12,000 callable people', () => {
  beforeAll(async () => {
    today = danishCalendarDate(new Date());
    org = await createOutreachOrg('plan');
    await prisma().incidentTypeSetting.create({
      data: { organizationId: org.organizationId, type: 'STALKING', activeForOutreach: true, priority: 5 },
    });
    // Seeded in SQL as the owner (the import's path is timed by call-queue-scale.test.ts): per
    // case a person and an incident; incidents 3-28 days ago, callable from 2 days after.
    // 1,000 more are closed, and another organisation has 3,000 open cases of its own.
    const seed = async (organizationId: string, from: number, count: number, status: string) => {
      await ownerQuery(
        `INSERT INTO "Person" (id, "organizationId", pseudonym)
           SELECT md5('plan-p' || g)::uuid, $1::uuid, 'PLAN' || g FROM generate_series($2::int, $3::int) g`,
        [organizationId, from, from + count - 1],
      );
      await ownerQuery(
        `INSERT INTO "Incident" (id, "organizationId", "occurredOn", type)
           SELECT md5('plan-i' || g)::uuid, $1::uuid, $4::date - 3 - (g % 26),
                  (ARRAY['VIOLENCE','THREATS','ROBBERY','STALKING','SEXUAL_OFFENCE'])[1 + g % 5]::"IncidentType"
             FROM generate_series($2::int, $3::int) g`,
        [organizationId, from, from + count - 1, today],
      );
      await ownerQuery(
        `INSERT INTO "OutreachCase" (id, "organizationId", "personId", "incidentId", role, "incidentType", status,
                                     "callableFrom", "callableUntil", "createdAt")
           SELECT md5('plan-c' || g)::uuid, i."organizationId", md5('plan-p' || g)::uuid, i.id,
                  (ARRAY['VICTIM','WITNESS','RELATIVE','GUARDIAN'])[1 + g % 4]::"PersonRole", i.type,
                  $4::"OutreachStatus", i."occurredOn" + 2, i."occurredOn" + 32,
                  (now() AT TIME ZONE 'UTC') - make_interval(secs => g)
             FROM generate_series($2::int, $3::int) g
             JOIN "Incident" i ON i.id = md5('plan-i' || g)::uuid AND i."organizationId" = $1::uuid`,
        [organizationId, from, from + count - 1, status],
      );
    };
    await seed(org.organizationId, 1, CALLABLE + WAITING, 'OPEN');
    await seed(org.organizationId, 100_001, 1_000, 'DECLINED');
    await seed(org.otherOrganizationId, 200_001, 3_000, 'OPEN');
    // The front of the queue waits for a retry two hours from now (a busy day's "no answer").
    await ownerQuery(
      `UPDATE "OutreachCase" SET "nextAttemptAfter" = (now() AT TIME ZONE 'UTC') + interval '2 hours'
        WHERE id IN (SELECT c.id FROM "OutreachCase" c WHERE c."organizationId" = $1::uuid AND c.status = 'OPEN'
                      ORDER BY -c."queuePriority", c."callableFrom", c."createdAt", c.id LIMIT ${WAITING})`,
      [org.organizationId],
    );
    // The planner's statistics, as autovacuum keeps them on a server.
    await ownerQuery('VACUUM ANALYZE "OutreachCase"');
  }, 120_000);

  it('has the callable people and the waiting ones it is meant to', async () => {
    const [row] = await database().query<{ open: number; waiting: number }>(
      `SELECT count(*)::int AS open, count("nextAttemptAfter")::int AS waiting
         FROM "OutreachCase" WHERE "organizationId" = $1::uuid AND status = 'OPEN'`,
      [org.organizationId],
    );
    expect(row).toEqual({ open: CALLABLE + WAITING, waiting: WAITING });
  });

  it('plans a claim as one index-range read with the call window and retry time on the index', async () => {
    const { sql, params } = claimNextStatement({
      organizationId: org.organizationId,
      workerId: org.users.worker.id,
      today,
    });
    const plan = await explain(sql, params);
    const all = nodes(plan);
    expect(all.filter((n) => /Sort/.test(n['Node Type']))).toEqual([]);
    const scans = caseScans(plan);
    // The queue's index finds the case, the primary key updates it.
    expect(scans.map((n) => [n['Node Type'], n['Index Name']]).sort()).toEqual(
      [
        ['Index Scan', INDEX],
        ['Index Scan', 'OutreachCase_pkey'],
      ].sort(),
    );
    const queueScan = scans.find((n) => n['Index Name'] === INDEX)!;
    for (const column of ['organizationId', 'callableFrom', 'callableUntil', 'nextAttemptAfter']) {
      expect(queueScan['Index Cond']).toContain(column);
    }
  });

  it('claims past 2,000 people waiting for a retry without reading them from the table', async () => {
    const { sql, params } = claimNextStatement({
      organizationId: org.organizationId,
      workerId: org.users.worker.id,
      today,
    });
    const plan = await explain(sql, params, true);
    const queueScan = caseScans(plan).find((n) => n['Index Name'] === INDEX)!;
    expect(queueScan['Actual Rows']).toBe(1);
    expect(queueScan['Rows Removed by Filter'] ?? 0).toBeLessThan(5);
    // The index's leaf pages past the waiting people and a page or two of the table, not the
    // table (a claim that read every waiting case would touch hundreds of pages).
    const blocks = (queueScan['Shared Hit Blocks'] ?? 0) + (queueScan['Shared Read Blocks'] ?? 0);
    console.info(`[call queue plan] claim past ${WAITING} waiting: ${blocks} buffers`);
    expect(blocks).toBeLessThan(100);
  });

  it('plans the first page and a later page with their counts as reads that stop early', async () => {
    const first = queuePageStatement({
      organizationId: org.organizationId,
      workerId: org.users.worker.id,
      today,
      first: 25,
      after: null,
    });
    const later = queuePageStatement({
      organizationId: org.organizationId,
      workerId: org.users.worker.id,
      today,
      first: 25,
      // The start of the priority-0 people, after every stalking case.
      after: {
        priority: 0,
        callableFrom: '2000-01-01',
        createdAt: new Date(0),
        id: '00000000-0000-0000-0000-000000000000',
      },
    });
    for (const { sql, params } of [first, later]) {
      const plan = await explain(sql, params, true);
      const scans = caseScans(plan);
      expect(scans.map((n) => `${n['Node Type']} ${n['Index Name']}`)).toEqual([
        `Index Scan ${INDEX}`,
        `Index Scan ${INDEX}`,
      ]);
      // One scan stops after the page (26 rows), the other after the count's cap (1,001).
      const rows = scans.map((n) => (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1)).sort((a, b) => a - b);
      expect(rows).toEqual([26, 1001]);
    }
  });

  it('claims in a few milliseconds (informational figure, machine-dependent)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      const claim = await claimNextCase(database(), {
        organizationId: org.organizationId,
        workerId: org.users.worker2.id,
        today,
      });
      times.push(performance.now() - started);
      expect(claim).not.toBeNull();
    }
    times.sort((a, b) => a - b);
    console.info(
      `[call queue plan] sequential claim at ${CALLABLE} callable: median ${times[10]!.toFixed(1)} ms, ` +
        `max ${times.at(-1)!.toFixed(1)} ms`,
    );
    expect(times[10]).toBeLessThan(100);
  });
});
