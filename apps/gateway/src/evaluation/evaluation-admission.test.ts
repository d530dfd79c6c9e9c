// Issue 11: an evaluation request's figures run while its daily-limit check and audit row are
// written (one statement, migration 0316). What must still hold, through the gateway: a refused
// request publishes no figure, only EVALUATION_LIMIT, and is audited as DENIED; requests that
// arrive together at the limit never take more than the limit between them; the audit rows stay
// in an intact hash chain. On PostgreSQL the requests really run in parallel on the pool.
import './index.ts';
import { type Database, verifyAuditChains } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { database, openDatabase } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';

const asOwner = {
  query: (sql: string, params?: unknown[]) => ownerQuery(sql, params),
} as unknown as Database;
const savedLimit = process.env.VI_EVALUATION_DAILY_LIMIT;

let organizationId = '';
beforeAll(async () => {
  await openDatabase();
  organizationId = (await createOrganization({ name: 'Adgangskommune', slug: 'adgang' })).id;
});

afterEach(() => {
  vi.useRealTimers();
  if (savedLimit === undefined) delete process.env.VI_EVALUATION_DAILY_LIMIT;
  else process.env.VI_EVALUATION_DAILY_LIMIT = savedLimit;
});

afterAll(() => {
  vi.useRealTimers();
});

async function evaluator(email: string): Promise<{ browser: TestBrowser; userId: string }> {
  const user = await createUser({ email, memberships: [{ organizationId, role: 'EVALUATOR' }] });
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  return { browser, userId: user.id };
}

/** The clock frozen at noon Danish time, so every request of a test falls on one Danish day. */
function frozenAtNoon(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T10:00:00Z'));
}

const QUESTION = `query ($filter: EvaluationFilterInput) {
  evaluation(filter: $filter) {
    disclosure { usedToday }
    outreachFunnel { counts { identified { value suppressed } } }
    costs { figures { organizationId } }
  }
}`;

/** One month of 2025 (a different filter combination per month). */
const month = (index: number) => ({
  organizationIds: [organizationId],
  from: new Date(Date.UTC(2025, index, 1)).toISOString().slice(0, 10),
  to: new Date(Date.UTC(2025, index + 1, 0)).toISOString().slice(0, 10),
});

type Row = { action: string; entityId: string | null; detail: Record<string, unknown> };

function evaluationRows(userId: string): Promise<Row[]> {
  return database().query<Row>(
    `SELECT action, "entityId", detail FROM "AuditEvent" WHERE "userId" = $1::uuid AND entity = 'Evaluation' ORDER BY id`,
    [userId],
  );
}

describe('an evaluation request over the daily limit', () => {
  it('answers EVALUATION_LIMIT alone, with no figure, and is audited as DENIED', async () => {
    const { browser, userId } = await evaluator('over-limit@vive.test');
    frozenAtNoon();
    process.env.VI_EVALUATION_DAILY_LIMIT = '1';

    const allowed = await browser.graphql<{ evaluation: Record<string, unknown> }>(QUESTION, {
      filter: month(0),
    });
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data?.evaluation).toMatchObject({
      disclosure: { usedToday: 1 },
      outreachFunnel: { counts: { identified: { value: 0 } } },
      costs: { figures: [] },
    });

    const refused = await browser.graphql(QUESTION, { filter: month(1) });
    expect(errorCodes(refused)).toEqual(['EVALUATION_LIMIT']);
    expect(refused.body.data ?? null).toBeNull();
    // Not a figure's value, nor a hint of one, anywhere in the answer.
    expect(Object.keys(refused.body).sort()).toEqual(['data', 'errors']);
    expect(Object.keys(refused.body.errors![0]!.extensions ?? {}).sort()).toEqual([
      'code',
      'limit',
      'message',
      'usedToday',
    ]);

    const rows = await evaluationRows(userId);
    expect(rows.map((row) => row.action)).toEqual(['EVALUATE', 'DENIED']);
    expect(rows[1]!.detail).toMatchObject({
      reason: 'EVALUATION_LIMIT',
      limit: 1,
      day: '2026-06-15',
      figures: ['costs', 'disclosure', 'outreachFunnel'],
      filter: { organizationIds: [organizationId], from: '2025-02-01', to: '2025-02-28' },
    });
    expect(rows[1]!.entityId).not.toBe(rows[0]!.entityId);
  });
});

