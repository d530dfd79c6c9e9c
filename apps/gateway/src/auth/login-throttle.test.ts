import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import type { GraphQLResponse } from '../testing/graphql-client.ts';
import { rememberSocketAddress } from './client-address.ts';
import {
  creditSuccessfulLogin,
  delayAfter,
  deleteStaleLoginThrottles,
  LIMITS,
  type LimitRule,
  reserveLoginAttempt,
  setLoginThrottleClock,
} from './login-throttle.ts';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id } }';
const HOUR = 3_600_000;

/** The throttle's clock, frozen; each test starts a day later so buckets from earlier tests have drained. */
let clock = Date.UTC(2030, 0, 1);
const savedGlobal = LIMITS.global;

beforeAll(async () => {
  await openDatabase();
});

beforeEach(() => {
  clock += 24 * HOUR;
  setLoginThrottleClock(() => clock);
});

afterEach(() => {
  LIMITS.global = savedGlobal;
});

afterAll(() => {
  setLoginThrottleClock(null);
});

/** A login as a browser at `address` would send it, through the socket app.ts reads. */
async function loginFrom(address: string, email: string, password: string): Promise<GraphQLResponse> {
  const { yoga } = await import('../yoga.ts');
  const request = new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  rememberSocketAddress(request, address);
  const response = await yoga.fetch(request);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}

function codeOf(response: GraphQLResponse): unknown {
  return response.body.errors?.[0]?.extensions?.code ?? 'OK';
}

function tally(responses: GraphQLResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const code = String(codeOf(response));
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** The newest audit row's id: what a test writes comes after it. */
async function lastAuditId(): Promise<bigint> {
  const last = await prisma().auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0n;
}

async function auditCount(action: string, userId: string | null | undefined, after: bigint): Promise<number> {
  return prisma().auditEvent.count({ where: { action, userId, id: { gt: after } } });
}

describe('delayAfter', () => {
  const rule: LimitRule = {
    free: 5,
    drainWindowMs: 900_000,
    firstDelayMs: 1_000,
    growth: 2,
    maxDelayMs: 8_000,
  };

  it('lets the free attempts through, then doubles the wait up to the cap', () => {
    expect([1, 4, 4.49].map((level) => delayAfter(rule, level))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 20].map((level) => delayAfter(rule, level))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
    // A fifth guess a moment after the first four has drained a hair: it is still the fifth.
    expect(delayAfter(rule, 4.999)).toBe(1_000);
  });
});

describe('reserveLoginAttempt (in the database)', () => {
  const keys = { email: 'someone@x.test', address: '198.51.100.1' };

  it('reserves five at once, then makes each further attempt wait twice as long', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await reserveLoginAttempt(keys)).toEqual({ allowed: true });
    }
    expect(await reserveLoginAttempt(keys)).toEqual({
      allowed: false,
      limiter: 'account-address',
      retryAfterMs: 1_000,
    });
    clock += 1_000;
    expect(await reserveLoginAttempt(keys)).toEqual({ allowed: true });
    expect(await reserveLoginAttempt(keys)).toMatchObject({ allowed: false, retryAfterMs: 2_000 });
    clock += 1_999;
    expect(await reserveLoginAttempt(keys)).toMatchObject({ allowed: false, retryAfterMs: 1 });
    clock += 1;
    expect(await reserveLoginAttempt(keys)).toEqual({ allowed: true });
    expect(await reserveLoginAttempt(keys)).toMatchObject({ allowed: false, retryAfterMs: 4_000 });
  });

  it('refused attempts change nothing: the account and address counts stay where they were', async () => {
    for (let i = 0; i < 5; i += 1) {
      await reserveLoginAttempt(keys);
    }
    const levels = async () =>
      (
        await prisma().loginThrottle.findMany({
          where: { limiter: { in: ['account', 'address'] }, updatedAt: { gte: new Date(clock) } },
          orderBy: { limiter: 'asc' },
        })
      ).map((row) => [row.limiter, row.level]);
    expect(await levels()).toEqual([
      ['account', 5],
      ['address', 5],
    ]);
    for (let i = 0; i < 20; i += 1) {
      expect((await reserveLoginAttempt(keys)).allowed).toBe(false);
    }
    expect(await levels()).toEqual([
      ['account', 5],
      ['address', 5],
    ]);
  });

  it('drains: five more after 15 quiet minutes', async () => {
    for (let i = 0; i < 5; i += 1) {
      await reserveLoginAttempt(keys);
    }
    clock += 15 * 60_000;
    for (let i = 0; i < 5; i += 1) {
      expect(await reserveLoginAttempt(keys)).toEqual({ allowed: true });
    }
    expect((await reserveLoginAttempt(keys)).allowed).toBe(false);
  });

  it('a success clears the account-and-address count and gives back only its own attempt elsewhere', async () => {
    for (let i = 0; i < 4; i += 1) {
      await reserveLoginAttempt(keys);
    }
    await reserveLoginAttempt(keys); // the successful one
    await creditSuccessfulLogin(keys);
    const rows = await prisma().loginThrottle.findMany({ where: { updatedAt: { gte: new Date(clock) } } });
    expect(rows.find((row) => row.limiter === 'account-address')).toBeUndefined();
    expect(rows.find((row) => row.limiter === 'account')?.level).toBe(4);
    expect(rows.find((row) => row.limiter === 'address')?.level).toBe(4);
    for (let i = 0; i < 5; i += 1) {
      expect(await reserveLoginAttempt(keys)).toEqual({ allowed: true });
    }
  });

  it('holds a global ceiling on password checks, whoever asks', async () => {
    LIMITS.global = { free: 3, drainWindowMs: 60_000, firstDelayMs: 20_000, growth: 1, maxDelayMs: 20_000 };
    for (let i = 0; i < 3; i += 1) {
      expect(await reserveLoginAttempt({ email: `g${i}@x.test`, address: `198.51.100.${10 + i}` })).toEqual({
        allowed: true,
      });
    }
    expect(await reserveLoginAttempt({ email: 'g9@x.test', address: '198.51.100.99' })).toEqual({
      allowed: false,
      limiter: 'global',
      retryAfterMs: 20_000,
    });
    clock += 20_000;
    expect((await reserveLoginAttempt({ email: 'g9@x.test', address: '198.51.100.99' })).allowed).toBe(true);
  });

  it('sweeps rows nobody touched for a day', async () => {
    await reserveLoginAttempt({ email: 'old@x.test', address: '198.51.100.200' });
    const before = await prisma().loginThrottle.count();
    expect(await deleteStaleLoginThrottles(clock + 25 * HOUR)).toBeGreaterThanOrEqual(4);
    expect(await prisma().loginThrottle.count()).toBeLessThanOrEqual(before - 4);
  });
});

