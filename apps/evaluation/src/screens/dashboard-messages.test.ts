import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { dashboardMessages } from './dashboard-messages.ts';

describe('dashboardMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(dashboardMessages)).toEqual([]);
  });

  it('explains both marks for hidden cells and names the CSV mark in both languages', () => {
    for (const locale of ['da', 'en'] as const) {
      expect(dashboardMessages[locale]['explain.primary']).toContain(
        dashboardMessages[locale]['mark.primary'],
      );
      expect(dashboardMessages[locale]['explain.secondary']).toContain(
        dashboardMessages[locale]['mark.secondary'],
      );
      expect(dashboardMessages[locale]['explain.primary']).toContain('SUPPRESSED');
    }
  });
});
