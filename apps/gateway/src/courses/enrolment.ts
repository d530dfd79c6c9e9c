import type { Enrolment } from '@vi/db';

import {
  checkFollowUp,
  courseFieldError,
  type FieldError,
  fieldError,
  generateParticipantCode,
  groupSizeWarning,
  isIsoDate,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { openText, sealText } from '../persons/field-crypto.ts';
import { NOT_A_SHELTER_PERSON } from '../shelter-aftercare/shelter-access.ts';
import {
  COURSE_RUNNER_ROLES,
  canRunCourse,
  canSeeCourse,
  courseRecordScope,
  ENROL_ROLES,
} from './course-access.ts';
import { FollowUpStatusEnum, FormProgressEnum } from './course-enums.ts';
import { CourseWarningRef } from './course-warning.ts';
import { formProgressOf } from './form-progress.ts';
import { dateColumn, todayInDenmark } from './iso-date.ts';
import { isUniqueViolation } from './person-pseudonym.ts';

/**
 * Why a participant left a course. Codes rather than free text: the reason is kept for the
 * drop-out figures (VIVE's evaluation of the group course could not see who dropped out or why) and goes into the audit trail,
 * which never holds what the participant told the leader.
 */
const WITHDRAWAL_REASONS = {
  PERSONAL_CIRCUMSTANCES: { description: 'Work, illness, moving or other personal circumstances.' },
  NOT_THE_RIGHT_OFFER: { description: 'The course did not suit the participant.' },
  SAFETY: { description: 'Safety: attending puts the participant at risk.' },
  NO_CONTACT: { description: 'Stopped coming and could not be reached.' },
  OTHER: { description: 'Another reason.' },
} as const;
type WithdrawalReason = keyof typeof WITHDRAWAL_REASONS;
export const WithdrawalReasonEnum = builder.enumType('WithdrawalReason', { values: WITHDRAWAL_REASONS });

/**
 * A person's place in a course, under a pseudonymous participant code. The
 * leader sees who the participant is (to run the group), the attendance and
 * whether each form is done; the form answers are not reachable from here.
 */
export const EnrolmentRef = builder.prismaObject('Enrolment', {
  authScopes: courseRecordScope<Enrolment>({
    entity: 'Enrolment',
    course: (enrolment) => ({ id: enrolment.courseId, organizationId: enrolment.organizationId }),
    id: (enrolment) => enrolment.id,
    personId: (enrolment) => enrolment.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    courseId: t.exposeID('courseId', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    participantCode: t.exposeString('participantCode', { nullable: false }),
    enrolledAt: t.expose('enrolledAt', { nullable: false, type: 'DateTime' }),
    withdrawnOn: t.expose('withdrawnOn', { type: 'Date', nullable: true }),
    withdrawnReason: t.field({
      type: WithdrawalReasonEnum,
      nullable: true,
      description: 'Why the participant left; null if they have not, or left before the reason was asked.',
      resolve: (enrolment) => enrolment.withdrawnReason as WithdrawalReason | null,
    }),
    followUpStatus: t.expose('followUpStatus', { type: FollowUpStatusEnum, nullable: true }),
    followUpOn: t.expose('followUpOn', { type: 'Date', nullable: true }),
    helpedOnTo: t.stringList({
      nullable: false,
      description: 'HELPED_ON_TO codes (the end form’s list of offers).',
      resolve: (enrolment) => enrolment.helpedOnTo ?? [],
    }),
    helpedOnToOther: t.string({
      nullable: true,
      resolve: (enrolment) => openText(enrolment.helpedOnToOther),
    }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (enrolment) => enrolment.person.pseudonym,
    }),
    displayName: t.string({
      nullable: false,
      description: 'Name (journalised organisations) or alias, else the pseudonym.',
      select: {
        person: { select: { pseudonym: true, contact: { select: { alias: true, name: true } } } },
      },
      resolve: async (enrolment) =>
        (await openText(enrolment.person.contact?.name)) ??
        (await openText(enrolment.person.contact?.alias)) ??
        enrolment.person.pseudonym,
    }),
    attendance: t.relation('attendance', { nullable: false }),
    sessionsAttended: t.int({
      nullable: false,
      select: { _count: { select: { attendance: { where: { present: true } } } } },
      resolve: (enrolment) => enrolment._count.attendance,
    }),
    baselineForm: t.field({
      nullable: false,
      type: FormProgressEnum,
      description: 'Done or not; the answers are never shown to staff.',
      resolve: async (enrolment, _args, context) =>
        (await formProgressOf(context, enrolment.participantCode)).BASELINE,
    }),
    endForm: t.field({
      nullable: false,
      type: FormProgressEnum,
      description: 'Done or not; the answers are never shown to staff.',
      resolve: async (enrolment, _args, context) =>
        (await formProgressOf(context, enrolment.participantCode)).END,
    }),
  }),
});

const EnrolPayloadRef = builder
  .objectRef<{
    enrolment: { id: string; courseId: string; organizationId: string };
    warnings: NonNullable<ReturnType<typeof groupSizeWarning>>[];
  }>('EnrolPayload')
  .implement({
    authScopes: (payload, context) =>
      canSeeCourse(context, {
        id: payload.enrolment.courseId,
        organizationId: payload.enrolment.organizationId,
      }),
    fields: (t) => ({
      enrolment: t.prismaField({
        nullable: false,
        type: 'Enrolment',
        resolve: (query, payload) =>
          prisma().enrolment.findUniqueOrThrow({ ...query, where: { id: payload.enrolment.id } }),
      }),
      warnings: t.field({
        nullable: false,
        type: [CourseWarningRef],
        resolve: (payload) => payload.warnings,
      }),
    }),
  });

builder.mutationField('enrolParticipant', (t) =>
  t.field({
    nullable: false,
    type: EnrolPayloadRef,
    description:
      'Enrols a person in a course with a fresh pseudonymous participant code and takes them off the waiting list. Warns when the group is outside 6-8.',
    authScopes: { role: ENROL_ROLES },
    args: { courseId: t.arg.id({ required: true }), personId: t.arg.id({ required: true }) },
    resolve: async (_root, { courseId, personId }, context) => {
      const organizationId = requireOrganizationId(context);
      const [course, person] = await Promise.all([
        isUuid(courseId)
          ? prisma().course.findFirst({ where: { id: courseId, organizationId }, select: { id: true } })
          : null,
        isUuid(personId)
          ? prisma().person.findFirst({
              // A shelter's woman or child is unknown here (shelter-access.ts).
              where: { id: personId, organizationId, ...NOT_A_SHELTER_PERSON },
              select: { id: true },
            })
          : null,
      ]);
      const errors: FieldError[] = [];
      if (!course) {
        errors.push(fieldError('courseId', 'UNKNOWN_OPTION'));
        // Another organisation's course id is a refusal like another's person id: audited.
        if (isUuid(courseId))
          context.audit({
            action: 'DENIED',
            entity: 'Course',
            entityId: courseId,
            detail: { reason: 'NOT_FOUND' },
          });
      }
      if (!person) {
        errors.push(fieldError('personId', 'UNKNOWN_OPTION'));
        if (isUuid(personId))
          context.audit({
            action: 'DENIED',
            entity: 'Person',
            entityId: personId,
            detail: { reason: 'NOT_FOUND' },
          });
      }
      throwValidation(errors);
      if (!course || !person) throw gatewayError(ErrorCode.INTERNAL);
      const already = await prisma().enrolment.findFirst({
        where: { courseId: course.id, personId: person.id },
        select: { id: true },
      });
      if (already) throwValidation([courseFieldError('personId', 'ALREADY_ENROLLED')]);

      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      const today = dateColumn(todayInDenmark());
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await prisma().$transaction(async (tx) => {
            const enrolment = await tx.enrolment.create({
              data: {
                organizationId,
                courseId: course.id,
                personId: person.id,
                participantCode: generateParticipantCode(),
              },
              select: { id: true, courseId: true, organizationId: true },
            });
            const left = await tx.waitingListEntry.updateMany({
              where: { organizationId, personId: person.id, leftOn: null },
              data: { leftOn: today, leftReason: 'ENROLLED' },
            });
            const participants = await tx.enrolment.count({
              where: { courseId: course.id, withdrawnOn: null },
            });
            await tx.auditEvent.create({
              data: auditRow(actor, {
                action: 'CREATE',
                entity: 'Enrolment',
                entityId: enrolment.id,
                personId: person.id,
                detail: { courseId: course.id, leftWaitingList: left.count > 0 },
              }),
            });
            return { enrolment, participants };
          });
          const warning = groupSizeWarning(result.participants);
          return { enrolment: result.enrolment, warnings: warning ? [warning] : [] };
        } catch (error) {
          if (attempt < 4 && isUniqueViolation(error, 'participantCode')) continue;
          if (isUniqueViolation(error)) throwValidation([courseFieldError('personId', 'ALREADY_ENROLLED')]);
          throw error;
        }
      }
    },
  }),
);

