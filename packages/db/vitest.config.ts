import '../../tooling/e2e/src/map-group-by.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Opening PGlite (WebAssembly PostgreSQL) and migrating it takes a few seconds on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
