// Issue 10, item 3: the audit trail's hash chains. The gateway's role inserts; the owner verifies,
// archives, and (as the attacker here) tampers with rows behind the append-only trigger.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveAuditEvents,
  GENESIS_HASH,
  personAccessLog,
  retentionCutoff,
  verifyArchiveFile,
  verifyAuditChains,
} from './audit-chain.ts';
import { createDatabase, type Database, RUNTIME_ROLE } from './client.ts';
import { defaultMigrationsDir, migrate } from './migrate.ts';
import { createScratchPostgresDatabase } from './testing.ts';

/** A migrated database seen as the gateway (runtime role) and as the owner. */
interface Pair {
  runtime: Database;
  asOwner<T>(body: (owner: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openPair(): Promise<Pair> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const db = await createDatabase({ memory: true });
    return {
      runtime: db,
      // PGlite's one session steps out of the role for the owner's work and back.
      async asOwner(body) {
        await db.query('SET ROLE NONE');
        try {
          return await body(db);
        } finally {
          await db.query(`SET ROLE ${RUNTIME_ROLE}`);
        }
      },
      close: () => db.close(),
    };
  }
  const scratch = await createScratchPostgresDatabase(serverUrl);
  const runtime = await createDatabase({ url: scratch.url });
  const owner = await createDatabase({ url: scratch.url, migrate: false });
  return {
    runtime,
    asOwner: (body) => body(owner),
    async close() {
      await runtime.close();
      await owner.close();
      await scratch.drop();
    },
  };
}

const orgA = '00000000-0000-4000-8000-00000000000a';
const orgB = '00000000-0000-4000-8000-00000000000b';

async function insertEvent(
  db: Database,
  values: {
    organizationId?: string | null;
    at?: string;
    personId?: string;
    action?: string;
    detail?: object;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO "AuditEvent" ("organizationId", "at", "personId", "action", "entity", "detail")
     VALUES ($1::uuid, COALESCE($2::timestamp, now()), $3::uuid, $4, 'Person', $5::jsonb) RETURNING "id"::text AS "id"`,
    [
      values.organizationId ?? null,
      values.at ?? null,
      values.personId ?? null,
      values.action ?? 'READ',
      values.detail ? JSON.stringify(values.detail) : null,
    ],
  );
  return row?.id ?? '';
}

describe('the chain the database keeps', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await openPair();
  });
  afterAll(async () => {
    await pair.close();
  });

  it('links each organisation’s events (and those without one) in chains of their own', async () => {
    await pair.runtime.prisma.auditEvent.createMany({
      data: [
        {
          organizationId: orgA,
          action: 'READ',
          entity: 'Person',
          detail: { fields: ['phone'], note: 'æøå "q"' },
        },
        { organizationId: orgB, action: 'READ', entity: 'Person' },
        { organizationId: orgA, action: 'UPDATE', entity: 'OutreachCase', entityId: 'c-1' },
        { organizationId: null, action: 'LOGIN_FAILED', entity: 'User' },
      ],
    });
    const rows = await pair.runtime.query<{
      organizationId: string | null;
      chainSeq: string;
      prevHash: string;
    }>(
      `SELECT "organizationId"::text AS "organizationId", "chainSeq"::text AS "chainSeq", "prevHash"
       FROM "AuditEvent" ORDER BY "id"`,
    );
    expect(rows.map((row) => [row.organizationId, row.chainSeq])).toEqual([
      [orgA, '1'],
      [orgB, '1'],
      [orgA, '2'],
      [null, '1'],
    ]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    const report = await pair.asOwner(verifyAuditChains);
    expect(report).toMatchObject({ ok: true });
    expect(report.chains.map((chain) => [chain.chainKey, chain.events])).toEqual([
      [orgA, 2],
      [orgB, 1],
      ['none', 1],
    ]);
  });

  it('ignores chain values an insert tries to choose', async () => {
    await pair.runtime.query(
      `INSERT INTO "AuditEvent" ("organizationId", "action", "entity", "chainSeq", "prevHash", "hash")
       VALUES ($1::uuid, 'READ', 'Person', 1, $2, $2)`,
      [orgB, 'f'.repeat(64)],
    );
    const [row] = await pair.runtime.query<{ chainSeq: string; hash: string }>(
      `SELECT "chainSeq"::text AS "chainSeq", "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`,
    );
    expect(row?.chainSeq).toBe('2');
    expect(row?.hash).not.toBe('f'.repeat(64));
    expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
  });

  it('does not fork when many requests insert at once', async () => {
    // Each insert its own transaction; on PostgreSQL they run on separate pooled connections.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        pair.runtime.prisma.$transaction([
          pair.runtime.prisma.auditEvent.createMany({
            data: [
              { organizationId: orgA, action: 'READ', entity: 'Person', entityId: `p-${i}` },
              { organizationId: orgA, action: 'READ', entity: 'Person', entityId: `q-${i}` },
            ],
          }),
        ]),
      ),
    );
    const seqs = await pair.runtime.query<{ n: number; distinct: number; max: string }>(
      `SELECT count(*)::int AS n, count(DISTINCT "chainSeq")::int AS "distinct", max("chainSeq")::text AS max
       FROM "AuditEvent" WHERE "organizationId" = $1::uuid`,
      [orgA],
    );
    expect(seqs).toEqual([{ n: 82, distinct: 82, max: '82' }]);
    expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
  });

  it('cannot be verified or archived by the gateway’s role', async () => {
    await expect(verifyAuditChains(pair.runtime)).rejects.toThrow(/permission denied/);
    await expect(
      archiveAuditEvents(pair.runtime, { now: new Date(), dir: mkdtempSync(join(tmpdir(), 'vi-audit-')) }),
    ).rejects.toThrow(/permission denied|must be owner/);
  });
});

