import { createHash } from 'node:crypto';
import { Prisma } from '@vi/db';
import { prisma } from '../database.ts';
import { readAuthSettings } from './auth-settings.ts';
import { addressLimitKey } from './client-address.ts';

/**
 * Login throttle, held in PostgreSQL (table "LoginThrottle") so every
 * gateway process shares it. An attempt is RESERVED before the password
 * hash is checked: one INSERT … ON CONFLICT DO UPDATE … WHERE per limiter,
 * all four in one transaction, so 30 parallel guesses queue on the row lock
 * and each sees the count the one before it left. A refused attempt changes
 * nothing (the transaction rolls back) and costs no password check.
 *
 * Each limiter is a leaky bucket: the level rises by one per attempt and
 * drains at `free` per `drainWindow`. Up to `free` attempts go through at
 * once; from there each further attempt must wait, `firstDelay` doubling
 * with every attempt up to `maxDelay`. A delay, never a lock-out: nobody can
 * shut the owner out for long, and the per-account-and-address limit, which
 * is the strict one, does not touch the owner at another address.
 */
export type LimiterName = 'account-address' | 'account' | 'address' | 'global';

export interface LimitRule {
  /** Attempts that pass without waiting while the bucket is empty. */
  free: number;
  /** How fast the bucket drains: `free` attempts per this many ms. */
  drainWindowMs: number;
  /** The wait once `free` is reached, multiplied by `growth` per further attempt… */
  firstDelayMs: number;
  growth: number;
  /** …up to this. */
  maxDelayMs: number;
}

const MINUTE = 60_000;

function globalRule(checksPerMinute: number): LimitRule {
  // A ceiling, not a penalty: past it, one check per 1/N minute.
  const spacing = MINUTE / checksPerMinute;
  return {
    free: checksPerMinute,
    drainWindowMs: MINUTE,
    firstDelayMs: spacing,
    growth: 1,
    maxDelayMs: spacing,
  };
}

/**
 * The four limits, strictest first (that is also the order rows are locked
 * in, the same for every transaction, so they cannot deadlock):
 * - one account from one client address: 5 per 15 minutes, then doubling;
 * - one account from anywhere: looser, so guessing from one address never
 *   delays the owner elsewhere, and its wait is capped at two minutes;
 * - one client address across accounts: a spray over many accounts slows
 *   after 10 failures (offices share an address, and successes are credited);
 * - every password check of the installation: a ceiling on argon2 work.
 * Unknown e-mail addresses count exactly like known ones.
 */
export const LIMITS: Record<LimiterName, LimitRule> = {
  'account-address': {
    free: 5,
    drainWindowMs: 15 * MINUTE,
    firstDelayMs: 1_000,
    growth: 2,
    maxDelayMs: 15 * MINUTE,
  },
  account: { free: 20, drainWindowMs: 15 * MINUTE, firstDelayMs: 1_000, growth: 2, maxDelayMs: 2 * MINUTE },
  address: { free: 10, drainWindowMs: 15 * MINUTE, firstDelayMs: 1_000, growth: 2, maxDelayMs: 5 * MINUTE },
  global: globalRule(readAuthSettings().settings.loginChecksPerMinute),
};

const ORDER: readonly LimiterName[] = ['account-address', 'account', 'address', 'global'];

/** Rows untouched for a day have drained to nothing under every rule above. */
const STALE_AFTER_MS = 24 * 60 * MINUTE;
const SWEEP_INTERVAL_MS = 60 * MINUTE;

let clock: () => number = Date.now;
let lastSweep = 0;

/** Test hook: freeze or move the throttle's clock; null restores Date.now. */
export function setLoginThrottleClock(next: (() => number) | null): void {
  clock = next ?? Date.now;
}

export interface LoginAttemptKeys {
  /** The normalised e-mail as typed, known account or not. */
  email: string;
  /** The client address (client-address.ts), null when unknown. */
  address: string | null;
}

export type Reservation = { allowed: true } | { allowed: false; limiter: LimiterName; retryAfterMs: number };

/** The stored key: a hash, so the table holds no e-mail or IP address in clear. */
function storedKey(limiter: LimiterName, keys: LoginAttemptKeys): string {
  const address = addressLimitKey(keys.address);
  const raw =
    limiter === 'account-address'
      ? `${keys.email}\n${address}`
      : limiter === 'account'
        ? keys.email
        : limiter === 'address'
          ? address
          : '*';
  return createHash('sha256').update(`${limiter}\n${raw}`).digest('hex');
}

/**
 * The wait after an attempt that brought the level to `level`. The level is
 * rounded first: the bucket drains a little between attempts even a moment
 * apart, and the fifth guess at 4.999 must still count as the fifth (and
 * 1.99 s instead of 2 s would only make the doubling harder to read).
 */
export function delayAfter(rule: LimitRule, level: number): number {
  const attempts = Math.round(level);
  if (attempts < rule.free) {
    return 0;
  }
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * rule.growth ** (attempts - rule.free));
}

