import { fieldError, newPasswordErrors, PASSWORD_MAX_LENGTH } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { clientAddress } from './client-address.ts';
import { creditSuccessfulLogin, type LoginAttemptKeys, reserveLoginAttempt } from './login-throttle.ts';
import { MeRef, type MeShape, meOf } from './me.ts';
import { verifyPassword } from './password.ts';
import { revokeSessionsOfUser } from './session.ts';
import { acceptTotpCode, newTotpSecret, normaliseTotpCode, sealTotpSecret, totpUri } from './totp.ts';
import { hashPassword } from './users.ts';

/**
 * The logged-in user's own account: password change and the optional second factor (TOTP).
 * Everything that could lock the owner out or keep an intruder in asks for proof again: the
 * current password to change it or to start enrolment (so a stolen session cannot put its own
 * phone on the account), a code from the app to confirm or turn the second factor off. Wrong
 * answers go through the login throttle like a wrong password at login.
 */

interface AccountState {
  totpEnabledAt: Date | null;
  mustChangePassword: boolean;
}

const accountStates = new WeakMap<GatewayContext, Promise<AccountState | null>>();

/** One read per request, however many of the fields below a query asks for. */
function accountStateOf(context: GatewayContext, userId: string): Promise<AccountState | null> {
  let state = accountStates.get(context);
  if (!state) {
    state = prisma().user.findUnique({
      where: { id: userId },
      select: { totpEnabledAt: true, mustChangePassword: true },
    });
    accountStates.set(context, state);
  }
  return state;
}

builder.objectFields(MeRef, (t) => ({
  twoFactorEnabled: t.boolean({
    nullable: false,
    description: 'Two-step login (a code from an authenticator app) is on.',
    resolve: async (me, _args, context) =>
      Boolean((await accountStateOf(context, me.user.id))?.totpEnabledAt),
  }),
  twoFactorRequired: t.boolean({
    nullable: false,
    description: 'The user is an administrator somewhere, so user management needs two-step login.',
    resolve: (me) => me.memberships.some((m) => m.roles.includes('ADMIN')),
  }),
  mustChangePassword: t.boolean({
    nullable: false,
    description: 'The password is a temporary one from an administrator: the apps ask for a new one first.',
    resolve: async (me, _args, context) =>
      Boolean((await accountStateOf(context, me.user.id))?.mustChangePassword),
  }),
}));

function currentMe(context: GatewayContext): MeShape {
  accountStates.delete(context);
  const me = meOf(context);
  if (!me) throw gatewayError(ErrorCode.UNAUTHENTICATED);
  return me;
}

function auditOwn(context: GatewayContext, change: string) {
  return auditRow(
    {
      userId: context.user?.id ?? null,
      organizationId: context.organizationId,
      requestId: context.requestId,
    },
    { action: 'UPDATE', entity: 'User', entityId: context.user?.id ?? null, detail: { change } },
  );
}

/**
 * Reserves a try under the login throttle, keyed like a login to this account from this address,
 * before any password or code is checked: a stolen session guessing the password (or the codes)
 * gets the same slowing as a guesser at the login form, and its tries count there too.
 */
async function reserveTry(context: GatewayContext, email: string): Promise<LoginAttemptKeys> {
  const keys: LoginAttemptKeys = {
    email: email.trim().toLowerCase(),
    address: clientAddress(context.request),
  };
  const reservation = await reserveLoginAttempt(keys);
  if (!reservation.allowed) {
    context.audit({
      action: 'DENIED',
      entity: 'User',
      entityId: context.user?.id ?? null,
      detail: { reason: 'RATE_LIMITED', limiter: reservation.limiter },
    });
    throw gatewayError(ErrorCode.RATE_LIMITED, {
      extensions: { retryAfterSeconds: Math.max(1, Math.ceil(reservation.retryAfterMs / 1000)) },
    });
  }
  return keys;
}

/**
 * Checks the caller's own password. A wrong one is a VALIDATION error on `field` (the user is
 * logged in, so naming the field tells nothing new) and is audited as a refusal.
 */
async function requireOwnPassword(context: GatewayContext, field: string, password: string): Promise<void> {
  const user = requireUser(context);
  if (password === '') throwValidation([fieldError(field, 'REQUIRED')]);
  if (password.length > PASSWORD_MAX_LENGTH) {
    throwValidation([fieldError(field, 'TOO_LONG', { maxLength: PASSWORD_MAX_LENGTH })]);
  }
  const keys = await reserveTry(context, user.email);
  const row = await prisma().user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row?.passwordHash ?? null, password))) {
    context.audit({
      action: 'DENIED',
      entity: 'User',
      entityId: user.id,
      detail: { reason: 'WRONG_PASSWORD' },
    });
    throwValidation([fieldError(field, 'WRONG_PASSWORD')]);
  }
  await creditSuccessfulLogin(keys);
}

/** A code from the app, used up when right; a wrong one is a VALIDATION error on `code`. */
async function requireOwnCode(context: GatewayContext, code: string): Promise<void> {
  const user = requireUser(context);
  if (code.trim() === '') throwValidation([fieldError('code', 'REQUIRED')]);
  const keys = await reserveTry(context, user.email);
  if (!normaliseTotpCode(code) || !(await acceptTotpCode(user.id, code))) {
    context.audit({ action: 'DENIED', entity: 'User', entityId: user.id, detail: { reason: 'WRONG_CODE' } });
    throwValidation([fieldError('code', 'WRONG_CODE')]);
  }
  await creditSuccessfulLogin(keys);
}

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

