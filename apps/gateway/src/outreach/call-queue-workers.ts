// Load-test support (call-queue-load.test.ts, bench/src/call-queue-load.ts): outreach workers
// claiming the next person and recording a call result as fast as they can, through the
// gateway's own functions (claimNextCase, recordCallOutcome) on the gateway's database pool,
// and a check against the database that no two workers ever held the same case at once.
import { PrismaPg } from '@prisma/adapter-pg';
import { DEFAULT_STATEMENT_TIMEOUT_MS, PrismaClient, RUNTIME_ROLE } from '@vi/db';
import type { CallOutcomeInput } from '@vi/domain';
import pg from 'pg';
import type { GatewayContext } from '../context.ts';
import { database } from '../database.ts';
import { claimNextCase } from './call-queue.ts';
import { recordCallOutcome } from './outreach-case.ts';

export interface LoadWorker {
  id: string;
  email: string;
}

export interface ClaimLoadOptions {
  organizationId: string;
  workers: readonly LoadWorker[];
  /** Stop after this many claims in all (or when the queue is empty, or after durationMs). */
  maxClaims: number;
  durationMs: number;
  /** Danish calendar date the queue is read for. */
  today: string;
  claimMinutes?: number;
}

export interface ClaimLoadResult {
  workers: number;
  claims: number;
  records: number;
  /** Claims that found nobody callable (the queue ran dry for that worker). */
  emptyClaims: number;
  errors: string[];
  elapsedMs: number;
  claimsPerSecond: number;
  claimMs: { p50: number; p95: number; max: number };
  recordMs: { p50: number; p95: number; max: number };
  /** Cases a worker got while another worker's claim on them was still running (client view). */
  doubleClaimsSeen: number;
}

/**
 * What a worker records, in a fixed rotation close to the evaluation's figures (62 % reached,
 * a quarter of them want a counsellor): "no answer" puts the case back in the queue with a
 * retry time, so the index's front fills with waiting cases as it would on a real day.
 */
