// The clock suite's hate-crime aftercare part (issue 12): every date of the model is a Danish
// calendar day. With a fixed clock at 23:30 and 00:30 Danish time, in winter and summer, on both
// days daylight saving changes and at 31 December / 1 January, the whole flow runs through the
// gateway: the case's openedOn and closedOn, the assessment, the referral's sentOn, startedOn and
// status dates, a legal task's openedOn and closedOn, the erasure of the hand-over after the
// retention period (Danish calendar days, domain hand-over-retention.ts) and the lead view's year.
// At 00:30 the UTC date is still yesterday's, and after 22:00/23:00 UTC it is already tomorrow's
// Danish day: a date taken from UTC refuses today or accepts tomorrow in one of the two.
// Part of `npm run test:clock -w @vi/gateway` (it runs everything in src/clock).
import type { Role } from '@vi/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/session.ts';
import { openDatabase, prisma } from '../database.ts';
import { applyHateCrimeRetention } from '../hate-crime/retention.ts';
import { clockAt, realClockAfterEach } from '../testing/fixed-clock.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import { type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import '../hate-crime/index.ts';

interface Moment {
  label: string;
  /** The fixed clock. */
  at: string;
  /** The Danish calendar day at that instant, by hand. */
  day: string;
  tomorrow: string;
  /** The first instant of the next Danish day, by hand (a 23- or 25-hour day on a switch day). */
  nextDayStarts: string;
}

const MOMENTS: Moment[] = [
  {
    label: 'winter, 23:30',
    at: '2026-01-14T22:30:00Z',
    day: '2026-01-14',
    tomorrow: '2026-01-15',
    nextDayStarts: '2026-01-14T23:00:00Z',
  },
  {
    label: 'winter, 00:30',
    at: '2026-01-14T23:30:00Z',
    day: '2026-01-15',
    tomorrow: '2026-01-16',
    nextDayStarts: '2026-01-15T23:00:00Z',
  },
  {
    label: 'summer, 23:30',
    at: '2026-06-14T21:30:00Z',
    day: '2026-06-14',
    tomorrow: '2026-06-15',
    nextDayStarts: '2026-06-14T22:00:00Z',
  },
  {
    label: 'summer, 00:30',
    at: '2026-06-14T22:30:00Z',
    day: '2026-06-15',
    tomorrow: '2026-06-16',
    nextDayStarts: '2026-06-15T22:00:00Z',
  },
  {
    label: 'clocks go forward, 00:30 winter time',
    at: '2026-03-28T23:30:00Z',
    day: '2026-03-29',
    tomorrow: '2026-03-30',
    nextDayStarts: '2026-03-29T22:00:00Z',
  },
  {
    label: 'clocks went forward, 23:30 summer time',
    at: '2026-03-29T21:30:00Z',
    day: '2026-03-29',
    tomorrow: '2026-03-30',
    nextDayStarts: '2026-03-29T22:00:00Z',
  },
  {
    label: 'clocks go back, 00:30 summer time',
    at: '2026-10-24T22:30:00Z',
    day: '2026-10-25',
    tomorrow: '2026-10-26',
    nextDayStarts: '2026-10-25T23:00:00Z',
  },
  {
    label: 'clocks went back, 23:30 winter time',
    at: '2026-10-25T22:30:00Z',
    day: '2026-10-25',
    tomorrow: '2026-10-26',
    nextDayStarts: '2026-10-25T23:00:00Z',
  },
  {
    label: '31 December, 23:30',
    at: '2026-12-31T22:30:00Z',
    day: '2026-12-31',
    tomorrow: '2027-01-01',
    nextDayStarts: '2026-12-31T23:00:00Z',
  },
  {
    label: '1 January, 00:30',
    at: '2026-12-31T23:30:00Z',
    day: '2027-01-01',
    tomorrow: '2027-01-02',
    nextDayStarts: '2027-01-01T23:00:00Z',
  },
];

/** One retention day: the hand-over is erased when the Danish day after the closing day begins. */
const RETENTION_DAYS = 1;

const START = `mutation($input: StartHateCrimeAftercareInput!) { startHateCrimeAftercare(input: $input) { id openedOn } }`;
const NEEDS = `mutation($id: ID!, $input: HateCrimeNeedsInput!) {
  recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) { id needs { assessedOn } } }`;
const REFER = `mutation($id: ID!, $input: HateCrimeReferralInput!) {
  referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id sentOn statusChangedOn } }`;
const LEGAL_STATUS = `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
  changeLegalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status statusChangedOn startedOn } }`;
