import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './accessibility.ts';
import { screenshot } from './artifacts.ts';
import { CHROMIUM_PATH, type LaunchedBrowser, launchBrowser } from './browser.ts';

describe('launchBrowser', () => {
  it('names the install command when the browser is missing', async () => {
    await expect(launchBrowser({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'apt-get install -y chromium',
    );
  });
});

describe('with Chromium', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`runs ${CHROMIUM_PATH} headless and renders a page`, async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="da"><title>Prøve</title><main><h1>Hej</h1></main></html>',
    );
    expect(await page.title()).toBe('Prøve');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej');
    await page.close();
  });

  it('fails the accessibility check on a serious violation and passes a clean page', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="da"><title>Formular</title><main><h1>Formular</h1>' +
        '<input type="text"></main></html>',
    );
    await expect(expectNoSeriousA11yViolations(page, 'unlabelled input')).rejects.toThrow(/label/);
    await page.setContent(
      '<!doctype html><html lang="da"><title>Formular</title><main><h1>Formular</h1>' +
        '<label for="n">Navn</label><input id="n" type="text"></main></html>',
    );
    await expect(expectNoSeriousA11yViolations(page, 'labelled input')).resolves.toBeDefined();
    await page.close();
  });

  it('refuses a screenshot name that could escape test-artifacts/', async () => {
    const page = await browser.newPage();
    await expect(screenshot(page, '../outside')).rejects.toThrow('may only contain');
    await page.close();
  });
});
