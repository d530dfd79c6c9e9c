import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { shelterMessages } from './shelter-messages.ts';

describe('shelterMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(shelterMessages)).toEqual([]);
  });
});
