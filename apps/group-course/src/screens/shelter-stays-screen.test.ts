import { describe, expect, it } from 'vitest';
import { currentStaysFirst } from './shelter-stays-screen.tsx';

const stay = (
  id: string,
  admittedOn: string,
  plannedMoveOutOn: string | null,
  movedOutOn: string | null,
) => ({
  id,
  admittedOn,
  plannedMoveOutOn,
  movedOutOn,
});

describe('the stays list puts the day’s work first', () => {
  it('lists current stays by the soonest planned move-out, those without a date last, and moved-out ones apart, newest first', () => {
    const { current, movedOut } = currentStaysFirst([
      stay('a', '2026-09-01', '2026-12-20', null),
      stay('b', '2025-01-01', '2025-03-01', '2025-03-04'),
      stay('c', '2026-10-01', null, null),
      stay('d', '2026-11-01', '2026-12-05', null),
      stay('e', '2026-02-01', '2026-05-01', '2026-05-02'),
      stay('f', '2026-08-01', null, null),
    ]);
    expect(current.map((s) => s.id)).toEqual(['d', 'a', 'f', 'c']);
    expect(movedOut.map((s) => s.id)).toEqual(['e', 'b']);
  });
});
