import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { tokenGroups } from './survey-link-notice.tsx';
import { surveyStaffMessages } from './survey-staff-messages.ts';

describe('surveyStaffMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(surveyStaffMessages)).toEqual([]);
  });
});

describe('tokenGroups', () => {
  it('splits the fragment’s token into groups of four to read out, and nothing for an address without one', () => {
    expect(tokenGroups('http://localhost:4000/outreach/survey.html#t=abcdEFGH-_12x')).toEqual([
      'abcd',
      'EFGH',
      '-_12',
      'x',
    ]);
    expect(tokenGroups('http://localhost:4000/outreach/survey.html')).toEqual([]);
  });
});
