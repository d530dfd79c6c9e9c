/**
 * The fault test (issue 10): the gateway as a real process under a write load while its PostgreSQL
 * is stopped (fast: every connection ended, as in a restart or failover) and started again.
 * - While the database is down the gateway answers the coded UNAVAILABLE, never INTERNAL.
 * - It recovers by itself: writes succeed again without restarting the gateway.
 * - Every write it acknowledged is in the database exactly once, counted against the client's own
 *   log of acknowledged writes; no write (acknowledged or not) is there twice, although the client
 *   retries every unanswered write with the same Idempotency-Key.
 *
 * Runs on its own temporary cluster (temporary-cluster.ts), never the machine's server. In CI it
 * runs in the PostgreSQL pass (DATABASE_URL set), or anywhere with VI_FAULT_TEST=1; it needs initdb.
 * VI_FAULT_SECONDS lengthens the load around the restart (default: 2 s before, 2 s down, 2 s after).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { createDatabase } from '@vi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from './gateway-process.ts';
import { codesOf, HttpSession } from './http-session.ts';
import { INTAKE_NAMES, intakeVariables, REGISTER_INTAKE } from './intake-writes.ts';
import { postgresBinDir, startTemporaryCluster, type TemporaryCluster } from './temporary-cluster.ts';

const enabled =
  Boolean(postgresBinDir()) && Boolean(process.env.DATABASE_URL || process.env.VI_FAULT_TEST === '1');
const PHASE_MS = 1000 * Number(process.env.VI_FAULT_SECONDS ?? 2);
const WRITERS = 4;
/** Per writer: `intakes` answers at most 200 rows, and the check reads them all back through the gateway. */
const MAX_WRITES_EACH = 190;
const emailOf = (writer: number) => `intake${writer}@fejltest.test`;
const PASSWORD = 'fejl-test-adgangskode-lang-nok';
const ARTIFACTS = new URL('../../../../test-artifacts/', import.meta.url);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: TemporaryCluster | undefined;
let gateway: GatewayProcess | undefined;

