import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './public-form-limiter.ts';

describe('fixed-window limiter', () => {
  it('allows the limit per key and window, then refuses until the window has passed', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now = 999;
    expect(limiter.take('a')).toBe(false);
    now = 1000;
    expect(limiter.take('a')).toBe(true);
  });
});
