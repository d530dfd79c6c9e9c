// The clock suite: every "today", "this month" and call-window boundary, checked with a fixed
// clock at 23:30 and 00:30 Danish time, in winter and summer, on both days daylight saving
// changes, and across a month and a year end. The organisations work on Danish days; the server
// runs in UTC, so each of these instants lies on the other side of midnight in one of the two.
//
// The rest of the suite (`npm run test:clock -w @vi/gateway` runs them together):
// - evaluation/evaluation-limit.test.ts: the evaluator's daily limit starts at Danish midnight;
// - evaluation/queries/evaluation-period.test.ts: period filters count Danish days and years;
// - evaluation/queries/aftercare-queries.test.ts: the repeat-stay cut-off is the Danish date;
// - shelter-aftercare/shelter-aftercare.test.ts and stay-corrections.test.ts: admission, move-out and
//   completion dates not in the future, and a child's birth year, on the Danish day;
// - packages/db client.test.ts: every PostgreSQL session runs in UTC, whatever the server's zone.
// Form links and sessions expire after a number of hours from an instant: no calendar day is
// involved, so they are not here.
import { addDays, danishCalendarDate, danishDayStart } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { database, prisma } from '../database.ts';
import { danishDateSql } from '../evaluation/queries/evaluation-filter.ts';
import { danishToday } from '../evaluation/queries/organization-rows.ts';
import { loadQueuePage } from '../outreach/call-queue.ts';
import { loadOutreachOverview } from '../outreach/outreach-overview.ts';
import {
  callableRows,
  createOutreachOrg,
  importRows,
  type OutreachOrg,
} from '../outreach/outreach-test-fixtures.ts';
import { runRetention } from '../outreach/retention.ts';
import { validatePersonProfile } from '../persons/person.ts';

interface Moment {
  label: string;
  /** The fixed clock. */
  at: string;
  /** The Danish calendar day at that instant, worked out by hand. */
  day: string;
  /** The day before and after it. */
  yesterday: string;
  tomorrow: string;
  /** That Danish day's first and last instant as UTC [from, to), by hand (23 or 25 hours on a switch day). */
  from: string;
  to: string;
  /** The Danish month around it, where the moment sits at a month's edge. */
  month?: { from: string; to: string };
}

