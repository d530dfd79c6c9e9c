import {
  DECLINE_REASONS,
  GENDERS,
  HEARD_FROM,
  INCIDENT_TYPES,
  PERSON_ROLES,
  REFERRAL_STATUSES,
  REFERRED_TO,
  SURVEY_STATUSES,
  VIOLENCE_FORMS,
} from '@vi/domain';
import { describe, expect, it } from 'vitest';
import {
  DECLINE_REASON_WEIGHTS,
  FIGURE_3,
  GENDER_WEIGHTS,
  HEARD_FROM_SHARE,
  INCIDENT_TYPE_WEIGHTS,
  INTAKE_GENDER_WEIGHTS,
  NON_GROUP_ROUTE_WEIGHTS,
  REFERRAL_RESULT_WEIGHTS,
  ROLE_WEIGHTS,
  SURVEY_WEIGHTS,
  VIOLENCE_FORM_SHARE,
} from './proportions.ts';
import { weightedChoiceSql } from './weighted-choice.ts';

// The generator writes these codes straight into enum columns and answers JSON: a code the
// domain does not know would make data the gateway cannot read.
const codes = (list: ReadonlyArray<{ code: string }>) => new Set(list.map((entry) => entry.code));

describe('the generator speaks the domain codes', () => {
  it.each([
    ['incident types', INCIDENT_TYPE_WEIGHTS.map(([c]) => c), codes(INCIDENT_TYPES)],
    ['genders', GENDER_WEIGHTS.map(([c]) => c), codes(GENDERS)],
    ['intake genders', INTAKE_GENDER_WEIGHTS.map(([c]) => c), codes(GENDERS)],
    ['roles', ROLE_WEIGHTS.map(([c]) => c), codes(PERSON_ROLES)],
    [
      'decline reasons',
      DECLINE_REASON_WEIGHTS.map(([c]) => c).filter((c) => c !== ''),
      codes(DECLINE_REASONS),
    ],
    ['survey statuses', SURVEY_WEIGHTS.map(([c]) => c), codes(SURVEY_STATUSES)],
    ['referral results', REFERRAL_RESULT_WEIGHTS.map(([c]) => c), codes(REFERRAL_STATUSES)],
    ['heard from', HEARD_FROM_SHARE.map(([c]) => c), codes(HEARD_FROM)],
    ['violence forms', VIOLENCE_FORM_SHARE.map(([c]) => c), codes(VIOLENCE_FORMS)],
    ['routes', NON_GROUP_ROUTE_WEIGHTS.map(([c]) => c), codes(REFERRED_TO)],
  ])('%s', (_what, used, known) => {
    expect(used.filter((code) => !known.has(code))).toEqual([]);
  });

  it("takes Figure 3 from the domain's seed acceptance, hate crime from violence", () => {
    expect(FIGURE_3.STALKING).toEqual({ wantsCall: 0.48, self: 0.02 });
    expect(FIGURE_3.HATE_CRIME).toEqual(FIGURE_3.VIOLENCE);
    expect(Object.keys(FIGURE_3).sort()).toEqual([...codes(INCIDENT_TYPES)].sort());
  });
});

describe('weighted choice in SQL', () => {
  it('cuts [0, 1) at the normalised cumulative weights', () => {
    expect(
      weightedChoiceSql('d', [
        ['A', 1],
        ['B', 3],
      ]),
    ).toBe("CASE WHEN d < 0.250000000000 THEN 'A' ELSE 'B' END");
  });

  it('refuses anything but a plain code', () => {
    expect(() => weightedChoiceSql('d', [["A'; DROP TABLE x; --", 1]])).toThrow(/plain code/);
  });
});
