import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { screenMessages } from './outreach-screen-messages.ts';

describe('screenMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(screenMessages)).toEqual([]);
  });
});
