export type { Page } from 'playwright-core';
export { expectNoSeriousA11yViolations } from './accessibility.ts';
export { artifactsDir, screenshot } from './artifacts.ts';
export { CHROMIUM_MISSING_MESSAGE, CHROMIUM_PATH, type LaunchedBrowser, launchBrowser } from './browser.ts';
export { type DemoLogin, demoLogin } from './demo-login.ts';
export { logIn } from './login.ts';
export { collectPageProblems } from './page-problems.ts';
export { repoRoot } from './repo-root.ts';
export { type Stack, type StartStackOptions, startStack } from './stack.ts';
