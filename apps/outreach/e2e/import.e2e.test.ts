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

// Issue 13, the police-list import: the lead maps a police crime code to an incident type,
// a worker imports a list with that code, an unknown code and a bad row, and downloads the
// rejected rows and the template as Danish Excel opens them. axe on every state.
const worker = demoLogin('outreach@offerraadgivning.demo');
const lead = demoLogin('lead@offerraadgivning.demo');

/** dd-mm-yyyy, `days` before today in Denmark (how the police export writes dates). */
function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

// Excel rows: 1 header, 2 a mapped crime code, 3 blank, 4 an unknown code, 5 an unknown type.
const CSV = [
  'Hændelsesdato;Gerningskode;Rolle;Navn;Telefon;Alder;Køn',
  `${daysAgo(3)};4711;offer;Testperson Kode;61 72 83 94;40;kvinde`,
  '',
  `${daysAgo(3)};9999;vidne;Testperson Ukendt Kode;61728395;51;mand`,
  `${daysAgo(4)};Ildspåsættelse;offer;"Testperson; Semikolon";61728396;33;kvinde`,
].join('\r\n');

/**
 * Opens CSV bytes the way Danish Excel does on double-click: UTF-8 only after a byte-order
 * mark (Windows-1252 otherwise), `;` between cells, double quotes around a cell holding `;`,
 * a quote or a line break, CRLF between rows.
 */
function openAsDanishExcel(bytes: Buffer): string[][] {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = hasBom
    ? new TextDecoder('utf-8').decode(bytes.subarray(3))
    : new TextDecoder('windows-1252').decode(bytes);
  const grid: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      grid.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    grid.push(row);
  }
  return grid;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) };
}

async function openImport(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Importér politiliste' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importér politiets hændelsesliste' }).waitFor();
  await page.getByRole('heading', { name: 'Politiets gerningskoder' }).waitFor();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
}

