// Issue 10: the events the gateway writes (reads, refusals, failed logins) form intact hash chains,
// linked by the database, and the gateway's own role cannot verify, archive or tamper with them.
import { type Database, verifyAuditChains } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from './database.ts';
import { createOrganization, createPerson, createUser, TEST_PASSWORD } from './testing/fixtures.ts';
import { TestBrowser } from './testing/graphql-client.ts';

const worker = new TestBrowser();
/** The owner's view of this test file's database (the audit:verify command connects as the owner). */
const asOwner = {
  query: (sql: string, params?: unknown[]) => ownerQuery(sql, params),
} as unknown as Database;

let organizationId = '';
beforeAll(async () => {
  await openDatabase();
  organizationId = (await createOrganization({ name: 'A Kommune', slug: 'a' })).id;
  await createUser({ email: 'worker@a.test', memberships: [{ organizationId, role: 'COUNSELLOR' }] });
  await createPerson(organizationId, 'P-CHAIN');
});

describe('the gateway’s audit events', () => {
  it('are chained per organisation by the database, and verify', async () => {
    await expect(new TestBrowser().login('worker@a.test', 'wrong-password')).rejects.toThrow(/login failed/);
    await worker.login('worker@a.test', TEST_PASSWORD);
    await worker.graphql('{ persons { id pseudonym } }');
    await worker.graphql('{ persons { id pseudonym } }');

    const rows = await database().query<{
      organizationId: string | null;
      chainSeq: number;
      hash: string | null;
    }>(
      `SELECT "organizationId"::text AS "organizationId", "chainSeq", "hash" FROM "AuditEvent" ORDER BY "id"`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.chainSeq > 0 && /^[0-9a-f]{64}$/.test(row.hash ?? ''))).toBe(true);
    const report = await verifyAuditChains(asOwner);
    expect(report.ok).toBe(true);
    expect(report.chains.map((chain) => chain.chainKey)).toContain(organizationId);
  });

  it('cannot be verified, changed or removed with the gateway’s own connection', async () => {
    await expect(verifyAuditChains(database())).rejects.toThrow(/permission denied/);
    await expect(database().query(`UPDATE "AuditEvent" SET "action" = 'READ'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(database().query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(database().query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(
      /must be owner/,
    );
    expect((await verifyAuditChains(asOwner)).ok).toBe(true);
  });
});
