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
import { migrate } from './migrate.ts';

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
  /**
   * The owner's postgresql:// URL (issue 10): migrations run on it, and `url` is then taken as the
   * runtime login (a member of RUNTIME_ROLE) and used as it is. Absent: `url` is the owner, and
   * after migrating every pooled connection acts as `runtimeRole` (see below).
   */
  ownerUrl?: string;
  /**
   * The role the connections take after migrating when no ownerUrl is given (default
   * RUNTIME_ROLE; false: stay the owner, for owner-only commands such as audit:archive).
   * PostgreSQL: sent as `-c role=…` in each connection's start-up packet. PGlite: SET ROLE on its
   * one connection. Either can be undone by `SET ROLE` from SQL on that connection, because the
   * session user is the owner; a separate runtime login (ownerUrl + url) cannot.
   */
  runtimeRole?: string | false;
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

/**
 * The role the gateway's queries run as (migration 0308): owns nothing, may read and write the
 * data tables, only INSERT and SELECT on "AuditEvent", nothing on migration or chain tables.
 * NOLOGIN: on a server, log in as a member (CREATE ROLE vi_gateway LOGIN PASSWORD '…' IN ROLE vi_runtime).
 */
export const RUNTIME_ROLE = 'vi_runtime';

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

const roleName = /^[a-z_][a-z0-9_]*$/;

function checkedRole(role: string): string {
  if (!roleName.test(role)) throw new Error(`Database role "${role}" must be a plain lower-case name.`);
  return role;
}

/** The URL with `-c role=…` added to its start-up `options` (kept, e.g. `-c jit=off`: the URL's own would win). */
function withStartupRole(url: string, role: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, `-c role=${role}`].filter(Boolean).join(' '));
  return parsed.toString();
}

async function openPostgres(
  url: string,
  runMigrations: boolean,
  statementTimeoutMs: number,
  ownerUrl: string | undefined,
  runtimeRole: string | false,
): Promise<Database> {
  if (runMigrations) {
    // Migrations need one session throughout: the advisory lock and each transaction belong to a
    // connection. It is the owner's (DATABASE_OWNER_URL), or the pool's own login when none is set.
    const owner = new pg.Client({ connectionString: ownerUrl ?? url });
    // An idle connection ended by the server must not crash the process (see the pool below).
    owner.on('error', () => {});
    await owner.connect();
    try {
      // A migration may rewrite a large table: no statement timeout for it.
      await owner.query('SET statement_timeout = 0');
      await migrate({
        async query<T>(sql: string, params?: unknown[]) {
          return (await owner.query(sql, params)).rows as T[];
        },
        async exec(sql: string) {
          await owner.query(sql);
        },
      });
    } finally {
      await owner.end();
    }
  }
  // Without a separate owner URL the login that migrated is the owner: its pooled connections then
  // act as the runtime role, taken in each connection's start-up packet (RESET ROLE keeps it).
  // A replica (runMigrations false) is used with its URL as given.
  const actAs = runMigrations && !ownerUrl && runtimeRole ? checkedRole(runtimeRole) : undefined;
  // Sent in each connection's start-up packet, so it holds for every query on the pool.
  const pool = new pg.Pool({
    connectionString: actAs ? withStartupRole(url, actAs) : url,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // An idle pooled connection can be ended by the server (restart, failover,
  // an administrator's pg_terminate_backend, a test database dropped WITH
  // FORCE). pg emits that on the pool; unheard it would crash the process.
  // The pool has already discarded the connection, so a note is enough.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  if (actAs) {
    // Never serve as the owner by mistake (a URL whose options the role setting did not reach).
    const who = await pool.query<{ role: string }>('SELECT current_user AS role').then(
      (result) => result.rows[0]?.role,
      async (error: unknown) => {
        await pool.end();
        throw error;
      },
    );
    if (who !== actAs) {
      await pool.end();
      throw new Error(`The database connections act as "${who}", not the runtime role "${actAs}".`);
    }
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
  const runtimeRole = options.runtimeRole ?? RUNTIME_ROLE;
  if (runtimeRole && options.migrate !== false) {
    // PGlite is one session of the superuser "postgres": SET ROLE is the nearest to a second login.
    // It makes UPDATE/DELETE/TRUNCATE on "AuditEvent", DISABLE TRIGGER and session_replication_role
    // fail as on PostgreSQL, but SQL on this connection could SET ROLE back (see SECURITY notes).
    await pglite.exec(`SET ROLE ${checkedRole(runtimeRole)}`);
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
      options.ownerUrl,
      options.runtimeRole ?? RUNTIME_ROLE,
    );
  }
  return openPglite(options);
}

/** The configuration the process-wide database is made from. */
function postgresUrl(name: string, url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`${name} must start with postgresql:// (got "${url.split(':')[0]}:…").`);
  }
  return url;
}

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  const ownerUrl = env.DATABASE_OWNER_URL?.trim();
  if (ownerUrl && !url) {
    throw new Error('DATABASE_OWNER_URL is set without DATABASE_URL, the runtime login the gateway uses.');
  }
  if (url) {
    return {
      url: postgresUrl('DATABASE_URL', url),
      ...(ownerUrl ? { ownerUrl: postgresUrl('DATABASE_OWNER_URL', ownerUrl) } : {}),
    };
  }
  const dataDir = env.VI_DATA_DIR?.trim();
  return { memory: env.VI_DB_MEMORY === '1', ...(dataDir ? { dataDir } : {}) };
}

/**
 * The owner's connection for owner-only commands (audit:archive, audit:verify): DATABASE_OWNER_URL,
 * else DATABASE_URL as it is, else the embedded database without SET ROLE.
 */
export function ownerDatabaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  const options = databaseOptionsFromEnv(env);
  if (options.ownerUrl) return { url: options.ownerUrl, runtimeRole: false };
  return { ...options, runtimeRole: false };
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
