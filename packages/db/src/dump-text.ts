// What a stolen dump of the database would show, as one text, for the at-rest tests (issue 10):
// `pg_dump` of the database on PostgreSQL (the real tool an attacker or a backup uses), every
// table's rows as JSON on PGlite (no pg_dump runs against the embedded database).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Database } from './client.ts';

const run = promisify(execFile);

/** The server URL tests run against (DATABASE_URL) with the given database name. */
function urlFor(database: string): string {
  const url = new URL(process.env.DATABASE_URL?.trim() ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function dumpAsText(db: Database): Promise<{ tool: 'pg_dump' | 'rows'; text: string }> {
  if (db.engine === 'postgresql' && process.env.DATABASE_URL?.trim()) {
    const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
    const { stdout } = await run('pg_dump', ['--no-owner', '--no-privileges', urlFor(row!.name)], {
      maxBuffer: 512 * 1024 * 1024,
    });
    return { tool: 'pg_dump', text: stdout };
  }
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.query<{ dump: string | null }>(
      `SELECT string_agg(row_to_json(t)::text, E'\\n') AS dump FROM "${table_name}" t`,
    );
    parts.push(`-- ${table_name}\n${row?.dump ?? ''}`);
  }
  return { tool: 'rows', text: parts.join('\n') };
}
