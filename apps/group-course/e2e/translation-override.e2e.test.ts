import {
  courseWithBaselineLink,
  demoLogin,
  documentWidths,
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

// Issue 14: the lead rewords a Polish text on the translation screen (390 px, axe clean, a missing
// placeholder refused at the field), and the participant page on a phone set to Polish starts in
// Polish and shows the lead's wording; a phone set to Arabic starts in Arabic, right to left.
//
// The course and the link are made through the gateway's API (courses.e2e.test.ts covers the
// staff screens), so this stack runs any operation (VI_TRUSTED_DOCUMENTS=0).

const lead = demoLogin('lead@odense.demo');
const COURSE = 'E2E-hold med polsk tekst';
const POLISH_NEXT = 'Dalej, proszę →';

/** The page does not scroll sideways: the document is exactly as wide as the viewport. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await documentWidths(page);
  expect({ where, scroll: widths.scroll }).toEqual({ where, scroll: widths.client });
}

describe('the lead’s wording reaches the participant page', () => {
  let run: StackWithBrowsers<'staff' | 'polishPhone' | 'arabicPhone'>;
  let formLink = '';

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'translation-override', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { staff: {}, polishPhone: { locale: 'pl-PL' }, arabicPhone: { locale: 'ar-EG' } },
    );
    const api = await run.browsers.staff.newPage();
    ({ formLink } = await courseWithBaselineLink(api, run.stack.baseUrl, lead, COURSE));
    await graphql(api, 'mutation { logout }').catch(() => undefined);
    await api.close();
  });

  afterAll(async () => {
    await run?.close();
  });

  it('the lead replaces a Polish text on the translation screen at 390 px, axe clean', async () => {
    const { page, problems } = await openOnPhone(run.browsers.staff, `${run.stack.baseUrl}/group-course/`);
    await logIn(page, lead.email, lead.password);
    await page.getByRole('link', { name: 'Oversættelser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oversættelser til deltagerne' }).waitFor();
    await page.getByLabel('Sprog', { exact: true }).selectOption('pl');
    await page.getByText(/af \d+ tekster/).waitFor();
    await expectNoSeriousA11yViolations(page, 'translation screen');

    // A text without the Danish text's placeholders is refused at the field, in Danish.
    await page.getByLabel('Søg i nøgler og tekster').fill('questionnaire.page');
    const pageEntry = page
      .getByRole('listitem')
      .filter({ has: page.getByText('questionnaire.page', { exact: true }) });
    await pageEntry.getByLabel('Jeres tekst').fill('Strona');
    await pageEntry.getByRole('button', { name: 'Gem' }).click();
    await pageEntry
      .getByText(/præcis de samme pladsholdere som den danske tekst: \{page\}, \{pages\}/)
      .waitFor();
    expect(await pageEntry.getByLabel('Jeres tekst').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Søg i nøgler og tekster').fill('questionnaire.next');
    const entry = page
      .getByRole('listitem')
      .filter({ has: page.getByText('questionnaire.next', { exact: true }) });
    await entry.getByText('Næste', { exact: true }).waitFor();
    await entry.getByLabel('Jeres tekst').fill(POLISH_NEXT);
    await entry.getByRole('button', { name: 'Gem' }).click();
    await entry.getByText('Gemt. Deltagerne ser nu jeres tekst.').waitFor();
    await entry.getByRole('button', { name: 'Brug den indbyggede tekst' }).waitFor();
    await expectNoSidewaysScroll(page, 'translation screen at 390 px');
    await expectNoSeriousA11yViolations(page, 'translation screen after saving');
    await screenshot(page, 'translation-screen-polish');

    // Arabic texts are edited right to left.
    await page.getByLabel('Sprog', { exact: true }).selectOption('ar');
    await expect.poll(() => entry.getByLabel('Jeres tekst').getAttribute('dir')).toBe('rtl');
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });

  it('a phone set to Polish opens the form in Polish with the lead’s text', async () => {
    const { page: form } = await openOnPhone(run.browsers.polishPhone, formLink);
    await form.getByRole('button', { name: POLISH_NEXT, exact: true }).waitFor();
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'pl',
      'ltr',
    ]);
    await screenshot(form, 'participant-polish-override');
  });

  it('a phone set to Arabic opens the form in Arabic, right to left', async () => {
    const { page: form } = await openOnPhone(run.browsers.arabicPhone, formLink);
    await form.getByRole('heading', { level: 1, name: 'استبيان البيانات الأساسية' }).waitFor();
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await expectNoSeriousA11yViolations(form, 'participant page on an Arabic phone');
  });
});
