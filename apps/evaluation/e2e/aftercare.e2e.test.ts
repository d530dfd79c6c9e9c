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

// Issue 12's evaluation part in a real headless Chromium: the evaluator chooses each of the two new
// models, sees its section with charts (images with a text alternative naming their figures) and
// tables, downloads a table as CSV with the noise note, reads it in English too, and on a 390 px
// phone nothing is wider than the screen; axe finds nothing serious or critical on any of it.
const evaluator = demoLogin('evaluator@vive.demo');
const NARROW = { width: 390, height: 844 };

describe('aftercare sections of the evaluation dashboard in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'evaluation-aftercare' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const PATIENTLY = { timeout: 60_000 };
  const model = () => page.getByLabel('Indsats', { exact: true });
  const sectionHeadings = async () =>
    (await page.getByRole('heading', { level: 2 }).allTextContents()).map((text) => text.trim());

  // Regions by their exact name: the cost section's table of a model is a region named after the
  // model too ("Efterværn for ofre for hadforbrydelser pr. organisation").
  async function chooseModel(label: string, button = 'Vis tal') {
    await model().selectOption({ label });
    await page.getByRole('button', { name: button }).click();
  }

  it('shows the hate-crime aftercare section alone when that model is chosen', async () => {
    await page.goto(`${stack.baseUrl}/evaluation/`);
    await logIn(page, evaluator.email, evaluator.password);
    await page.getByTestId('evaluation-scope').waitFor({ timeout: 60_000 });
    await chooseModel('Efterværn for ofre for hadforbrydelser');
    const section = page.getByRole('region', { name: 'Efterværn for ofre for hadforbrydelser', exact: true });
    await section.waitFor(PATIENTLY);
    await expect.poll(sectionHeadings, PATIENTLY).not.toContain('Opsøgende indsats');
    expect(await sectionHeadings()).not.toContain('Efterværn efter krisecenterophold');
    for (const heading of [
      'Henvisninger og opstart pr. spor',
      'Juridiske og økonomiske opgaver lukket efter udfald',
      'Psykologiske samtaler brugt',
    ])
      await section.getByRole('heading', { level: 3, name: heading }).waitFor();
    // Each chart is an image whose name carries its figures (the tracks by name).
    const uptake = section.getByRole('img', {
      name: /^Andel henvisninger, hvor støtten gik i gang, pr\. spor: /,
    });
    await uptake.waitFor();
    expect(await uptake.getAttribute('aria-label')).toContain('Psykologisk støtte');
    await section.getByRole('table', { name: 'Lukkede opgaver efter opgavetype og udfald' }).waitFor();
    // The motive is in no table or chart.
    expect((await section.textContent()) ?? '').not.toMatch(/motiv /i);
    await expectNoSeriousA11yViolations(page, 'evaluation: hate-crime aftercare (da)');
    await screenshot(page, 'evaluation-hate-crime-aftercare');
  });

  it('downloads the uptake table as CSV with the figures shown and the noise note', async () => {
    const tableName = 'Henvisninger, opstart og ventetid pr. spor';
    const table = page.getByRole('table', { name: tableName });
    const shownRows = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Hent CSV (${tableName})` }).click(),
    ]);
    // Named after the table's Danish title (csv-export.ts), not its internal id.
    expect(download.suggestedFilename()).toBe('evaluering-henvisninger-opstart-og-ventetid-pr-spor.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toContain('Spor;Henvist;Opstartet;Andel opstartet');
    // One line per shown row, the row's label first.
    for (const row of shownRows)
      expect(lines.some((line) => line.startsWith(`${row[0]};${row[1]};`))).toBe(true);
    expect(csv).toContain('Note:');
  });

  it('shows the shelter aftercare section with the repeat-stay rate against the baseline and the goal', async () => {
    await chooseModel('Efterværn efter krisecenterophold');
    const section = page.getByRole('region', { name: 'Efterværn efter krisecenterophold', exact: true });
    await section.waitFor(PATIENTLY);
    await expect.poll(sectionHeadings, PATIENTLY).not.toContain('Efterværn for ofre for hadforbrydelser');
    for (const heading of [
      '§ 109-rådgivning dækket før fraflytning',
      'Psykologtimer (op til 10 pr. person)',
      'Henvisning til civilsamfundets efterværn',
      'Gengangere: nyt ophold inden for 12 og 24 måneder',
    ])
      await section.getByRole('heading', { level: 3, name: heading }).waitFor();
    const repeat = section.getByRole('img', { name: /^Andel med nyt ophold, med og uden efterværn: / });
    await repeat.waitFor();
    const summary = (await repeat.getAttribute('aria-label')) ?? '';
    expect(summary).toContain('12 mdr., med efterværn');
    expect(summary).toContain('Udgangspunkt 25\u00a0%; nationalt mål 17,5\u00a0%');
    await section
      .getByRole('table', { name: 'Nyt ophold inden for 12 og 24 måneder efter fraflytning' })
      .waitFor();
    // The window's cut-off is today's date, as dd.mm.åååå.
    expect((await section.textContent()) ?? '').toMatch(/pr\. \d{2}\.\d{2}\.\d{4}/);
    await expectNoSeriousA11yViolations(page, 'evaluation: shelter aftercare (da)');
    await screenshot(page, 'evaluation-shelter-aftercare');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.getByRole('region', { name: 'Aftercare after a shelter stay', exact: true });
    await section.waitFor(PATIENTLY);
    await section.getByRole('heading', { level: 3, name: 'Repeat stays within 12 and 24 months' }).waitFor();
    await section.getByRole('table', { name: 'Psychologist hours for the woman and the children' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'evaluation: shelter aftercare (en)');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page
      .getByRole('region', { name: 'Efterværn efter krisecenterophold', exact: true })
      .waitFor(PATIENTLY);
  });

  it('fits a 390 px phone: nothing wider than the screen, wide tables scroll in their own region', async () => {
    await page.setViewportSize(NARROW);
    await chooseModel('Alle indsatser');
    await page
      .getByRole('region', { name: 'Efterværn for ofre for hadforbrydelser', exact: true })
      .waitFor(PATIENTLY);
    await page
      .getByRole('region', { name: 'Efterværn efter krisecenterophold', exact: true })
      .waitFor(PATIENTLY);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(NARROW.width);
    await expectNoSeriousA11yViolations(page, 'evaluation: aftercare 390 px (da)');
    await screenshot(page, 'evaluation-aftercare-390');
    expect(pageProblems).toEqual([]);
  });
});
