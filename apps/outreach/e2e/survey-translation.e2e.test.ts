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

// Issue 14: the outreach lead rewords one of the survey page's own Polish sentences on the
// translation screen (reached from the navigation, which a worker does not have), and a phone set
// to Polish opens the survey link in Polish with the lead's wording. The worker's call that issues
// the link goes through the gateway's API (user-survey.e2e.test.ts covers the call screen), so this
// stack runs any operation (VI_TRUSTED_DOCUMENTS=0).

const worker = demoLogin('outreach@offerraadgivning.demo');
const lead = demoLogin('lead@offerraadgivning.demo');
const POLISH_TITLE = 'Ankieta o rozmowie z naszym zespołem';
const PATIENTLY = { timeout: 20_000 };

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

describe('the outreach lead’s wording reaches the survey page', () => {
  let stack: Stack;
  let staff: LaunchedBrowser;
  let phone: LaunchedBrowser;
  let surveyLink = '';

  beforeAll(async () => {
    [stack, staff, phone] = await Promise.all([
      startStack({ name: 'survey-translation', env: { VI_TRUSTED_DOCUMENTS: '0' } }),
      launchBrowser(),
      launchBrowser({ locale: 'pl-PL' }),
    ]);
  });

  afterAll(async () => {
    await staff?.close();
    await phone?.close();
    await stack?.stop();
  });

  it('a worker has no translation screen in the navigation; the call issues a survey link', async () => {
    const page = await staff.newPage();
    await page.goto(`${stack.baseUrl}/outreach/`);
    await logIn(page, worker.email, worker.password);
    // The navigation is drawn from the roles: the worker's own entry first, then the lead's is absent.
    await page.getByRole('link', { name: 'Opkaldskø', exact: true }).waitFor(PATIENTLY);
    expect(await page.getByRole('link', { name: 'Oversættelser', exact: true }).count()).toBe(0);
    const { claimNextCase } = (await graphql(page, 'mutation { claimNextCase { caseId } }')) as {
      claimNextCase: { caseId: string };
    };
    const { recordCallOutcome } = (await graphql(
      page,
      `mutation($id: ID!, $input: CallOutcomeInput!) {
        recordCallOutcome(caseId: $id, input: $input) { surveyLink { url } } }`,
      { id: claimNextCase.caseId, input: { outcome: 'WILL_CALL_SELF', surveyStatus: 'OFFERED_ACCEPTED' } },
    )) as { recordCallOutcome: { surveyLink: { url: string } | null } };
    const url = new URL(recordCallOutcome.surveyLink?.url ?? 'http://missing/');
    expect(url.hash).toMatch(/^#t=[A-Za-z0-9_-]{43}$/);
    // The gateway builds the link for its development address; this stack runs on a free port.
    surveyLink = `${stack.baseUrl}${url.pathname}${url.hash}`;
    await graphql(page, 'mutation { logout }');
    await page.close();
  });

  it('the lead replaces the survey page’s Polish title on the translation screen, axe clean', async () => {
    const page = await staff.newPage();
    const problems = collectPageProblems(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.baseUrl}/outreach/`);
    await logIn(page, lead.email, lead.password);
    await page.getByRole('link', { name: 'Oversættelser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Oversættelser til deltagerne' }).waitFor();
    await page.getByLabel('Sprog', { exact: true }).selectOption('pl');
    // Without a search the groups are closed: one is opened at a time.
    const group = page.locator('summary', { hasText: 'Spørgeskema om opkaldet: sidens egne tekster' });
    await group.click();
    const entry = page
      .getByRole('listitem')
      .filter({ has: page.getByText('survey.page.title', { exact: true }) });
    await entry.getByText('Spørgeskema om opkaldet', { exact: true }).waitFor();
    await entry.getByLabel('Jeres tekst').fill(POLISH_TITLE);
    await entry.getByRole('button', { name: 'Gem' }).click();
    await entry.getByText('Gemt. Deltagerne ser nu jeres tekst.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach translation screen');
    await screenshot(page, 'outreach-translation-screen');
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
  });

  it('a phone set to Polish opens the survey in Polish with the lead’s title', async () => {
    const form = await phone.newPage();
    await form.setViewportSize({ width: 390, height: 844 });
    await form.goto(surveyLink);
    await form.locator('.vi-app-name', { hasText: POLISH_TITLE }).waitFor(PATIENTLY);
    await expect.poll(() => form.title()).toBe(POLISH_TITLE);
    expect(await form.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expectNoSeriousA11yViolations(form, 'survey page in Polish with the lead’s title');
  });
});
