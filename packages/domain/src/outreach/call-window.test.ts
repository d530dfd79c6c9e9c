import { describe, expect, it } from 'vitest';
import { callWindowFor, callWindowState, DEFAULT_CALL_RULES } from './call-window.ts';

describe('call window', () => {
  it('opens callDelayDays after the incident (default 2) and stays open callWindowDays', () => {
    const window = callWindowFor('2026-11-20', DEFAULT_CALL_RULES);
    expect(window).toEqual({ callableFrom: '2026-11-22', callableUntil: '2026-12-22' });
    expect(callWindowState(window, '2026-11-21')).toBe('TOO_EARLY');
    expect(callWindowState(window, '2026-11-22')).toBe('CALLABLE');
    expect(callWindowState(window, '2026-12-22')).toBe('CALLABLE');
    expect(callWindowState(window, '2026-12-23')).toBe('WINDOW_CLOSED');
  });

  it('follows the organisation settings', () => {
    const window = callWindowFor('2026-11-20', { callDelayDays: 5, callWindowDays: 7 });
    expect(window).toEqual({ callableFrom: '2026-11-25', callableUntil: '2026-12-02' });
  });
});