/** Loads an enrolment the caller may run (leader of its course, lead or admin), else NOT_FOUND. */
export async function runnableEnrolment(
  context: Parameters<typeof canRunCourse>[0],
  enrolmentId: string,
): Promise<{
  id: string;
  courseId: string;
  organizationId: string;
  personId: string;
  participantCode: string;
  withdrawnOn: Date | null;
}> {
  const organizationId = requireOrganizationId(context);
  const enrolment = isUuid(enrolmentId)
    ? await prisma().enrolment.findFirst({
        where: { id: enrolmentId, organizationId },
        select: {
          id: true,
          courseId: true,
          organizationId: true,
          personId: true,
          participantCode: true,
          withdrawnOn: true,
        },
      })
    : null;
  if (!enrolment || !(await canRunCourse(context, { id: enrolment.courseId, organizationId }))) {
    if (isUuid(enrolmentId)) context.audit({ action: 'DENIED', entity: 'Enrolment', entityId: enrolmentId });
    throw gatewayError(ErrorCode.NOT_FOUND);
  }
  return enrolment;
}

export const RecordFollowUpInput = builder.inputType('RecordFollowUpInput', {
  fields: (t) => ({
    enrolmentId: t.id({ required: true }),
    status: t.field({ type: FollowUpStatusEnum, required: true }),
    on: t.string({ required: true, description: 'YYYY-MM-DD: the booked or held date.' }),
    helpedOnTo: t.stringList({ description: 'Where the participant was helped on to (HELPED_ON_TO codes).' }),
    helpedOnToOther: t.string({ description: 'Required with OTHER.' }),
  }),
});

