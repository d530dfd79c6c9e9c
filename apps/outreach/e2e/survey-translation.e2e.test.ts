import {
  demoLogin,
  expectNoSeriousA11yViolations,
  graphqlInPage as graphql,
  logIn,
  openOnPhone,
  type StackWithBrowsers,
  screenshot,
  startStackWithBrowsers,
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

describe('the outreach lead’s wording reaches the survey page', () => {
  let run: StackWithBrowsers<'staff' | 'phone'>;
  let surveyLink = '';

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'survey-translation', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { staff: {}, phone: { locale: 'pl-PL' } },
    );
  });

  afterAll(async () => {
    await run?.close();
  });

  it('a worker has no translation screen in the navigation; the call issues a survey link', async () => {
    const page = await run.browsers.staff.newPage();
    await page.goto(`${run.stack.baseUrl}/outreach/`);
    await logIn(page, worker.email, worker.password);
    // The navigation is drawn from the roles: the worker's own entry first, then the lead's is absent.
    await page.getByRole('link', { name: 'Opkaldskø', exact: true }).waitFor(PATIENTLY);
    expect(await page.getByRole('link', { name: 'Oversættelser', exact: true }).count()).toBe(0);
    const { claimNextCase } = await graphql<{ claimNextCase: { caseId: string } }>(
      page,
      'mutation { claimNextCase { caseId } }',
    );
    const { recordCallOutcome } = await graphql<{
      recordCallOutcome: { surveyLink: { url: string } | null };
    }>(
      page,
      `mutation($id: ID!, $input: CallOutcomeInput!) {
        recordCallOutcome(caseId: $id, input: $input) { surveyLink { url } } }`,
      { id: claimNextCase.caseId, input: { outcome: 'WILL_CALL_SELF', surveyStatus: 'OFFERED_ACCEPTED' } },
    );
    const url = new URL(recordCallOutcome.surveyLink?.url ?? 'http://missing/');
    expect(url.hash).toMatch(/^#t=[A-Za-z0-9_-]{43}$/);
    // The gateway builds the link for its development address; this stack runs on a free port.
    surveyLink = `${run.stack.baseUrl}${url.pathname}${url.hash}`;
    await graphql(page, 'mutation { logout }');
    await page.close();
  });

  it('the lead replaces the survey page’s Polish title on the translation screen, axe clean', async () => {
    const { page, problems } = await openOnPhone(run.browsers.staff, `${run.stack.baseUrl}/outreach/`);
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
    const { page: form } = await openOnPhone(run.browsers.phone, surveyLink);
    await form.locator('.vi-app-name', { hasText: POLISH_TITLE }).waitFor(PATIENTLY);
    await expect.poll(() => form.title()).toBe(POLISH_TITLE);
    expect(await form.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expectNoSeriousA11yViolations(form, 'survey page in Polish with the lead’s title');
  });
});
