/**
 * The call queue under load (issue 11, part 3), the longer form of
 * apps/gateway/src/outreach/call-queue-load.test.ts for bench/RESULTS.md:
 * - PostgreSQL: a throw-away database created (and dropped) on the bench's server, migrated by
 *   the gateway's runner, seeded with 10,000 callable people through the gateway's own import;
 *   20 workers claim the next person and record a call result as fast as they can, through the
 *   gateway's functions (claimNextCase, recordCallOutcome) on the gateway's pool.
 * - PGlite (in memory): the same with 5 workers and 1,000 people.
 * Every claim is logged by a trigger in the database, which then shows whether two workers ever
 * held the same case at once (call-queue-workers.ts, checkNoDoubleClaims).
 *
 * Run alone: npx tsx bench/src/call-queue-load.ts [--claims 4000] [--seconds 60]
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { addDays, danishCalendarDate, type IncidentRowInput } from '@vi/domain';
import pg from 'pg';
import type { ClaimLoadResult } from '../../apps/gateway/src/outreach/call-queue-workers.ts';
import {
  closeDatabase,
  createDatabase,
  databaseOptionsFromEnv,
  setDefaultDatabaseFactory,
} from '../../packages/db/src/client.ts';

/** The bench's PostgreSQL server; the throw-away database is made beside vi_bench. */
function serverUrl(): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/vi_bench');
  url.pathname = '/postgres';
  return url.toString();
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Police-list rows for `count` callable people (incidents 3-28 days ago), unique phones. */
function callableRows(count: number, offset: number): IncidentRowInput[] {
  const types = ['Vold', 'Trusler', 'Røveri', 'Tilhold og stalking', 'Voldtægt og seksuelle krænkelser'];
  const roles = ['offer', 'vidne', 'pårørende', 'værge'];
  const today = danishCalendarDate(new Date());
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const [y, m, d] = addDays(today, -(3 + (i % 26))).split('-');
    return {
      incidentDate: `${d}-${m}-${y}`,
      incidentType: types[i % types.length]!,
      role: roles[i % roles.length]!,
      name: `Bench person ${i}`,
      phone: `3${String(i).padStart(7, '0')}`,
      age: String(15 + (i % 70)),
      gender: i % 2 ? 'mand' : 'kvinde',
    };
  });
}

interface Phase {
  engine: 'postgresql' | 'pglite';
  people: number;
  workers: number;
  maxClaims: number;
  seconds: number;
  result: ClaimLoadResult;
  seedSeconds: number;
  connections: number | null;
  check: { claimsLogged: number; stolenClaims: number; attemptsWithoutOwnClaim: number; attempts: number };
}

/**
 * One phase on whatever getDatabase() opens: seed through the gateway's import, log claims as
 * the owner (`ownerSql`), run the workers, check the database.
 */
