import {
  costInputsFromValues,
  GROUP_COURSE_COST_FIELDS,
  type GroupCourseCostInputs,
  groupCourseCosts,
} from '@vi/domain';
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

// Issue 13's evaluation part in a real headless Chromium: Odense's project lead enters the
// municipality's own cost inputs (a refused figure first, named in Danish and nothing saved; then a
// new hourly rate, which the history shows with its old and new value), and the evaluator sees the
// cost per completer change, divided by the completers the system counts; the dashboard switches
// Danish → English → Danish with the right headers each time, the paired-test table included; the
// figures are a skip link away and "Vis tal" a few Tabs. axe finds nothing serious on any of it.
const lead = demoLogin('lead@odense.demo');
const evaluator = demoLogin('evaluator@vive.demo');
const MUNICIPALITY = 'Odense Kommune';
const COST_ROW = `${MUNICIPALITY}: Ambulant gruppeforløb`;
// The demo seeds each organisation's inputs for the current (UTC) year.
const YEAR = new Date().getUTCFullYear();
const NEW_RATE = 600;
const PATIENTLY = { timeout: 60_000 };

/** Danish kroner as the dashboard writes them ("975.000 kr.", with a no-break space). */
const kroner = (amount: number) =>
  new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }).format(
    amount,
  );

// The paired-test table's headers, written out (not taken from the catalogue the screen uses).
const PAIRED_HEADERS = {
  da: [
    'Organisation',
    'Par (n)',
    'Gns. før',
    'Gns. efter',
    'SD af forskellen',
    'Forskel (efter − før)',
    '95 %-KI nedre',
    '95 %-KI øvre',
    't',
    'Frihedsgrader',
    'p',
    'Signifikans',
    'Andel steget 8 point eller mere',
    '95 %-KI nedre',
    '95 %-KI øvre',
    'Andel der krydsede 50',
    '95 %-KI nedre',
    '95 %-KI øvre',
  ],
  en: [
    'Organisation',
    'Pairs (n)',
    'Mean before',
    'Mean after',
    'SD of the difference',
    'Difference (after − before)',
    '95% CI lower',
    '95% CI upper',
    't',
    'Degrees of freedom',
    'p',
    'Significance',
    'Share up 8 points or more',
    '95% CI lower',
    '95% CI upper',
    'Share that crossed 50',
    '95% CI lower',
    '95% CI upper',
  ],
};
const PAIRED_TABLE = {
  da: 'Brief INSPIRE-O (personlig recovery): parret på deltagerkode',
  en: 'Brief INSPIRE-O (personal recovery): paired on participant code',
};
const COST_TABLE = { da: 'Omkostninger pr. organisation og indsats', en: 'Costs per organisation and model' };

