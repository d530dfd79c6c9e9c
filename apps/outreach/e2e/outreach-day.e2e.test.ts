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

// Issue 13, the outreach worker's and counsellor's day: each role's start screen, "save and take
// next" with the earlier attempts in view (an earlier "not safe to talk" on the same number
// highlighted), the call screen at 1366x768 and 390 px, the counsellor's own call-back log, settings
// errors that name the range, the app that is not yours, and a session that ends under the user.
const worker = demoLogin('outreach@offerraadgivning.demo');
const counsellor = demoLogin('counsellor@offerraadgivning.demo');
const lead = demoLogin('lead@offerraadgivning.demo');
const evaluator = demoLogin('evaluator@vive.demo');

const PATIENTLY = { timeout: 20_000 };

/** dd-mm-yyyy, `days` before today in Denmark (how the police export writes dates). */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

// One woman's number on two stalking incidents, and one more person. With the lead's 60-day call
// window they are the oldest callable stalking cases, so the filtered queue serves them first
// (the demo's own cases have a 30-day window).
const CSV = [
  'Hændelsesdato;Hændelsestype;Rolle;Navn;Telefon;Alder;Køn;Motiv',
  `${daysAgo(45)};Tilhold og stalking;offer;Dagperson Alfa;21 87 43 65;34;kvinde;`,
  `${daysAgo(44)};Tilhold og stalking;offer;Dagperson Alfa;+45 21874365;34;kvinde;`,
  `${daysAgo(43)};Tilhold og stalking;vidne;Dagperson Beta;31 42 53 64;52;mand;`,
].join('\n');

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
  // The next person starts on their own home screen, not on the previous person's last screen.
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
}

