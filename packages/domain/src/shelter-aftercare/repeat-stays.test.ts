import { describe, expect, it } from 'vitest';
import {
  aftercareReceived,
  findRepeatStays,
  isRepeatAdmission,
  NATIONAL_REPEAT_STAY_GOAL,
  REPEAT_STAY_BASELINE,
  type RepeatStayInput,
  repeatAdmissionShare,
  repeatStayRates,
} from './repeat-stays.ts';

const stay = (
  id: string,
  personId: string,
  admittedOn: string,
  movedOutOn: string | null,
  aftercareReceived = false,
  shelterOrganizationId = 'X',
): RepeatStayInput => ({ id, personId, shelterOrganizationId, admittedOn, movedOutOn, aftercareReceived });

const STAYS: RepeatStayInput[] = [
  // A: moves out with aftercare, is admitted to another shelter 8 months later.
  stay('a1', 'A', '2024-01-10', '2024-03-01', true),
  stay('a2', 'A', '2024-11-01', '2024-12-15', false, 'Y'),
  // B: a transfer (same day) is one stay; she returns 12.5 months after the last move-out.
  stay('b1', 'B', '2024-02-01', '2024-04-30'),
  stay('b2', 'B', '2024-04-30', '2024-06-30', false, 'Y'),
  stay('b3', 'B', '2025-07-15', '2025-08-01'),
  // C: aftercare, never back.
  stay('c1', 'C', '2023-01-01', '2023-05-31', true),
  // D: still in the shelter.
  stay('d1', 'D', '2026-05-01', null),
];

describe('the baseline and the national goal', () => {
  it('are named, sourced, and the goal is 30 % below 1 in 4', () => {
    expect(REPEAT_STAY_BASELINE.share).toBe(0.25);
    expect(NATIONAL_REPEAT_STAY_GOAL.share).toBeCloseTo(
      REPEAT_STAY_BASELINE.share * (1 - NATIONAL_REPEAT_STAY_GOAL.reduction),
      12,
    );
    expect(NATIONAL_REPEAT_STAY_GOAL.share).toBe(0.175);
    expect(REPEAT_STAY_BASELINE.source.document.da).toContain('Røde Kors');
    expect(NATIONAL_REPEAT_STAY_GOAL.source.document.da).toContain('National handlingsplan');
    expect(NATIONAL_REPEAT_STAY_GOAL.source.reference).toContain('30 pct.');
  });
});

describe('repeat-stay rates within 12 and 24 months of move-out', () => {
  const report = repeatStayRates(STAYS, '2026-06-01');
  const [twelve, twentyFour] = report.windows;

  it('count a return 8 months later in the 12-month rate, and a transfer as no return', () => {
    expect(twelve?.months).toBe(12);
    // a1 (back after 8 months), a2, b1+b2 (back after 12.5 months: outside), c1.
    expect(twelve?.all).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(twelve?.withAftercare).toMatchObject({ numerator: 1, denominator: 2 });
    expect(twelve?.withoutAftercare).toMatchObject({ numerator: 0, denominator: 2 });
    expect(twelve?.censored).toBe(1); // b3 moved out 2025-08-01, less than 12 months before the cut-off
  });

  it('leave move-outs with too short follow-up out of the 24-month denominator', () => {
    expect(twentyFour?.all).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(twentyFour?.censored).toBe(3);
    expect(twentyFour?.withoutAftercare).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      ci95: null,
    });
  });

  it('give the Wilson interval with every rate', () => {
    const ci = twelve?.all.ci95;
    expect(ci?.[0]).toBeCloseTo(0.0456, 3);
    expect(ci?.[1]).toBeCloseTo(0.6994, 3);
  });

  it('carry the baseline and the goal for the comparison', () => {
    expect(report.cutoff).toBe('2026-06-01');
    expect(report.baseline.share).toBe(0.25);
    expect(report.goal.share).toBe(0.175);
  });

  it('count the last day of the window as inside it', () => {
    const edge = [stay('e1', 'E', '2024-01-01', '2024-02-29'), stay('e2', 'E', '2025-02-28', '2025-03-10')];
    const [w] = repeatStayRates(edge, '2026-01-01', [12]).windows;
    expect(w?.all).toMatchObject({ numerator: 1, denominator: 1 });
    const late = [stay('e1', 'E', '2024-01-01', '2024-02-29'), stay('e2', 'E', '2025-03-01', '2025-03-10')];
    expect(repeatStayRates(late, '2026-01-01', [12]).windows[0]?.all).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });
});

