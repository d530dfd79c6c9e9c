import { randomBytes } from 'node:crypto';
import type { Prisma } from '@vi/db';
import {
  outreachSurveyLinkExpiresAt,
  outreachSurveySms,
  outreachSurveySmsLocale,
  outreachSurveyUrl,
  type ParticipantLocale,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import type { GatewayContext } from '../context.ts';
import { hashFormToken } from '../courses/form-link.ts';
import { prisma } from '../database.ts';
import { logger } from '../logger.ts';
import { openText } from '../persons/field-crypto.ts';
import { smsProvider } from './sms-provider.ts';

/** Outside production, the gateway's own address of the outreach app's survey page. */
const DEVELOPMENT_SURVEY_PAGE = 'http://localhost:4000/outreach/survey.html';

/**
 * The page the person opens (the token goes after it, in the fragment). VI_OUTREACH_SURVEY_URL
 * in production, where a guessed default would send people to a wrong address: without it no
 * link is issued there and the call is recorded as usual.
 */
export function outreachSurveyPageUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.VI_OUTREACH_SURVEY_URL?.trim();
  if (configured) return configured;
  return env.NODE_ENV === 'production' ? null : DEVELOPMENT_SURVEY_PAGE;
}

/** A link just made, inside the call's transaction. The token exists only here and in the SMS. */
export type IssuedSurveyLink = {
  requestId: string;
  linkId: string;
  caseId: string;
  url: string;
  expiresAt: Date;
  /** The person's phone as stored (encrypted); opened only to send the SMS. */
  sealedPhone: string | null;
  smsSent: boolean;
  /** The language the SMS was written in (set when sent). */
  smsLocale?: ParticipantLocale;
};

/**
 * Makes the one-time survey link for a case whose call recorded OFFERED_ACCEPTED, in the call's
 * own transaction (tx), so the case and its link commit together. One link per case: a second
 * call on the same case reuses nothing and issues nothing. The audit row names the link, never
 * the token or the address.
 */
export async function issueOutreachSurveyLink(
  tx: Prisma.TransactionClient,
  context: GatewayContext,
  call: { organizationId: string; caseId: string; personId: string; now: Date },
): Promise<IssuedSurveyLink | null> {
  const pageUrl = outreachSurveyPageUrl();
  if (pageUrl === null) {
    logger.error(
      { requestId: context.requestId },
      'outreach survey: VI_OUTREACH_SURVEY_URL is not set; no link issued',
    );
    return null;
  }
  const existing = await tx.outreachSurveyLink.findUnique({
    where: { caseId: call.caseId },
    select: { id: true },
  });
  if (existing) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = outreachSurveyLinkExpiresAt(call.now);
  const link = await tx.outreachSurveyLink.create({
    data: {
      tokenHash: hashFormToken(token),
      organizationId: call.organizationId,
      caseId: call.caseId,
      createdById: context.user?.id ?? null,
      sentAt: call.now,
      expiresAt,
    },
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: auditRow(
      { userId: context.user?.id ?? null, organizationId: call.organizationId, requestId: context.requestId },
      { action: 'CREATE', entity: 'OutreachSurveyLink', entityId: link.id, personId: call.personId },
    ),
  });
  const contact = await tx.personContact.findFirst({
    where: { personId: call.personId },
    select: { phone: true },
  });
  return {
    requestId: context.requestId,
    linkId: link.id,
    caseId: call.caseId,
    url: outreachSurveyUrl(pageUrl, token),
    expiresAt,
    sealedPhone: contact?.phone ?? null,
    smsSent: false,
  };
}

/**
 * The language to write the SMS in: the case's recorded preferred language when the survey is
 * offered in it, else Danish. Read after the call's transaction committed, so a language the same
 * call recorded (ReachAnswers, saved in that transaction before or after the link) is seen.
 */
export async function outreachSurveySmsLanguage(caseId: string): Promise<ParticipantLocale> {
  const reach = await prisma().reachAnswers.findUnique({
    where: { outreachCaseId: caseId },
    select: { preferredLanguage: true },
  });
  return outreachSurveySmsLocale(reach?.preferredLanguage);
}

/**
 * Sends the link by SMS after the call's transaction committed (a provider must not hold the
 * transaction open, and a message must not go out for a call that rolled back). A failure is
 * logged without the number or the link and leaves smsSent false: the recorded outcome stands,
 * and the screen tells the worker to read the link out.
 */
export async function sendOutreachSurveySms(link: IssuedSurveyLink): Promise<IssuedSurveyLink> {
  try {
    const phone = await openText(link.sealedPhone);
    if (!phone) return link;
    const smsLocale = await outreachSurveySmsLanguage(link.caseId);
    await smsProvider().send({ to: phone, text: outreachSurveySms(link.url, smsLocale) });
    return { ...link, smsSent: true, smsLocale };
  } catch (error) {
    logger.warn(
      {
        requestId: link.requestId,
        linkId: link.linkId,
        provider: smsProvider().name,
        err: (error as Error).message,
      },
      'outreach survey: SMS not sent; the worker reads the link out',
    );
    return link;
  }
}