async function openScreen(page: Page, link: string, heading: string) {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The page scrolls sideways when its content is wider than the window. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describe("the outreach worker's and counsellor's day, in headless Chromium", () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  /** The person who wants a counsellor's call (the same number's second incident). */
  let referred = '';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'outreach-day' }), launchBrowser()]);
    page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    pageProblems = collectPageProblems(page);
    await page.goto(`${stack.baseUrl}/outreach/`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the lead starts on the overview; a setting out of range says the allowed range', async () => {
    await logIn(page, lead.email, lead.password);
    await page.getByRole('heading', { level: 1, name: 'Overblik over den opsøgende indsats' }).waitFor();
    await openScreen(page, 'Indstillinger', 'Indstillinger for den opsøgende indsats');
    const windowDays = page.getByLabel('Dage personen kan ringes til derefter');
    await page.getByText('Mellem 1 og 365 dage.').waitFor();
    await windowDays.fill('400');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Værdien skal være et helt tal mellem 1 og 365 dage.').waitFor();
    expect(await windowDays.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'outreach: settings range error');
    await windowDays.fill('60');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Gemt.').waitFor();
    // On a phone the incident-type table fits: the settings page does not scroll sideways; the
    // overview's wide tables scroll in their own boxes.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsSideways(page)).toBe(false);
    await openScreen(page, 'Overblik', 'Overblik over den opsøgende indsats');
    expect(await overflowsSideways(page)).toBe(false);
    await expectNoSeriousA11yViolations(page, 'outreach: overview at 390 px');
    await page.setViewportSize({ width: 1366, height: 768 });
    await logOut(page);
  });

  it('the worker starts on the queue count with a button for the next call, and imports the list', async () => {
    await logIn(page, worker.email, worker.password);
    await page.getByRole('heading', { level: 1, name: `Velkommen, ${worker.displayName}` }).waitFor();
    await page.getByText(/\d+ personer kan ringes op nu\./).waitFor();
    await page.getByRole('button', { name: 'Tag næste person' }).waitFor();
    expect(await page.getByText('Her kommer').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: worker home');
    await screenshot(page, 'outreach-day-worker-home');

    await openScreen(page, 'Importér politiliste', 'Importér politiets hændelsesliste');
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'politiliste.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('button', { name: 'Importér 3 gyldige rækker' }).click();
    await page.getByText(/3 rækker er importeret\. 3 personer er sat i opkaldskøen\./).waitFor();
  });

  it('saves "not safe to talk" and takes the next call, which shows that attempt highlighted', async () => {
    await openScreen(page, 'Opkaldskø', 'Opkaldskø');
    await page.getByLabel('Hændelsestype', { exact: true }).selectOption({ label: 'Tilhold og stalking' });
    await page.getByRole('button', { name: 'Tag næste person' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Opkald til / });
    await heading.waitFor();
    const first = ((await heading.textContent()) ?? '').replace('Opkald til ', '').trim();
    // The clicked button is gone with the queue screen; focus is on the main landmark, not lost on <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), PATIENTLY).toBe('main');

    // The number as people read it, once; the result form in view at 1366x768 without scrolling.
    const contact = page.getByRole('region', { name: 'Kontakt' });
    await contact.getByRole('link', { name: '21 87 43 65' }).waitFor();
    expect(await contact.getByRole('link', { name: '21 87 43 65' }).getAttribute('href')).toBe(
      'tel:+4521874365',
    );
    expect(await page.getByText('+4521874365').count()).toBe(0);
    const firstAttempts = page.getByRole('region', { name: 'Tidligere forsøg' });
    await expect.poll(() => firstAttempts.textContent(), PATIENTLY).toContain('Ingen tidligere forsøg.');
    const saveAndNext = page.getByRole('button', { name: 'Gem og tag næste' });
    for (const control of [page.getByLabel('Ikke sikkert at tale'), saveAndNext]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(768);
      expect(box?.x ?? 0).toBeGreaterThanOrEqual(0);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: call screen 1366x768');
    await screenshot(page, 'outreach-day-call-1366');

    await page.getByLabel('Ikke sikkert at tale').check();
    await saveAndNext.click();
    await page.getByText(`Resultatet for ${first} er gemt. Her er den næste person.`).waitFor(PATIENTLY);
    const second = ((await heading.textContent()) ?? '').replace('Opkald til ', '').trim();
    expect(second).not.toBe(first);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), PATIENTLY).toBe('main');

    // The same number's other incident: the earlier "not safe to talk" is in the history, marked
    // in words and weight, with a warning above the list.
    const attempts = page.getByRole('region', { name: 'Tidligere forsøg' });
    await attempts.getByText(/Det var ikke sikkert at tale .*nævn ikke formålet/).waitFor();
    const unsafe = attempts.getByRole('listitem').filter({ hasText: 'Ikke sikkert at tale' });
    expect(await unsafe.count()).toBe(1);
    expect(await unsafe.getAttribute('class')).toContain('or-attempt--unsafe');
    expect(await unsafe.locator('strong').textContent()).toBe('Ikke sikkert at tale');
    expect(await unsafe.textContent()).toContain('en anden hændelse med samme nummer');
    await contact.getByRole('link', { name: '21 87 43 65' }).waitFor();
    // With the saved-call message, the warning and the history above, the form is still in view.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const next = await page.getByRole('button', { name: 'Gem og tag næste' }).boundingBox();
    expect((next?.y ?? 0) + (next?.height ?? 0)).toBeLessThanOrEqual(768);
    await expectNoSeriousA11yViolations(page, 'outreach: call with an earlier not-safe attempt');
    await screenshot(page, 'outreach-day-take-next');
  });

  it('works on a 390 px phone: one column, no sideways scrolling, the result form reachable', async () => {
    referred = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')
      .replace('Opkald til ', '')
      .trim();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Gem og tag næste' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    const contactBox = await page.getByRole('region', { name: 'Kontakt' }).boundingBox();
    const formBox = await page.getByRole('form', { name: 'Resultat af opkaldet' }).boundingBox();
    // Reading order on a phone: contact and attempts first, the result below them.
    expect((formBox?.y ?? 0) > (contactBox?.y ?? 0)).toBe(true);
    expect((formBox?.width ?? 999) <= 390).toBe(true);
    // This time she can talk, and wants a counsellor to call her back.
    await page.getByLabel('Ønsker at blive kontaktet').check();
    await page.getByLabel('Brugerundersøgelsen').selectOption('OFFERED_ACCEPTED');
    await page.getByLabel(/Personen har udtrykkeligt givet samtykke/).check();
    expect(await overflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Gem resultatet' }).click();
    await page.getByText('Henvisningen er sendt til offerrådgivernes pulje.').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await expectNoSeriousA11yViolations(page, 'outreach: call at 390 px');
    await screenshot(page, 'outreach-day-call-390');
    // The queue's nine columns scroll inside their own box, not the page.
    await openScreen(page, 'Opkaldskø', 'Opkaldskø');
    await page.getByRole('region', { name: 'Personer i opkaldskøen' }).getByRole('table').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await expectNoSeriousA11yViolations(page, 'outreach: queue at 390 px');
    await page.setViewportSize({ width: 1366, height: 768 });
    await logOut(page);
  });

  it('the counsellor starts on the referrals, logs a call-back and a note, and cannot pick "registreret som andet"', async () => {
    await logIn(page, counsellor.email, counsellor.password);
    await page.getByRole('heading', { level: 1, name: 'Henvisninger til offerrådgivning' }).waitFor();
    const waiting = page.getByRole('table', { name: 'Henvisninger der venter, den ældste først' });
    await waiting.waitFor(PATIENTLY);
    const pseudonym = referred;
    await waiting.getByRole('button', { name: `Tag ${pseudonym}` }).click();
    const card = page.getByRole('article', { name: pseudonym });
    await card.waitFor();
    // The number once, as people read it; the incident with its date.
    await expect.poll(() => card.textContent(), PATIENTLY).toMatch(/Ring til .+ på \d{2} \d{2} \d{2} \d{2}/);
    expect((await card.textContent())?.match(/\d{2} \d{2} \d{2} \d{2}/g)).toHaveLength(1);
    expect(await card.textContent()).not.toMatch(/\+45/);
    expect(await card.textContent()).toMatch(/hændelsen skete \d{2}\.\d{2}\.\d{4}/);

    const log = card.getByRole('form', { name: `Registrér et forsøg eller en note for ${pseudonym}` });
    await log.getByRole('button', { name: 'Gem forsøget' }).click();
    await log.getByText('Vælg hvad der skete.').waitFor();
    await log.getByLabel('Ikke truffet').check();
    await log.getByLabel(/^Note/).fill('Ringede kl. 10, ingen svarede. Prøver igen i morgen.');
    await log.getByRole('button', { name: 'Gem forsøget' }).click();
    await card.getByText('Ringede kl. 10, ingen svarede. Prøver igen i morgen.').waitFor(PATIENTLY);
    await card.getByText('Forsøget er gemt.').waitFor();

    const result = card.getByRole('form', { name: `Resultat for ${pseudonym}` });
    await result.getByLabel('Samtale gennemført').waitFor();
    expect(await result.getByLabel('Registreret som andet').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: referral with call-back log');
    await screenshot(page, 'outreach-day-referral');
    await result.getByLabel('Samtale gennemført').check();
    await result.getByRole('button', { name: 'Afslut henvisningen' }).click();
    await page.getByText(`Henvisningen for ${pseudonym} er afsluttet.`).waitFor();
    await logOut(page);
  });

  it('someone whose roles have no screen here is told which app to use', async () => {
    await logIn(page, evaluator.email, evaluator.password);
    await page.getByRole('heading', { level: 1, name: 'Denne app er ikke til din rolle' }).waitFor();
    const link = page.getByRole('main').getByRole('link', { name: 'Evaluering' });
    expect(await link.getAttribute('href')).toBe('/evaluation/');
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: not your app');
    await logOut(page);
  });

  it('a session that ends elsewhere returns to the login page with a message', async () => {
    await logIn(page, worker.email, worker.password);
    await page.getByRole('heading', { level: 1, name: `Velkommen, ${worker.displayName}` }).waitFor();
    // The same person logs out in another tab: this tab's session is gone on the server.
    const other = await page.context().newPage();
    await other.goto(`${stack.baseUrl}/outreach/`);
    await other.getByRole('button', { name: 'Log ud' }).click();
    await other.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
    await other.close();

    await page.getByRole('navigation').getByRole('link', { name: 'Opkaldskø' }).click();
    await page.getByText('Din session er udløbet – log ind igen.').waitFor(PATIENTLY);
    await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
    expect(await page.getByText(/Logget ind som/).count()).toBe(0);
    expect(await page.getByText('Du skal være logget ind').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach: session ended');
    await screenshot(page, 'outreach-day-session-ended');

    // Logging in again clears the message and opens the app.
    await logIn(page, worker.email, worker.password);
    await page.getByText(`Logget ind som ${worker.displayName}`).waitFor(PATIENTLY);
    expect(await page.getByText('Din session er udløbet – log ind igen.').count()).toBe(0);
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
