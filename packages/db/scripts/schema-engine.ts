// Prisma's schema engine compiled to WebAssembly, loaded in-process so that
// migration SQL can be produced without the native engine Prisma's CLI would
// download (STACK-NOTES: that download fails on restricted networks).
// The package's own entry imports the .wasm file as an ES module, which Node 20
// cannot do, so we instantiate the module ourselves with its JS glue.
// The engine crashes when loaded twice in one process, hence the memo.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Engine = Awaited<ReturnType<typeof glue.SchemaEngine.new>>;

const require = createRequire(import.meta.url);
let loaded = false;

// The WebAssembly global exists in Node but our lib settings (ES2023, no DOM) do not declare it.
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; imports(module: object): Array<{ module: string }> };
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

function instantiate(): void {
  if (loaded) return;
  // The .wasm is not in the package's exports map: locate it beside the glue.
  const wasmPath = join(
    dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const module = new wasm.Module(readFileSync(wasmPath));
  const imports: Record<string, unknown> = {};
  for (const entry of wasm.Module.imports(module)) imports[entry.module] = glue;
  const instance = new wasm.Instance(module, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  loaded = true;
}

const noFilters = { externalTables: [], externalEnums: [] };

export const packageDir = join(import.meta.dirname, '..');
export const schemaPath = join(packageDir, 'prisma', 'schema.prisma');
export const migrationsDir = join(packageDir, 'prisma', 'migrations');

/** Opens the engine over an in-memory PGlite; its shadow database is another in-memory PGlite. */
export async function openSchemaEngine(): Promise<{ engine: Engine; close(): Promise<void> }> {
  instantiate();
  const pglite = new PGlite();
  const schema = readFileSync(schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await glue.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, adapter);
  return {
    engine,
    async close() {
      engine.free();
      await pglite.close();
    },
  };
}

function migrationList() {
  const directories = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    // Prisma reads the provider from a lock file; ours is always PostgreSQL, so say it here.
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/**
 * SQL that takes a database built by the committed migrations to the state
 * schema.prisma describes; empty when they agree.
 */
export async function diffMigrationsToSchema(engine: Engine): Promise<string> {
  const schema = readFileSync(schemaPath, 'utf8');
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationList() },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const script = result.stdout ?? '';
  const handWritten = handWrittenIndexes();
  // The engine separates steps with blank lines, each step a "-- Title" comment and its SQL.
  const steps = script.split(/\n\s*\n/).filter((step) => {
    const dropped = /^\s*(?:--[^\n]*\n)?DROP INDEX "([^"]+)";\s*$/.exec(step)?.[1];
    return !(dropped && handWritten.has(dropped));
  });
  const statements = steps
    .join('\n\n')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('\n');
  // The engine prints a comment-only script when there is nothing to do.
  return statements.trim() === '' ? '' : `${steps.join('\n\n').trim()}\n`;
}

/**
 * Indexes that migrations create with INCLUDE columns or a WHERE clause,
 * which schema.prisma cannot express. The engine would drop them to match
 * the schema; they are kept on purpose, so such drops are not differences.
 */
function handWrittenIndexes(): Set<string> {
  const names = new Set<string>();
  for (const directory of migrationList().migrationDirectories) {
    const content = directory.migrationFile.content;
    if (content.tag !== 'ok') continue;
    for (const match of content.value.matchAll(
      /CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?"([^"]+)"([^;]*);/gi,
    )) {
      const [, name, rest] = match;
      if (name && rest && /\b(INCLUDE|WHERE)\b/i.test(rest)) names.add(name);
    }
  }
  return names;
}
