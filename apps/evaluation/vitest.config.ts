import '../../tooling/e2e/src/map-group-by.ts';
import { defineConfig } from 'vitest/config';

// Unit tests only; the browser tests in e2e/ need a built app and run with `npm run e2e`.
export default defineConfig({
  test: { include: ['src/**/*.test.{ts,tsx}'], passWithNoTests: true },
});
