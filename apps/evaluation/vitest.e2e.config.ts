import '../../tooling/e2e/src/map-group-by.ts';
import { defineConfig } from 'vitest/config';

// Starts the gateway (migrations + demo seed) and a real Chromium: generous timeouts, one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
