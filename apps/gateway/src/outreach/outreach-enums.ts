import {
  CallOutcome,
  DeclineReason,
  LostReason,
  ReferralAttemptKind,
  ReferralStatus,
  SurveyStatus,
} from '@vi/db';
import { builder } from '../builder.ts';

// The outreach enums are the Prisma enums, which are the domain's stable codes.
export const CallOutcomeEnum = builder.enumType(CallOutcome, { name: 'CallOutcome' });
export const DeclineReasonEnum = builder.enumType(DeclineReason, { name: 'DeclineReason' });
export const SurveyStatusEnum = builder.enumType(SurveyStatus, { name: 'SurveyStatus' });
export const ReferralStatusEnum = builder.enumType(ReferralStatus, { name: 'ReferralStatus' });
export const LostReasonEnum = builder.enumType(LostReason, { name: 'LostReason' });
export const ReferralAttemptKindEnum = builder.enumType(ReferralAttemptKind, {
  name: 'ReferralAttemptKind',
  description: "A counsellor's call-back attempt (not reached, not safe to talk, new time agreed) or a note.",
});

export const ReferralResultEnum = builder.enumType('ReferralResult', {
  description:
    "The counsellor's result: conversation held or lost. REGISTERED_OTHER is refused for new closures (an artefact of the old survey tool, kept readable on old referrals).",
  values: ['CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST'] as const,
});

export const OverviewPeriodEnum = builder.enumType('OverviewPeriod', {
  description: "The lead's view covers today or the current month (Danish time).",
  values: ['TODAY', 'THIS_MONTH'] as const,
});

/** A problem with one field, as data (for previews); errors use extensions.fields instead. */
export interface FieldProblem {
  field: string;
  code: string;
  message: { da: string; en: string };
}

export const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'A problem with one field: stable code and a Danish and English message.',
  // Carries no personal data (field name, code, fixed message; an unknown police crime code is
  // named in its message, digits the caller itself sent); readable by anyone logged in.
  authScopes: { authenticated: true },
  fields: (t) => ({
    field: t.exposeString('field', { nullable: false }),
    code: t.exposeString('code', { nullable: false }),
    messageDa: t.string({ nullable: false, resolve: (p) => p.message.da }),
    messageEn: t.string({ nullable: false, resolve: (p) => p.message.en }),
  }),
});
