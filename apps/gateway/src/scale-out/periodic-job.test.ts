// Scheduled jobs run once per period however many processes check, on this file's own database.
// On PostgreSQL the two runs below are truly concurrent (two pooled connections); on PGlite they
// queue on its one connection, so there the record, not the lock, turns the second away.
import type { Database } from '@vi/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../auth/session.ts';
import { openDatabase } from '../database.ts';
import { retentionJob } from '../outreach/retention.ts';
import { createOrganization, createOutreachCase, createPerson, createUser } from '../testing/fixtures.ts';
import { type PeriodicJob, periodOf, runOncePerPeriod } from './periodic-job.ts';
import { sessionSweepJob } from './session-sweep.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 60 * 60 * 1000;

/** A job that counts its runs and takes a while, so two runs started together overlap. */
function countingJob(name: string, options: { failFirst?: boolean } = {}) {
  let runs = 0;
  let failures = options.failFirst ? 1 : 0;
  const job: PeriodicJob<{ run: number }> = {
    name,
    periodMs: HOUR,
    async work(tx) {
      await tx.$queryRaw`SELECT 1`;
      await sleep(300);
      if (failures > 0) {
        failures--;
        throw new Error('the job failed');
      }
      runs++;
      return { run: runs };
    },
  };
  return { job, runs: () => runs };
}

async function recordedPeriods(job: string): Promise<string[]> {
  const rows = await db.query<{ period: string }>(
    `SELECT "period" FROM "ScheduledJobRun" WHERE "job" = $1 ORDER BY "period"`,
    [job],
  );
  return rows.map((row) => row.period);
}

describe('a periodic job', () => {
  it('names its period by the UTC hour, so Danish midnight and daylight saving change nothing', () => {
    // 23:59:59.999 and 00:00 in Copenhagen (winter): two hours.
    expect(periodOf(new Date('2026-11-30T22:59:59.999Z'), HOUR)).toBe('2026-11-30T22:00:00.000Z');
    expect(periodOf(new Date('2026-11-30T23:00:00.000Z'), HOUR)).toBe('2026-11-30T23:00:00.000Z');
    // 02:00 CET becomes 03:00 CEST at 01:00 UTC: the hour before and after are still one hour each.
    expect(periodOf(new Date('2026-03-29T00:59:59.999Z'), HOUR)).toBe('2026-03-29T00:00:00.000Z');
    expect(periodOf(new Date('2026-03-29T01:00:00.000Z'), HOUR)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('runs once when two processes find the same period due at the same moment', async () => {
    const { job, runs } = countingJob('test-concurrent');
    const now = new Date('2026-11-30T22:59:00Z');
    const outcomes = await Promise.all([runOncePerPeriod(db, job, now), runOncePerPeriod(db, job, now)]);
    expect(runs()).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ran)).toMatchObject({
      reason: expect.stringMatching(/^(BUSY|DONE)$/),
    });
    expect(await recordedPeriods('test-concurrent')).toEqual(['2026-11-30T22:00:00.000Z']);
  });

  it('does not run a finished period again (a restart, a process that checks later), and runs the next one', async () => {
    const { job, runs } = countingJob('test-restart');
    expect(await runOncePerPeriod(db, job, new Date('2026-11-30T22:00:00Z'))).toMatchObject({ ran: true });
    expect(await runOncePerPeriod(db, job, new Date('2026-11-30T22:59:59.999Z'))).toEqual({
      ran: false,
      period: '2026-11-30T22:00:00.000Z',
      reason: 'DONE',
    });
    expect(await runOncePerPeriod(db, job, new Date('2026-11-30T23:00:00Z'))).toMatchObject({
      ran: true,
      result: { run: 2 },
    });
    expect(runs()).toBe(2);
  });

  it('leaves a failed period unrecorded, so the next check runs it', async () => {
    const { job, runs } = countingJob('test-failure', { failFirst: true });
    const now = new Date('2026-11-30T23:10:00Z');
    await expect(runOncePerPeriod(db, job, now)).rejects.toThrow('the job failed');
    expect(await recordedPeriods('test-failure')).toEqual([]);
    expect(await runOncePerPeriod(db, job, now)).toMatchObject({ ran: true });
    expect(runs()).toBe(1);
  });

  it('keeps the same job apart from another job in the same period', async () => {
    const first = countingJob('test-apart-a');
    const second = countingJob('test-apart-b');
    const now = new Date('2026-11-30T23:20:00Z');
    await Promise.all([runOncePerPeriod(db, first.job, now), runOncePerPeriod(db, second.job, now)]);
    expect([first.runs(), second.runs()]).toEqual([1, 1]);
  });
});

describe('the hourly jobs', () => {
  it('retention closes an expired case once, however many processes run it, and records the hour', async () => {
    const organization = await createOrganization({ name: 'Planlagt kommune', slug: 'planlagt' });
    const person = await createPerson(organization.id, 'P-PLAN-1');
    const outreachCase = await createOutreachCase(organization.id, person.id);
    // The case was callable until 2026-12-03: the first Danish day after it starts at 23:00 UTC.
    const now = new Date('2026-12-03T23:00:00Z');
    const outcomes = await Promise.all([
      runOncePerPeriod(db, retentionJob, now),
      runOncePerPeriod(db, retentionJob, now),
    ]);
    const ran = outcomes.filter((outcome) => outcome.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ result: { expiredCases: 1 } });
    const [stored] = await db.query<{ status: string }>(
      `SELECT status::text FROM "OutreachCase" WHERE id = $1`,
      [outreachCase.id],
    );
    expect(stored?.status).toBe('EXPIRED');
    const [record] = await db.query<{ result: unknown }>(
      `SELECT "result" FROM "ScheduledJobRun" WHERE "job" = 'outreach-retention'`,
    );
    expect(record?.result).toEqual({ expiredCases: 1, erasedContacts: 0 });
  });

  it('the session sweep removes sessions past their limits once per hour, and keeps live ones', async () => {
    const now = new Date('2026-11-30T23:30:00Z');
    const user = await createUser({ email: 'sweep@planlagt.test', memberships: [] });
    const session = (id: string, lastSeenAt: Date, expiresAt: Date) => ({
      id,
      userId: user.id,
      createdAt: new Date(now.getTime() - 3 * HOUR),
      lastSeenAt,
      expiresAt,
    });
    await db.prisma.session.createMany({
      data: [
        session('past-absolute', now, new Date(now.getTime() - 1)),
        session('past-idle', new Date(now.getTime() - SESSION_IDLE_MS - 1), new Date(now.getTime() + HOUR)),
        session('live', new Date(now.getTime() - 60_000), new Date(now.getTime() + HOUR)),
      ],
    });
    const outcomes = await Promise.all([
      runOncePerPeriod(db, sessionSweepJob, now),
      runOncePerPeriod(db, sessionSweepJob, now),
    ]);
    expect(outcomes.filter((outcome) => outcome.ran)).toEqual([
      { ran: true, period: '2026-11-30T23:00:00.000Z', result: { removedSessions: 2 } },
    ]);
    const left = await db.prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left).toEqual([{ id: 'live' }]);
  });
});
