import { randomBytes } from 'node:crypto';
import { fieldKeyring, type Prisma } from '@vi/db';
import {
  checkOutreachSurvey,
  danishCalendarDate,
  type FollowUpContact,
  formLinkState,
  isParticipantLocale,
  isWellFormedFormToken,
  OUTREACH_SURVEY_LINK_PROBLEMS,
  type OutreachSurveyLinkProblem,
  type ParticipantLocale,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { QuestionnaireAnswersScalar } from '../courses/course-enums.ts';
import { hashFormToken } from '../courses/form-link.ts';
import { FixedWindowLimiter, unknownTokenLimiter } from '../courses/public-form-limiter.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { ParticipantTextOverrideRef, participantTextOverrides } from '../i18n/translation-overrides.ts';
import { logger } from '../logger.ts';
import { sealText } from '../persons/field-crypto.ts';

/**
 * The survey's two public doors (no login: the person has no account, the 256-bit token is the
 * key), with the participant forms' protections: a per-link rate limit, the shared budget for
 * tokens that match nothing, refusals audited without a user, and (in production) trusted
 * documents: only operations the built apps ship get through the door.
 *
 * Linking is designed out. The answers go into OutreachSurveyResponse under a random respondent
 * code with only the organisation, the Danish month and the form's language; the link row only
 * gets answeredAt; a follow-up contact goes into a task of its own. The three writes are three
 * transactions, so not even the rows' transaction ids are shared, and the response's audit row
 * names no record (an id there would sit next to the link's in the trail).
 */

/** Opening and submitting one survey link: a person needs a handful, a retrying phone a few more. */
export const surveyLinkLimiter = new FixedWindowLimiter('survey-link', 30, 10 * 60 * 1000);

function linkProblem(problem: OutreachSurveyLinkProblem): Error {
  const code =
    problem === 'INVALID_LINK'
      ? ErrorCode.NOT_FOUND
      : problem === 'LINK_EXPIRED'
        ? ErrorCode.FORBIDDEN
        : ErrorCode.CONFLICT;
  return gatewayError(code, {
    message: OUTREACH_SURVEY_LINK_PROBLEMS[problem],
    extensions: { reason: problem },
  });
}

type UsableLink = {
  id: string;
  organizationId: string;
  caseId: string;
  expiresAt: Date;
  openedAt: Date | null;
};

async function usableLink(token: string, context: GatewayContext, now: Date): Promise<UsableLink> {
  const hash = isWellFormedFormToken(token) ? hashFormToken(token) : null;
  const link = hash
    ? await prisma().outreachSurveyLink.findUnique({
        where: { tokenHash: hash },
        select: {
          id: true,
          organizationId: true,
          caseId: true,
          expiresAt: true,
          openedAt: true,
          answeredAt: true,
        },
      })
    : null;
  if (!link || !hash) {
    if (!(await unknownTokenLimiter.admit('unknown'))) throw gatewayError(ErrorCode.RATE_LIMITED);
    logger.warn({ requestId: context.requestId }, 'outreach survey: unknown or malformed link');
    throw linkProblem('INVALID_LINK');
  }
  if (!(await surveyLinkLimiter.admit(hash))) throw gatewayError(ErrorCode.RATE_LIMITED);
  const state = formLinkState({ expiresAt: link.expiresAt, usedAt: link.answeredAt }, now);
  if (state !== 'OPEN') {
    await prisma().auditEvent.create({
      data: auditRow(
        { userId: null, organizationId: link.organizationId, requestId: context.requestId },
        { action: 'DENIED', entity: 'OutreachSurveyLink', entityId: link.id, detail: { state } },
      ),
    });
    throw linkProblem(state === 'USED' ? 'LINK_USED' : 'LINK_EXPIRED');
  }
  return link;
}

type SurveyPage = {
  requestId: string;
  organizationId: string;
  expiresAt: Date;
  organizationName: string;
  suggestedLocale: ParticipantLocale | null;
};

const OutreachSurveyPageRef = builder.objectRef<SurveyPage>('OutreachSurveyPage').implement({
  description:
    'What the survey page needs besides the questions (which are the domain’s OUTREACH_SURVEY, in the catalogue’s languages). Nothing about the person or the call.',
  authScopes: (page, context) => page.requestId === context.requestId,
  fields: (t) => ({
    expiresAt: t.expose('expiresAt', {
      nullable: false,
      type: 'DateTime',
      description: 'When the link stops working: show it, so the person knows how long they have.',
    }),
    organizationName: t.exposeString('organizationName', {
      nullable: false,
      description: 'The organisation that called, for the page’s heading.',
    }),
    suggestedLocale: t.string({
      nullable: true,
      description:
        'The language the survey SMS was written in: the one the outreach worker recorded for the person (ReachAnswers.preferredLanguage) when the survey is offered in it (da, en, ar, tr, so, ur, fa, pl, uk); null when none was recorded or it is not offered (the SMS was Danish). The page opens in it unless the person has chosen a language themselves; the picker stays.',
      resolve: (page) => page.suggestedLocale,
    }),
    textOverrides: t.field({
      nullable: false,
      type: [ParticipantTextOverrideRef],
      description:
        "The link's organisation's replacements of built-in participant texts in one language (the survey's questions and the pages' shared texts), as on ParticipantForm; only wording, nothing about the person. An unoffered language is a VALIDATION error.",
      args: { locale: t.arg.string({ required: true }) },
      resolve: (page, { locale }, context) => participantTextOverrides(context, page.organizationId, locale),
    }),
  }),
});

/**
 * The case's recorded language when the survey is offered in it (the SMS went in it too:
 * survey-link.ts). Read for the link holder, so audited without a user, naming the field only.
 */
async function suggestedLocale(link: UsableLink, context: GatewayContext): Promise<ParticipantLocale | null> {
  const reach = await prisma().reachAnswers.findUnique({
    where: { outreachCaseId: link.caseId },
    select: { id: true, preferredLanguage: true, outreachCase: { select: { personId: true } } },
  });
  if (!reach || !isParticipantLocale(reach.preferredLanguage)) return null;
  await prisma().auditEvent.create({
    data: auditRow(
      { userId: null, organizationId: link.organizationId, requestId: context.requestId },
      {
        action: 'READ',
        entity: 'ReachAnswers',
        entityId: reach.id,
        personId: reach.outreachCase?.personId ?? null,
        detail: { fields: ['preferredLanguage'], via: 'SURVEY_LINK' },
      },
    ),
  });
  return reach.preferredLanguage;
}

builder.queryField('outreachSurvey', (t) =>
  t.field({
    nullable: false,
    type: OutreachSurveyPageRef,
    description:
      'Public (no login): opens the outreach user survey behind a one-time link (the token from the page address’s fragment `#t=`). The first open is counted for the response rate. A changed, expired or used link is refused with a Danish and English message and extensions.reason INVALID_LINK, LINK_EXPIRED or LINK_USED.',
    // Deliberately public: the person has no account, the token is the key.
    skipTypeScopes: true,
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, context) => {
      const now = new Date();
      const link = await usableLink(token, context, now);
      if (link.openedAt === null) {
        await prisma().outreachSurveyLink.updateMany({
          where: { id: link.id, openedAt: null },
          data: { openedAt: now },
        });
      }
      const organization = await prisma().organization.findUniqueOrThrow({
        where: { id: link.organizationId },
        select: { name: true },
      });
      return {
        requestId: context.requestId,
        organizationId: link.organizationId,
        expiresAt: link.expiresAt,
        organizationName: organization.name,
        suggestedLocale: await suggestedLocale(link, context),
      };
    },
  }),
);

