import { createHash } from 'node:crypto';
import type { Prisma } from '@vi/db';
import { danishCalendarDate } from '@vi/domain';
import { type AuditActor, auditRow } from '../audit.ts';
import { prisma } from '../database.ts';
import { GatewayError } from '../errors.ts';
import { logger } from '../logger.ts';
import type { EvaluationFilter } from './queries/evaluation-filter.ts';

/**
 * Every evaluation request is audited (who, when, which filter, which figures), and one
 * evaluator can ask at most `dailyLimit` distinct filter combinations per Danish calendar
 * day: perturbation holds against one subtraction, but many differently composed answers
 * around the same people could be averaged (packages/domain disclosure.ts). Asking a
 * combination again the same day is free and gives the same answer.
 *
 * The count lives in the audit table, so every gateway process shares it; an advisory
 * lock per evaluator keeps two parallel requests from both taking the last slot.
 */
export const DEFAULT_DAILY_LIMIT = 40;

export function dailyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.VI_EVALUATION_DAILY_LIMIT?.trim();
  if (!raw) return DEFAULT_DAILY_LIMIT;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1)
    throw new Error(`VI_EVALUATION_DAILY_LIMIT must be a whole number of at least 1 (got "${raw}").`);
  return value;
}

/** The filter in one canonical form: the same question always gives the same text. */
export function canonicalFilter(filter: EvaluationFilter): Prisma.InputJsonObject {
  const sorted = (values: readonly string[] | undefined) => (values ? [...values].sort() : []);
  return {
    organizationIds: sorted(filter.organizationIds),
    from: filter.from?.toISOString().slice(0, 10) ?? null,
    to: filter.to?.toISOString().slice(0, 10) ?? null,
    incidentTypes: sorted(filter.incidentTypes),
    genders: sorted(filter.genders),
    ageGroups: sorted(filter.ageGroups),
    roles: sorted(filter.roles),
  };
}

export function combinationId(filter: EvaluationFilter): string {
  return createHash('sha256')
    .update(JSON.stringify(canonicalFilter(filter)))
    .digest('hex')
    .slice(0, 32);
}

const LIMIT_MESSAGE = (limit: number) => ({
  da: `Du har i dag set ${limit} forskellige udsnit, som er grænsen pr. dag. Udsnit, du allerede har set i dag, kan du stadig åbne. Grænsen beskytter mod, at støjen på tallene kan midles væk.`,
  en: `You have viewed ${limit} different selections today, which is the daily limit. Selections you have already viewed today can still be opened. The limit keeps the noise on the figures from being averaged away.`,
});

/**
 * Records the request in the audit trail and returns how many distinct combinations the
 * evaluator has used today (this one included), or throws EVALUATION_LIMIT (audited as
 * DENIED) when a new combination would pass the limit.
 */
export async function auditEvaluationRequest(args: {
  actor: AuditActor;
  filter: EvaluationFilter;
  figures: string[];
  limit: number;
  now?: Date;
}): Promise<{ usedToday: number }> {
  const { actor, filter, figures, limit } = args;
  const now = args.now ?? new Date();
  const day = danishCalendarDate(now);
  const combination = combinationId(filter);
  const detail = { day, filter: canonicalFilter(filter), figures } as Prisma.InputJsonObject;
  if (!actor.userId) throw new Error('An evaluation request needs a user.');
  // A Danish day is at most 25 hours long: rows older than 26 hours cannot be today's.
  const since = new Date(now.getTime() - 26 * 3_600_000);

  const outcome = await prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`evaluation-limit:${actor.userId}`}))`;
    const [row] = await tx.$queryRaw<Array<{ used: number; seen: boolean }>>`
      SELECT count(DISTINCT "entityId")::int AS used, coalesce(bool_or("entityId" = ${combination}), false) AS seen
      FROM "AuditEvent"
      WHERE "userId" = ${actor.userId}::uuid AND action = 'EVALUATE' AND at >= ${since}
        AND detail ->> 'day' = ${day}`;
    const used = row?.used ?? 0;
    const seen = row?.seen ?? false;
    if (!seen && used >= limit) {
      await tx.auditEvent.create({
        data: auditRow(actor, {
          action: 'DENIED',
          entity: 'Evaluation',
          entityId: combination,
          detail: { ...detail, reason: 'EVALUATION_LIMIT', limit },
        }),
      });
      return { refused: true as const, used };
    }
    await tx.auditEvent.create({
      data: auditRow(actor, { action: 'EVALUATE', entity: 'Evaluation', entityId: combination, detail }),
    });
    return { refused: false as const, used: seen ? used : used + 1 };
  });
  // The log names the request, never a figure's value (the audit row holds the filter too).
  logger.info(
    { requestId: actor.requestId, userId: actor.userId, combination, figures, refused: outcome.refused },
    'evaluation request',
  );
  if (outcome.refused) {
    throw new GatewayError('EVALUATION_LIMIT', {
      message: LIMIT_MESSAGE(limit),
      extensions: { limit, usedToday: outcome.used },
    });
  }
  return { usedToday: outcome.used };
}

/** A refused evaluation request (a filter that is not allowed): audited as DENIED, never counted. */
export async function auditRefusedEvaluation(args: {
  actor: AuditActor;
  args: unknown;
  figures: string[];
  error: GatewayError;
}): Promise<void> {
  const fields = (args.error.extensions.fields as Array<{ field: string; code: string }> | undefined) ?? [];
  await prisma().auditEvent.create({
    data: auditRow(args.actor, {
      action: 'DENIED',
      entity: 'Evaluation',
      detail: {
        reason: args.error.code,
        fields: fields.map((field) => `${field.field}:${field.code}`),
        // The filter as sent, for the trail; it names organisations, codes and dates only.
        filter: JSON.parse(JSON.stringify(args.args ?? null)) as Prisma.InputJsonValue,
        figures: args.figures,
      },
    }),
  });
}