describe('the cut-off is a Danish calendar date', () => {
  const moved = [stay('f1', 'F', '2025-01-15', '2025-04-01')];
  const denominator = (instant: string) =>
    repeatStayRates(moved, new Date(instant), [12]).windows[0]?.all.denominator;

  it('just after Danish midnight in summer time (UTC+2, after the 29 March 2026 change) it is the next day', () => {
    // 2026-03-31T22:30Z is 00:30 on 1 April in Copenhagen: the 12 months since 2025-04-01 are over.
    expect(repeatStayRates(moved, new Date('2026-03-31T22:30:00Z'), [12]).cutoff).toBe('2026-04-01');
    expect(denominator('2026-03-31T22:30:00Z')).toBe(1);
    // One minute before Danish midnight it is still 31 March: censored.
    expect(denominator('2026-03-31T21:59:00Z')).toBe(0);
  });

  it('in winter time (UTC+1) midnight falls an hour later in UTC', () => {
    const winter = [stay('g1', 'G', '2024-12-01', '2025-02-01')];
    expect(repeatStayRates(winter, new Date('2026-01-31T23:30:00Z'), [12]).cutoff).toBe('2026-02-01');
    expect(repeatStayRates(winter, new Date('2026-01-31T23:30:00Z'), [12]).windows[0]?.all.denominator).toBe(
      1,
    );
    expect(repeatStayRates(winter, new Date('2026-01-31T22:30:00Z'), [12]).windows[0]?.all.denominator).toBe(
      0,
    );
  });

  it('across the autumn change (25 October 2026) the date still follows the Danish clock', () => {
    expect(repeatStayRates([], new Date('2026-10-24T22:30:00Z')).cutoff).toBe('2026-10-25');
    expect(repeatStayRates([], new Date('2026-10-25T22:30:00Z')).cutoff).toBe('2026-10-25');
    expect(repeatStayRates([], new Date('2026-10-25T23:00:00Z')).cutoff).toBe('2026-10-26');
  });

  it('refuses a malformed cut-off', () => {
    expect(() => repeatStayRates([], '2026-02-30')).toThrow(RangeError);
  });
});

describe('repeat admissions (the flag at admission, the baseline’s own measure)', () => {
  it('an earlier move-out makes an admission a repeat, a transfer does not', () => {
    expect(isRepeatAdmission([{ movedOutOn: '2024-03-01' }], '2024-11-01')).toBe(true);
    expect(isRepeatAdmission([{ movedOutOn: '2024-04-30' }], '2024-05-01')).toBe(false);
    expect(isRepeatAdmission([{ movedOutOn: '2024-04-30' }], '2024-05-02')).toBe(true);
    expect(isRepeatAdmission([{ movedOutOn: null }], '2024-05-02')).toBe(false);
    expect(isRepeatAdmission([], '2024-05-02')).toBe(false);
  });

  it('the share of admissions in a period that were repeats', () => {
    // Admissions in 2024: a1, a2 (repeat), b1 (b2 is a transfer, part of b1's stay).
    expect(repeatAdmissionShare(STAYS, '2024-01-01', '2024-12-31')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(repeatAdmissionShare(STAYS, '2025-01-01', '2025-12-31')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });
});

describe('finding repeat stays', () => {
  it('lists each return after a move-out, never a transfer', () => {
    expect(findRepeatStays(STAYS)).toEqual([
      {
        personId: 'A',
        movedOutOn: '2024-03-01',
        readmittedOn: '2024-11-01',
        daysToReadmission: 245,
        stayId: 'a2',
        otherShelter: true,
      },
      {
        personId: 'B',
        movedOutOn: '2024-06-30',
        readmittedOn: '2025-07-15',
        daysToReadmission: 380,
        stayId: 'b3',
        otherShelter: true,
      },
    ]);
  });
});

describe('aftercare received (the split)', () => {
  it('is psychologist hours used, a civil-society offer taken up, or a start-up need met', () => {
    const none = { psychologistHoursUsed: 0, civilSocietyTakenUp: false, startUpNeedsMet: 0 };
    expect(aftercareReceived(none)).toBe(false);
    expect(aftercareReceived({ ...none, psychologistHoursUsed: 0.75 })).toBe(true);
    expect(aftercareReceived({ ...none, civilSocietyTakenUp: true })).toBe(true);
    expect(aftercareReceived({ ...none, startUpNeedsMet: 1 })).toBe(true);
  });
});
