import type { Role } from '@vi/db';
import { holdsRole } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';

// Who may do what in the group-course capability (DOMAIN 1 and 2.2).
// Group leaders see only the courses they lead; project leads and admins see
// every course of the active organisation. Nobody on staff reads a
// participant's questionnaire answers: there is no field that returns them.

export const INTAKE_ROLES = ['INTAKE_COORDINATOR', 'ADMIN'] as const satisfies readonly Role[];
/** May read intakes and the waiting list (the people who came forward). */
export const INTAKE_READER_ROLES = [
  'INTAKE_COORDINATOR',
  'RISK_ASSESSOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];
export const RISK_ASSESSOR_ROLES = ['RISK_ASSESSOR', 'ADMIN'] as const satisfies readonly Role[];
export const COURSE_MANAGER_ROLES = ['PROJECT_LEAD', 'ADMIN'] as const satisfies readonly Role[];
/** May put people from the waiting list into a course. */
export const ENROL_ROLES = ['INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN'] as const satisfies readonly Role[];
/** May see courses at all (leaders only their own, see `canSeeCourse`). */
export const COURSE_READER_ROLES = [
  'GROUP_LEADER',
  'INTAKE_COORDINATOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];
/** May run a course's sessions: attendance, forms, follow-up (leaders only their own). */
export const COURSE_RUNNER_ROLES = [
  'GROUP_LEADER',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

/** Sees every course of the organisation, not only the ones they lead. */
export function seesAllCourses(context: GatewayContext): boolean {
  return holdsRole(context, ['PROJECT_LEAD', 'ADMIN', 'INTAKE_COORDINATOR']);
}

export function runsAllCourses(context: GatewayContext): boolean {
  return holdsRole(context, COURSE_MANAGER_ROLES);
}

const ledCourses = new WeakMap<GatewayContext, Promise<ReadonlySet<string>>>();

/** Ids of the courses the caller leads, loaded once per request. */
export function coursesLedBy(context: GatewayContext): Promise<ReadonlySet<string>> {
  let pending = ledCourses.get(context);
  if (!pending) {
    const userId = context.user?.id;
    pending = userId
      ? prisma()
          .courseLeader.findMany({ where: { userId }, select: { courseId: true } })
          .then((rows) => new Set(rows.map((row) => row.courseId)))
      : Promise.resolve(new Set<string>());
    ledCourses.set(context, pending);
  }
  return pending;
}

/** Called after the caller is made a leader within this request (createCourse). */
export function forgetLedCourses(context: GatewayContext): void {
  ledCourses.delete(context);
}

export async function canSeeCourse(
  context: GatewayContext,
  course: { id: string; organizationId: string },
): Promise<boolean> {
  if (course.organizationId !== context.organizationId) return false;
  if (seesAllCourses(context)) return true;
  return holdsRole(context, 'GROUP_LEADER') && (await coursesLedBy(context)).has(course.id);
}

export async function canRunCourse(
  context: GatewayContext,
  course: { id: string; organizationId: string },
): Promise<boolean> {
  if (course.organizationId !== context.organizationId) return false;
  if (runsAllCourses(context)) return true;
  return holdsRole(context, 'GROUP_LEADER') && (await coursesLedBy(context)).has(course.id);
}

/** Where-clause for the courses the caller may see in the active organisation. */
export function visibleCoursesWhere(context: GatewayContext, organizationId: string) {
  if (seesAllCourses(context)) return { organizationId };
  return { organizationId, leaders: { some: { userId: context.user?.id ?? '' } } };
}

/**
 * Type-level scope for anything that belongs to a course (the course itself,
 * its sessions, enrolments, attendance): the course must be one the caller
 * may see, on every path that reaches the object. Reads are audited like
 * `organizationRecordScope` does for organisation records.
 */
export function courseRecordScope<Row>(options: {
  entity: string;
  course: (row: Row) => { id: string; organizationId: string };
  id: (row: Row) => string;
  personId?: (row: Row) => string | null;
}): (row: Row, context: GatewayContext) => Promise<boolean> {
  return async (row, context) => {
    const allowed = await canSeeCourse(context, options.course(row));
    if (!allowed) {
      context.audit({ action: 'DENIED', entity: options.entity, entityId: options.id(row) });
      return false;
    }
    context.audit({
      action: 'READ',
      entity: options.entity,
      entityId: options.id(row),
      personId: options.personId ? options.personId(row) : null,
    });
    return true;
  };
}
