import './src/map-group-by.ts';
import { defineConfig } from 'vitest/config';

// The harness's own tests drive the real Chromium; they run with `npm run e2e`, not with the unit tests.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
