import type { Role } from '@vi/db';
import { holdsRole } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { ErrorCode, gatewayError } from './errors.ts';

/** Roles that work with persons case by case (not GROUP_LEADER, not EVALUATOR). */
export const PERSON_READER_ROLES = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'INTAKE_COORDINATOR',
  'RISK_ASSESSOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

/**
 * The active organisation id for a where-clause. Throws rather than return
 * null, so a query can never run unfiltered.
 */
export function requireOrganizationId(context: GatewayContext): string {
  if (!context.user) {
    throw gatewayError(ErrorCode.UNAUTHENTICATED);
  }
  if (!context.organizationId) {
    throw gatewayError(ErrorCode.NO_ORGANIZATION);
  }
  return context.organizationId;
}

export function requireUser(context: GatewayContext): NonNullable<GatewayContext['user']> {
  if (!context.user) {
    throw gatewayError(ErrorCode.UNAUTHENTICATED);
  }
  return context.user;
}

/**
 * Type-level `authScopes` for any object that belongs to an organisation
 * and may hold personal data. It is checked for every object instance, on
 * every path that reaches it (root query, nested relation, a future type
 * that links to it), so isolation does not depend on each resolver's filter:
 * - the row's organisation must be the active organisation,
 * - the user must hold one of `roles` there,
 * - then the read is put on the audit trail (once per record and request).
 * A refused object is audited as DENIED without its person id: the caller
 * must not learn whose record it was, and the id may belong to another
 * organisation.
 */
export function organizationRecordScope<Row extends { id: string; organizationId: string }>(options: {
  entity: string;
  roles: readonly Role[];
  personId?: (row: Row) => string | null;
}): (row: Row, context: GatewayContext) => boolean {
  return (row, context) => {
    const allowed =
      typeof row.organizationId === 'string' &&
      row.organizationId === context.organizationId &&
      holdsRole(context, options.roles);
    if (!allowed) {
      context.audit({ action: 'DENIED', entity: options.entity, entityId: row.id });
      return false;
    }
    context.audit({
      action: 'READ',
      entity: options.entity,
      entityId: row.id,
      personId: options.personId ? options.personId(row) : null,
    });
    return true;
  };
}
