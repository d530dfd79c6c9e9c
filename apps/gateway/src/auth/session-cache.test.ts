import { ownerQuery } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import { enableTotpFor, nextCode } from '../testing/totp-codes.ts';
import type { LoadedSession } from './session.ts';
import { hashSessionToken, lookupSession, SESSION_IDLE_MS } from './session.ts';
import { SessionCache, sessionCacheFor } from './session-cache.ts';

const MINUTE = 60_000;
const limits = { idleMs: 2 * 60 * MINUTE, lastSeenWriteMs: MINUTE };

function view(id: string, userId: string): LoadedSession {
  return {
    id,
    user: { id: userId, email: `${userId}@x.test`, displayName: userId, locale: 'da' },
    activeOrganizationId: null,
    memberships: [],
  };
}

describe('SessionCache (no database)', () => {
  const t0 = Date.UTC(2031, 2, 29, 22, 59, 30); // 23:59:30 in Copenhagen, the night DST starts
  function cacheAt(trusted = () => true) {
    let real = 0;
    const cache = new SessionCache({ ttlMs: 30_000, maxEntries: 3, trusted, clock: () => real });
    return { cache, advance: (ms: number) => (real += ms) };
  }
  function entry(id: string, userId = 'u1', lastSeenAtMs = t0, expiresAtMs = t0 + 12 * 60 * MINUTE) {
    return { session: view(id, userId), lastSeenAtMs, expiresAtMs };
  }

  it('answers within both limits and never past them, without moving either', () => {
    const { cache } = cacheAt();
    cache.store(entry('s1', 'u1', t0, t0 + 30_000), cache.begin());
    expect(cache.get('s1', t0 + 29_999, limits)?.session.id).toBe('s1');
    expect(cache.get('s1', t0 + 30_000, limits)).toBeNull();
    // Gone for good: an expired entry is not kept for a clock that runs backwards.
    expect(cache.get('s1', t0, limits)).toBeNull();

    cache.store(entry('s2', 'u1', t0), cache.begin());
    expect(cache.get('s2', t0 + limits.idleMs - 1, { ...limits, lastSeenWriteMs: Infinity })).not.toBeNull();
    expect(cache.get('s2', t0 + limits.idleMs, { ...limits, lastSeenWriteMs: Infinity })).toBeNull();
  });

  it('sends a lookup to the database once lastSeenAt is due to be written, and after its time to live', () => {
    const { cache, advance } = cacheAt();
    cache.store(entry('s1'), cache.begin());
    expect(cache.get('s1', t0 + MINUTE - 1, limits)).not.toBeNull();
    expect(cache.get('s1', t0 + MINUTE, limits)).toBeNull();
    cache.store(entry('s2'), cache.begin());
    advance(29_999);
    expect(cache.get('s2', t0, limits)).not.toBeNull();
    advance(1);
    expect(cache.get('s2', t0, limits)).toBeNull();
  });

  it('forgets by session, by user and everything, from the triggers’ payloads', () => {
    const { cache } = cacheAt();
    cache.store(entry('a', 'u1'), cache.begin());
    cache.store(entry('b', 'u1'), cache.begin());
    cache.store(entry('c', 'u2'), cache.begin());
    cache.invalidate('s:a');
    expect(cache.get('a', t0, limits)).toBeNull();
    expect(cache.get('b', t0, limits)).not.toBeNull();
    cache.invalidate('u:u1');
    expect(cache.get('b', t0, limits)).toBeNull();
    expect(cache.get('c', t0, limits)).not.toBeNull();
    cache.invalidate('*');
    expect(cache.size).toBe(0);
  });

  it('does not store an answer loaded before an invalidation', () => {
    const { cache } = cacheAt();
    const generation = cache.begin();
    cache.invalidate('u:someone-else');
    cache.store(entry('s1'), generation);
    expect(cache.get('s1', t0, limits)).toBeNull();
  });

  it('neither answers nor stores while invalidations are not heard', () => {
    let heard = true;
    const { cache } = cacheAt(() => heard);
    cache.store(entry('s1'), cache.begin());
    heard = false;
    expect(cache.get('s1', t0, limits)).toBeNull();
    cache.store(entry('s2'), cache.begin());
    heard = true;
    expect(cache.get('s2', t0, limits)).toBeNull();
  });

  it('keeps at most maxEntries, dropping the oldest, and hands out frozen views', () => {
    const { cache } = cacheAt();
    for (const id of ['a', 'b', 'c', 'd']) cache.store(entry(id), cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get('a', t0, limits)).toBeNull();
    const hit = cache.get('d', t0, limits);
    expect(Object.isFrozen(hit?.session.user)).toBe(true);
  });
});

