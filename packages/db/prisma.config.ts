import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. Migrations are applied by our own runner
// (src/migrate.ts), which needs no downloaded schema engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
