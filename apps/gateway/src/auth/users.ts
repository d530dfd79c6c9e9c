import { randomInt } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Prisma, Role } from '@vi/db';
import { type FieldError, fieldError, normaliseEmail } from '@vi/domain';
import { type AuditInput, auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { isUniqueViolation } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { RoleEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { revokeSessionsOfUser } from './session.ts';
import { hasSecondFactor } from './totp.ts';

/**
 * An administrator's user management, always within the ACTIVE organisation, which must be one
 * where they hold ADMIN (switch organisation to manage another). Roles are per organisation;
 * the account (password, second factor, deactivation) is one for all organisations, so an
 * account-wide action needs ADMIN in every organisation the user belongs to: an administrator in
 * Køge must not lock a colleague out of Odense, nor learn a password that opens Odense's data.
 *
 * New accounts and forgotten passwords get a TEMPORARY password made here, shown once to the
 * administrator and never stored in clear; the user must choose their own at first login. Why not
 * a password the administrator types: people pick "Velkommen2026" for everyone, and the
 * administrator would know the working password of every colleague (the audit trail would no
 * longer show who really acted). Why not e-mail: no mail server is assumed, and a password in a
 * mailbox outlives its use. Handing a one-time code over in person or by phone is what Danish
 * municipal IT already does for AD accounts.
 */
export const MAX_DISPLAY_NAME_LENGTH = 200;

/** No 0/O, 1/l/I: read aloud or copied from a screen without mistakes. 16 of 31 signs ≈ 79 bits. */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** argon2id with the library defaults, like every other stored password (seed, login). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** One user as an administrator of `organizationId` sees them: roles there only. */
export interface ManagedUser {
  organizationId: string;
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabledAt: Date | null;
  createdAt: Date;
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  /** The caller is ADMIN in every organisation of this user (account-wide actions allowed). */
  manageable: boolean;
}

const MANAGED_USER_SELECT = {
  id: true,
  email: true,
  displayName: true,
  disabledAt: true,
  createdAt: true,
  totpEnabledAt: true,
  mustChangePassword: true,
  memberships: { select: { organizationId: true, role: true }, orderBy: { role: 'asc' } },
} satisfies Prisma.UserSelect;

type ManagedUserRow = Prisma.UserGetPayload<{ select: typeof MANAGED_USER_SELECT }>;
type Client = Prisma.TransactionClient | ReturnType<typeof prisma>;

/** The organisations where the caller holds ADMIN. */
function adminOrganizations(context: GatewayContext): Set<string> {
  return new Set(context.memberships.filter((m) => m.roles.includes('ADMIN')).map((m) => m.organizationId));
}

function toManagedUser(row: ManagedUserRow, organizationId: string, context: GatewayContext): ManagedUser {
  const administered = adminOrganizations(context);
  return {
    organizationId,
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role),
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    twoFactorEnabled: row.totpEnabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    manageable: row.memberships.every((m) => administered.has(m.organizationId)),
  };
}

/**
 * Every user-management operation starts here: ADMIN in the active organisation (the field's
 * scope already refused anyone else; this is the resolver's own check) and a second factor.
 */
async function requireUserAdmin(
  context: GatewayContext,
): Promise<{ organizationId: string; adminId: string }> {
  const organizationId = requireOrganizationId(context);
  const adminId = context.user?.id;
  if (!adminId || !holdsRole(context, 'ADMIN')) throw gatewayError(ErrorCode.FORBIDDEN);
  if (!(await hasSecondFactor(adminId))) {
    context.audit({
      action: 'DENIED',
      entity: 'User',
      entityId: adminId,
      detail: { reason: 'SECOND_FACTOR_SETUP_REQUIRED' },
    });
    throw gatewayError(ErrorCode.SECOND_FACTOR_SETUP_REQUIRED);
  }
  return { organizationId, adminId };
}

/**
 * A member of the organisation, or NOT_FOUND: users of other organisations do not exist here.
 * With `context` a miss is audited, since an administrator trying ids of other organisations'
 * users is worth seeing in the trail.
 */
async function loadMember(
  client: Client,
  organizationId: string,
  userId: string,
  context?: GatewayContext,
): Promise<ManagedUserRow> {
  const row = isUuid(userId)
    ? await client.user.findFirst({
        where: { id: userId, memberships: { some: { organizationId } } },
        select: MANAGED_USER_SELECT,
      })
    : null;
  if (!row) {
    context?.audit({
      action: 'DENIED',
      entity: 'User',
      entityId: userId.slice(0, 64),
      detail: { reason: 'NOT_A_MEMBER' },
    });
    throw gatewayError(ErrorCode.NOT_FOUND);
  }
  return row;
}

/**
 * Changes to who administers an organisation are serialised per organisation, so two
 * administrators removing each other at the same moment cannot leave it with none.
 */
async function lockOrganizationAdmins(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`organization-admins:${organizationId}`}))`;
}

/** Refuses when `organizationId` would have no active administrator left without `userId`. */
async function requireAnotherActiveAdmin(
  tx: Prisma.TransactionClient,
  organizationId: string,
  userId: string,
  field: string,
): Promise<void> {
  const others = await tx.membership.count({
    where: { organizationId, role: 'ADMIN', userId: { not: userId }, user: { disabledAt: null } },
  });
  if (others === 0) throwValidation([fieldError(field, 'LAST_ADMIN')]);
}

function requireAccountWide(row: ManagedUserRow, context: GatewayContext, adminId: string): void {
  if (row.id === adminId) throwValidation([fieldError('userId', 'NOT_YOURSELF')]);
  const administered = adminOrganizations(context);
  if (!row.memberships.every((m) => administered.has(m.organizationId))) {
    throwValidation([fieldError('userId', 'MEMBER_ELSEWHERE')]);
  }
}

function audit(context: GatewayContext, organizationId: string, event: AuditInput) {
  return auditRow({ userId: context.user?.id ?? null, organizationId, requestId: context.requestId }, event);
}

export const ManagedUserRef = builder.objectRef<ManagedUser>('ManagedUser').implement({
  description: 'A user of the active organisation, as its administrator sees them.',
  authScopes: (user, context) =>
    user.organizationId === context.organizationId && holdsRole(context, 'ADMIN'),
  fields: (t) => ({
    id: t.id({ nullable: false, resolve: (u) => u.id }),
    email: t.string({ nullable: false, resolve: (u) => u.email }),
    displayName: t.string({ nullable: false, resolve: (u) => u.displayName }),
    roles: t.field({
      type: [RoleEnum],
      nullable: { list: false, items: false },
      description: 'Roles in this organisation; empty when the user was just removed from it.',
      resolve: (u) => u.roles,
    }),
    active: t.boolean({ nullable: false, resolve: (u) => u.disabledAt === null }),
    createdAt: t.field({ type: 'DateTime', nullable: false, resolve: (u) => u.createdAt }),
    twoFactorEnabled: t.boolean({ nullable: false, resolve: (u) => u.twoFactorEnabled }),
    mustChangePassword: t.boolean({
      nullable: false,
      description: 'Still on a temporary password from an administrator.',
      resolve: (u) => u.mustChangePassword,
    }),
    manageable: t.boolean({
      nullable: false,
      description:
        'True when you administer every organisation of this user: only then may you deactivate them or reset their password or two-step login.',
      resolve: (u) => u.manageable,
    }),
  }),
});

interface IssuedAccess {
  user: ManagedUser;
  temporaryPassword: string | null;
}

export const IssuedAccessRef = builder.objectRef<IssuedAccess>('IssuedAccess').implement({
  description: 'A created or reset account, with its temporary password: shown once, never stored in clear.',
  authScopes: (result, context) =>
    result.user.organizationId === context.organizationId && holdsRole(context, 'ADMIN'),
  fields: (t) => ({
    user: t.field({ type: ManagedUserRef, nullable: false, resolve: (r) => r.user }),
    temporaryPassword: t.string({
      nullable: true,
      description:
        'Give it to the user in person or by phone; they choose their own at first login. Null when an existing account was only given roles here.',
      resolve: (r) => r.temporaryPassword,
    }),
  }),
});

builder.queryField('organizationUsers', (t) =>
  t.field({
    type: [ManagedUserRef],
    nullable: { list: false, items: false },
    description: 'The users of the active organisation with their roles there (administrators only).',
    authScopes: { role: 'ADMIN' },
    resolve: async (_root, _args, context) => {
      const { organizationId } = await requireUserAdmin(context);
      const rows = await prisma().user.findMany({
        where: { memberships: { some: { organizationId } } },
        select: MANAGED_USER_SELECT,
        orderBy: [{ displayName: 'asc' }, { email: 'asc' }],
      });
      return rows.map((row) => toManagedUser(row, organizationId, context));
    },
  }),
);

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    displayName: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
  }),
});

function validateCreateUser(input: { email: string; displayName: string; roles: readonly Role[] }) {
  const errors: FieldError[] = [];
  const email = normaliseEmail(input.email);
  if (input.email.trim() === '') errors.push(fieldError('email', 'REQUIRED'));
  else if (!email) errors.push(fieldError('email', 'INVALID_EMAIL'));
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (displayName === '') errors.push(fieldError('displayName', 'REQUIRED'));
  else if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    errors.push(fieldError('displayName', 'TOO_LONG', { maxLength: MAX_DISPLAY_NAME_LENGTH }));
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) errors.push(fieldError('roles', 'REQUIRED'));
  throwValidation(errors);
  return { email: email as string, displayName, roles };
}

builder.mutationField('createUser', (t) =>
  t.field({
    type: IssuedAccessRef,
    nullable: false,
    description:
      'Creates an account with roles in the active organisation and a temporary password, or gives an existing account (of another organisation) roles here.',
    authScopes: { role: 'ADMIN' },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const { organizationId } = await requireUserAdmin(context);
      const { email, displayName, roles } = validateCreateUser(input);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      const result = await createOrAdd(context, organizationId, { email, displayName, roles, passwordHash })
        .then((created) => ({ ...created, temporaryPassword: created.isNew ? password : null }))
        .catch((error: unknown) => {
          // Two administrators adding the same address at once: the second meets the unique index.
          if (isUniqueViolation(error)) throwValidation([fieldError('email', 'EMAIL_TAKEN')]);
          throw error;
        });
      const row = await loadMember(prisma(), organizationId, result.id);
      return {
        user: toManagedUser(row, organizationId, context),
        temporaryPassword: result.temporaryPassword,
      };
    },
  }),
);

function createOrAdd(
  context: GatewayContext,
  organizationId: string,
  input: { email: string; displayName: string; roles: Role[]; passwordHash: string },
): Promise<{ id: string; isNew: boolean }> {
  const { email, displayName, roles, passwordHash } = input;
  return prisma().$transaction(async (tx) => {
    const existing = await tx.user.findFirst({
      where: { email: { equals: email, mode: 'insensitive' } },
      select: { id: true, memberships: { select: { organizationId: true } } },
    });
    if (existing?.memberships.some((m) => m.organizationId === organizationId)) {
      throwValidation([fieldError('email', 'EMAIL_TAKEN')]);
    }
    if (existing) {
      // An account belongs to the organisations that made it: adding it here needs an
      // administrator of one of them too, so no organisation can annex another's staff
      // or read their account by guessing an address.
      const administersOne = existing.memberships.some((m) =>
        context.memberships.some(
          (own) => own.organizationId === m.organizationId && own.roles.includes('ADMIN'),
        ),
      );
      if (!administersOne) throwValidation([fieldError('email', 'ACCOUNT_ELSEWHERE')]);
      await tx.membership.createMany({
        data: roles.map((role) => ({ userId: existing.id, organizationId, role })),
      });
      await tx.auditEvent.create({
        data: audit(context, organizationId, {
          action: 'UPDATE',
          entity: 'User',
          entityId: existing.id,
          detail: { change: 'ROLES', added: roles, removed: [] },
        }),
      });
      return { id: existing.id, isNew: false };
    }
    const created = await tx.user.create({
      data: {
        email,
        displayName,
        passwordHash,
        mustChangePassword: true,
        memberships: { create: roles.map((role) => ({ organizationId, role })) },
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: audit(context, organizationId, {
        action: 'CREATE',
        entity: 'User',
        entityId: created.id,
        detail: { change: 'CREATED', roles },
      }),
    });
    return { id: created.id, isNew: true };
  });
}

builder.mutationField('setUserRoles', (t) =>
  t.field({
    type: ManagedUserRef,
    nullable: false,
    description:
      'Replaces a user’s roles in the active organisation; no roles removes them from it. The organisation keeps at least one active administrator.',
    authScopes: { role: 'ADMIN' },
    args: {
      userId: t.arg.id({ required: true }),
      roles: t.arg({ type: [RoleEnum], required: true }),
    },
    resolve: async (_root, { userId, roles }, context) => {
      const { organizationId } = await requireUserAdmin(context);
      const wanted = [...new Set(roles)];
      await prisma().$transaction(async (tx) => {
        await lockOrganizationAdmins(tx, organizationId);
        const row = await loadMember(tx, organizationId, userId, context);
        const current = row.memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role);
        const added = wanted.filter((role) => !current.includes(role));
        const removed = current.filter((role) => !wanted.includes(role));
        if (added.length === 0 && removed.length === 0) return;
        if (removed.includes('ADMIN')) await requireAnotherActiveAdmin(tx, organizationId, row.id, 'roles');
        await tx.membership.deleteMany({ where: { userId: row.id, organizationId, role: { in: removed } } });
        await tx.membership.createMany({
          data: added.map((role) => ({ userId: row.id, organizationId, role })),
        });
        await tx.auditEvent.create({
          data: audit(context, organizationId, {
            action: 'UPDATE',
            entity: 'User',
            entityId: row.id,
            detail: { change: 'ROLES', added, removed },
          }),
        });
      });
      // A user with no roles left is no longer a member; show them once more, with none.
      const row = await prisma().user.findUnique({ where: { id: userId }, select: MANAGED_USER_SELECT });
      if (!row) throw gatewayError(ErrorCode.NOT_FOUND);
      return toManagedUser(row, organizationId, context);
    },
  }),
);

async function setActive(context: GatewayContext, userId: string, active: boolean): Promise<ManagedUser> {
  const { organizationId, adminId } = await requireUserAdmin(context);
  const before = await loadMember(prisma(), organizationId, userId, context);
  // Every organisation this user administers may lose an administrator: lock them all, in one
  // order, so two such changes cannot wait on each other.
  const locked = [
    ...new Set([
      organizationId,
      ...before.memberships.filter((m) => m.role === 'ADMIN').map((m) => m.organizationId),
    ]),
  ].sort();
  await prisma().$transaction(async (tx) => {
    for (const id of locked) await lockOrganizationAdmins(tx, id);
    const row = await loadMember(tx, organizationId, userId, context);
    requireAccountWide(row, context, adminId);
    if ((row.disabledAt === null) === active) return;
    if (!active) {
      // Every organisation where they are an administrator must keep another.
      for (const m of row.memberships.filter((membership) => membership.role === 'ADMIN')) {
        await requireAnotherActiveAdmin(tx, m.organizationId, row.id, 'userId');
      }
    }
    await tx.user.update({ where: { id: row.id }, data: { disabledAt: active ? null : new Date() } });
    await tx.auditEvent.create({
      data: audit(context, organizationId, {
        action: 'UPDATE',
        entity: 'User',
        entityId: row.id,
        detail: { change: active ? 'REACTIVATED' : 'DEACTIVATED' },
      }),
    });
  });
  // The session lookup refuses a disabled account already; deleting the rows makes it final.
  if (!active) await revokeSessionsOfUser(userId);
  return toManagedUser(await loadMember(prisma(), organizationId, userId), organizationId, context);
}

builder.mutationField('deactivateUser', (t) =>
  t.field({
    type: ManagedUserRef,
    nullable: false,
    description:
      'Blocks the account and ends all its sessions at once. Needs ADMIN in all its organisations.',
    authScopes: { role: 'ADMIN' },
    args: { userId: t.arg.id({ required: true }) },
    resolve: (_root, { userId }, context) => setActive(context, userId, false),
  }),
);

builder.mutationField('reactivateUser', (t) =>
  t.field({
    type: ManagedUserRef,
    nullable: false,
    description: 'Lets a deactivated account log in again. Needs ADMIN in all its organisations.',
    authScopes: { role: 'ADMIN' },
    args: { userId: t.arg.id({ required: true }) },
    resolve: (_root, { userId }, context) => setActive(context, userId, true),
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.field({
    type: IssuedAccessRef,
    nullable: false,
    description:
      'Gives a user who forgot their password a temporary one (shown once) and ends their sessions. Needs ADMIN in all their organisations.',
    authScopes: { role: 'ADMIN' },
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (_root, { userId }, context) => {
      const { organizationId, adminId } = await requireUserAdmin(context);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      await prisma().$transaction(async (tx) => {
        const row = await loadMember(tx, organizationId, userId, context);
        requireAccountWide(row, context, adminId);
        await tx.user.update({
          where: { id: row.id },
          data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
        });
        await tx.auditEvent.create({
          data: audit(context, organizationId, {
            action: 'UPDATE',
            entity: 'User',
            entityId: row.id,
            detail: { change: 'PASSWORD_RESET' },
          }),
        });
      });
      await revokeSessionsOfUser(userId);
      const row = await loadMember(prisma(), organizationId, userId);
      return { user: toManagedUser(row, organizationId, context), temporaryPassword: password };
    },
  }),
);

builder.mutationField('resetUserTwoFactor', (t) =>
  t.field({
    type: ManagedUserRef,
    nullable: false,
    description:
      'Turns off two-step login for a user who lost their phone, and ends their sessions. Needs ADMIN in all their organisations.',
    authScopes: { role: 'ADMIN' },
    args: { userId: t.arg.id({ required: true }) },
    resolve: async (_root, { userId }, context) => {
      const { organizationId, adminId } = await requireUserAdmin(context);
      await prisma().$transaction(async (tx) => {
        const row = await loadMember(tx, organizationId, userId, context);
        requireAccountWide(row, context, adminId);
        await tx.user.update({
          where: { id: row.id },
          data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
        });
        await tx.auditEvent.create({
          data: audit(context, organizationId, {
            action: 'UPDATE',
            entity: 'User',
            entityId: row.id,
            detail: { change: 'TWO_FACTOR_RESET' },
          }),
        });
      });
      await revokeSessionsOfUser(userId);
      return toManagedUser(await loadMember(prisma(), organizationId, userId), organizationId, context);
    },
  }),
);