describe('police-list import with crime codes, rejected rows and template, in headless Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ name: 'outreach-import' }), launchBrowser()]);
    page = await browser.newPage();
    pageProblems = collectPageProblems(page);
    await page.goto(`${stack.baseUrl}/outreach/`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the lead adds a crime code, is told what is wrong with a bad one, and corrects the mapping', async () => {
    await logIn(page, lead.email, lead.password);
    await openImport(page);
    await page.getByText('Der er ingen gerningskoder i tabellen endnu.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach import: crime codes (empty, lead)');

    const code = page.getByLabel('Gerningskode', { exact: true });
    const type = page.getByLabel('Hændelsestype', { exact: true });
    await code.fill('47-11');
    await page.getByRole('button', { name: 'Gem gerningskoden' }).click();
    await page.getByText('Gerningskoden skal bestå af cifre alene', { exact: false }).waitFor();
    await page.getByText('Vælg en af hændelsestyperne: Tilhold og stalking', { exact: false }).waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'outreach import: crime code with field errors');

    await code.fill('4711');
    await type.selectOption({ label: 'Vold' });
    await page.getByLabel('Beskrivelse (valgfri)').fill('Eksempelkode til test');
    await page.getByRole('button', { name: 'Gem gerningskoden' }).click();
    await page.getByText('Gerningskode 4711 er gemt.').waitFor();
    const table = page.getByRole('table', { name: 'Gerningskoder og deres hændelsestype' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4711' }) });
    await expect.poll(() => row.textContent()).toContain('Vold');
    expect(await row.textContent()).toContain('Eksempelkode til test');

    // Correct it: the code now means a type switched off for outreach, so the import keeps it uncalled.
    await page.getByRole('button', { name: 'Ret 4711' }).click();
    expect(await code.inputValue()).toBe('4711');
    await type.selectOption({ label: 'Indbrud og tyveri' });
    await page.getByRole('button', { name: 'Gem gerningskoden' }).click();
    await expect.poll(() => row.textContent()).toContain('Indbrud og tyveri');
    await expectNoSeriousA11yViolations(page, 'outreach import: crime codes (lead)');

    // A 390 px phone: the table and the form fit without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page, 'outreach import: crime codes at 390 px');
    await screenshot(page, 'outreach-import-crime-codes-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await logOut(page);
  });

  it('a worker sees the table read-only and downloads the template', async () => {
    await logIn(page, worker.email, worker.password);
    await openImport(page);
    await page.getByText('Projektlederen vedligeholder tabellen.').waitFor();
    expect(await page.getByRole('button', { name: 'Gem gerningskoden' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Fjern 4711' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'outreach import: empty (worker)');

    const template = await download(page, 'Hent skabelon (CSV)');
    expect(template.name).toBe('skabelon-politiliste.csv');
    expect([...template.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const grid = openAsDanishExcel(template.bytes);
    expect(grid[0]).toEqual([
      'Hændelsesdato',
      'Hændelsestype',
      'Rolle',
      'Navn',
      'Telefon',
      'Alder',
      'Køn',
      'Motiv',
    ]);
    expect(grid).toHaveLength(2);
    expect(grid[1]!.slice(1, 4)).toEqual(['Vold', 'Offer', 'Eksempel Eksempelsen']);
  });

  it('imports a list with the mapped code; the unknown code and the bad row come back as Danish Excel rows', async () => {
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'politiliste-uge-47.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByText('Filen er læst: 3 rækker.').waitFor();
    await page.getByRole('button', { name: 'Kontrollér filen' }).click();
    await page.getByRole('heading', { name: 'Resultat af kontrollen' }).waitFor();

    const rejected = page.getByRole('table', { name: 'Afviste rækker' });
    const rowAt = (n: string) =>
      rejected.getByRole('row').filter({ has: page.getByRole('rowheader', { name: n, exact: true }) });
    // The rows are numbered as Excel shows them: the blank line 3 counts.
    await expect.poll(() => rowAt('4').textContent()).toContain('Gerningskoden 9999 står ikke');
    expect(await rowAt('5').textContent()).toContain(
      'Ukendt hændelsestype. Tilladte værdier: Tilhold og stalking, Voldtægt og seksuelle krænkelser',
    );
    const summary = page.locator('dl.or-summary');
    expect(await summary.textContent()).toMatch(
      /Hændelsestype slået fra \(gemmes og tælles, ringes ikke op\)1/,
    );
    await expectNoSeriousA11yViolations(page, 'outreach import: preview with crime codes');
    await screenshot(page, 'outreach-import-crime-code-preview');

    const csv = await download(page, 'Hent de afviste rækker med begrundelse (CSV)');
    expect(csv.name).toBe('politiliste-uge-47-afviste-rækker.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toContain('\r\n');
    const grid = openAsDanishExcel(csv.bytes);
    expect(grid[0]).toEqual([
      'Række i filen',
      'Hændelsesdato',
      'Hændelsestype',
      'Rolle',
      'Navn',
      'Telefon',
      'Alder',
      'Køn',
      'Motiv',
      'Årsag',
    ]);
    expect(grid.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['4', '9999'],
      ['5', 'Ildspåsættelse'],
    ]);
    expect(grid[1]![9]).toContain('Hændelsestype: Gerningskoden 9999 står ikke i organisationens tabel');
    expect(grid[2]![4]).toBe('Testperson; Semikolon');

    await page.getByRole('button', { name: 'Importér 1 gyldige rækker' }).click();
    await page.getByText('1 rækker er importeret. 0 personer er sat i opkaldskøen.').waitFor();
    await expectNoSeriousA11yViolations(page, 'outreach import: done');

    // In English the file, its name and its column names are English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Police crime codes' }).waitFor();
    const english = await download(page, 'Download the rejected rows with reasons (CSV)');
    expect(english.name).toBe('politiliste-uge-47-rejected-rows.csv');
    const englishGrid = openAsDanishExcel(english.bytes);
    expect(englishGrid[0]!.slice(0, 3)).toEqual(['Row in file', 'Incident date', 'Incident type']);
    expect(englishGrid[1]![9]).toContain('Incident type: The crime code 9999 is not in');
    const template = await download(page, 'Download a template (CSV)');
    expect(template.name).toBe('police-list-template.csv');
    expect(openAsDanishExcel(template.bytes)[1]!.slice(1, 3)).toEqual(['Violence', 'Victim']);
    await expectNoSeriousA11yViolations(page, 'outreach import: done (English)');
    await page.getByRole('button', { name: 'Dansk' }).click();
    expect(pageProblems).toEqual([]);
  });
});
