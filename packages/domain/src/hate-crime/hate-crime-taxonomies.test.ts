import { describe, expect, it } from 'vitest';
import { codesOf, ROLES, type Taxonomy } from '../taxonomies.ts';
import {
  HATE_CRIME_ENTRY_POINTS,
  HATE_CRIME_NEED_ANSWERS,
  HATE_CRIME_NEEDS,
  HATE_CRIME_PRE_STUDY,
  HATE_CRIME_REFERRAL_STATUSES,
  HATE_CRIME_ROLES,
  HATE_CRIME_TRACKS,
  LEGAL_TASK_KINDS,
  LEGAL_TASK_OUTCOMES,
  LEGAL_TASK_STATUSES,
  PSYCHOLOGICAL_SUPPORT_FORMS,
} from './hate-crime-taxonomies.ts';

const LISTS: Record<string, Taxonomy> = {
  HATE_CRIME_ENTRY_POINTS,
  HATE_CRIME_TRACKS,
  HATE_CRIME_NEEDS,
  HATE_CRIME_NEED_ANSWERS,
  LEGAL_TASK_KINDS,
  LEGAL_TASK_STATUSES,
  LEGAL_TASK_OUTCOMES,
  PSYCHOLOGICAL_SUPPORT_FORMS,
  HATE_CRIME_REFERRAL_STATUSES,
};

describe('hate-crime lists', () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`${name}: unique upper-case codes, Danish and English labels`, () => {
      const codes = codesOf(list);
      expect(new Set(codes).size).toBe(codes.length);
      for (const entry of list) {
        expect(entry.code).toMatch(/^[A-Z][A-Z_]*$/);
        expect(entry.label.da.trim().length, entry.code).toBeGreaterThan(0);
        expect(entry.label.en.trim().length, entry.code).toBeGreaterThan(0);
      }
    });
  }

  it('name the pre-study by its title, not by a file number', () => {
    expect(HATE_CRIME_PRE_STUDY.da).toContain('efterværn til ofre for hadforbrydelser');
    expect(HATE_CRIME_PRE_STUDY.da).not.toMatch(/seed/i);
  });

  it('have the entry points of the pre-study and the issue', () => {
    expect(codesOf(HATE_CRIME_ENTRY_POINTS)).toEqual([
      'OUTREACH_CALL',
      'POLICE_HATE_CRIME_UNIT',
      'SELF',
      'OTHER',
    ]);
  });

  it('roles are codes of the shared role list, each tied to its track', () => {
    for (const role of HATE_CRIME_ROLES) {
      expect(codesOf(ROLES)).toContain(role.code);
      expect(codesOf(HATE_CRIME_TRACKS)).toContain(role.track);
    }
  });

  it('status transitions only name statuses of their own list; closed statuses lead nowhere', () => {
    for (const list of [LEGAL_TASK_STATUSES, HATE_CRIME_REFERRAL_STATUSES]) {
      const codes = codesOf(list);
      for (const status of list) {
        for (const next of status.next) expect(codes).toContain(next);
        if (status.closed) expect(status.next).toEqual([]);
      }
    }
  });

  it('every task kind has outcomes, and only claims can be granted or refused', () => {
    for (const kind of codesOf(LEGAL_TASK_KINDS)) {
      expect(LEGAL_TASK_OUTCOMES.some((o) => (o.kinds as readonly string[]).includes(kind))).toBe(true);
    }
    const granted = LEGAL_TASK_OUTCOMES.find((o) => o.code === 'GRANTED');
    expect(granted?.kinds).toEqual(['COMPENSATION_CLAIM', 'LOST_EARNINGS']);
  });
});
