import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { createTestDatabase, ownerQuery } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('AuditEvent is append-only', () => {
  it('accepts inserts but refuses UPDATE, DELETE and TRUNCATE, leaving the row as written', async () => {
    const event = await db.prisma.auditEvent.create({
      data: { action: 'READ', entity: 'Person', entityId: 'p-1', detail: { field: 'phone' } },
    });

    // The gateway's role lacks the privilege (issue 10; database-roles.test.ts)…
    await expect(
      db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'NOTHING_TO_SEE' } }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/permission denied|append-only/);
    // …and the trigger refuses even the owner, who has it.
    await expect(ownerQuery('TRUNCATE "AuditEvent"', [], db)).rejects.toThrow(/append-only/);
    await expect(ownerQuery('UPDATE "AuditEvent" SET "userId" = NULL', [], db)).rejects.toThrow(
      /append-only/,
    );
    await expect(ownerQuery('DELETE FROM "AuditEvent"', [], db)).rejects.toThrow(/append-only/);

    const after = await db.prisma.auditEvent.findMany();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: event.id, action: 'READ', entity: 'Person', entityId: 'p-1' });
  });
});
