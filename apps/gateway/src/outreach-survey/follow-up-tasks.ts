import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError } from '../errors.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { LEAD_ROLES } from '../outreach/outreach-roles.ts';
import { openText } from '../persons/field-crypto.ts';

/**
 * The project lead's follow-up interviews (the Projekt Opsøgende Indsats evaluation's 17 telephone interviews): one task per
 * person who agreed in the survey, holding only the channel and the contact they chose. Not the
 * answers, not the call, not the person's case: the lead learns that someone wants to talk, and
 * how to reach them. Done tasks lose the contact (nothing more is needed to count them).
 */
type FollowUpShape = {
  id: string;
  channel: 'PHONE' | 'EMAIL';
  contact: string | null;
  createdOn: Date;
  doneAt: Date | null;
};

const FollowUpChannelEnum = builder.enumType('OutreachSurveyFollowUpChannel', {
  description: 'How the person wants to be contacted for the follow-up interview.',
  values: ['PHONE', 'EMAIL'] as const,
});

const FollowUpRef = builder.objectRef<FollowUpShape>('OutreachSurveyFollowUp').implement({
  description:
    'A person who agreed in the outreach user survey to a short follow-up interview. Holds only the chosen channel and contact: it cannot be traced to their answers or their call.',
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    channel: t.field({ type: FollowUpChannelEnum, nullable: false, resolve: (task) => task.channel }),
    contact: t.exposeString('contact', {
      nullable: true,
      description: 'The phone number (E.164) or e-mail address the person gave; null once the task is done.',
    }),
    createdOn: t.expose('createdOn', {
      type: 'Date',
      nullable: false,
      description: 'The day the person agreed (the day only, on purpose).',
    }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true }),
  }),
});

export async function followUpTasks(context: GatewayContext, includeDone: boolean): Promise<FollowUpShape[]> {
  const organizationId = requireOrganizationId(context);
  const rows = await prisma().outreachSurveyFollowUp.findMany({
    where: { organizationId, ...(includeDone ? {} : { doneAt: null }) },
    orderBy: [{ createdOn: 'asc' }, { id: 'asc' }],
    select: { id: true, channel: true, contact: true, createdOn: true, doneAt: true },
  });
  const tasks: FollowUpShape[] = [];
  for (const row of rows) {
    if (row.contact !== null)
      context.audit({ action: 'READ', entity: 'OutreachSurveyFollowUp', entityId: row.id });
    tasks.push({ ...row, contact: await openText(row.contact) });
  }
  return tasks;
}

builder.queryField('outreachSurveyFollowUps', (t) =>
  t.field({
    type: [FollowUpRef],
    nullable: false,
    description:
      'The project lead’s follow-up interviews from the outreach user survey, oldest first; open ones only unless includeDone. Reading a contact is audited.',
    authScopes: { role: LEAD_ROLES },
    args: { includeDone: t.arg.boolean({ required: false }) },
    resolve: (_root, { includeDone }, context) => followUpTasks(context, includeDone === true),
  }),
);

export async function completeFollowUp(
  context: GatewayContext,
  id: string,
  now = new Date(),
): Promise<FollowUpShape> {
  const organizationId = requireOrganizationId(context);
  const user = requireUser(context);
  return prisma().$transaction(async (tx) => {
    const task = await tx.outreachSurveyFollowUp.findFirst({
      where: { id, organizationId },
      select: { id: true, doneAt: true },
    });
    if (!task) throw gatewayError(ErrorCode.NOT_FOUND);
    if (task.doneAt) {
      throw gatewayError(ErrorCode.CONFLICT, {
        message: { da: 'Opgaven er allerede afsluttet.', en: 'The task is already done.' },
      });
    }
    const done = await tx.outreachSurveyFollowUp.update({
      where: { id },
      // The contact was only for this interview: it goes when the task is done.
      data: { doneAt: now, doneById: user.id, contact: null },
      select: { id: true, channel: true, contact: true, createdOn: true, doneAt: true },
    });
    await auditWrites(tx, context, [
      {
        action: 'UPDATE',
        entity: 'OutreachSurveyFollowUp',
        entityId: id,
        detail: { done: true, contactErased: true },
      },
    ]);
    return done;
  });
}

builder.mutationField('completeOutreachSurveyFollowUp', (t) =>
  t.field({
    type: FollowUpRef,
    nullable: false,
    description:
      'The project lead marks a follow-up interview done (held, or given up). The contact is erased. NOT_FOUND for another organisation’s task, CONFLICT when already done.',
    authScopes: { role: LEAD_ROLES },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => completeFollowUp(context, String(id)),
  }),
);
