import type { Prisma, ReachAnswer, Role } from '@vi/db';
import {
  isEmptyReachAnswers,
  REACH_ANSWERS,
  REACH_LANGUAGE_CODES,
  REACH_QUESTIONS,
  type ReachAnswersInput,
  validateReachAnswers,
} from '@vi/domain';
import { organizationRecordScope } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { throwValidation } from '../errors.ts';

/**
 * Who the help reaches (the national action plan's target groups): the optional coded answers
 * an outreach worker records with a call, or an intake coordinator with a registration. This
 * module holds the GraphQL shapes and the one write both places use; the fields that read the
 * answers sit on the outreach case, the call screen and the intake registration (reach-fields.ts).
 */

/** Who may read reach answers at all (each parent field narrows further). */
export const REACH_READER_ROLES = [
  'OUTREACH_WORKER',
  'PROJECT_LEAD',
  'INTAKE_COORDINATOR',
  'ADMIN',
] as const satisfies readonly Role[];

export const ReachAnswerEnum = builder.enumType('ReachAnswer', {
  description: 'A recorded answer; null (no value) means not recorded.',
  values: REACH_ANSWERS.map((a) => a.code),
});

export const ReachLanguageEnum = builder.enumType('ReachLanguage', {
  description: "The person's preferred language: a participant language, or 'other'.",
  values: [...REACH_LANGUAGE_CODES],
});

export const ReachAnswersInputRef = builder.inputType('ReachAnswersInput', {
  description:
    'Only what the conversation has already told staff; every field may be left out or null (= not recorded).',
  fields: (t) => ({
    preferredLanguage: t.field({ type: ReachLanguageEnum }),
    interpreterNeeded: t.field({ type: ReachAnswerEnum }),
    interpreterUsed: t.field({ type: ReachAnswerEnum }),
    childrenAffected: t.field({ type: ReachAnswerEnum }),
    sameSexRelationship: t.field({ type: ReachAnswerEnum }),
    mutualViolence: t.field({ type: ReachAnswerEnum }),
  }),
});

/** A stored row as the read fields hand it on (the person id is for the read's audit row). */
export interface ReachAnswersShape {
  id: string;
  organizationId: string;
  personId: string;
  preferredLanguage: string | null;
  interpreterNeeded: ReachAnswer | null;
  interpreterUsed: ReachAnswer | null;
  childrenAffected: ReachAnswer | null;
  sameSexRelationship: ReachAnswer | null;
  mutualViolence: ReachAnswer | null;
  updatedAt: Date;
}

export const ReachAnswersRef = builder.objectRef<ReachAnswersShape>('ReachAnswers').implement({
  description: 'The recorded answers on who we reach (each may be null: not recorded).',
  // The parent fields decide who may ask; this scope checks the row's organisation again
  // and writes the audit row of the read (entity ReachAnswers, with the person).
  authScopes: organizationRecordScope<ReachAnswersShape>({
    entity: 'ReachAnswers',
    roles: REACH_READER_ROLES,
    personId: (row) => row.personId,
  }),
  fields: (t) => ({
    preferredLanguage: t.field({
      type: ReachLanguageEnum,
      nullable: true,
      resolve: (r) => r.preferredLanguage as never,
    }),
    interpreterNeeded: t.field({
      type: ReachAnswerEnum,
      nullable: true,
      resolve: (r) => r.interpreterNeeded,
    }),
    interpreterUsed: t.field({ type: ReachAnswerEnum, nullable: true, resolve: (r) => r.interpreterUsed }),
    childrenAffected: t.field({ type: ReachAnswerEnum, nullable: true, resolve: (r) => r.childrenAffected }),
    sameSexRelationship: t.field({
      type: ReachAnswerEnum,
      nullable: true,
      resolve: (r) => r.sameSexRelationship,
    }),
    mutualViolence: t.field({ type: ReachAnswerEnum, nullable: true, resolve: (r) => r.mutualViolence }),
    updatedAt: t.field({ type: 'DateTime', nullable: false, resolve: (r) => r.updatedAt }),
  }),
});

