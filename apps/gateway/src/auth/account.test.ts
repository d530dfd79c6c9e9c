import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { codeAt, nextCode } from '../testing/totp-codes.ts';
import { setLoginThrottleClock } from './login-throttle.ts';
import { hashSessionToken } from './session.ts';

const NEW_PASSWORD = 'grøn cykel ved åen i regn';
const CHANGE = `mutation($input: ChangePasswordInput!) {
  changePassword(input: $input) { id mustChangePassword } }`;
const START = `mutation($input: StartTwoFactorInput!) { startTwoFactorEnrolment(input: $input) { secret uri } }`;
const CONFIRM = 'mutation($code: String!) { confirmTwoFactor(code: $code) { twoFactorEnabled } }';
const DISABLE = 'mutation($code: String!) { disableTwoFactor(code: $code) { twoFactorEnabled } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id } }';

let organizationId: string;

/** The field errors of a VALIDATION response as [field, code] pairs. */
function fieldCodes(response: GraphQLResponse): string[][] {
  const fields = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
  }>;
  return fields.map((f) => [f.field, f.code]);
}

async function newUser(email: string) {
  return createUser({ email, memberships: [{ organizationId, role: 'OUTREACH_WORKER' }] });
}

async function loggedIn(email: string, password = TEST_PASSWORD): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(email, password);
  return browser;
}

async function passwordHashOf(email: string): Promise<string> {
  return (await prisma().user.findUniqueOrThrow({ where: { email } })).passwordHash;
}

// The login throttle counts every test's wrong answers (they all come from the same unknown test
// address): a day passes between tests, so each starts with drained buckets. Within a test the
// clock stands still, so its limits are exact.
let throttleNow = Date.UTC(2026, 10, 16, 9, 0, 0);
beforeEach(() => {
  throttleNow += 24 * 3_600_000;
  setLoginThrottleClock(() => throttleNow);
});
afterAll(() => setLoginThrottleClock(null));

beforeAll(async () => {
  const { openDatabase } = await import('../database.ts');
  await openDatabase();
  organizationId = (await createOrganization({ name: 'Køge Kommune', slug: 'koege' })).id;
});

