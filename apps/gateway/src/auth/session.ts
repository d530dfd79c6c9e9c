import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@vi/db';
import { database, prisma } from '../database.ts';
import { readAuthSettings } from './auth-settings.ts';
import { sessionCacheFor } from './session-cache.ts';

export const SESSION_COOKIE = 'vi_session';
const settings = readAuthSettings().settings;
/**
 * A session ends after this much inactivity (VI_SESSION_IDLE_MINUTES,
 * default 2 hours: a screen left open at a desk does not stay open)…
 */
export const SESSION_IDLE_MS = settings.sessionIdleMs;
/** …and at the latest this long after login however active (VI_SESSION_ABSOLUTE_HOURS, default 12: a shift). */
export const SESSION_ABSOLUTE_MS = settings.sessionAbsoluteMs;
/**
 * lastSeenAt is only rewritten when it is older than this, so a busy screen
 * does not write the session row on every request. The idle limit is
 * therefore exact to within this margin.
 */
const LAST_SEEN_WRITE_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  /** A temporary password is still in use: no role counts until it is changed (builder.ts holdsRole). */
  mustChangePassword?: boolean;
}

export interface OrganizationMembership {
  organizationId: string;
  organizationName: string;
  roles: Role[];
}

export interface LoadedSession {
  /** sha256 of the cookie token (the Session row's id). */
  id: string;
  user: SessionUser;
  activeOrganizationId: string | null;
  /** Every organisation the user belongs to, sorted by name. */
  memberships: OrganizationMembership[];
}

/** 32 random bytes, base64url: the only copy lives in the user's cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) {
    return null;
  }
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) {
      continue;
    }
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 ? value : null;
    }
  }
  return null;
}

/** Secure when the browser reached us over https (directly or through a TLS-terminating proxy). */
export function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  // SameSite=Strict: the apps call /graphql from the same origin, so the
  // cookie is never needed on a cross-site request; that shuts out CSRF.
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

function groupMemberships(
  rows: ReadonlyArray<{ organizationId: string; role: Role; organization: { name: string } }>,
): OrganizationMembership[] {
  const byOrganization = new Map<string, OrganizationMembership>();
  for (const row of rows) {
    const entry = byOrganization.get(row.organizationId) ?? {
      organizationId: row.organizationId,
      organizationName: row.organization.name,
      roles: [],
    };
    entry.roles.push(row.role);
    byOrganization.set(row.organizationId, entry);
  }
  return [...byOrganization.values()].sort(
    (a, b) =>
      a.organizationName.localeCompare(b.organizationName, 'da') ||
      a.organizationId.localeCompare(b.organizationId),
  );
}

export async function loadMemberships(userId: string): Promise<OrganizationMembership[]> {
  const rows = await prisma().membership.findMany({
    where: { userId },
    select: { organizationId: true, role: true, organization: { select: { name: true } } },
    orderBy: { role: 'asc' },
  });
  return groupMemberships(rows);
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; session: LoadedSession };

interface SessionRow {
  id: string;
  activeOrganizationId: string | null;
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  mustChangePassword: boolean;
  live: boolean;
  /** lastSeenAt is moved to now by this statement. */
  stale: boolean;
  expiresAtMs: number;
  lastSeenAtMs: number;
  memberships: Array<{ organizationId: string; role: Role; name: string }> | string;
}

/**
 * Finds the session for a cookie token, enforcing both expiry limits and a
 * disabled account. A recent answer comes from this process's session cache
 * (session-cache.ts: dropped on every change by any writer, and checked
 * against both limits at `now`), so most requests need no database at all.
 * Otherwise one round trip: session, user and memberships in one SELECT, and
 * lastSeenAt moved forward in the same statement when it is older than the
 * write interval. A dead session (expired, or its user disabled) is deleted
 * so it cannot come back; that second query runs only then.
 */
export async function lookupSession(token: string, now = new Date()): Promise<SessionLookup> {
  const id = hashSessionToken(token);
  const nowMs = now.getTime();
  const cache = sessionCacheFor(database());
  const limits = { idleMs: SESSION_IDLE_MS, lastSeenWriteMs: LAST_SEEN_WRITE_INTERVAL_MS };
  const cached = cache.get(id, nowMs, limits);
  if (cached) {
    return { state: 'active', session: cached.session };
  }
  const generation = cache.begin();
  const found = await loadSession(id, nowMs);
  if (found.state === 'active') {
    cache.store(
      { session: found.session, expiresAtMs: found.expiresAtMs, lastSeenAtMs: found.lastSeenAtMs },
      generation,
    );
    return { state: 'active', session: found.session };
  }
  return found;
}

