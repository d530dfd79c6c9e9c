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

// Issue 14: the lead rewords a Polish text on the translation screen (390 px, axe clean, a missing
// placeholder refused at the field), and the participant page on a phone set to Polish starts in
// Polish and shows the lead's wording; a phone set to Arabic starts in Arabic, right to left.
//
// The course and the link are made through the gateway's API (courses.e2e.test.ts covers the
// staff screens), so this stack runs any operation (VI_TRUSTED_DOCUMENTS=0).

const lead = demoLogin('lead@odense.demo');
const COURSE = 'E2E-hold med polsk tekst';
const POLISH_NEXT = 'Dalej, proszę →';

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

function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect({ where, scroll: widths.scroll }).toEqual({ where, scroll: widths.client });
}

describe('the lead’s wording reaches the participant page', () => {
  let stack: Stack;
  let staff: LaunchedBrowser;
  let polishPhone: LaunchedBrowser;
  let arabicPhone: LaunchedBrowser;
  let formLink = '';

  beforeAll(async () => {
    [stack, staff, polishPhone, arabicPhone] = await Promise.all([
      startStack({ name: 'translation-override', env: { VI_TRUSTED_DOCUMENTS: '0' } }),
      launchBrowser(),
      launchBrowser({ locale: 'pl-PL' }),
      launchBrowser({ locale: 'ar-EG' }),
    ]);
    const api = await staff.newPage();
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
    const link = (await graphql(
      api,
      'mutation($e: ID!) { openParticipantForm(enrolmentId: $e, kind: BASELINE) { token } }',
      { e: enrolled.enrolParticipant.enrolment.id },
    )) as { openParticipantForm: { token: string } };
    formLink = `${stack.baseUrl}/group-course/form#t=${link.openParticipantForm.token}`;
    await graphql(api, 'mutation { logout }').catch(() => undefined);
    await api.close();
  });

  afterAll(async () => {
    await staff?.close();
    await polishPhone?.close();
    await arabicPhone?.close();
    await stack?.stop();
  });

  it('the lead replaces a Polish text on the translation screen at 390 px, axe clean', async () => {
    const page = await staff.newPage();
    const problems = collectPageProblems(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/group-course/`);
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
    const form = await polishPhone.newPage();
    await form.setViewportSize({ width: 390, height: 844 });
    await form.goto(formLink);
    await form.getByRole('button', { name: POLISH_NEXT, exact: true }).waitFor();
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'pl',
      'ltr',
    ]);
    await screenshot(form, 'participant-polish-override');
  });

  it('a phone set to Arabic opens the form in Arabic, right to left', async () => {
    const form = await arabicPhone.newPage();
    await form.setViewportSize({ width: 390, height: 844 });
    await form.goto(formLink);
    await form.getByRole('heading', { level: 1, name: 'استبيان البيانات الأساسية' }).waitFor();
    expect(await form.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    await expectNoSeriousA11yViolations(form, 'participant page on an Arabic phone');
  });
});
