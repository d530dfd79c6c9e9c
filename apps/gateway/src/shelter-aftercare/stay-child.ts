import { COUNSELLING_AREAS, type FieldError } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { todayInDenmark } from '../courses/iso-date.ts';
import { isUniqueViolation, newPseudonym } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';
import { birthYearErrors, CHILD_MIN_AGE_YEARS } from './shelter-stay.ts';

// A child who arrives after the woman's admission (the seed's stays have children coming later
// too: fetched from a relative, born during the stay). The child becomes a pseudonymous person
// of the shelter on this stay, exactly as one who came with her: psychologist hours (up to 10,
// setPsychologistHours) and the children's § 109 areas follow from being on the stay.

export const STAY_ENDED: FieldError['message'] = {
  da: 'Opholdet er afsluttet (kvinden er fraflyttet). Et barn kan kun tilføjes et igangværende ophold.',
  en: 'The stay has ended (the woman has moved out). A child can only be added to a current stay.',
};

/** The § 109 areas that concern children (school, day care). */
const CHILDREN_AREAS = COUNSELLING_AREAS.filter((area) => area.childrenOnly).map((area) => area.code);

builder.mutationField('addShelterChild', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ShelterStay',
    description:
      'Adds a child who arrived after the admission to a current stay of the active shelter. The children’s § 109 areas (school, day care) marked not relevant are opened again: a new child makes that judgement stale.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: {
      stayId: t.arg.id({ required: true }),
      birthYear: t.arg.int({ required: true, description: 'Under 18 this year.' }),
    },
    resolve: async (query, _root, { stayId, birthYear }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, stayId);
      const errors: FieldError[] = [
        ...birthYearErrors('birthYear', birthYear, todayInDenmark(), 0, CHILD_MIN_AGE_YEARS),
      ];
      if (stay.movedOutOn) errors.push({ field: 'stayId', code: 'STAY_ENDED', message: STAY_ENDED });
      throwValidation(errors);

      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      for (let attempt = 0; ; attempt++) {
        try {
          return await prisma().$transaction(async (tx) => {
            const child = await tx.person.create({
              data: { organizationId, pseudonym: newPseudonym(), birthYear },
              select: { id: true },
            });
            await tx.shelterStayChild.create({
              data: { organizationId, stayId: stay.id, personId: child.id },
            });
            const reopened = await tx.counsellingItem.findMany({
              where: { stayId: stay.id, area: { in: CHILDREN_AREAS }, status: 'NOT_RELEVANT' },
              select: { area: true },
            });
            await tx.counsellingItem.updateMany({
              where: { stayId: stay.id, area: { in: CHILDREN_AREAS }, status: 'NOT_RELEVANT' },
              data: { status: 'NOT_STARTED' },
            });
            await tx.auditEvent.createMany({
              data: [
                auditRow(actor, {
                  action: 'CREATE',
                  entity: 'ShelterStayChild',
                  entityId: child.id,
                  personId: child.id,
                  detail: { stayId: stay.id, afterAdmission: true },
                }),
                ...(reopened.length > 0
                  ? [
                      auditRow(actor, {
                        action: 'UPDATE',
                        entity: 'ShelterStay',
                        entityId: stay.id,
                        personId: stay.personId,
                        detail: { reopenedAreas: reopened.map((item) => item.area).sort() },
                      }),
                    ]
                  : []),
              ],
            });
            return tx.shelterStay.findUniqueOrThrow({ ...query, where: { id: stay.id } });
          });
        } catch (error) {
          if (attempt < 4 && isUniqueViolation(error, 'pseudonym')) continue;
          throw error;
        }
      }
    },
  }),
);
