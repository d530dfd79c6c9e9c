import { SESSION_IDLE_MS } from '../auth/session.ts';
import type { PeriodicJob } from './periodic-job.ts';

/**
 * The hourly removal of sessions past their idle or absolute limit, once per UTC hour across all
 * gateway processes (periodic-job.ts). Expired sessions are refused at lookup whether or not this
 * has run; the sweep only keeps rows of users who never come back from lingering.
 *
 * The delete runs on the job's own transaction, not through auth/session.ts's
 * deleteExpiredSessions: on the embedded database a statement outside an open transaction waits
 * for it to end, so the job would wait for itself. The condition is the same as there.
 */
export const sessionSweepJob: PeriodicJob<{ removedSessions: number }> = {
  name: 'session-sweep',
  periodMs: 60 * 60 * 1000,
  async work(tx, now) {
    const { count } = await tx.session.deleteMany({
      where: {
        OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
      },
    });
    return { removedSessions: count };
  },
};
