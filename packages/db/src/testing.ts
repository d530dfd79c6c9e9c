// Isolated databases for tests. With DATABASE_URL (CI's PostgreSQL) each call
// makes its own database on that server so test files never see each other's
// rows; without it, an in-memory PGlite. Both are migrated by the same runner
// the application uses.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { closeDatabase, createDatabase, type Database, setDefaultDatabaseFactory } from './client.ts';

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

/** A fresh, migrated database that is dropped (PostgreSQL) or discarded (PGlite) on close(). */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) return createDatabase({ memory: true });

  const scratch = await createScratchPostgresDatabase(serverUrl);
  let database: Database;
  try {
    database = await createDatabase({ url: scratch.url });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return {
    ...database,
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
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
