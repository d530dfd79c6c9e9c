import { describe, expect, it } from 'vitest';
import { waitingDays, waitingStatus } from './waiting-list.ts';

describe('waiting list', () => {
  it('counts whole calendar days', () => {
    expect(waitingDays('2026-01-01', '2026-01-01')).toBe(0);
    expect(waitingDays('2026-01-01', '2026-02-12')).toBe(42);
    expect(waitingDays('2026-01-01', new Date('2026-01-03T23:59:00Z'))).toBe(2);
  });

  it('flags a wait longer than the limit, not equal to it', () => {
    expect(waitingStatus('2026-01-01', '2026-02-12', 42)).toEqual({ days: 42, overLimit: false });
    expect(waitingStatus('2026-01-01', '2026-02-13', 42)).toEqual({ days: 43, overLimit: true });
    expect(waitingStatus('2026-01-01', '2026-01-15', 7).overLimit).toBe(true);
  });

  it('never reports negative waits for a future date', () => {
    expect(waitingDays('2026-03-01', '2026-02-01')).toBe(0);
  });
});