class Refused extends Error {
  constructor(
    readonly limiter: LimiterName,
    readonly retryAfterMs: number,
  ) {
    super('login attempt refused');
  }
}

/**
 * Reserves one login attempt under every limit, or none: the first limit
 * that says wait rolls the others back. Call before the password check.
 */
export async function reserveLoginAttempt(keys: LoginAttemptKeys): Promise<Reservation> {
  const now = clock();
  await sweepIfDue(now);
  try {
    await prisma().$transaction(
      async (tx) => {
        for (const limiter of ORDER) {
          const rule = LIMITS[limiter];
          const key = storedKey(limiter, keys);
          const drainPerMs = rule.free / rule.drainWindowMs;
          // The level after this attempt: drained for the time since the
          // last one (never negative, whatever another process's clock
          // says), plus one.
          const level = Prisma.sql`(greatest(0, t."level" - greatest(0, extract(epoch FROM (excluded."updatedAt" - t."updatedAt"))::float8) * 1000 * ${drainPerMs}::float8) + 1)`;
          // Timestamps go in and out as epoch milliseconds, so neither the
          // server's nor the session's time zone can shift them.
          const rows = await tx.$queryRaw<Array<{ level: number }>>`
            WITH clock AS (SELECT to_timestamp(${now}::float8 / 1000) AT TIME ZONE 'UTC' AS now)
            INSERT INTO "LoginThrottle" AS t ("limiter", "key", "level", "updatedAt", "blockedUntil")
            SELECT ${limiter}, ${key}, 1, clock.now,
                   clock.now + ${delayAfter(rule, 1)}::float8 * interval '1 millisecond'
              FROM clock
            ON CONFLICT ("limiter", "key") DO UPDATE SET
              "level" = ${level},
              "updatedAt" = excluded."updatedAt",
              "blockedUntil" = excluded."updatedAt" + interval '1 millisecond' * CASE
                WHEN round(${level}) < ${rule.free}::float8 THEN 0
                ELSE least(${rule.maxDelayMs}::float8,
                           ${rule.firstDelayMs}::float8 * power(${rule.growth}::float8, round(${level} - ${rule.free}::float8)))
              END
            WHERE t."blockedUntil" <= excluded."updatedAt"
            RETURNING "level"`;
          if (rows.length === 0) {
            // The conflicting row was blocked (and is locked by us now).
            const [blocked] = await tx.$queryRaw<Array<{ until: number }>>`
              SELECT extract(epoch FROM "blockedUntil")::float8 * 1000 AS until
                FROM "LoginThrottle" WHERE "limiter" = ${limiter} AND "key" = ${key}`;
            throw new Refused(limiter, Math.max(1, Math.ceil((blocked?.until ?? now) - now)));
          }
        }
      },
      // Parallel guesses queue on the same row; give them time rather than fail.
      { maxWait: 20_000, timeout: 20_000 },
    );
  } catch (error) {
    if (error instanceof Refused) {
      return { allowed: false, limiter: error.limiter, retryAfterMs: error.retryAfterMs };
    }
    throw error;
  }
  return { allowed: true };
}

/**
 * After a successful login: the strict account-and-address bucket is
 * emptied, and the account and address buckets give back the attempt the
 * success itself reserved (failures before it stay counted, so logging into
 * one's own account cannot launder a spray). The global ceiling keeps it:
 * it counts password checks, successful or not.
 */
export async function creditSuccessfulLogin(keys: LoginAttemptKeys): Promise<void> {
  const accountAddress = storedKey('account-address', keys);
  const account = storedKey('account', keys);
  const address = storedKey('address', keys);
  await prisma().$executeRaw`
    WITH cleared AS (
      DELETE FROM "LoginThrottle" WHERE "limiter" = 'account-address' AND "key" = ${accountAddress}
    )
    UPDATE "LoginThrottle" SET "level" = greatest(0, "level" - 1)
     WHERE ("limiter" = 'account' AND "key" = ${account}) OR ("limiter" = 'address' AND "key" = ${address})`;
}

/** Drops rows nobody has touched for a day (drained to nothing). Returns how many went. */
export async function deleteStaleLoginThrottles(now = clock()): Promise<number> {
  return prisma().$executeRaw`
    DELETE FROM "LoginThrottle"
     WHERE "updatedAt" < to_timestamp(${now - STALE_AFTER_MS}::float8 / 1000) AT TIME ZONE 'UTC'
       AND "blockedUntil" < to_timestamp(${now}::float8 / 1000) AT TIME ZONE 'UTC'`;
}

/** At most once an hour per process, on the login path: no timer to manage. */
async function sweepIfDue(now: number): Promise<void> {
  if (now - lastSweep < SWEEP_INTERVAL_MS) {
    return;
  }
  lastSweep = now;
  await deleteStaleLoginThrottles(now);
}
