import type { CallOutcome, DeclineReason, SurveyStatus } from '@vi/db';
import {
  type CallOutcomeInput,
  eraseAfterFor,
  type IncidentTypeCode,
  needsNoMessageReminder,
  planCallOutcome,
  type ReachAnswersInput,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { GenderEnum, IncidentTypeEnum, OutreachStatusEnum, PersonRoleEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import {
  type IssuedSurveyLink,
  issueOutreachSurveyLink,
  sendOutreachSurveySms,
} from '../outreach-survey/survey-link.ts';
import { openText, sealText } from '../persons/field-crypto.ts';
import {
  checkedReachAnswers,
  loadReachAnswers,
  ReachAnswersInputRef,
  ReachAnswersRef,
  writeReachAnswers,
} from '../reach/reach-answers.ts';
import { CASE_NOT_AVAILABLE } from './call-queue.ts';
import { auditWrites } from './outreach-audit.ts';
import { CallOutcomeEnum, DeclineReasonEnum, SurveyStatusEnum } from './outreach-enums.ts';
import { CALLER_ROLES } from './outreach-roles.ts';

/** What the call screen shows: the claimed case with the person's contact details. */
export interface CallCaseShape {
  id: string;
  organizationId: string;
  personId: string;
  pseudonym: string;
  name: string | null;
  phone: string | null;
  incidentType: IncidentTypeCode;
  occurredOn: Date;
  role: string;
  gender: string | null;
  ageAtIncident: number | null;
  status: string;
  attemptCount: number;
  maxCallAttempts: number;
  claimExpiresAt: Date | null;
  nextAttemptAfter: Date | null;
  attempts: EarlierAttempt[];
}

/** One earlier call to the person: when, what happened, and whether it was about another incident. */
export interface EarlierAttempt {
  at: Date;
  outcome: string;
  otherIncident: boolean;
}

/**
 * The earlier attempts the worker must know before dialling: this case's, and those on other
 * incidents with the same phone number (matched by the contact's keyed lookup hash, never by the
 * number itself). A "not safe to talk" yesterday on another incident means someone else may
 * answer this phone too.
 */
async function loadEarlierAttempts(
  organizationId: string,
  caseId: string,
  personId: string,
): Promise<EarlierAttempt[]> {
  const rows = await prisma().$queryRawUnsafe<{ at: Date; outcome: string; case_id: string }[]>(
    // "at" is UTC wall time without a zone: say so, for a driver that would read it as local time.
    `SELECT a.at AT TIME ZONE 'UTC' AS at, a.outcome::text AS outcome, a."caseId" AS case_id
       FROM "CallAttempt" a
      WHERE a."organizationId" = $1::uuid
        AND (a."caseId" = $2::uuid
             OR a."caseId" IN (
               -- The same number's other cases, through the (organisationId, contactLookup) index.
               SELECT c.id FROM "PersonContact" mine
                 JOIN "PersonContact" other
                   ON other."organizationId" = $1::uuid AND other."contactLookup" = mine."contactLookup"
                 JOIN "OutreachCase" c ON c."personId" = other."personId" AND c."organizationId" = $1::uuid
                WHERE mine."personId" = $3::uuid AND mine."contactLookup" IS NOT NULL))
      ORDER BY a.at DESC
      LIMIT 20`,
    organizationId,
    caseId,
    personId,
  );
  return rows.map((r) => ({ at: new Date(r.at), outcome: r.outcome, otherIncident: r.case_id !== caseId }));
}

const CLAIM_EXPIRED = {
  da: 'Din reservation af personen er udløbet. Åbn personen fra køen igen.',
  en: 'Your claim on this person has expired. Open the person from the queue again.',
};

/**
 * Loads a case only while the worker holds an unexpired claim on it: contact details
 * are shown to the one worker who is about to call, never to the whole queue.
 */
async function loadClaimedCase(context: GatewayContext, caseId: string): Promise<CallCaseShape> {
  const organizationId = requireOrganizationId(context);
  const user = requireUser(context);
  const row = await prisma().outreachCase.findFirst({
    where: { id: caseId, organizationId },
    select: {
      id: true,
      organizationId: true,
      personId: true,
      incidentType: true,
      role: true,
      gender: true,
      ageAtIncident: true,
      status: true,
      attemptCount: true,
      claimedById: true,
      claimExpiresAt: true,
      nextAttemptAfter: true,
      incident: { select: { occurredOn: true } },
      person: { select: { pseudonym: true, contact: { select: { name: true, phone: true } } } },
      organization: { select: { maxCallAttempts: true } },
    },
  });
  if (!row) throw gatewayError(ErrorCode.NOT_FOUND);
  if (row.claimedById !== user.id || !row.claimExpiresAt || row.claimExpiresAt < new Date()) {
    throw gatewayError(ErrorCode.CONFLICT, { message: CLAIM_EXPIRED });
  }
  context.audit({
    action: 'READ',
    entity: 'OutreachCase',
    entityId: row.id,
    personId: row.personId,
    detail: { contact: true },
  });
  return {
    id: row.id,
    organizationId: row.organizationId,
    personId: row.personId,
    pseudonym: row.person.pseudonym,
    name: await openText(row.person.contact?.name),
    phone: await openText(row.person.contact?.phone),
    incidentType: row.incidentType as IncidentTypeCode,
    occurredOn: row.incident.occurredOn,
    role: row.role,
    gender: row.gender,
    ageAtIncident: row.ageAtIncident,
    status: row.status,
    attemptCount: row.attemptCount,
    maxCallAttempts: row.organization.maxCallAttempts,
    claimExpiresAt: row.claimExpiresAt,
    nextAttemptAfter: row.nextAttemptAfter,
    attempts: await loadEarlierAttempts(organizationId, row.id, row.personId),
  };
}

const EarlierAttemptRef = builder.objectRef<EarlierAttempt>('EarlierCallAttempt').implement({
  description: 'An earlier call to the person on the call screen (no worker, no reason: only what happened).',
  authScopes: { role: CALLER_ROLES },
  fields: (t) => ({
    at: t.field({ nullable: false, type: 'DateTime', resolve: (a) => a.at }),
    outcome: t.field({ nullable: false, type: CallOutcomeEnum, resolve: (a) => a.outcome as never }),
    otherIncident: t.exposeBoolean('otherIncident', {
      nullable: false,
      description: 'True when the attempt was about another incident with the same phone number.',
    }),
  }),
});

const CallCaseRef = builder.objectRef<CallCaseShape>('CallCase').implement({
  description: 'A claimed case on the call screen, with the contact details needed to call.',
  authScopes: (c, context) => (c.organizationId === context.organizationId ? { role: CALLER_ROLES } : false),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    pseudonym: t.exposeString('pseudonym', { nullable: false }),
    name: t.exposeString('name', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    incidentType: t.field({ nullable: false, type: IncidentTypeEnum, resolve: (c) => c.incidentType }),
    occurredOn: t.field({ nullable: false, type: 'Date', resolve: (c) => c.occurredOn }),
    role: t.field({ nullable: false, type: PersonRoleEnum, resolve: (c) => c.role as never }),
    gender: t.field({ type: GenderEnum, nullable: true, resolve: (c) => c.gender as never }),
    ageAtIncident: t.exposeInt('ageAtIncident', { nullable: true }),
    status: t.field({ nullable: false, type: OutreachStatusEnum, resolve: (c) => c.status as never }),
    attemptCount: t.exposeInt('attemptCount', { nullable: false }),
    maxCallAttempts: t.exposeInt('maxCallAttempts', { nullable: false }),
    claimExpiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.claimExpiresAt }),
    attempts: t.field({
      nullable: false,
      type: [EarlierAttemptRef],
      description:
        'Earlier attempts, newest first: this case and other incidents with the same phone number.',
      resolve: (c) => c.attempts,
    }),
    reach: t.field({
      type: ReachAnswersRef,
      nullable: true,
      description:
        'Who we reach: the answers recorded on an earlier call of this case (null when none), so the worker sees and can correct them.',
      resolve: (c) => loadReachAnswers(prisma(), c.organizationId, { outreachCaseId: c.id }, c.personId),
    }),
    noMessageReminder: t.boolean({
      nullable: false,
      description:
        'Intimate-partner violence or sexual offence possible: never leave a message that names the purpose.',
      resolve: (c) => needsNoMessageReminder(c.incidentType),
    }),
  }),
});