const OUTCOMES: readonly CallOutcomeInput[] = [
  { outcome: 'DECLINED', declineReason: 'NO_NEED', surveyStatus: 'NOT_OFFERED' },
  { outcome: 'NOT_REACHED' },
  { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED', referralConsent: true },
  { outcome: 'DECLINED', declineReason: 'NO_NEED', surveyStatus: 'OFFERED_DECLINED' },
  { outcome: 'NOT_REACHED' },
  { outcome: 'WILL_CALL_SELF', surveyStatus: 'NOT_OFFERED' },
  { outcome: 'DECLINED', declineReason: 'NEEDS_SPECIALISED_OFFER', surveyStatus: 'NOT_OFFERED' },
  { outcome: 'NOT_SAFE_TO_TALK' },
];

/** The request context recordCallOutcome reads: the worker, their organisation, a request id. */
function workerContext(organizationId: string, worker: LoadWorker, n: number): GatewayContext {
  return {
    requestId: `load-${worker.id.slice(0, 8)}-${n}`,
    organizationId,
    user: { id: worker.id, email: worker.email, displayName: worker.email, locale: 'da' },
    roles: ['OUTREACH_WORKER'],
    audit: () => {},
  } as unknown as GatewayContext;
}

function percentiles(values: number[]): { p50: number; p95: number; max: number } {
  if (values.length === 0) return { p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank, as bench/src/run.ts does.
  const at = (p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

/**
 * Runs the workers in parallel (one async loop each, sharing the gateway's pool as
 * concurrent requests would) until maxClaims, durationMs or an empty queue. Each loop:
 * claim the next case, record an outcome for it. Errors are collected, not thrown.
 */
export async function runClaimLoad(options: ClaimLoadOptions): Promise<ClaimLoadResult> {
  const claimMs: number[] = [];
  const recordMs: number[] = [];
  const errors: string[] = [];
  let claims = 0;
  let records = 0;
  let emptyClaims = 0;
  let doubleClaimsSeen = 0;
  /** Case → worker holding it right now, as the workers see it. */
  const held = new Map<string, string>();
  const started = performance.now();
  const deadline = started + options.durationMs;

  const loop = async (worker: LoadWorker) => {
    for (let n = 0; claims < options.maxClaims && performance.now() < deadline; n += 1) {
      let caseId: string;
      try {
        const t0 = performance.now();
        const claim = await claimNextCase(database(), {
          organizationId: options.organizationId,
          workerId: worker.id,
          today: options.today,
          claimMinutes: options.claimMinutes,
        });
        claimMs.push(performance.now() - t0);
        if (!claim) {
          emptyClaims += 1;
          return;
        }
        claims += 1;
        caseId = claim.id;
        if (held.has(caseId)) doubleClaimsSeen += 1;
        held.set(caseId, worker.id);
      } catch (error) {
        errors.push(`claim: ${(error as Error).message}`);
        continue;
      }
      try {
        const t1 = performance.now();
        const input = OUTCOMES[(claims + n) % OUTCOMES.length]!;
        await recordCallOutcome(workerContext(options.organizationId, worker, n), caseId, input);
        recordMs.push(performance.now() - t1);
        records += 1;
      } catch (error) {
        errors.push(`record: ${(error as Error).message}`);
      } finally {
        if (held.get(caseId) === worker.id) held.delete(caseId);
      }
    }
  };
  await Promise.all(options.workers.map(loop));
  const elapsedMs = performance.now() - started;
  return {
    workers: options.workers.length,
    claims,
    records,
    emptyClaims,
    errors,
    elapsedMs,
    claimsPerSecond: claims / (elapsedMs / 1000),
    claimMs: percentiles(claimMs),
    recordMs: percentiles(recordMs),
    doubleClaimsSeen,
  };
}

/**
 * Owner-only SQL that makes the database itself log every claim: which worker took the case,
 * from whom, and whether that claim was still running. Run it (as the owner) before the load.
 * The log table is the load test's own; the runtime role may only append to it through the
 * trigger (SECURITY DEFINER), as the gateway cannot write it otherwise.
 */
export const CLAIM_LOG_SQL = [
  `CREATE TABLE IF NOT EXISTS "LoadClaimLog" (
     "caseId" uuid NOT NULL, "workerId" uuid NOT NULL, "previousWorkerId" uuid,
     "previousExpiresAt" timestamp(3), "at" timestamp(6) NOT NULL)`,
  `CREATE OR REPLACE FUNCTION "load_claim_log"() RETURNS trigger
   LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
   BEGIN
     INSERT INTO "LoadClaimLog" VALUES
       (NEW.id, NEW."claimedById", OLD."claimedById", OLD."claimExpiresAt", clock_timestamp() AT TIME ZONE 'UTC');
     RETURN NULL;
   END $$`,
  `DROP TRIGGER IF EXISTS "OutreachCase_load_claim_log" ON "OutreachCase"`,
  `CREATE TRIGGER "OutreachCase_load_claim_log" AFTER UPDATE OF "claimedById" ON "OutreachCase"
   FOR EACH ROW WHEN (NEW."claimedById" IS NOT NULL) EXECUTE FUNCTION "load_claim_log"()`,
] as const;

export interface DoubleClaimCheck {
  /** Claims logged by the database during the run. */
  claimsLogged: number;
  /** Claims that took a case while another worker's claim on it had not expired. */
  stolenClaims: number;
  /** Call attempts recorded by a worker who was not the case's latest claimant. */
  attemptsWithoutOwnClaim: number;
  /** Call attempts in the run. */
  attempts: number;
}

/**
 * The database's view: every claim (LoadClaimLog) and every call attempt of the organisation.
 * A double claim shows as a claim over another worker's running claim, or as an attempt whose
 * worker did not hold the case's latest claim before it.
 */
export async function checkNoDoubleClaims(organizationId: string): Promise<DoubleClaimCheck> {
  const [row] = await database().query<{
    claims_logged: number;
    stolen: number;
    unowned: number;
    attempts: number;
  }>(
    `SELECT
       (SELECT count(*)::int FROM "LoadClaimLog" l JOIN "OutreachCase" c ON c.id = l."caseId"
         WHERE c."organizationId" = $1::uuid) AS claims_logged,
       (SELECT count(*)::int FROM "LoadClaimLog" l JOIN "OutreachCase" c ON c.id = l."caseId"
         WHERE c."organizationId" = $1::uuid
           AND l."previousWorkerId" IS NOT NULL AND l."previousWorkerId" <> l."workerId"
           AND l."previousExpiresAt" > l."at") AS stolen,
       (SELECT count(*)::int FROM "CallAttempt" a
          LEFT JOIN LATERAL (
            SELECT l."workerId" FROM "LoadClaimLog" l
             -- The attempt's time is the gateway's clock in whole milliseconds, taken after the
             -- claim returned; the log's is the server's in microseconds (same machine).
             WHERE l."caseId" = a."caseId" AND date_trunc('milliseconds', l."at") <= a."at"
             ORDER BY l."at" DESC LIMIT 1) last_claim ON true
         WHERE a."organizationId" = $1::uuid
           AND last_claim."workerId" IS DISTINCT FROM a."workerId") AS unowned,
       (SELECT count(*)::int FROM "CallAttempt" a WHERE a."organizationId" = $1::uuid) AS attempts`,
    [organizationId],
  );
  return {
    claimsLogged: Number(row?.claims_logged ?? 0),
    stolenClaims: Number(row?.stolen ?? 0),
    attemptsWithoutOwnClaim: Number(row?.unowned ?? 0),
    attempts: Number(row?.attempts ?? 0),
  };
}

/**
 * Gives the gateway's open database a pool of `size` connections to the same PostgreSQL database
 * (`url`: the owner's login, acting as the runtime role like @vi/db's own pool), until the
 * returned function puts the original back. A gateway serving 20 workers at once is configured
 * with a pool for them (VI_DATABASE_POOL_SIZE); a test database opens with @vi/db's default of
 * 10, where claims would wait behind call results that hold every connection.
 */
export async function useGatewayPool(url: string, size: number): Promise<() => Promise<void>> {
  const db = database();
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, `-c role=${RUNTIME_ROLE}`].filter(Boolean).join(' '));
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: size,
    statement_timeout: DEFAULT_STATEMENT_TIMEOUT_MS,
  });
  pool.on('error', () => {});
  const original = { prisma: db.prisma, query: db.query };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  db.prisma = prisma;
  db.query = async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[];
  return async () => {
    db.prisma = original.prisma;
    db.query = original.query;
    await prisma.$disconnect();
    await pool.end();
  };
}
