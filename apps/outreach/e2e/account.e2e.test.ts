import { createHmac } from 'node:crypto';
import {
  collectPageProblems,
  demoLogin,
  expectNoSeriousA11yViolations,
  type LaunchedBrowser,
  launchBrowser,
  logIn,
  type Page,
  type Stack,
  screenshot,
  startStack,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PATIENTLY = { timeout: 20_000 };
const admin = demoLogin('admin@offerraadgivning.demo');
const NEW_PASSWORD = 'en lang sætning om kaffe og cykler';

/** RFC 6238 with the app's parameters (SHA-1, 6 digits, 30 s): the test plays the phone's authenticator app. */
function totp(base32Secret: string, timestamp: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32Secret.replace(/\s|=/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timestamp / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0xf;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

/** Logs out and waits for the fresh login form (the page is rebuilt; typing earlier would be lost). */
async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
}

describe('account and user management in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  let secret = '';
  let temporaryPassword = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'outreach-account' }), launchBrowser()]);
    page = await browser.newPage();
    // The size of a small phone: every step below must work there.
    await page.setViewportSize({ width: 390, height: 844 });
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('sends an administrator without two-step login from Brugere to Konto', async () => {
    await page.goto(`${stack.baseUrl}/outreach/`);
    await logIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Brugere', exact: true }).click();
    await expect
      .poll(
        () => page.getByRole('alert').filter({ hasText: 'totrinslogin' }).first().textContent(),
        PATIENTLY,
      )
      .toContain('Administratorer skal bruge totrinslogin');
    await page.getByRole('link', { name: 'Gå til Konto og slå totrinslogin til' }).click();
    await page.getByRole('heading', { name: 'Konto', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: account (da)');
  });

  it('turns on two-step login with the password, the QR key and a first code', async () => {
    await page.getByRole('button', { name: 'Slå totrinslogin til' }).click();
    await page.getByLabel('Bekræft med din adgangskode').fill(admin.password);
    await page.getByRole('button', { name: 'Slå totrinslogin til' }).click();
    await page.getByRole('img', { name: 'QR-kode til godkendelsesappen' }).waitFor();
    secret = (await page.locator('code.vi-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'outreach-account-two-factor-390');

    await page.getByLabel('Kode fra appen (6 cifre)').fill('000000');
    await page.getByRole('button', { name: 'Slå totrinslogin til' }).click();
    await page.getByText('Koden er forkert eller udløbet').waitFor();
    await page.getByLabel('Kode fra appen (6 cifre)').fill(totp(secret, Date.now()));
    await page.getByRole('button', { name: 'Slå totrinslogin til' }).click();
    await page.getByText('Totrinslogin er slået til. Du er logget ud alle andre steder.').waitFor();
  });

  it('creates a user and shows the temporary password once', async () => {
    await page.getByRole('link', { name: 'Brugere', exact: true }).click();
    await page.getByRole('heading', { name: 'Opret bruger' }).waitFor();
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.getByText('Ret de markerede felter.').or(page.getByText('Nogle felter')).first().waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill('nina.ny@offerraadgivning.demo');
    await page.getByLabel('Navn', { exact: true }).fill('Nina Ny');
    await page.getByRole('group', { name: 'Roller' }).getByLabel('Opsøgende medarbejder').check();
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.getByRole('heading', { name: 'Midlertidig adgangskode til Nina Ny' }).waitFor();
    temporaryPassword = (await page.locator('code.vi-secret').textContent()) ?? '';
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await page.getByRole('heading', { name: 'Nina Ny', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: users (da)');
    await screenshot(page, 'outreach-users-390');
    // No horizontal scrolling at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('makes the new user choose their own password before anything else', async () => {
    await logOut(page);
    await logIn(page, 'nina.ny@offerraadgivning.demo', temporaryPassword);
    await page.getByText('Du er logget ind med en midlertidig adgangskode').waitFor();
    await page.getByLabel('Nuværende adgangskode').fill(temporaryPassword);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('kort');
    await page.getByLabel('Gentag ny adgangskode').fill('kort');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page.getByText('Adgangskoden skal være mindst 12 tegn').waitFor();
    await page.getByLabel('Ny adgangskode', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Gentag ny adgangskode').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect
      .poll(() => page.getByText('Du er logget ind med en midlertidig adgangskode').count(), PATIENTLY)
      .toBe(0);
    await page.getByText('Logget ind som Nina Ny').waitFor();
  });

  it('asks the administrator for the code at the next login', async () => {
    await logOut(page);
    await logIn(page, admin.email, admin.password);
    await page.getByLabel('Kode fra godkendelsesappen').fill('123456');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByText('Koden er forkert eller udløbet').waitFor();
    // The next step's code: the first one was used up when two-step login was turned on.
    await page.getByLabel('Kode fra godkendelsesappen').fill(totp(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByText(`Logget ind som ${admin.displayName}`).waitFor();
    expect(pageProblems).toEqual([]);
  });
});
