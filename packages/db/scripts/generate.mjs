// Runs `prisma generate` without the native schema engine. Prisma's CLI
// otherwise downloads that engine from a host that strict networks (and the
// project's own machines) cannot reach; the Prisma 7 client needs no native
// engine, so pointing the lookup at a no-op binary is enough.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync('npx', ['prisma', 'generate', '--generator', 'client'], {
  cwd: packageDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
  },
});
process.exit(result.status ?? 1);
