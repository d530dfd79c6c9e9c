// Isolated databases for tests. With DATABASE_URL (CI's PostgreSQL) each call
// makes its own database on that server so test files never see each other's
// rows; without it, an in-memory PGlite. Both are migrated by the same runner
// the application uses.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import {
  closeDatabase,
  createDatabase,
  type Database,
  getDatabase,
  RUNTIME_ROLE,
  setDefaultDatabaseFactory,
} from './client.ts';

/** postgresql://…/test → the same server and credentials with another database name. */
function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * An empty database of its own on the DATABASE_URL server (no migrations
 * applied), for tests that drive the migration runner themselves.
 */
export async function createScratchPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabaseName(serverUrl, name),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        // FORCE ends connections a failed test may have left open.
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** The owner's session of each test database, for the few tests that must alter its schema. */
const owners = new WeakMap<Database, (sql: string, params?: unknown[]) => Promise<unknown[]>>();

/**
 * A fresh, migrated database that is dropped (PostgreSQL) or discarded (PGlite) on close(). Its
 * queries act as the runtime role (RUNTIME_ROLE), as the gateway's do: see ownerQuery for the owner.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const database = await createDatabase({ memory: true });
    // PGlite has one session: step out of the role for the statement and back (tests run it alone).
    owners.set(database, async (sql, params) => {
      await database.query('SET ROLE NONE');
      try {
        return await database.query(sql, params);
      } finally {
        await database.query(`SET ROLE ${RUNTIME_ROLE}`);
      }
    });
    return database;
  }

  const scratch = await createScratchPostgresDatabase(serverUrl);
  let database: Database;
  try {
    database = await createDatabase({ url: scratch.url });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  let owner: pg.Pool | undefined;
  const testDatabase: Database = {
    ...database,
    async close() {
      await owner?.end();
      await database.close();
      await scratch.drop();
    },
  };
  owners.set(testDatabase, async (sql, params) => {
    owner ??= new pg.Pool({ connectionString: scratch.url, max: 1 });
    return (await owner.query(sql, params)).rows;
  });
  return testDatabase;
}

/**
 * Runs SQL as the owner of a test database (default: this test file's getDatabase()), for tests
 * that rename a table or add a trigger to simulate a failure: the runtime role cannot.
 */
export async function ownerQuery(sql: string, params?: unknown[], database?: Database): Promise<unknown[]> {
  const target = database ?? (await getDatabase());
  const run = owners.get(target);
  if (!run) throw new Error('ownerQuery: not a database made by createTestDatabase().');
  return run(sql, params);
}

/**
 * For a vitest setup file: getDatabase() in this test file returns its own
 * fresh test database, closed (and dropped) after the file's tests.
 */
export function useTestDatabaseAsDefault(): void {
  setDefaultDatabaseFactory(createTestDatabase);
  afterAll(async () => {
    await closeDatabase();
    setDefaultDatabaseFactory(undefined);
  });
}

export { dumpAsText } from './dump-text.ts';