describe('a working day in the evaluation app, in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];
  /** What the evaluator saw for Odense before the lead's change. */
  let before: { completers: number; perCompleter: string; yearly: string };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'evaluation-working-day' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const scope = () => page.getByTestId('evaluation-scope');
  const waitForFigures = () =>
    page
      .getByRole('status')
      .filter({ hasText: /Opdaterer|Updating/ })
      .waitFor({ state: 'detached' });

  async function logInAs(user: { email: string; password: string }) {
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await logIn(page, user.email, user.password);
  }

  /**
   * Lets the charts' lazily loaded code arrive first (a chart waiting for it is `aria-busy`):
   * navigating away mid-download would abort the request, which counts as a page problem.
   */
  const settle = () => expect.poll(() => page.locator('figure[aria-busy="true"]').count(), PATIENTLY).toBe(0);

  async function logOut() {
    await settle();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByLabel('E-mail', { exact: true }).waitFor(PATIENTLY);
  }

  async function showOdense() {
    await scope().waitFor(PATIENTLY);
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: MUNICIPALITY });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Hele perioden.`);
    await waitForFigures();
  }

  /** The cells of a table's row by header, as shown. */
  async function rowByHeader(tableName: string, rowName: string): Promise<Record<string, string>> {
    const table = page.getByRole('table', { name: tableName });
    await table.waitFor(PATIENTLY);
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: rowName }) });
    const cells = (await row.locator('th, td').allTextContents()).map((text) => text.trim());
    return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
  }

  async function headersOf(tableName: string): Promise<string[]> {
    const table = page.getByRole('table', { name: tableName });
    await table.waitFor(PATIENTLY);
    return (await table.locator('thead th').allTextContents()).map((text) => text.trim());
  }

  it("the evaluator reads Odense's cost per completer, divided by the counted completers", async () => {
    await logInAs(evaluator);
    await showOdense();
    const row = await rowByHeader(COST_TABLE.da, COST_ROW);
    const completers = Number(row['Gennemførte pr. år (n)']);
    // Odense's demo courses have a dozen completers: published (5 or more), so per completer is shown.
    expect(completers).toBeGreaterThanOrEqual(5);
    const yearly = row['Årlig drift'] ?? '';
    expect(yearly).toMatch(/kr\.$/);
    before = { completers, perCompleter: row['Pr. gennemfører (årlig drift ÷ gennemførte)'] ?? '', yearly };
    expect(before.perCompleter).toMatch(/kr\.$/);
    // The source is cited by its title, never by an internal name.
    const costs = page.locator('section#costs');
    expect((await costs.textContent()) ?? '').not.toMatch(/seed/i);
    expect((await costs.getByTestId('cost-source').first().textContent()) ?? '').toContain(
      'VIVE: Slutevaluering af den kommunale ambulante gruppeforløbsmodel, 2025',
    );
    await logOut();
  });

  it('the lead enters a bad figure: it is named in Danish, and nothing is saved', async () => {
    await logInAs(lead);
    await page.getByRole('link', { name: 'Omkostningstal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationens omkostningstal' }).waitFor(PATIENTLY);
    await page.getByLabel('År', { exact: true }).fill(String(YEAR));
    await page
      .getByRole('heading', { level: 2, name: `Tal for Ambulant gruppeforløb ${YEAR}` })
      .waitFor(PATIENTLY);
    // The seeded figures, entered against the current rule set; no change recorded yet.
    await page.getByText('Gemt efter regelsæt dk-2024-v1.').waitFor();
    await page.getByText('Ingen ændringer endnu.').waitFor();
    const rate = page.getByLabel(/^Effektiv timesats/);
    expect(await rate.inputValue()).toBe('430');

    await rate.fill('-5');
    await page.getByRole('button', { name: 'Gem tal' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Tallene er ikke gemt.' });
    await summary.waitFor(PATIENTLY);
    const link = summary.getByRole('link', { name: /^Effektiv timesats: / });
    expect(await link.textContent()).toMatch(/^Effektiv timesats: .*0/);
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cost-input-hourlyRate');
    await expectNoSeriousA11yViolations(page, 'evaluation: cost inputs refused (da)');
    await screenshot(page, 'evaluation-cost-inputs-refused');
    // Nothing was saved: the history is still empty after a reload of the figures.
    await settle();
    await page.reload();
    await page.getByLabel('År', { exact: true }).fill(String(YEAR));
    await page.getByText('Ingen ændringer endnu.').waitFor(PATIENTLY);
    expect(await page.getByLabel(/^Effektiv timesats/).inputValue()).toBe('430');
  });

  it('the lead saves a new hourly rate; the history shows the old and the new value', async () => {
    await page.getByLabel(/^Effektiv timesats/).fill(String(NEW_RATE));
    await page.getByRole('button', { name: 'Gem tal' }).click();
    await page.getByText('Tallene er gemt.').waitFor(PATIENTLY);
    const history = page.getByRole('table', {
      name: `Ændringer af tallene for Ambulant gruppeforløb ${YEAR}, nyeste først`,
    });
    await history.waitFor();
    const change = (await history.locator('tbody tr').first().locator('th, td').allTextContents()).map(
      (text) => text.trim(),
    );
    expect(change.slice(1)).toEqual([lead.displayName, 'Effektiv timesats', '430', '600']);
    expect(change[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}/);
    await expectNoSeriousA11yViolations(page, 'evaluation: cost inputs saved (da)');

    // The screen reads in English, numbers and history included, and back.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: "The organisation's cost inputs" }).waitFor();
    expect(await page.getByLabel(/^Effective hourly rate/).inputValue()).toBe('600');
    expect(
      await headersOf(`Changes to the figures for Outpatient group course ${YEAR}, newest first`),
    ).toEqual(['When', 'Saved by', 'Figure', 'Before', 'After']);
    await expectNoSeriousA11yViolations(page, 'evaluation: cost inputs (en)');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationens omkostningstal' }).waitFor();
    await screenshot(page, 'evaluation-cost-inputs-saved');
    await logOut();
  });

  it('the evaluator sees the cost per completer change with the new hourly rate', async () => {
    // What the lead saved: every figure of the form (the seeded ones, and the new rate).
    await logInAs(lead);
    await page.getByRole('link', { name: 'Omkostningstal' }).click();
    await page.getByLabel('År', { exact: true }).fill(String(YEAR));
    await page.getByText('Gemt efter regelsæt dk-2024-v1.').waitFor(PATIENTLY);
    const values = [];
    for (const field of GROUP_COURSE_COST_FIELDS) {
      const text = await page.locator(`#cost-input-${field.field.replaceAll('.', '-')}`).inputValue();
      values.push({ field: field.field, value: Number(text.replaceAll('.', '').replace(',', '.')) });
    }
    const saved = costInputsFromValues('GROUP_COURSE', values).inputs as GroupCourseCostInputs;
    expect(saved.hourlyRate).toBe(NEW_RATE);
    const yearly = groupCourseCosts(saved).yearly.total;
    await logOut();

    await logInAs(evaluator);
    await showOdense();
    const row = await rowByHeader(COST_TABLE.da, COST_ROW);
    // The same counted completers (the same count gets the same noise), a new yearly cost.
    expect(Number(row['Gennemførte pr. år (n)'])).toBe(before.completers);
    expect(row['Årlig drift']).toBe(kroner(yearly));
    expect(row['Årlig drift']).not.toBe(before.yearly);
    const perCompleter = kroner(Math.round(yearly / before.completers));
    expect(row['Pr. gennemfører (årlig drift ÷ gennemførte)']).toBe(perCompleter);
    expect(perCompleter).not.toBe(before.perCompleter);
    await expectNoSeriousA11yViolations(page, 'evaluation: costs after the change (da)');
  });

  it('switches Danish → English → Danish with the right headers each time, the paired-test table included', async () => {
    const recovery = page.locator('section#recovery');
    await recovery.waitFor(PATIENTLY);
    expect(await headersOf(PAIRED_TABLE.da)).toEqual(PAIRED_HEADERS.da);
    // The recovery chart draws Brief INSPIRE-O's Danish reference points beside the cut-off.
    const chart = page.getByRole('img', {
      name: /^Brief INSPIRE-O \(personlig recovery\), gennemsnit før og efter/,
    });
    const alternative = (await chart.getAttribute('aria-label')) ?? '';
    expect(alternative).toContain('39,9: Psykiatriske ambulante patienter');
    expect(alternative).toContain('50: Empirisk skæringspunkt');
    expect(alternative).toContain('71,1: Dansk befolkningsnorm');
    expect(await chart.locator('.recharts-reference-line').count()).toBe(3);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evaluation: key figures' }).waitFor(PATIENTLY);
    expect(await headersOf(PAIRED_TABLE.en)).toEqual(PAIRED_HEADERS.en);
    const englishCosts = await headersOf(COST_TABLE.en);
    expect(englishCosts).toContain('Per completer (yearly running ÷ completers)');
    // No Danish header is left behind anywhere on the dashboard.
    const allHeaders = (await page.locator('table thead th').allTextContents()).join(' | ');
    for (const danish of ['Gns. før', 'Forskel', 'Signifikans', 'Frihedsgrader', 'Årlig drift', 'KI nedre'])
      expect(allHeaders).not.toContain(danish);
    await expectNoSeriousA11yViolations(page, 'evaluation: dashboard (en)');

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evaluering: nøgletal' }).waitFor(PATIENTLY);
    expect(await headersOf(PAIRED_TABLE.da)).toEqual(PAIRED_HEADERS.da);
    const danishHeaders = (await page.locator('table thead th').allTextContents()).join(' | ');
    for (const english of ['Mean before', 'Difference', 'Significance', 'Degrees of freedom', 'CI lower'])
      expect(danishHeaders).not.toContain(english);
  });

  it('reaches the figures by a skip link and "Vis tal" in a few Tabs; breakdowns that cannot apply are disabled', async () => {
    await settle();
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await scope().waitFor(PATIENTLY);
    await page.locator('h1').click();
    // From the heading on: the filters the evaluator needs every time, then the button.
    let tabs = 0;
    for (; tabs < 12; tabs += 1) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (name === 'Vis tal') break;
    }
    expect(tabs).toBeLessThan(8);
    // The skip link at the top of the dashboard moves focus past the filters to the figures.
    await page.getByRole('link', { name: 'Spring til tallene' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ev-figures');

    // For the shelter aftercare no breakdown applies: disabled, the reason beside each.
    await page
      .getByLabel('Indsats', { exact: true })
      .selectOption({ label: 'Efterværn efter krisecenterophold' });
    await page.locator('form.ev-filters summary').click();
    const gender = page.getByLabel('Køn', { exact: true });
    expect(await gender.isDisabled()).toBe(true);
    const reason = await gender.getAttribute('aria-describedby');
    expect(reason).toBeTruthy();
    expect((await page.locator(`#${reason}`).textContent()) ?? '').toContain('Kan ikke bruges for');
    // For the group course, gender still applies (its intake figures); incident type does not.
    await page.getByLabel('Indsats', { exact: true }).selectOption({ label: 'Ambulant gruppeforløb' });
    expect(await gender.isDisabled()).toBe(false);
    expect(await page.getByLabel('Hændelsestype', { exact: true }).isDisabled()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'evaluation: filters with disabled breakdowns (da)');
    expect(pageProblems).toEqual([]);
  });
});