/** The GraphQL input (enum values, nulls, absent fields) as the domain's plain answers. */
type GraphQLReachInput = { [K in keyof ReachAnswersInput]?: string | null };

/**
 * Checks the answers (errors name `reach.<field>`, Danish and English) and returns them with
 * every field present; throws VALIDATION before anything is written. GraphQL's enums already
 * refuse unknown codes; this keeps the same rule for the gateway's own callers.
 */
export function checkedReachAnswers(
  input: GraphQLReachInput | null | undefined,
  prefix = 'reach',
): ReachAnswersInput | null {
  if (input === null || input === undefined) return null;
  throwValidation(validateReachAnswers(input, prefix));
  const answers = {
    preferredLanguage: input.preferredLanguage ?? null,
    ...Object.fromEntries(REACH_QUESTIONS.map((q) => [q.field, input[q.field] ?? null])),
  } as ReachAnswersInput;
  return answers;
}

export type ReachSubject = { outreachCaseId: string } | { intakeRegistrationId: string };

/** What a save did, for the caller's audit row: the row's id and whether it was kept or removed. */
export interface ReachWrite {
  id: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  /** Which answers are recorded, never their values (the trail must not tell who is in which group). */
  recorded: string[];
}

/**
 * Saves the answers of one case or registration inside the caller's transaction: upsert by the
 * subject, or delete the row when every answer is empty (an empty row would count as "recorded"
 * nowhere but still say staff looked). Null when there was nothing to store or delete.
 */
export async function writeReachAnswers(
  tx: Prisma.TransactionClient,
  context: GatewayContext,
  organizationId: string,
  subject: ReachSubject,
  answers: ReachAnswersInput,
): Promise<ReachWrite | null> {
  const where =
    'outreachCaseId' in subject
      ? { outreachCaseId: subject.outreachCaseId }
      : { intakeRegistrationId: subject.intakeRegistrationId };
  const existing = await tx.reachAnswers.findUnique({ where, select: { id: true } });
  if (isEmptyReachAnswers(answers)) {
    if (!existing) return null;
    await tx.reachAnswers.delete({ where: { id: existing.id } });
    return { id: existing.id, action: 'DELETE', recorded: [] };
  }
  const data = {
    preferredLanguage: answers.preferredLanguage ?? null,
    interpreterNeeded: (answers.interpreterNeeded ?? null) as ReachAnswer | null,
    interpreterUsed: (answers.interpreterUsed ?? null) as ReachAnswer | null,
    childrenAffected: (answers.childrenAffected ?? null) as ReachAnswer | null,
    sameSexRelationship: (answers.sameSexRelationship ?? null) as ReachAnswer | null,
    mutualViolence: (answers.mutualViolence ?? null) as ReachAnswer | null,
    recordedById: context.user?.id ?? null,
  };
  const recorded = Object.entries(answers)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key]) => key);
  if (existing) {
    await tx.reachAnswers.update({ where: { id: existing.id }, data });
    return { id: existing.id, action: 'UPDATE', recorded };
  }
  const created = await tx.reachAnswers.create({
    data: { organizationId, ...where, ...data },
    select: { id: true },
  });
  return { id: created.id, action: 'CREATE', recorded };
}

/** Reads the answers of one subject of the organisation, shaped for ReachAnswersRef. */
export async function loadReachAnswers(
  tx: Prisma.TransactionClient,
  organizationId: string,
  subject: ReachSubject,
  personId: string,
): Promise<ReachAnswersShape | null> {
  const where =
    'outreachCaseId' in subject
      ? { outreachCaseId: subject.outreachCaseId }
      : { intakeRegistrationId: subject.intakeRegistrationId };
  const row = await tx.reachAnswers.findFirst({ where: { ...where, organizationId } });
  return row ? { ...row, personId } : null;
}
