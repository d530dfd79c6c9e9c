import { compareQueueOrder, danishCalendarDate } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import { claimNextCase } from './call-queue.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  daysAgo,
  errorCodes,
  importRows,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';

const QUEUE = `query Queue($first: Int, $after: String, $types: [IncidentType!], $roles: [PersonRole!]) {
  callQueue(first: $first, after: $after, incidentTypes: $types, roles: $roles) {
    totalCount totalCountCapped hasNextPage endCursor
    entries { caseId pseudonym incidentType role callableFrom priority claimedByMe }
  } }`;

type QueueData = {
  callQueue: {
    totalCount: number;
    totalCountCapped: boolean;
    hasNextPage: boolean;
    endCursor: string | null;
    entries: { caseId: string; incidentType: string; role: string; priority: number; claimedByMe: boolean }[];
  };
};

let org: OutreachOrg;

beforeAll(async () => {
  org = await createOutreachOrg('queue');
  await importRows(org, [
    ...callableRows(40),
    // Too early: the default delay is 2 days (people in shock are not called at once).
    { incidentDate: daysAgo(0), incidentType: 'Vold', role: 'offer', phone: '61000001' },
    { incidentDate: daysAgo(1), incidentType: 'Vold', role: 'offer', phone: '61000002' },
    // Too late: 2 + 30 days have passed.
    { incidentDate: daysAgo(40), incidentType: 'Vold', role: 'offer', phone: '61000003' },
  ]);
  // Stalking gets priority in this organisation.
  await prisma().incidentTypeSetting.create({
    data: { organizationId: org.organizationId, type: 'STALKING', activeForOutreach: true, priority: 5 },
  });
});

async function allPages(browser: Awaited<ReturnType<typeof browserFor>>, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: QueueData['callQueue'] = dataOf<QueueData>(
      await browser.graphql(QUEUE, { first, after }),
    ).callQueue;
    ids.push(...page.entries.map((e) => e.caseId));
    if (!page.hasNextPage) return ids;
    after = page.endCursor;
  }
}

describe('callQueue', () => {
  it('shows only people inside their call window, in the domain order, across pages', async () => {
    const worker = await browserFor(org.users.worker);
    const ids = await allPages(worker, 7);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);

    const today = danishCalendarDate(new Date());
    const expected = (
      await prisma().outreachCase.findMany({
        where: {
          organizationId: org.organizationId,
          status: 'OPEN',
          callableFrom: { lte: new Date(today) },
          callableUntil: { gte: new Date(today) },
        },
        select: { id: true, incidentType: true, callableFrom: true, createdAt: true },
      })
    )
      .map((c) => ({
        id: c.id,
        priority: c.incidentType === 'STALKING' ? 5 : 0,
        callableFrom: c.callableFrom.toISOString().slice(0, 10),
        createdAt: c.createdAt,
      }))
      .sort(compareQueueOrder)
      .map((c) => c.id);
    expect(ids).toEqual(expected);
    const first = dataOf<QueueData>(await worker.graphql(QUEUE, { first: 3 })).callQueue;
    expect(first.totalCount).toBe(40);
    expect(first.totalCountCapped).toBe(false);
    expect(first.entries.every((e) => e.incidentType === 'STALKING' && e.priority === 5)).toBe(true);
  });

  it('filters by incident type and role', async () => {
    const worker = await browserFor(org.users.worker);
    const page = dataOf<QueueData>(
      await worker.graphql(QUEUE, { first: 100, types: ['VIOLENCE', 'THREATS'], roles: ['VICTIM'] }),
    ).callQueue;
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.totalCount).toBe(page.entries.length);
    expect(
      page.entries.every((e) => ['VIOLENCE', 'THREATS'].includes(e.incidentType) && e.role === 'VICTIM'),
    ).toBe(true);
  });

  it('costs the same number of SQL queries for a page of 1, 10 or 100', async () => {
    const worker = await browserFor(org.users.worker);
    const db = database();
    const original = db.prisma;
    let count = 0;
    // Every statement the gateway sends goes through this client: the session lookup,
    // the queue's one raw query and the audit insert. Raw queries are one statement each.
    db.prisma = original.$extends({
      query: {
        $allOperations({ args, query }) {
          count += 1;
          return query(args);
        },
      },
    }) as unknown as typeof original;
    const costs: number[] = [];
    // One request first, so every counted request finds the session in the session cache alike.
    await worker.graphql(QUEUE, { first: 1 });
    try {
      for (const first of [1, 10, 100]) {
        count = 0;
        const page = dataOf<QueueData>(await worker.graphql(QUEUE, { first })).callQueue;
        expect(page.entries.length).toBe(Math.min(first, 40));
        costs.push(count);
      }
    } finally {
      db.prisma = original;
    }
    console.info(`[outreach queue] statements per request for pages of 1, 10, 100: ${costs.join(', ')}`);
    expect(costs[0]).toBeGreaterThan(0);
    expect(costs).toEqual([costs[0], costs[0], costs[0]]);
  });

  it('puts every person shown on the audit trail, with their person id', async () => {
    const worker = await browserFor(org.users.worker2);
    const page = dataOf<QueueData>(await worker.graphql(QUEUE, { first: 10 })).callQueue;
    const trail = await prisma().auditEvent.findMany({
      where: { userId: org.users.worker2.id, action: 'READ', entity: 'OutreachCase' },
      select: { entityId: true, personId: true },
    });
    expect(trail.map((t) => t.entityId).sort()).toEqual(page.entries.map((e) => e.caseId).sort());
    expect(trail.every((t) => t.personId !== null)).toBe(true);
  });

  it('is refused to a counsellor, and an outreach worker of another organisation sees none of these people', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    expect(errorCodes(await counsellor.graphql(QUEUE, { first: 5 }))).toEqual(['FORBIDDEN']);
    const other = await browserFor(org.users.otherWorker);
    expect(dataOf<QueueData>(await other.graphql(QUEUE, { first: 5 })).callQueue.totalCount).toBe(0);
  });

  it('rejects a page size out of range or a forged cursor with a field error', async () => {
    const worker = await browserFor(org.users.worker);
    const big = await worker.graphql(QUEUE, { first: 500 });
    expect(big.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'first', code: 'OUT_OF_RANGE' }),
    ]);
    const forged = await worker.graphql(QUEUE, { first: 5, after: 'eyJ4IjoxfQ==' });
    expect(errorCodes(forged)).toEqual(['VALIDATION']);
  });
});

