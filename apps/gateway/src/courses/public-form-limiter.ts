/**
 * In-memory fixed-window counters for the two unauthenticated form endpoints.
 * A link token has 256 bits, so guessing is hopeless; the limits are there so
 * nobody can hammer the database through a door that needs no login, and so
 * one leaked link cannot be replayed endlessly. Like the login throttle, they
 * live in this process (reset on restart; run one gateway or put a shared
 * limiter in front). Keyed by the token's hash, and one shared budget for
 * tokens that match nothing, since a browser's address is not visible here.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; false when the key has used up its window. */
  take(key: string): boolean {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.prune(now);
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}

/** Opening and submitting one link: a participant needs a handful, a retrying phone a few more. */
export const perLinkLimiter = new FixedWindowLimiter(30, 10 * 60 * 1000);
/** Tokens that match no link, from anyone: a scan, or a mistyped link now and then. */
export const unknownTokenLimiter = new FixedWindowLimiter(120, 60 * 1000);
