import { readFile } from 'node:fs/promises';
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

// Issue 3's acceptance walk: import a police list with good and bad rows, call two people,
// close the referral as a counsellor, and see it in the lead's view; axe on every screen.
const worker = demoLogin('outreach@offerraadgivning.demo');
const counsellor = demoLogin('counsellor@offerraadgivning.demo');
const lead = demoLogin('lead@offerraadgivning.demo');

/** dd-mm-yyyy, `days` before today in Denmark (how the police export writes dates). */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const iso = date.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

const CSV = [
  'Hændelsesdato;Hændelsestype;Rolle;Navn;Telefon;Alder;Køn;Motiv',
  `${daysAgo(3)};Vold;offer;Testperson Alfa;21 43 65 87;34;kvinde;`,
  `${daysAgo(4)};Trusler;vidne;Testperson Beta;+45 31425364;52;mand;`,
  `${daysAgo(3)};Hadforbrydelse;offer;Testperson Gamma;41526374;27;andet;Religion eller tro`,
  `${daysAgo(5)};Vold;pårørende;Testperson Uden Telefon;;61;kvinde;`,
  `${daysAgo(5)};Indbrud og tyveri;offer;Testperson Delta;51627384;45;mand;`,
  `31-02-2026;Ildspåsættelse;offer;Testperson Fejl;1234;40;kvinde;`,
  `${daysAgo(3)};Røveri;offer;Testperson Alfa;21436587;34;kvinde;`,
].join('\n');

const COUNT_LABELS = {
  identified: 'Identificeret',
  reached: 'Opnået kontakt',
  wantsCall: 'Ønsker at blive kontaktet',
  declined: 'Ønsker ikke at blive kontaktet',
  conversationHeld: 'Samtale gennemført',
} as const;
type Counts = Record<keyof typeof COUNT_LABELS, number>;

async function todayCounts(page: Page): Promise<Counts> {
  const table = page.getByRole('table', { name: 'Nøgletal i dag og denne måned' });
  await table.waitFor();
  const counts = {} as Counts;
  for (const [key, label] of Object.entries(COUNT_LABELS) as [keyof Counts, string][]) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    counts[key] = Number(await row.getByRole('cell').first().textContent());
  }
  return counts;
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
}

