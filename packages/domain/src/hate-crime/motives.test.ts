import { describe, expect, it } from 'vitest';
import { MIN_CELL } from '../disclosure.ts';
import { codesOf, HATE_CRIME_MOTIVES } from '../taxonomies.ts';
import {
  HATE_CRIME_MOTIVE_CATEGORIES,
  HATE_CRIME_MOTIVE_SOURCE,
  motiveCategoryOf,
  motiveCellShown,
  trackMayKeepMotive,
} from './motives.ts';

describe('hate-crime motives', () => {
  it('keep exactly the stored codes of taxonomies.ts, in the same order', () => {
    expect(HATE_CRIME_MOTIVE_CATEGORIES.map((c) => c.code)).toEqual(codesOf(HATE_CRIME_MOTIVES));
  });

  it("follow the police's report: the three confirmed main headings, and name their source", () => {
    const confirmed = HATE_CRIME_MOTIVE_CATEGORIES.filter((c) => c.confirmedInPoliceReport).map(
      (c) => c.code,
    );
    expect(confirmed).toEqual(['RACE_ETHNICITY', 'RELIGION', 'SEXUAL_ORIENTATION', 'GENDER_IDENTITY']);
    expect(HATE_CRIME_MOTIVE_SOURCE.da).toContain('Rigspolitiet');
    expect(HATE_CRIME_MOTIVE_SOURCE.en).toContain('National Police');
  });

  it('mark what could not be confirmed in the label itself', () => {
    for (const c of HATE_CRIME_MOTIVE_CATEGORIES.filter((x) => !x.confirmedInPoliceReport)) {
      expect(c.policeCategory.da, c.code).toContain('ikke bekræftet');
      expect(c.policeCategory.en, c.code).toContain('not confirmed');
    }
  });

  it('are all special-category data with a named basis', () => {
    for (const c of HATE_CRIME_MOTIVE_CATEGORIES) {
      expect(c.specialCategory).toBe(true);
      expect(c.gdprBasis.da).toMatch(/^Art\. (9|10):/);
    }
    expect(motiveCategoryOf('DISABILITY').gdprBasis.en).toContain('health');
    expect(() => motiveCategoryOf('NOPE' as never)).toThrow(RangeError);
  });
});

describe('who may keep the motive (minimisation)', () => {
  it('psychological support keeps it', () => {
    expect(trackMayKeepMotive('PSYCHOLOGICAL')).toBe(true);
  });
  it('legal/financial keeps it only with the report and criminal case', () => {
    expect(trackMayKeepMotive('LEGAL_FINANCIAL')).toBe(false);
    expect(trackMayKeepMotive('LEGAL_FINANCIAL', ['COMPENSATION_CLAIM', 'LOST_EARNINGS'])).toBe(false);
    expect(trackMayKeepMotive('LEGAL_FINANCIAL', ['AUTHORITY_CONTACT'])).toBe(false);
    expect(trackMayKeepMotive('LEGAL_FINANCIAL', ['COMPENSATION_CLAIM', 'REPORT_AND_CRIMINAL_CASE'])).toBe(
      true,
    );
  });
  it('a motive cell is shown only from the disclosure threshold up', () => {
    expect(motiveCellShown(null)).toBe(false);
    expect(motiveCellShown(MIN_CELL - 1)).toBe(false);
    expect(motiveCellShown(MIN_CELL)).toBe(true);
  });
});
