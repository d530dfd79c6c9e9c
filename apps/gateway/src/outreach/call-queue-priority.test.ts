// The priority the queue is ordered by lives on the case ("queuePriority", migration 0313) and is
// kept by triggers. These tests change each input that decides it (the type's setting through the
// settings screen's mutation, a case's type, a stray direct write, a deleted setting) and check
// that the next claim and the queue page follow at once; and that the time-dependent eligibility
// the index checks (retry time, call window) is still exact to the second and the day.
import { danishCalendarDate } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import { claimNextCase, loadQueuePage } from './call-queue.ts';
import { importIncidentRows } from './incident-import.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  importRows,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';

let org: OutreachOrg;
/** The Danish date the whole file reads the queue for, fixed once so a run across midnight agrees with itself. */
let day: string;

const SETTINGS = `mutation($types: [IncidentTypeSettingInput!]) {
  updateOutreachSettings(input: { incidentTypes: $types }) { claimMinutes } }`;

async function setPriority(type: string, priority: number) {
  const lead = await browserFor(org.users.lead);
  dataOf(await lead.graphql(SETTINGS, { types: [{ type, activeForOutreach: true, priority }] }));
}

/** The whole queue as worker2 sees it, in order. */
async function queue() {
  const page = await loadQueuePage(prisma(), {
    organizationId: org.organizationId,
    workerId: org.users.worker2.id,
    today: day,
    first: 100,
    after: null,
  });
  return page.entries;
}

/** Claims the next case as `worker` and gives it straight back, so the queue stays as it was. */
async function peekClaim(workerId = org.users.worker.id) {
  const claim = await claimNextCase(database(), {
    organizationId: org.organizationId,
    workerId,
    today: day,
  });
  if (claim) {
    await prisma().outreachCase.update({
      where: { id: claim.id },
      data: { claimedById: null, claimExpiresAt: null },
    });
  }
  return claim;
}

async function typeOf(caseId: string) {
  return (await prisma().outreachCase.findUniqueOrThrow({ where: { id: caseId } })).incidentType;
}

