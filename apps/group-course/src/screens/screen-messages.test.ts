import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { screenMessages } from './screen-messages.ts';

describe('screenMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(screenMessages)).toEqual([]);
  });

  it('has a text for every form progress the gateway reports', () => {
    for (const progress of ['NOT_STARTED', 'LINK_OPEN', 'DONE'] as const) {
      expect(screenMessages.da[`form.${progress}`]).toBeTruthy();
      expect(screenMessages.en[`form.${progress}`]).not.toBe(screenMessages.da[`form.${progress}`]);
    }
  });
});
