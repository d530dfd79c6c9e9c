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
import { chooseTemplate, isEmptyDataDir, pgliteExecutor } from './pglite-template.ts';

export type DatabaseEngine = 'postgresql' | 'pglite';

export interface Database {
  prisma: PrismaClient;
  engine: DatabaseEngine;
  /** Raw SQL with $1-style parameters, on the same connection pool (or PGlite instance) as `prisma`. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** NOTIFYs on INVALIDATION_CHANNEL, from any writer (see `InvalidationFeed`). */
  invalidations: InvalidationFeed;
  close(): Promise<void>;
}

/**
 * The channel the triggers of migration 0315 notify when a session, a membership, a user or an
 * organisation's name changes, so a process's cached session views can be dropped.
 */
export const INVALIDATION_CHANNEL = 'vi_session_invalidation';

/**
 * NOTIFYs on INVALIDATION_CHANNEL. PostgreSQL: every pooled connection LISTENs, so a write
 * committed through this process's own pool reaches the handlers before its query resolves (the
 * server sends a session its own notifications ahead of ReadyForQuery); one dedicated connection
 * more hears other writers (another gateway, an admin's psql) while no pooled one is open, and
 * reconnects when it is lost. PGlite: one connection, delivered before the query resolves.
 */
export interface InvalidationFeed {
  /** Calls `handler` with each payload; returns the unsubscribe. Starts the dedicated listener. */
  subscribe(handler: (payload: string) => void, onState?: (heard: boolean) => void): () => void;
  /**
   * True while every committed NOTIFY reaches the handlers: PGlite always; PostgreSQL while the
   * dedicated listener is connected and listening. False: notifications may be missed.
   */
  heard(): boolean;
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
  /**
   * PGlite only: the migrated template an empty database starts from (pglite-template.ts), as the
   * path of its tarball (default: the one `npm run generate` makes), or false to run initdb and
   * every migration step by step. A missing or stale template falls back to step by step.
   */
  template?: string | false;
  /** Apply pending migrations before resolving (default true; off for read replicas, which cannot be written). */
  migrate?: boolean;
  /**
   * PostgreSQL's statement_timeout on every connection, in ms (default DEFAULT_STATEMENT_TIMEOUT_MS;
   * 0: none). Migrations run without it. PGlite takes the setting but cannot enforce it: it runs in
   * this process's thread and no timer interrupts a running statement.
   */
  statementTimeoutMs?: number;
  /** PostgreSQL: connections in the pool (VI_DATABASE_POOL_SIZE, default DEFAULT_POOL_SIZE). */
  poolSize?: number;
}

/**
 * Pooled PostgreSQL connections per process. A gateway on two cores keeps few statements running
 * at once, and each idle connection costs the server memory; 10 (pg's own default) leaves room for
 * a slow evaluation query without starving the short ones. Several processes: mind max_connections.
 */
export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 500;

/** VI_DATABASE_POOL_SIZE as a number, or a message naming the variable and what it must be. */
export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): {
  poolSize?: number;
  problem?: string;
} {
  const raw = env.VI_DATABASE_POOL_SIZE?.trim();
  if (!raw) return {};
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_POOL_SIZE) {
    return {
      problem: `VI_DATABASE_POOL_SIZE must be a whole number from 1 to ${MAX_POOL_SIZE}: the PostgreSQL connections each gateway process keeps (got "${raw}").`,
    };
  }
  return { poolSize: value };
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

/** The URL with settings added to its start-up `options` (kept, e.g. `-c jit=off`: the URL's own would win). */
function withStartupSettings(url: string, settings: readonly string[]): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, ...settings].filter(Boolean).join(' '));
  return parsed.toString();
}

/**
 * Every session runs in UTC, whatever the server's or the database's own default. The timestamp
 * columns hold UTC wall-clock times, and the SQL compares them with timestamptz bounds (Danish
 * days sent as instants). PostgreSQL converts a plain timestamp to timestamptz in the session's
 * time zone, so a server set to Europe/Copenhagen, common in Denmark, would move every period
 * boundary by one or two hours. PGlite's sessions are UTC already.
 */
const UTC_SESSION = '-c TimeZone=UTC';

