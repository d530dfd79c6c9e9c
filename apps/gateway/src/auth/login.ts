import { type FieldError, fieldError } from '@vi/domain';
import { builder } from '../builder.ts';
import { applySession } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { logger } from '../logger.ts';
import { loginThrottle } from './login-throttle.ts';
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

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 1024;

export const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
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
      const retryAfterMs = loginThrottle.retryAfterMs(email);
      if (retryAfterMs > 0) {
        throw gatewayError(ErrorCode.RATE_LIMITED, {
          extensions: { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
        });
      }
      const user = await prisma().user.findFirst({
        where: { email: { equals: email, mode: 'insensitive' } },
        select: {
          id: true,
          email: true,
          displayName: true,
          locale: true,
          passwordHash: true,
          disabledAt: true,
        },
      });
      // Always verify (against a dummy hash when the user is unknown), so the
      // response time does not tell which addresses have accounts.
      const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !passwordOk || user.disabledAt) {
        loginThrottle.recordFailure(email);
        logger.info({ requestId: context.requestId, event: 'login_failed' }, 'login failed');
        throw gatewayError(ErrorCode.INVALID_CREDENTIALS);
      }
      const memberships = await loadMemberships(user.id);
      const first = memberships[0];
      if (!first) {
        throw gatewayError(ErrorCode.NO_ORGANIZATION);
      }
      loginThrottle.recordSuccess(email);

      // A new token on every login, and the old session (if any) ends, so a
      // token planted before login is worthless afterwards.
      if (context.sessionId) {
        await deleteSession(context.sessionId);
      }
      const session = await createSession(user.id, first.organizationId);
      context.setCookie(sessionCookie(session.token, SESSION_ABSOLUTE_MS / 1000, isHttps(context.request)));
      const { passwordHash: _hash, disabledAt: _disabled, ...sessionUser } = user;
      applySession(context, {
        id: session.id,
        user: sessionUser,
        memberships,
        activeOrganizationId: first.organizationId,
      });
      forgetScopeResults(context);
      context.audit({ action: 'LOGIN', entity: 'User', entityId: user.id });
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