builder.mutationField('recordFollowUp', (t) =>
  t.prismaField({
    nullable: false,
    type: 'Enrolment',
    description:
      'The final follow-up talk agreed at the last session (booked, held or cancelled) and where the participant was helped on to.',
    authScopes: { role: COURSE_RUNNER_ROLES },
    args: { input: t.arg({ type: RecordFollowUpInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const checked = checkFollowUp(input);
      if (!checked.ok) throwValidation(checked.errors);
      if (!checked.ok) throw gatewayError(ErrorCode.INTERNAL);
      const enrolment = await runnableEnrolment(context, input.enrolmentId);
      const actor = {
        userId: context.user?.id ?? null,
        organizationId: enrolment.organizationId,
        requestId: context.requestId,
      };
      return prisma().$transaction(async (tx) => {
        const updated = await tx.enrolment.update({
          ...query,
          where: { id: enrolment.id },
          data: {
            followUpStatus: input.status,
            followUpOn: dateColumn(checked.followUp.on),
            helpedOnTo: checked.followUp.helpedOnTo,
            helpedOnToOther: await sealText(enrolment.organizationId, checked.followUp.helpedOnToOther, tx),
          },
        });
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: 'UPDATE',
            entity: 'Enrolment',
            entityId: enrolment.id,
            personId: enrolment.personId,
            detail: { followUpStatus: input.status, helpedOnTo: checked.followUp.helpedOnTo },
          }),
        });
        return updated;
      });
    },
  }),
);

builder.mutationField('withdrawParticipant', (t) =>
  t.prismaField({
    nullable: false,
    type: 'Enrolment',
    description:
      'Marks that a participant left the course (drop-out) on a date and why; their attendance and forms stay.',
    authScopes: { role: COURSE_RUNNER_ROLES },
    args: {
      enrolmentId: t.arg.id({ required: true }),
      on: t.arg.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
      reason: t.arg({ type: WithdrawalReasonEnum, required: true }),
    },
    resolve: async (query, _root, { enrolmentId, on, reason }, context) => {
      if (!isIsoDate(on)) throwValidation([fieldError('on', 'INVALID_DATE')]);
      else if (on > todayInDenmark()) throwValidation([courseFieldError('on', 'DATE_IN_FUTURE')]);
      const enrolment = await runnableEnrolment(context, enrolmentId);
      if (enrolment.withdrawnOn) throwValidation([courseFieldError('enrolmentId', 'WITHDRAWN')]);
      const actor = {
        userId: context.user?.id ?? null,
        organizationId: enrolment.organizationId,
        requestId: context.requestId,
      };
      return prisma().$transaction(async (tx) => {
        const updated = await tx.enrolment.update({
          ...query,
          where: { id: enrolment.id },
          data: { withdrawnOn: dateColumn(on), withdrawnReason: reason },
        });
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: 'UPDATE',
            entity: 'Enrolment',
            entityId: enrolment.id,
            personId: enrolment.personId,
            detail: { withdrawn: true, reason },
          }),
        });
        return updated;
      });
    },
  }),
);
