import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultMigrationsDir,
  MigrationError,
  migrate,
  readMigrations,
  type SqlExecutor,
} from './migrate.ts';
import { createScratchPostgresDatabase } from './testing.ts';

const serverUrl = process.env.DATABASE_URL?.trim();
const engine = serverUrl ? 'postgresql' : 'pglite';

interface Session {
  executor: SqlExecutor;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty database and a factory for sessions on it, on the engine this run tests. */
async function emptyDatabase(): Promise<{ open(): Promise<Session> }> {
  if (!serverUrl) {
    const pglite = new PGlite();
    cleanups.push(() => pglite.close());
    const session: Session = {
      executor: {
        async query<T>(sql: string, params?: unknown[]) {
          return (await pglite.query<T>(sql, params)).rows;
        },
        async exec(sql: string) {
          await pglite.exec(sql);
        },
      },
      async close() {},
    };
    return { open: async () => session };
  }
  const scratch = await createScratchPostgresDatabase(serverUrl);
  cleanups.push(() => scratch.drop());
  return {
    async open() {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      return {
        executor: {
          async query<T>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as T[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        },
        close: () => client.end(),
      };
    },
  };
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vi-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

describe(`migrate on ${engine}`, () => {
  it('applies every committed migration in order and records name and checksum', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    const migrations = await readMigrations();
    expect(migrations.map((m) => m.name).slice(0, 2)).toEqual(['0001_init', '0002_audit_append_only']);
    expect(migrations.map((m) => m.name)).toEqual(migrations.map((m) => m.name).sort());

    const result = await migrate(session.executor);
    expect(result.applied).toEqual(migrations.map((m) => m.name));

    const recorded = await session.executor.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM "_vi_migrations" ORDER BY name',
    );
    expect(recorded).toEqual(migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
    const tables = await session.executor.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Organization', 'OutreachCase', 'QuestionnaireResponse')",
    );
    expect(tables).toHaveLength(3);
    await session.close();
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    await migrate(session.executor);
    await session.executor.query(
      `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('a', 'A', 'NGO', 'ANONYMOUS')`,
    );

    const second = await migrate(session.executor);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual((await readMigrations()).map((m) => m.name));
    const rows = await session.executor.query<{ n: number }>('SELECT count(*)::int AS n FROM "Organization"');
    expect(rows[0]?.n).toBe(1);
    await session.close();
  });

  it('refuses to run when an applied migration was edited', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    const dir = await copyOfMigrations();
    await migrate(session.executor, { migrationsDir: dir });
    await writeFile(join(dir, '0002_audit_append_only', 'migration.sql'), '-- edited\nSELECT 1;');

    const attempt = migrate(session.executor, { migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(session.executor, { migrationsDir: dir })).rejects.toThrow(
      /0002_audit_append_only was changed after it was applied/,
    );
    await session.close();
  });

  it('treats a checkout with CRLF line endings as unchanged', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    const dir = await copyOfMigrations();
    await migrate(session.executor, { migrationsDir: dir });
    const [, audit] = await readMigrations(dir);
    await writeFile(
      join(dir, '0002_audit_append_only', 'migration.sql'),
      audit?.sql.replace(/\n/g, '\r\n') ?? '',
    );
    await expect(migrate(session.executor, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] });
    await session.close();
  });

  it('refuses to run when the database has a migration this code does not know', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    await migrate(session.executor);
    await session.executor.query(
      `INSERT INTO "_vi_migrations" (name, checksum) VALUES ('0099_from_the_future', 'x')`,
    );
    await expect(migrate(session.executor)).rejects.toThrow(/0099_from_the_future .* missing/);
    await session.close();
  });

  it('rolls a failing migration back whole and does not record it', async () => {
    const db = await emptyDatabase();
    const session = await db.open();
    const dir = await copyOfMigrations();
    await mkdir(join(dir, '9999_broken'));
    await writeFile(
      join(dir, '9999_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id INT);\nINSERT INTO "NoSuchTable" VALUES (1);',
    );
    await expect(migrate(session.executor, { migrationsDir: dir })).rejects.toThrow(
      /9999_broken failed and was rolled back/,
    );
    const half = await session.executor.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'",
    );
    expect(half).toEqual([]);
    const recorded = await session.executor.query<{ name: string }>(
      'SELECT name FROM "_vi_migrations" ORDER BY name',
    );
    expect(recorded.map((r) => r.name)).toEqual((await readMigrations()).map((m) => m.name));
    // The session is usable again (no transaction left open) and the lock was released.
    const locks = await session.executor.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()",
    );
    expect(locks).toEqual([]);
    await session.close();
  });

  it.skipIf(!serverUrl)(
    'lets two processes start at once: each migration is applied exactly once',
    async () => {
      const db = await emptyDatabase();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      if (!a || !b) throw new Error('sessions not opened');
      const [first, second] = await Promise.all([migrate(a.executor), migrate(b.executor)]);
      // One of them did the work, the other waited on the lock and found it done.
      const all = (await readMigrations()).map((m) => m.name);
      expect([...first.applied, ...second.applied].sort()).toEqual(all);
      const recorded = await a.executor.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_vi_migrations"',
      );
      expect(recorded[0]?.n).toBe(all.length);
      await a.close();
      await b.close();
    },
  );
});
