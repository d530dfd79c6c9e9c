// The audit trail's commands (issue 10), run by an operator, never by the gateway:
//   npm run -w @vi/db audit:verify [-- --archive <file>]      every chain from its start or anchor; exit 1 on a break
//   npm run -w @vi/db audit:archive [-- --now <ISO> --dir <dir>]   move events older than six months to a file
//   npm run -w @vi/db audit:access-log -- --person <uuid> --requested-by "<who>" [--out <file.csv>]
// verify and archive connect as the owner (DATABASE_OWNER_URL, else DATABASE_URL as given, else
// the embedded database); access-log as the gateway's role (DATABASE_URL), which may only read and
// append: the export is itself recorded. The embedded database cannot be opened while the gateway runs.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  accessLogCsv,
  archiveAuditEvents,
  personAccessLog,
  verifyArchiveFile,
  verifyAuditChains,
} from '../src/audit-chain.ts';
import { createDatabase, databaseOptionsFromEnv, ownerDatabaseOptionsFromEnv } from '../src/client.ts';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    archive: { type: 'string' },
    now: { type: 'string' },
    dir: { type: 'string' },
    person: { type: 'string' },
    'requested-by': { type: 'string' },
    out: { type: 'string' },
  },
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function verify(): Promise<number> {
  if (values.archive) {
    const result = verifyArchiveFile(values.archive);
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  // Commands may walk millions of rows: no statement timeout.
  const db = await createDatabase({ ...ownerDatabaseOptionsFromEnv(), statementTimeoutMs: 0 });
  try {
    const report = await verifyAuditChains(db);
    for (const chain of report.chains) {
      const b = chain.broken;
      console.log(
        b
          ? `BROKEN  chain ${chain.chainKey} (organisation ${b.organizationId ?? 'none'}) at event ${b.eventId ?? '(end of chain)'}: ${b.problem} expected ${b.expected}, found ${b.found}`
          : `ok      chain ${chain.chainKey}: ${chain.events} events`,
      );
    }
    console.log(report.ok ? 'Every audit chain is intact.' : 'An audit chain is broken (see above).');
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

async function archive(): Promise<number> {
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now "${values.now}" is not a date.`);
  const dir = resolve(values.dir ?? process.env.VI_AUDIT_ARCHIVE_DIR ?? '.data/audit-archive');
  const db = await createDatabase({ ...ownerDatabaseOptionsFromEnv(), statementTimeoutMs: 0 });
  try {
    const result = await archiveAuditEvents(db, { now, dir });
    console.log(
      result.file
        ? `Moved ${result.moved} events from before ${result.cutoff.toISOString()} to ${result.file}.`
        : `Nothing from before ${result.cutoff.toISOString()} to move.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function accessLog(): Promise<number> {
  const personId = values.person ?? '';
  const requestedBy = values['requested-by']?.trim() ?? '';
  if (!uuid.test(personId) || !requestedBy) {
    console.error(
      'Usage: audit:access-log -- --person <uuid> --requested-by "<who asked, e.g. DPO and case no.>" [--out file.csv]',
    );
    return 2;
  }
  const db = await createDatabase({ ...databaseOptionsFromEnv(), statementTimeoutMs: 0 });
  try {
    const csv = accessLogCsv(await personAccessLog(db, { personId, requestedBy }));
    if (values.out) {
      writeFileSync(values.out, `\uFEFF${csv}`, { mode: 0o600, flag: 'wx' });
      console.log(
        `Access log written to ${resolve(values.out)} (events older than six months: see audit:archive files).`,
      );
    } else {
      process.stdout.write(csv);
    }
    return 0;
  } finally {
    await db.close();
  }
}

const commands: Record<string, () => Promise<number>> = { verify, archive, 'access-log': accessLog };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error('Usage: tsx scripts/audit.ts verify|archive|access-log [options]');
  process.exitCode = 2;
} else {
  process.exitCode = await run();
}