describe('requests that arrive together at the limit', () => {
  it("never take more than the limit when the requests do not ask for the day's use (repeats skip the lock)", async () => {
    // Without `disclosure` selected a repeat of a combination is admitted without the evaluator's
    // lock and uncounted (migration 0329). The attacker mixes, in one burst, repeats of a
    // combination already allowed, new combinations, and new combinations asked three times at
    // once (a "repeat" whose first asking is still in flight), hoping a repeat slips a new one in.
    const { browser, userId } = await evaluator('together-uncounted@vive.test');
    frozenAtNoon();
    const limit = 3;
    process.env.VI_EVALUATION_DAILY_LIMIT = String(limit);
    const UNCOUNTED = `query ($filter: EvaluationFilterInput) {
      evaluation(filter: $filter) { outreachFunnel { counts { identified { value suppressed } } } }
    }`;
    const first = await browser.graphql(UNCOUNTED, { filter: month(0) });
    expect(first.body.errors).toBeUndefined();
    const fresh = Array.from({ length: 8 }, (_, index) => month(index + 1));
    const burst = [...fresh, ...fresh, ...fresh, ...Array.from({ length: 6 }, () => month(0))];
    const answers = await Promise.all(burst.map((filter) => browser.graphql(UNCOUNTED, { filter })));
    const answered = answers.filter((answer) => answer.body.data?.evaluation);
    const refused = answers.filter((answer) => errorCodes(answer).includes('EVALUATION_LIMIT'));
    expect(answered.length + refused.length).toBe(answers.length);
    for (const answer of refused) expect(answer.body.data ?? null).toBeNull();

    // The truth in the database: how many distinct combinations the attacker was answered.
    const answeredCombinations = new Set(
      burst
        .filter((_, index) => answers[index]!.body.data?.evaluation)
        .map((filter) => JSON.stringify(filter)),
    );
    answeredCombinations.add(JSON.stringify(month(0)));
    expect(answeredCombinations.size).toBeLessThanOrEqual(limit);
    const rows = await evaluationRows(userId);
    const evaluate = rows.filter((row) => row.action === 'EVALUATE');
    expect(new Set(evaluate.map((row) => row.entityId)).size).toBe(answeredCombinations.size);
    // Every answer, repeats included, has its audit row; every refusal its DENIED row.
    expect(evaluate).toHaveLength(answered.length + 1);
    expect(rows.filter((row) => row.action === 'DENIED')).toHaveLength(refused.length);
    // The six repeats of the allowed combination are always answered.
    for (const answer of answers.slice(fresh.length * 3)) expect(answer.body.errors).toBeUndefined();
    expect((await verifyAuditChains(asOwner)).ok).toBe(true);
  });

  it('never take more than the limit between them, each allowed one counted once', async () => {
    const { browser, userId } = await evaluator('together@vive.test');
    frozenAtNoon();
    const limit = 3;
    process.env.VI_EVALUATION_DAILY_LIMIT = String(limit);
    // Nine new combinations at once, each asked twice: eighteen requests in flight.
    const filters = Array.from({ length: 9 }, (_, index) => month(index));
    const answers = await Promise.all(
      [...filters, ...filters].map((filter) =>
        browser.graphql<{ evaluation: { disclosure: { usedToday: number } } }>(QUESTION, { filter }),
      ),
    );
    const answered = answers.filter((answer) => answer.body.data?.evaluation);
    const refused = answers.filter((answer) => errorCodes(answer).includes('EVALUATION_LIMIT'));
    expect(answered.length + refused.length).toBe(answers.length);
    for (const answer of refused) {
      expect(errorCodes(answer)).toEqual(['EVALUATION_LIMIT']);
      expect(answer.body.data ?? null).toBeNull();
    }

    const rows = await evaluationRows(userId);
    const allowedCombinations = new Set(
      rows.filter((row) => row.action === 'EVALUATE').map((row) => row.entityId),
    );
    expect(allowedCombinations.size).toBe(limit);
    expect(rows.filter((row) => row.action === 'EVALUATE')).toHaveLength(answered.length);
    expect(rows.filter((row) => row.action === 'DENIED')).toHaveLength(refused.length);
    // At least one repeat of an allowed combination is answered; every answer counts at most the limit.
    expect(answered.length).toBeGreaterThanOrEqual(limit);
    expect(Math.max(...answered.map((answer) => answer.body.data!.evaluation.disclosure.usedToday))).toBe(
      limit,
    );
    for (const answer of answered)
      expect(answer.body.data!.evaluation.disclosure.usedToday).toBeLessThanOrEqual(limit);

    // After the burst, a combination never asked is refused, one already allowed is answered.
    const allowedMonth = filters.findIndex((_, index) =>
      answers[index]!.body.data?.evaluation ? true : !!answers[index + filters.length]!.body.data?.evaluation,
    );
    const neverAsked = await browser.graphql(QUESTION, { filter: month(11) });
    expect(errorCodes(neverAsked)).toEqual(['EVALUATION_LIMIT']);
    const again = await browser.graphql(QUESTION, { filter: filters[allowedMonth] });
    expect(again.body.errors).toBeUndefined();

    const report = await verifyAuditChains(asOwner);
    expect(report.ok).toBe(true);
  });
});
