/**
 * The restore test (issue 10): the demo data and an audit trail are dumped, restored into a clean
 * database, and the copy must hold every row of every table and intact audit chains. Then the copy
 * is tampered with, to prove the drill would notice. PostgreSQL only (pg_dump has no PGlite).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@vi/db';
import { seedDemo } from '@vi/db/seed';
import { createScratchPostgresDatabase } from '@vi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupDrill } from './backup-drill.ts';

const serverUrl = process.env.DATABASE_URL?.trim();
const hasPgDump = ['/usr/bin/pg_dump', '/usr/local/bin/pg_dump'].some((path) => existsSync(path));

describe.skipIf(!serverUrl || !hasPgDump)(
  'backup drill: dump, restore into a clean database, compare',
  () => {
    let scratch: { url: string; drop(): Promise<void> };
    let db: Database;
    let dir = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vi-backup-drill-'));
      scratch = await createScratchPostgresDatabase(serverUrl!);
      db = await createDatabase({ url: scratch.url });
      await seedDemo(db.prisma);
      const organizations = await db.prisma.organization.findMany({ select: { id: true } });
      for (const [index, organization] of organizations.entries()) {
        for (let n = 0; n <= index + 2; n++) {
          await db.prisma.auditEvent.create({
            data: {
              organizationId: organization.id,
              action: 'READ',
              entity: 'Person',
              entityId: `drill-${n}`,
            },
          });
        }
      }
    }, 120_000);

    afterAll(async () => {
      await db?.close();
      await scratch?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('restores every row of every table, and every audit chain verifies in the copy', async () => {
      const report = await runBackupDrill({ sourceUrl: scratch.url, dir });
      expect(report.mismatches).toEqual([]);
      expect(report.ok).toBe(true);
      const rows = Object.fromEntries(report.tables.map((row) => [row.table, row.restored]));
      expect(rows.Person).toBeGreaterThan(100);
      expect(rows.OutreachCase).toBeGreaterThan(100);
      expect(rows.AuditEvent).toBeGreaterThanOrEqual(9);
      expect(report.auditChains).toMatchObject({ ok: true });
      expect(report.auditChains!.events).toBe(rows.AuditEvent);
      expect(existsSync(report.dumpFile)).toBe(true);
    }, 120_000);

    it('fails, naming the table and the broken link, when the restored copy differs', async () => {
      // As a partial restore or a tampered backup would: a row missing, an audit event altered.
      const report = await runBackupDrill({
        sourceUrl: scratch.url,
        dir,
        afterRestore: async (copy) => {
          await copy.query(`DELETE FROM "CallAttempt" WHERE id IN (SELECT id FROM "CallAttempt" LIMIT 1)`);
          await copy.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
          await copy.query(`UPDATE "AuditEvent" SET "entityId" = 'altered' WHERE "entityId" = 'drill-1'`);
        },
      });
      expect(report.ok).toBe(false);
      expect(report.mismatches).toEqual([
        expect.stringMatching(/^CallAttempt: \d+ in the source, \d+ restored$/),
      ]);
      expect(report.auditChains?.ok).toBe(false);
      expect(report.auditChains?.firstBroken).toMatchObject({ problem: 'hash' });
    }, 120_000);
  },
);