builder.queryField('callCase', (t) =>
  t.field({
    nullable: false,
    type: CallCaseRef,
    description:
      'The case the worker has claimed, for the call screen. CONFLICT when the claim is not theirs or expired.',
    authScopes: { role: CALLER_ROLES },
    args: { caseId: t.arg.id({ required: true }) },
    resolve: (_root, { caseId }, context) => loadClaimedCase(context, String(caseId)),
  }),
);

const CallOutcomeInputRef = builder.inputType('CallOutcomeInput', {
  fields: (t) => ({
    outcome: t.field({ type: CallOutcomeEnum, required: true }),
    declineReason: t.field({ type: DeclineReasonEnum }),
    declineReasonText: t.string(),
    surveyStatus: t.field({ type: SurveyStatusEnum }),
    referralConsent: t.boolean({
      description:
        'The person explicitly agreed that their details go to a counsellor. Required for WANTS_CALL.',
    }),
    reach: t.field({
      type: ReachAnswersInputRef,
      description:
        'Who we reach, saved with the outcome: left out = unchanged, all fields empty = the recorded answers are removed.',
    }),
  }),
});

export interface CallResultShape {
  caseId: string;
  status: string;
  attemptCount: number;
  nextAttemptAfter: Date | null;
  referralId: string | null;
  showSafeContactGuidance: boolean;
  /** The user survey's one-time link, when this call recorded OFFERED_ACCEPTED (outreach-survey/). */
  surveyLink?: IssuedSurveyLink | null;
}

