/// <reference lib="dom" />
// The browser-side code below runs in the page (page.evaluate), where the DOM is.
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser.ts';
import { collectPageProblems } from './page-problems.ts';

/** The phone the mobile tests hold: 390 × 844 CSS pixels. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

/** A new page of the browser at phone size, its problems collected from the start, opened at `url`. */
export async function openOnPhone(
  browser: LaunchedBrowser,
  url: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = collectPageProblems(page);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.goto(url);
  return { page, problems };
}

/**
 * The document's width against the viewport's (equal = nothing makes the page scroll sideways), and
 * the first few elements that stick out, to make a failure readable.
 */
export async function documentWidths(
  page: Page,
): Promise<{ scroll: number; client: number; wide: string[] }> {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
}
