import { courseFieldError, type FieldError } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { COURSE_RUNNER_ROLES, canRunCourse } from './course-access.ts';

export const AttendanceInput = builder.inputType('AttendanceInput', {
  fields: (t) => ({
    enrolmentId: t.id({ required: true }),
    present: t.boolean({ required: true }),
  }),
});

builder.mutationField('recordAttendance', (t) =>
  t.prismaField({
    nullable: false,
    type: 'CourseSession',
    description:
      'Records who was present at one session. Group leaders only for courses they lead. Recording again replaces the earlier marks.',
    authScopes: { role: COURSE_RUNNER_ROLES },
    args: {
      sessionId: t.arg.id({ required: true }),
      attendance: t.arg({ type: [AttendanceInput], required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const session = isUuid(args.sessionId)
        ? await prisma().courseSession.findFirst({
            where: { id: args.sessionId, course: { organizationId } },
            select: { id: true, courseId: true, number: true },
          })
        : null;
      if (!session || !(await canRunCourse(context, { id: session.courseId, organizationId }))) {
        if (isUuid(args.sessionId))
          context.audit({ action: 'DENIED', entity: 'CourseSession', entityId: args.sessionId });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      const enrolments = await prisma().enrolment.findMany({
        where: {
          courseId: session.courseId,
          id: { in: args.attendance.map((a) => a.enrolmentId).filter(isUuid) },
        },
        select: { id: true, personId: true },
      });
      const personOf = new Map(enrolments.map((e) => [e.id, e.personId]));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      args.attendance.forEach((mark, index) => {
        if (!personOf.has(mark.enrolmentId) || seen.has(mark.enrolmentId)) {
          errors.push(courseFieldError(`attendance.${index}.enrolmentId`, 'NOT_IN_COURSE'));
        }
        seen.add(mark.enrolmentId);
      });
      throwValidation(errors);

      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      const recordedById = context.user?.id ?? null;
      return prisma().$transaction(async (tx) => {
        for (const mark of args.attendance) {
          await tx.attendance.upsert({
            where: { sessionId_enrolmentId: { sessionId: session.id, enrolmentId: mark.enrolmentId } },
            create: {
              sessionId: session.id,
              enrolmentId: mark.enrolmentId,
              present: mark.present,
              recordedById,
            },
            update: { present: mark.present, recordedById, recordedAt: new Date() },
          });
        }
        await tx.auditEvent.createMany({
          data: args.attendance.map((mark) =>
            auditRow(actor, {
              action: 'UPDATE',
              entity: 'Attendance',
              entityId: `${session.id}:${mark.enrolmentId}`,
              personId: personOf.get(mark.enrolmentId) ?? null,
              detail: { session: session.number, present: mark.present },
            }),
          ),
        });
        return tx.courseSession.findUniqueOrThrow({ ...query, where: { id: session.id } });
      });
    },
  }),
);
