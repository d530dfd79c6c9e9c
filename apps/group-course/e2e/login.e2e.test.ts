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

const user = demoLogin('leader@odense.demo');
const organization = user.organizations[0] as string;

describe('group-course app in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'group-course' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('explains empty fields next to them without sending anything', async () => {
    await page.goto(`${stack.baseUrl}/group-course/`);
    expect(await page.title()).toBe('Gruppeforløb og efterværn');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const email = page.getByLabel('E-mail', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid'), PATIENTLY).toBe('true');
    // The reason is tied to the field, so a screen reader reads it with the label.
    const describedBy = await email.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Feltet skal udfyldes.');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), PATIENTLY)
      .toBe('email');
    await expectNoSeriousA11yViolations(page, 'group-course: login with field errors');
  });

  it("logs in and shows the user's name and organisation", async () => {
    await logIn(page, user.email, user.password);
    const account = page.getByRole('region', { name: 'Din konto' });
    await account.getByText(`Logget ind som ${user.displayName}`).waitFor();
    await account.getByText(organization, { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'group-course: home (da)');
    await screenshot(page, 'group-course-home-da');
  });

  it('switches to English and back to Danish', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(`Logged in as ${user.displayName}`).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'group-course: home (en)');
    await screenshot(page, 'group-course-home-en');

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
  });

  it('opens Konto (password and two-step login) from the navigation', async () => {
    await page.getByRole('link', { name: 'Konto', exact: true }).click();
    await page.getByRole('heading', { name: 'Konto', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Skift adgangskode' }).waitFor();
    await page.getByRole('heading', { name: 'Totrinslogin' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'group-course: account (da)');
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
