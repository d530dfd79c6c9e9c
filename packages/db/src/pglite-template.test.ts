import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './client.ts';
import { dumpAsText } from './dump-text.ts';
import { defaultMigrationsDir, readMigrations } from './migrate.ts';
import {
  buildPgliteTemplate,
  chooseTemplate,
  manifestFileOf,
  type TemplateManifest,
} from './pglite-template.ts';

// Everything a migration can create, as sorted text, without OIDs (which differ between two
// databases built the same way). Rows of every table are compared too (dumpAsText), except
// `_vi_migrations.applied_at`, which records when the template was made.
const catalogQueries: Record<string, string> = {
  tables: `SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text AS acl,
             pg_get_userbyid(c.relowner) AS owner
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' ORDER BY c.relname`,
  columns: `SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable,
              column_default, character_maximum_length, numeric_precision, is_identity, is_generated
            FROM information_schema.columns WHERE table_schema = 'public'
            ORDER BY table_name, ordinal_position`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
            ORDER BY tablename, indexname`,
  constraints: `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                ORDER BY tbl, conname`,
  triggers: `SELECT tgrelid::regclass::text AS tbl, tgname, tgenabled, pg_get_triggerdef(oid) AS def
             FROM pg_trigger WHERE NOT tgisinternal ORDER BY tbl, tgname`,
  functions: `SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args,
                pg_get_functiondef(p.oid) AS def, p.proacl::text AS acl, p.prosecdef,
                pg_get_userbyid(p.proowner) AS owner
              FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY p.proname, args`,
  types: `SELECT t.typname, e.enumsortorder, e.enumlabel FROM pg_type t
          JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
  views: `SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY viewname`,
  policies: `SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check
             FROM pg_policies ORDER BY tablename, policyname`,
  tableGrants: `SELECT grantee, table_name, privilege_type, is_grantable FROM information_schema.role_table_grants
                WHERE table_schema = 'public' ORDER BY grantee, table_name, privilege_type`,
  roles: `SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls
          FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname`,
  memberships: `SELECT r.rolname AS role, m.rolname AS member FROM pg_auth_members a
                JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                WHERE r.rolname NOT LIKE 'pg\\_%' ORDER BY role, member`,
  schemas: `SELECT nspname, nspacl::text AS acl, pg_get_userbyid(nspowner) AS owner FROM pg_namespace
            WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname`,
  defaultPrivileges: `SELECT pg_get_userbyid(defaclrole) AS role, defaclobjtype, defaclacl::text AS acl
                      FROM pg_default_acl ORDER BY role, defaclobjtype`,
  extensions: 'SELECT extname, extversion FROM pg_extension ORDER BY extname',
  settings: `SELECT coalesce(d.datname, '*') AS db, coalesce(r.rolname, '*') AS role, s.setconfig::text
             FROM pg_db_role_setting s LEFT JOIN pg_database d ON d.oid = s.setdatabase
             LEFT JOIN pg_roles r ON r.oid = s.setrole ORDER BY db, role`,
};

async function catalogOf(db: Database): Promise<Record<string, unknown>> {
  const catalog: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(catalogQueries)) catalog[name] = await db.query(sql);
  catalog.migrations = await db.query('SELECT name, checksum FROM "_vi_migrations" ORDER BY name');
  catalog.rows = (await dumpAsText(db)).text
    .split('\n')
    .filter((line) => !line.includes('"applied_at"'))
    .join('\n');
  return catalog;
}

