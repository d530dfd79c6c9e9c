import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Role } from '@vi/db';
import { builder } from '../builder.ts';
import { applySession, type GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { RoleEnum } from '../enums.ts';
import { ErrorCode, gatewayError } from '../errors.ts';
import { OrganizationRef } from './organization.ts';
import { type OrganizationMembership, type SessionUser, setActiveOrganization } from './session.ts';

export interface MeShape {
  user: SessionUser;
  organizationId: string | null;
  roles: Role[];
  memberships: OrganizationMembership[];
}

/** The logged-in user as the context sees them now, or null. */
export function meOf(context: GatewayContext): MeShape | null {
  if (!context.user) {
    return null;
  }
  return {
    user: context.user,
    organizationId: context.organizationId,
    roles: [...context.roles],
    memberships: context.memberships,
  };
}

/** Scope results are cached per context; after the session changes they must be recomputed. */
export function forgetScopeResults(context: GatewayContext): void {
  RequestCache.clearForContext(context);
}

function loadOrganization(id: string) {
  return prisma().organization.findUnique({ where: { id } });
}

export const OrganizationMembershipRef = builder
  .objectRef<OrganizationMembership>('OrganizationMembership')
  .implement({
    description: 'An organisation the user belongs to and their roles there.',
    authScopes: (membership) => ({ organizationMember: membership.organizationId }),
    fields: (t) => ({
      organization: t.field({
        type: OrganizationRef,
        nullable: false,
        resolve: async (membership) => {
          const organization = await loadOrganization(membership.organizationId);
          if (!organization) {
            throw gatewayError(ErrorCode.NOT_FOUND);
          }
          return organization;
        },
      }),
      roles: t.field({
        type: [RoleEnum],
        nullable: { list: false, items: false },
        resolve: (membership) => membership.roles,
      }),
    }),
  });

export const MeRef = builder.objectRef<MeShape>('Me').implement({
  description: 'The logged-in user, their active organisation and their roles there.',
  // A Me object only ever describes the caller.
  authScopes: (me, context) => me.user.id === context.user?.id,
  fields: (t) => ({
    id: t.id({ nullable: false, resolve: (me) => me.user.id }),
    displayName: t.string({ nullable: false, resolve: (me) => me.user.displayName }),
    email: t.string({ nullable: false, resolve: (me) => me.user.email }),
    locale: t.string({ nullable: false, resolve: (me) => me.user.locale }),
    organization: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The active organisation; null when the account has lost every membership.',
      resolve: (me) => (me.organizationId ? loadOrganization(me.organizationId) : null),
    }),
    roles: t.field({
      type: [RoleEnum],
      nullable: { list: false, items: false },
      description: 'Roles in the active organisation.',
      resolve: (me) => me.roles,
    }),
    memberships: t.field({
      type: [OrganizationMembershipRef],
      nullable: { list: false, items: false },
      resolve: (me) => me.memberships,
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: MeRef,
    nullable: true,
    description: 'The logged-in user, or null. Public: the apps ask it to decide whether to show login.',
    skipTypeScopes: true,
    resolve: (_root, _args, context) => meOf(context),
  }),
);

builder.mutationField('switchOrganization', (t) =>
  t.field({
    type: MeRef,
    nullable: false,
    description: 'Makes another of the user’s organisations the active one for this session.',
    args: { organizationId: t.arg.id({ required: true }) },
    resolve: async (_root, { organizationId }, context) => {
      const membership = context.memberships.find((m) => m.organizationId === organizationId);
      if (!membership || !context.sessionId || !context.user) {
        throw gatewayError(ErrorCode.FORBIDDEN);
      }
      await setActiveOrganization(context.sessionId, organizationId);
      // The next login starts in the organisation chosen last.
      await prisma().user.update({
        where: { id: context.user.id },
        data: { lastOrganizationId: organizationId },
      });
      applySession(context, {
        id: context.sessionId,
        user: context.user,
        memberships: context.memberships,
        activeOrganizationId: organizationId,
      });
      forgetScopeResults(context);
      context.audit({ action: 'SWITCH_ORGANIZATION', entity: 'Organization', entityId: organizationId });
      const me = meOf(context);
      if (!me) {
        throw gatewayError(ErrorCode.UNAUTHENTICATED);
      }
      return me;
    },
  }),
);
