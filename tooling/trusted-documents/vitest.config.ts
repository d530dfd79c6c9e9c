import '../e2e/src/map-group-by.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The apps' .tsx modules are imported by the manifest test; React's automatic runtime as in the apps.
  oxc: { jsx: { runtime: 'automatic' } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000 },
});
