import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { outreachMessages } from './app-messages.ts';

describe('outreachMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(outreachMessages)).toEqual([]);
    expect(outreachMessages.da['app.name']).not.toBe(outreachMessages.en['app.name']);
  });
});