async function runPhase(
  engine: Phase['engine'],
  people: number,
  workerCount: number,
  maxClaims: number,
  seconds: number,
  ownerSql: (sql: string) => Promise<void>,
  poolUrl?: string,
): Promise<Phase> {
  const { openDatabase, prisma, database } = await import('../../apps/gateway/src/database.ts');
  const { importIncidentRows } = await import('../../apps/gateway/src/outreach/incident-import.ts');
  const { CLAIM_LOG_SQL, checkNoDoubleClaims, runClaimLoad, useGatewayPool } = await import(
    '../../apps/gateway/src/outreach/call-queue-workers.ts'
  );
  // The caller may still hold another database open (run.ts: the figures' vi_bench); the phase's
  // own database comes from the default factory only once that memo is dropped.
  await closeDatabase();
  await openDatabase();
  // 20 workers share the gateway's pool as 20 concurrent requests would; it is sized for them
  // (VI_DATABASE_POOL_SIZE in a deployment), or claims wait behind call results for a connection.
  const restorePool = poolUrl ? await useGatewayPool(poolUrl, workerCount + 5) : undefined;
  const suffix = randomBytes(3).toString('hex');
  const org = await prisma().organization.create({
    data: {
      name: `Bench call queue ${suffix}`,
      slug: `bench-queue-${suffix}`,
      kind: 'NGO',
      stance: 'JOURNALISED',
    },
  });
  // A priority type, so the order has more than one level as in a real organisation.
  await prisma().incidentTypeSetting.create({
    data: { organizationId: org.id, type: 'STALKING', activeForOutreach: true, priority: 5 },
  });
  const workers = [];
  for (let i = 0; i < workerCount; i += 1) {
    const email = `queue-worker-${i}-${suffix}@bench.test`;
    const user = await prisma().user.create({
      data: {
        email,
        displayName: `Worker ${i}`,
        // Never logs in: the workers call the gateway's functions directly.
        passwordHash: 'not-a-password',
        memberships: { create: [{ organizationId: org.id, role: 'OUTREACH_WORKER' }] },
      },
    });
    workers.push({ id: user.id, email });
  }
  const seedStarted = performance.now();
  for (let offset = 0; offset < people; offset += 2000) {
    await importIncidentRows(prisma(), {
      organizationId: org.id,
      userId: workers[0]!.id,
      fileName: `bench-${offset}.csv`,
      rows: callableRows(Math.min(2000, people - offset), offset),
      now: new Date(),
    });
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  for (const statement of CLAIM_LOG_SQL) await ownerSql(statement);
  if (engine === 'postgresql') await ownerSql('VACUUM ANALYZE "OutreachCase"');

  const result = await runClaimLoad({
    organizationId: org.id,
    workers,
    maxClaims,
    durationMs: seconds * 1000,
    today: danishCalendarDate(new Date()),
  });
  const check = await checkNoDoubleClaims(org.id);
  let connections: number | null = null;
  if (engine === 'postgresql') {
    const [row] = await database().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND usename = current_user`,
    );
    connections = Number(row?.n ?? 0);
  }
  await restorePool?.();
  await closeDatabase();
  return {
    engine,
    people,
    workers: workerCount,
    maxClaims,
    seconds,
    result,
    seedSeconds,
    connections,
    check,
  };
}

function row(phase: Phase): string {
  const r = phase.result;
  const double = r.doubleClaimsSeen + phase.check.stolenClaims + phase.check.attemptsWithoutOwnClaim;
  return (
    `| ${phase.engine} | ${phase.workers} | ${phase.people.toLocaleString('en')} | ${r.claims} | ` +
    `${r.claimsPerSecond.toFixed(0)} | ${r.claimMs.p50.toFixed(1)} | ${r.claimMs.p95.toFixed(1)} | ` +
    `${r.recordMs.p50.toFixed(1)} | ${r.recordMs.p95.toFixed(1)} | ${double} | ${r.errors.length} |`
  );
}

/**
 * Both phases, as markdown for bench/RESULTS.md. Uses (and drops) its own database on the bench's
 * PostgreSQL server, so it runs beside the evaluation bench's data without touching it.
 */
export async function measureCallQueue(
  options: { claims?: number; seconds?: number; people?: number } = {},
): Promise<{ markdown: string[] }> {
  const claims = options.claims ?? 4000;
  const seconds = options.seconds ?? 60;
  const people = options.people ?? 10_000;
  const name = `vi_callqueue_${randomBytes(4).toString('hex')}`;
  const server = serverUrl();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  const phases: Phase[] = [];
  const load = os.loadavg()[0]!;
  let owner: pg.Client | undefined;
  try {
    const env = { ...process.env, DATABASE_URL: url };
    // As in production, where the gateway refuses to start without it: a call that accepts the
    // survey offer issues its link in the call's transaction (no SMS provider: the link is read out).
    process.env.VI_OUTREACH_SURVEY_URL ??= 'https://survey.bench.invalid/svar';
    setDefaultDatabaseFactory(() => createDatabase(databaseOptionsFromEnv(env)));
    owner = new pg.Client({ connectionString: url });
    const ownerClient = owner;
    let ownerConnected = false;
    phases.push(
      await runPhase(
        'postgresql',
        people,
        20,
        claims,
        seconds,
        async (sql) => {
          if (!ownerConnected) {
            await ownerClient.connect();
            ownerConnected = true;
          }
          await ownerClient.query(sql);
        },
        url,
      ),
    );
    // Shown at once: the PGlite phase after it is slow on a busy machine.
    console.error(row(phases[0]!));
    await owner.end();
    owner = undefined;

    // PGlite in memory: one connection, so the owner's statements step out of the runtime role.
    let pglite: Awaited<ReturnType<typeof createDatabase>> | undefined;
    setDefaultDatabaseFactory(async () => {
      pglite = await createDatabase({ memory: true });
      return pglite;
    });
    phases.push(
      await runPhase('pglite', Math.min(people, 1000), 5, Math.min(claims, 500), seconds, async (sql) => {
        await pglite!.query('SET ROLE NONE');
        try {
          await pglite!.query(sql);
        } finally {
          await pglite!.query('SET ROLE vi_runtime');
        }
      }),
    );
  } finally {
    setDefaultDatabaseFactory(undefined);
    await owner?.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  const pgPhase = phases[0]!;
  const loadAfter = os.loadavg()[0]!;
  const markdown = [
    '## Call queue under load',
    '',
    `Workers claim the next person and record a call result in a loop, as fast as they can, in one process through the gateway's own functions (\`claimNextCase\` straight on the pool, \`recordCallOutcome\` in its Prisma transaction with the audit rows), for up to ${seconds} s or ${claims} claims (bench/src/call-queue-load.ts). Outcomes rotate through declined, not reached (back in the queue after 2 h), wants a call (referral), will call self and not safe to talk; a call whose person accepts the survey offer issues the survey link in its transaction, as in production (VI_OUTREACH_SURVEY_URL set, no SMS provider). PostgreSQL: a throw-away database on the bench's server, ${people.toLocaleString('en')} callable people imported through the gateway's import, ${pgPhase.connections ?? '?'} connections open on the gateway's pool after the run. The gateway's pool has 25 connections for the 20 workers. PGlite: in memory. Claim = one \`claimNextCase\` including the wait for a pooled connection; p95 by nearest rank. Double claims: cases a worker got while another held them, claims over another worker's running claim, and attempts by a worker who was not the case's last claimant, all three from the database's claim log. Load average (1 min) ${load.toFixed(2)} before, ${loadAfter.toFixed(2)} after.`,
    '',
    '| engine | workers | callable | claims | claims/s | claim p50 ms | claim p95 ms | record p50 ms | record p95 ms | double claims | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...phases.map(row),
    '',
    `Target: a claim with 20 workers on PostgreSQL has p95 under 100 ms with zero double claims: ${
      pgPhase.result.claimMs.p95 < 100 &&
      pgPhase.result.doubleClaimsSeen + pgPhase.check.stolenClaims + pgPhase.check.attemptsWithoutOwnClaim ===
        0
        ? 'met'
        : 'NOT met'
    } (p95 ${pgPhase.result.claimMs.p95.toFixed(1)} ms).`,
    ...phases.flatMap((p) =>
      p.result.errors.length > 0
        ? [`${p.engine} errors (first 3): ${p.result.errors.slice(0, 3).join('; ')}`]
        : [],
    ),
    '',
  ];
  return { markdown };
}

function argument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { markdown } = await measureCallQueue({
    claims: argument('claims'),
    seconds: argument('seconds'),
    people: argument('people'),
  });
  console.log(markdown.join('\n'));
  process.exit(0);
}
