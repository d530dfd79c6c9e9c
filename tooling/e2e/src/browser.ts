import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium package; playwright's own browser downloads cannot reach their host here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_MISSING_MESSAGE =
  `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it; install it with:\n` +
  '  apt-get update && apt-get install -y chromium\n' +
  '(as root, or with sudo). The tests are not skipped without it.';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type LaunchedBrowser = {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Headless Chromium with a throw-away profile. A missing browser is an error naming the command that
 * installs it, never a silent skip: a green run must mean the browser tests ran.
 */
export async function launchBrowser(
  options: {
    executablePath?: string;
    /** The browser's language (navigator.languages): Danish unless a test is about another phone. */
    locale?: string;
  } = {},
): Promise<LaunchedBrowser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new Error(CHROMIUM_MISSING_MESSAGE);

  const userDataDir = await mkdtemp(join(tmpdir(), 'vi-chromium-'));
  let context: BrowserContext;
  try {
    // launchPersistentContext is playwright's way to give Chromium its --user-data-dir.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: ['--headless', ...CHROMIUM_FLAGS],
      locale: options.locale ?? 'da-DK',
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
