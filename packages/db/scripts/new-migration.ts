// Writes the next migration from the difference between the committed
// migrations and prisma/schema.prisma, without network:
//   npx tsx scripts/new-migration.ts add_something   → prisma/migrations/NNNN_add_something/migration.sql
//   npx tsx scripts/new-migration.ts --check         → exit 1 when the schema has changes no migration holds
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffMigrationsToSchema, migrationsDir, openSchemaEngine } from './schema-engine.ts';

const argument = process.argv[2];
if (!argument) {
  console.error('Usage: tsx scripts/new-migration.ts <snake_case_name> | --check');
  process.exit(2);
}
if (argument !== '--check' && !/^[a-z][a-z0-9_]*$/.test(argument)) {
  console.error(`Migration name "${argument}" must be snake_case (a-z, 0-9, _).`);
  process.exit(2);
}

const { engine, close } = await openSchemaEngine();
try {
  const sql = await diffMigrationsToSchema(engine);
  if (argument === '--check') {
    if (sql) {
      console.error('schema.prisma has changes that no migration holds:\n');
      console.error(sql);
      process.exitCode = 1;
    } else {
      console.log('Migrations match schema.prisma.');
    }
  } else if (!sql) {
    console.log('No schema changes: no migration written.');
  } else {
    const numbers = readdirSync(migrationsDir)
      .map((name) => Number.parseInt(name.slice(0, 4), 10))
      .filter((n) => Number.isInteger(n));
    const next = String(Math.max(0, ...numbers) + 1).padStart(4, '0');
    const dir = join(migrationsDir, `${next}_${argument}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
} finally {
  await close();
}
