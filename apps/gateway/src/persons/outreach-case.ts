import type { OutreachCase, Role } from '@vi/db';
import { organizationRecordScope } from '../authorization.ts';
import { builder } from '../builder.ts';
import { IncidentTypeEnum, OutreachStatusEnum, PersonRoleEnum } from '../enums.ts';

/** Roles that may see a person's outreach cases (DOMAIN §1). */
export const OUTREACH_CASE_READER_ROLES = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

/**
 * The `OutreachCase` Prisma object, kept minimal: the person-level view of
 * one outreach contact, so Person → outreachCases → person is a real nested
 * path (and the isolation tests can walk it). This is the ONE
 * `prismaObject('OutreachCase')` of the schema: feature code adds fields to it
 * with `builder.prismaObjectField('OutreachCase', ...)` rather than defining it
 * again. Its type scope checks organisation and role for every case object
 * on every path, and audits the read with the person id.
 */
export const OutreachCaseRef = builder.prismaObject('OutreachCase', {
  authScopes: organizationRecordScope<OutreachCase>({
    entity: 'OutreachCase',
    roles: OUTREACH_CASE_READER_ROLES,
    personId: (outreachCase) => outreachCase.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    role: t.expose('role', { type: PersonRoleEnum, nullable: false }),
    incidentType: t.expose('incidentType', { type: IncidentTypeEnum, nullable: false }),
    status: t.expose('status', { type: OutreachStatusEnum, nullable: false }),
    // The person is checked again by Person's own type scope.
    person: t.relation('person', { nullable: false }),
  }),
});
