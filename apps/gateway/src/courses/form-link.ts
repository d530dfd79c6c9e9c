import { createHash, randomBytes } from 'node:crypto';
import type { QuestionnaireKind } from '@vi/db';
import {
  checkParticipantLocale,
  courseFieldError,
  endFormNotYetError,
  endFormOpen,
  endFormOpensAt,
  FORM_LINK_PROBLEM_MESSAGES,
  type FormLinkProblem,
  formLinkExpiresAt,
  formLinkState,
  inspireScoresFromAnswers,
  isWellFormedFormToken,
  validateAnswers,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { ParticipantTextOverrideRef, participantTextOverrides } from '../i18n/translation-overrides.ts';
import { logger } from '../logger.ts';
import { sealedAnswers } from '../persons/field-crypto.ts';
import { COURSE_RUNNER_ROLES } from './course-access.ts';
import { ParticipantFormKindEnum, QuestionnaireAnswersScalar } from './course-enums.ts';
import { runnableEnrolment } from './enrolment.ts';
import { isoDateOf, todayInDenmark } from './iso-date.ts';
import { isUniqueViolation } from './person-pseudonym.ts';
import { perLinkLimiter, unknownTokenLimiter } from './public-form-limiter.ts';

type ParticipantFormKind = 'BASELINE' | 'END';

export function hashFormToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token is returned once, to the leader who opened the link; only its hash is kept. */
type OpenedLink = {
  requestId: string;
  token: string;
  kind: ParticipantFormKind;
  expiresAt: Date;
  participantCode: string;
};

export const ParticipantFormLinkRef = builder.objectRef<OpenedLink>('ParticipantFormLink').implement({
  description:
    'A one-time link for a participant’s own form. Put `#t=<token>` after the form page’s address.',
  // Exists only in the response to the request that opened it.
  authScopes: (link, context) => link.requestId === context.requestId,
  fields: (t) => ({
    token: t.exposeString('token', { nullable: false }),
    kind: t.field({ nullable: false, type: ParticipantFormKindEnum, resolve: (link) => link.kind }),
    expiresAt: t.expose('expiresAt', { nullable: false, type: 'DateTime' }),
    participantCode: t.exposeString('participantCode', { nullable: false }),
  }),
});

builder.mutationField('openParticipantForm', (t) =>
  t.field({
    nullable: false,
    type: ParticipantFormLinkRef,
    description:
      'Opens a one-time link (or QR code) for a participant’s baseline or end form. Earlier unused links for the same form stop working.',
    authScopes: { role: COURSE_RUNNER_ROLES },
    args: {
      enrolmentId: t.arg.id({ required: true }),
      kind: t.arg({ type: ParticipantFormKindEnum, required: true }),
    },
    resolve: async (_root, { enrolmentId, kind }, context) => {
      const enrolment = await runnableEnrolment(context, enrolmentId);
      if (enrolment.withdrawnOn) throwValidation([courseFieldError('enrolmentId', 'WITHDRAWN')]);
      const done = await prisma().questionnaireResponse.count({
        where: { participantCode: enrolment.participantCode, kind },
      });
      if (done > 0) throwValidation([courseFieldError('kind', 'FORM_ALREADY_DONE')]);
      if (kind === 'END') await requireEndFormWindow(enrolment.courseId);

      const token = randomBytes(32).toString('base64url');
      const now = new Date();
      const expiresAt = formLinkExpiresAt(now);
      const actor = {
        userId: context.user?.id ?? null,
        organizationId: enrolment.organizationId,
        requestId: context.requestId,
      };
      await prisma().$transaction(async (tx) => {
        await tx.formLink.updateMany({
          where: { participantCode: enrolment.participantCode, kind, usedAt: null, expiresAt: { gt: now } },
          data: { expiresAt: now },
        });
        const link = await tx.formLink.create({
          data: {
            tokenHash: hashFormToken(token),
            organizationId: enrolment.organizationId,
            participantCode: enrolment.participantCode,
            kind,
            createdById: context.user?.id ?? null,
            expiresAt,
          },
          select: { id: true },
        });
        await tx.auditEvent.create({
          data: auditRow(actor, {
            action: 'CREATE',
            entity: 'FormLink',
            entityId: link.id,
            personId: enrolment.personId,
            detail: { kind },
          }),
        });
      });
      return {
        requestId: context.requestId,
        token,
        kind,
        expiresAt,
        participantCode: enrolment.participantCode,
      };
    },
  }),
);

/** The end form is opened only from the course's last sessions (domain end-form-window.ts says why). */
async function requireEndFormWindow(courseId: string): Promise<void> {
  const sessions = (
    await prisma().courseSession.findMany({ where: { courseId }, select: { number: true, date: true } })
  ).map((s) => ({ number: s.number, date: isoDateOf(s.date) }));
  if (endFormOpen(sessions, todayInDenmark())) return;
  const opens = endFormOpensAt(sessions);
  throwValidation([opens ? endFormNotYetError('kind', opens) : courseFieldError('kind', 'NO_SESSIONS')]);
}

function linkProblem(problem: FormLinkProblem): Error {
  const code = problem === 'INVALID_LINK' ? ErrorCode.NOT_FOUND : ErrorCode.CONFLICT;
  return gatewayError(problem === 'LINK_EXPIRED' ? ErrorCode.FORBIDDEN : code, {
    message: FORM_LINK_PROBLEM_MESSAGES[problem],
    extensions: { reason: problem },
  });
}

type LinkRow = {
  id: string;
  organizationId: string;
  participantCode: string;
  kind: QuestionnaireKind;
  expiresAt: Date;
  usedAt: Date | null;
};

/** Finds the link a token belongs to, or throws the message the participant should read. */
async function usableLink(
  token: string,
  context: GatewayContext,
): Promise<LinkRow & { kind: ParticipantFormKind }> {
  const hash = isWellFormedFormToken(token) ? hashFormToken(token) : null;
  const link = hash
    ? await prisma().formLink.findUnique({
        where: { tokenHash: hash },
        select: {
          id: true,
          organizationId: true,
          participantCode: true,
          kind: true,
          expiresAt: true,
          usedAt: true,
        },
      })
    : null;
  if (!link || !hash) {
    if (!(await unknownTokenLimiter.admit('unknown'))) throw gatewayError(ErrorCode.RATE_LIMITED);
    logger.warn({ requestId: context.requestId }, 'participant form: unknown or malformed link');
    throw linkProblem('INVALID_LINK');
  }
  if (!(await perLinkLimiter.admit(hash))) throw gatewayError(ErrorCode.RATE_LIMITED);
  const state = formLinkState(link, new Date());
  if (state !== 'OPEN' || (link.kind !== 'BASELINE' && link.kind !== 'END')) {
    await prisma().auditEvent.create({
      data: auditRow(
        { userId: null, organizationId: link.organizationId, requestId: context.requestId },
        { action: 'DENIED', entity: 'FormLink', entityId: link.id, detail: { state } },
      ),
    });
    throw linkProblem(state === 'USED' ? 'LINK_USED' : state === 'EXPIRED' ? 'LINK_EXPIRED' : 'INVALID_LINK');
  }
  return { ...link, kind: link.kind };
}

type PublicForm = {
  requestId: string;
  kind: ParticipantFormKind;
  expiresAt: Date;
  organizationName: string;
  /** Not exposed: only for the organisation's text overrides. */
  organizationId: string;
};

export const ParticipantFormRef = builder.objectRef<PublicForm>('ParticipantForm').implement({
  description: 'What the participant’s form page needs to show the right form. Nothing about the person.',
  // Built only from the link presented in this very request.
  authScopes: (form, context) => form.requestId === context.requestId,
  fields: (t) => ({
    kind: t.field({ nullable: false, type: ParticipantFormKindEnum, resolve: (form) => form.kind }),
    expiresAt: t.expose('expiresAt', { nullable: false, type: 'DateTime' }),
    organizationName: t.exposeString('organizationName', { nullable: false }),
    textOverrides: t.field({
      nullable: false,
      type: [ParticipantTextOverrideRef],
      description:
        "The form's organisation's replacements of built-in participant texts in one language (issue 14), to lay over the built-in catalogue; an unoffered language is a VALIDATION error.",
      args: { locale: t.arg.string({ required: true }) },
      resolve: (form, { locale }, context) => participantTextOverrides(context, form.organizationId, locale),
    }),
  }),
});

builder.queryField('participantForm', (t) =>
  t.field({
    nullable: false,
    type: ParticipantFormRef,
    description:
      'Public (no login): the form behind a one-time link. A changed, expired or used link gets a Danish and English message.',
    // Deliberately public: the participant has no account, the token is the key.
    skipTypeScopes: true,
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, context) => {
      const link = await usableLink(token, context);
      const organization = await prisma().organization.findUniqueOrThrow({
        where: { id: link.organizationId },
        select: { name: true },
      });
      return {
        requestId: context.requestId,
        kind: link.kind,
        expiresAt: link.expiresAt,
        organizationName: organization.name,
        organizationId: link.organizationId,
      };
    },
  }),
);