async function openScreen(page: Page, link: string, heading: string) {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('outreach from the police list to a counsellor’s call-back, in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  let baseline: Counts;
  let referredPseudonym = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'outreach-flow' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
    await page.goto(`${stack.baseUrl}/outreach/`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("the lead's overview and settings open and are accessible (baseline figures)", async () => {
    await logIn(page, lead.email, lead.password);
    await openScreen(page, 'Overblik', 'Overblik over den opsøgende indsats');
    baseline = await todayCounts(page);
    await expectNoSeriousA11yViolations(page, 'outreach: overview');
    await openScreen(page, 'Indstillinger', 'Indstillinger for den opsøgende indsats');
    await page.getByLabel('Dage efter hændelsen før der må ringes').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: settings');
    await logOut(page);
  });

  it('imports the police list: bad rows are explained before anything is stored', async () => {
    await logIn(page, worker.email, worker.password);
    await openScreen(page, 'Importér politiliste', 'Importér politiets hændelsesliste');
    await expectNoSeriousA11yViolations(page, 'outreach: import (empty)');
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'politiliste.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByText('Filen er læst: 7 rækker.').waitFor();
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Resultat af kontrollen' }).waitFor();

    const rejected = page.getByRole('table', { name: 'Afviste rækker' });
    const badRow = rejected
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '7', exact: true }) });
    await expect.poll(() => badRow.textContent()).toContain('Ukendt hændelsestype.');
    expect(await badRow.textContent()).toContain('Datoen kan ikke læses');
    expect(await badRow.textContent()).toContain('Telefonnummeret er ikke et gyldigt dansk nummer');
    const duplicate = rejected
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '8', exact: true }) });
    expect(await duplicate.textContent()).toContain('Samme person og hændelsesdato står tidligere i filen.');
    await expectNoSeriousA11yViolations(page, 'outreach: import preview');
    await screenshot(page, 'outreach-import-preview');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent de afviste rækker med begrundelse (CSV)' }).click(),
    ]);
    const rejectedCsv = await readFile((await download.path()) as string, 'utf8');
    expect(rejectedCsv).toContain('Årsag');
    expect(rejectedCsv).toContain('Ukendt hændelsestype.');
    expect(rejectedCsv.trim().split(/\r?\n/)).toHaveLength(3);

    await page.getByRole('button', { name: 'Importér 5 gyldige rækker' }).click();
    await page.getByText('5 rækker er importeret. 3 personer er sat i opkaldskøen.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: import done');
  });

  it('calls two people: one declines with a reason, one wants a call and consents', async () => {
    await openScreen(page, 'Opkaldskø', 'Opkaldskø');
    const queue = page.getByRole('table', { name: 'Personer i opkaldskøen' });
    await queue.waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: queue');

    // Opening a person claims them; putting them back releases the claim.
    await queue.getByRole('button', { name: /^Åbn / }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Opkald til / }).waitFor();
    await page.getByRole('button', { name: 'Læg personen tilbage i køen uden at ringe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opkaldskø' }).waitFor();
    await queue.waitFor();

    // First person: declines, no need.
    await queue.getByRole('button', { name: /^Åbn / }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Opkald til / }).waitFor();
    await page.getByRole('heading', { name: 'Manuskript' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: call');
    await screenshot(page, 'outreach-call');
    await page.getByLabel('Ønsker ikke at blive kontaktet').check();
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    // The domain's rule, checked in the browser: a reason and the survey are required.
    await page.getByText('Angiv hvorfor personen siger nej tak.').waitFor();
    await page.getByText('Angiv om brugerundersøgelsen blev tilbudt.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: call with errors');
    await page.getByLabel('Intet behov').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_DECLINED');
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Registreret: personen ønsker ikke at blive kontaktet.').waitFor();
    await page.getByRole('link', { name: 'Tilbage til køen' }).click();

    // Second person: wants a call; no consent first, then consent.
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Opkald til / });
    await heading.waitFor();
    referredPseudonym = ((await heading.textContent()) ?? '').replace('Opkald til ', '').trim();
    await page.getByLabel('Ønsker at blive kontaktet').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_ACCEPTED');
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Personen skal udtrykkeligt give samtykke', { exact: false }).first().waitFor();
    await page.getByLabel(/Personen har udtrykkeligt givet samtykke/).check();
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Henvisningen er sendt til offerrådgivernes pulje.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: call recorded');

    // "Not safe to talk" hides every reason field and shows the safe-contact guidance.
    await page.getByRole('link', { name: 'Tilbage til køen' }).click();
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    await page.getByRole('heading', { level: 1, name: /^Opkald til / }).waitFor();
    await page.getByLabel('Ikke sikkert at tale').check();
    await page.getByRole('heading', { name: 'Vejledning: sikker kontakt' }).waitFor();
    expect(await page.getByLabel('Brugerundersøgelsen').count()).toBe(0);
    expect(await page.getByText('Hvorfor siger personen nej tak?').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: not safe to talk');
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText(/Forsøget er registreret\. Næste forsøg tidligst/).waitFor();
    await logOut(page);
  });

  it('a counsellor takes the referral, sees the contact details and closes it as conversation held', async () => {
    await logIn(page, counsellor.email, counsellor.password);
    await openScreen(page, 'Henvisninger', 'Henvisninger til offerrådgivning');
    const waiting = page.getByRole('table', { name: 'Henvisninger der venter, den ældste først' });
    await waiting.waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: referrals');
    const row = waiting
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: referredPseudonym, exact: true }) });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('0');
    await row.getByRole('button', { name: `Tag ${referredPseudonym}` }).click();
    const form = page.getByRole('form', { name: `Resultat for ${referredPseudonym}` });
    await form.waitFor();
    // The phone number as people read it ("21 43 65 87"), on the referral's card above the form.
    const card = page.getByRole('article', { name: referredPseudonym });
    await expect.poll(() => card.textContent()).toMatch(/\d{2} \d{2} \d{2} \d{2}/);
    await expectNoSeriousA11yViolations(page, 'outreach: referral taken');
    await form.getByLabel('Samtale gennemført').check();
    await form.getByRole('button', { name: 'Afslut henvisningen' }).click();
    await page.getByText(`Henvisningen for ${referredPseudonym} er afsluttet.`).waitFor();
    await screenshot(page, 'outreach-referral-closed');
    await logOut(page);
  });

  it("the lead's view shows the new numbers", async () => {
    await logIn(page, lead.email, lead.password);
    await openScreen(page, 'Overblik', 'Overblik over den opsøgende indsats');
    const after = await todayCounts(page);
    expect(after).toEqual({
      // Imported today: 5 kept rows, minus the switched-off burglary row (outside the target group).
      identified: baseline.identified + 4,
      reached: baseline.reached + 2,
      wantsCall: baseline.wantsCall + 1,
      declined: baseline.declined + 1,
      conversationHeld: baseline.conversationHeld + 1,
    });
    await page.getByRole('table', { name: 'Efter hændelsestype' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach: overview after');
    await screenshot(page, 'outreach-overview');
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
