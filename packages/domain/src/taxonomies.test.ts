import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AGE_GROUPS,
  ageGroupOf,
  CALL_OUTCOMES,
  CHILD_AGES,
  CHILDREN_IN_HOUSEHOLD,
  COURSE_DIMENSIONS,
  codesOf,
  DECLINE_REASONS,
  DURATION,
  EARLIER_HELP,
  EARLIER_VIOLENCE,
  EDUCATION,
  entryOf,
  FOLLOW_UP_STATUSES,
  FREQUENCY,
  GENDERS,
  HATE_CRIME_MOTIVES,
  HEARD_FROM,
  HELPED_ON,
  HELPED_ON_TO,
  INCIDENT_TYPES,
  INCOME_BASIS,
  INTERVENTION_MODELS,
  isCodeOf,
  LIKERT_RESPONSES,
  LOST_REASONS,
  labelOf,
  ORGANIZATION_KINDS,
  OUTREACH_STATUSES,
  PERSON_ROLES,
  PHASES,
  PRIVACY_STANCES,
  QUESTIONNAIRE_KINDS,
  REFERRAL_STATUSES,
  REFERRED_TO,
  RISK_ROUTES,
  ROLES,
  STILL_PRESENT,
  SURVEY_STATUSES,
  type Taxonomy,
  VIOLENCE_FORMS,
  VIOLENCE_STATUS,
  YES_NO_DONT_KNOW,
} from './taxonomies.ts';

const schemaPath = fileURLToPath(new URL('../../db/prisma/schema.prisma', import.meta.url));

function prismaEnums(): Map<string, string[]> {
  const text = readFileSync(schemaPath, 'utf8');
  const enums = new Map<string, string[]>();
  for (const match of text.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) {
    const values = (match[2] ?? '')
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .filter((line) => /^[A-Z][A-Z0-9_]*$/.test(line));
    enums.set(match[1] ?? '', values);
  }
  return enums;
}

const ENUM_TAXONOMIES: Record<string, Taxonomy> = {
  Role: ROLES,
  PersonRole: PERSON_ROLES,
  Gender: GENDERS,
  IncidentType: INCIDENT_TYPES,
  CallOutcome: CALL_OUTCOMES,
  DeclineReason: DECLINE_REASONS,
  SurveyStatus: SURVEY_STATUSES,
  ReferralStatus: REFERRAL_STATUSES,
  LostReason: LOST_REASONS,
  RiskRoute: RISK_ROUTES,
  OutreachStatus: OUTREACH_STATUSES,
  QuestionnaireKind: QUESTIONNAIRE_KINDS,
  FollowUpStatus: FOLLOW_UP_STATUSES,
  InterventionModel: INTERVENTION_MODELS,
  OrganizationKind: ORGANIZATION_KINDS,
  PrivacyStance: PRIVACY_STANCES,
};

const ALL: Record<string, Taxonomy> = {
  ...ENUM_TAXONOMIES,
  HATE_CRIME_MOTIVES,
  VIOLENCE_FORMS,
  VIOLENCE_STATUS,
  FREQUENCY,
  HEARD_FROM,
  REFERRED_TO,
  YES_NO_DONT_KNOW,
  INCOME_BASIS,
  EDUCATION,
  CHILDREN_IN_HOUSEHOLD,
  CHILD_AGES,
  DURATION,
  STILL_PRESENT,
  EARLIER_VIOLENCE,
  EARLIER_HELP,
  HELPED_ON,
  HELPED_ON_TO,
  LIKERT_RESPONSES,
  COURSE_DIMENSIONS,
  AGE_GROUPS,
  PHASES,
};

describe('taxonomies agree with the Prisma schema', () => {
  const enums = prismaEnums();
  for (const [name, list] of Object.entries(ENUM_TAXONOMIES)) {
    it(`${name} has exactly the enum's codes, in order`, () => {
      expect(codesOf(list)).toEqual(enums.get(name));
    });
  }
});

describe('every taxonomy', () => {
  for (const [name, list] of Object.entries(ALL)) {
    it(`${name}: unique UPPER_SNAKE codes and Danish and English labels`, () => {
      const codes = codesOf(list);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const entry of list) {
        expect(entry.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(entry.label.da.trim().length, entry.code).toBeGreaterThan(0);
        expect(entry.label.en.trim().length, entry.code).toBeGreaterThan(0);
      }
    });
  }
});

describe('incident types', () => {
  it('are the ten rows of the Projekt Opsøgende Indsats evaluation Figure 3 with their Danish labels, plus hate crime', () => {
    expect(INCIDENT_TYPES.map((t) => t.label.da)).toEqual([
      'Tilhold og stalking',
      'Voldtægt og seksuelle krænkelser',
      'Blufærdighedskrænkelse',
      'Trusler',
      'Røveri',
      'Vold',
      'Dødsfald og drab',
      'Ulykker og uheld',
      'Indbrud og tyveri',
      'Blandede',
      'Hadforbrydelse',
    ]);
  });
  it('only burglary/theft starts switched off for outreach (spring 2019)', () => {
    expect(INCIDENT_TYPES.filter((t) => !t.defaultActiveForOutreach).map((t) => t.code)).toEqual([
      'BURGLARY_THEFT',
    ]);
  });
  it('only hate crime carries a motive', () => {
    expect(INCIDENT_TYPES.filter((t) => t.hasMotive).map((t) => t.code)).toEqual(['HATE_CRIME']);
    expect(codesOf(HATE_CRIME_MOTIVES)).toEqual([
      'RACE_ETHNICITY',
      'RELIGION',
      'SEXUAL_ORIENTATION',
      'GENDER_IDENTITY',
      'DISABILITY',
      'POLITICAL_VIEWS',
      'OTHER',
    ]);
  });
  it("the report's acceptance split adds up to about 100% per type", () => {
    for (const type of INCIDENT_TYPES) {
      if (type.reportAcceptance === null) continue;
      const { wantCall, decline, callSelf } = type.reportAcceptance;
      expect(wantCall + decline + callSelf, type.code).toBeCloseTo(1, 2);
    }
  });
});