describe('tampering by the owner', () => {
  let pair: Pair;
  const ids: string[] = [];
  beforeAll(async () => {
    pair = await openPair();
    for (let i = 0; i < 5; i += 1) ids.push(await insertEvent(pair.runtime, { organizationId: orgA }));
    await insertEvent(pair.runtime, { organizationId: orgB });
  });
  afterAll(async () => {
    await pair.close();
  });

  /** What an owner with a grudge does: lift the append-only trigger, change the record, put it back. */
  async function tamper(sql: string): Promise<void> {
    await pair.asOwner(async (owner) => {
      await owner.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"');
      await owner.query(sql);
      await owner.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"');
    });
  }

  it('a changed row: verify names the chain, the event and the expected and found hash', async () => {
    await tamper(`UPDATE "AuditEvent" SET "action" = 'NOTHING' WHERE "id" = ${ids[2]}`);
    const report = await pair.asOwner(verifyAuditChains);
    expect(report.ok).toBe(false);
    const broken = report.chains.find((chain) => chain.broken)?.broken;
    expect(broken).toMatchObject({ chainKey: orgA, organizationId: orgA, eventId: ids[2], problem: 'hash' });
    expect(broken?.expected).toMatch(/^[0-9a-f]{64}$/);
    expect(broken?.found).not.toBe(broken?.expected);
    // The other organisation's chain is intact.
    expect(report.chains.find((chain) => chain.chainKey === orgB)?.broken).toBeUndefined();
    await tamper(`UPDATE "AuditEvent" SET "action" = 'READ' WHERE "id" = ${ids[2]}`);
    expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
  });

  it('a rehashed row does not help: the next link still points at the old hash', async () => {
    await tamper(
      `UPDATE "AuditEvent" SET "detail" = '{"x":1}', "hash" = "vi_audit_event_hash"("prevHash",
         ("AuditEvent".*)::"AuditEvent") WHERE "id" = ${ids[1]}`,
    );
    const broken = (await pair.asOwner(verifyAuditChains)).chains.find((chain) => chain.broken)?.broken;
    // The rehash used the old detail (the row value before SET), so it is caught at the row itself
    // or, when done right, at the next row's prevHash: either way at or right after the changed row.
    expect([ids[1], ids[2]]).toContain(broken?.eventId);
  });

  it('a removed row, and removed newest rows', async () => {
    const fresh = await openPair();
    try {
      const own: string[] = [];
      for (let i = 0; i < 4; i += 1) own.push(await insertEvent(fresh.runtime, { organizationId: orgA }));
      await fresh.asOwner(async (owner) => {
        await owner.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"');
        await owner.query(`DELETE FROM "AuditEvent" WHERE "id" = ${own[1]}`);
        await owner.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"');
      });
      let broken = (await fresh.asOwner(verifyAuditChains)).chains[0]?.broken;
      expect(broken).toMatchObject({ eventId: own[2], problem: 'sequence', expected: '2', found: '3' });

      await fresh.asOwner(async (owner) => {
        await owner.query('SET session_replication_role = replica');
        await owner.query(`DELETE FROM "AuditEvent" WHERE "id" IN (${own[2]}, ${own[3]})`);
        await owner.query('RESET session_replication_role');
      });
      broken = (await fresh.asOwner(verifyAuditChains)).chains[0]?.broken;
      expect(broken).toMatchObject({
        eventId: null,
        problem: 'head',
        expected: expect.stringMatching(/^seq 4 /),
      });
    } finally {
      await fresh.close();
    }
  });
});

