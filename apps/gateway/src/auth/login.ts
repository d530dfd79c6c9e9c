import { type FieldError, fieldError } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { builder } from '../builder.ts';
import { applySession } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { logger } from '../logger.ts';
import { clientAddress } from './client-address.ts';
import { creditSuccessfulLogin, type LoginAttemptKeys, reserveLoginAttempt } from './login-throttle.ts';
import { forgetScopeResults, MeRef, meOf } from './me.ts';
import { verifyPassword } from './password.ts';
import {
  clearedSessionCookie,
  createSession,
  deleteSession,
  isHttps,
  loadMemberships,
  SESSION_ABSOLUTE_MS,
  sessionCookie,
} from './session.ts';
import { checkSecondFactor } from './totp.ts';

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

export const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    code: t.string({
      required: false,
      description: 'The 6-digit code of an account with two-step login; asked for by SECOND_FACTOR_REQUIRED.',
    }),
  }),
});

function validateLoginInput(input: { email: string; password: string }): string {
  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  if (email.length === 0) {
    errors.push(fieldError('email', 'REQUIRED'));
  } else if (email.length > MAX_EMAIL_LENGTH) {
    errors.push(fieldError('email', 'TOO_LONG', { maxLength: MAX_EMAIL_LENGTH }));
  }
  if (input.password.length === 0) {
    errors.push(fieldError('password', 'REQUIRED'));
  } else if (input.password.length > MAX_PASSWORD_LENGTH) {
    errors.push(fieldError('password', 'TOO_LONG', { maxLength: MAX_PASSWORD_LENGTH }));
  }
  throwValidation(errors);
  return email;
}

/** "Try again in 40 seconds / 3 minutes", in Danish and English. */
function tooManyAttempts(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds === 1
      ? { da: '1 sekund', en: '1 second' }
      : seconds < 120
        ? { da: `${seconds} sekunder`, en: `${seconds} seconds` }
        : { da: `${minutes} minutter`, en: `${minutes} minutes` };
  return gatewayError(ErrorCode.RATE_LIMITED, {
    message: {
      da: `For mange loginforsøg. Prøv igen om ${wait.da}.`,
      en: `Too many login attempts. Try again in ${wait.en}.`,
    },
    extensions: { retryAfterSeconds: seconds },
  });
}

/**
 * A failed or refused login is written at once, outside the request's batch:
 * the resolver throws right after, and the row must name the account aimed
 * at (userId) although nobody is logged in. Never the password; the e-mail
 * of an unknown account neither (it may be a password typed in the wrong box).
 */
async function auditLoginAttempt(
  context: { requestId: string },
  action: 'LOGIN_FAILED' | 'LOGIN_REFUSED',
  targetUserId: string | null,
  detail: Record<string, string | number | null>,
): Promise<void> {
  await prisma().auditEvent.create({
    data: auditRow(
      { userId: targetUserId, organizationId: null, requestId: context.requestId },
      { action, entity: 'User', entityId: targetUserId, detail },
    ),
  });
}

builder.mutationField('login', (t) =>
  t.field({
    type: MeRef,
    nullable: false,
    description:
      'Checks e-mail and password, starts a session (HttpOnly cookie) in the first organisation by name.',
    skipTypeScopes: true,
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const email = validateLoginInput(input);
      const address = clientAddress(context.request);
      const keys: LoginAttemptKeys = { email, address };
      const user = await prisma().user.findFirst({
        where: { email: { equals: email, mode: 'insensitive' } },
        select: {
          id: true,
          email: true,
          displayName: true,
          locale: true,
          passwordHash: true,
          disabledAt: true,
          lastOrganizationId: true,
        },
      });
      // The attempt is reserved BEFORE the password is checked, in the
      // database, so parallel guesses and other gateway processes count it.
      // Unknown e-mails are reserved the same way: the answer and the time
      // do not tell which addresses have accounts.
      const reservation = await reserveLoginAttempt(keys);
      if (!reservation.allowed) {
        const error = tooManyAttempts(reservation.retryAfterMs);
        await auditLoginAttempt(context, 'LOGIN_REFUSED', user?.id ?? null, {
          clientAddress: address,
          limiter: reservation.limiter,
          retryAfterSeconds: error.extensions.retryAfterSeconds as number,
        });
        logger.info(
          { requestId: context.requestId, event: 'login_refused', limiter: reservation.limiter },
          'login refused by the throttle',
        );
        throw error;
      }
      // Always verify (against a dummy hash when the user is unknown), so the
      // response time does not tell which addresses have accounts.
      const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !passwordOk || user.disabledAt) {
        const reason = !user ? 'UNKNOWN_ACCOUNT' : !passwordOk ? 'WRONG_PASSWORD' : 'DISABLED';
        await auditLoginAttempt(context, 'LOGIN_FAILED', user?.id ?? null, {
          clientAddress: address,
          reason,
        });
        logger.info({ requestId: context.requestId, event: 'login_failed' }, 'login failed');
        throw gatewayError(ErrorCode.INVALID_CREDENTIALS);
      }
      // A second factor, where the account has one, belongs here: after the
      // password, before the throttle credits the attempt as a success.
      // ── Second factor (auth/totp.ts, issue 9 accounts) ──
      await checkSecondFactor(user.id, input.code, () =>
        auditLoginAttempt(context, 'LOGIN_FAILED', user.id, { clientAddress: address, reason: 'WRONG_CODE' }),
      );
      await creditSuccessfulLogin(keys);

      const memberships = await loadMemberships(user.id);
      // The organisation chosen last time, while the user is still a member there; else the first.
      const first = memberships.find((m) => m.organizationId === user.lastOrganizationId) ?? memberships[0];
      if (!first) {
        throw gatewayError(ErrorCode.NO_ORGANIZATION);
      }

      // A new token on every login, and the session of the cookie presented
      // (if any, whoever's it was) ends, so a token planted before login is
      // worthless afterwards.
      if (context.sessionId) {
        await deleteSession(context.sessionId);
      }
      const session = await createSession(user.id, first.organizationId);
      context.setCookie(sessionCookie(session.token, SESSION_ABSOLUTE_MS / 1000, isHttps(context.request)));
      const { passwordHash: _hash, disabledAt: _disabled, lastOrganizationId: _last, ...sessionUser } = user;
      applySession(context, {
        id: session.id,
        user: sessionUser,
        memberships,
        activeOrganizationId: first.organizationId,
      });
      forgetScopeResults(context);
      context.audit({
        action: 'LOGIN',
        entity: 'User',
        entityId: user.id,
        detail: { clientAddress: address },
      });
      const me = meOf(context);
      if (!me) {
        throw gatewayError(ErrorCode.UNAUTHENTICATED);
      }
      return me;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    nullable: false,
    description: 'Ends the session and clears the cookie.',
    resolve: async (_root, _args, context) => {
      if (context.sessionId) {
        context.audit({ action: 'LOGOUT', entity: 'User', entityId: context.user?.id ?? null });
        await deleteSession(context.sessionId);
      }
      context.setCookie(clearedSessionCookie(isHttps(context.request)));
      applySession(context, null);
      forgetScopeResults(context);
      return true;
    },
  }),
);