async function loadSession(
  id: string,
  nowMs: number,
): Promise<
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; session: LoadedSession; expiresAtMs: number; lastSeenAtMs: number }
> {
  // Times go in as epoch milliseconds and are compared in UTC, as Prisma
  // stores them, whatever the server's time zone.
  const [row] = await prisma().$queryRaw<SessionRow[]>`
    WITH clock AS (SELECT to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC' AS now),
    found AS (
      SELECT s.id, s."activeOrganizationId", s."userId", u.email, u."displayName", u.locale,
             u."mustChangePassword", s."expiresAt", s."lastSeenAt",
             (s."expiresAt" > clock.now
              AND s."lastSeenAt" > clock.now - ${SESSION_IDLE_MS}::float8 * interval '1 millisecond'
              AND u."disabledAt" IS NULL) AS live,
             s."lastSeenAt" <= clock.now - ${LAST_SEEN_WRITE_INTERVAL_MS}::float8 * interval '1 millisecond' AS stale
        FROM "Session" s JOIN "User" u ON u.id = s."userId", clock
       WHERE s.id = ${id}
    ),
    touched AS (
      UPDATE "Session" s SET "lastSeenAt" = clock.now
        FROM found f, clock
       WHERE s.id = f.id AND f.live AND f.stale
    )
    SELECT f.id, f."activeOrganizationId"::text AS "activeOrganizationId", f."userId"::text AS "userId",
           f.email, f."displayName", f.locale, f."mustChangePassword", f.live, f.stale,
           (extract(epoch FROM f."expiresAt") * 1000)::float8 AS "expiresAtMs",
           (extract(epoch FROM f."lastSeenAt") * 1000)::float8 AS "lastSeenAtMs",
           coalesce((SELECT json_agg(json_build_object('organizationId', m."organizationId", 'role', m.role,
                                                       'name', o.name) ORDER BY m.role)
                       FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
                      WHERE m."userId" = f."userId" AND f.live), '[]'::json) AS memberships
      FROM found f`;
  if (!row) {
    return { state: 'none' };
  }
  if (!row.live) {
    await deleteSession(id);
    return { state: 'expired' };
  }
  const memberships = (
    typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships
  ) as Array<{
    organizationId: string;
    role: Role;
    name: string;
  }>;
  return {
    state: 'active',
    // Stored as timestamp(3) in UTC: extract(epoch) reads it as UTC, whole milliseconds.
    expiresAtMs: Math.round(Number(row.expiresAtMs)),
    lastSeenAtMs: row.stale ? nowMs : Math.round(Number(row.lastSeenAtMs)),
    session: {
      id,
      user: {
        id: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
        mustChangePassword: row.mustChangePassword,
      },
      activeOrganizationId: row.activeOrganizationId,
      memberships: groupMemberships(
        memberships.map((m) => ({
          organizationId: m.organizationId,
          role: m.role,
          organization: { name: m.name },
        })),
      ),
    },
  };
}

export async function createSession(
  userId: string,
  activeOrganizationId: string | null,
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newSessionToken();
  const id = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await prisma().$transaction([
    // Housekeeping: the user's own dead sessions go when they log in again.
    prisma().session.deleteMany({
      where: {
        userId,
        OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
      },
    }),
    prisma().session.create({
      data: { id, userId, activeOrganizationId, createdAt: now, lastSeenAt: now, expiresAt },
    }),
  ]);
  return { token, id, expiresAt };
}

// The writes below also forget the cached view themselves, though the triggers of migration 0315
// do the same through NOTIFY: the next request must not depend on the notification's path.

export async function deleteSession(id: string): Promise<void> {
  await prisma().session.deleteMany({ where: { id } });
  sessionCacheFor(database()).forgetSession(id);
}

/**
 * Forgets every cached view of a user's sessions in this process, for a change made outside this
 * file (roles, account details). Other processes hear it from the database's triggers.
 */
export function forgetCachedSessionsOfUser(userId: string): void {
  sessionCacheFor(database()).forgetUser(userId);
}

/**
 * Ends every session of a user at once (password changed, account
 * deactivated), except `exceptSessionId` when given: the session that just
 * changed its own password stays. Returns how many ended.
 */
export async function revokeSessionsOfUser(userId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await prisma().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  // The kept session too: its user changed (password, mustChangePassword).
  forgetCachedSessionsOfUser(userId);
  return count;
}

export async function setActiveOrganization(sessionId: string, organizationId: string): Promise<void> {
  await prisma().session.update({
    where: { id: sessionId },
    data: { activeOrganizationId: organizationId },
  });
  sessionCacheFor(database()).forgetSession(sessionId);
}

/**
 * Removes every session past either limit. server.ts runs it hourly so rows
 * of users who never come back do not linger; returns how many went.
 */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await prisma().session.deleteMany({
    where: {
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_MS) } }],
    },
  });
  if (count > 0) sessionCacheFor(database()).clear();
  return count;
}