type Receipt = { requestId: string; followUpRecorded: boolean | null };

const OutreachSurveyReceiptRef = builder.objectRef<Receipt>('OutreachSurveyReceipt').implement({
  description:
    'The survey went in. Deliberately no time and no code: nothing the page shows can be matched later.',
  authScopes: (receipt, context) => receipt.requestId === context.requestId,
  fields: (t) => ({
    received: t.boolean({ nullable: false, resolve: () => true }),
    followUpRecorded: t.boolean({
      nullable: true,
      description:
        'null: no follow-up interview was asked for; true: the project lead will contact the person; false: the answers are in, but the contact could not be saved (the page asks the person to call instead).',
      resolve: (receipt) => receipt.followUpRecorded,
    }),
  }),
});

/** The first day of the Danish month of an instant: all the response keeps of when it came in. */
export function danishMonthStart(now: Date): Date {
  return new Date(`${danishCalendarDate(now).slice(0, 7)}-01T00:00:00Z`);
}

async function saveFollowUp(
  organizationId: string,
  followUp: FollowUpContact,
  now: Date,
  context: GatewayContext,
): Promise<boolean> {
  try {
    await prisma().$transaction(async (tx) => {
      const task = await tx.outreachSurveyFollowUp.create({
        data: {
          organizationId,
          channel: followUp.channel,
          contact: await sealText(organizationId, followUp.contact, tx),
          createdOn: new Date(`${danishCalendarDate(now)}T00:00:00Z`),
        },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: auditRow(
          { userId: null, organizationId, requestId: context.requestId },
          {
            action: 'CREATE',
            entity: 'OutreachSurveyFollowUp',
            entityId: task.id,
            detail: { channel: followUp.channel },
          },
        ),
      });
    });
    return true;
  } catch (error) {
    logger.error(
      { requestId: context.requestId, err: (error as Error).message },
      'outreach survey: follow-up not saved',
    );
    return false;
  }
}

