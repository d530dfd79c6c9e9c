import {
  courseWithBaselineLink,
  demoLogin,
  documentWidths,
  expectNoSeriousA11yViolations,
  graphqlInPage as graphql,
  openOnPhone,
  type Page,
  type StackWithBrowsers,
  screenshot,
  startStackWithBrowsers,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 14: the baseline form in Arabic, right to left, on a 390×844 phone: the participant picks
// العربية, the page turns rtl with lang="ar", every page fits the width, axe finds nothing serious,
// a problem is named in Arabic, and the answers are sent with the form's language.
//
// The course and the link are made through the gateway's API (the staff screens are covered by
// courses.e2e.test.ts), so this stack runs any operation (VI_TRUSTED_DOCUMENTS=0); the participant
// page itself uses only its built operations.

const lead = demoLogin('lead@odense.demo');
const COURSE = 'E2E-hold arabisk';

/** The page does not scroll sideways: the document is exactly as wide as the phone's viewport. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await documentWidths(page);
  expect({ where, scroll: widths.scroll, wide: widths.wide }).toEqual({
    where,
    scroll: widths.client,
    wide: [],
  });
}

describe('the participant form in Arabic on a phone', () => {
  let run: StackWithBrowsers<'staff' | 'phone'>;
  let formLink = '';

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'participant-arabic', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { staff: {}, phone: {} },
    );
    const api = await run.browsers.staff.newPage();
    ({ formLink } = await courseWithBaselineLink(api, run.stack.baseUrl, lead, COURSE));
    // The lead words one Arabic text differently: the page shows the organisation's override.
    await graphql(
      api,
      'mutation($input: TranslationOverrideInput!) { saveTranslationOverride(input: $input) { key } }',
      {
        input: { locale: 'ar', key: 'questionnaire.next', text: 'التالي ←' },
      },
    );
  });

  afterAll(async () => {
    await run?.close();
  });

  it('is answered right to left at 390×844 with axe clean, and sent', async () => {
    const { page: form, problems } = await openOnPhone(run.browsers.phone, formLink);
    await form.getByRole('heading', { level: 1, name: 'Baggrundsskema' }).waitFor();
    await form.getByLabel('Sprog').selectOption('ar');

    await form.getByRole('heading', { level: 1, name: 'استبيان البيانات الأساسية' }).waitFor();
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    const progress = form.locator('.vi-q-progress');
    const next = form.getByRole('button', { name: 'التالي ←', exact: true });
    await expect.poll(() => progress.textContent()).toBe('الصفحة 1 من 5');
    await expectNoSidewaysScroll(form, 'page 1 in Arabic');
    await expectNoSeriousA11yViolations(form, 'participant Arabic: page 1');
    await screenshot(form, 'participant-arabic-page-1');

    await form
      .getByRole('group', { name: /ما هو جنسك؟/ })
      .getByRole('radio', { name: 'امرأة' })
      .check();
    await form.getByLabel(/كم عمرك؟/).fill('12');
    await next.click();
    const summary = form.getByRole('alert').filter({ hasText: 'هناك مشكلة' });
    await summary.getByRole('link', { name: /كم عمرك؟/ }).waitFor();
    await expect.poll(() => summary.textContent()).toContain('يجب أن تكون القيمة بين 18 و110.');
    await expectNoSeriousA11yViolations(form, 'participant Arabic: error summary');
    await form.getByLabel(/كم عمرك؟/).fill('41');
    await next.click();

    for (let page = 2; page <= 5; page += 1) {
      await expect.poll(() => progress.textContent()).toBe(`الصفحة ${page} من 5`);
      await expectNoSidewaysScroll(form, `page ${page} in Arabic`);
      await expectNoSeriousA11yViolations(form, `participant Arabic: page ${page}`);
      if (page === 2) {
        await form
          .getByRole('group', { name: /^أشعر بأنني أتلقى الدعم من أشخاص آخرين/ })
          .getByRole('radio', { name: 'إلى حد ما', exact: true })
          .check();
      }
      if (page < 5) await next.click();
    }
    await form.getByRole('button', { name: 'إرسال الإجابات' }).click();
    await form.getByText('شكراً لك! لقد تم استلام إجاباتك.').waitFor();
    await expectNoSeriousA11yViolations(form, 'participant Arabic: thank you');
    await screenshot(form, 'participant-arabic-thanks');
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });
});