export const CallResultRef = builder.objectRef<CallResultShape>('CallResult').implement({
  authScopes: { role: CALLER_ROLES },
  fields: (t) => ({
    caseId: t.exposeID('caseId', { nullable: false }),
    status: t.field({ nullable: false, type: OutreachStatusEnum, resolve: (r) => r.status as never }),
    attemptCount: t.exposeInt('attemptCount', { nullable: false }),
    nextAttemptAfter: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.nextAttemptAfter }),
    referralId: t.id({ nullable: true, resolve: (r) => r.referralId }),
    showSafeContactGuidance: t.boolean({
      nullable: false,
      description: 'True after NOT_SAFE_TO_TALK: the app shows the organisation safe-contact guidance.',
      resolve: (r) => r.showSafeContactGuidance,
    }),
  }),
});

/**
 * Records one call. The worker must hold the claim; the row is locked so a double
 * submit cannot count two attempts. Everything (attempt, case, referral with its
 * consent time, retention date, audit) commits together.
 */
export async function recordCallOutcome(
  context: GatewayContext,
  caseId: string,
  input: CallOutcomeInput & { reach?: ReachAnswersInput | null },
  now = new Date(),
): Promise<CallResultShape> {
  const organizationId = requireOrganizationId(context);
  const user = requireUser(context);
  // Checked before the transaction: a bad code refuses the whole call, outcome included.
  const { reach: reachInput, ...outcomeInput } = input;
  const reach = checkedReachAnswers(reachInput);
  const result = await prisma().$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<
      {
        id: string;
        person_id: string;
        status: string;
        attempt_count: number;
        claimed_by: string | null;
        claim_expires_at: Date | null;
        max_attempts: number;
        retention_days: number;
      }[]
    >(
      `SELECT c.id, c."personId" AS person_id, c.status::text AS status, c."attemptCount" AS attempt_count,
              c."claimedById" AS claimed_by, c."claimExpiresAt" AS claim_expires_at,
              o."maxCallAttempts" AS max_attempts, o."contactRetentionDays" AS retention_days
         FROM "OutreachCase" c JOIN "Organization" o ON o.id = c."organizationId"
        WHERE c.id = $1::uuid AND c."organizationId" = $2::uuid
        FOR UPDATE OF c`,
      caseId,
      organizationId,
    );
    const row = locked[0];
    if (!row) throw gatewayError(ErrorCode.NOT_FOUND);
    if (
      row.status !== 'OPEN' ||
      row.claimed_by !== user.id ||
      !row.claim_expires_at ||
      new Date(row.claim_expires_at) < now
    ) {
      throw gatewayError(ErrorCode.CONFLICT, {
        message: row.status === 'OPEN' ? CLAIM_EXPIRED : CASE_NOT_AVAILABLE,
      });
    }
    const plan = planCallOutcome(outcomeInput, {
      attemptCount: Number(row.attempt_count),
      maxCallAttempts: Number(row.max_attempts),
      now,
    });
    if (!plan.ok) throwValidation(plan.errors);
    if (!plan.ok) throw new Error('unreachable');
    const effect = plan.effect;
    await tx.callAttempt.create({
      data: { organizationId, caseId, workerId: user.id, at: now, outcome: effect.outcome as CallOutcome },
    });
    await tx.outreachCase.update({
      where: { id: caseId },
      data: {
        status: effect.status,
        outcome: effect.outcome as CallOutcome,
        attemptCount: effect.attemptCount,
        declineReason: effect.declineReason as DeclineReason | null,
        declineReasonText: await sealText(organizationId, effect.declineReasonText, tx),
        surveyStatus: effect.surveyStatus as SurveyStatus | null,
        nextAttemptAfter: effect.nextAttemptAfter,
        reachedAt: effect.reached ? now : null,
        closedAt: effect.closed ? now : null,
        // The call is over: the case goes back to the queue (or out of it) for everyone.
        claimedById: null,
        claimExpiresAt: null,
      },
    });
    // Before the survey link: its SMS is written in the language this call recorded.
    const reachWrite = reach
      ? await writeReachAnswers(tx, context, organizationId, { outreachCaseId: caseId }, reach)
      : null;
    // The survey link commits with the call; its SMS goes after the commit (below).
    const surveyLink =
      effect.surveyStatus === 'OFFERED_ACCEPTED'
        ? await issueOutreachSurveyLink(tx, context, { organizationId, caseId, personId: row.person_id, now })
        : null;
    let referralId: string | null = null;
    if (effect.createReferral) {
      const referral = await tx.referral.create({
        data: { organizationId, caseId, consentAt: now },
        select: { id: true },
      });
      referralId = referral.id;
    } else if (effect.closed) {
      // Closed without a referral: the contact details go after the retention period.
      await tx.personContact.updateMany({
        where: { personId: row.person_id },
        data: { eraseAfter: eraseAfterFor(now, Number(row.retention_days)) },
      });
    }
    await auditWrites(tx, context, [
      {
        action: 'UPDATE',
        entity: 'OutreachCase',
        entityId: caseId,
        personId: row.person_id,
        // Only the outcome code: never a reason, so the trail cannot reveal the purpose either.
        detail: { outcome: effect.outcome, status: effect.status },
      },
      ...(referralId
        ? [
            {
              action: 'CREATE' as const,
              entity: 'Referral',
              entityId: referralId,
              personId: row.person_id,
              detail: { consent: true },
            },
          ]
        : []),
      ...(reachWrite
        ? [
            {
              action: reachWrite.action,
              entity: 'ReachAnswers',
              entityId: reachWrite.id,
              personId: row.person_id,
              // Which answers are recorded, never the answers themselves.
              detail: { recorded: reachWrite.recorded },
            },
          ]
        : []),
    ]);
    return {
      caseId,
      status: effect.status,
      attemptCount: effect.attemptCount,
      nextAttemptAfter: effect.nextAttemptAfter,
      referralId,
      showSafeContactGuidance: effect.outcome === 'NOT_SAFE_TO_TALK',
      surveyLink,
    };
  });
  if (result.surveyLink) result.surveyLink = await sendOutreachSurveySms(result.surveyLink);
  return result;
}

builder.mutationField('recordCallOutcome', (t) =>
  t.field({
    nullable: false,
    type: CallResultRef,
    authScopes: { role: CALLER_ROLES },
    args: {
      caseId: t.arg.id({ required: true }),
      input: t.arg({ type: CallOutcomeInputRef, required: true }),
    },
    resolve: (_root, { caseId, input }, context) =>
      recordCallOutcome(context, String(caseId), {
        outcome: input.outcome as CallOutcomeInput['outcome'],
        declineReason: (input.declineReason ?? null) as CallOutcomeInput['declineReason'],
        declineReasonText: input.declineReasonText ?? null,
        surveyStatus: (input.surveyStatus ?? null) as CallOutcomeInput['surveyStatus'],
        referralConsent: input.referralConsent ?? null,
        reach: input.reach,
      }),
  }),
);
