import { describe, expect, it } from 'vitest';
import {
  CLINICALLY_RELEVANT_CHANGE,
  INSPIRE_REFERENCE_POINTS,
  inspireScoresFromAnswers,
  RECOVERY_CUTOFF,
  recoveryChange,
  scoreInspire,
} from './inspire.ts';
import { validateAnswers } from './questionnaires.ts';

describe('scoreInspire', () => {
  it('all lowest answers ("Slet ikke") score 0', () => {
    expect(scoreInspire([1, 1, 1, 1, 1])).toBe(0);
  });
  it('all highest answers ("Rigtig meget") score 100', () => {
    expect(scoreInspire([5, 5, 5, 5, 5])).toBe(100);
  });
  it('is the mean of the 0-4 codes × 25', () => {
    expect(scoreInspire([3, 3, 3, 3, 3])).toBe(50);
    expect(scoreInspire([1, 2, 3, 4, 5])).toBe(50);
    expect(scoreInspire([4, 4, 4, 4, 5])).toBe(80);
    expect(scoreInspire([2, 1, 1, 1, 1])).toBe(5);
  });
  it('one missing item gives no score (all five CHIME items are needed)', () => {
    expect(scoreInspire([5, 5, 5, 5, null])).toBeNull();
    expect(scoreInspire([undefined, 1, 1, 1, 1])).toBeNull();
    expect(scoreInspire([null, null, null, null, null])).toBeNull();
  });
  it('rejects answers off the 1-5 scale and lists of the wrong length', () => {
    expect(() => scoreInspire([0, 1, 1, 1, 1])).toThrow(RangeError);
    expect(() => scoreInspire([6, 1, 1, 1, 1])).toThrow(RangeError);
    expect(() => scoreInspire([2.5, 1, 1, 1, 1])).toThrow(RangeError);
    expect(() => scoreInspire([1, 1, 1, 1])).toThrow(RangeError);
  });
});

describe('inspireScoresFromAnswers', () => {
  it('scores both measures of a validated end form', () => {
    const result = validateAnswers('END', {
      inspire_o_1: 4,
      inspire_o_2: 4,
      inspire_o_3: 3,
      inspire_o_4: 4,
      inspire_o_5: 5,
      inspire_1: 5,
      inspire_2: 5,
      inspire_3: 5,
      inspire_4: 5,
      inspire_5: 5,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(inspireScoresFromAnswers(result.answers)).toEqual({ inspireO: 75, inspire: 100 });
  });
  it('leaves a measure unscored when an item was skipped', () => {
    expect(
      inspireScoresFromAnswers({ inspire_o_1: 3, inspire_o_2: 3, inspire_o_3: 3, inspire_o_4: 3 }),
    ).toEqual({
      inspireO: null,
      inspire: null,
    });
  });
});

describe('recovery thresholds', () => {
  it('use the Danish cut-off 50 and an 8-point relevant change', () => {
    expect(RECOVERY_CUTOFF).toBe(50);
    expect(CLINICALLY_RELEVANT_CHANGE).toBe(8);
  });
  it('classify a participant’s change', () => {
    expect(recoveryChange(40, 55)).toEqual({
      change: 15,
      clinicallyRelevantImprovement: true,
      clinicallyRelevantDecline: false,
      crossedCutoff: true,
    });
    expect(recoveryChange(50, 55).crossedCutoff).toBe(false);
    expect(recoveryChange(45, 50).crossedCutoff).toBe(true);
    expect(recoveryChange(60, 65).clinicallyRelevantImprovement).toBe(false);
    expect(recoveryChange(60, 52).clinicallyRelevantDecline).toBe(true);
    expect(() => recoveryChange(-5, 50)).toThrow(RangeError);
    expect(() => recoveryChange(50, 101)).toThrow(RangeError);
  });
  it('reference points carry values on the 0-100 scale and a citation', () => {
    expect(INSPIRE_REFERENCE_POINTS.map((p) => [p.id, p.value])).toEqual([
      ['DK_POPULATION_NORM', 71.1],
      ['DK_PSYCHIATRIC_OUTPATIENTS', 39.9],
      ['DK_RECOVERY_CUTOFF', 50],
    ]);
    for (const point of INSPIRE_REFERENCE_POINTS) expect(point.citation).toMatch(/doi:10\./);
  });
});
