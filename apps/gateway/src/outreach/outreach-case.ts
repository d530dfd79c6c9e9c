import type { OutreachCase, Role } from '@vi/db';
import { organizationRecordScope } from '../authorization.ts';
import { builder } from '../builder.ts';
import { IncidentTypeEnum, OutreachStatusEnum, PersonRoleEnum } from '../enums.ts';

/** Roles that work the outreach queue and its referrals (DOMAIN §1). */
export const OUTREACH_ROLES = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

/**
 * One person's outreach contact after one incident. Minimal for now (the
 * queue, calls and referrals come with the outreach feature); it exists so
 * that Person → outreachCases → person is a real nested path for the
 * isolation tests.
 */
export const OutreachCaseRef = builder.prismaObject('OutreachCase', {
  authScopes: organizationRecordScope<OutreachCase>({
    entity: 'OutreachCase',
    roles: OUTREACH_ROLES,
    personId: (outreachCase) => outreachCase.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: PersonRoleEnum }),
    incidentType: t.expose('incidentType', { type: IncidentTypeEnum }),
    status: t.expose('status', { type: OutreachStatusEnum }),
    // The person is checked again by Person's own type scope.
    person: t.relation('person'),
  }),
});
