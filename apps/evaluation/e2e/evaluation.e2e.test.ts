import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  COUNT_NOISE_TAIL,
  CURRENT_COST_RULE_SET_ID,
  costRule,
  countNoiseProbability,
  DISCLOSURE_EXPLANATION,
  groupCourseCosts,
  KOEGE_EXAMPLE_INPUTS,
  TARGET_GROUPS,
  USUAL_COUNT_NOISE,
} from '@vi/domain';
import {
  artifactsDir,
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

// Issue 5's browser acceptance: an evaluator logs in, filters to one municipality, sees the charts,
// exports a CSV; axe finds nothing serious or critical. Issue 8: counts are perturbed (cell-key
// method), hidden ones read "under 5", filters offer only one-or-all and a period on the publication
// grid (everything, one month, one quarter or one calendar year), and the help explains the method with its noise table.
const evaluator = demoLogin('evaluator@vive.demo');
const MUNICIPALITY = 'Odense Kommune';
const OTHERS = evaluator.organizations.filter((name) => name !== MUNICIPALITY);
// Køge's seeded cost inputs are the domain's example from VIVE's group-course evaluation (start-up 975,000 kr).
const COST_MUNICIPALITY = 'Køge Kommune';
const KOEGE_COSTS = groupCourseCosts(KOEGE_EXAMPLE_INPUTS);
const PARTICIPATION_TABLE = 'Gennemførelse, frafald og fremmøde pr. organisation';
const SHELTER_STAY = costRule(CURRENT_COST_RULE_SET_ID, 'shelter.stay');
/** Danish kroner as the dashboard writes them ("975.000 kr.", with a no-break space). */
const kroner = (amount: number) =>
  new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }).format(
    amount,
  );

