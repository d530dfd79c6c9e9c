import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  artifactsDir,
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

// Issue 8: one evaluator may see only so many different selections a day. With a limit of 2, the
// first view (all organisations) and one municipality use it up; a third selection is refused with
// the gateway's own message, and a selection already seen today still opens. On a 390 px phone.
const evaluator = demoLogin('evaluator@vive.demo');
const [FIRST, SECOND] = [...evaluator.organizations].sort((a, b) => a.localeCompare(b, 'da'));
const NARROW = { width: 390, height: 844 };
const artifactPath = async (name: string) => {
  await mkdir(artifactsDir, { recursive: true });
  return join(artifactsDir, name);
};

describe('evaluation dashboard at the daily limit, 390 px wide', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack({ name: 'evaluation-limit', env: { VI_EVALUATION_DAILY_LIMIT: '2' } }),
      launchBrowser(),
    ]);
    page = await browser.newPage();
    await page.setViewportSize(NARROW);
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // expect.poll gives up after 1 s by default; the embedded database can take longer for a new filter.
  const PATIENTLY = { timeout: 60_000 };
  const scope = () => page.getByTestId('evaluation-scope');
  const usage = () => page.getByTestId('evaluation-usage');
  const organisation = () => page.getByLabel('Organisation', { exact: true });
  const show = (name: string, button = 'Vis tal') =>
    organisation()
      .selectOption({ label: name })
      .then(() => page.getByRole('button', { name: button }).click());
  /** Nothing wider than the screen: wide tables scroll inside their own region. */
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  it('counts the selections used today beside the filters', async () => {
    expect(FIRST && SECOND).toBeTruthy();
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await logIn(page, evaluator.email, evaluator.password);
    await scope().waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await usage().textContent()) ?? '', PATIENTLY)
      .toMatch(/^1 af 2 udsnit brugt i dag\./);
    await show(FIRST as string);
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${FIRST}. Hele perioden.`);
    await expect
      .poll(async () => (await usage().textContent()) ?? '', PATIENTLY)
      .toMatch(/^2 af 2 udsnit brugt i dag\./);
    expect(await pageWidth()).toBeLessThanOrEqual(NARROW.width);
    await expectNoSeriousA11yViolations(page, 'evaluation: dashboard 390 px (da)');
  });

  it('fits the period control on the phone, each kind with its labelled inputs (choosing uses no selection)', async () => {
    const kind = page.getByLabel('Periodens længde');
    for (const [label, inputs] of [
      ['Måned', ['Måned']],
      ['Kvartal', ['År', 'Kvartal']],
      ['År', ['År']],
    ] as const) {
      await kind.selectOption({ label });
      for (const input of inputs) {
        const box = await page.getByLabel(input, { exact: true }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= NARROW.width).toBe(true);
      }
      expect(await pageWidth()).toBeLessThanOrEqual(NARROW.width);
    }
    await expectNoSeriousA11yViolations(page, 'evaluation: period control 390 px (da)');
    await page
      .locator('fieldset.ev-filter-period')
      .screenshot({ path: await artifactPath('evaluation-period-390.png') });
    await kind.selectOption({ label: 'Hele perioden' });
    expect((await usage().textContent()) ?? '').toMatch(/^2 af 2 udsnit brugt i dag\./);
  });

  it("refuses a new selection over today's limit with the gateway's message, beside the filters", async () => {
    await show(SECOND as string);
    const refusal = page.getByTestId('evaluation-limit');
    await refusal.waitFor({ timeout: 60_000 });
    expect(await refusal.getAttribute('role')).toBe('alert');
    await refusal.getByRole('heading', { name: 'Dagens grænse for udsnit er nået' }).waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('Du har i dag set 2 forskellige udsnit, som er grænsen pr. dag.');
    expect(text).not.toContain('Tallene kunne ikke hentes');
    expect((await usage().textContent()) ?? '').toMatch(/^2 af 2 udsnit brugt i dag\./);
    expect(await scope().count()).toBe(0);
    // The help is still there to explain why.
    await page.getByRole('heading', { level: 2, name: 'Sådan beskyttes tallene' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(NARROW.width);
    await expectNoSeriousA11yViolations(page, 'evaluation: daily limit reached 390 px (da)');
    await screenshot(page, 'evaluation-daily-limit-390');
  });

  it('still opens a selection already seen today', async () => {
    await show(FIRST as string);
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${FIRST}. Hele perioden.`);
    expect(await page.getByTestId('evaluation-limit').count()).toBe(0);
  });

  it('reads in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(async () => (await usage().textContent()) ?? '', PATIENTLY)
      .toMatch(/^2 of 2 selections used today\./);
    await page.getByRole('heading', { level: 2, name: 'How the figures are protected' }).waitFor();
    await show(SECOND as string, 'Show figures');
    const refusal = page.getByTestId('evaluation-limit');
    await refusal.getByRole('heading', { name: "Today's limit of selections is reached" }).waitFor({
      timeout: 60_000,
    });
    expect((await refusal.textContent()) ?? '').toContain('You have viewed 2 different selections today');
    await expectNoSeriousA11yViolations(page, 'evaluation: daily limit reached 390 px (en)');
    await page.getByRole('button', { name: 'Dansk' }).click();
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
