import {
  Gender,
  IncidentType,
  OrganizationKind,
  OutreachStatus,
  PersonRole,
  PrivacyStance,
  Role,
} from '@vi/db';
import { PARTICIPANT_LOCALE_CODES } from '@vi/domain';
import { builder } from './builder.ts';

// The GraphQL enums are the Prisma enums, which are the domain's stable codes.
// Feature files import these refs instead of declaring the enum again.
export const RoleEnum = builder.enumType(Role, { name: 'Role' });
export const OrganizationKindEnum = builder.enumType(OrganizationKind, { name: 'OrganizationKind' });
export const PrivacyStanceEnum = builder.enumType(PrivacyStance, { name: 'PrivacyStance' });
export const GenderEnum = builder.enumType(Gender, { name: 'Gender' });
export const PersonRoleEnum = builder.enumType(PersonRole, { name: 'PersonRole' });
export const IncidentTypeEnum = builder.enumType(IncidentType, { name: 'IncidentType' });
export const OutreachStatusEnum = builder.enumType(OutreachStatus, { name: 'OutreachStatus' });
// The languages participant-facing forms are offered in (the domain's PARTICIPANT_LOCALES codes:
// da, en, ar, …), as stored with the answers; evaluation figures that split by language use it.
export const ParticipantLanguageEnum = builder.enumType('ParticipantLanguage', {
  values: PARTICIPANT_LOCALE_CODES,
});