const OPEN_TASK = `mutation($id: ID!, $input: OpenHateCrimeLegalTaskInput!) {
  openHateCrimeLegalTask(hateCrimeReferralId: $id, input: $input) { id status startedOn legalTasks { id openedOn } } }`;
const TASK_STATUS = `mutation($id: ID!, $input: HateCrimeLegalTaskStatusInput!) {
  changeHateCrimeLegalTaskStatus(legalTaskId: $id, input: $input) { id legalTasks { id status closedOn } } }`;
const CLOSE = `mutation($id: ID!, $input: CloseHateCrimeCaseInput!) {
  closeHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id closedOn } }`;
const LEAD = `query($year: Int!) { hateCrimeLeadView(year: $year) { year casesOpened victimsWithAftercare } }`;

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

/** The field-named errors of a refusal, as [field, code]. */
function refused(response: GraphQLResponse): Array<[string, string]> {
  expect(response.body.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  return (
    (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string; code: string }>
  ).map((f) => [f.field, f.code]);
}

realClockAfterEach();

beforeAll(async () => {
  await openDatabase();
});

/** A sending and a receiving organisation of the moment's own, so each moment's counts are its own. */
async function world(n: number) {
  const sender = await createOrganization({
    name: `Klokke afsender ${n}`,
    slug: `hc-clock-s${n}`,
    kind: 'NGO',
  });
  const legal = await createOrganization({ name: `Klokke jura ${n}`, slug: `hc-clock-l${n}`, kind: 'NGO' });
  await prisma().organization.update({
    where: { id: legal.id },
    data: { contactRetentionDays: RETENTION_DAYS },
  });
  const user = async (who: string, organizationId: string, role: Role) =>
    (await createUser({ email: `${who}-${n}@hc-clock.test`, memberships: [{ organizationId, role }] })).id;
  const ids = {
    sender: sender.id,
    legal: legal.id,
    counsellor: await user('counsellor', sender.id, 'COUNSELLOR'),
    lead: await user('lead', sender.id, 'PROJECT_LEAD'),
    adviser: await user('adviser', legal.id, 'LEGAL_FINANCIAL_ADVISER'),
  };
  /** A browser with a session made at the fixed clock's time. */
  const as = async (userId: string, organizationId: string) => {
    const browser = new TestBrowser();
    browser.cookie = (await createSession(userId, organizationId)).token;
    return browser;
  };
  return { ids, as };
}

describe.each(MOMENTS.map((m, i) => ({ ...m, n: i })))(
  'hate-crime aftercare at $label ($at)',
  ({ at, day, tomorrow, nextDayStarts, n }) => {
    it('dates the case, the referral, its task and its closing on the Danish day, and refuses tomorrow', async () => {
      const { ids, as } = await world(n);
      clockAt(at);
      const counsellor = await as(ids.counsellor, ids.sender);
      const adviser = await as(ids.adviser, ids.legal);

      const start = { entryPoint: 'SELF', alias: 'Ida', phone: '+4526112233' };
      expect(refused(await counsellor.graphql(START, { input: { ...start, openedOn: tomorrow } }))).toEqual([
        ['openedOn', 'DATE_IN_FUTURE'],
      ]);
      const opened = dataOf<{ startHateCrimeAftercare: { id: string; openedOn: string } }>(
        await counsellor.graphql(START, { input: { ...start, openedOn: day } }),
      ).startHateCrimeAftercare;
      expect(opened.openedOn).toBe(day);
      const needs = { individualPsychologist: 'NO', legalFinancial: 'CERTAINLY', group: 'NO' };
      expect(
        refused(
          await counsellor.graphql(NEEDS, { id: opened.id, input: { ...needs, assessedOn: tomorrow } }),
        ),
      ).toEqual([['assessedOn', 'DATE_IN_FUTURE']]);
      dataOf(await counsellor.graphql(NEEDS, { id: opened.id, input: { ...needs, assessedOn: day } }));
      const sent = dataOf<{ referHateCrimeCase: { id: string; sentOn: string; statusChangedOn: string } }>(
        await counsellor.graphql(REFER, {
          id: opened.id,
          input: {
            track: 'LEGAL_FINANCIAL',
            receiverOrganizationId: ids.legal,
            consentGiven: true,
            legalTaskKinds: ['AUTHORITY_CONTACT'],
          },
        }),
      ).referHateCrimeCase;
      expect([sent.sentOn, sent.statusChangedOn]).toEqual([day, day]);

      // The receiving adviser: accepted and worked today; tomorrow is refused at every step.
      expect(
        refused(
          await adviser.graphql(LEGAL_STATUS, { id: sent.id, input: { status: 'ACCEPTED', on: tomorrow } }),
        ).map(([, code]) => code),
      ).toEqual(['DATE_IN_FUTURE']);
      dataOf(await adviser.graphql(LEGAL_STATUS, { id: sent.id, input: { status: 'ACCEPTED', on: day } }));
      expect(
        refused(
          await adviser.graphql(OPEN_TASK, {
            id: sent.id,
            input: { kind: 'AUTHORITY_CONTACT', openedOn: tomorrow },
          }),
        ),
      ).toEqual([['openedOn', 'DATE_IN_FUTURE']]);
      const worked = dataOf<{
        openHateCrimeLegalTask: {
          status: string;
          startedOn: string;
          legalTasks: Array<{ id: string; openedOn: string }>;
        };
      }>(
        await adviser.graphql(OPEN_TASK, {
          id: sent.id,
          input: { kind: 'AUTHORITY_CONTACT', openedOn: day },
        }),
      ).openHateCrimeLegalTask;
      expect([worked.status, worked.startedOn, worked.legalTasks[0]?.openedOn]).toEqual([
        'STARTED',
        day,
        day,
      ]);
      const taskId = worked.legalTasks[0]?.id;
      expect(
        refused(
          await adviser.graphql(TASK_STATUS, {
            id: taskId,
            input: { status: 'CLOSED', on: tomorrow, outcome: 'HELP_GIVEN' },
          }),
        ).map(([, code]) => code),
      ).toEqual(['DATE_IN_FUTURE']);
      const closedTask = dataOf<{
        changeHateCrimeLegalTaskStatus: { legalTasks: Array<{ closedOn: string }> };
      }>(
        await adviser.graphql(TASK_STATUS, {
          id: taskId,
          input: { status: 'CLOSED', on: day, outcome: 'HELP_GIVEN' },
        }),
      ).changeHateCrimeLegalTaskStatus;
      expect(closedTask.legalTasks[0]?.closedOn).toBe(day);
      const completed = dataOf<{ changeLegalReferralStatus: { status: string; statusChangedOn: string } }>(
        await adviser.graphql(LEGAL_STATUS, { id: sent.id, input: { status: 'COMPLETED', on: day } }),
      ).changeLegalReferralStatus;
      expect(completed).toMatchObject({ status: 'COMPLETED', statusChangedOn: day });

      // The hand-over is kept for the retention period in Danish days: erased when the Danish day
      // after the closing day begins, not 24 hours after the closing instant.
      const row = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: sent.id } });
      expect(row.eraseAfter?.toISOString()).toBe(new Date(nextDayStarts).toISOString());
      const justBefore = new Date(new Date(nextDayStarts).getTime() - 1000);
      expect(
        (await prisma().$transaction((tx) => applyHateCrimeRetention(tx, justBefore))).erasedReferrals,
      ).toBe(0);
      expect(
        (await prisma().$transaction((tx) => applyHateCrimeRetention(tx, new Date(nextDayStarts))))
          .erasedReferrals,
      ).toBe(1);
      expect(
        (await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: sent.id } })).alias,
      ).toBeNull();

      // The sender closes the case today, not tomorrow.
      expect(
        refused(await counsellor.graphql(CLOSE, { id: opened.id, input: { closedOn: tomorrow } })).map(
          ([, code]) => code,
        ),
      ).toEqual(['DATE_IN_FUTURE']);
      const closed = dataOf<{ closeHateCrimeCase: { closedOn: string } }>(
        await counsellor.graphql(CLOSE, { id: opened.id, input: { closedOn: day } }),
      ).closeHateCrimeCase;
      expect(closed.closedOn).toBe(day);
    });

    it('counts the case in the lead view’s Danish year, and allows next year’s budget but no later', async () => {
      const { ids, as } = await world(100 + n);
      clockAt(at);
      const counsellor = await as(ids.counsellor, ids.sender);
      dataOf(
        await counsellor.graphql(START, {
          input: { entryPoint: 'SELF', alias: 'Ida', phone: '+4526112233', openedOn: day },
        }),
      );
      const lead = await as(ids.lead, ids.sender);
      const year = Number(day.slice(0, 4));
      const view = async (y: number) =>
        dataOf<{ hateCrimeLeadView: { year: number; casesOpened: number } }>(
          await lead.graphql(LEAD, { year: y }),
        ).hateCrimeLeadView;
      expect(await view(year)).toMatchObject({ year, casesOpened: 1 });
      expect(await view(year - 1)).toMatchObject({ year: year - 1, casesOpened: 0 });
      expect(await view(year + 1)).toMatchObject({ year: year + 1, casesOpened: 0 });
      expect(refused(await lead.graphql(LEAD, { year: year + 2 }))).toEqual([['year', 'OUT_OF_RANGE']]);
    });
  },
);
