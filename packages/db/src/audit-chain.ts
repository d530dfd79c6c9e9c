// The audit trail's hash chains (issue 10, migration 0309): verification, six months' retention and
// a person's access log. The database links each event as it is inserted; this module recomputes
// every link on its own (node:crypto, not the database's functions), so a changed row, a removed
// row or a replaced trigger function all show up as a broken link.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './client.ts';

/** The prevHash of a chain's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Events without an organisation form the chain with this key. */
export const NO_ORGANIZATION_CHAIN = 'none';

/** An event's fields in their canonical text form, as the database hashes them. */
export interface ChainedEvent {
  id: string;
  seq: string | null;
  at: string;
  userId: string | null;
  organizationId: string | null;
  personId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  detail: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** Selects ChainedEvent columns; the `at` format must match vi_audit_event_hash (migration 0309). */
const eventColumns = `"id"::text AS "id", "chainSeq"::text AS "seq",
  to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at", "userId"::text AS "userId",
  "organizationId"::text AS "organizationId", "personId"::text AS "personId", "action", "entity",
  "entityId", "requestId", "detail"::text AS "detail", "prevHash", "hash"`;

function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** sha256(prevHash || canonical row), hex: the same as the database's vi_audit_event_hash. */
export function eventHash(prevHash: string, event: ChainedEvent): string {
  const canonical = [
    event.id,
    event.seq,
    event.at,
    event.userId,
    event.organizationId,
    event.personId,
    event.action,
    event.entity,
    event.entityId,
    event.requestId,
    event.detail,
  ]
    .map(field)
    .join('');
  return createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');
}

export interface BrokenLink {
  chainKey: string;
  /** The organisation of the chain (null for the chain of events without one). */
  organizationId: string | null;
  /** The event where the chain breaks (null: the chain's end, when its newest events are missing). */
  eventId: string | null;
  problem: 'sequence' | 'prevHash' | 'hash' | 'head' | 'unchained';
  expected: string;
  found: string;
}

export interface ChainReport {
  chainKey: string;
  events: number;
  broken?: BrokenLink;
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
}

interface ChainMark {
  chainKey: string;
  seq: string;
  hash: string;
}

function chainFilter(chainKey: string): { where: string; params: unknown[] } {
  return chainKey === NO_ORGANIZATION_CHAIN
    ? { where: '"organizationId" IS NULL', params: [] }
    : { where: '"organizationId" = $1::uuid', params: [chainKey] };
}

function organizationOf(chainKey: string): string | null {
  return chainKey === NO_ORGANIZATION_CHAIN ? null : chainKey;
}

/**
 * Checks one run of events that should continue a chain from (seq, prevHash). Returns the first
 * broken link, or the mark the run ends on.
 */
export function checkLinks(
  chainKey: string,
  from: { seq: bigint; hash: string },
  events: Iterable<ChainedEvent>,
): { broken?: BrokenLink; last: { seq: bigint; hash: string }; count: number } {
  let last = from;
  let count = 0;
  for (const event of events) {
    count += 1;
    const broken = (problem: BrokenLink['problem'], expected: string, found: string | null) => ({
      broken: {
        chainKey,
        organizationId: organizationOf(chainKey),
        eventId: event.id,
        problem,
        expected,
        found: found ?? 'NULL',
      },
      last,
      count,
    });
    const expectedSeq = last.seq + 1n;
    if (event.seq !== String(expectedSeq)) return broken('sequence', String(expectedSeq), event.seq);
    if (event.prevHash !== last.hash) return broken('prevHash', last.hash, event.prevHash);
    const recomputed = eventHash(last.hash, event);
    if (event.hash !== recomputed) return broken('hash', recomputed, event.hash);
    last = { seq: expectedSeq, hash: recomputed };
  }
  return { last, count };
}

const pageSize = 5_000;

/**
 * Walks every chain from its start (or its archive anchor) to its head and names the first broken
 * link of each. Needs SELECT on "AuditChainHead" and "AuditChainAnchor": run it as the owner.
 */
export async function verifyAuditChains(db: Database): Promise<VerifyReport> {
  const heads = await db.query<ChainMark>(
    'SELECT "chainKey", "seq"::text AS "seq", "hash" FROM "AuditChainHead"',
  );
  const anchors = await db.query<ChainMark>(
    'SELECT "chainKey", "seq"::text AS "seq", "hash" FROM "AuditChainAnchor"',
  );
  const present = await db.query<{ chainKey: string }>(
    `SELECT DISTINCT COALESCE("organizationId"::text, '${NO_ORGANIZATION_CHAIN}') AS "chainKey" FROM "AuditEvent"`,
  );
  const headOf = new Map(heads.map((head) => [head.chainKey, head]));
  const anchorOf = new Map(anchors.map((anchor) => [anchor.chainKey, anchor]));
  const keys = [
    ...new Set([...headOf.keys(), ...anchorOf.keys(), ...present.map((row) => row.chainKey)]),
  ].sort();

  const chains: ChainReport[] = [];
  for (const chainKey of keys) {
    const anchor = anchorOf.get(chainKey);
    let mark = anchor ? { seq: BigInt(anchor.seq), hash: anchor.hash } : { seq: 0n, hash: GENESIS_HASH };
    let events = 0;
    let broken: BrokenLink | undefined;
    const { where, params } = chainFilter(chainKey);
    // Events the trigger never linked (inserted with it disabled) sort first and break the chain.
    const unchained = await db.query<{ id: string }>(
      `SELECT "id"::text AS "id" FROM "AuditEvent" WHERE ${where} AND "chainSeq" IS NULL ORDER BY "id" LIMIT 1`,
      params,
    );
    if (unchained[0]) {
      broken = {
        chainKey,
        organizationId: organizationOf(chainKey),
        eventId: unchained[0].id,
        problem: 'unchained',
        expected: 'a chainSeq and hash',
        found: 'NULL',
      };
    }
    let after = -1n;
    while (!broken) {
      const page = await db.query<ChainedEvent>(
        `SELECT ${eventColumns} FROM "AuditEvent" WHERE ${where} AND "chainSeq" > $${params.length + 1}::bigint
         ORDER BY "chainSeq", "id" LIMIT ${pageSize}`,
        [...params, String(after)],
      );
      const result = checkLinks(chainKey, mark, page);
      events += result.count;
      broken = result.broken;
      mark = result.last;
      if (page.length < pageSize) break;
      after = BigInt(page[page.length - 1]?.seq ?? '0');
    }
    const head = headOf.get(chainKey);
    if (!broken && (!head || BigInt(head.seq) !== mark.seq || head.hash !== mark.hash)) {
      // The newest events are gone (or the head was moved): the chain ends before its head.
      broken = {
        chainKey,
        organizationId: organizationOf(chainKey),
        eventId: null,
        problem: 'head',
        expected: head ? `seq ${head.seq} hash ${head.hash}` : 'a head',
        found: `seq ${mark.seq} hash ${mark.hash}`,
      };
    }
    chains.push({ chainKey, events, ...(broken ? { broken } : {}) });
  }
  return { ok: chains.every((chain) => !chain.broken), chains };
}

/** Audit events are kept this many months, then moved out (the processor agreement's retention). */
export const AUDIT_RETENTION_MONTHS = 6;

/** The first instant that is kept: `now` minus the retention, in whole calendar months (UTC). */
export function retentionCutoff(now: Date, months = AUDIT_RETENTION_MONTHS): Date {
  const cutoff = new Date(now);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** First line of an archive file: what it holds, and where each chain's run starts and ends. */
export interface ArchiveHeader {
  format: 'vi-audit-archive/1';
  cutoff: string;
  archivedAt: string;
  chains: { chainKey: string; fromSeq: string; fromHash: string; toSeq: string; toHash: string }[];
}

export interface ArchiveResult {
  file: string | null;
  cutoff: Date;
  moved: number;
  chains: ArchiveHeader['chains'];
}

/**
 * Moves the events older than the retention out of "AuditEvent" into a file (one JSON header line,
 * then one event per line, chain by chain in order), then deletes them and records each chain's
 * boundary in "AuditChainAnchor", so verification continues from the last archived hash. Refuses
 * when a chain is broken: archiving would bury the evidence. Only the owner can do this (DELETE on
 * "AuditEvent" is not granted to the gateway's role, and the append-only trigger is lifted for
 * this transaction alone).
 */
export async function archiveAuditEvents(
  db: Database,
  options: { now: Date; dir: string; months?: number },
): Promise<ArchiveResult> {
  const cutoff = retentionCutoff(options.now, options.months);
  const verified = await verifyAuditChains(db);
  const firstBroken = verified.chains.find((chain) => chain.broken)?.broken;
  if (firstBroken) {
    throw new Error(
      `Audit chain ${firstBroken.chainKey} is broken at event ${firstBroken.eventId ?? '(end)'} (${firstBroken.problem}); nothing archived. Run audit:verify and investigate first.`,
    );
  }
  const stamp = options.now.toISOString().replace(/[:.]/g, '-');
  const file = resolve(join(options.dir, `audit-archive-${stamp}.ndjson`));

  return db.prisma.$transaction(
    async (tx) => {
      const query = <T>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params);
      // Taken first: no event is inserted while the boundaries are chosen (inserts wait, briefly).
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"');
      const cutoffSql = `($1::timestamptz AT TIME ZONE 'UTC')`;
      // Per chain, everything before its first event at or after the cutoff (so the kept part of a
      // chain is whole, even where clocks and sequence differ by a few milliseconds).
      const runs = await query<{ chainKey: string; toSeq: string | null }>(
        `SELECT "chainKey", "toSeq"::text AS "toSeq" FROM (
           SELECT COALESCE("organizationId"::text, '${NO_ORGANIZATION_CHAIN}') AS "chainKey",
             COALESCE(MIN("chainSeq") FILTER (WHERE "at" >= ${cutoffSql}) - 1, MAX("chainSeq")) AS "toSeq",
             MIN("at") AS "oldest"
           FROM "AuditEvent" GROUP BY 1
         ) chains WHERE "oldest" < ${cutoffSql} ORDER BY "chainKey"`,
        cutoff.toISOString(),
      );
      const anchors = new Map(
        (
          await query<ChainMark>('SELECT "chainKey", "seq"::text AS "seq", "hash" FROM "AuditChainAnchor"')
        ).map((anchor) => [anchor.chainKey, anchor]),
      );
      const header: ArchiveHeader = {
        format: 'vi-audit-archive/1',
        cutoff: cutoff.toISOString(),
        archivedAt: options.now.toISOString(),
        chains: [],
      };
      const toMove: { chainKey: string; toSeq: bigint; lines: string[]; lastHash: string }[] = [];
      for (const run of runs) {
        if (run.toSeq === null || BigInt(run.toSeq) < 1n) continue;
        const anchor = anchors.get(run.chainKey);
        const { where, params } = chainFilter(run.chainKey);
        const events = await query<ChainedEvent>(
          `SELECT ${eventColumns} FROM "AuditEvent" WHERE ${where} AND "chainSeq" <= $${params.length + 1}::bigint
           ORDER BY "chainSeq"`,
          ...params,
          run.toSeq,
        );
        if (events.length === 0) continue;
        const last = events[events.length - 1] as ChainedEvent;
        header.chains.push({
          chainKey: run.chainKey,
          fromSeq: events[0]?.seq ?? '',
          fromHash: anchor?.hash ?? GENESIS_HASH,
          toSeq: last.seq ?? '',
          toHash: last.hash ?? '',
        });
        toMove.push({
          chainKey: run.chainKey,
          toSeq: BigInt(run.toSeq),
          lines: events.map((event) => JSON.stringify({ chainKey: run.chainKey, ...event })),
          lastHash: last.hash ?? '',
        });
      }
      if (toMove.length === 0) {
        await tx.$executeRawUnsafe(
          'ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"',
        );
        return { file: null, cutoff, moved: 0, chains: [] };
      }

      // Written and flushed to disk before a row is deleted. Should the commit fail after this, the
      // file is a spare copy and no anchor names it.
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(header)}\n`);
        for (const run of toMove) writeSync(fd, `${run.lines.join('\n')}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      const fileSha256 = createHash('sha256').update(readFileSync(file)).digest('hex');

      let moved = 0;
      for (const run of toMove) {
        const { where, params } = chainFilter(run.chainKey);
        moved += await tx.$executeRawUnsafe(
          `DELETE FROM "AuditEvent" WHERE ${where} AND "chainSeq" <= $${params.length + 1}::bigint`,
          ...params,
          String(run.toSeq),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "AuditChainAnchor" ("chainKey", "seq", "hash", "archivedAt", "file", "fileSha256")
           VALUES ($1, $2::bigint, $3, $4::timestamptz AT TIME ZONE 'UTC', $5, $6)
           ON CONFLICT ("chainKey") DO UPDATE SET "seq" = EXCLUDED."seq", "hash" = EXCLUDED."hash",
             "archivedAt" = EXCLUDED."archivedAt", "file" = EXCLUDED."file", "fileSha256" = EXCLUDED."fileSha256"`,
          run.chainKey,
          String(run.toSeq),
          run.lastHash,
          options.now.toISOString(),
          file,
          fileSha256,
        );
      }
      await tx.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"');
      return { file, cutoff, moved, chains: header.chains };
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}

/**
 * Checks an archive file on its own: each chain's events link from the header's fromHash to its
 * toHash. (That toHash is the anchor the database kept, so the file and the live chain join.)
 */
export function verifyArchiveFile(path: string): { ok: boolean; events: number; broken?: BrokenLink } {
  const [first, ...lines] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  const header = JSON.parse(first ?? '{}') as ArchiveHeader;
  if (header.format !== 'vi-audit-archive/1') throw new Error(`${path} is not an audit archive.`);
  const byChain = new Map<string, ChainedEvent[]>();
  for (const line of lines) {
    const { chainKey, ...event } = JSON.parse(line) as ChainedEvent & { chainKey: string };
    byChain.set(chainKey, [...(byChain.get(chainKey) ?? []), event]);
  }
  let events = 0;
  for (const chain of header.chains) {
    const result = checkLinks(
      chain.chainKey,
      { seq: BigInt(chain.fromSeq) - 1n, hash: chain.fromHash },
      byChain.get(chain.chainKey) ?? [],
    );
    events += result.count;
    if (result.broken) return { ok: false, events, broken: result.broken };
    if (String(result.last.seq) !== chain.toSeq || result.last.hash !== chain.toHash) {
      return {
        ok: false,
        events,
        broken: {
          chainKey: chain.chainKey,
          organizationId: organizationOf(chain.chainKey),
          eventId: null,
          problem: 'head',
          expected: `seq ${chain.toSeq} hash ${chain.toHash}`,
          found: `seq ${result.last.seq} hash ${result.last.hash}`,
        },
      };
    }
  }
  return { ok: true, events };
}

/** One line of a person's access log: when, by which organisation, what was done to which record. */
export interface AccessLogEntry {
  at: string;
  organization: string | null;
  action: string;
  entity: string;
  /** Which fields or why (never values), as the gateway recorded it. */
  detail: string | null;
}

/**
 * Every event recorded against a person (reads above all) for a subject-access request (GDPR
 * article 15): dates and purposes, i.e. which organisation did what to which kind of record. Not
 * which employee: the Court of Justice (C-579/21, Pankki S) does not require their identities, and
 * the organisation answers for them. The export is itself audited (action EXPORT on the person).
 * Covers the events still in the database; older ones are in the archive files of audit:archive.
 */
export async function personAccessLog(
  db: Database,
  options: { personId: string; requestedBy: string },
): Promise<AccessLogEntry[]> {
  const person = await db.query<{ organizationId: string }>(
    'SELECT "organizationId"::text AS "organizationId" FROM "Person" WHERE "id" = $1::uuid',
    [options.personId],
  );
  const entries = await db.query<AccessLogEntry>(
    `SELECT to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "at", o."name" AS "organization",
       e."action", e."entity", e."detail"::text AS "detail"
     FROM "AuditEvent" e LEFT JOIN "Organization" o ON o."id" = e."organizationId"
     WHERE e."personId" = $1::uuid ORDER BY e."at", e."id"`,
    [options.personId],
  );
  await db.query(
    `INSERT INTO "AuditEvent" ("organizationId", "personId", "action", "entity", "entityId", "requestId", "detail")
     VALUES ($1::uuid, $2::uuid, 'EXPORT', 'Person', $2, 'cli:audit:access-log', $3::jsonb)`,
    [
      person[0]?.organizationId ?? null,
      options.personId,
      JSON.stringify({
        purpose: 'subject-access-request',
        requestedBy: options.requestedBy,
        events: entries.length,
      }),
    ],
  );
  return entries;
}

/** CSV for the data subject, Danish headers first (semicolons, as Danish spreadsheets expect). */
export function accessLogCsv(entries: AccessLogEntry[]): string {
  const cell = (value: string | null) => `"${(value ?? '').replace(/"/g, '""')}"`;
  const header = 'Tidspunkt (time, UTC);Organisation;Handling (action);Oplysning (record);Detaljer (detail)';
  const rows = entries.map((entry) =>
    [entry.at, entry.organization, entry.action, entry.entity, entry.detail].map(cell).join(';'),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
