import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { hateCrimeMessages } from './hate-crime-messages.ts';

describe('hateCrimeMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(hateCrimeMessages)).toEqual([]);
  });
});
