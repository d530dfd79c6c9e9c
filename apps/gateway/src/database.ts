import { type Database, getDatabase, type PrismaClient } from '@vi/db';

/**
 * The gateway's one database handle. `getDatabase()` is async (it migrates on
 * first use), while Pothos' prisma plugin and resolvers want the client
 * synchronously, so the context factory awaits `openDatabase()` on every
 * request (memoised by @vi/db) and everything after that uses `prisma()`.
 * Tests get an isolated database per file through @vi/db/testing, which
 * replaces what `getDatabase()` returns.
 */
let current: Database | undefined;

export async function openDatabase(): Promise<Database> {
  current = await getDatabase();
  return current;
}

export function database(): Database {
  if (!current) {
    throw new Error('The database is not open yet: call openDatabase() first.');
  }
  return current;
}

export function prisma(): PrismaClient {
  return database().prisma;
}
