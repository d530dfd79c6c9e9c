// Issue 10, item 1: the gateway's database role cannot bend the audit trail. Each attack below is
// what a hostile user with SQL on the gateway's connection would try; the test fails if one works.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  type Database,
  databaseOptionsFromEnv,
  ownerDatabaseOptionsFromEnv,
  RUNTIME_ROLE,
} from './client.ts';
import { createScratchPostgresDatabase, createTestDatabase, ownerQuery } from './testing.ts';

type Run = (sql: string) => Promise<unknown>;

/** Attacks on the audit table that must all fail for the runtime role. */
async function expectAuditTrailHolds(run: Run): Promise<void> {
  await run(`INSERT INTO "AuditEvent" ("action", "entity") VALUES ('READ', 'Person')`);
  expect(await run(`SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual([{ n: 1 }]);
  await expect(run(`UPDATE "AuditEvent" SET "action" = 'NOTHING'`)).rejects.toThrow(/permission denied/);
  await expect(run(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
  await expect(run(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
  await expect(
    run(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"`),
  ).rejects.toThrow(/must be owner/);
  await expect(run(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
  await expect(run(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  await expect(run(`SET LOCAL session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  await expect(run(`DROP TRIGGER "AuditEvent_chain" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
  await expect(
    run(`CREATE OR REPLACE FUNCTION "vi_audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql
         AS $$ BEGIN RETURN OLD; END $$`),
  ).rejects.toThrow(/must be owner|permission denied/);
  // The chain's head and anchors, and the migration runner's table, are the owner's alone.
  await expect(run(`UPDATE "AuditChainHead" SET "seq" = 0`)).rejects.toThrow(/permission denied/);
  await expect(run(`SELECT * FROM "AuditChainAnchor"`)).rejects.toThrow(/permission denied/);
  await expect(run(`SELECT * FROM "_vi_migrations"`)).rejects.toThrow(/permission denied/);
  await expect(run(`CREATE TABLE "Sneaky" (id int)`)).rejects.toThrow(/permission denied/);
  // The row is still there and unchanged.
  expect(await run(`SELECT "action" FROM "AuditEvent"`)).toEqual([{ action: 'READ' }]);
}

describe('configuration', () => {
  const owner = 'postgresql://vi_owner@db/vi';
  const gateway = 'postgresql://vi_gateway@db/vi';

  it('takes DATABASE_URL as the gateway login and DATABASE_OWNER_URL for migrations', () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: gateway, DATABASE_OWNER_URL: owner })).toEqual({
      url: gateway,
      ownerUrl: owner,
    });
    expect(ownerDatabaseOptionsFromEnv({ DATABASE_URL: gateway, DATABASE_OWNER_URL: owner })).toEqual({
      url: owner,
      runtimeRole: false,
    });
    // DATABASE_URL alone is the owner (its connections then act as the runtime role).
    expect(databaseOptionsFromEnv({ DATABASE_URL: owner })).toEqual({ url: owner });
    expect(ownerDatabaseOptionsFromEnv({ DATABASE_URL: owner })).toEqual({ url: owner, runtimeRole: false });
    expect(() => databaseOptionsFromEnv({ DATABASE_OWNER_URL: owner })).toThrow(/without DATABASE_URL/);
    expect(() => databaseOptionsFromEnv({ DATABASE_URL: gateway, DATABASE_OWNER_URL: 'mysql://x' })).toThrow(
      /DATABASE_OWNER_URL must start with postgresql/,
    );
  });
});

describe('the runtime role of a test database (the gateway tests run as it)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('is the runtime role, which owns nothing', async () => {
    expect(await db.query('SELECT current_user AS role')).toEqual([{ role: RUNTIME_ROLE }]);
    const owned = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = $1`,
      [RUNTIME_ROLE],
    );
    expect(owned).toEqual([]);
  });

  it('can read and write the data tables, but not bend the audit trail', async () => {
    await db.query(
      `INSERT INTO "LoginThrottle" ("limiter", "key", "level", "updatedAt", "blockedUntil")
       VALUES ('global', 'k', 1, now(), now())`,
    );
    await db.query(`UPDATE "LoginThrottle" SET "level" = 2 WHERE "key" = 'k'`);
    await db.query(`DELETE FROM "LoginThrottle" WHERE "key" = 'k'`);
    await expectAuditTrailHolds((sql) => db.query(sql));
  });

  it('is undone by the owner only (ownerQuery), who still meets the append-only trigger', async () => {
    await db.query(`INSERT INTO "AuditEvent" ("action", "entity") VALUES ('READ', 'Person')`);
    await expect(ownerQuery(`DELETE FROM "AuditEvent"`, [], db)).rejects.toThrow(/append-only/);
    expect(await ownerQuery('SELECT current_user AS role', [], db)).not.toEqual([{ role: RUNTIME_ROLE }]);
    expect(await db.query('SELECT current_user AS role')).toEqual([{ role: RUNTIME_ROLE }]);
  });
});

describe.runIf(!process.env.DATABASE_URL)('PGlite', () => {
  it('cannot keep SQL on its one connection from stepping out of the role (a known limit)', async () => {
    // PGlite is a single session of the superuser "postgres"; SET ROLE is the nearest to a second
    // login. It makes every attack above fail, but SQL that itself runs SET ROLE NONE is the owner.
    const db = await createTestDatabase();
    try {
      await db.query('SET ROLE NONE');
      expect(await db.query('SELECT current_user AS role')).toEqual([{ role: 'postgres' }]);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('PostgreSQL: a login that is a member of the runtime role', () => {
  const serverUrl = process.env.DATABASE_URL?.trim() ?? '';
  const login = `vi_test_login_${Math.random().toString(16).slice(2, 10)}`;
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl);
    // Migrated by the owner; the gateway then logs in as a member of vi_runtime, as README shows.
    const owner = await createDatabase({ url: scratch.url, runtimeRole: false });
    await owner.query(`CREATE ROLE ${login} LOGIN IN ROLE ${RUNTIME_ROLE}`);
    await owner.close();
    const url = new URL(scratch.url);
    url.username = login;
    url.password = '';
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await scratch?.drop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${login}`);
    await admin.end();
  });

  it('cannot bend the audit trail, nor become the owner', async () => {
    const run: Run = async (sql) => (await client.query(sql)).rows;
    await expectAuditTrailHolds(run);
    await expect(run('SET ROLE postgres')).rejects.toThrow(/permission denied/);
    await run('RESET ROLE');
    await expect(run(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });

  it('DATABASE_URL alone: the owner migrates, its pooled connections act as the runtime role', async () => {
    // A URL with start-up options of its own (README: jit=off) keeps them and still gets the role.
    const url = new URL(scratch.url);
    url.searchParams.set('options', '-c jit=off');
    const db = await createDatabase({ url: url.toString() });
    try {
      expect(await db.query('SELECT current_user AS role, current_setting($1) AS jit', ['jit'])).toEqual([
        { role: RUNTIME_ROLE, jit: 'off' },
      ]);
      await expect(db.query('TRUNCATE "AuditEvent"')).rejects.toThrow(/permission denied/);
    } finally {
      await db.close();
    }
  });

  it('gateway start-up with DATABASE_OWNER_URL migrates as the owner and serves as the login', async () => {
    const url = new URL(scratch.url);
    url.username = login;
    url.password = '';
    const db = await createDatabase({ url: url.toString(), ownerUrl: scratch.url });
    try {
      expect(await db.query('SELECT session_user AS role')).toEqual([{ role: login }]);
      expect(await db.prisma.auditEvent.count()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
