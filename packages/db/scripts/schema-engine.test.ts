import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema, openSchemaEngine } from './schema-engine.ts';

describe('committed migrations', () => {
  it('build exactly the database schema.prisma describes (run `npm run migration:new -w @vi/db -- <name>` if not)', async () => {
    const { engine, close } = await openSchemaEngine();
    try {
      expect(await diffMigrationsToSchema(engine)).toBe('');
    } finally {
      await close();
    }
  });
});