describe('claims', () => {
  const CLAIM_NEXT = 'mutation { claimNextCase { caseId claimExpiresAt } }';

  it('hides a claimed person from other workers until the claim expires', async () => {
    const worker = await browserFor(org.users.worker);
    const worker2 = await browserFor(org.users.worker2);
    const claim = dataOf<{ claimNextCase: { caseId: string } }>(
      await worker.graphql(CLAIM_NEXT),
    ).claimNextCase;
    const seenBy2 = await allPages(worker2, 100);
    expect(seenBy2).not.toContain(claim.caseId);
    const seenBy1 = dataOf<QueueData>(await worker.graphql(QUEUE, { first: 100 })).callQueue.entries;
    expect(seenBy1.find((e) => e.caseId === claim.caseId)?.claimedByMe).toBe(true);
    const taken = await worker2.graphql('mutation($id: ID!) { claimCase(caseId: $id) { caseId } }', {
      id: claim.caseId,
    });
    expect(errorCodes(taken)).toEqual(['CONFLICT']);

    await prisma().outreachCase.update({
      where: { id: claim.caseId },
      data: { claimExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(await allPages(worker2, 100)).toContain(claim.caseId);
    const reclaimed = await worker2.graphql('mutation($id: ID!) { claimCase(caseId: $id) { caseId } }', {
      id: claim.caseId,
    });
    expect(reclaimed.body.errors).toBeUndefined();
    const audit = await prisma().auditEvent.findFirst({
      where: { entity: 'OutreachCase', entityId: claim.caseId, userId: org.users.worker2.id },
    });
    expect(audit?.personId).not.toBeNull();
  });

  it('never gives two workers claiming at the same time the same person', async () => {
    const today = danishCalendarDate(new Date());
    const claimOnce = (workerId: string) =>
      claimNextCase(prisma(), { organizationId: org.organizationId, workerId, today, claimMinutes: 15 });
    const got: Record<string, string[]> = { a: [], b: [] };
    // Two workers, each claiming as fast as they can, in parallel, until the queue is empty.
    const run = async (key: 'a' | 'b', workerId: string) => {
      for (;;) {
        const claim = await claimOnce(workerId);
        if (!claim) return;
        got[key]!.push(claim.id);
      }
    };
    await Promise.all([run('a', org.users.worker.id), run('b', org.users.worker2.id)]);
    const all = [...got.a!, ...got.b!];
    expect(new Set(all).size).toBe(all.length);
    expect(got.a!.filter((id) => got.b!.includes(id))).toEqual([]);
    // Everything still callable was claimed by one of them.
    expect(all.length).toBeGreaterThan(30);
    if (database().engine === 'postgresql') {
      // On a real server both made progress concurrently.
      expect(got.a!.length).toBeGreaterThan(0);
      expect(got.b!.length).toBeGreaterThan(0);
    }
  });
});
