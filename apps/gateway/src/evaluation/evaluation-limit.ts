import { createHash } from 'node:crypto';
import type { Prisma } from '@vi/db';
import { danishCalendarDate } from '@vi/domain';
import { type AuditActor, auditRow } from '../audit.ts';
import { database, prisma } from '../database.ts';
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
 * lock per evaluator keeps two parallel requests from both taking the last slot (the
 * database function `vi_evaluation_request`, migration 0316).
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
  return combinationOf(canonicalFilter(filter));
}

function combinationOf(canonical: Prisma.InputJsonObject): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}

const LIMIT_MESSAGE = (limit: number) => ({
  da: `Du har i dag set ${limit} forskellige udsnit, som er grænsen pr. dag. Udsnit, du allerede har set i dag, kan du stadig åbne. Grænsen beskytter mod, at støjen på tallene kan midles væk.`,
  en: `You have viewed ${limit} different selections today, which is the daily limit. Selections you have already viewed today can still be opened. The limit keeps the noise on the figures from being averaged away.`,
});

/**
 * Records the request in the audit trail and returns how many distinct combinations the
 * evaluator has used today (this one included), or throws EVALUATION_LIMIT (audited as
 * DENIED) when a new combination would pass the limit.
 *
 * One statement, one round trip: the database function of migrations 0316 and 0329. A repeat of
 * a combination already asked today is found with one index probe and admitted without the
 * evaluator's lock, and its row is committed without waiting for the disk (the first asking's row
 * did); a new combination takes the lock, is counted after the lock is granted, and its EVALUATE or
 * DENIED row waits for the disk, all in the statement's own transaction (the lock and the audit
 * chain's head lock end with it). On the plain pool, not Prisma: an interactive Prisma transaction
 * was five round trips (BEGIN, lock, count, insert, COMMIT).
 *
 * `countUsed` false: a repeat is not counted and `usedToday` is null (a request that does not show
 * the day's use, such as one section of the dashboard, is spared the count); a new combination is
 * always counted.
 */
export async function auditEvaluationRequest(args: {
  actor: AuditActor;
  filter: EvaluationFilter;
  figures: string[];
  limit: number;
  countUsed?: boolean;
  now?: Date;
}): Promise<{ usedToday: number | null }> {
  const { actor, filter, figures, limit } = args;
  const day = danishCalendarDate(args.now ?? new Date());
  const canonical = canonicalFilter(filter);
  const combination = combinationOf(canonical);
  const detail = { day, filter: canonical, figures };
  if (!actor.userId) throw new Error('An evaluation request needs a user.');

  const [row] = await database().query<{ refused: boolean; used: number | null }>(
    `SELECT refused, used FROM "vi_evaluation_request"($1::uuid, $2::text, $3::text, $4::text, $5::int, $6::jsonb, $7::boolean)`,
    [actor.userId, actor.requestId, combination, day, limit, JSON.stringify(detail), args.countUsed ?? true],
  );
  if (!row) throw new Error('vi_evaluation_request returned no row.');
  // The log names the request, never a figure's value (the audit row holds the filter too).
  logger.info(
    { requestId: actor.requestId, userId: actor.userId, combination, figures, refused: row.refused },
    'evaluation request',
  );
  if (row.refused) {
    throw new GatewayError('EVALUATION_LIMIT', {
      message: LIMIT_MESSAGE(limit),
      extensions: { limit, usedToday: row.used },
    });
  }
  return { usedToday: row.used };
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
