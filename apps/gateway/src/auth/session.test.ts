import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import {
  createSession,
  hashSessionToken,
  lookupSession,
  revokeSessionsOfUser,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './session.ts';

const MINUTE = 60_000;
let organizationId: string;
let worker: { id: string };

beforeAll(async () => {
  await openDatabase();
  const organization = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
  organizationId = organization.id;
  worker = await createUser({
    email: 'worker@koege.test',
    displayName: 'Vera Værk',
    memberships: [
      { organizationId, role: 'OUTREACH_WORKER' },
      { organizationId, role: 'ADMIN' },
    ],
  });
});

async function rowOf(token: string) {
  return prisma().session.findUnique({ where: { id: hashSessionToken(token) } });
}

describe('lookupSession (fixed clock)', () => {
  it('loads user and memberships, and slides lastSeenAt at most once a minute', async () => {
    const t0 = new Date('2031-03-02T08:00:00Z');
    const { token, id } = await createSession(worker.id, organizationId, t0);
    const found = await lookupSession(token, new Date(t0.getTime() + 30_000));
    expect(found).toEqual({
      state: 'active',
      session: {
        id,
        user: {
          id: worker.id,
          email: 'worker@koege.test',
          displayName: 'Vera Værk',
          locale: 'da',
          mustChangePassword: false,
        },
        activeOrganizationId: organizationId,
        memberships: [
          { organizationId, organizationName: 'Køge Kommune', roles: ['ADMIN', 'OUTREACH_WORKER'] },
        ],
      },
    });
    expect((await rowOf(token))?.lastSeenAt).toEqual(t0);
    await lookupSession(token, new Date(t0.getTime() + 5 * MINUTE));
    expect((await rowOf(token))?.lastSeenAt).toEqual(new Date(t0.getTime() + 5 * MINUTE));
  });

  it('ends after the idle limit and deletes the row', async () => {
    const t0 = new Date('2031-03-03T08:00:00Z');
    const { token } = await createSession(worker.id, organizationId, t0);
    const seen = t0.getTime() + SESSION_IDLE_MS - MINUTE;
    expect((await lookupSession(token, new Date(seen))).state).toBe('active');
    expect((await lookupSession(token, new Date(seen + SESSION_IDLE_MS - 1))).state).toBe('active');
    const later = seen + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS;
    expect((await lookupSession(token, new Date(later))).state).toBe('expired');
    expect(await rowOf(token)).toBeNull();
    expect((await lookupSession(token, new Date(later))).state).toBe('none');
  });

  it('ends at the absolute limit however active', async () => {
    const t0 = new Date('2031-03-04T06:00:00Z');
    const { token, expiresAt } = await createSession(worker.id, organizationId, t0);
    expect(expiresAt.getTime() - t0.getTime()).toBe(SESSION_ABSOLUTE_MS);
    let now = t0.getTime();
    while (now + 30 * MINUTE < t0.getTime() + SESSION_ABSOLUTE_MS) {
      now += 30 * MINUTE;
      expect((await lookupSession(token, new Date(now))).state).toBe('active');
    }
    expect((await lookupSession(token, new Date(t0.getTime() + SESSION_ABSOLUTE_MS))).state).toBe('expired');
  });

  it('ends at once when the user is disabled', async () => {
    const user = await createUser({
      email: 'soon-gone@koege.test',
      memberships: [{ organizationId, role: 'ADMIN' }],
    });
    const now = new Date();
    const { token } = await createSession(user.id, organizationId, now);
    expect((await lookupSession(token, now)).state).toBe('active');
    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await lookupSession(token, now)).state).toBe('expired');
    expect(await rowOf(token)).toBeNull();
  });
});

describe('sessions over HTTP', () => {
  it('rotates on login: a new token, and the cookie presented at login is revoked', async () => {
    const browser = new TestBrowser();
    await browser.login('worker@koege.test', TEST_PASSWORD);
    const first = browser.cookie ?? '';
    await browser.login('worker@koege.test', TEST_PASSWORD);
    const second = browser.cookie ?? '';
    expect(second).not.toBe(first);
    expect(await rowOf(first)).toBeNull();
    expect(await rowOf(second)).not.toBeNull();

    // Session fixation: a token planted in the victim's browser is dead once the victim logs in.
    const attacker = new TestBrowser();
    await attacker.login('worker@koege.test', TEST_PASSWORD);
    const victim = new TestBrowser();
    victim.cookie = attacker.cookie;
    await victim.login('worker@koege.test', TEST_PASSWORD);
    expect(victim.cookie).not.toBe(attacker.cookie);
    expect((await attacker.graphql('{ me { id } }')).body.data).toEqual({ me: null });
  });

  it('logout revokes the session on the server', async () => {
    const browser = new TestBrowser();
    await browser.login('worker@koege.test', TEST_PASSWORD);
    const token = browser.cookie ?? '';
    await browser.graphql('mutation { logout }');
    expect(await rowOf(token)).toBeNull();
    const replay = new TestBrowser();
    replay.cookie = token;
    expect(errorCodes(await replay.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('deactivating a user ends every one of their sessions at once', async () => {
    const user = await createUser({
      email: 'leaving@koege.test',
      memberships: [{ organizationId, role: 'OUTREACH_WORKER' }],
    });
    const desk = new TestBrowser();
    const phone = new TestBrowser();
    await desk.login('leaving@koege.test', TEST_PASSWORD);
    await phone.login('leaving@koege.test', TEST_PASSWORD);
    expect(errorCodes(await desk.graphql('{ persons { id } }'))).toEqual([]);

    await prisma().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    for (const browser of [desk, phone]) {
      expect(errorCodes(await browser.graphql('{ persons { id } }'))).toEqual(['UNAUTHENTICATED']);
    }
    expect(await prisma().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('revokeSessionsOfUser ends all of a user’s sessions but the one kept', async () => {
    const user = await createUser({
      email: 'changer@koege.test',
      memberships: [{ organizationId, role: 'OUTREACH_WORKER' }],
    });
    const browsers = [new TestBrowser(), new TestBrowser(), new TestBrowser()];
    for (const browser of browsers) {
      await browser.login('changer@koege.test', TEST_PASSWORD);
    }
    const [kept, other1, other2] = browsers as [TestBrowser, TestBrowser, TestBrowser];
    const othersBefore = await prisma().session.count({ where: { userId: { not: user.id } } });

    expect(await revokeSessionsOfUser(user.id, hashSessionToken(kept.cookie ?? ''))).toBe(2);
    expect((await kept.graphql('{ me { email } }')).body.data).toEqual({
      me: { email: 'changer@koege.test' },
    });
    for (const browser of [other1, other2]) {
      expect((await browser.graphql('{ me { email } }')).body.data).toEqual({ me: null });
    }
    expect(await revokeSessionsOfUser(user.id)).toBe(1);
    expect((await kept.graphql('{ me { email } }')).body.data).toEqual({ me: null });
    // Nobody else's sessions were touched.
    expect(await prisma().session.count({ where: { userId: { not: user.id } } })).toBe(othersBefore);
  });
});