describe('retention: six months, moved out by the owner', () => {
  it('computes the cutoff in calendar months', () => {
    expect(retentionCutoff(new Date('2026-11-30T12:00:00Z')).toISOString()).toBe('2026-05-30T12:00:00.000Z');
    expect(retentionCutoff(new Date('2026-08-31T00:00:00Z')).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('archives older events to a file, keeps the boundary hash, and the chain still verifies', async () => {
    const pair = await openPair();
    const dir = mkdtempSync(join(tmpdir(), 'vi-audit-archive-'));
    try {
      for (const at of [
        '2026-01-05 10:00:00',
        '2026-03-01 09:00:00',
        '2026-05-29 23:59:59',
        '2026-06-15 08:00:00',
      ]) {
        await insertEvent(pair.runtime, { organizationId: orgA, at });
      }
      await insertEvent(pair.runtime, { organizationId: orgB, at: '2026-02-01 00:00:00' });
      await insertEvent(pair.runtime, { organizationId: null, at: '2026-11-01 00:00:00' });
      const now = new Date('2026-11-30T12:00:00Z');

      const result = await pair.asOwner((owner) => archiveAuditEvents(owner, { now, dir }));
      expect(result.moved).toBe(4);
      expect(result.chains.map((chain) => [chain.chainKey, chain.fromSeq, chain.toSeq])).toEqual([
        [orgA, '1', '3'],
        [orgB, '1', '1'],
      ]);
      const left = await pair.runtime.query<{ at: string }>(
        `SELECT to_char("at", 'YYYY-MM-DD') AS "at" FROM "AuditEvent" ORDER BY "at"`,
      );
      expect(left.map((row) => row.at)).toEqual(['2026-06-15', '2026-11-01']);
      expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
      expect(verifyArchiveFile(result.file ?? '')).toEqual({ ok: true, events: 4 });

      // The chains go on from where they were; a second run finds nothing more to move.
      await insertEvent(pair.runtime, { organizationId: orgB });
      expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
      expect((await pair.asOwner((owner) => archiveAuditEvents(owner, { now, dir }))).moved).toBe(0);

      // An edited archive file is caught too.
      const file = result.file ?? '';
      writeFileSync(file, readFileSync(file, 'utf8').replace('"action":"READ"', '"action":"NONE"'));
      expect(verifyArchiveFile(file)).toMatchObject({ ok: false, broken: { problem: 'hash' } });
    } finally {
      await pair.close();
    }
  });
});

describe('a person’s access log (subject-access request)', () => {
  it('lists dates and purposes of every event on the person, and is audited itself', async () => {
    const pair = await openPair();
    try {
      const [org] = await pair.runtime.query<{ id: string }>(
        `INSERT INTO "Organization" ("name", "slug", "kind", "stance") SELECT 'Odense', 'o', 'MUNICIPALITY',
           (enum_range(NULL::"PrivacyStance"))[1] RETURNING "id"::text AS "id"`,
      );
      const [person] = await pair.runtime.query<{ id: string }>(
        `INSERT INTO "Person" ("organizationId", "pseudonym") VALUES ($1::uuid, 'P-1') RETURNING "id"::text AS "id"`,
        [org?.id],
      );
      await insertEvent(pair.runtime, {
        organizationId: org?.id,
        personId: person?.id,
        at: '2026-10-01 08:00:00',
        detail: { fields: ['phone'] },
      });
      await insertEvent(pair.runtime, { organizationId: org?.id, personId: person?.id, action: 'UPDATE' });
      await insertEvent(pair.runtime, { organizationId: org?.id }); // someone else's record

      const entries = await personAccessLog(pair.runtime, {
        personId: person?.id ?? '',
        requestedBy: 'DPO Odense',
      });
      expect(entries).toHaveLength(2);
      expect(entries[0]).toEqual({
        at: '2026-10-01T08:00:00Z',
        organization: 'Odense',
        action: 'READ',
        entity: 'Person',
        detail: '{"fields": ["phone"]}',
      });
      const exported = await pair.runtime.query(
        `SELECT "action", "detail" FROM "AuditEvent" WHERE "personId" = $1::uuid AND "action" = 'EXPORT'`,
        [person?.id],
      );
      expect(exported).toEqual([
        {
          action: 'EXPORT',
          detail: { purpose: 'subject-access-request', requestedBy: 'DPO Odense', events: 2 },
        },
      ]);
      expect(await pair.asOwner(verifyAuditChains)).toMatchObject({ ok: true });
    } finally {
      await pair.close();
    }
  });
});

describe('migration 0309 on a database that already has audit events', () => {
  it('links the existing events into their chains, in id order', async () => {
    const before = mkdtempSync(join(tmpdir(), 'vi-migrations-'));
    for (const name of readdirSync(defaultMigrationsDir).filter((name) => name < '0308')) {
      cpSync(join(defaultMigrationsDir, name), join(before, name), { recursive: true });
    }
    const pglite = new PGlite();
    const executor = {
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
      exec: async (sql: string) => {
        await pglite.exec(sql);
      },
    };
    try {
      await migrate(executor, { migrationsDir: before });
      for (const org of [orgA, null, orgA, orgB, orgA]) {
        await pglite.query(
          `INSERT INTO "AuditEvent" ("organizationId", "action", "entity") VALUES ($1, 'READ', 'Person')`,
          [org],
        );
      }
      await migrate(executor);
      const db = { query: executor.query } as unknown as Database;
      const report = await verifyAuditChains(db);
      expect(report).toMatchObject({ ok: true });
      expect(report.chains.map((chain) => [chain.chainKey, chain.events])).toEqual([
        [orgA, 3],
        [orgB, 1],
        ['none', 1],
      ]);
      // New events continue the migrated chains.
      await pglite.query(
        `INSERT INTO "AuditEvent" ("organizationId", "action", "entity") VALUES ($1, 'READ', 'Person')`,
        [orgA],
      );
      expect(await verifyAuditChains(db)).toMatchObject({ ok: true });
    } finally {
      await pglite.close();
    }
  });
});
