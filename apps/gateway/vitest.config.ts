import '../../tooling/e2e/src/map-group-by.ts';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node (and so Pothos and Yoga, loaded
    // from node_modules) gets its CommonJS build, while Vite would give our
    // source files the .mjs build — two graphql realms. Point Vite at the
    // same file Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Each test file gets its own database (PGlite in memory, or a fresh
    // database on DATABASE_URL's server) as @vi/db's default.
    setupFiles: ['./src/testing/setup-database.ts'],
    // Opening and migrating PGlite takes a few seconds on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
