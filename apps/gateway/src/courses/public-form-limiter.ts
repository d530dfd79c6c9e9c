import { database } from '../database.ts';

/**
 * Fixed-window counters for the two unauthenticated form endpoints, held in PostgreSQL (table
 * "RateLimitWindow") so every gateway process behind a load balancer counts into the same window:
 * two processes must not double the limit. A link token has 256 bits, so guessing is hopeless;
 * the limits are there so nobody can hammer the database through a door that needs no login, and
 * so one leaked link cannot be replayed endlessly. Keyed by the token's hash, and one shared
 * budget for tokens that match nothing, since a browser's address is not visible here.
 *
 * An attempt is one statement: INSERT … ON CONFLICT DO UPDATE … RETURNING the window's count, so
 * parallel attempts on one key queue on its row and each sees the count the one before it left. A
 * window starts at its key's first attempt after the previous window ended. Expired rows of other
 * keys are pruned by the same statement, a few at a time (rows another attempt holds are skipped,
 * never waited for), so the table stays as small as the set of keys in use without a timer.
 */
export class FixedWindowLimiter {
  /**
   * @param name stored as the row's "limiter": one name per limiter.
   * @param now a clock for tests; by default the database's clock, so processes whose clocks
   *   disagree still share one window.
   */
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: (() => number) | null = null,
  ) {}

  /**
   * Counts one attempt; resolves false when the key has used up its window. Named apart from the
   * in-process limiter's synchronous take(), so a caller that forgot to await cannot compile.
   * The key must not be a personal value.
   */
  async admit(key: string): Promise<boolean> {
    const now = this.now?.() ?? null;
    // Timestamps go in as epoch milliseconds (or the database's own clock), so neither the
    // server's nor the session's time zone can shift them.
    const rows = await database().query<{ count: number }>(
      `WITH clock AS (
         SELECT coalesce(to_timestamp($4::float8 / 1000), statement_timestamp()) AT TIME ZONE 'UTC' AS now
       ), taken AS (
         INSERT INTO "RateLimitWindow" AS w ("limiter", "key", "windowStart", "count", "expiresAt")
         SELECT $1, $2, clock.now, 1, clock.now + $3::float8 * interval '1 millisecond' FROM clock
         ON CONFLICT ("limiter", "key") DO UPDATE SET
           "windowStart" = CASE WHEN w."expiresAt" <= excluded."windowStart" THEN excluded."windowStart" ELSE w."windowStart" END,
           "count" = CASE WHEN w."expiresAt" <= excluded."windowStart" THEN 1 ELSE w."count" + 1 END,
           "expiresAt" = CASE WHEN w."expiresAt" <= excluded."windowStart" THEN excluded."expiresAt" ELSE w."expiresAt" END
         RETURNING "count"
       ), pruned AS (
         -- Reads "taken", so the attempt's own row is locked first; the prune then skips every row
         -- another attempt holds and never waits: two attempts pruning each other's keys cannot deadlock.
         DELETE FROM "RateLimitWindow"
          WHERE ("limiter", "key") IN (
            SELECT w."limiter", w."key" FROM "RateLimitWindow" w, clock, taken
             WHERE w."expiresAt" <= clock.now AND NOT (w."limiter" = $1 AND w."key" = $2)
             LIMIT 4 FOR UPDATE OF w SKIP LOCKED)
       )
       SELECT "count" FROM taken`,
      [this.name, key, this.windowMs, now],
    );
    const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
    return count <= this.limit;
  }
}

/** Opening and submitting one link: a participant needs a handful, a retrying phone a few more. */
export const perLinkLimiter = new FixedWindowLimiter('form-link', 30, 10 * 60 * 1000);
/** Tokens that match no link, from anyone: a scan, or a mistyped link now and then. */
export const unknownTokenLimiter = new FixedWindowLimiter('form-unknown-token', 120, 60 * 1000);
