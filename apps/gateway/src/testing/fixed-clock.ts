import { afterEach, vi } from 'vitest';

/**
 * Fixes JavaScript's clock (the gateway reads "today" and every instant from it) at an instant;
 * the database keeps its own. Only Date is faked, so timers and I/O run as usual.
 */
export function clockAt(instant: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
}

/** Call once at a test file's top level: every test starts on the real clock again. */
export function realClockAfterEach(): void {
  afterEach(() => {
    vi.useRealTimers();
  });
}
