import type { Attendance, Course, CourseSession } from '@vi/db';
import {
  courseFieldError,
  courseWarnings,
  type FieldError,
  fieldError,
  LEADERS_PER_COURSE,
  sessionGapWarnings,
  validateSessionDates,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import {
  COURSE_MANAGER_ROLES,
  COURSE_READER_ROLES,
  canSeeCourse,
  courseRecordScope,
  forgetLedCourses,
  visibleCoursesWhere,
} from './course-access.ts';
import { CourseWarningRef } from './course-warning.ts';
import { dateColumn, isoDateOf } from './iso-date.ts';

export const COURSE_TEXT_MAX = { name: 80, venue: 120 } as const;

type LeaderShape = { userId: string; displayName: string; organizationId: string };

/** A group leader, by display name only (staff, not a person the organisation works with). */
export const GroupLeaderRef = builder.objectRef<LeaderShape>('GroupLeader').implement({
  authScopes: (leader, context) => leader.organizationId === context.organizationId,
  fields: (t) => ({
    userId: t.exposeID('userId', { nullable: false }),
    displayName: t.exposeString('displayName', { nullable: false }),
  }),
});

export const CourseRef = builder.prismaObject('Course', {
  authScopes: courseRecordScope<Course>({
    entity: 'Course',
    course: (course) => course,
    id: (course) => course.id,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    venue: t.exposeString('venue', { nullable: false }),
    startsOn: t.expose('startsOn', { nullable: false, type: 'Date' }),
    modulePlanName: t.string({
      nullable: true,
      select: { modulePlan: { select: { name: true } } },
      resolve: (course) => course.modulePlan?.name ?? null,
    }),
    sessions: t.relation('sessions', { nullable: false, query: { orderBy: { number: 'asc' } } }),
    enrolments: t.relation('enrolments', {
      nullable: false,
      query: { orderBy: [{ enrolledAt: 'asc' }, { id: 'asc' }] },
    }),
    leaders: t.field({
      nullable: false,
      type: [GroupLeaderRef],
      select: { leaders: { select: { userId: true, user: { select: { displayName: true } } } } },
      resolve: (course) =>
        course.leaders.map((leader) => ({
          userId: leader.userId,
          displayName: leader.user.displayName,
          organizationId: course.organizationId,
        })),
    }),
    participantCount: t.int({
      nullable: false,
      description: 'Enrolled and not withdrawn.',
      select: { _count: { select: { enrolments: { where: { withdrawnOn: null } } } } },
      resolve: (course) => course._count.enrolments,
    }),
    warnings: t.field({
      nullable: false,
      type: [CourseWarningRef],
      description: 'Gaps over 14 days between sessions and a group outside 6-8 participants.',
      select: {
        sessions: { select: { date: true }, orderBy: { number: 'asc' } },
        _count: { select: { enrolments: { where: { withdrawnOn: null } } } },
      },
      resolve: (course) =>
        courseWarnings({
          sessionDates: course.sessions.map((session) => isoDateOf(session.date)),
          participants: course._count.enrolments,
        }),
    }),
  }),
});

export const CourseSessionRef = builder.prismaObject('CourseSession', {
  include: { course: { select: { id: true, organizationId: true } } },
  authScopes: courseRecordScope<CourseSession & { course: { id: string; organizationId: string } }>({
    entity: 'CourseSession',
    course: (session) => session.course,
    id: (session) => session.id,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    number: t.exposeInt('number', { nullable: false }),
    date: t.expose('date', { nullable: false, type: 'Date' }),
    title: t.exposeString('title', { nullable: false }),
    attendance: t.relation('attendance', { nullable: false }),
  }),
});

export const AttendanceRef = builder.prismaObject('Attendance', {
  include: { enrolment: { select: { courseId: true, organizationId: true, personId: true } } },
  authScopes: courseRecordScope<
    Attendance & { enrolment: { courseId: string; organizationId: string; personId: string } }
  >({
    entity: 'Attendance',
    course: (row) => ({ id: row.enrolment.courseId, organizationId: row.enrolment.organizationId }),
    id: (row) => `${row.sessionId}:${row.enrolmentId}`,
    personId: (row) => row.enrolment.personId,
  }),
  fields: (t) => ({
    sessionId: t.exposeID('sessionId', { nullable: false }),
    enrolmentId: t.exposeID('enrolmentId', { nullable: false }),
    present: t.exposeBoolean('present', { nullable: false }),
  }),
});

builder.queryField('courses', (t) =>
  t.prismaField({
    nullable: false,
    type: ['Course'],
    description: 'Courses of the active organisation; group leaders get the ones they lead.',
    authScopes: { role: COURSE_READER_ROLES },
    resolve: (query, _root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().course.findMany({
        ...query,
        where: visibleCoursesWhere(context, organizationId),
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

builder.queryField('course', (t) =>
  t.prismaField({
    nullable: false,
    type: 'Course',
    authScopes: { role: COURSE_READER_ROLES },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, context) => {
      const organizationId = requireOrganizationId(context);
      const course = isUuid(id)
        ? await prisma().course.findFirst({
            ...query,
            where: { id, ...visibleCoursesWhere(context, organizationId) },
          })
        : null;
      if (!course) {
        if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'Course', entityId: id });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      return course;
    },
  }),
);

builder.queryField('groupLeaders', (t) =>
  t.field({
    nullable: false,
    type: [GroupLeaderRef],
    description: 'Staff holding the group-leader role in the active organisation.',
    authScopes: { role: COURSE_MANAGER_ROLES },
    resolve: async (_root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      const memberships = await prisma().membership.findMany({
        where: { organizationId, role: 'GROUP_LEADER', user: { disabledAt: null } },
        select: { userId: true, user: { select: { displayName: true } } },
        orderBy: { user: { displayName: 'asc' } },
      });
      return memberships.map((m) => ({ userId: m.userId, displayName: m.user.displayName, organizationId }));
    },
  }),
);

export const CreateCourseInput = builder.inputType('CreateCourseInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    venue: t.string({ required: true }),
    modulePlanId: t.id({ required: true, description: 'A template or one of the organisation’s plans.' }),
    sessionDates: t.stringList({ required: true, description: 'Ten dates (YYYY-MM-DD), in order.' }),
    leaderIds: t.idList({ required: true, description: 'The two group leaders (user ids).' }),
  }),
});

const CreateCoursePayloadRef = builder
  .objectRef<{ course: { id: string; organizationId: string }; warnings: ReturnType<typeof courseWarnings> }>(
    'CreateCoursePayload',
  )
  .implement({
    authScopes: (payload, context) => canSeeCourse(context, payload.course),
    fields: (t) => ({
      course: t.prismaField({
        nullable: false,
        type: 'Course',
        resolve: (query, payload) =>
          prisma().course.findUniqueOrThrow({ ...query, where: { id: payload.course.id } }),
      }),
      warnings: t.field({
        nullable: false,
        type: [CourseWarningRef],
        resolve: (payload) => payload.warnings,
      }),
    }),
  });

builder.mutationField('createCourse', (t) =>
  t.field({
    nullable: false,
    type: CreateCoursePayloadRef,
    description:
      'Creates a course from a module plan: ten sessions with the plan’s titles, two leaders, a venue. Returns warnings, never blocks on them.',
    authScopes: { role: COURSE_MANAGER_ROLES },
    args: { input: t.arg({ type: CreateCourseInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const errors: FieldError[] = [];
      const name = input.name.trim();
      const venue = input.venue.trim();
      if (!name) errors.push(fieldError('name', 'REQUIRED'));
      else if (name.length > COURSE_TEXT_MAX.name) {
        errors.push(fieldError('name', 'TOO_LONG', { maxLength: COURSE_TEXT_MAX.name }));
      }
      if (!venue) errors.push(fieldError('venue', 'REQUIRED'));
      else if (venue.length > COURSE_TEXT_MAX.venue) {
        errors.push(fieldError('venue', 'TOO_LONG', { maxLength: COURSE_TEXT_MAX.venue }));
      }
      errors.push(...validateSessionDates(input.sessionDates));

      const plan = isUuid(input.modulePlanId)
        ? await prisma().modulePlan.findFirst({
            where: { id: input.modulePlanId, OR: [{ organizationId: null }, { organizationId }] },
            select: { id: true, modules: true },
          })
        : null;
      if (!plan) errors.push(fieldError('modulePlanId', 'UNKNOWN_OPTION'));

      const leaderIds = [...input.leaderIds];
      if (leaderIds.length !== LEADERS_PER_COURSE)
        errors.push(courseFieldError('leaderIds', 'WRONG_LEADER_COUNT'));
      else if (new Set(leaderIds).size !== leaderIds.length) {
        errors.push(courseFieldError('leaderIds', 'DUPLICATE_LEADER'));
      } else {
        const leaders = await prisma().membership.findMany({
          where: {
            organizationId,
            role: 'GROUP_LEADER',
            userId: { in: leaderIds.filter(isUuid) },
            user: { disabledAt: null },
          },
          select: { userId: true },
        });
        leaderIds.forEach((id, index) => {
          if (!leaders.some((leader) => leader.userId === id)) {
            errors.push(courseFieldError(`leaderIds.${index}`, 'NOT_A_GROUP_LEADER'));
          }
        });
      }
      throwValidation(errors);
      if (!plan) throw gatewayError(ErrorCode.INTERNAL);

      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      const course = await prisma().$transaction(async (tx) => {
        const created = await tx.course.create({
          data: {
            organizationId,
            modulePlanId: plan.id,
            name,
            venue,
            startsOn: dateColumn(input.sessionDates[0]!),
            leaders: { create: leaderIds.map((userId) => ({ userId })) },
            sessions: {
              create: input.sessionDates.map((date, index) => ({
                number: index + 1,
                date: dateColumn(date),
                title: plan.modules[index] ?? `${index + 1}`,
              })),
            },
          },
          select: { id: true, organizationId: true },
        });
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: 'CREATE',
            entity: 'Course',
            entityId: created.id,
            detail: { modulePlanId: plan.id, leaders: leaderIds.length },
          }),
        });
        return created;
      });
      forgetLedCourses(context);
      // Only the schedule is known yet; group size is warned about as people are enrolled.
      return { course, warnings: sessionGapWarnings(input.sessionDates) };
    },
  }),
);
