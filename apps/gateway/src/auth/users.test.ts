import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { enableTotpFor, nextCode } from '../testing/totp-codes.ts';
import { setLoginThrottleClock } from './login-throttle.ts';
import { hashSessionToken } from './session.ts';

const LIST =
  '{ organizationUsers { id email displayName roles active twoFactorEnabled mustChangePassword manageable } }';
const CREATE = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { temporaryPassword user { id email displayName roles active mustChangePassword } } }`;
const SET_ROLES =
  'mutation($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { id roles } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(userId: $id) { id active } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateUser(userId: $id) { id active } }';
const RESET_PASSWORD = `mutation($id: ID!) {
  resetUserPassword(userId: $id) { temporaryPassword user { id mustChangePassword } } }`;
const RESET_TWO_FACTOR = 'mutation($id: ID!) { resetUserTwoFactor(userId: $id) { id twoFactorEnabled } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id } }';

let koege: string;
let odense: string;
const ids: Record<string, string> = {};

function fieldCodes(response: GraphQLResponse): string[][] {
  const fields = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
  }>;
  return fields.map((f) => [f.field, f.code]);
}

const secrets: Record<string, string> = {};

/** Logs in as a user would, with a code from the app when the account has two-step login. */
async function loggedIn(email: string, password = TEST_PASSWORD): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const secret = secrets[email];
  const response = await browser.graphql(LOGIN, {
    input: { email, password, ...(secret ? { code: nextCode(secret) } : {}) },
  });
  if (response.body.errors) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
  return browser;
}

/** An administrator of Køge, with two-step login. */
async function koegeAdmin(): Promise<TestBrowser> {
  return loggedIn('admin@koege.test');
}

let throttleNow = Date.UTC(2026, 10, 16, 9, 0, 0);
beforeEach(() => {
  throttleNow += 24 * 3_600_000;
  setLoginThrottleClock(() => throttleNow);
});
afterAll(() => setLoginThrottleClock(null));

beforeAll(async () => {
  const { openDatabase } = await import('../database.ts');
  await openDatabase();
  koege = (await createOrganization({ name: 'Køge Kommune', slug: 'koege' })).id;
  odense = (await createOrganization({ name: 'Odense Kommune', slug: 'odense' })).id;
  const users: Array<
    [
      string,
      Array<{ organizationId: string; role: 'ADMIN' | 'OUTREACH_WORKER' | 'COUNSELLOR' | 'PROJECT_LEAD' }>,
    ]
  > = [
    ['admin@koege.test', [{ organizationId: koege, role: 'ADMIN' }]],
    ['no2fa@koege.test', [{ organizationId: koege, role: 'ADMIN' }]],
    ['worker@koege.test', [{ organizationId: koege, role: 'OUTREACH_WORKER' }]],
    [
      'both@koege.test',
      [
        { organizationId: koege, role: 'COUNSELLOR' },
        { organizationId: odense, role: 'PROJECT_LEAD' },
      ],
    ],
    ['admin@odense.test', [{ organizationId: odense, role: 'ADMIN' }]],
    ['lead@odense.test', [{ organizationId: odense, role: 'PROJECT_LEAD' }]],
  ];
  for (const [email, memberships] of users) {
    ids[email] = (await createUser({ email, displayName: email.split('@')[0], memberships })).id;
  }
  for (const email of ['admin@koege.test', 'admin@odense.test']) {
    secrets[email] = await enableTotpFor(ids[email] as string);
  }
});

describe('who may manage users', () => {
  const operations: Array<[string, (id: string) => Record<string, unknown>]> = [
    [LIST, () => ({})],
    [CREATE, () => ({ input: { email: 'ny@koege.test', displayName: 'Ny', roles: ['ADMIN'] } })],
    [SET_ROLES, (id) => ({ id, roles: ['ADMIN'] })],
    [DEACTIVATE, (id) => ({ id })],
    [REACTIVATE, (id) => ({ id })],
    [RESET_PASSWORD, (id) => ({ id })],
    [RESET_TWO_FACTOR, (id) => ({ id })],
  ];

  it('refuses anonymous callers and staff who are not administrators', async () => {
    const worker = await loggedIn('worker@koege.test');
    const lead = await loggedIn('lead@odense.test');
    for (const [query, variables] of operations) {
      const target = ids['worker@koege.test'] as string;
      expect(errorCodes(await new TestBrowser().graphql(query, variables(target)))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(errorCodes(await worker.graphql(query, variables(target)))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await lead.graphql(query, variables(target)))).toEqual(['FORBIDDEN']);
    }
    expect(await prisma().user.count({ where: { email: 'ny@koege.test' } })).toBe(0);
  });

  it('sends an administrator without two-step login to set it up, for every operation', async () => {
    const admin = await loggedIn('no2fa@koege.test');
    for (const [query, variables] of operations) {
      const response = await admin.graphql(query, variables(ids['worker@koege.test'] as string));
      expect(errorCodes(response)).toEqual(['SECOND_FACTOR_SETUP_REQUIRED']);
      expect(response.body.errors?.[0]?.extensions?.message).toEqual({
        da: 'Administratorer skal bruge totrinslogin. Slå det til under Konto, før du administrerer brugere.',
        en: 'Administrators must use two-step login. Turn it on under Account before you manage users.',
      });
    }
    expect((await admin.graphql('{ me { twoFactorRequired twoFactorEnabled } }')).body.data).toEqual({
      me: { twoFactorRequired: true, twoFactorEnabled: false },
    });
    const denied = await prisma().auditEvent.count({
      where: {
        userId: ids['no2fa@koege.test'],
        action: 'DENIED',
        detail: { path: ['reason'], equals: 'SECOND_FACTOR_SETUP_REQUIRED' },
      },
    });
    expect(denied).toBe(operations.length);
  });

  it("refuses an administrator of another organisation: Køge's users do not exist for Odense", async () => {
    const odenseAdmin = await loggedIn('admin@odense.test');
    for (const [query, variables] of operations.slice(2)) {
      const response = await odenseAdmin.graphql(query, variables(ids['worker@koege.test'] as string));
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
    const list = await odenseAdmin.graphql<{ organizationUsers: Array<{ email: string }> }>(LIST);
    expect(list.body.data?.organizationUsers.map((u) => u.email)).not.toContain('worker@koege.test');
    const worker = await prisma().user.findUniqueOrThrow({
      where: { email: 'worker@koege.test' },
      include: { memberships: true },
    });
    expect(worker.disabledAt).toBeNull();
    expect(worker.memberships.map((m) => m.role)).toEqual(['OUTREACH_WORKER']);
    // The probing is on the trail, under the Odense administrator and the id they tried.
    const probes = await prisma().auditEvent.findMany({
      where: { userId: ids['admin@odense.test'], action: 'DENIED', entityId: ids['worker@koege.test'] },
    });
    expect(probes.map((row) => row.detail)).toEqual(
      operations.slice(2).map(() => ({ reason: 'NOT_A_MEMBER' })),
    );
  });

  it('refuses a malformed user id with a coded error, not a database error', async () => {
    const admin = await koegeAdmin();
    // VALIDATION where the central id check (src/input) catches it, NOT_FOUND from our own check.
    const [code] = errorCodes(await admin.graphql(DEACTIVATE, { id: 'not-a-uuid' }));
    expect(['VALIDATION', 'NOT_FOUND']).toContain(code);
  });
});

describe('organizationUsers', () => {
  it("lists the active organisation's users with their roles there only", async () => {
    const admin = await koegeAdmin();
    const response = await admin.graphql<{
      organizationUsers: Array<{
        email: string;
        roles: string[];
        manageable: boolean;
        twoFactorEnabled: boolean;
      }>;
    }>(LIST);
    expect(response.body.errors).toBeUndefined();
    const users = response.body.data?.organizationUsers ?? [];
    const byEmail = Object.fromEntries(users.map((u) => [u.email, u]));
    expect(Object.keys(byEmail)).not.toContain('admin@odense.test');
    expect(byEmail['both@koege.test']).toMatchObject({ roles: ['COUNSELLOR'], manageable: false });
    expect(byEmail['worker@koege.test']).toMatchObject({ roles: ['OUTREACH_WORKER'], manageable: true });
    expect(byEmail['admin@koege.test']).toMatchObject({ roles: ['ADMIN'], twoFactorEnabled: true });
  });
});

describe('createUser', () => {
  it('creates an account with a temporary password shown once, to be changed at first login', async () => {
    const admin = await koegeAdmin();
    const response = await admin.graphql<{
      createUser: { temporaryPassword: string; user: { id: string; roles: string[] } };
    }>(CREATE, {
      input: {
        email: ' Ny.Kollega@Koege.test ',
        displayName: '  Ny   Kollega ',
        roles: ['OUTREACH_WORKER', 'COUNSELLOR'],
      },
    });
    expect(response.body.errors).toBeUndefined();
    const created = response.body.data?.createUser;
    expect(created?.user).toMatchObject({
      email: 'ny.kollega@koege.test',
      displayName: 'Ny Kollega',
      active: true,
      mustChangePassword: true,
    });
    expect([...(created?.user.roles ?? [])].sort()).toEqual(['COUNSELLOR', 'OUTREACH_WORKER']);
    const password = created?.temporaryPassword ?? '';
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const row = await prisma().user.findUniqueOrThrow({ where: { email: 'ny.kollega@koege.test' } });
    expect(row.passwordHash).not.toContain(password);
    const audit = await prisma().auditEvent.findFirst({
      where: { action: 'CREATE', entity: 'User', entityId: row.id },
    });
    expect(audit).toMatchObject({ userId: ids['admin@koege.test'], organizationId: koege });
    expect(JSON.stringify(audit?.detail)).not.toContain(password);

    const newcomer = await loggedIn('ny.kollega@koege.test', password);
    expect((await newcomer.graphql('{ me { mustChangePassword } }')).body.data).toEqual({
      me: { mustChangePassword: true },
    });
    const changed = await newcomer.graphql(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword } }',
      { input: { currentPassword: password, newPassword: 'min egen lange sætning' } },
    );
    expect(changed.body.data).toEqual({ changePassword: { mustChangePassword: false } });
  });

  it('names each wrong field in Danish and English', async () => {
    const admin = await koegeAdmin();
    const response = await admin.graphql(CREATE, {
      input: { email: 'ikke en adresse', displayName: ' ', roles: [] },
    });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    expect(fieldCodes(response)).toEqual([
      ['email', 'INVALID_EMAIL'],
      ['displayName', 'REQUIRED'],
      ['roles', 'REQUIRED'],
    ]);
    const fields = response.body.errors?.[0]?.extensions?.fields as Array<{
      message: { da: string; en: string };
    }>;
    for (const field of fields) expect(field.message.da).not.toBe(field.message.en);

    const taken = await admin.graphql(CREATE, {
      input: { email: 'WORKER@koege.test', displayName: 'Dublet', roles: ['COUNSELLOR'] },
    });
    expect(fieldCodes(taken)).toEqual([['email', 'EMAIL_TAKEN']]);
    const badRole = await admin.graphql(CREATE, {
      input: { email: 'x@koege.test', displayName: 'X', roles: ['KING'] },
    });
    expect(errorCodes(badRole)).toEqual(['VALIDATION']);
  });

  it("refuses to annex another organisation's account: it names nothing of it and adds no role", async () => {
    const admin = await koegeAdmin();
    const response = await admin.graphql(CREATE, {
      input: { email: 'lead@odense.test', displayName: 'Ignoreret', roles: ['PROJECT_LEAD'] },
    });
    expect(fieldCodes(response)).toEqual([['email', 'ACCOUNT_ELSEWHERE']]);
    expect(JSON.stringify(response.body)).not.toContain(ids['lead@odense.test'] as string);
    const memberships = await prisma().membership.findMany({ where: { userId: ids['lead@odense.test'] } });
    expect(memberships.map((m) => m.organizationId)).toEqual([odense]);
  });

  it('gives an account of another organisation roles here, without a new password, when the admin administers both', async () => {
    const adminId = ids['admin@koege.test'] as string;
    const extra = await prisma().membership.create({
      data: { userId: adminId, organizationId: odense, role: 'ADMIN' },
    });
    try {
      const admin = await koegeAdmin();
      const before = await prisma().user.findUniqueOrThrow({ where: { email: 'lead@odense.test' } });
      const response = await admin.graphql(CREATE, {
        input: { email: 'lead@odense.test', displayName: 'Ignoreret', roles: ['PROJECT_LEAD'] },
      });
      expect(response.body.data).toMatchObject({
        createUser: { temporaryPassword: null, user: { displayName: 'lead', roles: ['PROJECT_LEAD'] } },
      });
      const after = await prisma().user.findUniqueOrThrow({ where: { email: 'lead@odense.test' } });
      expect(after.passwordHash).toBe(before.passwordHash);
    } finally {
      await prisma().membership.delete({ where: { id: extra.id } });
    }
  });
});

describe('setUserRoles', () => {
  it('replaces roles in this organisation only, and audits what was added and removed', async () => {
    const admin = await koegeAdmin();
    const id = ids['both@koege.test'] as string;
    const response = await admin.graphql(SET_ROLES, {
      id,
      roles: ['INTAKE_COORDINATOR', 'INTAKE_COORDINATOR'],
    });
    expect(response.body.data).toEqual({ setUserRoles: { id, roles: ['INTAKE_COORDINATOR'] } });
    const memberships = await prisma().membership.findMany({
      where: { userId: id },
      orderBy: { role: 'asc' },
    });
    expect(memberships.map((m) => [m.organizationId, m.role])).toEqual([
      [koege, 'INTAKE_COORDINATOR'],
      [odense, 'PROJECT_LEAD'],
    ]);
    const audit = await prisma().auditEvent.findFirst({
      where: { entityId: id, action: 'UPDATE' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.detail).toEqual({
      change: 'ROLES',
      added: ['INTAKE_COORDINATOR'],
      removed: ['COUNSELLOR'],
    });
  });

  it('takes effect on the user’s open session at once', async () => {
    const admin = await koegeAdmin();
    await createUser({
      email: 'skifter@koege.test',
      memberships: [{ organizationId: koege, role: 'OUTREACH_WORKER' }],
    });
    const user = await loggedIn('skifter@koege.test');
    const id = (await user.graphql<{ me: { id: string } }>('{ me { id } }')).body.data?.me.id;
    await admin.graphql(SET_ROLES, { id, roles: ['COUNSELLOR'] });
    expect((await user.graphql('{ me { roles } }')).body.data).toEqual({ me: { roles: ['COUNSELLOR'] } });
  });

  it('keeps the last active administrator: an admin cannot remove their own last ADMIN role', async () => {
    const admin = await koegeAdmin();
    const self = ids['admin@koege.test'] as string;
    // Køge has a second administrator (no2fa), who is then deactivated…
    await prisma().user.update({ where: { id: ids['no2fa@koege.test'] }, data: { disabledAt: new Date() } });
    const refused = await admin.graphql(SET_ROLES, { id: self, roles: ['PROJECT_LEAD'] });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    expect(fieldCodes(refused)).toEqual([['roles', 'LAST_ADMIN']]);
    const left = await prisma().membership.findMany({ where: { userId: self, organizationId: koege } });
    expect(left.map((m) => m.role)).toEqual(['ADMIN']);
    // …and once another is active again, stepping down is allowed.
    await prisma().user.update({ where: { id: ids['no2fa@koege.test'] }, data: { disabledAt: null } });
    const allowed = await admin.graphql(SET_ROLES, { id: self, roles: ['ADMIN', 'PROJECT_LEAD'] });
    expect(allowed.body.errors).toBeUndefined();
  });

  it('never leaves an organisation without an administrator when two step down at once', async () => {
    const roskilde = (await createOrganization({ name: 'Roskilde Kommune', slug: 'roskilde' })).id;
    const admins: TestBrowser[] = [];
    const adminIds: string[] = [];
    for (const email of ['a@roskilde.test', 'b@roskilde.test']) {
      const user = await createUser({ email, memberships: [{ organizationId: roskilde, role: 'ADMIN' }] });
      adminIds.push(user.id);
      secrets[email] = await enableTotpFor(user.id);
      admins.push(await loggedIn(email));
    }
    const results = await Promise.all(
      admins.map((browser, i) => browser.graphql(SET_ROLES, { id: adminIds[i], roles: ['PROJECT_LEAD'] })),
    );
    expect(results.map((r) => errorCodes(r).join()).sort()).toEqual(['', 'VALIDATION']);
    expect(await prisma().membership.count({ where: { organizationId: roskilde, role: 'ADMIN' } })).toBe(1);
  });

  // On PostgreSQL the two changes can truly overlap; this makes them: the test holds the
  // membership table so neither can write, waits until both are blocked, then lets go. Without
  // the per-organisation lock both would have counted the other as the remaining administrator.
  // (PGlite has one connection, so transactions cannot overlap there.)
  it.skipIf(!process.env.DATABASE_URL)('holds when both changes are forced to overlap', async () => {
    const greve = (await createOrganization({ name: 'Greve Kommune', slug: 'greve' })).id;
    const admins: TestBrowser[] = [];
    const adminIds: string[] = [];
    for (const email of ['a@greve.test', 'b@greve.test']) {
      const user = await createUser({ email, memberships: [{ organizationId: greve, role: 'ADMIN' }] });
      adminIds.push(user.id);
      secrets[email] = await enableTotpFor(user.id);
      admins.push(await loggedIn(email));
    }
    let pending: Promise<GraphQLResponse[]> = Promise.resolve([]);
    await prisma().$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "Membership" IN EXCLUSIVE MODE`;
        pending = Promise.all(
          admins.map((browser, i) =>
            browser.graphql(SET_ROLES, { id: adminIds[i], roles: ['PROJECT_LEAD'] }),
          ),
        );
        for (let waited = 0; waited < 20_000; waited += 100) {
          const [row] = await tx.$queryRaw<Array<{ waiting: number }>>`
            SELECT count(*)::int AS waiting FROM pg_locks
             WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
          if ((row?.waiting ?? 0) >= 2) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      { timeout: 30_000 },
    );
    const results = await pending;
    expect(results.map((r) => errorCodes(r).join()).sort()).toEqual(['', 'VALIDATION']);
    expect(await prisma().membership.count({ where: { organizationId: greve, role: 'ADMIN' } })).toBe(1);
  });
});

describe('deactivateUser and reactivateUser', () => {
  it('ends every session of the user at once, blocks login, and reactivation lets them back', async () => {
    const admin = await koegeAdmin();
    const id = ids['worker@koege.test'] as string;
    const phone = await loggedIn('worker@koege.test');
    const desk = await loggedIn('worker@koege.test');
    const sessionIds = [phone, desk].map((b) => hashSessionToken(b.cookie ?? ''));

    const response = await admin.graphql(DEACTIVATE, { id });
    expect(response.body.data).toEqual({ deactivateUser: { id, active: false } });
    expect(await prisma().session.count({ where: { id: { in: sessionIds } } })).toBe(0);
    for (const browser of [phone, desk]) {
      expect((await browser.graphql('{ me { id } }')).body.data).toEqual({ me: null });
    }
    const login = await new TestBrowser().graphql(LOGIN, {
      input: { email: 'worker@koege.test', password: TEST_PASSWORD },
    });
    expect(errorCodes(login)).toEqual(['INVALID_CREDENTIALS']);

    expect((await admin.graphql(REACTIVATE, { id })).body.data).toEqual({
      reactivateUser: { id, active: true },
    });
    await loggedIn('worker@koege.test');
    const changes = await prisma().auditEvent.findMany({
      where: { entityId: id, action: 'UPDATE' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((row) => row.detail)).toEqual([{ change: 'DEACTIVATED' }, { change: 'REACTIVATED' }]);
  });

  it('refuses oneself, and a user who also belongs where the admin is not admin', async () => {
    const admin = await koegeAdmin();
    const self = await admin.graphql(DEACTIVATE, { id: ids['admin@koege.test'] });
    expect(fieldCodes(self)).toEqual([['userId', 'NOT_YOURSELF']]);
    for (const query of [DEACTIVATE, RESET_PASSWORD, RESET_TWO_FACTOR]) {
      const elsewhere = await admin.graphql(query, { id: ids['both@koege.test'] });
      expect(fieldCodes(elsewhere)).toEqual([['userId', 'MEMBER_ELSEWHERE']]);
    }
    const both = await prisma().user.findUniqueOrThrow({ where: { email: 'both@koege.test' } });
    expect(both.disabledAt).toBeNull();
  });
});

describe('resetUserPassword and resetUserTwoFactor', () => {
  it('issues a temporary password, ends the old sessions, and the old password stops working', async () => {
    const admin = await koegeAdmin();
    await createUser({
      email: 'glemsom@koege.test',
      memberships: [{ organizationId: koege, role: 'COUNSELLOR' }],
    });
    const forgetful = await loggedIn('glemsom@koege.test');
    const id = (await forgetful.graphql<{ me: { id: string } }>('{ me { id } }')).body.data?.me.id;
    const response = await admin.graphql<{ resetUserPassword: { temporaryPassword: string } }>(
      RESET_PASSWORD,
      { id },
    );
    expect(response.body.data?.resetUserPassword).toMatchObject({ user: { id, mustChangePassword: true } });
    expect((await forgetful.graphql('{ me { id } }')).body.data).toEqual({ me: null });
    expect(
      errorCodes(
        await new TestBrowser().graphql(LOGIN, {
          input: { email: 'glemsom@koege.test', password: TEST_PASSWORD },
        }),
      ),
    ).toEqual(['INVALID_CREDENTIALS']);
    await loggedIn('glemsom@koege.test', response.body.data?.resetUserPassword.temporaryPassword);
  });

  it('turns off the two-step login of a user who lost their phone', async () => {
    const admin = await koegeAdmin();
    const created = await createUser({
      email: 'mistet@koege.test',
      memberships: [{ organizationId: koege, role: 'COUNSELLOR' }],
    });
    secrets['mistet@koege.test'] = await enableTotpFor(created.id);
    const response = await admin.graphql(RESET_TWO_FACTOR, { id: created.id });
    expect(response.body.data).toEqual({ resetUserTwoFactor: { id: created.id, twoFactorEnabled: false } });
    delete secrets['mistet@koege.test'];
    await loggedIn('mistet@koege.test');
  });
});
