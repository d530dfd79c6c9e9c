/**
 * Failed-login throttle, per e-mail address, in this process's memory.
 * After MAX_FAILURES failures within WINDOW_MS the address is locked for
 * LOCK_MS; a successful login clears it. Simple by design: it resets on
 * restart and is not shared between gateway processes (run one, or put a
 * shared limiter in front when running several). Keyed by address, not IP,
 * because staff often share one office IP.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until the address may try again, or 0. */
  retryAfterMs(email: string): number {
    const entry = this.entries.get(email);
    if (!entry) {
      return 0;
    }
    return Math.max(0, entry.lockedUntil - this.now());
  }

  recordFailure(email: string): void {
    const now = this.now();
    let entry = this.entries.get(email);
    if (!entry || now - entry.windowStart > WINDOW_MS) {
      entry = { failures: 0, windowStart: now, lockedUntil: 0 };
    }
    entry.failures += 1;
    if (entry.failures >= MAX_FAILURES) {
      entry.lockedUntil = now + LOCK_MS;
      entry.failures = 0;
      entry.windowStart = now;
    }
    this.entries.set(email, entry);
    if (this.entries.size > MAX_TRACKED) {
      this.prune(now);
    }
  }

  recordSuccess(email: string): void {
    this.entries.delete(email);
  }

  /** Drops entries whose window and lock have both passed, so memory stays bounded. */
  private prune(now: number): void {
    for (const [email, entry] of this.entries) {
      if (entry.lockedUntil <= now && now - entry.windowStart > WINDOW_MS) {
        this.entries.delete(email);
      }
    }
  }
}

export const loginThrottle = new LoginThrottle();
