import { describe, expect, it } from 'vitest';
import {
  allAreasCoveredBeforeMoveOut,
  type CounsellingItem,
  newCounsellingChecklist,
  openCounsellingAreas,
  validateCounsellingChecklist,
} from './coordinating-counselling.ts';
import { COUNSELLING_AREAS } from './shelter-taxonomies.ts';

const MOVE_OUT = '2026-03-31';
const context = { moveOutOn: MOVE_OUT, today: '2026-03-20', hasChildren: true };
const done = (items: CounsellingItem[], on: string): CounsellingItem[] =>
  items.map((i) => ({ ...i, status: 'DONE', completedOn: on }));

describe('the § 109 checklist', () => {
  it("has the law's six areas", () => {
    expect(COUNSELLING_AREAS.map((a) => a.label.da)).toEqual([
      'Bolig',
      'Økonomi',
      'Arbejdsmarked',
      'Skole',
      'Daginstitution',
      'Sundhedsvæsen',
    ]);
  });

  it('starts with every area due on the move-out day; school and day care not relevant without children', () => {
    expect(validateCounsellingChecklist(newCounsellingChecklist(MOVE_OUT, true), context)).toEqual([]);
    const alone = newCounsellingChecklist(MOVE_OUT, false);
    expect(alone.filter((i) => i.status === 'NOT_RELEVANT').map((i) => i.area)).toEqual([
      'SCHOOL',
      'DAY_CARE',
    ]);
    expect(validateCounsellingChecklist(alone, { ...context, hasChildren: false })).toEqual([]);
  });

  it('refuses a due date after move-out, naming the item', () => {
    const items = newCounsellingChecklist(MOVE_OUT, true);
    items[2] = { ...(items[2] as CounsellingItem), dueOn: '2026-04-01' };
    const errors = validateCounsellingChecklist(items, context);
    expect(errors.map((e) => [e.field, e.code])).toEqual([['items.2.dueOn', 'DUE_AFTER_MOVE_OUT']]);
    expect(errors[0]?.message.da).toContain('senest ved fraflytning');
  });

  it('needs every area once, a completion date with "done" only, and no children’s area for a woman alone', () => {
    const items = newCounsellingChecklist(MOVE_OUT, true).slice(0, 5);
    items.push({ area: 'HOUSING', status: 'DONE', dueOn: MOVE_OUT, completedOn: null });
    items[1] = { ...(items[1] as CounsellingItem), completedOn: '2026-03-01' };
    items[3] = { ...(items[3] as CounsellingItem), status: 'DONE', completedOn: '2026-03-21' };
    const errors = validateCounsellingChecklist(items, { ...context, hasChildren: false });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['items.1.completedOn', 'COMPLETED_DATE_NOT_ALLOWED'],
      ['items.3.completedOn', 'DATE_IN_FUTURE'],
      ['items.3.status', 'CHILDREN_ONLY'],
      ['items.4.status', 'CHILDREN_ONLY'],
      ['items.5.area', 'DUPLICATE_AREA'],
      ['items.5.completedOn', 'COMPLETED_DATE_REQUIRED'],
      ['items.HEALTH', 'MISSING_AREA'],
    ]);
  });
});

describe('every area covered before move-out', () => {
  it('holds when each area is done on or before the move-out day, or not relevant', () => {
    expect(
      allAreasCoveredBeforeMoveOut(done(newCounsellingChecklist(MOVE_OUT, true), MOVE_OUT), MOVE_OUT),
    ).toBe(true);
    const alone = newCounsellingChecklist(MOVE_OUT, false).map((i) =>
      i.status === 'NOT_RELEVANT' ? i : { ...i, status: 'DONE' as const, completedOn: '2026-03-15' },
    );
    expect(allAreasCoveredBeforeMoveOut(alone, MOVE_OUT)).toBe(true);
  });

  it('fails when one area was done the day after, is still open, or is missing', () => {
    const late = done(newCounsellingChecklist(MOVE_OUT, true), MOVE_OUT);
    late[5] = { ...(late[5] as CounsellingItem), completedOn: '2026-04-01' };
    expect(allAreasCoveredBeforeMoveOut(late, MOVE_OUT)).toBe(false);
    const open = done(newCounsellingChecklist(MOVE_OUT, true), MOVE_OUT);
    open[0] = { ...(open[0] as CounsellingItem), status: 'IN_PROGRESS', completedOn: null };
    expect(allAreasCoveredBeforeMoveOut(open, MOVE_OUT)).toBe(false);
    expect(openCounsellingAreas(open)).toEqual(['HOUSING']);
    expect(
      allAreasCoveredBeforeMoveOut(
        done(newCounsellingChecklist(MOVE_OUT, true), MOVE_OUT).slice(1),
        MOVE_OUT,
      ),
    ).toBe(false);
  });
});
