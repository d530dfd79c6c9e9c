// The evaluation's audit trail and daily limit on their own, against the real database, with a
// fixed clock around midnight Danish time and across daylight saving: a "day" is a Danish
// calendar day, not a UTC one.
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { GatewayError } from '../errors.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import { auditEvaluationRequest, canonicalFilter, combinationId, dailyLimit } from './evaluation-limit.ts';
import type { EvaluationFilter } from './queries/evaluation-filter.ts';

let organizationId: string;

beforeAll(async () => {
  await openDatabase();
  organizationId = (await createOrganization({ name: 'Grænsekommune', slug: 'graense' })).id;
});

async function evaluator(email: string) {
  const user = await createUser({ email, memberships: [{ organizationId, role: 'EVALUATOR' }] });
  return { userId: user.id, organizationId: null, requestId: `test-${email}` };
}

const filterFor = (month: number): EvaluationFilter => ({
  organizationIds: [organizationId],
  from: new Date(Date.UTC(2026, month, 1)),
  to: new Date(Date.UTC(2026, month + 1, 0)),
});

async function ask(
  actor: Awaited<ReturnType<typeof evaluator>>,
  filter: EvaluationFilter,
  now: Date,
  limit = 3,
) {
  try {
    return await auditEvaluationRequest({ actor, filter, figures: ['outreachFunnel'], limit, now });
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
}

describe('canonical filters', () => {
  it('give the same combination whatever the order of codes and ids', () => {
    const a: EvaluationFilter = { organizationIds: ['b', 'a'], genders: ['WOMAN'] };
    const b: EvaluationFilter = { organizationIds: ['a', 'b'], genders: ['WOMAN'] };
    expect(combinationId(a)).toBe(combinationId(b));
    expect(canonicalFilter(a)).toEqual(canonicalFilter(b));
    expect(combinationId({ ...a, genders: ['MAN'] })).not.toBe(combinationId(a));
  });
});

describe('the daily limit', () => {
  it('audits each request with its filter and figures, and refuses a new combination past the limit', async () => {
    const actor = await evaluator('limit@vive.test');
    const noon = new Date('2026-03-10T11:00:00Z');
    expect(await ask(actor, filterFor(0), noon)).toEqual({ usedToday: 1 });
    expect(await ask(actor, filterFor(0), noon)).toEqual({ usedToday: 1 });
    expect(await ask(actor, filterFor(1), noon)).toEqual({ usedToday: 2 });
    expect(await ask(actor, filterFor(2), noon)).toEqual({ usedToday: 3 });
    expect(await ask(actor, filterFor(3), noon)).toBe('EVALUATION_LIMIT');
    // A combination already asked today still answers.
    expect(await ask(actor, filterFor(1), noon)).toEqual({ usedToday: 3 });

    const rows = await prisma().auditEvent.findMany({
      where: { userId: actor.userId, entity: 'Evaluation' },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => row.action)).toEqual([
      'EVALUATE',
      'EVALUATE',
      'EVALUATE',
      'EVALUATE',
      'DENIED',
      'EVALUATE',
    ]);
    expect(rows[0]?.detail).toMatchObject({
      day: '2026-03-10',
      figures: ['outreachFunnel'],
      filter: { organizationIds: [organizationId], from: '2026-01-01', to: '2026-01-31' },
    });
    expect(rows[4]?.detail).toMatchObject({ reason: 'EVALUATION_LIMIT', limit: 3 });
  });

  it('is counted per evaluator', async () => {
    const first = await evaluator('first@vive.test');
    const second = await evaluator('second@vive.test');
    const at = new Date('2026-04-02T09:00:00Z');
    for (let month = 0; month < 3; month++) await ask(first, filterFor(month), at);
    expect(await ask(first, filterFor(5), at)).toBe('EVALUATION_LIMIT');
    expect(await ask(second, filterFor(5), at)).toEqual({ usedToday: 1 });
  });

  it('starts a new day at midnight Danish time, not UTC (winter: UTC+1)', async () => {
    const actor = await evaluator('midnight-winter@vive.test');
    // 22:59 UTC on 14 January is 23:59 in Copenhagen; 23:01 UTC is 00:01 on the 15th.
    const beforeMidnight = new Date('2026-01-14T22:59:00Z');
    const afterMidnight = new Date('2026-01-14T23:01:00Z');
    for (let month = 0; month < 3; month++) await ask(actor, filterFor(month), beforeMidnight);
    expect(await ask(actor, filterFor(6), beforeMidnight)).toBe('EVALUATION_LIMIT');
    expect(await ask(actor, filterFor(6), afterMidnight)).toEqual({ usedToday: 1 });
  });

  it('starts a new day at midnight Danish time in summer (UTC+2) and across the switch to summer time', async () => {
    const actor = await evaluator('midnight-summer@vive.test');
    // 29 March 2026 is the day clocks go forward (23 hours long). 21:59 UTC on the 29th is
    // 23:59 CEST; 22:01 UTC is 00:01 on the 30th.
    const lastMinute = new Date('2026-03-29T21:59:00Z');
    const nextDay = new Date('2026-03-29T22:01:00Z');
    const earlyOnSwitchDay = new Date('2026-03-28T23:30:00Z'); // 00:30 CET on the 29th
    await ask(actor, filterFor(0), earlyOnSwitchDay);
    await ask(actor, filterFor(1), lastMinute);
    await ask(actor, filterFor(2), lastMinute);
    expect(await ask(actor, filterFor(3), lastMinute)).toBe('EVALUATION_LIMIT');
    expect(await ask(actor, filterFor(3), nextDay)).toEqual({ usedToday: 1 });
  });

  it('holds when requests for new combinations arrive at the same time', async () => {
    const actor = await evaluator('parallel@vive.test');
    const at = new Date('2026-05-05T10:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, month) => ask(actor, filterFor(month), at)),
    );
    expect(results.filter((result) => result === 'EVALUATION_LIMIT')).toHaveLength(3);
  });

  it('counts a repeat only when asked to, and always counts a new combination', async () => {
    const actor = await evaluator('uncounted@vive.test');
    const at = new Date('2026-08-04T10:00:00Z');
    const quietly = (filter: EvaluationFilter) =>
      auditEvaluationRequest({
        actor,
        filter,
        figures: ['courseItems'],
        limit: 2,
        countUsed: false,
        now: at,
      }).catch((error: unknown) => (error instanceof GatewayError ? error.code : Promise.reject(error)));
    expect(await quietly(filterFor(0))).toEqual({ usedToday: 1 });
    expect(await quietly(filterFor(0))).toEqual({ usedToday: null });
    expect(await quietly(filterFor(1))).toEqual({ usedToday: 2 });
    expect(await quietly(filterFor(2))).toBe('EVALUATION_LIMIT');
    expect(await quietly(filterFor(1))).toEqual({ usedToday: null });
    expect(await ask(actor, filterFor(1), at, 2)).toEqual({ usedToday: 2 });
    const actions = await prisma().auditEvent.findMany({
      where: { userId: actor.userId, entity: 'Evaluation' },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((row) => row.action)).toEqual([
      'EVALUATE',
      'EVALUATE',
      'EVALUATE',
      'DENIED',
      'EVALUATE',
      'EVALUATE',
    ]);
  });

  it('waits for the disk on a new combination and on a refusal, not on a repeat of one already asked today', async () => {
    // The database function decides per transaction (migration 0329); inside a transaction of our
    // own, SHOW after it tells how that transaction will commit.
    const actor = await evaluator('durable@vive.test');
    const commitOf = (combination: string, limit: number) =>
      prisma().$transaction(async (tx) => {
        const [answer] = await tx.$queryRawUnsafe<Array<{ refused: boolean }>>(
          `SELECT refused FROM "vi_evaluation_request"($1::uuid, 'durable', $2, '2026-06-01', $3::int, '{"day": "2026-06-01"}'::jsonb)`,
          actor.userId,
          combination,
          limit,
        );
        const [shown] =
          await tx.$queryRawUnsafe<Array<{ synchronous_commit: string }>>('SHOW synchronous_commit');
        return { refused: answer?.refused, commit: shown?.synchronous_commit };
      });
    expect(await commitOf('first', 1)).toEqual({ refused: false, commit: 'on' });
    expect(await commitOf('first', 1)).toEqual({ refused: false, commit: 'off' });
    expect(await commitOf('second', 1)).toEqual({ refused: true, commit: 'on' });
    // The setting was the transaction's own: the connection commits durably again after it.
    const [after] =
      await prisma().$queryRawUnsafe<Array<{ synchronous_commit: string }>>('SHOW synchronous_commit');
    expect(after?.synchronous_commit).toBe('on');
  });

  it('reads its size from VI_EVALUATION_DAILY_LIMIT, refusing nonsense with a clear message', () => {
    expect(dailyLimit({})).toBe(40);
    expect(dailyLimit({ VI_EVALUATION_DAILY_LIMIT: '12' })).toBe(12);
    expect(() => dailyLimit({ VI_EVALUATION_DAILY_LIMIT: 'many' })).toThrow(/VI_EVALUATION_DAILY_LIMIT/);
    expect(() => dailyLimit({ VI_EVALUATION_DAILY_LIMIT: '0' })).toThrow(/at least 1/);
  });
});