let koege: { id: string };
let roskilde: { id: string };
let adminSecret = '';

beforeAll(async () => {
  await openDatabase();
  koege = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
  roskilde = await createOrganization({ name: 'Roskilde Kommune', slug: 'roskilde' });
  const boss = await createUser({
    email: 'admin@koege.test',
    memberships: [{ organizationId: koege.id, role: 'ADMIN' }],
  });
  // Administrators manage users only with two-step login on.
  adminSecret = await enableTotpFor(boss.id);
  // PostgreSQL: the cache answers only once its listening connection is up (it starts with the cache).
  sessionCacheFor(database());
  const started = performance.now();
  while (!database().invalidations.heard()) {
    if (performance.now() - started > 20_000) throw new Error('the invalidation listener did not connect');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});

let serial = 0;
async function worker(extra: Array<{ organizationId: string; role: 'ADMIN' | 'COUNSELLOR' }> = []) {
  serial += 1;
  const email = `worker${serial}@koege.test`;
  const user = await createUser({
    email,
    memberships: [{ organizationId: koege.id, role: 'OUTREACH_WORKER' }, ...extra],
  });
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  // Twice: the second request is answered from the cache, so the event must drop it.
  for (let i = 0; i < 2; i += 1) expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual([]);
  expect(sessionCacheFor(database()).size).toBeGreaterThan(0);
  return { user, email, browser };
}

async function admin(): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const response = await browser.graphql('mutation($input: LoginInput!) { login(input: $input) { id } }', {
    input: { email: 'admin@koege.test', password: TEST_PASSWORD, code: nextCode(adminSecret) },
  });
  expect(response.body.errors).toBeUndefined();
  return browser;
}