const MOMENTS: Moment[] = [
  {
    label: 'winter, 23:30',
    at: '2026-01-14T22:30:00Z',
    day: '2026-01-14',
    yesterday: '2026-01-13',
    tomorrow: '2026-01-15',
    from: '2026-01-13T23:00:00Z',
    to: '2026-01-14T23:00:00Z',
  },
  {
    label: 'winter, 00:30',
    at: '2026-01-14T23:30:00Z',
    day: '2026-01-15',
    yesterday: '2026-01-14',
    tomorrow: '2026-01-16',
    from: '2026-01-14T23:00:00Z',
    to: '2026-01-15T23:00:00Z',
  },
  {
    label: 'summer, 23:30',
    at: '2026-06-14T21:30:00Z',
    day: '2026-06-14',
    yesterday: '2026-06-13',
    tomorrow: '2026-06-15',
    from: '2026-06-13T22:00:00Z',
    to: '2026-06-14T22:00:00Z',
  },
  {
    label: 'summer, 00:30',
    at: '2026-06-14T22:30:00Z',
    day: '2026-06-15',
    yesterday: '2026-06-14',
    tomorrow: '2026-06-16',
    from: '2026-06-14T22:00:00Z',
    to: '2026-06-15T22:00:00Z',
  },
  {
    label: 'clocks go forward, 00:30 winter time',
    at: '2026-03-28T23:30:00Z',
    day: '2026-03-29',
    yesterday: '2026-03-28',
    tomorrow: '2026-03-30',
    from: '2026-03-28T23:00:00Z',
    to: '2026-03-29T22:00:00Z',
  },
  {
    label: 'clocks went forward, 23:30 summer time',
    at: '2026-03-29T21:30:00Z',
    day: '2026-03-29',
    yesterday: '2026-03-28',
    tomorrow: '2026-03-30',
    from: '2026-03-28T23:00:00Z',
    to: '2026-03-29T22:00:00Z',
  },
  {
    label: 'clocks go back, 00:30 summer time',
    at: '2026-10-24T22:30:00Z',
    day: '2026-10-25',
    yesterday: '2026-10-24',
    tomorrow: '2026-10-26',
    from: '2026-10-24T22:00:00Z',
    to: '2026-10-25T23:00:00Z',
  },
  {
    label: 'clocks went back, 23:30 winter time',
    at: '2026-10-25T22:30:00Z',
    day: '2026-10-25',
    yesterday: '2026-10-24',
    tomorrow: '2026-10-26',
    from: '2026-10-24T22:00:00Z',
    to: '2026-10-25T23:00:00Z',
  },
  {
    label: 'last evening of October, 23:30',
    at: '2026-10-31T22:30:00Z',
    day: '2026-10-31',
    yesterday: '2026-10-30',
    tomorrow: '2026-11-01',
    from: '2026-10-30T23:00:00Z',
    to: '2026-10-31T23:00:00Z',
    month: { from: '2026-09-30T22:00:00Z', to: '2026-10-31T23:00:00Z' },
  },
  {
    label: 'first night of November, 00:30',
    at: '2026-10-31T23:30:00Z',
    day: '2026-11-01',
    yesterday: '2026-10-31',
    tomorrow: '2026-11-02',
    from: '2026-10-31T23:00:00Z',
    to: '2026-11-01T23:00:00Z',
    month: { from: '2026-10-31T23:00:00Z', to: '2026-11-30T23:00:00Z' },
  },
  {
    label: 'new year, 00:30',
    at: '2026-12-31T23:30:00Z',
    day: '2027-01-01',
    yesterday: '2026-12-31',
    tomorrow: '2027-01-02',
    from: '2026-12-31T23:00:00Z',
    to: '2027-01-01T23:00:00Z',
    month: { from: '2026-12-31T23:00:00Z', to: '2027-01-31T23:00:00Z' },
  },
];

const ms = (iso: string) => new Date(iso).getTime();
const minutes = (n: number) => n * 60_000;

describe.each(MOMENTS)('Danish day at $label ($at)', (moment) => {
  const now = new Date(moment.at);

  it('is the same day for every "today" in the code', () => {
    expect(danishCalendarDate(now)).toBe(moment.day);
    expect(todayInDenmark(now)).toBe(moment.day);
    expect(danishToday(now)).toBe(moment.day);
  });

  it('allows a birth year up to the Danish year, not the UTC one', () => {
    const year = Number(moment.day.slice(0, 4));
    expect(validatePersonProfile({ birthYear: year }, now)).toEqual([]);
    expect(validatePersonProfile({ birthYear: year + 1 }, now)).toHaveLength(1);
  });
});

