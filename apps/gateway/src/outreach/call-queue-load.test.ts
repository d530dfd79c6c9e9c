// The call queue under load, short form for CI (the longer run is bench/src/call-queue-load.ts):
// 20 workers on PostgreSQL (5 on PGlite, which runs one statement at a time) claim the next
// person and record a call result as fast as they can, through the gateway's own functions.
// No claim may fail, no two workers may ever hold the same case, and on PostgreSQL a claim's
// p95 stays under 100 ms (issue 11's acceptance).

import { ownerQuery } from '@vi/db/testing';
import { danishCalendarDate } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import { createUser } from '../testing/fixtures.ts';
import {
  CLAIM_LOG_SQL,
  checkNoDoubleClaims,
  type LoadWorker,
  runClaimLoad,
  useGatewayPool,
} from './call-queue-workers.ts';
import { callableRows, createOutreachOrg, importRows, type OutreachOrg } from './outreach-test-fixtures.ts';

let org: OutreachOrg;
let workers: LoadWorker[];
let postgres: boolean;

beforeAll(async () => {
  org = await createOutreachOrg('load');
  postgres = database().engine === 'postgresql';
  const people = postgres ? 3000 : 600;
  // The import's own code path (contact details sealed, cases queued, priorities by trigger).
  for (let offset = 0; offset < people; offset += 1000) {
    await importRows(org, callableRows(Math.min(1000, people - offset), offset));
  }
  workers = [];
  for (let i = 0; i < (postgres ? 20 : 5); i += 1) {
    const email = `load-worker-${i}@load.test`;
    const user = await createUser({
      email,
      displayName: `Load worker ${i}`,
      memberships: [{ organizationId: org.organizationId, role: 'OUTREACH_WORKER' }],
    });
    workers.push({ id: user.id, email });
  }
  for (const statement of CLAIM_LOG_SQL) await ownerQuery(statement);
}, 300_000);

describe('the call queue under load', () => {
  it('gives every claim to one worker at a time, without errors, and claims fast', async () => {
    const today = danishCalendarDate(new Date());
    let restorePool: (() => Promise<void>) | undefined;
    if (postgres) {
      // The gateway's pool sized for 20 workers at once (as VI_DATABASE_POOL_SIZE would), on this
      // file's own database.
      const [row] = await database().query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(process.env.DATABASE_URL!.trim());
      url.pathname = `/${row!.name}`;
      restorePool = await useGatewayPool(url.toString(), workers.length + 5);
    }
    let result: Awaited<ReturnType<typeof runClaimLoad>>;
    try {
      result = await runClaimLoad({
        organizationId: org.organizationId,
        workers,
        maxClaims: postgres ? 1500 : 300,
        durationMs: 90_000,
        today,
      });
    } finally {
      await restorePool?.();
    }
    const engine = database().engine;
    console.info(
      `[call queue load] ${engine}, ${result.workers} workers: ${result.claims} claims and ${result.records} ` +
        `call results in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.claimsPerSecond.toFixed(0)} claims/s; ` +
        `claim p50 ${result.claimMs.p50.toFixed(1)} ms, p95 ${result.claimMs.p95.toFixed(1)} ms, ` +
        `max ${result.claimMs.max.toFixed(1)} ms; record p95 ${result.recordMs.p95.toFixed(1)} ms`,
    );
    expect(result.errors).toEqual([]);
    expect(result.claims).toBeGreaterThanOrEqual(postgres ? 1500 : 300);
    expect(result.records).toBe(result.claims);
    expect(result.doubleClaimsSeen).toBe(0);

    // The database's own record: each claim logged by a trigger, each attempt in CallAttempt.
    const check = await checkNoDoubleClaims(org.organizationId);
    expect(check.claimsLogged).toBe(result.claims);
    expect(check.attempts).toBe(result.records);
    expect(check.stolenClaims).toBe(0);
    expect(check.attemptsWithoutOwnClaim).toBe(0);

    // Every case claimed once (a "no answer" waits two hours, beyond the run): a case handed to
    // two workers would show twice here even if its second claim had not overlapped the first.
    const [twice] = await database().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT "caseId" FROM "LoadClaimLog" GROUP BY 1 HAVING count(*) > 1) x`,
    );
    expect(Number(twice?.n)).toBe(0);

    // Every worker made progress side by side.
    const byWorker = await prisma().callAttempt.groupBy({
      by: ['workerId'],
      where: { organizationId: org.organizationId },
      _count: true,
    });
    expect(byWorker).toHaveLength(workers.length);
    // Issue 11's acceptance (p95 under 100 ms with 20 workers) is measured by the bench on a
    // quiet machine (bench/src/call-queue-load.ts, RESULTS.md); here, with the other test files
    // sharing two cores, the bound only catches claims that queue behind each other (a lock, a
    // scan of the queue, a pool too small); issue 11 measured 484 ms at p95 before this work.
    // call-queue-index.test.ts checks the plan itself, independent of the machine's load.
    // PGlite runs one statement at a time: a claim waits for the call results ahead of it, so
    // its figure is only logged.
    if (postgres) expect(result.claimMs.p95).toBeLessThan(250);
  }, 180_000);
});
