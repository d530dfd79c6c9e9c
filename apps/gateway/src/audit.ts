import type { Prisma } from '@vi/db';
import { prisma } from './database.ts';

/**
 * What happened to which record. READ/CREATE/UPDATE/DELETE are the data
 * verbs; the rest are account events and refused attempts.
 */
export type AuditAction =
  | 'READ'
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'DENIED'
  | 'EXPORT'
  /** An evaluator's aggregate request (filter and figures in `detail`). */
  | 'EVALUATE'
  | 'LOGIN'
  /** A wrong password, an unknown e-mail or a disabled account (userId = the account aimed at, if any). */
  | 'LOGIN_FAILED'
  /** A login attempt the throttle turned away before any password check. */
  | 'LOGIN_REFUSED'
  | 'LOGOUT'
  | 'SWITCH_ORGANIZATION';

export interface AuditInput {
  action: AuditAction;
  /** Prisma model name, e.g. 'Person', 'OutreachCase'. */
  entity: string;
  entityId?: string | null;
  /** The person whose data was touched, so a person's trail is one index lookup. */
  personId?: string | null;
  /** Which fields or why, never the values themselves (minimum data). */
  detail?: Prisma.InputJsonValue;
}

export interface AuditActor {
  userId: string | null;
  organizationId: string | null;
  requestId: string;
}

export function auditRow(actor: AuditActor, event: AuditInput): Prisma.AuditEventCreateManyInput {
  return {
    userId: actor.userId,
    organizationId: actor.organizationId,
    requestId: actor.requestId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    personId: event.personId ?? null,
    ...(event.detail === undefined ? {} : { detail: event.detail }),
  };
}

/**
 * Collects a request's audit events and writes them in one INSERT when the
 * GraphQL execution ends (see `auditPlugin` in yoga.ts), before the response
 * leaves: if that write fails the client gets an error instead of the data.
 * The actor is captured when an event is recorded, because login and
 * switchOrganization change it during the request. Repeated READs of the
 * same record within a request are recorded once.
 *
 * Writes that change data should instead put `auditRow(...)` into their own
 * transaction, so the change and its audit row commit together.
 *
 * Each row is linked into its organisation's hash chain by the database's
 * BEFORE INSERT trigger (migration 0309), never here: concurrent gateways
 * cannot fork a chain, and this role cannot choose the values. The link holds
 * a lock on the chain's head until the inserting transaction ends, so keep
 * audit inserts near the end of long transactions.
 */
export class AuditTrail {
  private readonly pending: Prisma.AuditEventCreateManyInput[] = [];
  private readonly seenReads = new Set<string>();

  constructor(private readonly actor: () => AuditActor) {}

  record(event: AuditInput): void {
    if (event.action === 'READ') {
      const key = `${event.entity}:${event.entityId ?? ''}:${event.personId ?? ''}`;
      if (this.seenReads.has(key)) {
        return;
      }
      this.seenReads.add(key);
    }
    this.pending.push(auditRow(this.actor(), event));
  }

  get size(): number {
    return this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) {
      return;
    }
    const rows = this.pending.splice(0, this.pending.length);
    await prisma().auditEvent.createMany({ data: rows });
  }
}
