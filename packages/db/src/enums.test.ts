// The Prisma enums store the domain's codes; if the two drift apart, rows the
// gateway writes would stop matching the labels, rules and exports of
// @vi/domain. This test makes any difference, in either direction, fail.
import * as domain from '@vi/domain';
import { describe, expect, it } from 'vitest';
import * as prismaEnums from './generated/prisma/enums.ts';

const taxonomyOfEnum: Record<keyof typeof prismaEnums, ReadonlyArray<{ code: string }>> = {
  OrganizationKind: domain.ORGANIZATION_KINDS,
  PrivacyStance: domain.PRIVACY_STANCES,
  Role: domain.ROLES,
  Gender: domain.GENDERS,
  PersonRole: domain.PERSON_ROLES,
  IncidentType: domain.INCIDENT_TYPES,
  OutreachStatus: domain.OUTREACH_STATUSES,
  CallOutcome: domain.CALL_OUTCOMES,
  DeclineReason: domain.DECLINE_REASONS,
  SurveyStatus: domain.SURVEY_STATUSES,
  ReferralStatus: domain.REFERRAL_STATUSES,
  LostReason: domain.LOST_REASONS,
  RiskRoute: domain.RISK_ROUTES,
  FollowUpStatus: domain.FOLLOW_UP_STATUSES,
  QuestionnaireKind: domain.QUESTIONNAIRE_KINDS,
  InterventionModel: domain.INTERVENTION_MODELS,
  StayPersonRole: domain.STAY_PERSON_ROLES,
  CounsellingArea: domain.COUNSELLING_AREAS,
  CounsellingItemStatus: domain.COUNSELLING_ITEM_STATUSES,
  CivilSocietyOffer: domain.CIVIL_SOCIETY_OFFERS,
  CivilSocietyReferralStatus: domain.CIVIL_SOCIETY_REFERRAL_STATUSES,
  CivilSocietyOutcome: domain.CIVIL_SOCIETY_OUTCOMES,
  StartUpHelpNeedKind: domain.START_UP_HELP_NEEDS,
  StartUpHelpStatus: domain.START_UP_HELP_STATUSES,
  HateCrimeEntryPoint: domain.HATE_CRIME_ENTRY_POINTS,
  HateCrimeTrack: domain.HATE_CRIME_TRACKS,
  HateCrimeNeedAnswer: domain.HATE_CRIME_NEED_ANSWERS,
  HateCrimeReferralStatus: domain.HATE_CRIME_REFERRAL_STATUSES,
  HateCrimeMotive: domain.HATE_CRIME_MOTIVES,
  LegalTaskKind: domain.LEGAL_TASK_KINDS,
  LegalTaskStatus: domain.LEGAL_TASK_STATUSES,
  LegalTaskOutcome: domain.LEGAL_TASK_OUTCOMES,
  PsychologicalSupportForm: domain.PSYCHOLOGICAL_SUPPORT_FORMS,
  ReferralAttemptKind: domain.REFERRAL_ATTEMPT_KINDS,
  OutreachSurveyFollowUpChannel: domain.OUTREACH_SURVEY_FOLLOW_UP_CHANNELS,
  ReachAnswer: domain.REACH_ANSWERS,
};

const prismaEnumValues = new Map(
  Object.entries(prismaEnums)
    .filter(([name]) => name !== '$Enums')
    .map(([name, values]) => [name, Object.values(values as Record<string, string>)]),
);

describe('Prisma enums equal the domain codes', () => {
  it('covers every enum of the schema', () => {
    expect([...prismaEnumValues.keys()].sort()).toEqual(Object.keys(taxonomyOfEnum).sort());
  });

  for (const [name, taxonomy] of Object.entries(taxonomyOfEnum)) {
    it(`${name} has exactly the codes of the domain taxonomy, in the same order`, () => {
      expect(prismaEnumValues.get(name)).toEqual(taxonomy.map((entry) => entry.code));
    });
  }
});