async function appliedAt(db: Database): Promise<Array<{ name: string; at: Date }>> {
  return db.query('SELECT name, applied_at AS at FROM "_vi_migrations" ORDER BY name');
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function open(options: Parameters<typeof createDatabase>[0]): Promise<Database> {
  // The owner's view: the runtime role cannot read every catalog entry a migration makes.
  const db = await createDatabase({ runtimeRole: false, ...options });
  cleanups.push(() => db.close());
  return db;
}

// Built in this run from the committed migrations, so the test never depends on `npm run generate`.
let fullTemplate: string;
let olderTemplate: string;
let stepByStep: Record<string, unknown>;

describe('the embedded database from a migrated template', () => {
  beforeAll(async () => {
    const dir = await scratchDir('vi-template-');
    fullTemplate = join(dir, 'full', 'template.tar.gz');
    await buildPgliteTemplate({ templateFile: fullTemplate });
    // A template made before the newest migration was written: the committed folder less its last.
    const migrations = await readMigrations();
    const olderMigrations = join(dir, 'older-migrations');
    for (const migration of migrations.slice(0, -1)) {
      await cp(join(defaultMigrationsDir, migration.name), join(olderMigrations, migration.name), {
        recursive: true,
      });
    }
    olderTemplate = join(dir, 'older', 'template.tar.gz');
    await buildPgliteTemplate({ templateFile: olderTemplate, migrationsDir: olderMigrations });
    stepByStep = await catalogOf(await open({ memory: true, template: false }));
  }, 300_000);

  it('equals a database migrated step by step, in memory and in an empty data folder', async () => {
    const before = new Date();
    const inMemory = await open({ memory: true, template: fullTemplate });
    const onDisk = await open({ dataDir: await scratchDir('vi-data-'), template: fullTemplate });
    const all = (await readMigrations()).map((migration) => migration.name);
    for (const db of [inMemory, onDisk]) {
      // Every row came from the template (made before this test opened anything): nothing re-ran.
      const rows = await appliedAt(db);
      expect(rows.map((row) => row.name)).toEqual(all);
      for (const row of rows) expect(new Date(row.at).getTime()).toBeLessThan(before.getTime());
      expect(await catalogOf(db)).toEqual(stepByStep);
    }
    // The step-by-step catalog is not trivially empty: the comparison has something to miss.
    expect((stepByStep.triggers as unknown[]).length).toBeGreaterThan(0);
    expect((stepByStep.tableGrants as unknown[]).length).toBeGreaterThan(0);
  }, 120_000);

  it('applies the migrations newer than the template, and only those', async () => {
    const all = (await readMigrations()).map((migration) => migration.name);
    const newest = all.at(-1);
    const choice = await chooseTemplate({ templateFile: olderTemplate });
    expect(choice.use && choice.migrations).toEqual(all.slice(0, -1));

    const before = new Date();
    const db = await open({ dataDir: await scratchDir('vi-data-'), template: olderTemplate });
    const rows = await appliedAt(db);
    expect(rows.map((row) => row.name)).toEqual(all);
    const late = rows.filter((row) => new Date(row.at).getTime() >= before.getTime());
    expect(late.map((row) => row.name)).toEqual([newest]);
    expect(await catalogOf(db)).toEqual(stepByStep);
  }, 120_000);

  it('refuses a template that does not match the migrations on disk', async () => {
    const migrations = await readMigrations();
    await expect(chooseTemplate({ templateFile: fullTemplate, migrations })).resolves.toMatchObject({
      use: true,
    });

    // An applied migration edited afterwards.
    const edited = migrations.map((m, i) => (i === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(chooseTemplate({ templateFile: fullTemplate, migrations: edited })).resolves.toMatchObject({
      use: false,
      reason: expect.stringMatching(/0002_audit_append_only/),
    });
    // A newer migration (from a merged branch) that sorts before one the template holds.
    const inserted = [...migrations];
    inserted.splice(2, 0, { name: '0003_from_a_branch', sql: 'SELECT 1;', checksum: 'x' });
    await expect(chooseTemplate({ templateFile: fullTemplate, migrations: inserted })).resolves.toMatchObject(
      { use: false },
    );
    // A template migration removed from disk.
    await expect(
      chooseTemplate({ templateFile: fullTemplate, migrations: migrations.slice(0, -1) }),
    ).resolves.toMatchObject({ use: false });
    // No template at all.
    await expect(
      chooseTemplate({ templateFile: join(tmpdir(), 'vi-no-such-template.tar.gz') }),
    ).resolves.toMatchObject({ use: false, reason: expect.stringMatching(/no template/) });
  });

  it('refuses a damaged tarball and one made by another PGlite version', async () => {
    const dir = await scratchDir('vi-template-bad-');
    const manifest = JSON.parse(await readFile(manifestFileOf(fullTemplate), 'utf8')) as TemplateManifest;
    const tarball = await readFile(fullTemplate);

    const damaged = join(dir, 'damaged.tar.gz');
    await writeFile(damaged, tarball.subarray(0, tarball.length - 1));
    await writeFile(manifestFileOf(damaged), JSON.stringify(manifest));
    await expect(chooseTemplate({ templateFile: damaged })).resolves.toMatchObject({
      use: false,
      reason: expect.stringMatching(/does not match/),
    });

    const other = join(dir, 'other.tar.gz');
    await writeFile(other, tarball);
    await writeFile(manifestFileOf(other), JSON.stringify({ ...manifest, pglite: '0.0.1' }));
    await expect(chooseTemplate({ templateFile: other })).resolves.toMatchObject({
      use: false,
      reason: expect.stringMatching(/PGlite 0\.0\.1/),
    });
  });
});
