import {
  Gender,
  IncidentType,
  OrganizationKind,
  OutreachStatus,
  PersonRole,
  PrivacyStance,
  Role,
} from '@vi/db';
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
