import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import { deleteExpiredSessions, hashSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session.ts';

const ME = `query { me { id email displayName locale roles organization { id name kind stance }
  memberships { roles organization { id name } } } }`;

let koege: { id: string };
let odense: { id: string };

beforeAll(async () => {
  const { openDatabase } = await import('../database.ts');
  await openDatabase();
  // Created out of alphabetical order: login must still pick Køge first by name.
  odense = await createOrganization({ name: 'Odense Kommune', slug: 'odense', stance: 'ANONYMOUS' });
  koege = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
  await createUser({
    email: 'lead@both.test',
    displayName: 'Lene Leder',
    memberships: [
      { organizationId: odense.id, role: 'PROJECT_LEAD' },
      { organizationId: odense.id, role: 'ADMIN' },
      { organizationId: koege.id, role: 'INTAKE_COORDINATOR' },
    ],
  });
  await createUser({
    email: 'gone@koege.test',
    memberships: [{ organizationId: koege.id, role: 'ADMIN' }],
    disabled: true,
  });
  await createUser({ email: 'nobody@nowhere.test', memberships: [] });
  for (let i = 0; i < 2; i += 1) {
    await createUser({
      email: `throttled${i}@koege.test`,
      memberships: [{ organizationId: koege.id, role: 'ADMIN' }],
    });
  }
});

describe('login', () => {
  it('sets an HttpOnly SameSite session cookie whose hash, not the token, is stored', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const cookie = browser.lastSetCookies.find((c) => c.startsWith('vi_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http in the test
    expect(browser.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url

    const token = browser.cookie ?? '';
    expect(await prisma().session.findUnique({ where: { id: token } })).toBeNull();
    const session = await prisma().session.findUnique({ where: { id: hashSessionToken(token) } });
    expect(session?.activeOrganizationId).toBe(koege.id);
    expect(session && session.expiresAt.getTime() - session.createdAt.getTime()).toBe(SESSION_ABSOLUTE_MS);
  });

  it('is Secure behind https', async () => {
    const { yoga } = await import('../yoga.ts');
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({
        query: 'mutation($input: LoginInput!) { login(input: $input) { id } }',
        variables: { input: { email: 'lead@both.test', password: TEST_PASSWORD } },
      }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('starts in the first organisation by name and me shows roles and memberships', async () => {
    const browser = new TestBrowser();
    await browser.login('LEAD@both.test ', TEST_PASSWORD);
    const { body } = await browser.graphql(ME);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toEqual({
      id: expect.any(String),
      email: 'lead@both.test',
      displayName: 'Lene Leder',
      locale: 'da',
      roles: ['INTAKE_COORDINATOR'],
      organization: { id: koege.id, name: 'Køge Kommune', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
      memberships: [
        { roles: ['INTAKE_COORDINATOR'], organization: { id: koege.id, name: 'Køge Kommune' } },
        { roles: ['ADMIN', 'PROJECT_LEAD'], organization: { id: odense.id, name: 'Odense Kommune' } },
      ],
    });
    const login = await prisma().auditEvent.findFirst({
      where: { action: 'LOGIN', organizationId: koege.id },
    });
    expect(login?.userId).toBe((body.data?.me as { id: string } | undefined)?.id);
  });

  it('refuses a wrong password and an unknown e-mail alike, with Danish and English messages', async () => {
    const browser = new TestBrowser();
    const mutation = 'mutation($input: LoginInput!) { login(input: $input) { id } }';
    const wrong = await browser.graphql(mutation, {
      input: { email: 'lead@both.test', password: 'forkert' },
    });
    const unknown = await browser.graphql(mutation, {
      input: { email: 'ingen@both.test', password: 'forkert' },
    });
    const disabled = await browser.graphql(mutation, {
      input: { email: 'gone@koege.test', password: TEST_PASSWORD },
    });
    for (const response of [wrong, unknown, disabled]) {
      expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
      expect(response.body.errors?.[0]?.extensions?.message).toEqual({
        da: 'Forkert e-mail eller adgangskode.',
        en: 'Wrong email or password.',
      });
      expect(response.body.data).toBeNull();
    }
    expect(browser.cookie).toBeNull();
  });

  it('names the empty fields', async () => {
    const response = await new TestBrowser().graphql(
      'mutation($input: LoginInput!) { login(input: $input) { id } }',
      { input: { email: '  ', password: '' } },
    );
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    const fields = response.body.errors?.[0]?.extensions?.fields as Array<{ field: string; code: string }>;
    expect(fields.map((f) => [f.field, f.code])).toEqual([
      ['email', 'REQUIRED'],
      ['password', 'REQUIRED'],
    ]);
  });

  it('refuses an account without any organisation', async () => {
    const response = await new TestBrowser().graphql(
      'mutation($input: LoginInput!) { login(input: $input) { id } }',
      { input: { email: 'nobody@nowhere.test', password: TEST_PASSWORD } },
    );
    expect(errorCodes(response)).toEqual(['NO_ORGANIZATION']);
  });

  it('makes an account wait after five failures, even for the right password, and not other accounts', async () => {
    const browser = new TestBrowser();
    const mutation = 'mutation($input: LoginInput!) { login(input: $input) { id } }';
    for (let i = 0; i < 5; i += 1) {
      const response = await browser.graphql(mutation, {
        input: { email: 'throttled0@koege.test', password: `wrong-${i}` },
      });
      expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    }
    const locked = await browser.graphql(mutation, {
      input: { email: 'throttled0@koege.test', password: TEST_PASSWORD },
    });
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await browser.login('throttled1@koege.test', TEST_PASSWORD);
  });
});

describe('session', () => {
  it('logout ends the session server-side and clears the cookie', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const token = browser.cookie ?? '';
    const logout = await browser.graphql('mutation { logout }');
    expect(logout.body.data).toEqual({ logout: true });
    expect(logout.headers.get('set-cookie')).toMatch(/^vi_session=; .*Max-Age=0/);
    expect(await prisma().session.findUnique({ where: { id: hashSessionToken(token) } })).toBeNull();

    // Replaying the old token gets nothing.
    const replay = new TestBrowser();
    replay.cookie = token;
    expect((await replay.graphql('{ me { id } }')).body.data).toEqual({ me: null });
  });

  it('expires after the idle limit and deletes the row', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const id = hashSessionToken(browser.cookie ?? '');
    await prisma().session.update({
      where: { id },
      data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1000) },
    });
    const response = await browser.graphql('{ me { id } }');
    expect(response.body.data).toEqual({ me: null });
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await prisma().session.findUnique({ where: { id } })).toBeNull();
  });

  it('expires at the absolute limit however active', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const id = hashSessionToken(browser.cookie ?? '');
    await prisma().session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await browser.graphql('{ me { id } }')).body.data).toEqual({ me: null });
  });

  it('slides: an active session moves lastSeenAt forward', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const id = hashSessionToken(browser.cookie ?? '');
    const earlier = new Date(Date.now() - 30 * 60 * 1000);
    await prisma().session.update({ where: { id }, data: { lastSeenAt: earlier } });
    await browser.graphql('{ me { id } }');
    const row = await prisma().session.findUnique({ where: { id } });
    expect(row?.lastSeenAt.getTime()).toBeGreaterThan(earlier.getTime() + 20 * 60 * 1000);
  });
});

