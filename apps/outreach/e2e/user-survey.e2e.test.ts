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

// Issue 14's acceptance: an outreach worker records a call with the user survey offered and
// accepted and is shown the one-time link once; the person's phone (390×844) opens it, switches
// to Arabic (the page turns rtl with lang="ar" and fits the width), answers, asks for a follow-up
// interview by phone and sends; the same link then says it has been used; the lead sees the
// follow-up task and marks it done; the evaluator sees the survey section with the response rate
// and the items' figures. axe finds nothing serious on any of it, the Arabic pages included.

const worker = demoLogin('outreach@offerraadgivning.demo');
const lead = demoLogin('lead@offerraadgivning.demo');
const evaluator = demoLogin('evaluator@vive.demo');

const PATIENTLY = { timeout: 20_000 };

/** The page does not scroll sideways, and nothing sticks out on either side (rtl overflows to the left). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    return {
      scroll: document.documentElement.scrollWidth,
      client,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.right > client + 0.5 || box.left < -0.5);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    };
  });
  expect({ where, scroll: widths.scroll, wide: widths.wide }).toEqual({
    where,
    scroll: widths.client,
    wide: [],
  });
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
}

describe('the outreach user survey from the call to the evaluation, in headless Chromium', () => {
  let stack: Stack;
  let staff: LaunchedBrowser;
  let phone: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  let phoneLink = '';

  beforeAll(async () => {
    [stack, staff, phone] = await Promise.all([
      startStack({ name: 'user-survey' }),
      launchBrowser(),
      launchBrowser(),
    ]);
    page = await staff.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    pageProblems = collectPageProblems(page);
    await page.goto(`${stack.baseUrl}/outreach/`);
  });

  afterAll(async () => {
    await staff?.close();
    await phone?.close();
    await stack?.stop();
  });

  it('the worker records "survey offered and accepted" and is shown the link once, with the SMS status', async () => {
    await logIn(page, worker.email, worker.password);
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    await page.getByRole('heading', { level: 1, name: /^Opkald til / }).waitFor(PATIENTLY);
    await page.getByLabel('Ønsker at blive kontaktet').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_ACCEPTED');
    await page.getByLabel(/Personen har udtrykkeligt givet samtykke/).check();
    await page.getByRole('button', { name: 'Gem og tag næste' }).click();

    const notice = page.getByRole('complementary', { name: 'Link til brugerundersøgelsen' });
    await notice.waitFor(PATIENTLY);
    // The development SMS provider writes to the log; a person without a mobile number gets none.
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Linket er sendt som sms til personens telefon\.|Der er ikke sendt nogen sms/);
    // "Gem og tag næste" stays on the link instead of losing it to the next person.
    await notice.getByText('Næste person er ikke hentet', { exact: false }).waitFor();
    const shown = (await page.getByTestId('survey-link-url').textContent()) ?? '';
    expect(shown).toMatch(/\/outreach\/survey\.html#t=[A-Za-z0-9_-]{43}$/);
    const token = shown.slice(shown.indexOf('#t=') + 3);
    const groups = (await notice.locator('.or-survey-link__groups').textContent()) ?? '';
    expect(groups.replaceAll(' ', '')).toBe(token);
    expect(groups.split(' ').every((group) => group.length <= 4)).toBe(true);
    await notice.getByRole('button', { name: 'Kopiér linket' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: survey link after the call');
    await screenshot(page, 'user-survey-link');

    // The gateway builds the link for its development address (localhost:4000); this stack runs
    // on a free port, so the phone opens the same page and fragment there.
    const url = new URL(shown);
    phoneLink = `${stack.baseUrl}${url.pathname}${url.hash}`;

    await logOut(page);
  });

  it('the phone opens the link, switches to Arabic (rtl, fits 390 px, axe clean), answers and sends', async () => {
    const form = await phone.newPage();
    const problems = collectPageProblems(form);
    await form.setViewportSize({ width: 390, height: 844 });
    await form.goto(phoneLink);
    await form.getByRole('heading', { level: 1 }).first().waitFor(PATIENTLY);
    // The token is read and taken out of the address bar.
    await expect.poll(() => form.evaluate(() => window.location.hash)).toBe('');
    const picker = form.getByLabel(/^(Sprog|Language)$/);
    // The nine languages, each in its own name.
    expect(await picker.locator('option').allTextContents()).toEqual([
      'Dansk',
      'English',
      'العربية',
      'Türkçe',
      'Soomaali',
      'اردو',
      'فارسی',
      'Polski',
      'Українська',
    ]);
    await picker.selectOption('ar');
    await form.getByRole('heading', { level: 1, name: 'كيف كانت المكالمة؟' }).waitFor(PATIENTLY);
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    const progress = form.locator('.vi-q-progress');
    const next = form.getByRole('button', { name: 'التالي', exact: true });
    await expect.poll(() => progress.textContent()).toBe('الصفحة 1 من 4');
    await expectNoSidewaysScroll(form, 'survey page 1 in Arabic');
    await expectNoSeriousA11yViolations(form, 'user survey Arabic: page 1');
    await screenshot(form, 'user-survey-arabic-page-1');

    await form
      .getByRole('group', { name: /كيف تقيّم المكالمة بشكل عام؟/ })
      .getByRole('radio', { name: 'إيجابية جداً', exact: true })
      .check();
    await form
      .getByRole('group', { name: /أظهر الموظف تعاطفاً ومواساة/ })
      .getByRole('radio', { name: 'موافق تماماً', exact: true })
      .check();
    await next.click();

    await expect.poll(() => progress.textContent()).toBe('الصفحة 2 من 4');
    await form
      .getByRole('group', { name: /كان عرض خدمة إرشاد الضحايا مناسباً لي/ })
      .getByRole('radio', { name: 'موافق', exact: true })
      .check();
    await expectNoSidewaysScroll(form, 'survey page 2 in Arabic');
    await next.click();

    await expect.poll(() => progress.textContent()).toBe('الصفحة 3 من 4');
    await form.getByRole('checkbox', { name: 'أن أحداً استمع إلي' }).check();
    await form.getByRole('checkbox', { name: 'التحدث مع شخص بلغتي' }).check();
    await expectNoSidewaysScroll(form, 'survey page 3 in Arabic');
    await expectNoSeriousA11yViolations(form, 'user survey Arabic: page 3');
    await next.click();

    // The follow-up interview: by phone, with a number that is not one; the problem is named in Arabic.
    await expect.poll(() => progress.textContent()).toBe('الصفحة 4 من 4');
    await form.getByRole('radio', { name: 'نعم، اتصلوا بي هاتفياً' }).check();
    const phoneField = form.getByLabel(/رقم هاتفك/);
    expect(await phoneField.getAttribute('dir')).toBe('ltr');
    await phoneField.fill('123');
    await form.getByRole('button', { name: 'إرسال الإجابات' }).click();
    const summary = form.getByRole('alert').filter({ hasText: 'هناك مشكلة' });
    await summary.getByRole('link', { name: /رقم هاتفك/ }).waitFor();
    await expect.poll(() => summary.textContent()).toContain('رقم الهاتف غير صالح.');
    await expectNoSidewaysScroll(form, 'survey page 4 with a problem, in Arabic');
    await expectNoSeriousA11yViolations(form, 'user survey Arabic: error summary');
    await screenshot(form, 'user-survey-arabic-error');
    await phoneField.fill('20 30 40 50');
    await form.getByRole('button', { name: 'إرسال الإجابات' }).click();

    await form.getByRole('heading', { name: 'شكراً لك! لقد تم استلام إجاباتك.' }).waitFor(PATIENTLY);
    await form.getByText('سيتواصل معك مدير المشروع بشأن مقابلة قصيرة بالطريقة التي اخترتها.').waitFor();
    await expectNoSidewaysScroll(form, 'thank-you page in Arabic');
    await expectNoSeriousA11yViolations(form, 'user survey Arabic: thank you');
    await screenshot(form, 'user-survey-arabic-thanks');

    // The link is single-use: opened again, it says so (in the language chosen before).
    const again = await phone.newPage();
    await again.setViewportSize({ width: 390, height: 844 });
    await again.goto(phoneLink);
    await again.getByText('تم إرسال الاستبيان بالفعل بهذا الرابط. شكراً على إجاباتك.').waitFor(PATIENTLY);
    await expectNoSeriousA11yViolations(again, 'user survey Arabic: used link');
    await again.close();
    expect(problems.filter((p) => !/favicon|status of 409|status of 404|status of 403/.test(p))).toEqual([]);
  });

  it('the lead sees the follow-up interview (channel and contact) and marks it done', async () => {
    await logIn(page, lead.email, lead.password);
    const section = page.getByRole('region', { name: 'Opfølgende interviews (brugerundersøgelsen)' });
    await section.waitFor(PATIENTLY);
    const task = section.getByRole('listitem').filter({ hasText: '+4520304050' });
    await task.waitFor(PATIENTLY);
    expect(await task.textContent()).toContain('Telefon');
    expect(await task.getByRole('link', { name: '+4520304050' }).getAttribute('href')).toBe(
      'tel:+4520304050',
    );
    await expectNoSeriousA11yViolations(page, 'outreach: lead follow-ups');
    await task.getByRole('button', { name: /^Markér som udført/ }).click();
    await section.getByText('Opgaven er markeret som udført, og kontakten er slettet.').waitFor(PATIENTLY);
    await expect.poll(() => section.getByText('+4520304050').count(), PATIENTLY).toBe(0);
    await logOut(page);
    expect(pageProblems).toEqual([]);
  });

  it('the evaluator sees the survey section: response rate with n, the items, the reasons against 367', async () => {
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await logIn(page, evaluator.email, evaluator.password);
    await page.getByRole('button', { name: 'Vis tal' }).click();
    const section = page.getByRole('region', { name: 'Brugerundersøgelse (opsøgende indsats)' });
    await section.waitFor(PATIENTLY);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Brugerundersøgelse (opsøgende indsats)' })
      .waitFor();

    const response = section.getByRole('table', { name: /^Svarprocent: links sendt, åbnet og besvaret/ });
    await response.waitFor(PATIENTLY);
    const row = async (table: typeof response, name: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
          .getByRole('cell')
          .allTextContents()
      ).map((text) => text.trim());
    // Here: one link, perturbed and shown as the disclosure method shows small counts; the report's figures.
    const sent = await row(response, 'Links sendt');
    expect(sent[0]).toMatch(/^(\d[\d.]*|under 5)$/);
    expect(sent[1]).toBe('1.090');
    expect((await row(response, 'Links besvaret'))[1]).toBe('487');
    expect((await row(response, 'Svarprocent (besvaret / sendt)'))[1]).toMatch(/^45\s%$/);
    expect((await row(response, 'Svar i perioden (n)'))[0]).toMatch(/^(\d[\d.]*|under 5)$/);

    const items = section.getByRole('table', {
      name: 'Positive svar pr. spørgsmål sammenlignet med rapporten',
    });
    expect((await row(items, 'Hvordan vil du samlet vurdere opkaldet?'))[4]).toMatch(/^98\s%$/);
    const rating = section.getByRole('table', { name: 'Fordeling: Hvordan vil du samlet vurdere opkaldet?' });
    // One response here: the distribution is withheld (under 5 answered), each answer shown as hidden.
    expect((await row(rating, 'Meget positivt'))[0]).toMatch(/^(\d+|under 5|skjult)$/);

    const reasons = section.getByRole('table', {
      name: 'Nåede personer, der ikke fik tilbudt undersøgelsen, efter årsag',
    });
    expect((await row(reasons, 'Kunne ikke tage den (sprog + teknik)'))[1]).toBe('367');
    const languages = section.getByRole('table', { name: 'Svar efter sprog' });
    await languages.getByRole('rowheader', { name: 'العربية (ar)' }).waitFor();
    await expect.poll(() => page.locator('figure[aria-busy="true"]').count(), PATIENTLY).toBe(0);
    await expectNoSeriousA11yViolations(page, 'evaluation: user survey section');
    await screenshot(page, 'user-survey-evaluation');
  });
});
