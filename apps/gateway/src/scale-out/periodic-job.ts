import type { Database, Prisma } from '@vi/db';
import { logger } from '../logger.ts';

/**
 * A scheduled job that runs once per period however many gateway processes are up (issue 11,
 * part 4). Each run is one transaction that
 * 1. takes the job's transaction-level advisory lock without waiting: a process that finds it
 *    taken leaves the period to the holder (nobody queues behind a long run);
 * 2. looks for the period in "ScheduledJobRun": a period another process (or this one, before a
 *    restart) has finished is not run again;
 * 3. does the work on that same transaction and records the period.
 * A run that fails rolls back its record with its work, so the next check retries the period.
 * The lock alone would not be enough (a process starting a minute after another's run would run
 * the period again), and the record alone would let two processes do the work at the same time.
 */

/** The advisory lock's first key: keeps these locks apart from the single-key hashtext() locks elsewhere. */
const LOCK_CLASS = 20_261_130;
/** Records older than this are dropped by the job's own runs: enough to read what ran last week. */
const KEEP_RECORDS_MS = 7 * 24 * 60 * 60 * 1000;

export type JobTransaction = Prisma.TransactionClient;

export type JobOutcome<T> =
  | { ran: true; period: string; result: T }
  /** DONE: the period has already run; BUSY: another process holds the job's lock right now. */
  | { ran: false; period: string; reason: 'DONE' | 'BUSY' };

export interface PeriodicJob<T> {
  /** Stored in "ScheduledJobRun".job and the lock key: one name per job. */
  name: string;
  /** Periods are whole multiples of this since the epoch (an hour: each UTC hour; no DST to mind). */
  periodMs: number;
  /** Longest the work may hold its transaction (Prisma's interactive-transaction timeout). */
  timeoutMs?: number;
  /** The job's work, on the transaction that holds the lock; its result is stored (counts only). */
  work(tx: JobTransaction, now: Date): Promise<T>;
}

/** The period `now` falls in, as the ISO text of its start. */
export function periodOf(now: Date, periodMs: number): string {
  return new Date(Math.floor(now.getTime() / periodMs) * periodMs).toISOString();
}

/** Runs the job for the period `now` falls in, unless it has run for it or is running elsewhere. */
export async function runOncePerPeriod<T>(
  db: Database,
  job: PeriodicJob<T>,
  now: Date = new Date(),
): Promise<JobOutcome<T>> {
  const period = periodOf(now, job.periodMs);
  return db.prisma.$transaction(
    async (tx): Promise<JobOutcome<T>> => {
      const [lock] = await tx.$queryRaw<Array<{ taken: boolean }>>`
        SELECT pg_try_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${job.name})) AS taken`;
      if (!lock?.taken) return { ran: false, period, reason: 'BUSY' };
      const done = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "ScheduledJobRun" WHERE "job" = ${job.name} AND "period" = ${period}`;
      if (done.length > 0) return { ran: false, period, reason: 'DONE' };
      const startedAt = new Date();
      const result = await job.work(tx, now);
      await tx.$executeRaw`
        INSERT INTO "ScheduledJobRun" ("job", "period", "startedAt", "finishedAt", "result")
        VALUES (${job.name}, ${period}, ${startedAt}, ${new Date()}, ${JSON.stringify(result ?? null)}::jsonb)`;
      await tx.$executeRaw`
        DELETE FROM "ScheduledJobRun"
         WHERE "job" = ${job.name} AND "startedAt" < ${new Date(startedAt.getTime() - KEEP_RECORDS_MS)}`;
      return { ran: true, period, result };
    },
    { maxWait: 10_000, timeout: job.timeoutMs ?? 5 * 60_000 },
  );
}

export interface JobSchedule {
  /** How often each process checks whether the current period has run (default: a twelfth of the period). */
  checkEveryMs?: number;
}

/**
 * Checks now, then every `checkEveryMs` (with a little jitter, so processes started together do
 * not all knock at once). Checking more often than the period means a run that failed, or whose
 * process stopped, is retried within the period. Returns a stop function.
 */
export function schedulePeriodicJob<T>(
  db: Database,
  job: PeriodicJob<T>,
  schedule: JobSchedule = {},
): () => void {
  const checkEveryMs = schedule.checkEveryMs ?? Math.max(1_000, Math.floor(job.periodMs / 12));
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const outcome = await runOncePerPeriod(db, job);
      // One line per run across all processes: an operator sees which process ran which period.
      if (outcome.ran)
        logger.info({ job: job.name, period: outcome.period, result: outcome.result }, 'scheduled job ran');
    } catch (error) {
      logger.error({ err: error, job: job.name }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        void check().finally(next);
      },
      checkEveryMs + Math.floor(Math.random() * Math.min(30_000, checkEveryMs / 10)),
    );
    timer.unref();
  };
  void check().finally(next);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
