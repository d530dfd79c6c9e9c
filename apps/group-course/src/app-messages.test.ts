import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { groupCourseMessages } from './app-messages.ts';

describe('groupCourseMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(groupCourseMessages)).toEqual([]);
    expect(groupCourseMessages.da['app.name']).not.toBe(groupCourseMessages.en['app.name']);
  });
});
