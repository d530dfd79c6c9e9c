import { describe, expect, it } from 'vitest';
import { FUNNEL_RELATIONS, REFERRAL_RELATION } from './outreach-funnel.ts';
import { type CountRelation, suppressRelatedCounts } from './related-counts-suppression.ts';

/**
 * Which hidden counts the shown counts and the sums determine, by linear algebra: hidden
 * count x is determined exactly when the unit vector e_x lies in the row space of the
 * relations restricted to the hidden counts (Gaussian elimination over the rationals).
 */
function determinedHidden(hidden: string[], relations: readonly CountRelation[]): string[] {
  const index = new Map(hidden.map((key, i) => [key, i]));
  const rows = relations
    .map((relation) => {
      const row = new Array<number>(hidden.length).fill(0);
      const total = index.get(relation.total);
      if (total !== undefined) row[total] = 1;
      for (const part of relation.parts) {
        const i = index.get(part);
        if (i !== undefined) row[i] = (row[i] ?? 0) - 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  // Reduced row echelon form.
  let lead = 0;
  const m = rows.map((r) => [...r]);
  for (let r = 0; r < m.length && lead < hidden.length; lead++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[lead]!) > 1e-12);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    const p = m[r]![lead]!;
    m[r] = m[r]!.map((v) => v / p);
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![lead]!;
      if (f !== 0) m[i] = m[i]!.map((v, j) => v - f * m[r]![j]!);
    }
    r++;
  }
  // x is determined iff some row of the RREF is exactly e_x.
  return hidden.filter((_, x) =>
    m.some((row) => row.every((v, j) => (j === x ? Math.abs(v - 1) < 1e-9 : Math.abs(v) < 1e-9))),
  );
}

const relations = [...FUNNEL_RELATIONS, REFERRAL_RELATION];

function funnelCounts(parts: {
  noContact: number;
  inactive: number;
  open: number;
  notReached: number;
  wants: [number, number, number, number, number];
  declined: number;
  self: number;
}) {
  const wantsCall = parts.wants.reduce((a, b) => a + b, 0);
  const reached = wantsCall + parts.declined + parts.self;
  const withContactDetails = parts.open + parts.notReached + reached;
  return {
    identified: parts.noContact + withContactDetails,
    noContactDetails: parts.noContact,
    withContactDetails,
    inactiveIncidentType: parts.inactive,
    notYetCalled: parts.open,
    notReached: parts.notReached,
    reached,
    wantsCall,
    declined: parts.declined,
    willCallSelf: parts.self,
    declinedOrSelf: parts.declined + parts.self,
    noReferral: parts.wants[0],
    referralPending: parts.wants[1],
    conversationHeld: parts.wants[2],
    registeredOther: parts.wants[3],
    referralLost: parts.wants[4],
  };
}

describe('suppression of counts tied by sums', () => {
  it('hides 1-4, shows 0 and larger counts, and adds the smallest complement', () => {
    const shown = suppressRelatedCounts({ total: 30, a: 3, b: 7, c: 20, d: 0 }, [
      { total: 'total', parts: ['a', 'b', 'c', 'd'] },
    ]);
    expect(shown.a).toEqual({ value: null, suppressed: true, reason: 'PRIMARY' });
    expect(shown.b).toEqual({ value: null, suppressed: true, reason: 'SECONDARY' });
    expect(shown.c.value).toBe(20);
    expect(shown.d.value).toBe(0);
    expect(shown.total.value).toBe(30);
  });

  it('never leaves a hidden funnel count determined by the shown counts (random funnels)', () => {
    let state = 42;
    const random = (max: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      // Many small values so suppression chains through the levels.
      return Math.floor((state / 2147483648) ** 3 * max);
    };
    let hiddenSeen = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const counts = funnelCounts({
        noContact: random(30),
        inactive: random(12),
        open: random(8),
        notReached: random(40),
        wants: [random(6), random(8), random(20), random(10), random(8)],
        declined: random(60),
        self: random(6),
      });
      const shown = suppressRelatedCounts(counts, relations);
      const hidden = Object.entries(shown)
        .filter(([, cell]) => cell.suppressed)
        .map(([key]) => key);
      hiddenSeen += hidden.length;
      for (const [key, cell] of Object.entries(shown)) {
        if (!cell.suppressed) expect(cell.value).toBe(counts[key as keyof typeof counts]);
        const value = counts[key as keyof typeof counts];
        if (value > 0 && value < 5) expect(cell.suppressed, `${key}=${value}`).toBe(true);
      }
      expect(determinedHidden(hidden, relations), JSON.stringify(counts)).toEqual([]);
    }
    expect(hiddenSeen).toBeGreaterThan(1000);
  });

  it('the linear check itself catches a lone hidden part', () => {
    expect(determinedHidden(['a'], [{ total: 't', parts: ['a', 'b'] }])).toEqual(['a']);
    expect(determinedHidden(['a', 'b'], [{ total: 't', parts: ['a', 'b', 'c'] }])).toEqual([]);
  });
});
