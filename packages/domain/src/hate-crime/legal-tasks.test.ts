import { describe, expect, it } from 'vitest';
import {
  changeLegalTaskStatus,
  type LegalTask,
  legalTasksClosedByOutcome,
  legalTaskTransitionAllowed,
  outcomeFitsTask,
  validateLegalTask,
} from './legal-tasks.ts';
import { validatePsychologicalSupport } from './psychological-support.ts';

const TODAY = '2026-03-10';
const open: LegalTask = {
  kind: 'COMPENSATION_CLAIM',
  status: 'OPENED',
  openedOn: '2026-03-01',
  closedOn: null,
  outcome: null,
};

describe('legal/financial tasks', () => {
  it('move opened → in progress → closed, and a closed task stays closed', () => {
    expect(legalTaskTransitionAllowed('OPENED', 'IN_PROGRESS')).toBe(true);
    expect(legalTaskTransitionAllowed('OPENED', 'CLOSED')).toBe(true);
    expect(legalTaskTransitionAllowed('IN_PROGRESS', 'OPENED')).toBe(false);
    expect(legalTaskTransitionAllowed('CLOSED', 'IN_PROGRESS')).toBe(false);
  });

  it('close with an outcome that fits the kind of task', () => {
    expect(outcomeFitsTask('GRANTED', 'COMPENSATION_CLAIM')).toBe(true);
    expect(outcomeFitsTask('GRANTED', 'AUTHORITY_CONTACT')).toBe(false);
    const worked = changeLegalTaskStatus(open, 'IN_PROGRESS', { on: '2026-03-02', today: TODAY });
    expect(worked.ok).toBe(true);
    if (!worked.ok) return;
    const closed = changeLegalTaskStatus(worked.task, 'CLOSED', {
      on: '2026-03-09',
      outcome: 'GRANTED',
      today: TODAY,
    });
    expect(closed).toEqual({
      ok: true,
      task: { ...open, status: 'CLOSED', closedOn: '2026-03-09', outcome: 'GRANTED' },
    });
  });

  it('name the field and reason when closing goes wrong', () => {
    const noOutcome = changeLegalTaskStatus(open, 'CLOSED', { on: '2026-03-09', today: TODAY });
    expect(noOutcome.ok).toBe(false);
    if (!noOutcome.ok)
      expect(noOutcome.errors.map((e) => [e.field, e.code])).toEqual([['outcome', 'OUTCOME_REQUIRED']]);
    const report = { ...open, kind: 'REPORT_AND_CRIMINAL_CASE' as const };
    const wrong = changeLegalTaskStatus(report, 'CLOSED', {
      on: '2026-03-09',
      outcome: 'REFUSED',
      today: TODAY,
    });
    if (!wrong.ok) expect(wrong.errors[0]?.code).toBe('OUTCOME_NOT_FOR_TASK');
    else throw new Error('expected a refusal');
    const early = changeLegalTaskStatus(open, 'CLOSED', {
      on: '2026-02-28',
      outcome: 'NO_CONTACT',
      today: TODAY,
    });
    if (!early.ok) expect(early.errors.map((e) => e.code)).toEqual(['BEFORE_START']);
    else throw new Error('expected a refusal');
    const future = changeLegalTaskStatus(open, 'CLOSED', {
      on: '2026-03-11',
      outcome: 'NO_CONTACT',
      today: TODAY,
    });
    if (!future.ok) expect(future.errors[0]?.message.en).toBe('The date cannot be in the future.');
    else throw new Error('expected a refusal');
    const back = changeLegalTaskStatus(
      { ...open, status: 'CLOSED', closedOn: '2026-03-02', outcome: 'HELP_GIVEN' },
      'IN_PROGRESS',
      {
        on: '2026-03-03',
        today: TODAY,
      },
    );
    if (!back.ok) expect(back.errors[0]?.code).toBe('STATUS_CHANGE_NOT_ALLOWED');
    else throw new Error('expected a refusal');
  });

  it('an open task carries no outcome', () => {
    const errors = validateLegalTask({ ...open, outcome: 'GRANTED', closedOn: '2026-03-05' }, TODAY);
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['outcome', 'OUTCOME_NOT_ALLOWED'],
      ['closedOn', 'NOT_APPLICABLE'],
    ]);
    expect(validateLegalTask({ ...open, openedOn: '2026-02-30' }, TODAY)[0]?.code).toBe('INVALID_DATE');
  });

  it('count closed tasks by outcome', () => {
    const counts = legalTasksClosedByOutcome([
      { status: 'CLOSED', outcome: 'GRANTED' },
      { status: 'CLOSED', outcome: 'GRANTED' },
      { status: 'CLOSED', outcome: 'NO_CONTACT' },
      { status: 'IN_PROGRESS', outcome: null },
    ]);
    expect(counts.find((c) => c.outcome === 'GRANTED')?.count).toBe(2);
    expect(counts.find((c) => c.outcome === 'NO_CONTACT')?.count).toBe(1);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(3);
  });
});

describe('psychological support', () => {
  it('counts individual sessions as a whole number', () => {
    expect(validatePsychologicalSupport({ form: 'INDIVIDUAL_SESSIONS', sessionsHeld: 6 })).toEqual([]);
    expect(validatePsychologicalSupport({ form: 'INDIVIDUAL_SESSIONS', sessionsHeld: 2.5 })[0]?.code).toBe(
      'NOT_AN_INTEGER',
    );
    expect(validatePsychologicalSupport({ form: 'INDIVIDUAL_SESSIONS', sessionsHeld: -1 })[0]?.code).toBe(
      'OUT_OF_RANGE',
    );
    expect(validatePsychologicalSupport({ form: 'INDIVIDUAL_SESSIONS' })[0]?.code).toBe('REQUIRED');
  });
  it('a group place points at a course and counts no sessions', () => {
    expect(validatePsychologicalSupport({ form: 'GROUP_PLACE', groupCourseId: 'c1' })).toEqual([]);
    expect(validatePsychologicalSupport({ form: 'GROUP_PLACE', sessionsHeld: 3 }).map((e) => e.code)).toEqual(
      ['GROUP_COURSE_REQUIRED', 'SESSIONS_NOT_FOR_GROUP'],
    );
  });
});