describe('database boundaries at a fixed clock', () => {
  let org: OutreachOrg;
  let caseIds: string[];

  beforeAll(async () => {
    org = await createOutreachOrg('klokke');
    await importRows(org, callableRows(4));
    const rows = await database().query<{ id: string }>(
      `SELECT id FROM "OutreachCase" WHERE "organizationId" = $1 AND status = 'OPEN' ORDER BY id`,
      [org.organizationId],
    );
    caseIds = rows.map((r) => r.id);
    expect(caseIds).toHaveLength(4);
  });

  it.each(MOMENTS)(
    "takes $label as the Danish day in the evaluation's SQL too (a course that ended yesterday has finished)",
    async (moment) => {
      const [row] = await database().query<{ day: string }>(
        `SELECT to_char(${danishDateSql('$1::timestamptz')}, 'YYYY-MM-DD') AS day`,
        [moment.at],
      );
      expect(row?.day).toBe(moment.day);
    },
  );

  /** Puts the four cases back in the queue with the given windows and creation instants. */
  async function arrange(cases: { callableFrom: string; callableUntil: string; createdAt: Date }[]) {
    for (const [i, c] of cases.entries()) {
      await database().query(
        `UPDATE "OutreachCase"
            SET status = 'OPEN', "closedAt" = NULL, "claimedById" = NULL, "claimExpiresAt" = NULL,
                "nextAttemptAfter" = NULL, "callableFrom" = $2::date, "callableUntil" = $3::date,
                "createdAt" = ($4::timestamptz AT TIME ZONE 'UTC')
          WHERE id = $1::uuid`,
        [caseIds[i], c.callableFrom, c.callableUntil, c.createdAt.toISOString()],
      );
    }
  }

  async function statusOf(id: string | undefined): Promise<string | undefined> {
    const [row] = await database().query<{ status: string }>(
      `SELECT status::text FROM "OutreachCase" WHERE id = $1`,
      [id],
    );
    return row?.status;
  }

  it.each(MOMENTS)('at $label the queue, the overview and retention use the Danish day', async (moment) => {
    const now = new Date(moment.at);
    const { day, yesterday, tomorrow } = moment;
    await arrange([
      // 0: callable from today: in the queue; created five minutes after the Danish day began.
      { callableFrom: day, callableUntil: tomorrow, createdAt: new Date(ms(moment.from) + minutes(5)) },
      // 1: callable from tomorrow: not yet; created five minutes before the Danish day began.
      { callableFrom: tomorrow, callableUntil: tomorrow, createdAt: new Date(ms(moment.from) - minutes(5)) },
      // 2: its window closes today: still callable, and not expired by retention.
      { callableFrom: yesterday, callableUntil: day, createdAt: new Date(ms(moment.to) - minutes(5)) },
      // 3: its window closed yesterday: not callable; retention expires it.
      { callableFrom: yesterday, callableUntil: yesterday, createdAt: new Date(ms(moment.to) + minutes(5)) },
    ]);

    const page = await loadQueuePage(prisma(), {
      organizationId: org.organizationId,
      workerId: org.users.worker.id,
      today: danishCalendarDate(now),
      first: 10,
      after: null,
      incidentTypes: null,
      roles: null,
    });
    expect(page.entries.map((e) => e.id).sort()).toEqual([caseIds[0], caseIds[2]].sort());
    expect(page.totalCount).toBe(2);

    const today = await loadOutreachOverview(prisma(), {
      organizationId: org.organizationId,
      period: 'TODAY',
      now,
    });
    expect([today.from.toISOString(), today.to.toISOString()]).toEqual([
      new Date(moment.from).toISOString(),
      new Date(moment.to).toISOString(),
    ]);
    // Cases 0 and 2 were created inside the Danish day, 1 and 3 just outside it.
    expect(today.counts.identified).toBe(2);

    if (moment.month) {
      const month = await loadOutreachOverview(prisma(), {
        organizationId: org.organizationId,
        period: 'THIS_MONTH',
        now,
      });
      expect([month.from.toISOString(), month.to.toISOString()]).toEqual([
        new Date(moment.month.from).toISOString(),
        new Date(moment.month.to).toISOString(),
      ]);
    }

    const retention = await runRetention(database(), now);
    expect(retention.expiredCases).toBe(1);
    expect(await statusOf(caseIds[3])).toBe('EXPIRED');
    expect(await statusOf(caseIds[2])).toBe('OPEN');
    expect(await statusOf(caseIds[0])).toBe('OPEN');
    // The expired case's contact is erased at the start of the Danish day the retention period
    // after today (Danish), not a number of 24-hour steps after the run.
    const [erase] = await database().query<{ erase_after: Date; days: number }>(
      `SELECT pc."eraseAfter" AS erase_after, o."contactRetentionDays" AS days
         FROM "OutreachCase" c JOIN "PersonContact" pc ON pc."personId" = c."personId"
         JOIN "Organization" o ON o.id = c."organizationId" WHERE c.id = $1`,
      [caseIds[3]],
    );
    expect(erase).toBeDefined();
    expect(new Date(erase?.erase_after ?? 0).toISOString()).toBe(
      danishDayStart(addDays(moment.day, Number(erase?.days))).toISOString(),
    );
  });
});