builder.mutationField('changePassword', (t) =>
  t.field({
    type: MeRef,
    nullable: false,
    description: 'Changes the caller’s password (the current one is checked) and ends their other sessions.',
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const user = requireUser(context);
      // The rules for the new password cost nothing: refuse a weak one before spending a password
      // check (and a try of the throttle) on the current one.
      throwValidation(
        newPasswordErrors('newPassword', input.newPassword, {
          email: user.email,
          current: input.currentPassword,
        }),
      );
      await requireOwnPassword(context, 'currentPassword', input.currentPassword);
      const passwordHash = await hashPassword(input.newPassword);
      await prisma().$transaction([
        prisma().user.update({
          where: { id: user.id },
          data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false },
        }),
        prisma().auditEvent.create({ data: auditOwn(context, 'PASSWORD_CHANGED') }),
      ]);
      // Whoever else knew the old password is out; this browser stays logged in.
      await revokeSessionsOfUser(user.id, context.sessionId ?? undefined);
      return currentMe(context);
    },
  }),
);

interface TwoFactorEnrolment {
  userId: string;
  secret: string;
  uri: string;
}

const TwoFactorEnrolmentRef = builder.objectRef<TwoFactorEnrolment>('TwoFactorEnrolment').implement({
  description:
    'A new secret for an authenticator app, waiting for its first code (confirmTwoFactor). Shown once.',
  authScopes: (enrolment, context) => enrolment.userId === context.user?.id,
  fields: (t) => ({
    secret: t.string({
      nullable: false,
      description: 'Base32, for typing into the app by hand.',
      resolve: (e) => e.secret,
    }),
    uri: t.string({
      nullable: false,
      description: 'otpauth:// URI, for the QR code the app scans.',
      resolve: (e) => e.uri,
    }),
  }),
});

const StartTwoFactorInput = builder.inputType('StartTwoFactorInput', {
  fields: (t) => ({ currentPassword: t.string({ required: true }) }),
});

builder.mutationField('startTwoFactorEnrolment', (t) =>
  t.field({
    type: TwoFactorEnrolmentRef,
    nullable: false,
    description:
      'Makes a new secret for two-step login (the current password is checked). It takes effect when confirmed with a code.',
    args: { input: t.arg({ type: StartTwoFactorInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const user = requireUser(context);
      if ((await accountStateOf(context, user.id))?.totpEnabledAt) {
        throw gatewayError(ErrorCode.CONFLICT, {
          message: {
            da: 'Totrinslogin er allerede slået til. Slå det fra først, hvis du vil skifte app.',
            en: 'Two-step login is already on. Turn it off first if you want to change app.',
          },
        });
      }
      await requireOwnPassword(context, 'currentPassword', input.currentPassword);
      const secret = newTotpSecret();
      await prisma().$transaction([
        prisma().user.update({
          where: { id: user.id },
          data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: null, totpLastStep: null },
        }),
        prisma().auditEvent.create({ data: auditOwn(context, 'TWO_FACTOR_ENROLMENT_STARTED') }),
      ]);
      return { userId: user.id, secret, uri: totpUri(secret, user.email) };
    },
  }),
);

builder.mutationField('confirmTwoFactor', (t) =>
  t.field({
    type: MeRef,
    nullable: false,
    description:
      'Turns two-step login on with the first code from the app, and ends the caller’s other sessions.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, context) => {
      const user = requireUser(context);
      const row = await prisma().user.findUnique({
        where: { id: user.id },
        select: { totpSecret: true, totpEnabledAt: true },
      });
      if (!row?.totpSecret || row.totpEnabledAt) {
        throw gatewayError(ErrorCode.CONFLICT, {
          message: {
            da: 'Der er ingen ny opsætning af totrinslogin at bekræfte. Start forfra.',
            en: 'There is no new two-step login set-up to confirm. Start again.',
          },
        });
      }
      await requireOwnCode(context, code);
      await prisma().$transaction([
        prisma().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } }),
        prisma().auditEvent.create({ data: auditOwn(context, 'TWO_FACTOR_ENABLED') }),
      ]);
      await revokeSessionsOfUser(user.id, context.sessionId ?? undefined);
      return currentMe(context);
    },
  }),
);

builder.mutationField('disableTwoFactor', (t) =>
  t.field({
    type: MeRef,
    nullable: false,
    description: 'Turns two-step login off; needs a current code from the app.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, context) => {
      const user = requireUser(context);
      if (!(await accountStateOf(context, user.id))?.totpEnabledAt) {
        throw gatewayError(ErrorCode.CONFLICT, {
          message: { da: 'Totrinslogin er ikke slået til.', en: 'Two-step login is not on.' },
        });
      }
      await requireOwnCode(context, code);
      await prisma().$transaction([
        prisma().user.update({
          where: { id: user.id },
          data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
        }),
        prisma().auditEvent.create({ data: auditOwn(context, 'TWO_FACTOR_DISABLED') }),
      ]);
      return currentMe(context);
    },
  }),
);