describe('client address from a real socket', () => {
  it('reaches the throttle and the audit trail through app.ts; a forged X-Forwarded-For does not', async () => {
    const { createServer } = await import('node:http');
    const { createApp } = await import('../app.ts');
    const server = createServer(createApp());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const since = await lastAuditId();
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
        body: JSON.stringify({
          query: LOGIN,
          variables: { input: { email: 'socket@x.test', password: 'x' } },
        }),
      });
      const row = await prisma().auditEvent.findFirst({
        where: { id: { gt: since }, action: 'LOGIN_FAILED' },
      });
      expect(row?.detail).toEqual({ clientAddress: '127.0.0.1', reason: 'UNKNOWN_ACCOUNT' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('login under attack', () => {
  let owner: { id: string };

  beforeAll(async () => {
    const organization = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
    owner = await createUser({
      email: 'owner@koege.test',
      memberships: [{ organizationId: organization.id, role: 'OUTREACH_WORKER' }],
    });
    for (let i = 0; i < 20; i += 1) {
      await createUser({
        email: `staff${i}@koege.test`,
        memberships: [{ organizationId: organization.id, role: 'OUTREACH_WORKER' }],
      });
    }
  });

  it('30 parallel wrong guesses get five password checks; the owner still logs in from elsewhere', async () => {
    const since = await lastAuditId();
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('203.0.113.66', 'owner@koege.test', `guess-${i}`)),
    );
    expect(tally(guesses)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 25 });
    // Every real check leaves a LOGIN_FAILED row, every refusal a LOGIN_REFUSED row, both naming the account.
    expect(await auditCount('LOGIN_FAILED', owner.id, since)).toBe(5);
    expect(await auditCount('LOGIN_REFUSED', owner.id, since)).toBe(25);

    const refused = guesses.find((response) => codeOf(response) === 'RATE_LIMITED');
    expect(refused?.body.errors?.[0]?.extensions).toMatchObject({
      retryAfterSeconds: 1,
      message: {
        da: 'For mange loginforsøg. Prøv igen om 1 sekund.',
        en: 'Too many login attempts. Try again in 1 second.',
      },
    });
    // Even the right password waits at the guesser's address…
    expect(codeOf(await loginFrom('203.0.113.66', 'owner@koege.test', TEST_PASSWORD))).toBe('RATE_LIMITED');
    // …but not the owner at another.
    expect(codeOf(await loginFrom('192.0.2.10', 'owner@koege.test', TEST_PASSWORD))).toBe('OK');
  });

  it('the guesser waits longer and longer', async () => {
    for (let i = 0; i < 5; i += 1) {
      await loginFrom('203.0.113.67', 'staff0@koege.test', `wrong-${i}`);
    }
    const waits: unknown[] = [];
    for (let round = 0; round < 4; round += 1) {
      const refused = await loginFrom('203.0.113.67', 'staff0@koege.test', 'wrong');
      waits.push(refused.body.errors?.[0]?.extensions?.retryAfterSeconds);
      clock += Number(waits.at(-1)) * 1000;
      expect(codeOf(await loginFrom('203.0.113.67', 'staff0@koege.test', 'wrong'))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('an unknown e-mail gets the same answers as a known one (no enumeration)', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('203.0.113.68', 'nobody@koege.test', `guess-${i}`)),
    );
    expect(tally(guesses)).toEqual({ INVALID_CREDENTIALS: 5, RATE_LIMITED: 25 });
  });

  it('a spray over 20 accounts from one address is slowed after 10; the accounts are not', async () => {
    const since = await lastAuditId();
    const spray: GraphQLResponse[] = [];
    for (let i = 0; i < 20; i += 1) {
      spray.push(await loginFrom('203.0.113.69', `staff${i}@koege.test`, 'Sommer2030!'));
    }
    expect(tally(spray)).toEqual({ INVALID_CREDENTIALS: 10, RATE_LIMITED: 10 });
    expect(spray.slice(10).map((r) => r.body.errors?.[0]?.extensions?.retryAfterSeconds)).toEqual(
      Array(10).fill(1),
    );
    expect(await auditCount('LOGIN_FAILED', undefined, since)).toBe(10);
    // The accounts themselves are not held: each owner logs in from their own address.
    expect(codeOf(await loginFrom('192.0.2.20', 'staff19@koege.test', TEST_PASSWORD))).toBe('OK');
    expect(codeOf(await loginFrom('192.0.2.21', 'staff5@koege.test', TEST_PASSWORD))).toBe('OK');
  });

  it('audits failed logins with the account, the address and the reason, never the password', async () => {
    const since = await lastAuditId();
    await loginFrom('203.0.113.70', 'owner@koege.test', 'hunter2-secret');
    await loginFrom('203.0.113.70', 'ghost@koege.test', 'hunter2-secret');
    await loginFrom('203.0.113.70', 'owner@koege.test', TEST_PASSWORD);
    const rows = await prisma().auditEvent.findMany({
      where: { id: { gt: since }, action: { in: ['LOGIN_FAILED', 'LOGIN'] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => [row.action, row.userId, row.entityId, row.detail])).toEqual([
      ['LOGIN_FAILED', owner.id, owner.id, { clientAddress: '203.0.113.70', reason: 'WRONG_PASSWORD' }],
      ['LOGIN_FAILED', null, null, { clientAddress: '203.0.113.70', reason: 'UNKNOWN_ACCOUNT' }],
      ['LOGIN', owner.id, owner.id, { clientAddress: '203.0.113.70' }],
    ]);
    expect(JSON.stringify(rows.map(({ id: _id, ...row }) => row))).not.toContain('hunter2');
  });
});
