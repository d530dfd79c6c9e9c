/**
 * Two real gateway processes (`tsx src/server.ts`, as `npm start` runs it) on their own loopback
 * ports and one PostgreSQL database behave as one gateway (issue 11, part 4), as they would behind
 * a load balancer that sends each request to either:
 * - a session made by logging in on A works on B, and logging out on A refuses it on B at once
 *   (polled for up to 2 s, the most a cached session may outlive its revocation here);
 * - the login throttle, the public form budget and the evaluation daily limit count the requests
 *   of both processes together;
 * - the hourly retention job, due in both at start-up, runs once.
 *
 * PostgreSQL only (DATABASE_URL): the embedded PGlite database is one process's memory and cannot
 * be shared by two processes, so there is nothing to test on it. Each run makes its own database on
 * the DATABASE_URL server and drops it; both processes are stopped in afterAll even when a test or
 * the start-up fails (SIGTERM, then SIGKILL after 15 s: faults/gateway-process.ts).
 */
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { createDatabase, type Database } from '@vi/db';
import { createScratchPostgresDatabase } from '@vi/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from '../faults/gateway-process.ts';
import { codesOf, type GraphQLAnswer } from '../faults/http-session.ts';
import { TEST_PASSWORD } from '../testing/fixtures.ts';

const serverUrl = process.env.DATABASE_URL?.trim();
/** A session refused on A must be refused on B within this (SECURITY.md's revocation promise is stricter per process). */
const REVOCATION_MS = 2_000;
const DAILY_LIMIT = 3;

const USERS = {
  worker: 'medarbejder@to-processer.test',
  guesser: 'gaet@to-processer.test',
  evaluator: 'evaluator@to-processer.test',
} as const;

