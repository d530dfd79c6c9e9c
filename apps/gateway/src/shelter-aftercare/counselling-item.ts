import type { CounsellingItem } from '@vi/db';
import { type CounsellingItem as DomainItem, validateCounsellingChecklist } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { errorsOfEntry, SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';
import { CounsellingAreaEnum, CounsellingItemStatusEnum } from './shelter-enums.ts';
import { domainItem } from './shelter-stay.ts';

/** One area of the § 109 coordinating counselling on a stay's checklist. */
export const CounsellingItemRef = builder.prismaObject('CounsellingItem', {
  authScopes: organizationRecordScope<CounsellingItem>({
    entity: 'CounsellingItem',
    roles: SHELTER_STAFF_ROLES,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    area: t.expose('area', { nullable: false, type: CounsellingAreaEnum }),
    status: t.expose('status', { nullable: false, type: CounsellingItemStatusEnum }),
    dueOn: t.expose('dueOn', { nullable: false, type: 'Date' }),
    completedOn: t.expose('completedOn', { nullable: true, type: 'Date' }),
  }),
});

export const UpdateCounsellingItemInput = builder.inputType('UpdateCounsellingItemInput', {
  fields: (t) => ({
    stayId: t.id({ required: true }),
    area: t.field({ type: CounsellingAreaEnum, required: true }),
    status: t.field({ type: CounsellingItemStatusEnum, required: true }),
    dueOn: t.string({ required: true, description: 'YYYY-MM-DD, no later than the (planned) move-out.' }),
    completedOn: t.string({ description: 'YYYY-MM-DD, with DONE only, not in the future.' }),
  }),
});

builder.mutationField('updateCounsellingItem', (t) =>
  t.prismaField({
    nullable: false,
    type: 'CounsellingItem',
    description:
      'Sets one § 109 area of a stay: status, due date (no later than the move-out, planned until it is recorded) and the day it was done.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { input: t.arg({ type: UpdateCounsellingItemInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, input.stayId);
      const items = await prisma().counsellingItem.findMany({
        where: { stayId: stay.id },
        select: { area: true, status: true, dueOn: true, completedOn: true },
      });
      const edited: DomainItem = {
        area: input.area,
        status: input.status,
        dueOn: input.dueOn,
        completedOn: input.completedOn ?? null,
      };
      const checklist = items.map((item) => (item.area === input.area ? edited : domainItem(item)));
      let index = checklist.indexOf(edited);
      if (index < 0) {
        checklist.push(edited);
        index = checklist.length - 1;
      }
      const moveOut = stay.movedOutOn ?? stay.plannedMoveOutOn ?? stay.admittedOn;
      throwValidation(
        errorsOfEntry(
          validateCounsellingChecklist(checklist, {
            moveOutOn: isoDateOf(moveOut),
            today: todayInDenmark(),
            hasChildren: stay.children.length > 0,
          }),
          'items',
          index,
        ),
      );
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      const data = {
        status: input.status,
        dueOn: dateColumn(input.dueOn),
        completedOn: input.completedOn ? dateColumn(input.completedOn) : null,
      };
      return prisma().$transaction(async (tx) => {
        const item = await tx.counsellingItem.upsert({
          ...query,
          where: { stayId_area: { stayId: stay.id, area: input.area } },
          create: { organizationId, stayId: stay.id, area: input.area, ...data },
          update: data,
        });
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'CounsellingItem',
              entityId: item.id,
              personId: stay.personId,
              detail: { area: input.area, status: input.status },
            }),
          ],
        });
        return item;
      });
    },
  }),
);