describe('evaluation dashboard in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'evaluation-dashboard' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // expect.poll gives up after 1 s by default; the embedded database can take longer for a new filter.
  const PATIENTLY = { timeout: 60_000 };
  const scope = () => page.getByTestId('evaluation-scope');
  const usage = () => page.getByTestId('evaluation-usage');
  const usedToday = async () => Number(/^(\d+) af/.exec((await usage().textContent()) ?? '')?.[1]);
  const organisation = () => page.getByLabel('Organisation', { exact: true });
  const waitForFigures = () =>
    page.getByRole('status').filter({ hasText: 'Opdaterer' }).waitFor({ state: 'detached' });

  it('logs the evaluator in and shows figures for every granted organisation', async () => {
    expect(evaluator.organizations).toContain(MUNICIPALITY);
    expect(OTHERS.length).toBeGreaterThan(0);
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await logIn(page, evaluator.email, evaluator.password);
    await page.getByRole('heading', { level: 1, name: 'Evaluering: nøgletal' }).waitFor();
    await scope().waitFor({ timeout: 60_000 });
    const shown = (await scope().textContent()) ?? '';
    for (const name of evaluator.organizations) expect(shown).toContain(name);
    await expect
      .poll(async () => (await usage().textContent()) ?? '', PATIENTLY)
      .toMatch(/^\d+ af \d+ udsnit brugt i dag\./);
  });

  it('filters to one municipality and shows its charts and tables', async () => {
    // One organisation or all: a single select, no combinations of some.
    const choices = (await organisation().locator('option').allTextContents()).map((name) => name.trim());
    expect(choices).toEqual([
      'Alle mine organisationer',
      ...[...evaluator.organizations].sort((a, b) => a.localeCompare(b, 'da')),
    ]);
    const before = await usedToday();
    await organisation().selectOption({ label: MUNICIPALITY });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Hele perioden.`);
    // The filter applies only once the new figures have arrived.
    await waitForFigures();
    // A new selection counts once towards today's limit.
    await expect.poll(usedToday, PATIENTLY).toBe(before + 1);

    // Each chart is an image with a text alternative that names its figures, and has a visible title.
    const charts = page.locator('figure.ev-chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(10);
    const acceptance = page
      .getByRole('img', { name: /^Andel af dem med opnået kontakt, der ønsker opkald: / })
      .first();
    await acceptance.waitFor();
    expect(await acceptance.locator('svg.recharts-surface rect').count()).toBeGreaterThan(0);
    for (const heading of [
      'Opsøgende indsats',
      'Opsporing og registrering',
      'Gruppeforløb',
      'Recovery: før og efter',
      'Omkostninger',
      'Parathed: de fem SUSI-kriterier',
    ]) {
      // Exact: other headings contain these words (e.g. "Brugerundersøgelse (opsøgende indsats)").
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    }
    // Per-organisation tables now hold the chosen municipality only.
    const byYear = page.getByRole('table', { name: 'Registreringsskema pr. organisation og år' });
    const rowHeaders = (await byYear.locator('tbody th').allTextContents()).map((text) => text.trim());
    expect(rowHeaders).toEqual([MUNICIPALITY, 'I alt']);
    // Gender: "other" and "not recorded" are merged before protection, so neither hides the others.
    const byGender = page.getByRole('table', { name: 'Accept efter køn' });
    const genders = (await byGender.locator('tbody th').allTextContents()).map((text) => text.trim());
    expect(genders).toEqual(['Mand', 'Kvinde', 'Andet eller uoplyst', 'I alt']);
    // Attendance is a mean share of the sessions with noise: a percentage, or a mark, never blank.
    const participation = page.getByRole('table', { name: PARTICIPATION_TABLE });
    const participationHeaders = (await participation.locator('thead th').allTextContents()).map((text) =>
      text.trim(),
    );
    const attendanceColumn = participationHeaders.indexOf('Fremmøde: gns. andel af møderne (med støj)');
    expect(attendanceColumn).toBeGreaterThan(0);
    const totalRow = participation
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Alle valgte' }) });
    const attendance = ((await totalRow.locator('th, td').allTextContents())[attendanceColumn] ?? '').trim();
    expect(attendance).toMatch(/^(\d{1,3}\u00a0%|skjult|–)$/);
    // Who we reach (issue 14): the group course under its phase, every target group with its
    // basis, beside everybody reached; the demo's registrations give the comparison row a number.
    await page.getByRole('heading', { level: 2, name: 'Hvem når vi', exact: true }).waitFor();
    const reach = page.getByRole('table', {
      name: 'Behandling, støtte og omsorg: nået og taget imod pr. målgruppe (Ambulant gruppeforløb)',
    });
    const reachRows = (await reach.locator('tbody th').allTextContents()).map((text) => text.trim());
    expect(reachRows).toEqual(['Alle nåede', ...TARGET_GROUPS.map((group) => group.label.da)]);
    const allReached = reach.locator('tbody tr').first().locator('td').first();
    expect(Number((await allReached.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(4);
    await expectNoSeriousA11yViolations(page, 'evaluation: dashboard filtered (da)');
    await screenshot(page, 'evaluation-dashboard-odense');
  });

  it('exports a table as CSV with the figures shown, "under 5" where the screen says so, and the noise note', async () => {
    const tableName = 'Registreringsskema pr. organisation og år';
    const table = page.getByRole('table', { name: tableName });
    const shownHeader = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const shownRows = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    const button = page.getByRole('button', { name: `Hent CSV (${tableName})` });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('evaluering-registreringsskema-pr-organisation-og-aar.csv');
    const path = await download.path();
    const csv = await readFile(path, 'utf8');

    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]).toBe(shownHeader.join(';'));
    expect(lines[0]).toMatch(/^Organisation;(\d{4};)+I alt$/);
    // Header, the rows, and the note that the counts are perturbed (after an empty line).
    expect(lines).toHaveLength(shownRows.length + 2);
    expect(lines.at(-1)).toMatch(/^Note: Antal personer er støjbehæftede efter metoden cellekey-/);
    expect(lines.at(-1)).toContain('Totaler har deres egen støj og er ikke altid lig summen af cellerne');
    expect(csv).toContain(`\r\n\r\n${lines.at(-1)}\r\n`);
    // Every cell is the shown number, or the same Danish words where the screen shows a mark: never blank.
    shownRows.forEach((cells, index) => {
      const fields = (lines[index + 1] ?? '').split(';');
      expect(fields[0]).toBe(cells[0]);
      cells.slice(1).forEach((shown, column) => {
        const field = fields[column + 1];
        if (shown === 'under 5' || shown === 'skjult') expect(field).toBe(shown);
        else expect(field).toBe(shown.replace(/\./g, ''));
      });
    });
    expect(csv).toMatch(/;(\d+|under 5)\r\n/);
    expect(csv).not.toContain('SUPPRESSED');
    for (const other of OTHERS) expect(csv).not.toContain(other);
  });

  it('shows the unpaired (Welch) and paired t-tests of the demo data with n, difference, interval, p and stars', async () => {
    for (const kind of ['uparret (Welch)', 'parret på deltagerkode']) {
      const table = page.getByRole('table', { name: `Brief INSPIRE-O (personlig recovery): ${kind}` });
      const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
      const total = table
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: 'Alle valgte' }) });
      const cells = (await total.locator('th, td').allTextContents()).map((text) => text.trim());
      const cell = (header: string) => cells[headers.indexOf(header)];
      expect(cell(kind.startsWith('parret') ? 'Par (n)' : 'Før n')).toMatch(/^\d+$/);
      expect(cell('Forskel (efter − før)')).toMatch(/^[−-]?\d+,\d$/);
      expect(cell('95 %-KI nedre')).toMatch(/^[−-]?\d+,\d$/);
      expect(cell('p')).toMatch(/^(< 0,001|[01],\d{3})$/);
      expect(cell('Signifikans')).toMatch(/^\**$/);
    }
  });

  it('marks hidden cells as "under 5" or "skjult", never with a reason, and explains the marks', async () => {
    const hiddenCells = page.locator('td.ev-cell--hidden');
    expect(await hiddenCells.count()).toBeGreaterThan(0);
    const marks = new Set((await hiddenCells.allTextContents()).map((text) => text.trim()));
    for (const mark of marks) expect(['under 5', 'skjult']).toContain(mark);
    if (marks.has('under 5'))
      await page
        .getByText(/^under 5: antallet er 1-4 efter støjen/)
        .first()
        .waitFor();
    expect(await page.locator('td', { hasText: /^<5$/ }).count()).toBe(0);
  });

  it('says under every table of counts that they are perturbed and totals need not add up', async () => {
    const totals = DISCLOSURE_EXPLANATION.paragraphs[2]?.da ?? 'missing';
    const notes = page.locator('.ev-note--perturbed');
    const tables = await page.getByTestId('evaluation-table').count();
    expect(await notes.count()).toBeGreaterThan(10);
    expect(await notes.count()).toBeLessThanOrEqual(tables);
    const usualShare = Math.round((1 - 2 * COUNT_NOISE_TAIL.probability) * 100);
    expect(usualShare).toBe(98);
    expect(await notes.first().textContent()).toBe(
      `Antallene er støjbehæftede (i ${usualShare}\u00a0% af cellerne højst ±${USUAL_COUNT_NOISE}). ${totals} Sådan beskyttes tallene`,
    );
  });

  it('explains how the figures are protected, with the noise table the gateway applies', async () => {
    const help = page.locator('section#disclosure-help');
    await help.getByRole('heading', { level: 2, name: 'Sådan beskyttes tallene' }).waitFor();
    for (const paragraph of DISCLOSURE_EXPLANATION.paragraphs) await help.getByText(paragraph.da).waitFor();
    const noise = help.getByRole('table', { name: 'Støjen på et antal: sandsynligheden for hver værdi' });
    const rows = await noise
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
    // −6 to +6, the rare tails with their own small probabilities (0,5 %, 0,25 %, 0,125 %).
    const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumSignificantDigits: 3 });
    expect(rows).toEqual(
      Array.from({ length: 13 }, (_, index) => index - 6).map((d) => [
        d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : '0',
        percent.format(countNoiseProbability(d)),
      ]),
    );
    expect(rows[0]).toEqual(['\u22126', '0,125\u00a0%']);
    // ... and the tails go on beyond the table.
    expect(await help.getByTestId('disclosure-noise-tails').textContent()).toMatch(
      /^Længere ude end ±6 fortsætter støjen: hvert skridt er halvt så sandsynligt/,
    );
    // The usage line and every table's note lead here.
    await usage().getByRole('link', { name: 'Sådan beskyttes tallene' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#disclosure-help');
    await scope().waitFor();
  });

  const periodKind = () => page.getByLabel('Periodens længde');
  const year = () => page.getByLabel('År', { exact: true });

  it('filters by one year and one category, and shows the period as dates', async () => {
    // Neither a month range nor a year range can be chosen: a kind of period first, then only its inputs.
    expect((await periodKind().locator('option').allTextContents()).map((text) => text.trim())).toEqual([
      'Hele perioden',
      'Måned',
      'Kvartal',
      'År',
    ]);
    expect(await page.locator('form.ev-filters input[type="month"]').count()).toBe(0);
    await periodKind().selectOption({ label: 'År' });
    await year().selectOption('2024');
    // The breakdowns are in a disclosure (closed, "Vis tal" is a few Tabs away).
    const gender = page.getByLabel('Køn', { exact: true });
    expect(await gender.isVisible()).toBe(false);
    await page.locator('form.ev-filters summary').click();
    expect((await gender.locator('option').allTextContents()).map((text) => text.trim())).toEqual([
      'Alle',
      'Mand',
      'Kvinde',
      'Andet',
    ]);
    await gender.selectOption({ label: 'Kvinde' });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Periode: 01.01.2024 til 31.12.2024. Filtre: Køn: Kvinde.`);
    await waitForFigures();
    // No problem shown (the shell's empty live regions aside).
    expect(await page.locator('.ev-alert').allTextContents()).toEqual([]);
    await expectNoSeriousA11yViolations(page, 'evaluation: dashboard by year and gender (da)');
    await mkdir(artifactsDir, { recursive: true });
    await page.locator('form.ev-filters').screenshot({ path: join(artifactsDir, 'evaluation-filters.png') });
    await page
      .locator('section#disclosure-help')
      .screenshot({ path: join(artifactsDir, 'evaluation-disclosure-help.png') });
    await gender.selectOption({ label: 'Alle' });
  });

  it('filters by one quarter and by one month, first to last day', async () => {
    await periodKind().selectOption({ label: 'Kvartal' });
    await year().selectOption('2024');
    await page.getByLabel('Kvartal', { exact: true }).selectOption({ label: '2. kvartal (april-juni)' });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Periode: 01.04.2024 til 30.06.2024.`);
    await waitForFigures();
    expect(await page.locator('.ev-alert').allTextContents()).toEqual([]);

    await periodKind().selectOption({ label: 'Måned' });
    await page.getByLabel('Måned', { exact: true }).fill('2024-02');
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Periode: 01.02.2024 til 29.02.2024.`);
    await waitForFigures();
    expect(await page.locator('.ev-alert').allTextContents()).toEqual([]);

    await periodKind().selectOption({ label: 'Hele perioden' });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${MUNICIPALITY}. Hele perioden.`);
    await waitForFigures();
  });

  it('offers one year with no open end, and names the month field when it is left empty', async () => {
    await periodKind().selectOption({ label: 'År' });
    // One year select, 2000-2100, and nothing for a span of years or an open end.
    const years = (await year().locator('option').allTextContents()).map((text) => text.trim());
    expect(years[0]).toBe('2000');
    expect(years.at(-1)).toBe('2100');
    expect(years).toHaveLength(101);
    expect(await page.locator('fieldset.ev-filter-period select').count()).toBe(2);
    // A month picker emptied: the error sits beside the period control, and the figures stay.
    await periodKind().selectOption({ label: 'Måned' });
    const month = page.getByLabel('Måned', { exact: true });
    await month.fill('');
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await page.locator('#ev-filter-period-errors').getByText('Angiv en måned som åååå-mm').waitFor();
    expect(await month.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ev-filter-month');
    expect((await scope().textContent())?.trim()).toBe(`Viser: ${MUNICIPALITY}. Hele perioden.`);
    await periodKind().selectOption({ label: 'Hele perioden' });
  });

  it('opens GraphiQL for evaluators and runs an aggregate query with the session cookie', async () => {
    await page.getByRole('link', { name: 'GraphiQL' }).click();
    await page.getByRole('heading', { level: 1, name: 'GraphiQL: de samlede tal' }).waitFor();
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    // Monaco loads its editor and workers after the page: run only once the example query is in the editor.
    await expect
      .poll(async () => (await page.locator('.graphiql-query-editor').textContent()) ?? '', {
        timeout: 60_000,
      })
      .toContain('outreachFunnel');
    // The answer as it arrives: the response editor draws only its visible lines (with six granted
    // organisations the funnel's figures are below them).
    const answer = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes('outreachFunnel'),
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const body = await (await answer).text();
    expect(body).toContain('"identified"');
    expect(body).not.toContain('"errors"');
    await expect
      .poll(async () => (await page.locator('.graphiql-response').textContent()) ?? '', { timeout: 60_000 })
      .toContain('"evaluation"');
    await screenshot(page, 'evaluation-graphiql');
    // Queries and answers stay in memory: the browser keeps nothing but the chosen language.
    const stored = await page.evaluate(() => Object.keys(window.localStorage));
    expect(stored.filter((key) => key !== 'vi.locale')).toEqual([]);
    // Back on the dashboard, the figures shown from the cache are asked again (today's usage may have
    // changed in GraphiQL); let that answer arrive before filtering again.
    const refreshed = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes('"operationName":"EvaluationDashboard"'),
    );
    await page.getByRole('link', { name: 'Nøgletal' }).click();
    await scope().waitFor({ timeout: 60_000 });
    await (await refreshed).finished();
    await waitForFigures();
  });

  it("shows a municipality's costs: start-up apart, per completer with n against a shelter stay, source, CSV", async () => {
    expect(evaluator.organizations).toContain(COST_MUNICIPALITY);
    expect(kroner(KOEGE_COSTS.startUp.total)).toBe('975.000\u00a0kr.');
    await organisation().selectOption({ label: COST_MUNICIPALITY });
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await expect
      .poll(async () => (await scope().textContent())?.trim(), PATIENTLY)
      .toBe(`Viser: ${COST_MUNICIPALITY}. Hele perioden.`);
    await waitForFigures();

    const costs = page.locator('section#costs');
    await costs.getByRole('heading', { level: 2, name: 'Omkostninger' }).waitFor();
    await expect.poll(() => costs.getByText('ikke tilgængelig', { exact: false }).count()).toBe(0);
    const tableName = 'Omkostninger pr. organisation og indsats';
    const table = page.getByRole('table', { name: tableName });
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const row = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: `${COST_MUNICIPALITY}: Ambulant gruppeforløb` }) });
    const cells = (await row.locator('th, td').allTextContents()).map((text) => text.trim());
    const cell = (header: string) => cells[headers.indexOf(header)];
    expect(cell('Opstart (engangsbeløb)')).toBe('975.000\u00a0kr.');
    expect(cell('Årlig drift')).toBe(kroner(KOEGE_COSTS.yearly.total));
    expect(cell('Første år (opstart + drift)')).toBe(kroner(KOEGE_COSTS.firstYear));
    expect(cell('Pr. forløb')).toBe(kroner(KOEGE_COSTS.perCourse?.amount ?? Number.NaN));
    // The completers are counted, not typed in (the seeded courses' participants with both forms:
    // Køge's demo has few), perturbed like every count of people; per completer divides by the
    // published count, and is hidden with it when that reads "under 5" ("–" for none at all).
    const completers = cell('Gennemførte pr. år (n)') ?? '';
    expect(completers).toMatch(/^(under 5|\d+)$/);
    const perCompleter =
      completers === 'under 5'
        ? 'skjult'
        : Number(completers) === 0
          ? '–'
          : kroner(Math.round(KOEGE_COSTS.yearly.total / Number(completers)));
    expect(cell('Pr. gennemfører (årlig drift ÷ gennemførte)')).toBe(perCompleter);
    expect(cell('Ét krisecenterophold')).toBe(kroner(SHELTER_STAY.value));
    expect(cell('Prisår (krisecenterophold)')).toBe(String(SHELTER_STAY.priceYear));
    expect(cell('Regelsæt')).toBe(CURRENT_COST_RULE_SET_ID);
    // Per completer says what it divides by, and the rule set, price year and source are named.
    await costs.getByText(/^Pr\. gennemfører: .*gennemførte et forløb/).waitFor();
    const source = (await costs.getByTestId('cost-source').first().textContent()) ?? '';
    expect(source).toContain(`(${CURRENT_COST_RULE_SET_ID}), prisår 2024`);
    expect(source).toContain(
      `Krisecenterophold: ${kroner(SHELTER_STAY.value)} i ${SHELTER_STAY.priceYear}-priser`,
    );
    expect(source).toContain(SHELTER_STAY.source.document.da);

    // The chart of per completer against a shelter stay names both amounts and n in its text alternative.
    const chart = page.getByRole('img', { name: /^Omkostning pr\. gennemfører mod ét krisecenterophold/ });
    const summary = (await chart.getAttribute('aria-label')) ?? '';
    expect(summary).toContain(`${COST_MUNICIPALITY}: Pr. gennemfører ${perCompleter} (n = ${completers})`);
    expect(summary).toContain(kroner(SHELTER_STAY.value));
    expect(await chart.locator('svg.recharts-surface rect').count()).toBeGreaterThan(0);

    // The fifth SUSI criterion now carries the cost figures.
    const readiness = page.getByRole('table', { name: 'SUSI-kriterier og belæg' });
    const costRows = readiness
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Ikke urealistisk dyr' }) });
    const costTexts = (await costRows.allTextContents()).join(' | ');
    expect(costTexts).toContain('975.000\u00a0kr.');
    expect(costTexts).toContain(perCompleter);
    expect(costTexts).not.toContain('endnu ikke tilgængelig');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Hent CSV (${tableName})` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('evaluering-omkostninger-pr-organisation-og-indsats.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(headers.join(';'));
    const fields = (lines.find((line) => line.startsWith(COST_MUNICIPALITY)) ?? '').split(';');
    expect(fields[headers.indexOf('Opstart (engangsbeløb)')]).toBe('975000');

    await expectNoSeriousA11yViolations(page, 'evaluation: dashboard costs (da)');
    await screenshot(page, 'evaluation-dashboard-costs-koege');
    // The section alone, readable at full size, for the report.
    await mkdir(artifactsDir, { recursive: true });
    await costs.screenshot({ path: join(artifactsDir, 'evaluation-costs-section-koege.png') });
  });

  it('ran without script errors, CSP violations or failed requests', () => {
    expect(pageProblems).toEqual([]);
  });
});
