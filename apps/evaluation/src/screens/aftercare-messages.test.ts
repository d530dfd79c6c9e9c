import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { aftercareSections } from './aftercare-figures.tsx';
import { aftercareMessages } from './aftercare-messages.ts';

describe('aftercareMessages', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(aftercareMessages)).toEqual([]);
  });

  it('names the baseline and the goal with their figures and says the motive is in no figure', () => {
    expect(aftercareMessages.da['shelter.lead']).toContain('1 ud af 4');
    expect(aftercareMessages.en['shelter.lead']).toContain('1 in 4');
    expect(aftercareMessages.da['hateCrime.lead']).toContain('Motivet');
    expect(aftercareMessages.en['hateCrime.lead']).toContain('motive');
  });
});

describe('aftercareSections', () => {
  it('shows both sections for all models and only its own for one', () => {
    expect(aftercareSections('ALL')).toEqual({ hateCrime: true, shelter: true });
    expect(aftercareSections('HATE_CRIME_AFTERCARE')).toEqual({ hateCrime: true, shelter: false });
    expect(aftercareSections('SHELTER_AFTERCARE')).toEqual({ hateCrime: false, shelter: true });
    expect(aftercareSections('OUTREACH')).toEqual({ hateCrime: false, shelter: false });
    expect(aftercareSections('GROUP_COURSE')).toEqual({ hateCrime: false, shelter: false });
  });
});