describe('deleteExpiredSessions', () => {
  it('removes idle and over-age sessions and keeps live ones', async () => {
    const live = new TestBrowser();
    await live.login('lead@both.test', TEST_PASSWORD);
    const idle = new TestBrowser();
    await idle.login('lead@both.test', TEST_PASSWORD);
    const old = new TestBrowser();
    await old.login('lead@both.test', TEST_PASSWORD);
    const idleId = hashSessionToken(idle.cookie ?? '');
    const oldId = hashSessionToken(old.cookie ?? '');
    await prisma().session.update({
      where: { id: idleId },
      data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 1) },
    });
    await prisma().session.update({ where: { id: oldId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(2);
    const left = await prisma().session.findMany({ where: { id: { in: [idleId, oldId] } } });
    expect(left).toEqual([]);
    expect((await live.graphql('{ me { email } }')).body.data).toEqual({ me: { email: 'lead@both.test' } });
  });
});

describe('switchOrganization', () => {
  it('changes the active organisation and roles for this and later requests', async () => {
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const switched = await browser.graphql(
      'mutation($id: ID!) { switchOrganization(organizationId: $id) { roles organization { name } } }',
      { id: odense.id },
    );
    expect(switched.body.data).toEqual({
      switchOrganization: { roles: ['ADMIN', 'PROJECT_LEAD'], organization: { name: 'Odense Kommune' } },
    });
    const me = await browser.graphql('{ me { roles organization { id } } }');
    expect(me.body.data).toEqual({
      me: { roles: ['ADMIN', 'PROJECT_LEAD'], organization: { id: odense.id } },
    });
  });

  it('refuses an organisation the user does not belong to', async () => {
    const other = await createOrganization({ name: 'Andet Sted', slug: 'andet' });
    const browser = new TestBrowser();
    await browser.login('lead@both.test', TEST_PASSWORD);
    const before = (await browser.graphql('{ me { organization { id } } }')).body.data;
    const response = await browser.graphql(
      'mutation($id: ID!) { switchOrganization(organizationId: $id) { roles } }',
      { id: other.id },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect((await browser.graphql('{ me { organization { id } } }')).body.data).toEqual(before);
  });

  it('the next login starts in the organisation chosen last, while the user is still a member there', async () => {
    const { prisma } = await import('../database.ts');
    const user = await createUser({
      email: 'counsellor@two-places.test',
      memberships: [
        { organizationId: koege.id, role: 'COUNSELLOR' },
        { organizationId: odense.id, role: 'COUNSELLOR' },
      ],
    });
    const activeAfterLogin = async () => {
      const browser = new TestBrowser();
      await browser.login('counsellor@two-places.test', TEST_PASSWORD);
      const me = await browser.graphql<{ me: { organization: { id: string } } }>(
        '{ me { organization { id } } }',
      );
      return { browser, active: me.body.data?.me.organization.id };
    };
    // First login: the first organisation by name (Køge before Odense).
    const first = await activeAfterLogin();
    expect(first.active).toBe(koege.id);
    await first.browser.graphql('mutation($id: ID!) { switchOrganization(organizationId: $id) { id } }', {
      id: odense.id,
    });
    expect((await activeAfterLogin()).active).toBe(odense.id);
    // No longer a member there: back to the first.
    await prisma().membership.deleteMany({ where: { userId: user.id, organizationId: odense.id } });
    expect((await activeAfterLogin()).active).toBe(koege.id);
  });
});