describe.skipIf(!enabled)('a PostgreSQL restart under write load', () => {
  beforeAll(async () => {
    cluster = await startTemporaryCluster();
    gateway = await startGatewayProcess(cluster.url);
    // The gateway has migrated the empty cluster; add one organisation and its intake coordinator.
    // One organisation and intake coordinator per writer: each reads its own writes back (`intakes` lists 200).
    const db = await createDatabase({ url: cluster.url, migrate: false });
    try {
      const passwordHash = await hash(PASSWORD);
      for (let i = 0; i < WRITERS; i++) {
        const organization = await db.prisma.organization.create({
          data: { name: `Fejltest ${i}`, slug: `fejltest-${i}`, kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
        });
        await db.prisma.user.create({
          data: {
            email: emailOf(i),
            displayName: `Fejltest ${i}`,
            passwordHash,
            memberships: { create: [{ organizationId: organization.id, role: 'INTAKE_COORDINATOR' }] },
          },
        });
      }
    } finally {
      await db.close();
    }
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await cluster?.destroy();
  }, 60_000);

  it('answers UNAVAILABLE while down, recovers by itself, loses and duplicates nothing', async () => {
    const running = gateway!;
    // One after another: parallel logins of one account from one address are throttled (issue 9).
    const sessions: HttpSession[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const session = new HttpSession(running.url);
      await session.login(emailOf(i), PASSWORD);
      sessions.push(session);
    }
    const acknowledged: Array<{ name: string; id: string; at: number }> = [];
    const attempted: string[] = [];
    const unknownOutcome: string[] = [];
    const seen = { unavailable: 0, networkErrors: 0, inProgress: 0, retries: 0 };
    const unexpected: string[] = [];
    let stopping = false;
    let down: { from: number; to: number } | null = null;

    const writer = async (session: HttpSession, index: number) => {
      for (let n = 0; !stopping && n < MAX_WRITES_EACH; n++) {
        const name = `Fejl ${index}-${n}`;
        const key = randomUUID();
        attempted.push(name);
        // Retry the same write with the same key until it is answered, as the apps' client would.
        for (let attempt = 0; ; attempt++) {
          if (attempt > 0) seen.retries++;
          let codes: string[];
          let id: string | undefined;
          try {
            const { body } = await session.mutate<{ registerIntake: { id: string } }>(
              REGISTER_INTAKE,
              intakeVariables(name),
              key,
            );
            codes = codesOf(body);
            id = body.data?.registerIntake?.id;
            if (codes[0] === 'CONFLICT' && body.errors?.[0]?.extensions?.reason === 'IN_PROGRESS') {
              codes = ['IN_PROGRESS'];
            }
          } catch (error) {
            codes = [`NETWORK ${(error as Error).message}`];
          }
          if (codes.length === 0 && id) {
            acknowledged.push({ name, id, at: Date.now() });
            break;
          }
          if (codes[0] === 'UNAVAILABLE') seen.unavailable++;
          else if (codes[0]?.startsWith('NETWORK')) seen.networkErrors++;
          else if (codes[0] === 'IN_PROGRESS') {
            // In flight when the database went away: committed or not, nobody knows; the key
            // stays reserved so a retry can never write it twice. Give up on it, unacknowledged.
            seen.inProgress++;
            unknownOutcome.push(name);
            break;
          } else unexpected.push(`${name}: ${codes.join(',')}`);
          if (attempt > 100 || (stopping && attempt > 20)) {
            unexpected.push(`${name}: still not answered after ${attempt} retries`);
            break;
          }
          await sleep(200);
        }
        await sleep(50);
      }
    };
    const writers = sessions.map((session, index) => writer(session, index));

    await sleep(PHASE_MS);
    const stopAt = Date.now();
    await cluster!.stop();
    // While down: a read and a write answer the coded UNAVAILABLE (the writers see it too).
    const probe = await sessions[0]!.request('query { me { id } }');
    const probeCodes = codesOf(probe.body);
    await sleep(PHASE_MS);
    await cluster!.start();
    down = { from: stopAt, to: Date.now() };
    await sleep(PHASE_MS);
    stopping = true;
    await Promise.all(writers);

    // Read every registration back through the gateway (it decrypts names), each writer's own.
    const rows: Array<{ id: string; name: string | null }> = [];
    for (let i = 0; i < WRITERS; i++) {
      const reader = new HttpSession(running.url);
      await reader.login(emailOf(i), PASSWORD);
      const listed = await reader.request<{ intakes: Array<{ id: string; name: string | null }> }>(
        INTAKE_NAMES,
      );
      expect(codesOf(listed.body)).toEqual([]);
      rows.push(...(listed.body.data?.intakes ?? []));
    }
    const byName = new Map<string, number>();
    for (const row of rows) byName.set(row.name ?? '', (byName.get(row.name ?? '') ?? 0) + 1);
    const lost = acknowledged.filter((write) => byName.get(write.name) !== 1);
    const duplicated = [...byName].filter(([, count]) => count > 1).map(([name]) => name);
    const ids = new Set(rows.map((row) => row.id));
    const wrongId = acknowledged.filter((write) => !ids.has(write.id));
    const afterRestart = acknowledged.filter((write) => write.at > (down?.to ?? 0));
    const report = {
      attempted: attempted.length,
      acknowledged: acknowledged.length,
      acknowledgedAfterRestart: afterRestart.length,
      unknownOutcome: unknownOutcome.length,
      unknownOutcomeStored: unknownOutcome.filter((name) => byName.has(name)).length,
      rowsInDatabase: rows.length,
      lost: lost.length,
      duplicated: duplicated.length,
      ...seen,
      probeWhileDown: probeCodes,
      downMs: down ? down.to - down.from : null,
      unexpected,
    };
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(new URL('fault-test.json', ARTIFACTS), `${JSON.stringify(report, null, 2)}\n`);
    console.log('fault test:', JSON.stringify(report));

    expect(probeCodes).toEqual(['UNAVAILABLE']);
    expect(seen.unavailable).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
    expect(afterRestart.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(wrongId).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(rows.length).toBeLessThanOrEqual(attempted.length);
  }, 180_000);
});