describe('the session cache in this process', () => {
  it('answers a repeated lookup from memory', async () => {
    const { browser } = await worker();
    const first = await lookupSession(browser.cookie ?? '');
    const second = await lookupSession(browser.cookie ?? '');
    expect(first.state).toBe('active');
    // The very same frozen view: no database round trip built it.
    expect(second).toEqual(first);
    expect(second.state === 'active' && first.state === 'active' && second.session === first.session).toBe(
      true,
    );
  });

  it('logout refuses the next request with that token', async () => {
    const { browser } = await worker();
    const replay = new TestBrowser();
    replay.cookie = browser.cookie;
    await browser.graphql('mutation { logout }');
    expect(errorCodes(await replay.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('an organisation switch changes the next request’s organisation and roles', async () => {
    const { browser } = await worker([{ organizationId: roskilde.id, role: 'COUNSELLOR' }]);
    expect((await browser.graphql('{ me { roles organization { id } } }')).body.data).toEqual({
      me: { roles: ['OUTREACH_WORKER'], organization: { id: koege.id } },
    });
    await browser.graphql('mutation($id: ID!) { switchOrganization(organizationId: $id) { id } }', {
      id: roskilde.id,
    });
    expect((await browser.graphql('{ me { roles organization { id } } }')).body.data).toEqual({
      me: { roles: ['COUNSELLOR'], organization: { id: roskilde.id } },
    });
  });

  it('an administrator’s role change applies to the user’s next request', async () => {
    const { user, browser } = await worker();
    const boss = await admin();
    const changed = await boss.graphql(
      'mutation($id: ID!) { setUserRoles(userId: $id, roles: [COUNSELLOR]) { id } }',
      {
        id: user.id,
      },
    );
    expect(changed.body.errors).toBeUndefined();
    expect((await browser.graphql('{ me { roles } }')).body.data).toEqual({ me: { roles: ['COUNSELLOR'] } });
  });

  it('a role taken away by any write in this process applies to the next request', async () => {
    const { user, browser } = await worker();
    await prisma().membership.deleteMany({ where: { userId: user.id } });
    expect((await browser.graphql('{ me { roles organization { id } } }')).body.data).toEqual({
      me: { roles: [], organization: null },
    });
    expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual(['FORBIDDEN']);
  });

  it('deactivation refuses the next request of every session of the user', async () => {
    const { user, email, browser } = await worker();
    const phone = new TestBrowser();
    await phone.login(email, TEST_PASSWORD);
    await phone.graphql('{ persons { id } }');
    const boss = await admin();
    const done = await boss.graphql('mutation($id: ID!) { deactivateUser(userId: $id) { id } }', {
      id: user.id,
    });
    expect(done.body.errors).toBeUndefined();
    for (const session of [browser, phone]) {
      expect(errorCodes(await session.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('a password change refuses the user’s other sessions and keeps this one', async () => {
    const { email, browser } = await worker();
    const other = new TestBrowser();
    await other.login(email, TEST_PASSWORD);
    await other.graphql('{ persons { id } }');
    const changed = await browser.graphql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'en-helt-ny-og-lang-adgangssaetning' } },
    );
    expect(changed.body.errors).toBeUndefined();
    expect(errorCodes(await other.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual([]);
  });

  it('an administrator’s password reset refuses the user’s next request', async () => {
    const { user, browser } = await worker();
    const boss = await admin();
    const reset = await boss.graphql(
      'mutation($id: ID!) { resetUserPassword(userId: $id) { temporaryPassword } }',
      {
        id: user.id,
      },
    );
    expect(reset.body.errors).toBeUndefined();
    expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('ends at the idle limit when an administrator ages the session, though its view was cached', async () => {
    const { browser } = await worker();
    const id = hashSessionToken(browser.cookie ?? '');
    const row = await prisma().session.findUniqueOrThrow({ where: { id } });
    const justBefore = new Date(row.lastSeenAt.getTime() + SESSION_IDLE_MS - 1);
    const atLimit = new Date(row.lastSeenAt.getTime() + SESSION_IDLE_MS);
    // Cached (same object twice) but past the write interval: goes to the database, which slides it.
    expect((await lookupSession(browser.cookie ?? '', justBefore)).state).toBe('active');
    const fresh = await prisma().session.findUniqueOrThrow({ where: { id } });
    expect(fresh.lastSeenAt).toEqual(justBefore);
    await prisma().session.update({ where: { id }, data: { lastSeenAt: row.lastSeenAt } });
    expect((await lookupSession(browser.cookie ?? '', atLimit)).state).toBe('expired');
  });
});

const onPostgres = !!process.env.DATABASE_URL;

describe('another connection’s writes (PostgreSQL LISTEN/NOTIFY)', () => {
  // PGlite is one connection inside this one process: no second connection exists to write.
  it.skipIf(!onPostgres)(
    'a revocation written by a second connection reaches this cache within 2 s',
    async () => {
      for (const [label, revoke] of [
        [
          'session deleted',
          (userId: string) => ownerQuery('DELETE FROM "Session" WHERE "userId" = $1', [userId]),
        ],
        [
          'user disabled',
          (userId: string) => ownerQuery('UPDATE "User" SET "disabledAt" = now() WHERE id = $1', [userId]),
        ],
        [
          'roles removed',
          (userId: string) => ownerQuery('DELETE FROM "Membership" WHERE "userId" = $1', [userId]),
        ],
      ] as const) {
        const { user, browser } = await worker();
        const token = browser.cookie ?? '';
        expect(database().invalidations.heard()).toBe(true);
        const cached = await lookupSession(token);
        expect(cached.state, label).toBe('active');
        await revoke(user.id);
        const started = performance.now();
        let answer = await lookupSession(token);
        while (answer.state === 'active' && answer.session.memberships.length > 0) {
          expect(performance.now() - started, label).toBeLessThan(2000);
          await new Promise((resolve) => setTimeout(resolve, 5));
          answer = await lookupSession(token);
        }
        expect(answer.state !== 'active' || answer.session.memberships.length === 0, label).toBe(true);
      }
    },
  );

  it.skipIf(!onPostgres)(
    'is emptied and bypassed while the listening connection is lost, and listens again',
    async () => {
      const { browser } = await worker();
      const cache = sessionCacheFor(database());
      expect(cache.size).toBeGreaterThan(0);
      const feed = database().invalidations;
      const states: boolean[] = [];
      const stop = feed.subscribe(
        () => {},
        (heard) => states.push(heard),
      );
      try {
        // Every idle connection of this database that listens: the dedicated one among them.
        await ownerQuery(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%' AND state = 'idle'`,
        );
        const started = performance.now();
        while (!(states.includes(false) && feed.heard())) {
          expect(performance.now() - started).toBeLessThan(5000);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        // Whatever was remembered before the loss is gone: a notification may have been missed.
        expect(states).toEqual([false, true]);
        expect(cache.size).toBe(0);
        expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual([]);
      } finally {
        stop();
      }
    },
  );
});
