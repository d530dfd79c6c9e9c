import type { RiskAssessment, RiskRoute } from '@vi/db';
import { checkRiskAssessment } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { database, prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { openText, sealText } from '../persons/field-crypto.ts';
import { NOT_A_SHELTER_PERSON } from '../shelter-aftercare/shelter-access.ts';
import { INTAKE_READER_ROLES, RISK_ASSESSOR_ROLES } from './course-access.ts';

/** Who reads the list of re-assessments due: the assessors, and the coordinators who book them. */
const REASSESSMENT_LIST_ROLES = ['INTAKE_COORDINATOR', ...RISK_ASSESSOR_ROLES] as const;

import { RiskRouteEnum } from './course-enums.ts';
import { dateColumn, isoDateOf, todayInDenmark } from './iso-date.ts';
import { applyDecisionToWaitingList, writeDecisionIntoRegistration } from './risk-decision.ts';

/**
 * A SARA-V3 assessment and the decision it led to. The result and the
 * safety plan are readable by assessors only (and null in anonymous
 * organisations, which never store them); the routes are readable by
 * everyone who plans what happens next.
 */
export const RiskAssessmentRef = builder.prismaObject('RiskAssessment', {
  authScopes: organizationRecordScope<RiskAssessment>({
    entity: 'RiskAssessment',
    roles: INTAKE_READER_ROLES,
    personId: (assessment) => assessment.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    assessedOn: t.expose('assessedOn', { nullable: false, type: 'Date' }),
    reassessOn: t.expose('reassessOn', { type: 'Date', nullable: true }),
    routes: t.expose('routes', { nullable: false, type: [RiskRouteEnum] }),
    otherSupport: t.string({ nullable: true, resolve: (assessment) => openText(assessment.otherSupport) }),
    riskLevel: t.exposeString('riskLevel', {
      nullable: true,
      authScopes: { role: RISK_ASSESSOR_ROLES },
      description: 'Null in anonymous organisations. Assessors only.',
    }),
    safetyPlan: t.string({
      nullable: true,
      authScopes: { role: RISK_ASSESSOR_ROLES },
      description: 'Null in anonymous organisations. Assessors only.',
      resolve: (assessment) => openText(assessment.safetyPlan),
    }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (assessment) => assessment.person.pseudonym,
    }),
    alias: t.string({
      nullable: true,
      select: { person: { select: { contact: { select: { alias: true, name: true } } } } },
      description: 'Name (journalised) or alias, for recognising the person on the list.',
      resolve: async (assessment) =>
        (await openText(assessment.person.contact?.name)) ??
        (await openText(assessment.person.contact?.alias)),
    }),
  }),
});

builder.prismaObjectField('IntakeRegistration', 'latestRiskAssessment', (t) =>
  t.field({
    type: RiskAssessmentRef,
    nullable: true,
    select: {
      person: {
        select: {
          riskAssessments: { orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }], take: 1 },
        },
      },
    },
    resolve: (intake) => intake.person.riskAssessments[0] ?? null,
  }),
);

