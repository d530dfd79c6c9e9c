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

// The evaluator has a membership in each demo organisation.
const user = demoLogin('evaluator@vive.demo');

describe('evaluation app in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'evaluation' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function activeOrganization(): Promise<string> {
    const account = page.getByRole('region', { name: /Din konto|Your account/ });
    return ((await account.locator('strong').textContent()) ?? '').trim();
  }

  it("logs in and shows the user's name and organisation", async () => {
    expect(user.organizations.length).toBeGreaterThan(1);
    await page.goto(`${stack.baseUrl}/evaluation/`);
    expect(await page.title()).toBe('Evaluering');
    await expectNoSeriousA11yViolations(page, 'evaluation: login');
    await logIn(page, user.email, user.password);
    await page.getByText(`Logget ind som ${user.displayName}`).waitFor();
    expect(user.organizations).toContain(await activeOrganization());
  });

  it('switches the active organisation', async () => {
    const before = await activeOrganization();
    const select = page.getByLabel('Skift organisation');
    const options = (await select.locator('option').allTextContents()).map((name) => name.trim());
    expect(options.sort()).toEqual([...user.organizations].sort());
    const target = user.organizations.find((name) => name !== before) as string;
    await select.selectOption({ label: target });
    await page.getByRole('button', { name: 'Skift', exact: true }).click();
    await expect.poll(activeOrganization, PATIENTLY).toBe(target);
    // After the switch the page starts over; focus lands on the main content, not on <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), PATIENTLY).toBe('main');
    await expectNoSeriousA11yViolations(page, 'evaluation: home (da)');
    await screenshot(page, 'evaluation-home-da');
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(`Logged in as ${user.displayName}`).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Switch organisation').waitFor();
    expect(await page.title()).toBe('Evaluation');
    await expectNoSeriousA11yViolations(page, 'evaluation: home (en)');
    await screenshot(page, 'evaluation-home-en');
  });

  it('opens Account (password and two-step login) from the navigation', async () => {
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation: account (en)');
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
