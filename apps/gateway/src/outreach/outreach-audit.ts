import type { Prisma } from '@vi/db';
import { type AuditInput, auditRow } from '../audit.ts';
import type { GatewayContext } from '../context.ts';

/**
 * Audit rows for a write go into the write's own transaction, so the change and its
 * trail commit (or roll back) together. createMany keeps it one statement however
 * many people a write touches.
 */
export async function auditWrites(
  tx: Prisma.TransactionClient,
  context: GatewayContext,
  events: readonly AuditInput[],
): Promise<void> {
  if (events.length === 0) return;
  const actor = {
    userId: context.user?.id ?? null,
    organizationId: context.organizationId,
    requestId: context.requestId,
  };
  await tx.auditEvent.createMany({ data: events.map((e) => auditRow(actor, e)) });
}