/** Every open case's stored priority against its type's setting read now: the two must agree. */
async function drift(): Promise<number> {
  const [row] = await database().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "OutreachCase" c
       LEFT JOIN "IncidentTypeSetting" s ON s."organizationId" = c."organizationId" AND s.type = c."incidentType"
      WHERE c.status = 'OPEN' AND c."queuePriority" <> COALESCE(s.priority, 0)`,
  );
  return Number(row?.n);
}

beforeAll(async () => {
  day = danishCalendarDate(new Date());
  org = await createOutreachOrg('prio');
  // 30 callable people: violence, threats, robbery, stalking and sexual offences in turn.
  await importRows(org, callableRows(30));
  // The same types in another organisation, whose settings are its own.
  await importIncidentRows(prisma(), {
    organizationId: org.otherOrganizationId,
    userId: org.users.otherWorker.id,
    fileName: 'other.csv',
    rows: callableRows(10, 100),
    now: new Date(),
  });
});

describe('the stored queue priority', () => {
  it('re-ranks the open cases when the settings screen changes a type priority', async () => {
    expect(await drift()).toBe(0);
    const before = await peekClaim();
    expect(before).not.toBeNull();

    await setPriority('ROBBERY', 7);
    expect(
      await prisma().outreachCase.count({
        where: { organizationId: org.otherOrganizationId, incidentType: 'ROBBERY', queuePriority: 0 },
      }),
    ).toBe(2);
    const claim = await peekClaim();
    expect(await typeOf(claim!.id)).toBe('ROBBERY');
    const ordered = await queue();
    const robberies = ordered.filter((e) => e.incidentType === 'ROBBERY');
    expect(robberies.length).toBeGreaterThan(0);
    expect(ordered.slice(0, robberies.length).every((e) => e.incidentType === 'ROBBERY')).toBe(true);
    expect(ordered[0]!.priority).toBe(7);

    // Down below everyone else: robberies now come last.
    await setPriority('ROBBERY', -5);
    const last = await queue();
    expect(last.slice(-robberies.length).every((e) => e.incidentType === 'ROBBERY')).toBe(true);
    expect(await typeOf((await peekClaim())!.id)).not.toBe('ROBBERY');
    expect(await drift()).toBe(0);
  });

  it('follows a case whose incident type is corrected, and ignores a direct write of the column', async () => {
    await setPriority('STALKING', 9);
    const violence = await prisma().outreachCase.findFirstOrThrow({
      where: { organizationId: org.organizationId, status: 'OPEN', incidentType: 'VIOLENCE' },
      orderBy: { createdAt: 'desc' },
    });
    expect(violence.queuePriority).toBe(0);
    await prisma().outreachCase.update({ where: { id: violence.id }, data: { incidentType: 'STALKING' } });
    const corrected = await prisma().outreachCase.findUniqueOrThrow({ where: { id: violence.id } });
    expect(corrected.queuePriority).toBe(9);
    expect((await queue()).findIndex((e) => e.id === violence.id)).toBeLessThan(
      (await queue()).filter((e) => e.incidentType === 'STALKING').length,
    );

    // A writer that sets the column itself gets the type's priority instead.
    await prisma().outreachCase.update({ where: { id: violence.id }, data: { queuePriority: 100 } });
    expect(
      (await prisma().outreachCase.findUniqueOrThrow({ where: { id: violence.id } })).queuePriority,
    ).toBe(9);
    expect(await drift()).toBe(0);
  });

  it('falls back to 0 when a setting is deleted, and leaves closed cases as they left the queue', async () => {
    const closed = await prisma().outreachCase.findFirstOrThrow({
      where: { organizationId: org.organizationId, status: 'OPEN', incidentType: 'STALKING' },
    });
    await prisma().outreachCase.update({ where: { id: closed.id }, data: { status: 'DECLINED' } });
    await prisma().incidentTypeSetting.delete({
      where: { organizationId_type: { organizationId: org.organizationId, type: 'STALKING' } },
    });
    const open = await prisma().outreachCase.findMany({
      where: { organizationId: org.organizationId, status: 'OPEN', incidentType: 'STALKING' },
      select: { queuePriority: true },
    });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => c.queuePriority === 0)).toBe(true);
    expect((await prisma().outreachCase.findUniqueOrThrow({ where: { id: closed.id } })).queuePriority).toBe(
      9,
    );
    expect(await drift()).toBe(0);
  });
});

describe('time-dependent eligibility read from the index', () => {
  it('skips a case waiting for its retry until the retry time has passed', async () => {
    const first = await peekClaim();
    expect(first).not.toBeNull();
    await prisma().outreachCase.update({
      where: { id: first!.id },
      data: { nextAttemptAfter: new Date(Date.now() + 60_000) },
    });
    const meanwhile = await peekClaim();
    expect(meanwhile?.id).not.toBe(first!.id);
    expect((await queue()).map((e) => e.id)).not.toContain(first!.id);

    await prisma().outreachCase.update({
      where: { id: first!.id },
      data: { nextAttemptAfter: new Date(Date.now() - 1000) },
    });
    expect((await peekClaim())?.id).toBe(first!.id);
  });

  it('skips a case whose call window has not opened or has closed', async () => {
    const first = (await peekClaim())!;
    const row = await prisma().outreachCase.findUniqueOrThrow({ where: { id: first.id } });
    const today = new Date(`${day}T00:00:00Z`);
    const tomorrow = new Date(today.getTime() + 86_400_000);
    const yesterday = new Date(today.getTime() - 86_400_000);

    await prisma().outreachCase.update({ where: { id: first.id }, data: { callableFrom: tomorrow } });
    expect((await peekClaim())?.id).not.toBe(first.id);
    // Opens today: callable again (last of its priority group: it became callable last).
    await prisma().outreachCase.update({ where: { id: first.id }, data: { callableFrom: today } });
    expect((await queue()).map((e) => e.id)).toContain(first.id);

    await prisma().outreachCase.update({
      where: { id: first.id },
      data: { callableFrom: row.callableFrom, callableUntil: yesterday },
    });
    expect((await queue()).map((e) => e.id)).not.toContain(first.id);
    // Closes today: still callable all day.
    await prisma().outreachCase.update({ where: { id: first.id }, data: { callableUntil: today } });
    expect((await peekClaim())?.id).toBe(first.id);
  });
});
