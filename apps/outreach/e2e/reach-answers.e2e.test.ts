import {
  demoLogin,
  expectNoSeriousA11yViolations,
  graphqlInPage as graphql,
  logIn,
  openOnPhone,
  type Page,
  type StackWithBrowsers,
  screenshot,
  startStackWithBrowsers,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 14, who we reach: on a 390 px phone the outreach worker records a call's result and, in the
// collapsed "Hvem når vi? (valgfrit)" fieldset, the person's language (Arabic) and that an
// interpreter was needed; axe finds nothing serious with the fieldset open. The saved answers are
// then read back through the gateway as the same worker (an ad-hoc query, so this stack runs any
// operation: VI_TRUSTED_DOCUMENTS=0; the call screen itself uses only its built operations).

const worker = demoLogin('outreach@offerraadgivning.demo');
const PATIENTLY = { timeout: 20_000 };

/** The recorded answers of the person's outreach cases (those with any), the person found by pseudonym. */
async function reachOf(page: Page, pseudonym: string): Promise<unknown[]> {
  let after: string | null = null;
  for (;;) {
    const batch: { persons: Array<{ id: string; pseudonym: string }> } = await graphql(
      page,
      'query($after: ID) { persons(first: 200, after: $after) { id pseudonym } }',
      { after },
    );
    const found = batch.persons.find((p) => p.pseudonym === pseudonym);
    if (found) {
      const { person } = await graphql<{ person: { outreachCases: Array<{ reach: unknown }> } }>(
        page,
        'query($id: ID!) { person(id: $id) { outreachCases { reach { preferredLanguage interpreterNeeded } } } }',
        { id: found.id },
      );
      return person.outreachCases.map((c) => c.reach).filter((r) => r !== null);
    }
    if (batch.persons.length < 200) return [];
    after = batch.persons[batch.persons.length - 1]!.id;
  }
}

describe('who we reach on the call screen, in headless Chromium', () => {
  let run: StackWithBrowsers<'browser'>;

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'reach-answers', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { browser: {} },
    );
  });

  afterAll(async () => {
    await run?.close();
  });

  it('records the language and the interpreter need with the call, axe clean with the fieldset open', async () => {
    const { page, problems } = await openOnPhone(run.browsers.browser, `${run.stack.baseUrl}/outreach/`);
    await logIn(page, worker.email, worker.password);
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Opkald til / });
    await heading.waitFor(PATIENTLY);
    const pseudonym = ((await heading.textContent()) ?? '').replace('Opkald til ', '').trim();

    await page.getByLabel('Ønsker ikke at blive kontaktet').check();
    await page.getByLabel('Intet behov').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_DECLINED');
    // Collapsed by default: nobody is asked for the sake of the figures.
    const language = page.getByLabel('Foretrukket sprog');
    expect(await language.isVisible()).toBe(false);
    await page.getByText('Hvem når vi? (valgfrit)').click();
    await page.getByText('Udfyld kun det, samtalen allerede har fortalt.', { exact: false }).waitFor();
    await language.selectOption('ar');
    const interpreter = page.getByRole('group', { name: 'Var der brug for tolk?' });
    await interpreter.getByRole('radio', { name: 'Ja', exact: true }).check();
    // Every question offers "not recorded", which is where an untouched question stays.
    expect(
      await page
        .getByRole('group', { name: 'Er volden gensidig?' })
        .getByRole('radio', { name: 'Ikke angivet' })
        .isChecked(),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page, 'outreach: call screen with who we reach open (390 px)');
    // Fits the phone: nothing makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'outreach-reach-answers');

    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Registreret: personen ønsker ikke at blive kontaktet.').waitFor(PATIENTLY);
    expect(await reachOf(page, pseudonym)).toEqual([{ preferredLanguage: 'ar', interpreterNeeded: 'YES' }]);
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
