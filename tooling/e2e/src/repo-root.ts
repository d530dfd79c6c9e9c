import { fileURLToPath } from 'node:url';

/** The monorepo's root directory (this file is tooling/e2e/src/repo-root.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
