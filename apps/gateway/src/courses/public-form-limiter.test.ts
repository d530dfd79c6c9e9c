// The public form limiters' windows in the database, on this file's own database (PGlite, or
// PostgreSQL with DATABASE_URL). Two limiters with the same name stand for two gateway processes.
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from '../database.ts';
import { FixedWindowLimiter } from './public-form-limiter.ts';

beforeAll(async () => {
  await openDatabase();
});

async function storedKeys(limiter: string): Promise<string[]> {
  const rows = await database().query<{ key: string }>(
    `SELECT "key" FROM "RateLimitWindow" WHERE "limiter" = $1 ORDER BY "key"`,
    [limiter],
  );
  return rows.map((row) => row.key);
}

describe('a shared fixed-window limiter', () => {
  it('allows the limit per key and window, then refuses until the window has passed', async () => {
    let now = Date.UTC(2026, 10, 30, 22, 59, 59, 500); // 23:59:59.5 in Copenhagen
    const limiter = new FixedWindowLimiter('test-window', 3, 1000, () => now);
    const taken: boolean[] = [];
    for (let i = 0; i < 4; i++) taken.push(await limiter.admit('a'));
    expect(taken).toEqual([true, true, true, false]);
    expect(await limiter.admit('b')).toBe(true);
    now += 999;
    expect(await limiter.admit('a')).toBe(false);
    now += 1;
    expect(await limiter.admit('a')).toBe(true);
  });

  it('counts the attempts of every process into one window', async () => {
    const now = () => Date.UTC(2026, 10, 30, 12);
    const onA = new FixedWindowLimiter('test-shared', 5, 60_000, now);
    const onB = new FixedWindowLimiter('test-shared', 5, 60_000, now);
    const answers: boolean[] = [];
    for (let i = 0; i < 6; i++) answers.push(await (i % 2 === 0 ? onA : onB).admit('link'));
    // Each process has seen three: counted apart, all six would pass.
    expect(answers).toEqual([true, true, true, true, true, false]);
  });

  it('lets exactly the limit through when attempts arrive at once', async () => {
    const limiter = new FixedWindowLimiter('test-parallel', 30, 60_000);
    const answers = await Promise.all(Array.from({ length: 40 }, () => limiter.admit('link')));
    expect(answers.filter(Boolean)).toHaveLength(30);
  });

  it('uses the database clock when given none', async () => {
    const limiter = new FixedWindowLimiter('test-db-clock', 1, 60_000);
    expect(await limiter.admit('k')).toBe(true);
    expect(await limiter.admit('k')).toBe(false);
    const [row] = await database().query<{ seconds: number }>(
      `SELECT extract(epoch FROM ("expiresAt" - "windowStart"))::float8 AS seconds
         FROM "RateLimitWindow" WHERE "limiter" = 'test-db-clock'`,
    );
    expect(row?.seconds).toBe(60);
  });

  it('prunes expired windows of other keys as it goes, and keeps live ones', async () => {
    let now = Date.UTC(2026, 2, 29, 0, 30); // 01:30 in Copenhagen, the night clocks go forward
    const limiter = new FixedWindowLimiter('test-prune', 10, 1000, () => now);
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6']) await limiter.admit(key);
    now += 500;
    await limiter.admit('live');
    now += 600; // k1…k6 expired, "live" has 400 ms left
    await limiter.admit('other');
    expect(await storedKeys('test-prune')).toEqual(['k5', 'k6', 'live', 'other']);
    await limiter.admit('other');
    expect(await storedKeys('test-prune')).toEqual(['live', 'other']);
  });

  it('takes attempts on many expired keys at once without waiting on each other', async () => {
    let now = Date.UTC(2026, 10, 30, 23);
    const limiter = new FixedWindowLimiter('test-crossing', 5, 1000, () => now);
    const keys = Array.from({ length: 24 }, (_, i) => `k${i}`);
    for (const key of keys) await limiter.admit(key);
    now += 5000;
    // Each attempt renews its own expired key and may prune the others': never a deadlock.
    expect(await Promise.all(keys.map((key) => limiter.admit(key)))).toEqual(keys.map(() => true));
    expect(await storedKeys('test-crossing')).toHaveLength(keys.length);
  });
});
