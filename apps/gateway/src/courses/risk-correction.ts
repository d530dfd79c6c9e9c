import type { RiskRoute } from '@vi/db';
import { checkRiskAssessment, courseFieldError } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { database, prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { sealText } from '../persons/field-crypto.ts';
import { RISK_ASSESSOR_ROLES } from './course-access.ts';
import { RiskRouteEnum } from './course-enums.ts';
import { dateColumn, isoDateOf, todayInDenmark } from './iso-date.ts';
import { applyDecisionToWaitingList, writeDecisionIntoRegistration } from './risk-decision.ts';

/**
 * Why a saved decision is corrected. Codes, not free text, because the reason goes into the audit
 * trail, which never holds what a person told the assessor.
 */
export const RiskCorrectionReasonEnum = builder.enumType('RiskCorrectionReason', {
  values: {
    RECORDED_BY_MISTAKE: { description: 'The wrong decision was ticked or saved by mistake.' },
    NEW_INFORMATION: { description: 'New information about the person changes the decision.' },
    PERSON_CHANGED_MIND: { description: 'The person has changed their mind about the offer.' },
  },
});

builder.queryField('recentRiskDecisions', (t) =>
  t.prismaField({
    nullable: false,
    type: ['RiskAssessment'],
    description:
      "Each person's latest assessment made within `withinDays` (default 60), newest first: where an assessor finds a decision to correct, also one that took the person off every other list.",
    authScopes: { role: RISK_ASSESSOR_ROLES },
    args: { withinDays: t.arg.int({ defaultValue: 60 }) },
    resolve: async (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const withinDays = Math.min(Math.max(args.withinDays ?? 60, 0), 365);
      const from = dateColumn(todayInDenmark());
      from.setUTCDate(from.getUTCDate() - withinDays);
      // Latest per person in SQL (as reassessmentsDue does), so a superseded decision is not offered.
      const latest = await database().query<{ id: string }>(
        `SELECT id FROM (
           SELECT DISTINCT ON ("personId") id, "assessedOn"
           FROM "RiskAssessment"
           WHERE "organizationId" = $1::uuid
           ORDER BY "personId", "assessedOn" DESC, "createdAt" DESC
         ) latest
         WHERE "assessedOn" >= $2::date`,
        [organizationId, isoDateOf(from)],
      );
      return prisma().riskAssessment.findMany({
        ...query,
        where: { id: { in: latest.map((row) => row.id) }, organizationId },
        orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }],
        take: 200,
      });
    },
  }),
);

export const CorrectRiskDecisionInput = builder.inputType('CorrectRiskDecisionInput', {
  fields: (t) => ({
    assessmentId: t.id({ required: true, description: "The person's latest assessment." }),
    routes: t.field({ type: [RiskRouteEnum], required: true }),
    otherSupport: t.string({ description: 'Required with OTHER_SUPPORT.' }),
    reassessOn: t.string({ description: 'YYYY-MM-DD after the assessment, or empty for none.' }),
    reason: t.field({ type: RiskCorrectionReasonEnum, required: true }),
  }),
});

builder.mutationField('correctRiskDecision', (t) =>
  t.prismaField({
    nullable: false,
    type: 'RiskAssessment',
    description:
      "Corrects the decision of a person's latest assessment (routes, other support, re-assessment date) with a reason, and puts the person back on the right list. The assessment's date, result and safety plan stay; the change and its reason are audited.",
    authScopes: { role: RISK_ASSESSOR_ROLES },
    args: { input: t.arg({ type: CorrectRiskDecisionInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const found = isUuid(input.assessmentId)
        ? await prisma().riskAssessment.findFirst({
            where: { id: input.assessmentId, organizationId },
            select: {
              id: true,
              personId: true,
              assessedOn: true,
              createdAt: true,
              riskLevel: true,
              routes: true,
              reassessOn: true,
              otherSupport: true,
            },
          })
        : null;
      if (!found) {
        // Another organisation's id (or none at all): refused, and the attempt is in the trail.
        if (isUuid(input.assessmentId)) {
          context.audit({ action: 'DENIED', entity: 'RiskAssessment', entityId: input.assessmentId });
        }
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      const organization = await prisma().organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { stance: true, riskLevels: true },
      });
      const assessedOn = isoDateOf(found.assessedOn);
      // The same rules as a new decision; the assessment's own date and result are kept as they were.
      const checked = checkRiskAssessment(
        {
          assessedOn,
          riskLevel: found.riskLevel,
          reassessOn: input.reassessOn,
          routes: input.routes,
          otherSupport: input.otherSupport,
        },
        // The stored result counts as a known level even if the organisation has renamed its levels since.
        {
          ...organization,
          riskLevels: [...organization.riskLevels, found.riskLevel ?? ''],
          today: assessedOn,
        },
      );
      if (!checked.ok) throwValidation(checked.errors);
      const latest = await prisma().riskAssessment.findFirst({
        where: { organizationId, personId: found.personId },
        orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }],
        select: { id: true },
      });
      // A newer assessment has replaced this one: correct that one instead.
      if (latest?.id !== found.id)
        throwValidation([courseFieldError('assessmentId', 'NOT_LATEST_ASSESSMENT')]);
      if (!checked.ok) throw gatewayError(ErrorCode.INTERNAL);

      const routes = checked.assessment.routes as RiskRoute[];
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const updated = await tx.riskAssessment.update({
          ...query,
          where: { id: found.id },
          data: {
            routes,
            reassessOn: checked.assessment.reassessOn ? dateColumn(checked.assessment.reassessOn) : null,
            otherSupport: await sealText(organizationId, checked.assessment.otherSupport, tx),
          },
        });
        await writeDecisionIntoRegistration(tx, organizationId, found.personId, {
          routes,
          otherSupport: checked.assessment.otherSupport,
        });
        const audit = [
          auditRow(actor, {
            action: 'UPDATE',
            entity: 'RiskAssessment',
            entityId: found.id,
            personId: found.personId,
            // The decision before and after and why: codes and dates only, never the assessment's content.
            detail: {
              correction: true,
              reason: input.reason,
              routesBefore: found.routes,
              routes,
              reassessOnBefore: found.reassessOn ? isoDateOf(found.reassessOn) : null,
              reassessOn: checked.assessment.reassessOn,
            },
          }),
          ...(await applyDecisionToWaitingList(
            tx,
            actor,
            { id: found.personId, organizationId },
            {
              routes,
              waitingSince: assessedOn,
              // The waiting-list entry the wrong decision closed, if it did, is given back.
              reopenSince: todayInDenmark(found.createdAt),
            },
          )),
        ];
        await tx.auditEvent.createMany({ data: audit });
        return updated;
      });
    },
  }),
);
