import { type CountRelation, DECLINE_REASONS, MIN_CELL, suppressLinkedCounts } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { DECLINE_REASON_RELATIONS, NOT_RECORDED } from './decline-reasons.ts';
import { FUNNEL_RELATIONS, REFERRAL_RELATION } from './outreach-funnel.ts';
import { SURVEY_PARTS, SURVEY_RELATIONS } from './survey-offers.ts';

/**
 * The outreach funnel, decline reasons and survey offers pass their counts and sums to the
 * domain's `suppressLinkedCounts`; these tests feed it the gateway's own relations. The
 * check below is written apart from the domain's `derivableHiddenCounts` on purpose, so a
 * flaw in the domain's checker cannot hide the same flaw in its suppression.
 *
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

let state = 42;
const random = (max: number) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  // Many small values so suppression chains through the levels.
  return Math.floor((state / 2147483648) ** 3 * max);
};

/** `total` cut into `parts` whole counts, most of them small. */
function split(total: number, parts: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < parts - 1; i++) {
    const part = Math.min(left, random(left + 1));
    out.push(part);
    left -= part;
  }
  out.push(left);
  return out;
}

function randomFunnel() {
  return funnelCounts({
    noContact: random(30),
    inactive: random(12),
    open: random(8),
    notReached: random(40),
    wants: [random(6), random(8), random(20), random(10), random(8)],
    declined: random(60),
    self: random(6),
  });
}

function randomDeclineReasons(): Record<string, number> {
  const funnel = randomFunnel();
  const codes = [...DECLINE_REASONS.map((r) => r.code as string), NOT_RECORDED];
  const byReason = split(funnel.declined, codes.length);
  const counts: Record<string, number> = { ...funnel };
  codes.forEach((code, i) => {
    counts[`reason:${code}`] = byReason[i]!;
  });
  counts.withReason = funnel.declined - counts[`reason:${NOT_RECORDED}`]!;
  return counts;
}

function randomSurveyOffers(): Record<string, number> {
  const funnel = randomFunnel();
  const statuses = [...SURVEY_PARTS.offered, ...SURVEY_PARTS.notAppropriate, 'NOT_OFFERED', 'NOT_RECORDED'];
  const byStatus = split(funnel.reached, statuses.length);
  const counts: Record<string, number> = { ...funnel };
  statuses.forEach((status, i) => {
    counts[`survey:${status}`] = byStatus[i]!;
  });
  const sum = (codes: readonly string[]) =>
    codes.reduce((total, code) => total + counts[`survey:${code}`]!, 0);
  counts.offered = sum(SURVEY_PARTS.offered);
  counts.notAppropriate = sum(SURVEY_PARTS.notAppropriate);
  return counts;
}

/** Runs the domain's suppression on random counts; returns how many counts it hid in all. */
function checkRandom(
  trials: number,
  draw: () => Record<string, number>,
  relations: readonly CountRelation[],
): number {
  let hiddenSeen = 0;
  for (let trial = 0; trial < trials; trial++) {
    const counts = draw();
    const shown = suppressLinkedCounts(counts, relations);
    const hidden = Object.entries(shown)
      .filter(([, cell]) => cell.suppressed)
      .map(([key]) => key);
    hiddenSeen += hidden.length;
    for (const [key, cell] of Object.entries(shown)) {
      const value = counts[key]!;
      if (!cell.suppressed) expect(cell.value).toBe(value);
      if (value > 0 && value < MIN_CELL) expect(cell.suppressed, `${key}=${value}`).toBe(true);
    }
    expect(determinedHidden(hidden, relations), JSON.stringify(counts)).toEqual([]);
  }
  return hiddenSeen;
}

describe('suppression of the counts the outreach figures tie by sums', () => {
  it('never leaves a hidden funnel count determined by the shown counts (random funnels)', () => {
    expect(checkRandom(2000, randomFunnel, relations)).toBeGreaterThan(1000);
  });

  it('never leaves a hidden decline-reason count determined (random declines)', () => {
    expect(checkRandom(400, randomDeclineReasons, DECLINE_REASON_RELATIONS)).toBeGreaterThan(400);
  });

  it('never leaves a hidden survey count determined (random survey statuses)', () => {
    expect(checkRandom(400, randomSurveyOffers, SURVEY_RELATIONS)).toBeGreaterThan(400);
  });

  it('the linear check itself catches a lone hidden part and a count given away through two sums', () => {
    expect(determinedHidden(['a'], [{ total: 't', parts: ['a', 'b'] }])).toEqual(['a']);
    expect(determinedHidden(['a', 'b'], [{ total: 't', parts: ['a', 'b', 'c'] }])).toEqual([]);
    // Each sum has two hidden members, yet subtracting the sums gives a − c = shown, and the
    // third sum then fixes both: what a per-sum count of hidden members misses.
    expect(
      determinedHidden(
        ['a', 'b', 'c'],
        [
          { total: 't', parts: ['a', 'b'] },
          { total: 'u', parts: ['c', 'b'] },
          { total: 'v', parts: ['a', 'c', 'w'] },
        ],
      ).sort(),
    ).toEqual(['a', 'b', 'c']);
  });
});
