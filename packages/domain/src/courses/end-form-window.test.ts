import { describe, expect, it } from 'vitest';
import { END_FORM_LAST_SESSIONS, endFormOpen, endFormOpensAt } from './end-form-window.ts';

const sessions = Array.from({ length: 10 }, (_, i) => ({
  number: i + 1,
  date: `2026-0${Math.floor(i / 3) + 1}-${String(10 + (i % 3) * 7).padStart(2, '0')}`,
}));

describe('the end form is offered from the last sessions only', () => {
  it('opens at the second-to-last session, whatever order the sessions come in', () => {
    expect(END_FORM_LAST_SESSIONS).toBe(2);
    expect(endFormOpensAt([...sessions].reverse())).toEqual(sessions[8]);
  });

  it('is closed the day before that session and open on its day and after the course', () => {
    const ninth = sessions[8]!.date;
    const dayBefore = new Date(`${ninth}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(endFormOpen(sessions, dayBefore.toISOString().slice(0, 10))).toBe(false);
    expect(endFormOpen(sessions, ninth)).toBe(true);
    expect(endFormOpen(sessions, '2027-01-01')).toBe(true);
  });

  it('is never open for a course without sessions', () => {
    expect(endFormOpen([], '2030-01-01')).toBe(false);
  });
});
