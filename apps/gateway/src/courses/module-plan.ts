import { courseFieldError, type FieldError, fieldError, SESSIONS_PER_COURSE } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { COURSE_MANAGER_ROLES, COURSE_READER_ROLES } from './course-access.ts';

export const MODULE_TITLE_MAX = 120;
export const PLAN_NAME_MAX = 80;

/**
 * The ten session titles of a course. The Odense and Køge plans (DOMAIN 2.2,
 * table 2.1) are shared templates (no organisation); an organisation edits
 * its own copies.
 */
export const ModulePlanRef = builder.prismaObject('ModulePlan', {
  authScopes: (plan, context) =>
    (plan.organizationId === null || plan.organizationId === context.organizationId) &&
    holdsRole(context, COURSE_READER_ROLES),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    modules: t.exposeStringList('modules', { nullable: false }),
    isTemplate: t.boolean({ nullable: false, resolve: (plan) => plan.organizationId === null }),
  }),
});

builder.queryField('modulePlans', (t) =>
  t.prismaField({
    nullable: false,
    type: ['ModulePlan'],
    description: "The shared templates and the organisation's own plans.",
    authScopes: { role: COURSE_READER_ROLES },
    resolve: (query, _root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().modulePlan.findMany({
        ...query,
        where: { OR: [{ organizationId: null }, { organizationId }] },
        orderBy: [{ organizationId: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
      });
    },
  }),
);

export const SaveModulePlanInput = builder.inputType('SaveModulePlanInput', {
  fields: (t) => ({
    id: t.id({ description: "An own plan to change; omit to create a new one (e.g. a template's copy)." }),
    name: t.string({ required: true }),
    modules: t.stringList({ required: true, description: 'Ten titles, in session order.' }),
  }),
});

export function checkModulePlan(input: { name: string; modules: readonly string[] }): FieldError[] {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name.length === 0) errors.push(fieldError('name', 'REQUIRED'));
  else if (name.length > PLAN_NAME_MAX)
    errors.push(fieldError('name', 'TOO_LONG', { maxLength: PLAN_NAME_MAX }));
  if (input.modules.length !== SESSIONS_PER_COURSE)
    errors.push(courseFieldError('modules', 'WRONG_MODULE_COUNT'));
  input.modules.forEach((title, index) => {
    if (title.trim().length === 0) errors.push(fieldError(`modules.${index}`, 'REQUIRED'));
    else if (title.trim().length > MODULE_TITLE_MAX) {
      errors.push(fieldError(`modules.${index}`, 'TOO_LONG', { maxLength: MODULE_TITLE_MAX }));
    }
  });
  return errors;
}

builder.mutationField('saveModulePlan', (t) =>
  t.prismaField({
    nullable: false,
    type: 'ModulePlan',
    description:
      "Creates or changes one of the organisation's own module plans. Templates cannot be changed.",
    authScopes: { role: COURSE_MANAGER_ROLES },
    args: { input: t.arg({ type: SaveModulePlanInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      throwValidation(checkModulePlan(input));
      const data = { name: input.name.trim(), modules: input.modules.map((title) => title.trim()) };
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        let plan: Awaited<ReturnType<typeof tx.modulePlan.create>>;
        if (input.id) {
          const own = isUuid(input.id)
            ? await tx.modulePlan.findFirst({ where: { id: input.id, organizationId }, select: { id: true } })
            : null;
          if (!own) throw gatewayError(ErrorCode.NOT_FOUND);
          plan = await tx.modulePlan.update({ ...query, where: { id: own.id }, data });
        } else {
          plan = await tx.modulePlan.create({ ...query, data: { ...data, organizationId } });
        }
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: input.id ? 'UPDATE' : 'CREATE',
            entity: 'ModulePlan',
            entityId: plan.id,
          }),
        });
        return plan;
      });
    },
  }),
);
