import type { PsychologistHours } from '@vi/db';
import { type PsychologistHours as DomainHours, validatePsychologistHours } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { errorsOfEntry, SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';
import { StayPersonRoleEnum } from './shelter-enums.ts';

/** Psychologist hours of the woman or one of her children on a stay (at most 10 booked each). */
export const PsychologistHoursRef = builder.prismaObject('PsychologistHours', {
  authScopes: organizationRecordScope<PsychologistHours>({
    entity: 'PsychologistHours',
    roles: SHELTER_STAFF_ROLES,
    personId: (hours) => hours.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    role: t.expose('role', { nullable: false, type: StayPersonRoleEnum }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (hours) => hours.person.pseudonym,
    }),
    booked: t.float({ nullable: false, resolve: (hours) => Number(hours.booked) }),
    used: t.float({ nullable: false, resolve: (hours) => Number(hours.used) }),
  }),
});

export const SetPsychologistHoursInput = builder.inputType('SetPsychologistHoursInput', {
  fields: (t) => ({
    stayId: t.id({ required: true }),
    personId: t.id({ required: true, description: 'The woman of the stay or one of her children on it.' }),
    booked: t.float({
      required: true,
      description: 'Hours booked (used included), quarter hours, at most 10.',
    }),
    used: t.float({ required: true, description: 'Hours used, quarter hours, no more than booked.' }),
  }),
});

builder.mutationField('setPsychologistHours', (t) =>
  t.prismaField({
    nullable: false,
    type: 'PsychologistHours',
    description:
      'Sets the hours booked and used for the woman or one child of a stay (never over 10 booked).',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { input: t.arg({ type: SetPsychologistHoursInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, input.stayId);
      const childIds = stay.children.map((c) => c.personId);
      const role = input.personId === stay.personId ? 'WOMAN' : 'CHILD';
      if (!isUuid(input.personId) || (role === 'CHILD' && !childIds.includes(input.personId))) {
        // A person not on this stay: as if unknown (she may be another shelter's).
        if (isUuid(input.personId))
          context.audit({ action: 'DENIED', entity: 'Person', entityId: input.personId });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      const others = await prisma().psychologistHours.findMany({
        where: { stayId: stay.id, personId: { not: input.personId } },
        select: { personId: true, role: true, booked: true, used: true },
      });
      const edited: DomainHours = { personId: input.personId, role, booked: input.booked, used: input.used };
      const entries: DomainHours[] = [
        ...others.map((o) => ({ ...o, booked: Number(o.booked), used: Number(o.used) })),
        edited,
      ];
      throwValidation(
        errorsOfEntry(
          validatePsychologistHours(entries, { womanPersonId: stay.personId, childPersonIds: childIds }),
          'hours',
          entries.length - 1,
        ),
      );
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const hours = await tx.psychologistHours.upsert({
          ...query,
          where: { stayId_personId: { stayId: stay.id, personId: input.personId } },
          create: {
            organizationId,
            stayId: stay.id,
            personId: input.personId,
            role,
            booked: input.booked,
            used: input.used,
          },
          update: { booked: input.booked, used: input.used },
        });
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'PsychologistHours',
              entityId: hours.id,
              personId: input.personId,
              detail: { stayId: stay.id, role },
            }),
          ],
        });
        return hours;
      });
    },
  }),
);
