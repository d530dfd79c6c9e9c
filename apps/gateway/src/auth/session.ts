import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@vi/db';
import { prisma } from '../database.ts';

export const SESSION_COOKIE = 'vi_session';
/** A session ends after this much inactivity… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and at the latest this long after login, however active. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
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

/**
 * Finds the session for a cookie token, enforcing both expiry limits and a
 * disabled account. An expired session row is deleted so it cannot come back.
 */
export async function lookupSession(token: string, now = new Date()): Promise<SessionLookup> {
  const id = hashSessionToken(token);
  const row = await prisma().session.findUnique({
    where: { id },
    select: {
      id: true,
      activeOrganizationId: true,
      lastSeenAt: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          locale: true,
          disabledAt: true,
          memberships: {
            select: {
              organizationId: true,
              role: true,
              organization: { select: { name: true } },
            },
            orderBy: { role: 'asc' },
          },
        },
      },
    },
  });
  if (!row) {
    return { state: 'none' };
  }
  const idleDeadline = row.lastSeenAt.getTime() + SESSION_IDLE_MS;
  if (row.expiresAt <= now || idleDeadline <= now.getTime() || row.user.disabledAt) {
    await prisma().session.deleteMany({ where: { id } });
    return { state: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    await prisma().session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const { memberships, disabledAt: _disabledAt, ...user } = row.user;
  return {
    state: 'active',
    session: {
      id,
      user,
      activeOrganizationId: row.activeOrganizationId,
      memberships: groupMemberships(memberships),
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

export async function deleteSession(id: string): Promise<void> {
  await prisma().session.deleteMany({ where: { id } });
}

export async function setActiveOrganization(sessionId: string, organizationId: string): Promise<void> {
  await prisma().session.update({
    where: { id: sessionId },
    data: { activeOrganizationId: organizationId },
  });
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
  return count;
}
