import {
  collectPageProblems,
  demoLogin,
  expectNoSeriousA11yViolations,
  type LaunchedBrowser,
  launchBrowser,
  type Page,
  type Stack,
  screenshot,
  startStack,
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

type GraphqlAnswer = { data?: Record<string, unknown>; errors?: Array<{ message: string }> };

async function graphql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vi-csrf': '1', 'idempotency-key': key },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlAnswer;
    },
    { query, variables },
  );
  if (answer.errors?.length) throw new Error(`GraphQL: ${answer.errors.map((e) => e.message).join('; ')}`);
  return answer.data ?? {};
}

/** Whole days from today as YYYY-MM-DD (the course starts next week, so nothing has happened yet). */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The page does not scroll sideways: the document is exactly as wide as the phone's viewport. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    // What sticks out, to make a failure readable.
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  expect({ where, scroll: widths.scroll, wide: widths.wide }).toEqual({
    where,
    scroll: widths.client,
    wide: [],
  });
}

describe('the participant form in Arabic on a phone', () => {
  let stack: Stack;
  let staff: LaunchedBrowser;
  let phone: LaunchedBrowser;
  let api: Page;
  let formLink = '';

  beforeAll(async () => {
    [stack, staff, phone] = await Promise.all([
      startStack({ name: 'participant-arabic', env: { VI_TRUSTED_DOCUMENTS: '0' } }),
      launchBrowser(),
      launchBrowser(),
    ]);
    api = await staff.newPage();
    await api.goto(`${stack.baseUrl}/group-course/`);
    await graphql(api, 'mutation($input: LoginInput!) { login(input: $input) { id } }', {
      input: { email: lead.email, password: lead.password },
    });
    const setup = (await graphql(
      api,
      '{ groupLeaders { userId } modulePlans { id isTemplate } waitingList { personId } }',
    )) as {
      groupLeaders: Array<{ userId: string }>;
      modulePlans: Array<{ id: string; isTemplate: boolean }>;
      waitingList: Array<{ personId: string }>;
    };
    const plan = setup.modulePlans.find((p) => p.isTemplate) ?? setup.modulePlans[0];
    const person = setup.waitingList[0];
    if (!plan || !person) throw new Error('the demo seed has no module plan or nobody on the waiting list');
    const created = (await graphql(
      api,
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }',
      {
        input: {
          name: COURSE,
          venue: 'Frivillighuset',
          modulePlanId: plan.id,
          leaderIds: setup.groupLeaders.slice(0, 2).map((l) => l.userId),
          sessionDates: Array.from({ length: 10 }, (_, i) => dayFromToday(7 + 7 * i)),
        },
      },
    )) as { createCourse: { course: { id: string } } };
    const enrolled = (await graphql(
      api,
      'mutation($c: ID!, $p: ID!) { enrolParticipant(courseId: $c, personId: $p) { enrolment { id } } }',
      { c: created.createCourse.course.id, p: person.personId },
    )) as { enrolParticipant: { enrolment: { id: string } } };
    // The lead words one Arabic text differently: the page shows the organisation's override.
    await graphql(
      api,
      'mutation($input: TranslationOverrideInput!) { saveTranslationOverride(input: $input) { key } }',
      {
        input: { locale: 'ar', key: 'questionnaire.next', text: 'التالي ←' },
      },
    );
    const link = (await graphql(
      api,
      'mutation($e: ID!) { openParticipantForm(enrolmentId: $e, kind: BASELINE) { token } }',
      { e: enrolled.enrolParticipant.enrolment.id },
    )) as { openParticipantForm: { token: string } };
    formLink = `${stack.baseUrl}/group-course/form#t=${link.openParticipantForm.token}`;
  });

  afterAll(async () => {
    await staff?.close();
    await phone?.close();
    await stack?.stop();
  });

  it('is answered right to left at 390×844 with axe clean, and sent', async () => {
    const form = await phone.newPage();
    const problems = collectPageProblems(form);
    await form.setViewportSize({ width: 390, height: 844 });
    await form.goto(formLink);
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
