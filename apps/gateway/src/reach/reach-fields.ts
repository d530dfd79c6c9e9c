import type { Role } from '@vi/db';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { INTAKE_ROLES } from '../courses/course-access.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { CALLER_ROLES } from '../outreach/outreach-roles.ts';
import {
  checkedReachAnswers,
  loadReachAnswers,
  ReachAnswersInputRef,
  ReachAnswersRef,
  type ReachAnswersShape,
  type ReachSubject,
  writeReachAnswers,
} from './reach-answers.ts';

/**
 * Reading and correcting the answers on who we reach after the call or the registration.
 *
 * Readers are narrower than the records': on an outreach case the worker who records them and the
 * lead (not the counsellor, who sees a person's details only on a referral they took, nor the
 * administrator, who configures); on an intake registration the intake coordinator, the lead and
 * the administrator who may also register, never a group leader or the risk assessor.
 */
export const OUTREACH_REACH_READER_ROLES = [
  'OUTREACH_WORKER',
  'PROJECT_LEAD',
] as const satisfies readonly Role[];
export const INTAKE_REACH_READER_ROLES = [
  'INTAKE_COORDINATOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

builder.prismaObjectField('OutreachCase', 'reach', (t) =>
  t.field({
    type: ReachAnswersRef,
    nullable: true,
    authScopes: { role: OUTREACH_REACH_READER_ROLES },
    description:
      'Who we reach: the answers recorded for this case (null when none). Outreach workers and the lead.',
    resolve: (outreachCase) =>
      loadReachAnswers(
        prisma(),
        outreachCase.organizationId,
        { outreachCaseId: outreachCase.id },
        outreachCase.personId,
      ),
  }),
);

builder.prismaObjectField('IntakeRegistration', 'reach', (t) =>
  t.field({
    type: ReachAnswersRef,
    nullable: true,
    authScopes: { role: INTAKE_REACH_READER_ROLES },
    description:
      'Who we reach: the answers recorded with the registration (null when none). Never shown to group leaders.',
    resolve: (intake) =>
      loadReachAnswers(prisma(), intake.organizationId, { intakeRegistrationId: intake.id }, intake.personId),
  }),
);

/**
 * Saves corrected answers of one subject the caller's organisation holds (any status: a worker
 * may add what a later call told them after the case closed). Refused as NOT_FOUND when the
 * subject is not the organisation's, with the refusal audited; the write and its audit row
 * commit together.
 */
async function saveReach(
  context: GatewayContext,
  subject: ReachSubject,
  reachInput: Parameters<typeof checkedReachAnswers>[0],
): Promise<ReachAnswersShape | null> {
  const organizationId = requireOrganizationId(context);
  const answers = checkedReachAnswers(reachInput) ?? {};
  const isCase = 'outreachCaseId' in subject;
  const subjectId = isCase ? subject.outreachCaseId : subject.intakeRegistrationId;
  return prisma().$transaction(async (tx) => {
    const owner = !isUuid(subjectId)
      ? null
      : isCase
        ? await tx.outreachCase.findFirst({
            where: { id: subjectId, organizationId },
            select: { personId: true },
          })
        : await tx.intakeRegistration.findFirst({
            where: { id: subjectId, organizationId },
            select: { personId: true },
          });
    if (!owner) {
      context.audit({
        action: 'DENIED',
        entity: isCase ? 'OutreachCase' : 'IntakeRegistration',
        entityId: subjectId,
      });
      throw gatewayError(ErrorCode.NOT_FOUND);
    }
    const write = await writeReachAnswers(tx, context, organizationId, subject, answers);
    if (write) {
      await auditWrites(tx, context, [
        {
          action: write.action,
          entity: 'ReachAnswers',
          entityId: write.id,
          personId: owner.personId,
          detail: { recorded: write.recorded },
        },
      ]);
    }
    return loadReachAnswers(tx, organizationId, subject, owner.personId);
  });
}

const SaveOutreachReachInput = builder.inputType('SaveOutreachReachAnswersInput', {
  fields: (t) => ({
    outreachCaseId: t.id({ required: true }),
    reach: t.field({ type: ReachAnswersInputRef, required: true }),
  }),
});

const SaveIntakeReachInput = builder.inputType('SaveIntakeReachAnswersInput', {
  fields: (t) => ({
    intakeRegistrationId: t.id({ required: true }),
    reach: t.field({ type: ReachAnswersInputRef, required: true }),
  }),
});

builder.mutationField('saveOutreachReachAnswers', (t) =>
  t.field({
    type: ReachAnswersRef,
    nullable: true,
    description:
      "Adds or corrects the answers on who we reach of one of the organisation's outreach cases (any status). All fields empty removes them; the answer is then null.",
    authScopes: { role: CALLER_ROLES },
    args: { input: t.arg({ type: SaveOutreachReachInput, required: true }) },
    resolve: (_root, { input }, context) =>
      saveReach(context, { outreachCaseId: String(input.outreachCaseId) }, input.reach),
  }),
);

builder.mutationField('saveIntakeReachAnswers', (t) =>
  t.field({
    type: ReachAnswersRef,
    nullable: true,
    description:
      "Adds or corrects the answers on who we reach of one of the organisation's intake registrations. All fields empty removes them.",
    authScopes: { role: INTAKE_ROLES },
    args: { input: t.arg({ type: SaveIntakeReachInput, required: true }) },
    resolve: (_root, { input }, context) =>
      saveReach(context, { intakeRegistrationId: String(input.intakeRegistrationId) }, input.reach),
  }),
);
