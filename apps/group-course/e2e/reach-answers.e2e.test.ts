import { labelOf, VIOLENCE_FORMS, VIOLENCE_STATUS } from '@vi/domain';
import {
  collectPageProblems,
  demoLogin,
  expectNoSeriousA11yViolations,
  type LaunchedBrowser,
  launchBrowser,
  logIn,
  type Stack,
  screenshot,
  startStack,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 14, who we reach: on a 390 px phone the intake coordinator registers a person and, in the
// collapsed "Hvem når vi? (valgfrit)" fieldset, records Arabic and that an interpreter was needed;
// axe finds nothing serious with it open. The answers are read back through the gateway as the
// coordinator (an ad-hoc query, so this stack runs any operation: VI_TRUSTED_DOCUMENTS=0; the
// intake screen itself uses only its built operations).

const intake = demoLogin('intake@odense.demo');
const ALIAS = 'Rana E2E';
const PATIENTLY = { timeout: 20_000 };

describe('who we reach on the intake form, in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack({ name: 'reach-intake', env: { VI_TRUSTED_DOCUMENTS: '0' } }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('registers a person with the language and the interpreter need, axe clean with the fieldset open', async () => {
    const page = await browser.newPage();
    const problems = collectPageProblems(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/group-course/intake`);
    await logIn(page, intake.email, intake.password);
    await page.getByRole('heading', { level: 1, name: 'Visitation' }).waitFor(PATIENTLY);
    await page.getByLabel('Kaldenavn eller fornavn').fill(ALIAS);
    await page
      .getByRole('group', { name: /Hvad er borgerens køn\?/ })
      .getByRole('radio', { name: 'Kvinde' })
      .check();
    await page.getByLabel(/Hvor gammel er borgeren\?/).fill('29');
    await page
      .getByRole('group', { name: /Hvor har borgeren hørt om tilbuddet\?/ })
      .getByRole('checkbox', { name: 'Politi' })
      .check();
    for (const form of VIOLENCE_FORMS) {
      const row = page.getByRole('group', { name: labelOf(VIOLENCE_FORMS, form.code, 'da'), exact: true });
      const status = form.code === 'PHYSICAL' ? 'ONGOING' : 'NOT_RELEVANT';
      await row.getByRole('radio', { name: labelOf(VIOLENCE_STATUS, status, 'da'), exact: true }).check();
    }

    const language = page.getByLabel('Foretrukket sprog');
    expect(await language.isVisible()).toBe(false);
    await page.getByText('Hvem når vi? (valgfrit)').click();
    await language.selectOption('ar');
    await page
      .getByRole('group', { name: 'Var der brug for tolk?' })
      .getByRole('radio', { name: 'Ja', exact: true })
      .check();
    await expectNoSeriousA11yViolations(page, 'group-course: intake form with who we reach open (390 px)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'group-course-reach-answers');

    await page.getByRole('button', { name: 'Registrér borger' }).click();
    await page
      .getByRole('status')
      .getByText(/Borgeren er registreret som P-/)
      .waitFor(PATIENTLY);
    // The form starts empty again for the next person, the fieldset's answers included.
    expect(await language.inputValue()).toBe('');

    const stored = await page.evaluate(async (alias) => {
      const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vi-csrf': '1', 'idempotency-key': key },
        body: JSON.stringify({
          query: '{ intakes { alias reach { preferredLanguage interpreterNeeded } } }',
        }),
      });
      const body = (await response.json()) as {
        data?: { intakes: Array<{ alias: string | null; reach: unknown }> };
        errors?: unknown[];
      };
      return { errors: body.errors ?? [], reach: body.data?.intakes.find((i) => i.alias === alias)?.reach };
    }, ALIAS);
    expect(stored).toEqual({ errors: [], reach: { preferredLanguage: 'ar', interpreterNeeded: 'YES' } });
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