describe('violence forms', () => {
  it("carry the example text of VIVE's group-course evaluation Bilag 1", () => {
    expect(entryOf(VIOLENCE_FORMS, 'PHYSICAL')?.example.da).toBe('fx skub, spark eller slag');
    expect(entryOf(VIOLENCE_FORMS, 'HONOUR_RELATED')?.example.da).toBe(
      'fx social kontrol, udefrysning fra familien eller lignende undertrykkelse, der er planlagt eller accepteret af familien',
    );
    expect(codesOf(VIOLENCE_FORMS)).toEqual([
      'PHYSICAL',
      'PSYCHOLOGICAL',
      'SEXUAL',
      'MATERIAL',
      'ECONOMIC',
      'DIGITAL',
      'STALKING',
      'HONOUR_RELATED',
      'OTHER',
    ]);
  });
  it('only OTHER is described in free text', () => {
    expect(VIOLENCE_FORMS.filter((f) => f.freeText).map((f) => f.code)).toEqual(['OTHER']);
  });
});

describe('questionnaire answer lists have the report’s number of options', () => {
  it.each([
    ['VIOLENCE_STATUS', VIOLENCE_STATUS, 8],
    ['FREQUENCY', FREQUENCY, 7],
    ['HEARD_FROM', HEARD_FROM, 8],
    ['REFERRED_TO', REFERRED_TO, 6],
    ['INCOME_BASIS', INCOME_BASIS, 11],
    ['EDUCATION', EDUCATION, 10],
    ['CHILDREN_IN_HOUSEHOLD', CHILDREN_IN_HOUSEHOLD, 5],
    ['CHILD_AGES', CHILD_AGES, 6],
    ['DURATION', DURATION, 12],
    // The report's five (the end form's) and the baseline's plain "yes" (see STILL_PRESENT).
    ['STILL_PRESENT', STILL_PRESENT, 6],
    ['EARLIER_VIOLENCE', EARLIER_VIOLENCE, 7],
    ['EARLIER_HELP', EARLIER_HELP, 4],
    ['HELPED_ON', HELPED_ON, 3],
    ['HELPED_ON_TO', HELPED_ON_TO, 11],
    ['LIKERT_RESPONSES', LIKERT_RESPONSES, 5],
  ] as const)('%s', (_name, list, count) => {
    expect(list.length).toBe(count);
  });

  it('likert values run 1..5 from "Slet ikke" to "Rigtig meget"', () => {
    expect(LIKERT_RESPONSES.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(LIKERT_RESPONSES[0]?.label.da).toBe('Slet ikke');
    expect(LIKERT_RESPONSES[4]?.label.da).toBe('Rigtig meget');
  });

  it('the "no referral" answers exclude all other referrals', () => {
    expect(REFERRED_TO.filter((r) => r.exclusive).map((r) => r.code)).toEqual([
      'NO_RISK_NO_REFERRAL',
      'DECLINED',
    ]);
  });
});

describe('ageGroupOf', () => {
  it.each([
    [0, 'UNDER_18'],
    [17, 'UNDER_18'],
    [17.99, 'UNDER_18'],
    [18, 'AGE_18_29'],
    [29, 'AGE_18_29'],
    [30, 'AGE_30_39'],
    [49, 'AGE_40_49'],
    [50, 'AGE_50_59'],
    [59, 'AGE_50_59'],
    [60, 'AGE_60_PLUS'],
    [104, 'AGE_60_PLUS'],
  ] as const)('%d → %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });
  it('rejects impossible ages', () => {
    expect(() => ageGroupOf(-1)).toThrow(RangeError);
    expect(() => ageGroupOf(Number.NaN)).toThrow(RangeError);
    expect(() => ageGroupOf(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
  it('groups cover every whole year without gaps or overlaps', () => {
    for (let i = 1; i < AGE_GROUPS.length; i++) {
      expect(AGE_GROUPS[i]?.min).toBe((AGE_GROUPS[i - 1]?.max ?? Number.NaN) + 1);
    }
  });
});

describe('labelOf, entryOf, isCodeOf', () => {
  it('labels a code in both locales', () => {
    expect(labelOf(PERSON_ROLES, 'GUARDIAN', 'da')).toBe('Værge');
    expect(labelOf(INCIDENT_TYPES, 'BURGLARY_THEFT', 'en')).toBe('Burglary and theft');
    expect(labelOf(ROLES, 'INTAKE_COORDINATOR', 'da')).toBe('Tovholder');
  });
  it('throws on a code the list does not have', () => {
    expect(() => labelOf(GENDERS, 'ROBOT' as 'MAN', 'da')).toThrow(RangeError);
  });
  it('narrows stored strings', () => {
    expect(isCodeOf(GENDERS, 'WOMAN')).toBe(true);
    expect(isCodeOf(GENDERS, 'woman')).toBe(false);
    expect(isCodeOf(GENDERS, 3)).toBe(false);
    expect(entryOf(CALL_OUTCOMES, 'NOT_SAFE_TO_TALK')?.reached).toBe(false);
  });
});
