import { describe, expect, it } from 'vitest';
import { codesOf, ORGANIZATION_KINDS, ROLES, type Taxonomy } from '../taxonomies.ts';
import {
  CIVIL_SOCIETY_OFFERS,
  CIVIL_SOCIETY_OUTCOMES,
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  COUNSELLING_AREAS,
  COUNSELLING_ITEM_STATUSES,
  NATIONAL_ACTION_PLAN_2014,
  SHELTER_AFTERCARE_PAPER,
  START_UP_HELP_NEEDS,
  START_UP_HELP_STATUSES,
  STAY_PERSON_ROLES,
} from './shelter-taxonomies.ts';

const LISTS: Record<string, Taxonomy> = {
  STAY_PERSON_ROLES,
  COUNSELLING_AREAS,
  COUNSELLING_ITEM_STATUSES,
  CIVIL_SOCIETY_OFFERS,
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  CIVIL_SOCIETY_OUTCOMES,
  START_UP_HELP_NEEDS,
  START_UP_HELP_STATUSES,
};

describe('shelter-aftercare lists', () => {
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

  it('name their sources by title', () => {
    expect(SHELTER_AFTERCARE_PAPER.da).toContain('Røde Kors');
    expect(NATIONAL_ACTION_PLAN_2014.da).toContain('2014');
    expect(`${SHELTER_AFTERCARE_PAPER.da}${NATIONAL_ACTION_PLAN_2014.da}`).not.toMatch(/seed/i);
  });

  it('the shelter role and organisation kind are codes of the shared lists', () => {
    expect(codesOf(ROLES)).toContain('SHELTER_STAFF');
    expect(codesOf(ORGANIZATION_KINDS)).toContain('SHELTER');
  });

  it('the start-up needs are the paper’s five', () => {
    expect(codesOf(START_UP_HELP_NEEDS)).toEqual(['DEPOSIT', 'MOVING', 'FURNITURE', 'CLOTHES', 'TOYS']);
  });

  it('referral statuses: transitions stay in the list; consent from the referral on; outcomes fit end statuses', () => {
    const codes = codesOf(CIVIL_SOCIETY_REFERRAL_STATUSES);
    for (const status of CIVIL_SOCIETY_REFERRAL_STATUSES) {
      for (const next of status.next) {
        expect(codes).toContain(next);
        // Once consent is needed it stays needed.
        const to = CIVIL_SOCIETY_REFERRAL_STATUSES.find((s) => s.code === next);
        if (status.consent) expect(to?.consent).toBe(true);
      }
    }
    const withOutcome = CIVIL_SOCIETY_REFERRAL_STATUSES.filter((s) => s.outcome).map((s) => s.code);
    for (const outcome of CIVIL_SOCIETY_OUTCOMES) {
      for (const status of outcome.statuses) expect(withOutcome).toContain(status);
    }
  });
});