type Receipt = { requestId: string; kind: ParticipantFormKind; submittedAt: Date };

export const ParticipantFormReceiptRef = builder.objectRef<Receipt>('ParticipantFormReceipt').implement({
  authScopes: (receipt, context) => receipt.requestId === context.requestId,
  fields: (t) => ({
    kind: t.field({ nullable: false, type: ParticipantFormKindEnum, resolve: (receipt) => receipt.kind }),
    submittedAt: t.expose('submittedAt', { nullable: false, type: 'DateTime' }),
  }),
});

builder.mutationField('submitParticipantForm', (t) =>
  t.field({
    nullable: false,
    type: ParticipantFormReceiptRef,
    description:
      'Public (no login): stores a participant’s answers under their code, once. The link is used up in the same transaction.',
    // Deliberately public, like participantForm; rate-limited per link and audited without a user.
    skipTypeScopes: true,
    args: {
      token: t.arg.string({ required: true }),
      answers: t.arg({ type: QuestionnaireAnswersScalar, required: true }),
      locale: t.arg.string({
        required: false,
        description:
          'The language the form was shown in (da, en, ar, tr, so, ur, fa, pl, uk); stored with the answers so scores from a language without a published INSPIRE translation are kept apart.',
      }),
    },
    resolve: async (_root, { token, answers, locale }, context) => {
      const link = await usableLink(token, context);
      // Invalid answers leave the link unused, so the participant can correct them.
      const checked = validateAnswers(link.kind, answers);
      const localeErrors = locale == null ? [] : checkParticipantLocale('locale', locale);
      throwValidation([
        ...(checked.ok ? [] : checked.errors.map((e) => ({ ...e, field: `answers.${e.field}` }))),
        ...localeErrors,
      ]);
      if (!checked.ok) throw gatewayError(ErrorCode.INTERNAL);
      const stored = checked.answers as Record<string, unknown>;
      const scores = inspireScoresFromAnswers(stored);
      const enrolment = await prisma().enrolment.findUnique({
        where: { participantCode: link.participantCode },
        select: { courseId: true },
      });
      const now = new Date();
      try {
        return await prisma().$transaction(async (tx) => {
          // Claim the link: only one submission can move usedAt from null.
          const claimed = await tx.formLink.updateMany({
            where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
            data: { usedAt: now },
          });
          if (claimed.count !== 1) throw linkProblem('LINK_USED');
          const response = await tx.questionnaireResponse.create({
            data: {
              organizationId: link.organizationId,
              courseId: enrolment?.courseId ?? null,
              participantCode: link.participantCode,
              kind: link.kind,
              submittedAt: now,
              // The whole form encrypted; only the codes the evaluation aggregates stay plain.
              ...(await sealedAnswers(link.organizationId, link.kind, stored, tx)),
              inspireOScore: scores.inspireO,
              inspireScore: scores.inspire,
              locale: locale ?? null,
            },
            select: { id: true, submittedAt: true },
          });
          await tx.auditEvent.create({
            data: auditRow(
              { userId: null, organizationId: link.organizationId, requestId: context.requestId },
              // No person id: the trail must not put a name next to a questionnaire.
              {
                action: 'CREATE',
                entity: 'QuestionnaireResponse',
                entityId: response.id,
                detail: { kind: link.kind, via: 'FORM_LINK' },
              },
            ),
          });
          return { requestId: context.requestId, kind: link.kind, submittedAt: response.submittedAt };
        });
      } catch (error) {
        // The unique (participantCode, kind) caught a second form through another link.
        if (isUniqueViolation(error)) throw linkProblem('ALREADY_SUBMITTED');
        throw error;
      }
    },
  }),
);
