import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Role } from '@vi/db';
import type { GatewayContext } from './context.ts';
import { prisma } from './database.ts';
import { ErrorCode, gatewayError } from './errors.ts';
import type PrismaTypes from './generated/pothos-prisma-types.ts';
import { getDatamodel } from './generated/pothos-prisma-types.ts';

/**
 * Scopes are named after who the user is in the active organisation, never
 * after screens:
 * - `authenticated`: a valid session.
 * - `role`: holds the role (or one of the roles) in the ACTIVE organisation.
 * - `evaluator`: holds EVALUATOR in the active organisation (the aggregate-only schema).
 * - `organizationMember`: belongs to the given organisation id (any role).
 */
export interface GatewayAuthScopes {
  authenticated: boolean;
  role: Role | readonly Role[];
  evaluator: boolean;
  organizationMember: string;
}

export function holdsRole(context: GatewayContext, roles: Role | readonly Role[]): boolean {
  const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  // A temporary password (set by an administrator) opens only the account
  // screen: no role counts until the user has chosen their own password.
  if (context.user?.mustChangePassword) return false;
  return context.organizationId !== null && wanted.some((role) => context.roles.includes(role));
}

/**
 * The one schema builder. It defines no types: each capability folder adds
 * its own (see schema.ts). Default deny is ours to enforce, because
 * scope-auth resolves a field that has no scopes: every object type gets
 * type-level `authScopes`, public fields say `skipTypeScopes: true`, and
 * src/default-deny.test.ts fails on any field with neither.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: GatewayAuthScopes;
  DefaultAuthStrategy: 'any';
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.user !== null,
      role: (roles) => holdsRole(context, roles),
      evaluator: holdsRole(context, 'EVALUATOR'),
      organizationMember: (organizationId) =>
        context.memberships.some((m) => m.organizationId === organizationId),
    }),
    // Anonymous callers learn only that they must log in; logged-in users
    // learn only that they may not. Which scope failed stays in the logs.
    unauthorizedError: (_parent, context, info) => {
      const code = context.user ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
      // A refused root field (query or mutation) goes on the audit trail,
      // anonymous or not; refused objects below the root are audited by
      // their own scope (authorization.ts) with the record's id.
      if (info.path.prev === undefined) {
        context.audit({
          action: 'DENIED',
          entity: info.parentType.name,
          entityId: info.fieldName,
          detail: { reason: code },
        });
      }
      return gatewayError(code);
    },
  },
  prisma: {
    client: () => prisma(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
});

export type Builder = typeof builder;
