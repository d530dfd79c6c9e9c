import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repo-root.ts';

/** Where browser tests keep what a reviewer may want to look at afterwards (git-ignored). */
export const artifactsDir = join(repoRoot, 'test-artifacts');

/** A full-page PNG in test-artifacts/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) {
    throw new Error(`Screenshot name "${name}" may only contain letters, digits, ".", "_" and "-".`);
  }
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