builder.mutationField('submitOutreachSurvey', (t) =>
  t.field({
    nullable: false,
    type: OutreachSurveyReceiptRef,
    description:
      'Public (no login): stores the outreach user survey once per link, under a random code and not with the person or the call. `language` is the language the person read the form in (OUTREACH_SURVEY_LANGUAGES). Invalid answers are refused field by field (answers.<item id>) and leave the link usable. A follow-up interview contact (answers.follow_up_*) becomes a task for the project lead and is not stored with the answers.',
    // Deliberately public, like outreachSurvey; rate-limited per link, audited without a user.
    skipTypeScopes: true,
    args: {
      token: t.arg.string({ required: true }),
      language: t.arg.string({ required: true }),
      answers: t.arg({ type: QuestionnaireAnswersScalar, required: true }),
    },
    resolve: async (_root, { token, language, answers }, context) => {
      const now = new Date();
      const link = await usableLink(token, context, now);
      const checked = checkOutreachSurvey(language, answers);
      if (!checked.ok) throwValidation(checked.errors);
      if (!checked.ok) throw gatewayError(ErrorCode.INTERNAL);
      const survey = checked.survey;

      // 1. Use the link up: only one submission moves answeredAt from null.
      const claimed = await prisma().outreachSurveyLink.updateMany({
        where: { id: link.id, answeredAt: null, expiresAt: { gt: now } },
        data: { answeredAt: now, openedAt: link.openedAt ?? now },
      });
      if (claimed.count !== 1) throw linkProblem('LINK_USED');

      // 2. The answers, apart from the link.
      try {
        await prisma().$transaction(async (tx) => {
          await tx.outreachSurveyResponse.create({
            data: {
              organizationId: link.organizationId,
              respondentCode: randomBytes(16).toString('base64url'),
              language: survey.language,
              submittedMonth: danishMonthStart(now),
              answers: survey.plainCodes as Prisma.InputJsonObject,
              answersSealed: (await fieldKeyring().encrypt(
                tx,
                link.organizationId,
                JSON.stringify(survey.answers),
              ))!,
            },
            select: { id: true },
          });
          await tx.auditEvent.create({
            data: auditRow(
              { userId: null, organizationId: link.organizationId, requestId: context.requestId },
              // No entity id: next to the link's rows in the trail, an id would join the two.
              { action: 'CREATE', entity: 'OutreachSurveyResponse', detail: { via: 'SURVEY_LINK' } },
            ),
          });
        });
      } catch (error) {
        // Give the link back, so the person can send again.
        await prisma().outreachSurveyLink.updateMany({ where: { id: link.id }, data: { answeredAt: null } });
        throw error;
      }

      // 3. The follow-up contact, apart from both.
      const followUpRecorded = survey.followUp
        ? await saveFollowUp(link.organizationId, survey.followUp, now, context)
        : null;
      return { requestId: context.requestId, followUpRecorded };
    },
  }),
);
