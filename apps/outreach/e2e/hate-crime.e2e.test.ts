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

// Issue 12's acceptance walk for hate-crime aftercare, at phone width (390 px): a hate-crime victim
// reached by the outreach call is assessed and referred, with consent, to both tracks at two other
// organisations; each closes its part; the sender sees statuses only. Axe on every new screen.
const worker = demoLogin('outreach@offerraadgivning.demo');
const adviser = demoLogin('adviser@raadgivning-had.demo');
const psychologist = demoLogin('psychologist@psykisk-sundhed.demo');
const lead = demoLogin('lead@offerraadgivning.demo');
const LEGAL_ORG = 'Rådgivning mod Had (demo)';
const PSYCH_ORG = 'Center for Psykisk Sundhed (demo)';
const VICTIM = 'Testperson Hadoffer';
const ALIAS = 'Gamma';

function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

const CSV = [
  'Hændelsesdato;Hændelsestype;Rolle;Navn;Telefon;Alder;Køn;Motiv',
  `${daysAgo(3)};Hadforbrydelse;offer;${VICTIM};42536475;31;mand;Religion eller tro`,
].join('\n');

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
}

async function openScreen(page: Page, link: string, heading: string) {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('hate-crime aftercare from the outreach call to two tracks elsewhere, in headless Chromium at 390 px', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  let pseudonym = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'hate-crime' }), launchBrowser()]);
    page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    pageProblems = collectPageProblems(page);
    await page.goto(`${stack.baseUrl}/outreach/`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the outreach worker reaches the victim, starts aftercare, assesses and refers with consent to both tracks', async () => {
    await logIn(page, worker.email, worker.password);
    await openScreen(page, 'Importér politiliste', 'Importér politiets hændelsesliste');
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'hadforbrydelse.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('button', { name: 'Importér 1 gyldige rækker' }).click();
    await page.getByText('1 rækker er importeret.', { exact: false }).waitFor();

    await openScreen(page, 'Opkaldskø', 'Opkaldskø');
    await page.getByLabel('Hændelsestype').selectOption('HATE_CRIME');
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Opkald til / });
    await heading.waitFor();
    await page.getByLabel('Ønsker at blive kontaktet').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_ACCEPTED');
    await page.getByLabel(/Personen har udtrykkeligt givet samtykke/).check();
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Henvisningen er sendt til offerrådgivernes pulje.').waitFor();

    await page.getByRole('link', { name: 'Start efterværn for hadforbrydelse' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Start efterværn for et offer for hadforbrydelse' })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: start from the call');
    await page.getByRole('button', { name: 'Start efterværn' }).click();
    const caseHeading = page.getByRole('heading', { level: 1, name: /^Efterværn for / });
    await caseHeading.waitFor();
    pseudonym = ((await caseHeading.textContent()) ?? '').replace('Efterværn for ', '').trim();
    await expectNoSeriousA11yViolations(page, 'hate crime: case, before the assessment');

    // The needs assessment: the survey's three categories.
    await page
      .getByRole('group', { name: 'Individuelle psykologsamtaler' })
      .getByLabel('Ja, helt sikkert')
      .check();
    await page
      .getByRole('group', { name: 'Juridisk/økonomisk rådgivning' })
      .getByLabel('Ja, helt sikkert')
      .check();
    await page.getByRole('group', { name: 'Gruppesamtaler' }).getByLabel('Nej').check();
    await page.getByRole('button', { name: 'Gem behovsvurderingen' }).click();
    await page.getByText('Behovsvurderingen er gemt.').waitFor();

    // Legal and financial track: without consent first (refused, typed), then with it.
    const legal = page.getByRole('form', { name: 'Henvis til Juridisk/økonomisk rådgivning' });
    await legal.waitFor();
    await legal.getByLabel('Modtagende organisation').selectOption({ label: LEGAL_ORG });
    await legal.getByLabel(/^Fornavn eller kaldenavn/).fill(ALIAS);
    await legal.getByLabel('Hvornår personen kan kontaktes').fill('Hverdage efter kl. 16');
    await legal.getByLabel(/^Telefonnummer/).fill('42536475');
    await legal.getByLabel('Ansøgning om erstatning').check();
    await legal.getByLabel('Anmeldelse af hændelsen og hjælp til at navigere i en straffesag').check();
    // The motive is not typed again: the police list's motive of the call's incident is pre-selected,
    // with a line saying where it comes from, and stays editable.
    const legalMotive = legal.getByLabel(/^Motiv/);
    await expect.poll(() => legalMotive.inputValue()).toBe('RELIGION');
    await legal
      .getByText(
        'Forudvalgt fra politiets liste over hændelsen (det opsøgende opkald): Religiøst motiverede (tro).',
        { exact: false },
      )
      .waitFor();
    await legal.getByRole('button', { name: 'Send henvisningen' }).click();
    await legal.getByText('Personen skal udtrykkeligt give samtykke', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: referral refused without consent');
    await legal.getByLabel(/Personen har netop givet udtrykkeligt samtykke/).check();
    await legal.getByRole('button', { name: 'Send henvisningen' }).click();

    const status = page.getByRole('table', { name: 'Status på henvisningerne' });
    await status.getByRole('row', { name: /Juridisk\/økonomisk rådgivning/ }).waitFor();

    // Psychological track: individual sessions, as the assessment decided.
    const psych = page.getByRole('form', { name: 'Henvis til Psykologisk støtte' });
    await psych.getByLabel('Modtagende organisation').selectOption({ label: PSYCH_ORG });
    await psych.getByLabel(/^Fornavn eller kaldenavn/).fill(ALIAS);
    expect(await psych.getByLabel('Individuelle samtaler').isChecked()).toBe(true);
    // The legal track's fields are not offered to this track.
    expect(await psych.getByLabel('Politiets journalnummer').count()).toBe(0);
    // Pre-selected here too; the person does not want it passed on to the psychologist: the worker
    // changes it to none, and the psychologist's card later shows no motive.
    const psychMotive = psych.getByLabel(/^Motiv/);
    await expect.poll(() => psychMotive.inputValue()).toBe('RELIGION');
    await psychMotive.selectOption({ label: 'Ingen' });
    expect(await psychMotive.inputValue()).toBe('');
    await psych.getByLabel(/Personen har netop givet udtrykkeligt samtykke/).check();
    await psych.getByRole('button', { name: 'Send henvisningen' }).click();
    await status.getByRole('row', { name: /Psykologisk støtte/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: case, both referrals sent');
    await screenshot(page, 'hate-crime-case-referred');

    await openScreen(page, 'Efterværn, hadforbrydelser', 'Efterværn for ofre for hadforbrydelser');
    await page.getByRole('table', { name: 'Åbne efterværnssager' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: cases');
    await logOut(page);
  });

  it('the legal adviser at another organisation sees only the hand-over, works the tasks and closes the referral', async () => {
    await logIn(page, adviser.email, adviser.password);
    // The adviser's start screen is the received referrals.
    await page
      .getByRole('heading', { level: 1, name: 'Juridisk/økonomisk rådgivning: modtagne henvisninger' })
      .waitFor();
    await openScreen(
      page,
      'Juridisk/økonomisk rådgivning',
      'Juridisk/økonomisk rådgivning: modtagne henvisninger',
    );
    const card = page.getByRole('article').filter({ hasText: ALIAS });
    await card.waitFor();
    // The demo's finished referrals are folded under their count; the new one is open above them.
    const finished = page.locator('details.or-finished');
    expect(await finished.locator('summary').textContent()).toMatch(/^Afsluttede henvisninger \(\d+\)$/);
    expect(await finished.getAttribute('open')).toBeNull();
    expect(await card.locator('xpath=ancestor::details').count()).toBe(0);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Religiøst motiverede (tro)');
    expect(text).toContain('Hverdage efter kl. 16');
    // The number as people read it, and a link that dials it (as on the counsellor's screen).
    const phone = card.getByRole('link', { name: '42 53 64 75' });
    expect(await phone.getAttribute('href')).toBe('tel:+4542536475');
    expect(text).not.toContain('+4542536475');
    expect(text).not.toContain(VICTIM);
    expect(text).not.toContain(pseudonym);
    await expectNoSeriousA11yViolations(page, 'hate crime: adviser, new referral');

    await card.getByLabel('Skift status til').selectOption({ label: 'Modtaget' });
    await card.getByRole('button', { name: 'Skift status' }).click();
    await card.getByRole('button', { name: 'Åbn opgaven' }).waitFor();
    await card.getByLabel('Opgave', { exact: true }).selectOption({ label: 'Ansøgning om erstatning' });
    await card.getByRole('button', { name: 'Åbn opgaven' }).click();
    await card.getByText('Ansøgning om erstatning: Åbnet').waitFor();
    const task = card.getByRole('form', { name: /^Gem opgavens status: Ansøgning om erstatning/ });
    await task.getByLabel('Ny status').selectOption({ label: 'Lukket' });
    await task.getByRole('button', { name: 'Gem opgavens status' }).click();
    await task.getByText('Vælg udfaldet, når opgaven lukkes.').waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: adviser, task without outcome');
    await task.getByLabel('Udfald').selectOption({ label: 'Bevilget helt eller delvist' });
    await task.getByRole('button', { name: 'Gem opgavens status' }).click();
    await card.getByText(/Ansøgning om erstatning: lukket .*Bevilget helt eller delvist/).waitFor();

    await card.getByLabel('Skift status til').selectOption({ label: 'Afsluttet' });
    await card.getByRole('button', { name: 'Skift status' }).click();
    await card.getByText('Afsluttet', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: adviser, closed');
    await screenshot(page, 'hate-crime-adviser');
    await logOut(page);
  });

  it('the psychologist at a third organisation counts sessions and closes the referral', async () => {
    await logIn(page, psychologist.email, psychologist.password);
    await page
      .getByRole('heading', { level: 1, name: 'Psykologisk støtte: modtagne henvisninger' })
      .waitFor();
    await openScreen(page, 'Psykologisk støtte', 'Psykologisk støtte: modtagne henvisninger');
    const card = page.getByRole('article').filter({ hasText: ALIAS });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).not.toContain(VICTIM);
    expect(text).not.toContain('Ansøgning om erstatning');
    expect(text).not.toContain('Religiøst motiverede');
    await expectNoSeriousA11yViolations(page, 'hate crime: psychologist, new referral');
    await card.getByLabel('Skift status til').selectOption({ label: 'Modtaget' });
    await card.getByRole('button', { name: 'Skift status' }).click();
    await card.getByLabel('Samtaler afholdt i alt').fill('3');
    await card.getByRole('button', { name: 'Gem antal samtaler' }).click();
    await card.getByText(/3 samtaler, seneste/).waitFor();
    await card.getByLabel('Skift status til').selectOption({ label: 'Afsluttet' });
    await card.getByRole('button', { name: 'Skift status' }).click();
    await card.getByText('Afsluttet', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: psychologist, closed');
    await logOut(page);
  });

  it('the sender sees both statuses and nothing of the content; the lead sees capacity and budget', async () => {
    await logIn(page, worker.email, worker.password);
    await openScreen(page, 'Efterværn, hadforbrydelser', 'Efterværn for ofre for hadforbrydelser');
    await page.getByRole('link', { name: `Åbn sagen for ${pseudonym}` }).click();
    const status = page.getByRole('table', { name: 'Status på henvisningerne' });
    await status.waitFor();
    await expect
      .poll(async () =>
        (await status.getByRole('row').allTextContents()).slice(1).map((r) => r.includes('Afsluttet')),
      )
      .toEqual([true, true]);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const content of ['Bevilget', 'samtaler, seneste', 'Ansøgning om erstatning: lukket']) {
      expect(body).not.toContain(content);
    }
    await expectNoSeriousA11yViolations(page, 'hate crime: sender, statuses');
    await screenshot(page, 'hate-crime-sender-statuses');
    // Both tracks are closed: the sender closes the case, which leaves the list of open cases.
    await page.getByRole('button', { name: 'Afslut sagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Efterværn for ofre for hadforbrydelser' }).waitFor();
    await page.getByText('Registrér en ny sag').waitFor();
    expect(await page.getByRole('link', { name: `Åbn sagen for ${pseudonym}` }).count()).toBe(0);
    await logOut(page);

    await logIn(page, lead.email, lead.password);
    await openScreen(
      page,
      'Efterværn: kapacitet og budget',
      'Efterværn for hadforbrydelser: kapacitet og budget',
    );
    await page.getByRole('table', { name: 'Henvisninger pr. spor i året' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'hate crime: lead');
    await logOut(page);
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