let scratch: { url: string; drop(): Promise<void> } | undefined;
let db: Database | undefined;
let owner: pg.Client | undefined;
let gatewayA: GatewayProcess | undefined;
let gatewayB: GatewayProcess | undefined;
let starting: Promise<PromiseSettledResult<void>[]> | undefined;
let organizationId = '';
const savedDailyLimit = process.env.VI_EVALUATION_DAILY_LIMIT;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One POST to /graphql as the apps send it; `cookie` is the session token, if any. */
async function post<T = Record<string, unknown>>(
  gateway: GatewayProcess,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ body: GraphQLAnswer<T>; token: string | null | undefined }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-vi-csrf': '1',
    'idempotency-key': randomUUID(),
  };
  if (cookie) headers.cookie = `vi_session=${cookie}`;
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  let token: string | null | undefined;
  for (const header of response.headers.getSetCookie()) {
    const match = /^vi_session=([^;]*)/.exec(header);
    if (match) token = match[1] || null;
  }
  return { body: (await response.json()) as GraphQLAnswer<T>, token };
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { id } }`;

async function login(gateway: GatewayProcess, email: string, password = TEST_PASSWORD): Promise<string> {
  const { body, token } = await post(gateway, LOGIN, { input: { email, password } });
  if (body.errors?.length || !token) throw new Error(`login ${email}: ${JSON.stringify(body.errors)}`);
  return token;
}

const processes = () => [gatewayA!, gatewayB!] as const;

if (!serverUrl) {
  describe('two gateway processes on one database', () => {
    it.skip('needs PostgreSQL (DATABASE_URL): the embedded PGlite database lives in one process and cannot be shared', () => {});
  });
}

describe.runIf(serverUrl)('two gateway processes on one PostgreSQL database', () => {
  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
    // Migrated here (as the owner; queries as the runtime role), so the processes start on a
    // ready schema and the owner can add the statement counter below before they run anything.
    db = await createDatabase({ url: scratch.url });
    owner = new pg.Client({ connectionString: scratch.url });
    await owner.connect();
    // Counts the retention jobs' DELETE statements whether or not they remove a row: each run of
    // outreach's and of intake's job issues exactly one, and nothing else in this test deletes
    // contact details.
    await owner.query(`
      CREATE TABLE "TestRetentionStatement" ("at" timestamptz NOT NULL DEFAULT clock_timestamp());
      CREATE FUNCTION test_count_retention_statement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN INSERT INTO "TestRetentionStatement" DEFAULT VALUES; RETURN NULL; END $$;
      CREATE TRIGGER test_count_retention_statement AFTER DELETE ON "PersonContact"
        FOR EACH STATEMENT EXECUTE FUNCTION test_count_retention_statement();`);
    const organization = await db.prisma.organization.create({
      data: { name: 'To processer', slug: 'to-processer', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
    });
    organizationId = organization.id;
    const passwordHash = await hash(TEST_PASSWORD);
    for (const [email, role] of [
      [USERS.worker, 'OUTREACH_WORKER'],
      [USERS.guesser, 'OUTREACH_WORKER'],
      [USERS.evaluator, 'EVALUATOR'],
    ] as const) {
      await db.prisma.user.create({
        data: {
          email,
          displayName: email,
          passwordHash,
          memberships: { create: [{ organizationId, role }] },
        },
      });
    }
    // Read by both processes at start (they inherit this environment).
    process.env.VI_EVALUATION_DAILY_LIMIT = String(DAILY_LIMIT);
    starting = Promise.allSettled([
      startGatewayProcess(scratch.url).then((gateway) => {
        gatewayA = gateway;
      }),
      startGatewayProcess(scratch.url).then((gateway) => {
        gatewayB = gateway;
      }),
    ]);
    const failed = (await starting).find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }, 120_000);

  afterAll(async () => {
    // A start still under way when the hook timed out settles within its own 90 s (killing its
    // process if it never answered); wait for it so no process outlives the test.
    await starting;
    await Promise.allSettled([gatewayA?.stop(), gatewayB?.stop()]);
    if (savedDailyLimit === undefined) delete process.env.VI_EVALUATION_DAILY_LIMIT;
    else process.env.VI_EVALUATION_DAILY_LIMIT = savedDailyLimit;
    await owner?.end().catch(() => {});
    await db?.close().catch(() => {});
    await scratch?.drop();
  }, 150_000);

  it('runs the hourly retention jobs once, though both processes found them due at start-up', async () => {
    // Outreach's and intake's jobs both erase contact details, each with one DELETE per run.
    const RECORDS = `SELECT "job", "period" FROM "ScheduledJobRun"
                      WHERE "job" IN ('outreach-retention', 'intake-retention')`;
    const records = async () => (await owner!.query<{ job: string }>(RECORDS)).rows;
    const recordedPeriods = async () => (await records()).length;
    const bothRecorded = async () => new Set((await records()).map((r) => r.job)).size === 2;
    // Both have checked once they answer /health (the check follows listen() at once): wait for
    // both jobs' records, then long enough for the slower process's checks to have come and gone.
    const until = Date.now() + 10_000;
    while (!(await bothRecorded()) && Date.now() < until) await sleep(100);
    await sleep(1_500);
    const periods = await recordedPeriods();
    const COUNT = `SELECT count(*)::int AS n FROM "TestRetentionStatement"`;
    const { rows } = await owner!.query<{ n: number }>(COUNT);
    expect(periods).toBeGreaterThanOrEqual(2);
    // One run per job and recorded hour (two only if the test started on the stroke of an hour).
    expect(rows[0]?.n).toBe(periods);
  });

  it('accepts a session made on A on B, and refuses it on B once logged out on A', async () => {
    const [a, b] = processes();
    const token = await login(a, USERS.worker);
    const onB = await post<{ me: { id: string; email: string } | null }>(b, '{ me { id email } }', {}, token);
    expect(onB.body.data?.me?.email).toBe(USERS.worker);

    const logout = await post(a, 'mutation { logout }', {}, token);
    expect(logout.body.data).toEqual({ logout: true });
    const loggedOutAt = Date.now();
    let me: unknown = onB.body.data?.me;
    while (me !== null && Date.now() - loggedOutAt < REVOCATION_MS) {
      me = (await post<{ me: unknown }>(b, '{ me { id } }', {}, token)).body.data?.me;
      if (me !== null) await sleep(50);
    }
    expect(me).toBeNull();
    // And A, which made and ended it, refuses it too.
    expect((await post(a, '{ me { id } }', {}, token)).body.data).toEqual({ me: null });
  });

  it('counts login attempts on A and B against one throttle', async () => {
    const [a, b] = processes();
    const codes: string[] = [];
    // Five wrong guesses pass (the per-account-and-address limit), spread over both processes;
    // each process has seen at most three, so counted apart the sixth would be checked too.
    for (let attempt = 0; attempt < 6; attempt++) {
      const gateway = attempt % 2 === 0 ? a : b;
      const { body } = await post(gateway, LOGIN, {
        input: { email: USERS.guesser, password: `forkert-${attempt}` },
      });
      codes.push(...codesOf(body));
    }
    expect(codes).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
    // The right password is made to wait as well, on either process.
    const right = await post(a, LOGIN, { input: { email: USERS.guesser, password: TEST_PASSWORD } });
    expect(codesOf(right.body)).toEqual(['RATE_LIMITED']);
  });

  it('counts public form look-ups of unknown links on A and B against one budget', async () => {
    const [a, b] = processes();
    const FORM = `query Form($token: String!) { participantForm(token: $token) { kind } }`;
    const codes: string[] = [];
    // The shared budget is 120 a minute; 60 on each process, then one more on each.
    for (let i = 0; i < 122; i++) {
      const { body } = await post(i % 2 === 0 ? a : b, FORM, { token: `ukendt-link-${i}` });
      codes.push(...codesOf(body));
    }
    expect(codes.slice(0, 120).filter((code) => code === 'RATE_LIMITED')).toEqual([]);
    expect(codes.slice(120)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it("counts an evaluator's distinct selections on A and B against one daily limit", async () => {
    const [a, b] = processes();
    const token = await login(b, USERS.evaluator);
    const ASK = `query Ask($filter: EvaluationFilterInput) { evaluation(filter: $filter) { disclosure { dailyLimit usedToday } } }`;
    const month = (m: number) => {
      const from = new Date(Date.UTC(2025, m, 1));
      const to = new Date(Date.UTC(2025, m + 1, 0));
      return {
        organizationIds: [organizationId],
        from: from.toISOString().slice(0, 10),
        to: to.toISOString().slice(0, 10),
      };
    };
    const ask = (gateway: GatewayProcess, m: number) =>
      post<{ evaluation: { disclosure: { usedToday: number } } }>(gateway, ASK, { filter: month(m) }, token);
    const used: unknown[] = [];
    for (const [gateway, m] of [
      [a, 0],
      [b, 1],
      [a, 2],
    ] as const) {
      const { body } = await ask(gateway, m);
      used.push(body.data?.evaluation?.disclosure?.usedToday ?? codesOf(body).join(','));
    }
    expect(used).toEqual([1, 2, 3]);
    expect(codesOf((await ask(b, 3)).body)).toEqual(['EVALUATION_LIMIT']);
    expect(codesOf((await ask(a, 4)).body)).toEqual(['EVALUATION_LIMIT']);
    // A selection already seen today still answers, on the other process too.
    expect((await ask(b, 0)).body.data?.evaluation?.disclosure?.usedToday).toBe(DAILY_LIMIT);
  });
});
