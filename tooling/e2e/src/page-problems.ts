import type { Page } from 'playwright-core';

/**
 * Collects what goes wrong in a page without being visible in it: uncaught exceptions, console errors,
 * Content-Security-Policy violations and failed requests. Tests assert the list is empty at the end,
 * so a broken asset or a blocked script fails the test instead of passing unnoticed.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // urql cancels the query of a screen that unmounts (after a login, a screen change): the page's own
    // decision, not a failure. Any other failed request, and any aborted asset, is still a problem.
    const cancelledQuery =
      request.failure()?.errorText === 'net::ERR_ABORTED' &&
      request.method() === 'POST' &&
      new URL(request.url()).pathname === '/graphql';
    if (cancelledQuery) return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
