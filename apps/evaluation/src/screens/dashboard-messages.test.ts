import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { dashboardMessages } from './dashboard-messages.ts';

describe('dashboardMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(dashboardMessages)).toEqual([]);
  });

  it('explains each mark for hidden cells and names what the CSV writes for it, in both languages', () => {
    for (const locale of ['da', 'en'] as const) {
      const messages = dashboardMessages[locale];
      expect(messages['explain.underFive']).toContain(messages['mark.underFive']);
      expect(messages['explain.underFive']).toContain(
        '(i CSV: under 5)'.replace('i CSV', locale === 'da' ? 'i CSV' : 'in CSV'),
      );
      expect(messages['explain.hidden']).toContain(messages['mark.hidden']);
      expect(messages['explain.hidden']).toContain(messages['csv.hidden']);
      expect(messages['explain.notAvailable']).toContain(messages['mark.notAvailable']);
      // No trace of the old suppression marks.
      for (const text of Object.values(messages)) expect(text).not.toMatch(/SUPPRESSED|<5|PRIMARY|SECONDARY/);
    }
  });

  it('cites its sources by their titles, never by the project’s seed numbers ("rapport 001")', () => {
    for (const locale of ['da', 'en'] as const) {
      for (const text of Object.values(dashboardMessages[locale])) {
        expect(text).not.toMatch(/\b(rapport|report|seed) 00\d/i);
      }
    }
  });

  it('labels the merged gender group in both languages', () => {
    expect(dashboardMessages.da['group.otherOrUnknown']).toBe('Andet eller uoplyst');
    expect(dashboardMessages.en['group.otherOrUnknown']).toBe('Other or not recorded');
  });
});
