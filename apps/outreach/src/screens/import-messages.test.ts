import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { importMessages } from './import-messages.ts';

describe('importMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(importMessages)).toEqual([]);
  });
});
