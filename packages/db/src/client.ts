// One way to get a migrated database, whichever engine runs underneath:
// PostgreSQL when a URL is given (production, CI), otherwise PGlite, real
// PostgreSQL compiled to WebAssembly, so `npm start` needs nothing installed.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { migrate, type SqlExecutor } from './migrate.ts';

export type DatabaseEngine = 'postgresql' | 'pglite';

export interface Database {
  prisma: PrismaClient;
  engine: DatabaseEngine;
  /** Raw SQL with $1-style parameters, on the same connection pool (or PGlite instance) as `prisma`. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgresql:// URL. When absent, PGlite is used. */
  url?: string;
  /** PGlite data directory (default `<repo root>/.data/pglite`). */
  dataDir?: string;
  /** PGlite in memory: nothing is persisted. */
  memory?: boolean;
  /** Apply pending migrations before resolving (default true; off for read replicas, which cannot be written). */
  migrate?: boolean;
  /**
   * PostgreSQL's statement_timeout on every connection, in ms (default DEFAULT_STATEMENT_TIMEOUT_MS;
   * 0: none). Migrations run without it. PGlite takes the setting but cannot enforce it: it runs in
   * this process's thread and no timer interrupts a running statement.
   */
  statementTimeoutMs?: number;
}

/**
 * No statement of a request runs longer (issue 9): a runaway query would otherwise hold a connection
 * and slow every other user. Well above the slowest real statement (an import of 20,000 rows).
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** Where the embedded database lives when nothing else is configured. */
export const defaultDataDir = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));

let warnedAboutPglite = false;

function warnAboutPglite(): void {
  if (warnedAboutPglite) return;
  warnedAboutPglite = true;
  if (process.env.NODE_ENV === 'production') {
    console.warn(
      [
        '',
        '!!! WARNING: running in production on the embedded PGlite database. !!!',
        '!!! PGlite runs one query at a time on one connection and is meant  !!!',
        '!!! for a demo or a single small team. Set DATABASE_URL to a        !!!',
        '!!! PostgreSQL server for real use.                                 !!!',
        '',
      ].join('\n'),
    );
  } else if (!process.env.VITEST) {
    console.warn(
      'Using the embedded PGlite database (no DATABASE_URL set). It serves a demo or a single small team; set DATABASE_URL to a PostgreSQL server for more.',
    );
  }
}

async function openPostgres(
  url: string,
  runMigrations: boolean,
  statementTimeoutMs: number,
): Promise<Database> {
  // Sent in each connection's start-up packet, so it holds for every query on the pool.
  const pool = new pg.Pool({
    connectionString: url,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle pooled connection can be ended by the server (restart, failover,
  // an administrator's pg_terminate_backend, a test database dropped WITH
  // FORCE). pg emits that on the pool; unheard it would crash the process.
  // The pool has already discarded the connection, so a note is enough.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  try {
    if (runMigrations) {
      // Migrations need one session throughout: the advisory lock and each
      // transaction belong to a connection, not to the pool.
      const client = await pool.connect();
      try {
        // A migration may rewrite a large table: no statement timeout for it.
        await client.query('SET statement_timeout = 0');
        const executor: SqlExecutor = {
          async query<T>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as T[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        };
        await migrate(executor);
        await client.query('RESET statement_timeout');
      } finally {
        client.release();
      }
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    engine: 'postgresql',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  warnAboutPglite();
  let pglite: PGlite;
  if (options.memory) {
    pglite = new PGlite();
  } else {
    const dataDir = options.dataDir ?? defaultDataDir;
    mkdirSync(dataDir, { recursive: true });
    pglite = new PGlite(dataDir);
  }
  try {
    if (options.migrate !== false) {
      await migrate({
        async query<T>(sql: string, params?: unknown[]) {
          return (await pglite.query<T>(sql, params)).rows;
        },
        async exec(sql: string) {
          await pglite.exec(sql);
        },
      });
    }
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  // Set for parity with PostgreSQL (SHOW statement_timeout); PGlite does not enforce it.
  await pglite.exec(`SET statement_timeout = ${Math.max(0, Math.floor(statementTimeoutMs))}`);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** Opens a database and applies pending migrations before it resolves. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    return openPostgres(
      options.url,
      options.migrate !== false,
      options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    );
  }
  return openPglite(options);
}

/** The configuration the process-wide database is made from. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with postgresql:// (got "${url.split(':')[0]}:…").`);
    }
    return { url };
  }
  const dataDir = env.VI_DATA_DIR?.trim();
  return { memory: env.VI_DB_MEMORY === '1', ...(dataDir ? { dataDir } : {}) };
}

type DatabaseFactory = () => Promise<Database>;

let defaultFactory: DatabaseFactory = () => createDatabase(databaseOptionsFromEnv());
let primary: Promise<Database> | undefined;
let replica: Promise<Database> | undefined;

function memoise(
  factory: DatabaseFactory,
  store: (value: Promise<Database> | undefined) => void,
): Promise<Database> {
  const opening = factory();
  store(opening);
  // A failed open must not poison the memo: the next call tries again.
  opening.catch(() => store(undefined));
  return opening;
}

/** The process-wide database (memoised), from DATABASE_URL, VI_DATA_DIR and VI_DB_MEMORY=1. */
export function getDatabase(): Promise<Database> {
  return (
    primary ??
    memoise(defaultFactory, (value) => {
      primary = value;
    })
  );
}

/**
 * A database for heavy read-only queries (evaluation): the replica at
 * DATABASE_REPLICA_URL when set, otherwise the primary. Never migrated:
 * the replica follows the primary.
 */
export function getReplicaDatabase(): Promise<Database> {
  const replicaUrl = process.env.DATABASE_REPLICA_URL?.trim();
  if (!replicaUrl) return getDatabase();
  return (
    replica ??
    memoise(
      () => createDatabase({ url: replicaUrl, migrate: false }),
      (value) => {
        replica = value;
      },
    )
  );
}

/** Closes the process-wide databases; the next getDatabase() opens a new one. */
export async function closeDatabase(): Promise<void> {
  const opened = [primary, replica];
  primary = undefined;
  replica = undefined;
  await Promise.all(
    opened.map(async (opening) => {
      if (!opening) return;
      const database = await opening.catch(() => undefined);
      await database?.close();
    }),
  );
}

/**
 * Replaces how getDatabase() opens the process-wide database. For
 * `@vi/db/testing`; application code configures through the environment.
 */
export function setDefaultDatabaseFactory(factory: DatabaseFactory | undefined): void {
  defaultFactory = factory ?? (() => createDatabase(databaseOptionsFromEnv()));
}
