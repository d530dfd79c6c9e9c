import { describe, expect, it } from 'vitest';
import {
  courseWarnings,
  groupSizeWarning,
  proposeSessionDates,
  sessionGapWarnings,
  validateSessionDates,
} from './schedule.ts';

const weekly = proposeSessionDates('2026-01-05');

describe('session dates', () => {
  it('proposes ten weekly dates across a month boundary', () => {
    expect(weekly).toHaveLength(10);
    expect(weekly[0]).toBe('2026-01-05');
    expect(weekly[4]).toBe('2026-02-02');
    expect(weekly[9]).toBe('2026-03-09');
    expect(validateSessionDates(weekly)).toEqual([]);
  });

  it('requires exactly ten dates', () => {
    const errors = validateSessionDates(weekly.slice(0, 9));
    expect(errors.map((e) => [e.field, e.code])).toEqual([['sessionDates', 'WRONG_COUNT']]);
    expect(errors[0]?.message.da).toContain('9');
  });

  it('names the invalid date and the date out of order', () => {
    const dates = [...weekly];
    dates[2] = '2026-02-30';
    dates[6] = '2026-01-01';
    const errors = validateSessionDates(dates);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['sessionDates.2', 'INVALID_DATE'],
      ['sessionDates.6', 'NOT_AFTER_PREVIOUS'],
    ]);
  });

  it('refuses two sessions on the same day', () => {
    const dates = [...weekly];
    dates[1] = dates[0]!;
    expect(validateSessionDates(dates)[0]).toMatchObject({
      field: 'sessionDates.1',
      code: 'NOT_AFTER_PREVIOUS',
    });
  });
});

describe('gap warnings', () => {
  it('allows exactly 14 days and warns at 15', () => {
    expect(sessionGapWarnings(['2026-03-01', '2026-03-15'])).toEqual([]);
    const [warning] = sessionGapWarnings(['2026-03-01', '2026-03-15', '2026-03-30']);
    expect(warning).toMatchObject({ code: 'SESSION_GAP_TOO_LONG', fromSession: 2, toSession: 3, days: 15 });
    expect(warning?.message.en).toContain('15 days');
  });

  it('counts calendar days across the daylight-saving change', () => {
    // Denmark moves clocks on 2026-03-29; the gap is still 14 calendar days.
    expect(sessionGapWarnings(['2026-03-20', '2026-04-03'])).toEqual([]);
  });
});

describe('group size', () => {
  it('warns outside 6-8 only', () => {
    expect(groupSizeWarning(5)?.code).toBe('GROUP_TOO_SMALL');
    expect(groupSizeWarning(6)).toBeNull();
    expect(groupSizeWarning(8)).toBeNull();
    expect(groupSizeWarning(9)?.code).toBe('GROUP_TOO_LARGE');
  });

  it('combines gap and size warnings for a course', () => {
    const dates = [...weekly];
    dates[9] = '2026-03-31';
    expect(courseWarnings({ sessionDates: dates, participants: 4 }).map((w) => w.code)).toEqual([
      'SESSION_GAP_TOO_LONG',
      'GROUP_TOO_SMALL',
    ]);
  });
});
