/**
 * The backup drill (issue 10): dump the database, restore the dump into a clean database, and prove
 * the copy is whole: every table's row count equals the source's at the moment of the dump, and
 * every audit chain verifies in the copy. A backup nobody has restored is a hope, not a backup.
 *
 *   npm run -w @vi/gateway backup:drill -- [--source <url>] [--dir <folder>] [--keep]
 *
 * --source defaults to DATABASE_OWNER_URL, else DATABASE_URL (run it as the owner: the dump must
 * read every table). The dump (pg_dump's custom format) is written to --dir (default .data/backups,
 * which git ignores: a dump holds personal data) as <database>-<UTC time>.dump and kept: it is the
 * backup. The restore goes into a new database <database>_drill_<time> on the same server, dropped
 * afterwards unless --keep.
 * The counts are taken in the very snapshot pg_dump reads (pg_export_snapshot), so the drill is
 * exact while the gateway keeps writing. pg_dump and pg_restore must be at least the server's
 * version. Restoring on another server: create the roles first (pg_dumpall --roles-only).
 * Exit code 0 when the copy is whole, 1 when it is not, 2 on a usage error.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createDatabase, verifyAuditChains } from '@vi/db';
import pg from 'pg';

const run = promisify(execFile);
/** A dump or restore of a large installation takes minutes, never hours. */
const TOOL_TIMEOUT_MS = 60 * 60 * 1000;

export interface DrillReport {
  ok: boolean;
  dumpFile: string;
  restoredInto: string;
  tables: Array<{ table: string; source: number; restored: number }>;
  mismatches: string[];
  auditChains: { ok: boolean; chains: number; events: number; firstBroken?: unknown } | null;
  ms: { dump: number; restore: number };
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tableCounts(client: pg.Client): Promise<Map<string, number>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts = new Map<string, number>();
  for (const { name } of rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quote(name)}`);
    counts.set(name, Number(result.rows[0]?.n ?? 0));
  }
  return counts;
}

export async function runBackupDrill(options: {
  sourceUrl: string;
  dir: string;
  keep?: boolean;
  /** Tests only: runs on the restored copy before it is checked (to prove a damaged copy fails). */
  afterRestore?: (copy: pg.Client) => Promise<void>;
}): Promise<DrillReport> {
  const database = decodeURIComponent(new URL(options.sourceUrl).pathname.slice(1)) || 'postgres';
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  mkdirSync(options.dir, { recursive: true });
  const dumpFile = resolve(join(options.dir, `${database}-${stamp}.dump`));

  // 1. Counts and dump from one snapshot.
  const source = new pg.Client({ connectionString: options.sourceUrl });
  await source.connect();
  let sourceCounts: Map<string, number>;
  const dumpStarted = performance.now();
  try {
    await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await source.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    sourceCounts = await tableCounts(source);
    await run(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, `--file=${dumpFile}`, options.sourceUrl],
      {
        timeout: TOOL_TIMEOUT_MS,
      },
    );
    await source.query('COMMIT');
  } finally {
    await source.end();
  }
  const dumpMs = Math.round(performance.now() - dumpStarted);

  // 2. Restore into a database of its own.
  const target = `${database}_drill_${stamp.toLowerCase()}`.slice(0, 63);
  const targetUrl = withDatabaseName(options.sourceUrl, target);
  const admin = new pg.Client({ connectionString: options.sourceUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quote(target)}`);
  await admin.end();
  const restoreStarted = performance.now();
  try {
    await run('pg_restore', ['--exit-on-error', '--single-transaction', `--dbname=${targetUrl}`, dumpFile], {
      timeout: TOOL_TIMEOUT_MS,
    });
    const restoreMs = Math.round(performance.now() - restoreStarted);

    // 3. The copy is whole: the same rows in every table, and every audit chain intact.
    const copy = new pg.Client({ connectionString: targetUrl });
    await copy.connect();
    const restoredCounts = await (options.afterRestore?.(copy) ?? Promise.resolve())
      .then(() => tableCounts(copy))
      .finally(() => copy.end());
    const names = [...new Set([...sourceCounts.keys(), ...restoredCounts.keys()])].sort();
    const tables = names.map((table) => ({
      table,
      source: sourceCounts.get(table) ?? -1,
      restored: restoredCounts.get(table) ?? -1,
    }));
    const mismatches = tables
      .filter((row) => row.source !== row.restored)
      .map((row) => `${row.table}: ${row.source} in the source, ${row.restored} restored`);

    let auditChains: DrillReport['auditChains'] = null;
    if (restoredCounts.has('AuditChainHead')) {
      // As the owner (the restored tables' owner), like audit:verify.
      const db = await createDatabase({ url: targetUrl, migrate: false, runtimeRole: false });
      try {
        const report = await verifyAuditChains(db);
        auditChains = {
          ok: report.ok,
          chains: report.chains.length,
          events: report.chains.reduce((sum, chain) => sum + chain.events, 0),
          ...(report.ok ? {} : { firstBroken: report.chains.find((chain) => chain.broken)?.broken }),
        };
      } finally {
        await db.close();
      }
    }
    return {
      ok: mismatches.length === 0 && (auditChains?.ok ?? true),
      dumpFile,
      restoredInto: target,
      tables,
      mismatches,
      auditChains,
      ms: { dump: dumpMs, restore: restoreMs },
    };
  } finally {
    if (!options.keep) {
      const dropper = new pg.Client({ connectionString: options.sourceUrl });
      await dropper.connect();
      await dropper
        .query(`DROP DATABASE IF EXISTS ${quote(target)} WITH (FORCE)`)
        .finally(() => dropper.end());
    }
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const sourceUrl =
    values.source ?? process.env.DATABASE_OWNER_URL?.trim() ?? process.env.DATABASE_URL?.trim();
  if (!sourceUrl || !/^postgres(ql)?:\/\//.test(sourceUrl)) {
    console.error('Usage: backup-drill [--source postgresql://…] [--dir .data/backups] [--keep]');
    console.error('(or set DATABASE_OWNER_URL / DATABASE_URL). The embedded PGlite database has no pg_dump:');
    console.error('stop the gateway and copy its data directory (.data/pglite) instead.');
    return 2;
  }
  const report = await runBackupDrill({
    sourceUrl,
    dir: values.dir ?? '.data/backups',
    keep: values.keep ?? false,
  });
  for (const row of report.tables) {
    console.log(
      `${row.table.padEnd(28)} ${String(row.source).padStart(9)} ${String(row.restored).padStart(9)}`,
    );
  }
  console.log(
    `\ndump ${report.dumpFile} (${report.ms.dump} ms), restored into ${report.restoredInto} (${report.ms.restore} ms)`,
  );
  if (report.auditChains) {
    console.log(
      `audit chains: ${report.auditChains.chains} chains, ${report.auditChains.events} events, ${report.auditChains.ok ? 'intact' : `BROKEN ${JSON.stringify(report.auditChains.firstBroken)}`}`,
    );
  }
  for (const mismatch of report.mismatches) console.error(`MISMATCH ${mismatch}`);
  console.log(report.ok ? 'Backup drill passed: the copy is whole.' : 'Backup drill FAILED.');
  return report.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
