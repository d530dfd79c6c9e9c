import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { outreachSurveyMessages } from './outreach-survey-messages.ts';
import { showsOutreachSurvey, sumOfCounts } from './outreach-survey-section.tsx';

describe('outreach survey section', () => {
  it('has a complete Danish and English catalogue', () => {
    expect(catalogueProblems(outreachSurveyMessages)).toEqual([]);
  });

  it('shows for the outreach model and for all models only', () => {
    expect(showsOutreachSurvey('ALL')).toBe(true);
    expect(showsOutreachSurvey('OUTREACH')).toBe(true);
    expect(showsOutreachSurvey('GROUP_COURSE')).toBe(false);
  });

  it('adds published counts, and hides the sum when one of them is hidden', () => {
    expect(
      sumOfCounts([
        { value: 6, suppressed: false },
        { value: 9, suppressed: false },
      ]),
    ).toEqual({
      kind: 'number',
      value: 15,
      hidden: false,
      style: 'integer',
    });
    expect(
      sumOfCounts([
        { value: 6, suppressed: false },
        { value: null, suppressed: true },
      ]),
    ).toMatchObject({
      value: null,
      hidden: true,
    });
    expect(sumOfCounts([{ value: 6, suppressed: false }, undefined])).toMatchObject({ hidden: true });
  });
});
