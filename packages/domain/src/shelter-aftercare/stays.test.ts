import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  type ShelterStay,
  stayEpisodes,
  staysOverlap,
  validateStay,
  validateStayChildren,
} from './stays.ts';

const s = (id: string, admittedOn: string, movedOutOn: string | null, personId = 'W'): ShelterStay => ({
  id,
  personId,
  shelterOrganizationId: 'X',
  admittedOn,
  movedOutOn,
});

describe('calendar months', () => {
  it('keep the day, or use the month’s last day', () => {
    expect(addCalendarMonths('2025-04-01', 12)).toBe('2026-04-01');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addCalendarMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addCalendarMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(() => addCalendarMonths('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('a stay', () => {
  const TODAY = '2026-03-10';
  it('moves out on or after admission, and not in the future', () => {
    expect(validateStay(s('1', '2026-01-01', '2026-01-01'), TODAY)).toEqual([]);
    expect(validateStay(s('1', '2026-01-02', '2026-01-01'), TODAY).map((e) => [e.field, e.code])).toEqual([
      ['movedOutOn', 'MOVE_OUT_BEFORE_ADMISSION'],
    ]);
    expect(validateStay(s('1', '2026-03-11', null), TODAY)[0]?.code).toBe('DATE_IN_FUTURE');
    expect(validateStay(s('1', '2026-13-01', null), TODAY)[0]?.code).toBe('INVALID_DATE');
  });
  it('may not overlap another stay of the same woman; a same-day transfer is no overlap', () => {
    const earlier = s('0', '2025-10-01', '2026-01-10');
    expect(validateStay(s('1', '2026-01-10', null), TODAY, [earlier])).toEqual([]);
    expect(validateStay(s('1', '2026-01-09', null), TODAY, [earlier])[0]?.code).toBe('OVERLAPPING_STAY');
    expect(staysOverlap(s('a', '2025-01-01', null), s('b', '2026-01-01', '2026-02-01'))).toBe(true);
  });
  it('has children linked to the woman', () => {
    const stay = s('1', '2026-01-01', null);
    const errors = validateStayChildren(stay, [
      { childPersonId: 'k1', motherPersonId: 'W', stayId: '1' },
      { childPersonId: 'k2', motherPersonId: 'OTHER', stayId: '1' },
    ]);
    expect(errors.map((e) => [e.field, e.code])).toEqual([['children.1', 'CHILD_NOT_LINKED']]);
  });
});

describe('episodes', () => {
  it('join transfers (the day of or after a move-out) and keep real returns apart', () => {
    const episodes = stayEpisodes([
      s('c', '2025-05-03', '2025-06-01'),
      s('a', '2025-01-01', '2025-03-01'),
      s('b', '2025-03-02', '2025-04-01'),
      s('z', '2025-01-01', null, 'V'),
    ]);
    expect(episodes.map((e) => [e.personId, e.admittedOn, e.movedOutOn, e.stayIds])).toEqual([
      ['V', '2025-01-01', null, ['z']],
      ['W', '2025-01-01', '2025-04-01', ['a', 'b']],
      ['W', '2025-05-03', '2025-06-01', ['c']],
    ]);
  });
});
