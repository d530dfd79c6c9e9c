import { describe, expect, it } from 'vitest';
import { LOCK_MS, LoginThrottle, MAX_FAILURES, WINDOW_MS } from './login-throttle.ts';

function throttleAt(start: number) {
  const clock = { now: start };
  return { clock, throttle: new LoginThrottle(() => clock.now) };
}

describe('LoginThrottle', () => {
  it('locks an address after MAX_FAILURES failures within the window, for LOCK_MS', () => {
    const { clock, throttle } = throttleAt(1_000_000);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) {
      throttle.recordFailure('a@x.dk');
    }
    expect(throttle.retryAfterMs('a@x.dk')).toBe(0);
    throttle.recordFailure('a@x.dk');
    expect(throttle.retryAfterMs('a@x.dk')).toBe(LOCK_MS);
    expect(throttle.retryAfterMs('b@x.dk')).toBe(0);
    clock.now += LOCK_MS;
    expect(throttle.retryAfterMs('a@x.dk')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { clock, throttle } = throttleAt(0);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) {
      throttle.recordFailure('a@x.dk');
    }
    clock.now += WINDOW_MS + 1;
    throttle.recordFailure('a@x.dk');
    expect(throttle.retryAfterMs('a@x.dk')).toBe(0);
  });

  it('clears the count on a successful login', () => {
    const { throttle } = throttleAt(0);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) {
      throttle.recordFailure('a@x.dk');
    }
    throttle.recordSuccess('a@x.dk');
    throttle.recordFailure('a@x.dk');
    expect(throttle.retryAfterMs('a@x.dk')).toBe(0);
  });
});
