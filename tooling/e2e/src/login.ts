import type { Page } from 'playwright-core';

/**
 * Logs in through the shell's login form as a person would: by the fields' visible Danish labels
 * (the apps open in Danish).
 */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}
