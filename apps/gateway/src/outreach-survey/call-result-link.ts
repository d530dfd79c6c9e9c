import { builder } from '../builder.ts';
import { CallResultRef } from '../outreach/outreach-case.ts';
import type { IssuedSurveyLink } from './survey-link.ts';

/**
 * The survey link on the worker's call result: given back once, in the response to the call that
 * issued it, so the worker can read it out when the SMS could not go (or the person asks).
 * Only the token's hash is stored, so it cannot be shown again.
 */
const IssuedSurveyLinkRef = builder.objectRef<IssuedSurveyLink>('OutreachSurveyLink').implement({
  description:
    'The one-time outreach survey link just issued for this call (recorded with surveyStatus OFFERED_ACCEPTED). Exists only in this response.',
  authScopes: (link, context) => link.requestId === context.requestId,
  fields: (t) => ({
    url: t.exposeString('url', {
      nullable: false,
      description: 'The whole address with the token in its fragment; read it out if smsSent is false.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: false }),
    smsSent: t.exposeBoolean('smsSent', {
      nullable: false,
      description: 'True when the SMS provider accepted the message to the person’s phone.',
    }),
  }),
});

builder.objectField(CallResultRef, 'surveyLink', (t) =>
  t.field({
    type: IssuedSurveyLinkRef,
    nullable: true,
    description:
      'The survey link when this call recorded OFFERED_ACCEPTED and a link was issued; null otherwise (also for a case that already had one).',
    resolve: (result) => result.surveyLink ?? null,
  }),
);
