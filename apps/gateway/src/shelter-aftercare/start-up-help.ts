import type { StartUpHelpNeed } from '@vi/db';
import { type StartUpHelpNeed as DomainNeed, validateStartUpHelp } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { errorsOfEntry, SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';
import { StartUpHelpNeedKindEnum, StartUpHelpStatusEnum } from './shelter-enums.ts';

/** A start-up need of the woman moving out (deposit, moving, furniture, clothes, toys). */
export const StartUpHelpNeedRef = builder.prismaObject('StartUpHelpNeed', {
  authScopes: organizationRecordScope<StartUpHelpNeed>({
    entity: 'StartUpHelpNeed',
    roles: SHELTER_STAFF_ROLES,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    need: t.expose('need', { nullable: false, type: StartUpHelpNeedKindEnum }),
    status: t.expose('status', { nullable: false, type: StartUpHelpStatusEnum }),
    amount: t.exposeInt('amount', {
      nullable: true,
      description: 'Whole kroner granted or spent, when known.',
    }),
  }),
});

export const SetStartUpHelpNeedInput = builder.inputType('SetStartUpHelpNeedInput', {
  fields: (t) => ({
    stayId: t.id({ required: true }),
    need: t.field({ type: StartUpHelpNeedKindEnum, required: true }),
    status: t.field({ type: StartUpHelpStatusEnum, required: true }),
    amount: t.int({ description: 'Whole kroner, not negative.' }),
  }),
});

builder.mutationField('setStartUpHelpNeed', (t) =>
  t.prismaField({
    nullable: false,
    type: 'StartUpHelpNeed',
    description:
      'Records one start-up need of a stay and whether it was met (each kind once; toys only with children).',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { input: t.arg({ type: SetStartUpHelpNeedInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, input.stayId);
      const edited: DomainNeed = { need: input.need, status: input.status, amount: input.amount ?? null };
      throwValidation(
        errorsOfEntry(validateStartUpHelp([edited], stay.children.length > 0), 'startUpHelp', 0),
      );
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      const data = { status: input.status, amount: input.amount ?? null };
      return prisma().$transaction(async (tx) => {
        const need = await tx.startUpHelpNeed.upsert({
          ...query,
          where: { stayId_need: { stayId: stay.id, need: input.need } },
          create: { organizationId, stayId: stay.id, need: input.need, ...data },
          update: data,
        });
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'StartUpHelpNeed',
              entityId: need.id,
              personId: stay.personId,
              detail: { need: input.need, status: input.status },
            }),
          ],
        });
        return need;
      });
    },
  }),
);
