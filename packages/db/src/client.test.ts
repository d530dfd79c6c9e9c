import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  createDatabase,
  type Database,
  databaseOptionsFromEnv,
  getDatabase,
  getReplicaDatabase,
} from './client.ts';
import { readMigrations } from './migrate.ts';
import { createScratchPostgresDatabase, createTestDatabase, useTestDatabaseAsDefault } from './testing.ts';

const serverUrl = process.env.DATABASE_URL?.trim();
const expectedEngine = serverUrl ? 'postgresql' : 'pglite';

useTestDatabaseAsDefault();

const opened: Database[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  delete process.env.DATABASE_REPLICA_URL;
});

describe('createTestDatabase', () => {
  it(`gives a migrated ${expectedEngine} database where Prisma and raw SQL see the same rows`, async () => {
    const db = await createTestDatabase();
    opened.push(db);
    expect(db.engine).toBe(expectedEngine);

    const org = await db.prisma.organization.create({
      data: { slug: 'odense', name: 'Odense Kommune', kind: 'MUNICIPALITY', stance: 'ANONYMOUS' },
    });
    const rows = await db.query<{ slug: string; riskLevels: string[] }>(
      'SELECT slug, "riskLevels" FROM "Organization" WHERE id = $1',
      [org.id],
    );
    expect(rows).toEqual([{ slug: 'odense', riskLevels: ['LOW', 'MODERATE', 'HIGH'] }]);
  });

  it('gives each call its own database', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    await a.prisma.organization.create({
      data: { slug: 'a', name: 'A', kind: 'NGO', stance: 'JOURNALISED' },
    });
    expect(await b.prisma.organization.count()).toBe(0);
  });

  it.skipIf(!serverUrl)('drops its PostgreSQL database on close', async () => {
    const db = await createTestDatabase();
    const [{ name } = { name: '' }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    expect(name).toMatch(/^vi_test_[0-9a-f]{12}$/);
    await db.close();
    const server = await createDatabase({ url: serverUrl, migrate: false });
    opened.push(server);
    const left = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(left).toEqual([]);
  });
});

describe('time zone of a session', () => {
  // The timestamp columns hold UTC; comparing them with timestamptz bounds converts them in the
  // session's zone. A database whose default is Danish time must not move a period's boundary.
  it(`is UTC on ${expectedEngine} even when the database's own default is Danish time`, async () => {
    let db: Database;
    if (serverUrl) {
      const scratch = await createScratchPostgresDatabase(serverUrl);
      const admin = await createDatabase({ url: serverUrl, migrate: false });
      try {
        await admin.query(
          `ALTER DATABASE "${new URL(scratch.url).pathname.slice(1)}" SET timezone = 'Europe/Copenhagen'`,
        );
      } finally {
        await admin.close();
      }
      const opened_ = await createDatabase({ url: scratch.url });
      db = {
        ...opened_,
        close: async () => {
          await opened_.close();
          await scratch.drop();
        },
      };
    } else {
      db = await createTestDatabase();
    }
    opened.push(db);
    const [row] = await db.query<{ zone: string; before: boolean }>(
      // 22:30 UTC on 14 January is 23:30 in Denmark: as a UTC wall-clock value it lies before midnight
      // Danish time (23:00 UTC); read in Danish time it would not.
      `SELECT current_setting('TimeZone') AS zone,
              '2026-01-14 22:30:00'::timestamp < '2026-01-15 00:00:00+01'::timestamptz AS before`,
    );
    expect(row).toEqual({ zone: 'UTC', before: true });
  });
});

describe('PGlite on disk', () => {
  it('keeps data across a restart and does not re-apply migrations', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vi-pglite-'));
    tempDirs.push(dataDir);
    const first = await createDatabase({ dataDir });
    await first.prisma.organization.create({
      data: { slug: 'koege', name: 'Køge Kommune', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
    });
    await first.close();

    // As the owner: the runtime role may not read the migration runner's table (issue 10).
    const second = await createDatabase({ dataDir, runtimeRole: false });
    opened.push(second);
    expect(second.engine).toBe('pglite');
    expect((await second.prisma.organization.findUniqueOrThrow({ where: { slug: 'koege' } })).name).toBe(
      'Køge Kommune',
    );
    const applied = await second.query<{ n: number }>('SELECT count(*)::int AS n FROM "_vi_migrations"');
    expect(applied[0]?.n).toBe((await readMigrations()).length);
  });
});

describe('PGlite migrated step by step', () => {
  it('sends arrays of the enums its migrations created as arrays', async () => {
    // Without the template every enum is created after PGlite has read the array types; a
    // `Gender[]` parameter then went as the string "WOMAN" (malformed array literal).
    const db = await createDatabase({ memory: true, template: false });
    opened.push(db);
    const rows = await db.query<{ genders: string }>(`SELECT $1::"Gender"[]::text AS genders`, [
      ['WOMAN', 'MAN'],
    ]);
    expect(rows[0]?.genders).toBe('{WOMAN,MAN}');
  });
});

describe('process-wide default', () => {
  it('is memoised, isolated for this test file, and reopens after closeDatabase()', async () => {
    const first = await getDatabase();
    expect(await getDatabase()).toBe(first);
    expect(first.engine).toBe(expectedEngine);
    await first.prisma.organization.create({
      data: { slug: 'x', name: 'X', kind: 'NGO', stance: 'ANONYMOUS' },
    });

    await closeDatabase();
    const second = await getDatabase();
    expect(second).not.toBe(first);
    // A fresh test database: nothing from before.
    expect(await second.prisma.organization.count()).toBe(0);
  });

  it('uses the primary for evaluation reads when no replica is configured', async () => {
    expect(await getReplicaDatabase()).toBe(await getDatabase());
  });

  it.skipIf(!serverUrl)('opens DATABASE_REPLICA_URL separately, without migrating it', async () => {
    const primary = await getDatabase();
    const [{ name } = { name: '' }] = await primary.query<{ name: string }>(
      'SELECT current_database() AS name',
    );
    const replicaUrl = new URL(serverUrl ?? '');
    replicaUrl.pathname = `/${name}`;
    process.env.DATABASE_REPLICA_URL = replicaUrl.toString();
    const replica = await getReplicaDatabase();
    expect(replica).not.toBe(primary);
    expect(replica.engine).toBe('postgresql');
    await primary.prisma.organization.create({
      data: { slug: 'r', name: 'R', kind: 'NGO', stance: 'ANONYMOUS' },
    });
    expect(await replica.prisma.organization.count({ where: { slug: 'r' } })).toBe(1);
  });
});

describe('databaseOptionsFromEnv', () => {
  it('prefers DATABASE_URL, else PGlite on VI_DATA_DIR or in memory', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: 'postgresql://u@h:5432/d', VI_DB_MEMORY: '1' })).toEqual({
      url: 'postgresql://u@h:5432/d',
    });
    expect(databaseOptionsFromEnv({ VI_DATA_DIR: '/srv/vi' })).toEqual({ memory: false, dataDir: '/srv/vi' });
    expect(databaseOptionsFromEnv({ VI_DB_MEMORY: '1' })).toEqual({ memory: true });
    expect(databaseOptionsFromEnv({ DATABASE_URL: '  ' })).toEqual({ memory: false });
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL, without echoing credentials', () => {
    expect(() => databaseOptionsFromEnv({ DATABASE_URL: 'mysql://root:secret@h/db' })).toThrow(
      /DATABASE_URL must start with postgresql:\/\//,
    );
    expect(() => databaseOptionsFromEnv({ DATABASE_URL: 'mysql://root:secret@h/db' })).not.toThrow(/secret/);
  });
});
