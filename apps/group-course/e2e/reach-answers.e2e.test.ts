import {
  demoLogin,
  expectNoSeriousA11yViolations,
  fillIntakeAnswers,
  logIn,
  openOnPhone,
  postGraphql,
  type StackWithBrowsers,
  screenshot,
  startStackWithBrowsers,
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
  let run: StackWithBrowsers<'browser'>;

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'reach-intake', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { browser: {} },
    );
  });

  afterAll(async () => {
    await run?.close();
  });

  it('registers a person with the language and the interpreter need, axe clean with the fieldset open', async () => {
    const { page, problems } = await openOnPhone(
      run.browsers.browser,
      `${run.stack.baseUrl}/group-course/intake`,
    );
    await logIn(page, intake.email, intake.password);
    await page.getByRole('heading', { level: 1, name: 'Visitation' }).waitFor(PATIENTLY);
    await page.getByLabel('Kaldenavn eller fornavn').fill(ALIAS);
    await fillIntakeAnswers(page, { age: '29', ongoing: 'PHYSICAL' });

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

    const body = await postGraphql<{ intakes: Array<{ alias: string | null; reach: unknown }> }>(
      page,
      '{ intakes { alias reach { preferredLanguage interpreterNeeded } } }',
    );
    const stored = {
      errors: body.errors ?? [],
      reach: body.data?.intakes.find((i) => i.alias === ALIAS)?.reach,
    };
    expect(stored).toEqual({ errors: [], reach: { preferredLanguage: 'ar', interpreterNeeded: 'YES' } });
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