async function openPostgres(
  url: string,
  runMigrations: boolean,
  statementTimeoutMs: number,
  ownerUrl: string | undefined,
  runtimeRole: string | false,
  poolSize: number,
): Promise<Database> {
  if (runMigrations) {
    // Migrations need one session throughout: the advisory lock and each transaction belong to a
    // connection. It is the owner's (DATABASE_OWNER_URL), or the pool's own login when none is set.
    const owner = new pg.Client({ connectionString: withStartupSettings(ownerUrl ?? url, [UTC_SESSION]) });
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
  const connectionString = withStartupSettings(
    url,
    actAs ? [UTC_SESSION, `-c role=${actAs}`] : [UTC_SESSION],
  );
  const invalidations = postgresInvalidationFeed(connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    // Every pooled connection listens before its first use: a write through this pool is then
    // heard on its own connection, ahead of the statement's result, never later.
    onConnect: invalidations.listenOn,
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
    invalidations,
    async close() {
      await invalidations.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Waits before the dedicated listener tries again: 0.25 s, doubling to 5 s. */
const LISTENER_RETRY_MS = [250, 500, 1000, 2000, 5000];

function postgresInvalidationFeed(connectionString: string): InvalidationFeed & {
  listenOn(client: pg.ClientBase): Promise<void>;
  close(): Promise<void>;
} {
  const handlers = new Set<(payload: string) => void>();
  const stateHandlers = new Set<(heard: boolean) => void>();
  const deliver = (message: pg.Notification) => {
    if (message.channel !== INVALIDATION_CHANNEL) return;
    for (const handler of handlers) handler(message.payload ?? '');
  };

  let listener: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let started = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  const setListening = (value: boolean) => {
    if (listening === value) return;
    listening = value;
    for (const handler of stateHandlers) handler(value);
  };
  const connect = async () => {
    retry = undefined;
    if (closed) return;
    const client = new pg.Client({ connectionString });
    listener = client;
    const lost = () => {
      if (listener !== client) return;
      listener = undefined;
      setListening(false);
      client.end().catch(() => {});
      if (!closed) {
        const wait = LISTENER_RETRY_MS[Math.min(failures, LISTENER_RETRY_MS.length - 1)];
        failures += 1;
        retry = setTimeout(connect, wait);
        retry.unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', deliver);
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      if (listener !== client) return;
      failures = 0;
      setListening(true);
    } catch {
      lost();
    }
  };
  return {
    async listenOn(client) {
      client.on('notification', deliver);
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    },
    subscribe(handler, onState) {
      handlers.add(handler);
      if (onState) stateHandlers.add(onState);
      if (!started) {
        started = true;
        void connect();
      }
      return () => {
        handlers.delete(handler);
        if (onState) stateHandlers.delete(onState);
      };
    },
    heard: () => listening,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = listener;
      listener = undefined;
      setListening(false);
      await client?.end().catch(() => {});
    },
  };
}

/**
 * The template's tarball when this PGlite starts empty and will be migrated, else undefined (a data
 * folder in use, a replica, template: false, or no usable template: then initdb runs as before).
 */
async function templateFor(options: DatabaseOptions, dataDir: string | undefined): Promise<Blob | undefined> {
  if (options.template === false || options.migrate === false) return undefined;
  if (dataDir !== undefined && !isEmptyDataDir(dataDir)) return undefined;
  const choice = await chooseTemplate(options.template ? { templateFile: options.template } : {});
  if (choice.use) return choice.tarball;
  if (dataDir !== undefined && !process.env.VITEST) {
    console.warn(`Creating the embedded database step by step (slower): ${choice.reason}.`);
  }
  return undefined;
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  warnAboutPglite();
  let pglite: PGlite;
  if (options.memory) {
    const loadDataDir = await templateFor(options, undefined);
    pglite = new PGlite(loadDataDir ? { loadDataDir } : {});
  } else {
    const dataDir = options.dataDir ?? defaultDataDir;
    const loadDataDir = await templateFor(options, dataDir);
    mkdirSync(dataDir, { recursive: true });
    pglite = new PGlite(dataDir, loadDataDir ? { loadDataDir } : {});
  }
  try {
    if (options.migrate !== false) {
      // From a template this applies only the migrations newer than it.
      await migrate(pgliteExecutor(pglite));
      // PGlite learns the array types when it opens, before the migrations: an enum created by one
      // (step by step, or newer than the template) would have its arrays sent as a plain string
      // ("malformed array literal") until it learns them again.
      await pglite.refreshArrayTypes();
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
  // One connection in this process: a NOTIFY reaches the handlers before the statement resolves.
  const handlers = new Set<(payload: string) => void>();
  await pglite.listen(INVALIDATION_CHANNEL, (payload) => {
    for (const handler of handlers) handler(payload);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    invalidations: {
      subscribe(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      heard: () => !pglite.closed,
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
      options.poolSize ?? DEFAULT_POOL_SIZE,
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
  // Checked with the embedded database too, so a typo shows before the move to PostgreSQL.
  const { poolSize, problem } = poolSizeFromEnv(env);
  if (problem) throw new Error(problem);
  if (url) {
    return {
      url: postgresUrl('DATABASE_URL', url),
      ...(ownerUrl ? { ownerUrl: postgresUrl('DATABASE_OWNER_URL', ownerUrl) } : {}),
      ...(poolSize ? { poolSize } : {}),
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
