import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA, what Danish public-sector web must meet. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * Runs axe on the page as it is now and throws, listing each violation, when any is serious or
 * critical. Minor and moderate findings are printed but do not fail the test.
 */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<AxeResults> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const describe = (violation: AxeResults['violations'][number]) =>
    [
      `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
      ...violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    ].join('\n');

  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) {
    console.warn(`Accessibility findings below "serious" on ${label}:\n${other.map(describe).join('\n')}`);
  }
  if (blocking.length > 0) {
    const report = blocking.map(describe).join('\n');
    console.error(`Serious accessibility violations on ${label}:\n${report}`);
    throw new Error(
      `${blocking.length} serious or critical accessibility violation(s) on ${label}:\n${report}`,
    );
  }
  return results;
}
