import type { Database } from '@vi/db';
import type { LoadedSession } from './session.ts';

/**
 * A short in-process memory of session views (token hash → session, user, memberships), so a
 * logged-in request needs no database round trip for who is asking (issue 11, part 2).
 *
 * It may only answer what the database would answer now, so:
 * - It is dropped by the triggers of migration 0315, whoever writes: every change to a session,
 *   a user's account or roles, an organisation's name NOTIFYs, and `invalidate` below forgets the
 *   matching entries. A write through this process's own pool is heard before that write's
 *   statement resolves (packages/db/src/client.ts), so the next request already misses; another
 *   process's write arrives on the dedicated listening connection within milliseconds.
 * - It is trusted only while notifications are heard (`Database.invalidations.heard()`): with the
 *   listening connection down, every lookup goes to the database, and everything remembered
 *   before the listener came back is forgotten (a NOTIFY may have been missed meanwhile).
 * - An entry holds the session's absolute expiry and its stored lastSeenAt; a hit checks both
 *   against the request's clock exactly as the SQL does, and never moves either forward. Once
 *   lastSeenAt is older than the write interval the lookup goes to the database, which moves it.
 * - A lookup that began before an invalidation does not store its (possibly older) answer.
 * - Entries also age out after `ttlMs` of real time, a bound should a notification ever be lost.
 */
export interface SessionCacheEntry {
  session: LoadedSession;
  /** The Session row's expiresAt (absolute limit), epoch ms. */
  expiresAtMs: number;
  /** The Session row's lastSeenAt as stored when loaded, epoch ms. */
  lastSeenAtMs: number;
}

interface StoredEntry extends SessionCacheEntry {
  storedAt: number;
}

export interface SessionCacheOptions {
  /** Real-time life of an entry (performance.now() clock). */
  ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** Whether invalidations are heard right now; false: the cache neither answers nor stores. */
  trusted: () => boolean;
  /** performance.now() by default; tests pass their own. */
  clock?: () => number;
}

export class SessionCache {
  private readonly entries = new Map<string, StoredEntry>();
  private readonly sessionsOfUser = new Map<string, Set<string>>();
  /** Moves on every invalidation: a lookup that saw an older value may not store. */
  private generation = 0;
  private readonly clock: () => number;

  constructor(private readonly options: SessionCacheOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value to hand back to `store` after loading from the database. */
  begin(): number {
    return this.generation;
  }

  /**
   * The cached entry for a session id, if it may answer at `nowMs` without the database: trusted,
   * young enough, within both limits, and lastSeenAt recent enough not to need writing.
   */
  get(
    id: string,
    nowMs: number,
    limits: { idleMs: number; lastSeenWriteMs: number },
  ): SessionCacheEntry | null {
    if (!this.options.trusted()) return null;
    const entry = this.entries.get(id);
    if (!entry) return null;
    const sinceSeen = nowMs - entry.lastSeenAtMs;
    if (
      this.clock() - entry.storedAt >= this.options.ttlMs ||
      nowMs >= entry.expiresAtMs ||
      sinceSeen >= limits.idleMs ||
      sinceSeen >= limits.lastSeenWriteMs
    ) {
      this.forgetSession(id);
      return null;
    }
    return entry;
  }

  /** Remembers a session loaded from the database, unless something was invalidated meanwhile. */
  store(entry: SessionCacheEntry, generation: number): void {
    if (generation !== this.generation || !this.options.trusted()) return;
    const { id } = entry.session;
    this.forgetSession(id);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.forgetSession(oldest);
    }
    // Shared by every request that hits it: frozen, so no request can change another's view.
    this.entries.set(id, { ...entry, session: deepFreeze(entry.session), storedAt: this.clock() });
    const userId = entry.session.user.id;
    const ids = this.sessionsOfUser.get(userId) ?? new Set<string>();
    ids.add(id);
    this.sessionsOfUser.set(userId, ids);
  }

  forgetSession(id: string): void {
    this.generation += 1;
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    const userId = entry.session.user.id;
    const ids = this.sessionsOfUser.get(userId);
    ids?.delete(id);
    if (ids?.size === 0) this.sessionsOfUser.delete(userId);
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const id of this.sessionsOfUser.get(userId) ?? []) this.entries.delete(id);
    this.sessionsOfUser.delete(userId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.sessionsOfUser.clear();
  }

  /** A payload of migration 0315's triggers: 's:<session id>', 'u:<user id>' or '*'. */
  invalidate(payload: string): void {
    if (payload.startsWith('s:')) this.forgetSession(payload.slice(2));
    else if (payload.startsWith('u:')) this.forgetUser(payload.slice(2));
    // '*' and anything not understood: forget everything rather than guess.
    else this.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Real-time life of a cached session view: a bound in case a notification is ever lost. */
export const SESSION_CACHE_TTL_MS = 30_000;
const SESSION_CACHE_MAX_ENTRIES = 20_000;

const caches = new WeakMap<Database, SessionCache>();

/**
 * The cache that belongs to an open database, subscribed to its invalidations. One per database,
 * so a test file's own database never shares answers with another's.
 */
export function sessionCacheFor(db: Database): SessionCache {
  let cache = caches.get(db);
  if (!cache) {
    const feed = db.invalidations;
    const created = new SessionCache({
      ttlMs: SESSION_CACHE_TTL_MS,
      maxEntries: SESSION_CACHE_MAX_ENTRIES,
      trusted: () => feed.heard(),
    });
    // Lost or regained, the listener may have missed a notification: start empty either way.
    feed.subscribe(
      (payload) => created.invalidate(payload),
      () => created.clear(),
    );
    cache = created;
    caches.set(db, cache);
  }
  return cache;
}
