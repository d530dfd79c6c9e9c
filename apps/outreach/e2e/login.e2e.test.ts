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

// expect.poll gives up after 1 s by default; the embedded database answers one query at a time, so a
// screen's own queries can delay the shell's requests by seconds.
const PATIENTLY = { timeout: 20_000 };

const user = demoLogin('outreach@offerraadgivning.demo');
const organization = user.organizations[0] as string;

describe('outreach app in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'outreach' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('opens in Danish on the login form, and the form passes the accessibility scan', async () => {
    await page.goto(`${stack.baseUrl}/outreach/`);
    await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.title()).toBe('Opsøgende indsats');
    await expectNoSeriousA11yViolations(page, 'outreach: login');
  });

  it('refuses a wrong password with a Danish message and stays on the login form', async () => {
    await logIn(page, user.email, `${user.password}-forkert`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), PATIENTLY)
      .toBe('Forkert e-mail eller adgangskode.');
    expect(await page.getByLabel('Adgangskode', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'outreach-login-refused');
  });

  it("logs in and shows the user's name and organisation", async () => {
    await logIn(page, user.email, user.password);
    const account = page.getByRole('region', { name: 'Din konto' });
    await account.getByText(`Logget ind som ${user.displayName}`).waitFor();
    await account.getByText(organization, { exact: true }).waitFor();
    // One organisation only: there is nothing to switch to.
    expect(await page.getByLabel('Skift organisation').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: home (da)');
    await screenshot(page, 'outreach-home-da');
  });

  it('switches to English, keeps it after a reload, and is accessible in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByText(`Logged in as ${user.displayName}`).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Outreach');

    await page.reload();
    await page.getByText(`Logged in as ${user.displayName}`).waitFor();
    await page.getByText(organization, { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: home (en)');
    await screenshot(page, 'outreach-home-en');
  });

  it('logs out back to the login form, at the start screen rather than the last screen open', async () => {
    await page.goto(`${stack.baseUrl}/outreach/#/account`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
    expect(await page.getByText(`Logged in as ${user.displayName}`).count()).toBe(0);
    // The next person to log in here does not land on the last user's screen.
    expect(page.url()).toBe(`${stack.baseUrl}/outreach/`);
    await expectNoSeriousA11yViolations(page, 'outreach: login after logout (en)');
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
