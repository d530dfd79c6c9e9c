// Our own migration runner. Prisma's `migrate deploy` needs a native engine
// that is downloaded at run time (see STACK-NOTES), so start-up and tests
// apply the committed SQL with this instead, on PostgreSQL and PGlite alike.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * One database session. Both methods must run on the same connection, because
 * the runner holds a session-level advisory lock and opens transactions.
 */
export interface SqlExecutor {
  /** Runs one statement with $1-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  /** Folder name, e.g. `0001_init`; the order of application. */
  name: string;
  sql: string;
  /** sha256 of the SQL with line endings normalised, so a Windows checkout does not look changed. */
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** The committed migrations folder, found from this module so it works from any working directory. */
export const defaultMigrationsDir = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));

const migrationName = /^\d{4}_[a-z0-9_]+$/;

/**
 * Arbitrary but fixed key: every process migrating this database takes the
 * same lock, so two gateways starting at once apply each migration once.
 */
const advisoryLockKey = 4_711_202_611;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export async function readMigrations(dir: string = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && migrationName.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${dir}/${name}/migration.sql`, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

interface AppliedRow {
  name: string;
  checksum: string;
}

/**
 * Applies every migration not yet recorded in `_vi_migrations`, each in its
 * own transaction, in name order. Refuses to run when an applied migration's
 * file has changed or vanished: the database would no longer match the code.
 */
export async function migrate(
  exec: SqlExecutor,
  options: { migrationsDir?: string } = {},
): Promise<MigrationResult> {
  const migrations = await readMigrations(options.migrationsDir);
  await exec.query('SELECT pg_advisory_lock($1)', [advisoryLockKey]);
  try {
    await exec.exec(`CREATE TABLE IF NOT EXISTS "_vi_migrations" (
      "name" TEXT PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const appliedRows = await exec.query<AppliedRow>(
      'SELECT "name", "checksum" FROM "_vi_migrations" ORDER BY "name"',
    );
    const applied = new Map(appliedRows.map((row) => [row.name, row.checksum]));
    const onDisk = new Set(migrations.map((migration) => migration.name));

    for (const row of appliedRows) {
      if (!onDisk.has(row.name)) {
        throw new MigrationError(
          `Migration ${row.name} is recorded in the database but missing from ${options.migrationsDir ?? defaultMigrationsDir}; this code is older than the database.`,
          row.name,
        );
      }
    }
    for (const migration of migrations) {
      const recorded = applied.get(migration.name);
      if (recorded !== undefined && recorded !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied (checksum ${recorded.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Write a new migration instead of editing an applied one.`,
          migration.name,
        );
      }
    }

    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await exec.exec('BEGIN');
      try {
        await exec.exec(migration.sql);
        await exec.query('INSERT INTO "_vi_migrations" ("name", "checksum") VALUES ($1, $2)', [
          migration.name,
          migration.checksum,
        ]);
        await exec.exec('COMMIT');
      } catch (error) {
        await exec.exec('ROLLBACK');
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${reason}`,
          migration.name,
          {
            cause: error,
          },
        );
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await exec.query('SELECT pg_advisory_unlock($1)', [advisoryLockKey]);
  }
}
