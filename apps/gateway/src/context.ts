import { randomUUID } from 'node:crypto';
import type { Role } from '@vi/db';
import { type AuditInput, AuditTrail } from './audit.ts';
import {
  clearedSessionCookie,
  isHttps,
  lookupSession,
  type OrganizationMembership,
  readCookie,
  SESSION_COOKIE,
  type SessionUser,
} from './auth/session.ts';
import { openDatabase } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { ErrorCode, gatewayError, internalError } from './errors.ts';
import { logger } from './logger.ts';

/**
 * The per-request context every resolver and scope sees. A new one is built
 * for every request: scope-auth caches scope results on it.
 */
export interface GatewayContext {
  requestId: string;
  request: Request;
  /** Session row id (sha256 of the cookie token), when logged in. */
  sessionId: string | null;
  user: SessionUser | null;
  /** The active organisation: every person-level query filters by it. */
  organizationId: string | null;
  /** The user's roles in the active organisation. */
  roles: Role[];
  /** All organisations the user belongs to, by name. */
  memberships: OrganizationMembership[];
  /** Record an audit event; written in one batch when the operation ends. */
  audit: (event: AuditInput) => void;
  auditTrail: AuditTrail;
  /** Add a Set-Cookie header to this request's response. */
  setCookie: (cookie: string) => void;
}

const requestIds = new WeakMap<Request, string>();
const responseCookies = new WeakMap<Request, string[]>();

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * One id per HTTP request, shown in logs, masked errors and the
 * `x-request-id` response header. A well-formed id from a proxy in front of
 * us is kept so the two logs line up.
 */
export function requestIdFor(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const incoming = request.headers.get('x-request-id');
    id = incoming && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

export function cookiesFor(request: Request): readonly string[] {
  return responseCookies.get(request) ?? [];
}

function addCookie(request: Request, cookie: string): void {
  const list = responseCookies.get(request) ?? [];
  list.push(cookie);
  responseCookies.set(request, list);
}

/** Active organisation = the session's choice if still a member, else the first by name. */
export function activeMembership(
  memberships: readonly OrganizationMembership[],
  preferredOrganizationId: string | null,
): OrganizationMembership | null {
  return memberships.find((m) => m.organizationId === preferredOrganizationId) ?? memberships[0] ?? null;
}

/** Sets user, organisation and roles on the context (after login, logout or a switch). */
export function applySession(
  context: GatewayContext,
  session: {
    id: string;
    user: SessionUser;
    memberships: OrganizationMembership[];
    activeOrganizationId: string | null;
  } | null,
): void {
  if (!session) {
    context.sessionId = null;
    context.user = null;
    context.organizationId = null;
    context.roles = [];
    context.memberships = [];
    return;
  }
  const active = activeMembership(session.memberships, session.activeOrganizationId);
  context.sessionId = session.id;
  context.user = session.user;
  context.memberships = session.memberships;
  context.organizationId = active?.organizationId ?? null;
  context.roles = active ? [...active.roles] : [];
}

/**
 * Builds the context INTO `target` when given: Yoga merges what the context
 * factory returns into its own context object, so closures (audit, cookies)
 * must refer to that very object, or they would read a stale copy of
 * user/organisation after login or a switch.
 */
export async function createContext(request: Request, target: object = {}): Promise<GatewayContext> {
  const requestId = requestIdFor(request);
  try {
    await openDatabase();
  } catch (error) {
    logger.error({ requestId, err: error }, 'database unavailable');
    throw isDatabaseUnavailable(error) ? gatewayError(ErrorCode.UNAVAILABLE) : internalError(requestId);
  }
  // The actor is read when an event is recorded: login and
  // switchOrganization change it in the middle of a request.
  const auditTrail = new AuditTrail(() => ({
    userId: context.user?.id ?? null,
    organizationId: context.organizationId,
    requestId,
  }));
  const context: GatewayContext = Object.assign(target, {
    requestId,
    request,
    sessionId: null,
    user: null,
    organizationId: null,
    roles: [],
    memberships: [],
    audit: (event: AuditInput) => auditTrail.record(event),
    auditTrail,
    setCookie: (cookie: string) => addCookie(request, cookie),
  } satisfies GatewayContext);

  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) {
    let found: Awaited<ReturnType<typeof lookupSession>>;
    try {
      found = await lookupSession(token);
    } catch (error) {
      // Before execution Yoga would mask this without our request id.
      logger.error({ requestId, err: error }, 'session lookup failed');
      throw isDatabaseUnavailable(error) ? gatewayError(ErrorCode.UNAVAILABLE) : internalError(requestId);
    }
    if (found.state === 'active') {
      applySession(context, found.session);
    } else {
      // Unknown or expired: tell the browser to drop the cookie.
      context.setCookie(clearedSessionCookie(isHttps(request)));
    }
  }
  return context;
}