builder.queryField('reassessmentsDue', (t) =>
  t.prismaField({
    nullable: false,
    type: ['RiskAssessment'],
    description:
      "Each person's latest assessment whose re-assessment date falls within `withinDays` from today (or has passed). The assessors' work list; intake coordinators see it too, to book the talks (the dates and routes they already read on the registrations, never the assessment's content).",
    authScopes: { role: REASSESSMENT_LIST_ROLES },
    args: { withinDays: t.arg.int({ defaultValue: 14 }) },
    resolve: async (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const withinDays = Math.min(Math.max(args.withinDays ?? 14, 0), 365);
      const horizon = dateColumn(todayInDenmark());
      horizon.setUTCDate(horizon.getUTCDate() + withinDays);
      // Each person's latest assessment, picked in SQL (DISTINCT ON), so a superseded date never shows
      // as due and no assessment rows are loaded into the gateway to find it.
      const due = await database().query<{ id: string }>(
        `SELECT id FROM (
           SELECT DISTINCT ON ("personId") id, "reassessOn"
           FROM "RiskAssessment"
           WHERE "organizationId" = $1::uuid
           ORDER BY "personId", "assessedOn" DESC, "createdAt" DESC
         ) latest
         WHERE "reassessOn" IS NOT NULL AND "reassessOn" <= $2::date`,
        [organizationId, isoDateOf(horizon)],
      );
      const dueIds = due.map((row) => row.id);
      return prisma().riskAssessment.findMany({
        ...query,
        where: { id: { in: dueIds }, organizationId },
        orderBy: [{ reassessOn: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);

export const RecordRiskAssessmentInput = builder.inputType('RecordRiskAssessmentInput', {
  fields: (t) => ({
    personId: t.id({ required: true }),
    assessedOn: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    riskLevel: t.string({ description: "One of the organisation's risk levels; refused when anonymous." }),
    safetyPlan: t.string({ description: 'Refused in anonymous organisations.' }),
    reassessOn: t.string({ description: 'YYYY-MM-DD, after assessedOn.' }),
    routes: t.field({ type: [RiskRouteEnum], required: true }),
    otherSupport: t.string({ description: 'Required with OTHER_SUPPORT.' }),
  }),
});

builder.mutationField('recordRiskAssessment', (t) =>
  t.prismaField({
    nullable: false,
    type: 'RiskAssessment',
    description:
      'Records a risk assessment and the routes it decided. A route to a group course puts the person on the waiting list.',
    authScopes: { role: RISK_ASSESSOR_ROLES },
    args: { input: t.arg({ type: RecordRiskAssessmentInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const organization = await prisma().organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { stance: true, riskLevels: true },
      });
      const checked = checkRiskAssessment(input, { ...organization, today: todayInDenmark() });
      if (!checked.ok) throwValidation(checked.errors);
      if (!checked.ok) throw gatewayError(ErrorCode.INTERNAL);
      const assessment = checked.assessment;
      const person = isUuid(input.personId)
        ? await prisma().person.findFirst({
            // A shelter's woman or child is unknown here (shelter-access.ts).
            where: { id: input.personId, organizationId, ...NOT_A_SHELTER_PERSON },
            select: { id: true },
          })
        : null;
      if (!person) {
        if (isUuid(input.personId))
          context.audit({
            action: 'DENIED',
            entity: 'Person',
            entityId: input.personId,
            detail: { reason: 'NOT_FOUND' },
          });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }

      const routes = assessment.routes as RiskRoute[];
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const created = await tx.riskAssessment.create({
          ...query,
          data: {
            organizationId,
            personId: person.id,
            assessorId: context.user?.id ?? null,
            assessedOn: dateColumn(assessment.assessedOn),
            riskLevel: assessment.riskLevel,
            safetyPlan: await sealText(organizationId, assessment.safetyPlan, tx),
            reassessOn: assessment.reassessOn ? dateColumn(assessment.reassessOn) : null,
            routes,
            otherSupport: await sealText(organizationId, assessment.otherSupport, tx),
          },
        });
        // The registration form's "referred to" (question 8) is this decision.
        await writeDecisionIntoRegistration(tx, organizationId, person.id, assessment);
        const audit = [
          auditRow(actor, {
            action: 'CREATE',
            entity: 'RiskAssessment',
            entityId: created.id,
            personId: person.id,
            // The decision only: the assessment's content never goes into the trail.
            detail: { routes },
          }),
          ...(await applyDecisionToWaitingList(
            tx,
            actor,
            { id: person.id, organizationId },
            { routes, waitingSince: assessment.assessedOn },
          )),
        ];
        await tx.auditEvent.createMany({ data: audit });
        return created;
      });
    },
  }),
);

// The organisation's own SARA-V3 risk levels and waiting limit, for the forms and lists that use them.
builder.prismaObjectFields('Organization', (t) => ({
  riskLevels: t.exposeStringList('riskLevels', {
    nullable: false,
    description: "The organisation's SARA-V3 risk levels, in order (unused in anonymous organisations).",
  }),
  waitingLimitDays: t.exposeInt('waitingLimitDays', {
    nullable: false,
    description: 'Waiting longer than this for a group course is flagged.',
  }),
}));
