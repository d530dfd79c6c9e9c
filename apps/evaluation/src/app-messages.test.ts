import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { evaluationMessages } from './app-messages.ts';

describe('evaluationMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(evaluationMessages)).toEqual([]);
    expect(evaluationMessages.da['app.name']).not.toBe(evaluationMessages.en['app.name']);
  });
});