describe('changePassword', () => {
  it('changes the password, keeps this session, ends the others and audits it', async () => {
    const user = await newUser('skift@koege.test');
    const here = await loggedIn('skift@koege.test');
    const elsewhere = await loggedIn('skift@koege.test');
    const elsewhereId = hashSessionToken(elsewhere.cookie ?? '');

    const response = await here.graphql(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ changePassword: { id: user.id, mustChangePassword: false } });

    expect(await verify(await passwordHashOf('skift@koege.test'), NEW_PASSWORD)).toBe(true);
    expect((await here.graphql('{ me { id } }')).body.data).toEqual({ me: { id: user.id } });
    expect((await elsewhere.graphql('{ me { id } }')).body.data).toEqual({ me: null });
    expect(await prisma().session.findUnique({ where: { id: elsewhereId } })).toBeNull();

    const audit = await prisma().auditEvent.findMany({ where: { entityId: user.id, action: 'UPDATE' } });
    expect(audit.map((row) => row.detail)).toEqual([{ change: 'PASSWORD_CHANGED' }]);
    expect(JSON.stringify(audit.map((row) => row.detail))).not.toContain(NEW_PASSWORD);

    const old = await new TestBrowser().graphql(LOGIN, {
      input: { email: 'skift@koege.test', password: TEST_PASSWORD },
    });
    expect(errorCodes(old)).toEqual(['INVALID_CREDENTIALS']);
    await loggedIn('skift@koege.test', NEW_PASSWORD);
  });

  it('refuses a wrong current password, names the field, keeps the old one and audits the refusal', async () => {
    const user = await newUser('forkert@koege.test');
    const browser = await loggedIn('forkert@koege.test');
    const before = await passwordHashOf('forkert@koege.test');
    const response = await browser.graphql(CHANGE, {
      input: { currentPassword: 'ikke-den-rigtige', newPassword: NEW_PASSWORD },
    });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    expect(fieldCodes(response)).toEqual([['currentPassword', 'WRONG_PASSWORD']]);
    const fields = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{ message: unknown }>;
    const message = fields[0]?.message;
    expect(message).toEqual({ da: 'Adgangskoden er forkert.', en: 'The password is wrong.' });
    expect(await passwordHashOf('forkert@koege.test')).toBe(before);
    const denied = await prisma().auditEvent.findFirst({ where: { entityId: user.id, action: 'DENIED' } });
    expect(denied?.detail).toEqual({ reason: 'WRONG_PASSWORD' });
  });

  it('refuses weak new passwords with the rule that failed, before checking the current one', async () => {
    await newUser('svag.bruger@koege.test');
    const browser = await loggedIn('svag.bruger@koege.test');
    const before = await passwordHashOf('svag.bruger@koege.test');
    const cases: Array<[string, string]> = [
      ['kort', 'PASSWORD_TOO_SHORT'],
      ['svag.bruger@koege.test', 'PASSWORD_CONTAINS_EMAIL'],
      ['Svag.Bruger2026!', 'PASSWORD_CONTAINS_EMAIL'],
      ['demo-adgang-2026', 'PASSWORD_TOO_COMMON'],
      [TEST_PASSWORD, 'PASSWORD_UNCHANGED'],
      ['', 'REQUIRED'],
    ];
    for (const [newPassword, code] of cases) {
      // A wrong current password too: the weak new one is refused without spending a check on it.
      const response = await browser.graphql(CHANGE, {
        input: { currentPassword: newPassword === TEST_PASSWORD ? TEST_PASSWORD : 'forkert', newPassword },
      });
      expect(errorCodes(response)).toEqual(['VALIDATION']);
      expect(fieldCodes(response)).toEqual([['newPassword', code]]);
    }
    expect(await passwordHashOf('svag.bruger@koege.test')).toBe(before);
    // Six refusals, none of them counted by the throttle: a right change still goes through.
    const ok = await browser.graphql(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.body.errors).toBeUndefined();
  });

  it('runs the current-password check through the login throttle', async () => {
    await newUser('gaetter@koege.test');
    const browser = await loggedIn('gaetter@koege.test');
    for (let i = 0; i < 5; i += 1) {
      const response = await browser.graphql(CHANGE, {
        input: { currentPassword: `gæt nummer ${i}`, newPassword: NEW_PASSWORD },
      });
      expect(fieldCodes(response)).toEqual([['currentPassword', 'WRONG_PASSWORD']]);
    }
    const refused = await browser.graphql(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The guesses count for the login form too.
    const login = await new TestBrowser().graphql(LOGIN, {
      input: { email: 'gaetter@koege.test', password: TEST_PASSWORD },
    });
    expect(errorCodes(login)).toEqual(['RATE_LIMITED']);
  });

  it('is for logged-in users only', async () => {
    const response = await new TestBrowser().graphql(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a temporary password', () => {
  it('opens only the account: no role counts until the user has chosen a password', async () => {
    const user = await newUser('temporary@koege.test');
    await prisma().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const browser = await loggedIn('temporary@koege.test');
    const queue = '{ callQueue(first: 1) { totalCount } }';
    const before = await browser.graphql(queue);
    expect(errorCodes(before)).toEqual(['FORBIDDEN']);
    const me = await browser.graphql<{ me: { mustChangePassword: boolean } }>(
      '{ me { mustChangePassword } }',
    );
    expect(me.body.data?.me.mustChangePassword).toBe(true);

    const changed = await browser.graphql(CHANGE, {
      input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.body.errors).toBeUndefined();
    const after = await browser.graphql(queue);
    expect(after.body.errors).toBeUndefined();
  });
});

describe('two-step login (TOTP)', () => {
  async function enrol(browser: TestBrowser): Promise<{ secret: string; uri: string }> {
    const response = await browser.graphql<{ startTwoFactorEnrolment: { secret: string; uri: string } }>(
      START,
      {
        input: { currentPassword: TEST_PASSWORD },
      },
    );
    expect(response.body.errors).toBeUndefined();
    const enrolment = response.body.data?.startTwoFactorEnrolment;
    if (!enrolment) throw new Error('no enrolment');
    return enrolment;
  }

  it('enrols with the password, confirms with a code, and ends the other sessions', async () => {
    const user = await newUser('totp@koege.test');
    const browser = await loggedIn('totp@koege.test');
    const other = await loggedIn('totp@koege.test');

    const wrongPassword = await browser.graphql(START, { input: { currentPassword: 'forkert' } });
    expect(fieldCodes(wrongPassword)).toEqual([['currentPassword', 'WRONG_PASSWORD']]);

    const { secret, uri } = await enrol(browser);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Voldsindsats:totp%40koege.test?issuer=Voldsindsats&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    // Not on before it is confirmed: the login still needs no code.
    expect((await browser.graphql('{ me { twoFactorEnabled } }')).body.data).toEqual({
      me: { twoFactorEnabled: false },
    });

    const wrong = await browser.graphql(CONFIRM, { code: '000000' });
    expect(fieldCodes(wrong)).toEqual([['code', 'WRONG_CODE']]);
    const confirmed = await browser.graphql(CONFIRM, { code: nextCode(secret) });
    expect(confirmed.body.data).toEqual({ confirmTwoFactor: { twoFactorEnabled: true } });
    expect((await other.graphql('{ me { id } }')).body.data).toEqual({ me: null });

    const changes = await prisma().auditEvent.findMany({
      where: { entityId: user.id, action: 'UPDATE' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((row) => row.detail)).toEqual([
      { change: 'TWO_FACTOR_ENROLMENT_STARTED' },
      { change: 'TWO_FACTOR_ENABLED' },
    ]);
    expect(JSON.stringify(changes.map((row) => row.detail))).not.toContain(secret);

    const again = await browser.graphql(START, { input: { currentPassword: TEST_PASSWORD } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('asks for the code at login, refuses a wrong or reused one and lets the right one in', async () => {
    const user = await newUser('kode@koege.test');
    const browser = await loggedIn('kode@koege.test');
    const { secret } = await enrol(browser);
    await browser.graphql(CONFIRM, { code: nextCode(secret) });

    const anonymous = new TestBrowser();
    const noCode = await anonymous.graphql(LOGIN, {
      input: { email: 'kode@koege.test', password: TEST_PASSWORD },
    });
    expect(errorCodes(noCode)).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(noCode.body.errors?.[0]?.extensions?.message).toEqual({
      da: 'Skriv den 6-cifrede kode fra din godkendelsesapp.',
      en: 'Enter the 6-digit code from your authenticator app.',
    });
    expect(anonymous.cookie).toBeNull();

    // A wrong password with a right code is still a wrong password.
    const wrongPassword = await anonymous.graphql(LOGIN, {
      input: { email: 'kode@koege.test', password: 'forkert', code: codeAt(secret, 0) },
    });
    expect(errorCodes(wrongPassword)).toEqual(['INVALID_CREDENTIALS']);

    const wrongCode = await anonymous.graphql(LOGIN, {
      input: { email: 'kode@koege.test', password: TEST_PASSWORD, code: '123456' },
    });
    expect(fieldCodes(wrongCode)).toEqual([['code', 'WRONG_CODE']]);
    expect(anonymous.cookie).toBeNull();
    const failed = await prisma().auditEvent.findFirst({
      where: { userId: user.id, action: 'LOGIN_FAILED', detail: { path: ['reason'], equals: 'WRONG_CODE' } },
    });
    expect(failed).not.toBeNull();

    const code = nextCode(secret);
    const ok = await anonymous.graphql(LOGIN, {
      input: { email: 'kode@koege.test', password: TEST_PASSWORD, code },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(anonymous.cookie).not.toBeNull();

    // The same code a second time (read over a shoulder, replayed from a log) is refused.
    const replay = await new TestBrowser().graphql(LOGIN, {
      input: { email: 'kode@koege.test', password: TEST_PASSWORD, code },
    });
    expect(fieldCodes(replay)).toEqual([['code', 'WRONG_CODE']]);
  });

  it('counts wrong codes against the login throttle', async () => {
    await newUser('gaet.kode@koege.test');
    const browser = await loggedIn('gaet.kode@koege.test');
    const { secret } = await enrol(browser);
    await browser.graphql(CONFIRM, { code: nextCode(secret) });
    const attacker = new TestBrowser();
    for (let i = 0; i < 5; i += 1) {
      const response = await attacker.graphql(LOGIN, {
        input: { email: 'gaet.kode@koege.test', password: TEST_PASSWORD, code: String(100000 + i) },
      });
      expect(fieldCodes(response)).toEqual([['code', 'WRONG_CODE']]);
    }
    const refused = await attacker.graphql(LOGIN, {
      input: { email: 'gaet.kode@koege.test', password: TEST_PASSWORD, code: nextCode(secret) },
    });
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
  });

  it('turns off only with a right code', async () => {
    await newUser('fra@koege.test');
    const browser = await loggedIn('fra@koege.test');
    const notOn = await browser.graphql(DISABLE, { code: '123456' });
    expect(errorCodes(notOn)).toEqual(['CONFLICT']);
    const { secret } = await enrol(browser);
    await browser.graphql(CONFIRM, { code: nextCode(secret) });

    const wrong = await browser.graphql(DISABLE, { code: '12345' });
    expect(fieldCodes(wrong)).toEqual([['code', 'WRONG_CODE']]);
    const off = await browser.graphql(DISABLE, { code: nextCode(secret) });
    expect(off.body.data).toEqual({ disableTwoFactor: { twoFactorEnabled: false } });
    const row = await prisma().user.findUniqueOrThrow({ where: { email: 'fra@koege.test' } });
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    await loggedIn('fra@koege.test');
  });

  it('confirms only a started enrolment, and only for logged-in users', async () => {
    await newUser('intet@koege.test');
    const browser = await loggedIn('intet@koege.test');
    expect(errorCodes(await browser.graphql(CONFIRM, { code: '123456' }))).toEqual(['CONFLICT']);
    for (const [query, variables] of [
      [START, { input: { currentPassword: TEST_PASSWORD } }],
      [CONFIRM, { code: '123456' }],
      [DISABLE, { code: '123456' }],
    ] as const) {
      expect(errorCodes(await new TestBrowser().graphql(query, variables))).toEqual(['UNAUTHENTICATED']);
    }
  });
});
