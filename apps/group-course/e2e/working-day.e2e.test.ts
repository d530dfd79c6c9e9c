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

// Issue 13, the group course's working day in Odense (anonymous stance): the intake form's error
// summary, the risk form that comes into view, a wrong decision ("no safety risk") corrected with a
// reason so the person is back on the waiting list, a leader's start screen and withdrawing a
// participant with a reason.

const intake = demoLogin('intake@odense.demo');
const risk = demoLogin('risk@odense.demo');
const leader = demoLogin('leader@odense.demo');
const ALIAS = 'Rikke Rettelse';
const NO_RISK = 'Ingen sikkerhedsrisiko og derfor ingen henvisning';

describe('a group-course working day in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'working-day' }), launchBrowser()]);
    page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    problems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function loginAs(who: { email: string; password: string; displayName: string }, path: string) {
    await page.goto(`${stack.baseUrl}/group-course/${path}`);
    await page
      .getByRole('button', { name: /^(Log ind|Log ud)$/ })
      .first()
      .waitFor();
    const logout = page.getByRole('button', { name: 'Log ud' });
    if (await logout.isVisible()) {
      await logout.click();
      await page.getByRole('button', { name: 'Log ind', exact: true }).waitFor();
      // Logging out leaves the app at its start, not on the last user's screen; the next user
      // opens the screen they came for.
      expect(page.url()).toBe(`${stack.baseUrl}/group-course/`);
      await page.goto(`${stack.baseUrl}/group-course/${path}`);
      await page.getByRole('button', { name: 'Log ind', exact: true }).waitFor();
    }
    await logIn(page, who.email, who.password);
    await page.getByText(`Logget ind som ${who.displayName}`).waitFor();
  }

  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const inViewport = (id: string) =>
    page.evaluate((target) => {
      const box = document.getElementById(target)?.getBoundingClientRect();
      return box !== undefined && box.top >= -2 && box.top < window.innerHeight;
    }, id);

  it('sums up the intake form’s problems at the top, each a link to its field', async () => {
    await loginAs(intake, 'intake');
    await page.getByRole('heading', { level: 1, name: 'Visitation' }).waitFor();
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Ret disse fejl' });
    await summary.waitFor();
    // Focus moves to the summary, which names each field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toBe('gc-error-summary');
    await summary.getByRole('link', { name: /^Kaldenavn eller fornavn: / }).waitFor();
    await summary.getByRole('link', { name: /^Hvad er borgerens køn\?: / }).waitFor();
    // A grid row is named by the question's first sentence and the row, not the whole two-sentence
    // question before each of the seven violence forms.
    await summary
      .getByRole('link', {
        name: 'Afkryds årsagerne til borgerens henvisning/henvendelse – Fysisk vold: Feltet skal udfyldes.',
      })
      .waitFor();
    expect(await summary.getByText(/For hver årsag/).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'group-course: intake error summary');
    await screenshot(page, 'working-day-intake-summary');
    await summary.getByRole('link', { name: /^Kaldenavn eller fornavn: / }).click();
    expect(await focusedId()).toBe('intake-alias');

    await page.getByLabel('Kaldenavn eller fornavn').fill(ALIAS);
    await page
      .getByRole('group', { name: /Hvad er borgerens køn\?/ })
      .getByRole('radio', { name: 'Kvinde' })
      .check();
    await page.getByLabel(/Hvor gammel er borgeren\?/).fill('44');
    await page
      .getByRole('group', { name: /Hvor har borgeren hørt om tilbuddet\?/ })
      .getByRole('checkbox', { name: 'Politi' })
      .check();
    // Staff wording: the examples speak of the person, not "you".
    await page.getByText('fx adgang til borgerens telefon').first().waitFor();
    const grid = page.getByRole('group', { name: /Afkryds årsagerne/ });
    const rows = grid.getByRole('group');
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await rows.nth(i).getByRole('radio', { name: 'Ikke relevant for borgeren' }).check();
    }
    await rows.nth(1).getByRole('radio', { name: 'Stadig aktuelt. Ikke ophørt' }).check();
    // On a wide screen each violence form is a row of the grid: its name and its answers side by side.
    const offsets = await rows.evaluateAll((els) =>
      els.map((el) => {
        const legend = el.querySelector('legend')?.getBoundingClientRect();
        const first = el.querySelector('input')?.getBoundingClientRect();
        return legend && first
          ? { dy: Math.abs(first.top - legend.top), dx: first.left - legend.left }
          : null;
      }),
    );
    for (const offset of offsets) {
      expect(offset?.dy).toBeLessThan(40);
      expect(offset?.dx).toBeGreaterThan(150);
    }
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    await page
      .getByRole('status')
      .getByText(/Borgeren er registreret som P-/)
      .waitFor();
  });

  it('brings the risk form into view, keeps the decision exclusive, and corrects a wrong decision with a reason', async () => {
    await loginAs(risk, 'risk');
    await page.getByRole('heading', { level: 1, name: 'Risikovurdering' }).waitFor();
    await page.getByRole('button', { name: `Vurdér ${ALIAS}` }).click();
    await page.getByRole('heading', { name: `Risikovurdering af ${ALIAS}` }).waitFor();
    await expect.poll(focusedId).toBe('risk-form-heading');
    await expect.poll(() => inViewport('risk-form-heading')).toBe(true);

    const routes = page.getByRole('group', { name: /borgeren henvises til/ }).first();
    await routes.getByRole('checkbox', { name: NO_RISK }).check();
    // "No safety risk" excludes a referral: the offers are disabled, with the reason beside them.
    expect(await routes.getByRole('checkbox', { name: 'Gruppeforløb' }).isDisabled()).toBe(true);
    await routes.getByText(/kan ikke kombineres med andre svar/).waitFor();
    await expectNoSeriousA11yViolations(page, 'group-course: risk form with an exclusive decision');
    await page.getByRole('button', { name: 'Gem risikovurdering' }).click();
    await page.getByText('Risikovurderingen er gemt.').waitFor();

    // The wrong decision took the person off the waiting list …
    await page.getByRole('link', { name: 'Venteliste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Venteliste' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').filter({ hasText: ALIAS }).count()).toBe(0);

    // … and the assessor corrects it from the recent decisions.
    await page.getByRole('link', { name: 'Risikovurdering' }).click();
    await page.getByRole('button', { name: `Ret beslutning for ${ALIAS}` }).click();
    await page.getByRole('heading', { name: `Ret beslutningen for ${ALIAS}` }).waitFor();
    await expect.poll(focusedId).toBe('risk-correct-heading');
    await expect.poll(() => inViewport('risk-correct-heading')).toBe(true);
    const correction = page.getByRole('form', { name: `Ret beslutningen for ${ALIAS}` });
    const correctedRoutes = correction.getByRole('group', { name: /borgeren henvises til/ });
    await correctedRoutes.getByRole('checkbox', { name: NO_RISK }).uncheck();
    await correctedRoutes.getByRole('checkbox', { name: 'Gruppeforløb' }).check();
    expect(await correctedRoutes.getByRole('checkbox', { name: NO_RISK }).isDisabled()).toBe(true);
    // Without a reason the correction is refused at the reason.
    await correction.getByRole('button', { name: 'Gem rettelse' }).click();
    await correction
      .getByRole('group', { name: 'Årsag til rettelsen' })
      .getByText('Feltet skal udfyldes.')
      .waitFor();
    await correction.getByRole('radio', { name: 'Forkert beslutning valgt ved en fejl' }).check();
    await expectNoSeriousA11yViolations(page, 'group-course: correcting a risk decision');
    await screenshot(page, 'working-day-risk-correction');
    await correction.getByRole('button', { name: 'Gem rettelse' }).click();
    await page.getByRole('status').getByText(`Beslutningen for ${ALIAS} er rettet.`).waitFor();
    const recent = page.getByRole('region', { name: 'Seneste beslutninger' });
    await recent.getByRole('listitem').filter({ hasText: ALIAS }).getByText('Gruppeforløb').waitFor();

    // Back on the waiting list.
    await page.getByRole('link', { name: 'Venteliste' }).click();
    await page.getByRole('row').filter({ hasText: ALIAS }).waitFor();
  });

  it('names the person and how overdue on every re-assessment button', async () => {
    await page.getByRole('link', { name: 'Risikovurdering' }).click();
    // The heading says what the list holds: overdue ones too (as on the home screen), not only "within 14 days".
    const due = page
      .getByRole('region', { name: 'Nye vurderinger, forfaldne eller inden for 14 dage' })
      .getByRole('button');
    await due.first().waitFor();
    const labels = await due.allTextContents();
    for (const label of labels) {
      expect(label).toMatch(
        /^Vurdér .*P-[A-Z0-9]+\).* igen – (forfalden siden|forfalder) \d\d\.\d\d\.\d{4}$/,
      );
    }
    expect(labels.some((label) => label.includes('forfalden siden'))).toBe(true);
  });

  it('starts a group leader at their courses and lets them withdraw a participant with a reason, also on a phone', async () => {
    await loginAs(leader, '');
    await page.getByRole('heading', { level: 1, name: /Velkommen/ }).waitFor();
    const courses = page.getByRole('region', { name: 'Forløb med næste gang' });
    const running = courses.getByRole('listitem').filter({ hasText: 'Næste gang:' }).first();
    await running.waitFor();
    expect(await page.getByText('Her kommer').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'group-course: group leader start screen');
    await screenshot(page, 'working-day-leader-home');
    await running.getByRole('link').click();
    await page.getByRole('heading', { name: 'Udmeld en deltager' }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    const form = page.getByRole('form', { name: 'Udmeld en deltager' });
    await form.getByRole('button', { name: 'Udmeld deltager' }).click();
    await form.getByRole('group', { name: 'Årsag' }).getByText('Feltet skal udfyldes.').waitFor();
    const who = form.getByLabel('Deltager, der stopper');
    // The demo course has three participants called Birthe: every choice can be told apart.
    const choices = (await who.getByRole('option').allTextContents()).slice(1);
    expect(new Set(choices).size).toBe(choices.length);
    const name = ((await who.getByRole('option').nth(1).textContent()) ?? '').trim();
    await who.selectOption({ label: name });
    await form.getByRole('radio', { name: 'Sikkerhedshensyn' }).check();
    await expectNoSeriousA11yViolations(page, 'group-course: withdraw a participant on a phone');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
    await screenshot(page, 'working-day-withdraw-phone');
    await form.getByRole('button', { name: 'Udmeld deltager' }).click();
    await page.getByRole('status').getByText(`${name} er udmeldt af forløbet.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText(/Udmeldt \d\d\.\d\d\.\d{4}: Sikkerhedshensyn/).waitFor();
    // A withdrawn participant is offered no form link and cannot be withdrawn twice.
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await who.getByRole('option', { name, exact: true }).count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
  });
});
