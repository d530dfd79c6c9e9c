// The legal and financial adviser's tasks on a received referral: compensation claim, lost
// earnings, the report and the criminal case, contact with authorities. Each is opened, worked
// and closed with an outcome (domain legal-tasks.ts).
import type { HateCrimeLegalTask, LegalTaskOutcome, LegalTaskStatus } from '@vi/db';
import {
  changeLegalTaskStatus,
  LEGAL_TASK_OUTCOMES,
  LEGAL_TASK_STATUSES,
  validateLegalTask,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import {
  ADVISER_ROLES,
  checkDay,
  LegalTaskKindEnum,
  LegalTaskOutcomeEnum,
  LegalTaskStatusEnum,
} from './hate-crime-common.ts';
import { loadReceived, ReceivedHateCrimeReferralRef, startForWork } from './referral.ts';

const LegalTaskRef = builder.objectRef<HateCrimeLegalTask>('HateCrimeLegalTask').implement({
  description: 'A legal or financial task of the receiving organisation’s adviser.',
  authScopes: (row, context) => {
    const allowed = row.organizationId === context.organizationId && holdsRole(context, ADVISER_ROLES);
    if (!allowed) context.audit({ action: 'DENIED', entity: 'HateCrimeLegalTask', entityId: row.id });
    return allowed;
  },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    kind: t.field({ type: LegalTaskKindEnum, nullable: false, resolve: (r) => r.kind }),
    status: t.field({ type: LegalTaskStatusEnum, nullable: false, resolve: (r) => r.status }),
    openedOn: t.field({ type: 'Date', nullable: false, resolve: (r) => r.openedOn }),
    closedOn: t.field({ type: 'Date', nullable: true, resolve: (r) => r.closedOn }),
    outcome: t.field({ type: LegalTaskOutcomeEnum, nullable: true, resolve: (r) => r.outcome }),
    nextStatuses: t.field({
      type: [LegalTaskStatusEnum],
      nullable: false,
      resolve: (r) => (LEGAL_TASK_STATUSES.find((s) => s.code === r.status)?.next ?? []) as LegalTaskStatus[],
    }),
    possibleOutcomes: t.field({
      type: [LegalTaskOutcomeEnum],
      nullable: false,
      description: 'The outcomes that fit this kind of task (only claims are granted or refused).',
      resolve: (r) =>
        LEGAL_TASK_OUTCOMES.filter((o) => (o.kinds as readonly string[]).includes(r.kind)).map(
          (o) => o.code as LegalTaskOutcome,
        ),
    }),
  }),
});

builder.objectFields(ReceivedHateCrimeReferralRef, (t) => ({
  legalTasks: t.field({
    type: [LegalTaskRef],
    nullable: false,
    description: 'Legal and financial track only (empty on the psychological track).',
    resolve: (r) =>
      r.track === 'LEGAL_FINANCIAL'
        ? prisma().hateCrimeLegalTask.findMany({
            where: { referralId: r.id, organizationId: r.organizationId },
            orderBy: [{ openedOn: 'asc' }, { createdAt: 'asc' }],
          })
        : [],
  }),
}));

const OpenTaskInputRef = builder.inputType('OpenHateCrimeLegalTaskInput', {
  fields: (t) => ({
    kind: t.field({ type: LegalTaskKindEnum, required: true }),
    openedOn: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('openHateCrimeLegalTask', (t) =>
  t.field({
    type: ReceivedHateCrimeReferralRef,
    nullable: false,
    description: 'Opens a task on an accepted referral (which then counts as started).',
    authScopes: { role: ADVISER_ROLES },
    args: {
      hateCrimeReferralId: t.arg.id({ required: true }),
      input: t.arg({ type: OpenTaskInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeReferralId, input }, context) => {
      const user = requireUser(context);
      const referral = await loadReceived(context, String(hateCrimeReferralId), 'LEGAL_FINANCIAL');
      const openedOn = isoDateOf(input.openedOn as Date);
      const today = todayInDenmark();
      const errors = validateLegalTask(
        { kind: input.kind, status: 'OPENED', openedOn, closedOn: null, outcome: null },
        today,
      );
      // The domain already names a date in the future; checkDay adds "before the referral was sent".
      for (const e of checkDay('openedOn', openedOn, today, referral.sentOn)) {
        if (!errors.some((x) => x.field === e.field && x.code === e.code)) errors.push(e);
      }
      throwValidation(errors);
      await prisma().$transaction(async (tx) => {
        await startForWork(tx, context, referral, openedOn);
        const task = await tx.hateCrimeLegalTask.create({
          data: {
            organizationId: referral.organizationId,
            referralId: referral.id,
            kind: input.kind,
            openedOn: dateColumn(openedOn),
            openedById: user.id,
          },
        });
        await auditWrites(tx, context, [
          { action: 'CREATE', entity: 'HateCrimeLegalTask', entityId: task.id, detail: { kind: input.kind } },
        ]);
      });
      return loadReceived(context, referral.id, 'LEGAL_FINANCIAL');
    },
  }),
);

const TaskStatusInputRef = builder.inputType('HateCrimeLegalTaskStatusInput', {
  fields: (t) => ({
    status: t.field({ type: LegalTaskStatusEnum, required: true }),
    on: t.field({ type: 'Date', required: true, description: 'The closing date when the task closes.' }),
    outcome: t.field({ type: LegalTaskOutcomeEnum, description: 'Required when the task closes.' }),
  }),
});

builder.mutationField('changeHateCrimeLegalTaskStatus', (t) =>
  t.field({
    type: ReceivedHateCrimeReferralRef,
    nullable: false,
    description: 'Moves a task on; closing needs an outcome that fits the task and a date.',
    authScopes: { role: ADVISER_ROLES },
    args: {
      legalTaskId: t.arg.id({ required: true }),
      input: t.arg({ type: TaskStatusInputRef, required: true }),
    },
    resolve: async (_root, { legalTaskId, input }, context) => {
      const organizationId = requireOrganizationId(context);
      const id = String(legalTaskId);
      const task = isUuid(id)
        ? await prisma().hateCrimeLegalTask.findFirst({ where: { id, organizationId } })
        : null;
      if (!task) {
        if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'HateCrimeLegalTask', entityId: id });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      const referral = await loadReceived(context, task.referralId, 'LEGAL_FINANCIAL');
      const on = isoDateOf(input.on as Date);
      const changed = changeLegalTaskStatus(
        {
          kind: task.kind,
          status: task.status,
          openedOn: isoDateOf(task.openedOn),
          closedOn: task.closedOn ? isoDateOf(task.closedOn) : null,
          outcome: task.outcome,
        },
        input.status,
        { on, outcome: input.outcome ?? null, today: todayInDenmark() },
      );
      if (!changed.ok) throwValidation(changed.errors);
      if (changed.ok) {
        const next = changed.task;
        await prisma().$transaction(async (tx) => {
          const updated = await tx.hateCrimeLegalTask.updateMany({
            where: { id: task.id, status: task.status },
            data: {
              status: next.status,
              closedOn: next.closedOn ? dateColumn(next.closedOn) : null,
              outcome: next.outcome,
            },
          });
          if (updated.count === 0) throw gatewayError(ErrorCode.CONFLICT);
          await auditWrites(tx, context, [
            {
              action: 'UPDATE',
              entity: 'HateCrimeLegalTask',
              entityId: task.id,
              detail: { status: next.status, outcome: next.outcome },
            },
          ]);
        });
      }
      return loadReceived(context, referral.id, 'LEGAL_FINANCIAL');
    },
  }),
);
