import {
  collectPageProblems,
  demoLogin,
  expectNoSeriousA11yViolations,
  fillIntakeAnswers,
  type LaunchedBrowser,
  launchBrowser,
  logIn,
  type Page,
  type Stack,
  screenshot,
  startStack,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The acceptance path of issue 4 in Odense (anonymous stance): intake → risk assessment routing to a
// group course → course from the Odense template → four enrolled → attendance for two sessions →
// a baseline form through a one-time link in another browser without login → the leader sees "done".

const intake = demoLogin('intake@odense.demo');
const risk = demoLogin('risk@odense.demo');
const lead = demoLogin('lead@odense.demo');
const leader = demoLogin('leader@odense.demo');
const leader2 = demoLogin('leader2@odense.demo');
const ALIAS = 'Ellen E2E';
const COURSE = 'E2E-hold efterår';

describe('group courses in headless Chromium', () => {
  let stack: Stack;
  let staff: LaunchedBrowser;
  let phone: LaunchedBrowser;
  let page: Page;
  let problems: string[];
  let formLink = '';

  beforeAll(async () => {
    [stack, staff, phone] = await Promise.all([
      startStack({ name: 'courses' }),
      launchBrowser(),
      launchBrowser(),
    ]);
    page = await staff.newPage();
    problems = collectPageProblems(page);
  });

  afterAll(async () => {
    await staff?.close();
    await phone?.close();
    await stack?.stop();
  });

  async function loginAs(who: { email: string; password: string; displayName: string }, path: string) {
    await page.goto(`${stack.baseUrl}/group-course/${path}`);
    // Wait until the shell knows whether someone is logged in (login form or logout button).
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

  it('registers a person with the registration form, keeping only an alias in an anonymous organisation', async () => {
    await loginAs(intake, 'intake');
    await page.getByRole('heading', { level: 1, name: 'Visitation' }).waitFor();
    await page.getByText('Organisationen arbejder anonymt').waitFor();
    // Anonymous stance: there is no field for a full name or a case number.
    expect(await page.getByLabel('Fulde navn').count()).toBe(0);
    await page.getByLabel('Kaldenavn eller fornavn').fill(ALIAS);
    await page.getByLabel('Telefon (til planlægning)').fill('20 30 40 50');

    // Sending an incomplete form names the missing answers at their questions.
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    await page
      .getByRole('group', { name: /Hvad er borgerens køn\?/ })
      .getByText('Feltet skal udfyldes.')
      .waitFor();

    await fillIntakeAnswers(page, { age: '38', ongoing: 'PSYCHOLOGICAL' });
    await expectNoSeriousA11yViolations(page, 'group-course: intake form');
    await page.getByRole('button', { name: 'Registrér borger' }).click();
    await page
      .getByRole('status')
      .getByText(/Borgeren er registreret som P-/)
      .waitFor();
    await screenshot(page, 'courses-intake');
  });

  it('records a risk assessment that routes the person to a group course, storing only the decision', async () => {
    await loginAs(risk, 'risk');
    await page.getByRole('heading', { level: 1, name: 'Risikovurdering' }).waitFor();
    await page.getByRole('button', { name: `Vurdér ${ALIAS}` }).click();
    await page.getByRole('heading', { name: `Risikovurdering af ${ALIAS}` }).waitFor();
    // Anonymous stance: neither risk level nor safety plan can be entered.
    expect(await page.getByLabel('Sikkerhedsplan').count()).toBe(0);
    await page
      .getByRole('group', { name: /borgeren henvises til/ })
      .getByRole('checkbox', { name: 'Gruppeforløb' })
      .check();
    await expectNoSeriousA11yViolations(page, 'group-course: risk assessment');
    await page.getByRole('button', { name: 'Gem risikovurdering' }).click();
    await page.getByText('Risikovurderingen er gemt.').waitFor();
    // The decision put the person on the waiting list; assessors see it but do not enrol.
    await page.getByRole('link', { name: 'Venteliste' }).click();
    await page.getByRole('row').filter({ hasText: ALIAS }).waitFor();
    expect(await page.getByRole('button', { name: /Tilmeld/ }).count()).toBe(0);
  });

  it('creates a course from the Odense template with two leaders', async () => {
    await loginAs(lead, 'courses');
    await page.getByRole('heading', { level: 1, name: 'Forløb' }).waitFor();
    await page.getByLabel('Navn på forløbet').fill(COURSE);
    await page.getByLabel('Mødested').fill('Frivillighuset, lokale 2');
    await page.getByLabel('Modulplan', { exact: true }).selectOption({ label: 'Odense (skabelon)' });
    await page.getByLabel('Gang 1: Præsentation').waitFor();
    await page.getByLabel('Gang 10: Afslutning').waitFor();
    await page.getByLabel('Gruppeleder 1').selectOption({ label: leader.displayName });
    await page.getByLabel('Gruppeleder 2').selectOption({ label: leader2.displayName });
    await expectNoSeriousA11yViolations(page, 'group-course: create course');
    await page.getByRole('button', { name: 'Opret forløb', exact: true }).click();
    await page.getByRole('status').getByText(`Forløbet ${COURSE} er oprettet.`).waitFor();
    await page.getByRole('link', { name: COURSE }).waitFor();
  });

  it('enrols four people from the waiting list, longest wait flagged', async () => {
    await page.getByRole('link', { name: 'Venteliste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Venteliste' }).waitFor();
    await page.getByRole('table').getByText('Over grænsen').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'group-course: waiting list');
    await screenshot(page, 'courses-waiting-list');
    // Ellen first, then the three longest waits.
    const rows = page.getByRole('table').getByRole('row');
    const enrol = async (row: ReturnType<Page['getByRole']>) => {
      // The pseudonym (P-XXXXX) tells people with the same alias apart.
      const header = (await row.getByRole('rowheader').textContent()) ?? '';
      const pseudonym = /P-[A-Z0-9]{5}/.exec(header)?.[0] ?? header;
      const course = await row.getByRole('option', { name: new RegExp(COURSE) }).getAttribute('value');
      await row.getByRole('combobox').selectOption(course ?? '');
      await row.getByRole('button', { name: /Tilmeld/ }).click();
      // Enrolled people leave the waiting list.
      await expect.poll(() => rows.filter({ hasText: pseudonym }).count()).toBe(0);
      await page
        .getByRole('status')
        .getByText(/er tilmeldt .* med deltagerkode/)
        .waitFor();
    };
    await enrol(rows.filter({ hasText: ALIAS }));
    for (let i = 0; i < 3; i++) await enrol(rows.nth(1));
  });

  it('lets a leader record attendance for two sessions of the course they lead', async () => {
    await loginAs(leader, 'courses');
    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    const participants = page.getByRole('table').getByRole('rowheader');
    await expect.poll(() => participants.count()).toBe(4);
    for (const session of [1, 2]) {
      await page.getByLabel('Gang', { exact: true }).selectOption({ index: session - 1 });
      const boxes = page.getByRole('group', { name: new RegExp(`^${session}\\. `) }).getByRole('checkbox');
      await expect.poll(() => boxes.count()).toBe(4);
      for (let i = 0; i < 4; i++) if (i !== session) await boxes.nth(i).check();
      await page.getByRole('button', { name: 'Gem fremmøde' }).click();
      await page.getByRole('status').getByText(`Fremmødet for gang ${session} er gemt.`).waitFor();
    }
    const ellen = page.getByRole('row').filter({ hasText: ALIAS });
    await ellen.getByText('2/10').waitFor();
    await expectNoSeriousA11yViolations(page, 'group-course: course with attendance');
  });

  it('opens a one-time baseline link (QR code and address) for a participant', async () => {
    await page.getByRole('button', { name: `Åbn startskema for ${ALIAS}` }).click();
    await page.getByRole('heading', { name: `Link til startskema for ${ALIAS}` }).waitFor();
    await page.getByRole('img', { name: 'QR-kode med linket til skemaet' }).waitFor();
    formLink = (await page.getByTestId('form-link').textContent()) ?? '';
    expect(formLink).toMatch(/\/group-course\/form#t=[A-Za-z0-9_-]{43}$/);
    await page.getByRole('row').filter({ hasText: ALIAS }).getByText('Link åbent').first().waitFor();
    await screenshot(page, 'courses-form-link');
  });

  it('lets the participant answer on their own phone without logging in, once', async () => {
    const form = await phone.newPage();
    const formProblems = collectPageProblems(form);
    await form.setViewportSize({ width: 390, height: 844 });
    // A changed link is refused with a clear message.
    await form.goto(formLink.replace(/#t=(.)/, (_m, c: string) => `#t=${c === 'A' ? 'B' : 'A'}`));
    await form.getByRole('alert').getByText('Linket virker ikke').waitFor();
    await expectNoSeriousA11yViolations(form, 'participant: invalid link');

    await form.goto('about:blank');
    await form.goto(formLink);
    await form.getByRole('heading', { level: 1, name: /Baggrundsskema/ }).waitFor();
    await form.getByText('Hverken dine gruppeledere').waitFor();
    // The token is taken out of the address bar as soon as the page has read it.
    expect(form.url()).not.toContain('#t=');
    // The form is paged (issue 13): "Om dig" first, the INSPIRE-O questions on page 2.
    const nextPage = async (page: number) => {
      await form.getByRole('button', { name: 'Næste', exact: true }).click();
      await form.getByText(`Side ${page} af 5`, { exact: true }).waitFor();
    };
    await nextPage(2);
    const answers: Array<[RegExp, string]> = [
      [/^Jeg føler mig støttet af andre mennesker/, 'I nogen grad'],
      [/^Jeg har håb og drømme om fremtiden/, 'Lidt'],
      [/^Jeg har det godt med mig selv/, 'I nogen grad'],
      [/^Jeg gør ting, som betyder noget for mig/, 'En hel del'],
      [/^Jeg føler, jeg har kontrol over mit liv/, 'Lidt'],
    ];
    for (const [question, answer] of answers) {
      await form
        .getByRole('group', { name: question })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    await expectNoSeriousA11yViolations(form, 'participant: baseline form on a phone');
    await screenshot(form, 'courses-participant-form-phone');
    for (const page of [3, 4, 5]) await nextPage(page);
    await form.getByRole('button', { name: 'Send svar' }).click();
    await form.getByRole('heading', { name: 'Tak! Dine svar er modtaget.' }).waitFor();
    await expectNoSeriousA11yViolations(form, 'participant: thank you');

    // The same link a second time: already used, nothing more is stored.
    await form.goto('about:blank');
    await form.goto(formLink);
    await form.getByRole('alert').getByText('allerede sendt').waitFor();
    expect(formProblems.filter((p) => !/HTTP 200|favicon/.test(p) && !p.startsWith('console:'))).toEqual([]);
    await form.close();
  });

  it('shows the leader "done" but never the answers', async () => {
    await page.reload();
    const ellen = page.getByRole('row').filter({ hasText: ALIAS });
    await ellen.getByText('Udfyldt', { exact: true }).waitFor();
    await ellen.getByText('Ikke udfyldt', { exact: true }).waitFor(); // the end form
    await page.getByText('I kan kun se, om et skema er udfyldt, aldrig svarene.').waitFor();
    // Asked directly, the gateway has no way to give a leader the answers.
    const attempt = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ courses { enrolments { participantCode answers } } }' }),
      });
      return (await response.json()) as { data?: unknown; errors?: unknown[] };
    });
    expect(attempt.data ?? null).toBeNull();
    expect(attempt.errors?.length).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'group-course: course after the baseline form');
    await screenshot(page, 'courses-leader-sees-done');
    expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
  });
});
