export {
  closeDatabase,
  createDatabase,
  type Database,
  type DatabaseEngine,
  type DatabaseOptions,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  databaseOptionsFromEnv,
  defaultDataDir,
  getDatabase,
  getReplicaDatabase,
} from './client.ts';
export * from './generated/prisma/client.ts';
export {
  checksumOf,
  defaultMigrationsDir,
  type Migration,
  MigrationError,
  type MigrationResult,
  migrate,
  readMigrations,
  type SqlExecutor,
} from './migrate.ts';
