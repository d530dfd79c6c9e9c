import { addDays, danishCalendarDate, danishDayStart } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  errorCodes,
  importRows,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';
import { runRetention } from './retention.ts';

const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const CALL_CASE = `query($id: ID!) { callCase(caseId: $id) { id name phone incidentType noMessageReminder attemptCount maxCallAttempts } }`;
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { caseId status attemptCount nextAttemptAfter referralId showSafeContactGuidance } }`;

let org: OutreachOrg;

beforeAll(async () => {
  org = await createOutreachOrg('flow');
  await importRows(org, callableRows(30));
});

type Browser = Awaited<ReturnType<typeof browserFor>>;

async function claim(browser: Browser): Promise<string> {
  return dataOf<{ claimNextCase: { caseId: string } }>(await browser.graphql(CLAIM_NEXT)).claimNextCase
    .caseId;
}

async function caseRow(id: string) {
  return prisma().outreachCase.findUniqueOrThrow({
    where: { id },
    include: { attempts: true, referral: true, person: { include: { contact: true } } },
  });
}

describe('the call', () => {
  it('shows the contact details only to the worker holding the claim, audited with the person', async () => {
    const worker = await browserFor(org.users.worker);
    const worker2 = await browserFor(org.users.worker2);
    const id = await claim(worker);
    const shown = dataOf<{ callCase: { phone: string; name: string } }>(
      await worker.graphql(CALL_CASE, { id }),
    ).callCase;
    expect(shown.phone).toMatch(/^\+45\d{8}$/);
    expect(errorCodes(await worker2.graphql(CALL_CASE, { id }))).toEqual(['CONFLICT']);
    const row = await caseRow(id);
    const read = await prisma().auditEvent.findFirst({
      where: { action: 'READ', entity: 'OutreachCase', entityId: id, userId: org.users.worker.id },
    });
    expect(read?.personId).toBe(row.personId);
    await worker.graphql('mutation($id: ID!) { releaseCase(caseId: $id) }', { id });
  });

  it('refuses a referral without consent and changes nothing', async () => {
    const worker = await browserFor(org.users.worker);
    const id = await claim(worker);
    const before = await caseRow(id);
    const response = await worker.graphql(RECORD, {
      id,
      input: { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED' },
    });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    expect(response.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({
        field: 'referralConsent',
        code: 'CONSENT_REQUIRED',
        message: expect.objectContaining({ da: expect.any(String), en: expect.any(String) }),
      }),
    ]);
    const after = await caseRow(id);
    expect(after.referral).toBeNull();
    expect(after.attempts).toHaveLength(0);
    expect(after.status).toBe(before.status);
    expect(await prisma().referral.count({ where: { caseId: id } })).toBe(0);

    const ok = dataOf<{ recordCallOutcome: { status: string; referralId: string } }>(
      await worker.graphql(RECORD, {
        id,
        input: { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED', referralConsent: true },
      }),
    ).recordCallOutcome;
    expect(ok.status).toBe('REFERRED');
    const referral = await prisma().referral.findUniqueOrThrow({ where: { id: ok.referralId } });
    expect(referral.consentAt).toBeInstanceOf(Date);
    expect(referral.status).toBe('OPEN');
  });

  it('stores nothing that names the purpose when it is not safe to talk, and shows the guidance', async () => {
    const worker = await browserFor(org.users.worker);
    const id = await claim(worker);
    const leaking = await worker.graphql(RECORD, {
      id,
      input: {
        outcome: 'NOT_SAFE_TO_TALK',
        declineReason: 'OTHER',
        declineReasonText: 'kæresten tog telefonen',
      },
    });
    expect(errorCodes(leaking)).toEqual(['VALIDATION']);
    expect((await caseRow(id)).attempts).toHaveLength(0);

    const result = dataOf<{
      recordCallOutcome: { status: string; nextAttemptAfter: string; showSafeContactGuidance: boolean };
    }>(await worker.graphql(RECORD, { id, input: { outcome: 'NOT_SAFE_TO_TALK' } })).recordCallOutcome;
    expect(result.status).toBe('OPEN');
    expect(result.showSafeContactGuidance).toBe(true);
    expect(new Date(result.nextAttemptAfter).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const row = await caseRow(id);
    expect(row).toMatchObject({
      outcome: 'NOT_SAFE_TO_TALK',
      declineReason: null,
      declineReasonText: null,
      surveyStatus: null,
      reachedAt: null,
      claimedById: null,
    });
    expect(row.attempts.map((a) => a.outcome)).toEqual(['NOT_SAFE_TO_TALK']);
    const trail = await prisma().auditEvent.findMany({ where: { entityId: id, action: 'UPDATE' } });
    expect(JSON.stringify(trail.map((t) => t.detail))).not.toMatch(/kæresten|OTHER|reason/i);
    // Not callable again until the next-attempt time.
    const queue = dataOf<{ callQueue: { entries: { caseId: string }[] } }>(
      await worker.graphql('query { callQueue(first: 100) { entries { caseId } } }'),
    ).callQueue;
    expect(queue.entries.map((e) => e.caseId)).not.toContain(id);
  });

  it('closes the case as unreached after the configured number of attempts', async () => {
    await prisma().organization.update({ where: { id: org.organizationId }, data: { maxCallAttempts: 2 } });
    const worker = await browserFor(org.users.worker);
    const id = await claim(worker);
    const first = dataOf<{ recordCallOutcome: { status: string } }>(
      await worker.graphql(RECORD, { id, input: { outcome: 'NOT_REACHED' } }),
    ).recordCallOutcome;
    expect(first.status).toBe('OPEN');
    // The next attempt waits two hours; move it so the worker can claim again now.
    await prisma().outreachCase.update({
      where: { id },
      data: { nextAttemptAfter: new Date(Date.now() - 1000) },
    });
    expect(
      dataOf(await worker.graphql('mutation($id: ID!) { claimCase(caseId: $id) { caseId } }', { id })),
    ).toBeTruthy();
    const second = dataOf<{ recordCallOutcome: { status: string } }>(
      await worker.graphql(RECORD, { id, input: { outcome: 'NOT_REACHED' } }),
    ).recordCallOutcome;
    expect(second.status).toBe('UNREACHED');
    const row = await caseRow(id);
    expect(row.closedAt).not.toBeNull();
    expect(row.person.contact?.eraseAfter).not.toBeNull();
    await prisma().organization.update({ where: { id: org.organizationId }, data: { maxCallAttempts: 3 } });
  });

  it('refuses to record a call without holding the claim, and refuses other roles', async () => {
    const worker = await browserFor(org.users.worker);
    const worker2 = await browserFor(org.users.worker2);
    const id = await claim(worker);
    expect(errorCodes(await worker2.graphql(RECORD, { id, input: { outcome: 'NOT_REACHED' } }))).toEqual([
      'CONFLICT',
    ]);
    const counsellor = await browserFor(org.users.counsellor);
    expect(errorCodes(await counsellor.graphql(RECORD, { id, input: { outcome: 'NOT_REACHED' } }))).toEqual([
      'FORBIDDEN',
    ]);
    await worker.graphql('mutation($id: ID!) { releaseCase(caseId: $id) }', { id });
  });
});

describe("the counsellor's side", () => {
  const WAITING = 'query { waitingReferrals { id pseudonym incidentType daysWaiting name phone } }';
  const TAKE = 'mutation($id: ID!) { takeReferral(referralId: $id) { id status name phone takenByMe } }';
  const RESULT = `mutation($id: ID!, $input: ReferralResultInput!) {
    recordReferralResult(referralId: $id, input: $input) { id status lostReason closedAt } }`;

  it('sees waiting referrals without contact details, takes one, sees the details, and closes it', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    const counsellor2 = await browserFor(org.users.counsellor2);
    const waiting = dataOf<{
      waitingReferrals: { id: string; name: string | null; phone: string | null; daysWaiting: number }[];
    }>(await counsellor.graphql(WAITING)).waitingReferrals;
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => r.name === null && r.phone === null && r.daysWaiting === 0)).toBe(true);
    const referralId = waiting[0]!.id;

    const taken = dataOf<{ takeReferral: { status: string; phone: string; takenByMe: boolean } }>(
      await counsellor.graphql(TAKE, { id: referralId }),
    ).takeReferral;
    expect(taken).toMatchObject({ status: 'TAKEN', takenByMe: true });
    expect(taken.phone).toMatch(/^\+45/);
    expect(errorCodes(await counsellor2.graphql(TAKE, { id: referralId }))).toEqual(['CONFLICT']);
    expect(
      errorCodes(
        await counsellor2.graphql(RESULT, { id: referralId, input: { result: 'CONVERSATION_HELD' } }),
      ),
    ).toEqual(['CONFLICT']);

    const lostWithoutReason = await counsellor.graphql(RESULT, { id: referralId, input: { result: 'LOST' } });
    expect(lostWithoutReason.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'lostReason', code: 'LOST_REASON_REQUIRED' }),
    ]);
    const closed = dataOf<{ recordReferralResult: { status: string } }>(
      await counsellor.graphql(RESULT, { id: referralId, input: { result: 'CONVERSATION_HELD' } }),
    ).recordReferralResult;
    expect(closed.status).toBe('CONVERSATION_HELD');
    const referral = await prisma().referral.findUniqueOrThrow({
      where: { id: referralId },
      include: { case: { include: { person: { include: { contact: true } } } } },
    });
    expect(referral.case.person.contact?.eraseAfter).not.toBeNull();
  });

  it('is refused to an outreach worker', async () => {
    const worker = await browserFor(org.users.worker);
    expect(errorCodes(await worker.graphql(WAITING))).toEqual(['FORBIDDEN']);
  });
});

describe("the lead's overview", () => {
  const OVERVIEW = `query($period: OverviewPeriod!) { outreachOverview(period: $period) {
    counts { identified withContactDetails inactiveType reached wantsCall declined willCallSelf referralsOpen conversationHeld registeredOther lost }
    rates { acceptance { numerator denominator rate } conversion { rate } }
    byIncidentType { group reached wantsCall { numerator } declined { numerator } willCallSelf { numerator } }
    byGender { group reached wantsCall { numerator } }
    byAgeGroup { group reached wantsCall { numerator } }
    byRole { group reached wantsCall { numerator } }
  } }`;

  it('counts exactly what a hand-written SQL count finds on the same data', async () => {
    // More outcomes so every count has something in it.
    const worker = await browserFor(org.users.worker);
    const outcomes = [
      { outcome: 'DECLINED', declineReason: 'NO_NEED', surveyStatus: 'OFFERED_DECLINED' },
      {
        outcome: 'DECLINED',
        declineReason: 'OTHER',
        declineReasonText: 'Har allerede hjælp',
        surveyStatus: 'NOT_APPROPRIATE_LANGUAGE',
      },
      { outcome: 'WILL_CALL_SELF', surveyStatus: 'NOT_OFFERED' },
      { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED', referralConsent: true },
    ];
    for (const input of outcomes) {
      const id = await claim(worker);
      dataOf(await worker.graphql(RECORD, { id, input }));
    }
    await importRows(org, [
      {
        incidentDate: callableRows(1)[0]!.incidentDate,
        incidentType: 'Vold',
        role: 'offer',
        name: 'Ingen Telefon',
      },
      {
        incidentDate: callableRows(1)[0]!.incidentDate,
        incidentType: 'Indbrud',
        role: 'offer',
        phone: '71000001',
      },
    ]);
    const lead = await browserFor(org.users.lead);
    type Overview = {
      outreachOverview: {
        counts: Record<string, number>;
        rates: { acceptance: { numerator: number; denominator: number; rate: number } };
        byIncidentType: {
          group: string;
          reached: number;
          wantsCall: { numerator: number };
          declined: { numerator: number };
        }[];
        byGender: { group: string; reached: number }[];
        byAgeGroup: { group: string; reached: number }[];
        byRole: { group: string; reached: number; wantsCall: { numerator: number } }[];
      };
    };
    const overview = dataOf<Overview>(await lead.graphql(OVERVIEW, { period: 'TODAY' })).outreachOverview;

    const [expected] = await database().query<Record<string, number>>(
      `SELECT
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND status <> 'INACTIVE_TYPE'
             AND ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date = (now() AT TIME ZONE 'Europe/Copenhagen')::date)::int AS "identified",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND status NOT IN ('INACTIVE_TYPE', 'NO_CONTACT_DETAILS')
             AND ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date = (now() AT TIME ZONE 'Europe/Copenhagen')::date)::int AS "withContactDetails",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND status = 'INACTIVE_TYPE'
             AND ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date = (now() AT TIME ZONE 'Europe/Copenhagen')::date)::int AS "inactiveType",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL)::int AS "reached",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL AND outcome = 'WANTS_CALL')::int AS "wantsCall",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL AND outcome = 'DECLINED')::int AS "declined",
         (SELECT count(*) FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL AND outcome = 'WILL_CALL_SELF')::int AS "willCallSelf",
         (SELECT count(*) FROM "Referral" WHERE "organizationId" = $1 AND status IN ('OPEN', 'TAKEN'))::int AS "referralsOpen",
         (SELECT count(*) FROM "Referral" WHERE "organizationId" = $1 AND status = 'CONVERSATION_HELD')::int AS "conversationHeld",
         (SELECT count(*) FROM "Referral" WHERE "organizationId" = $1 AND status = 'REGISTERED_OTHER')::int AS "registeredOther",
         (SELECT count(*) FROM "Referral" WHERE "organizationId" = $1 AND status = 'LOST')::int AS "lost"`,
      [org.organizationId],
    );
    expect(overview.counts).toEqual(expected);
    expect(overview.counts.reached).toBeGreaterThanOrEqual(5);
    expect(overview.counts.noSuchKey).toBeUndefined();
    expect(overview.rates.acceptance.numerator).toBe(expected!.wantsCall);
    expect(overview.rates.acceptance.denominator).toBe(expected!.reached);

    const byType = await database().query<{ type: string; reached: number; wants: number; declined: number }>(
      `SELECT "incidentType"::text AS type, count(*)::int AS reached,
              count(*) FILTER (WHERE outcome = 'WANTS_CALL')::int AS wants,
              count(*) FILTER (WHERE outcome = 'DECLINED')::int AS declined
         FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL GROUP BY 1`,
      [org.organizationId],
    );
    for (const row of overview.byIncidentType) {
      const sql = byType.find((t) => t.type === row.group);
      expect([row.reached, row.wantsCall.numerator, row.declined.numerator]).toEqual(
        sql ? [sql.reached, sql.wants, sql.declined] : [0, 0, 0],
      );
    }
    const byRole = await database().query<{ role: string; reached: number }>(
      `SELECT role::text AS role, count(*)::int AS reached FROM "OutreachCase"
        WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL GROUP BY 1`,
      [org.organizationId],
    );
    expect(
      overview.byRole
        .filter((r) => r.reached > 0)
        .map((r) => [r.group, r.reached])
        .sort(),
    ).toEqual(byRole.map((r) => [r.role, r.reached]).sort());
    const byAge = await database().query<{ age_group: string; reached: number }>(
      `SELECT CASE WHEN "ageAtIncident" IS NULL THEN 'UNKNOWN' WHEN "ageAtIncident" < 18 THEN 'UNDER_18'
                   WHEN "ageAtIncident" < 30 THEN 'AGE_18_29' WHEN "ageAtIncident" < 40 THEN 'AGE_30_39'
                   WHEN "ageAtIncident" < 50 THEN 'AGE_40_49' WHEN "ageAtIncident" < 60 THEN 'AGE_50_59'
                   ELSE 'AGE_60_PLUS' END AS age_group, count(*)::int AS reached
         FROM "OutreachCase" WHERE "organizationId" = $1 AND "reachedAt" IS NOT NULL GROUP BY 1`,
      [org.organizationId],
    );
    expect(
      overview.byAgeGroup
        .filter((r) => r.reached > 0)
        .map((r) => [r.group, r.reached])
        .sort(),
    ).toEqual(byAge.map((r) => [r.age_group, r.reached]).sort());
    const genderTotal = overview.byGender.reduce((sum, g) => sum + g.reached, 0);
    expect(genderTotal).toBe(expected!.reached);

    const month = dataOf<Overview>(await lead.graphql(OVERVIEW, { period: 'THIS_MONTH' })).outreachOverview;
    expect(month.counts.reached).toBeGreaterThanOrEqual(overview.counts.reached!);
  });

  it('is refused to outreach workers and counsellors', async () => {
    const worker = await browserFor(org.users.worker);
    expect(errorCodes(await worker.graphql(OVERVIEW, { period: 'TODAY' }))).toEqual(['FORBIDDEN']);
  });
});

describe('retention', () => {
  it('erases contact details after the period and keeps the case and its statistics', async () => {
    const closed = await prisma().outreachCase.findMany({
      where: {
        organizationId: org.organizationId,
        status: { in: ['DECLINED', 'WILL_CALL_SELF', 'UNREACHED'] },
      },
      select: { id: true, personId: true, status: true, outcome: true, declineReason: true },
    });
    expect(closed.length).toBeGreaterThan(0);
    const lead = await browserFor(org.users.lead);
    const countsQuery =
      'query { outreachOverview(period: THIS_MONTH) { counts { identified reached declined wantsCall conversationHeld } } }';
    const before = dataOf<{ outreachOverview: unknown }>(await lead.graphql(countsQuery));
    const openCase = await prisma().outreachCase.findFirstOrThrow({
      where: { organizationId: org.organizationId, status: 'OPEN', claimedById: null },
      select: { id: true, personId: true },
    });

    // Before the period ends nothing is erased; the still-open case has passed its call
    // window by then, so it closes as EXPIRED and its erase date starts from now.
    const earlyAt = new Date(Date.now() + 89 * 86_400_000);
    const early = await runRetention(database(), earlyAt);
    expect(early.erasedContacts).toBe(0);
    expect(early.expiredCases).toBeGreaterThan(0);
    expect(
      await prisma().personContact.count({ where: { personId: { in: closed.map((c) => c.personId) } } }),
    ).toBe(closed.length);

    // After the organisation's 90 days: gone.
    const later = new Date(Date.now() + 91 * 86_400_000);
    const result = await runRetention(database(), later);
    expect(result.erasedContacts).toBeGreaterThanOrEqual(closed.length);
    expect(result.expiredCases).toBe(0);
    expect(
      await prisma().personContact.count({ where: { personId: { in: closed.map((c) => c.personId) } } }),
    ).toBe(0);
    const after = await prisma().outreachCase.findMany({
      where: { id: { in: closed.map((c) => c.id) } },
      select: { id: true, personId: true, status: true, outcome: true, declineReason: true },
    });
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      closed.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(dataOf(await lead.graphql(countsQuery))).toEqual(before);

    // The expired case got its erase date from the run that closed it and keeps its contact until then.
    const expired = await prisma().outreachCase.findUniqueOrThrow({
      where: { id: openCase.id },
      include: { person: { include: { contact: true } } },
    });
    expect(expired.status).toBe('EXPIRED');
    // At the start of the Danish day 90 days after the Danish day it closed (the domain's one rule).
    expect(expired.person.contact?.eraseAfter?.toISOString()).toBe(
      danishDayStart(addDays(danishCalendarDate(earlyAt), 90)).toISOString(),
    );
    const trail = await prisma().auditEvent.count({
      where: { action: 'DELETE', entity: 'PersonContact', personId: closed[0]!.personId },
    });
    expect(trail).toBe(1);
  });
});

describe('settings', () => {
  const UPDATE = `mutation($input: OutreachSettingsInput!) { updateOutreachSettings(input: $input) {
    callDelayDays callScript incidentTypes { type activeForOutreach priority } } }`;

  it('lets the lead change the script and rules, validated field by field', async () => {
    const lead = await browserFor(org.users.lead);
    const bad = await lead.graphql(UPDATE, {
      input: { callDelayDays: -1, maxCallAttempts: 99, callScript: 'Nyt manuskript' },
    });
    expect(bad.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'callDelayDays', code: 'OUT_OF_RANGE' }),
      expect.objectContaining({ field: 'maxCallAttempts', code: 'OUT_OF_RANGE' }),
    ]);
    const unchanged = await prisma().organization.findUniqueOrThrow({ where: { id: org.organizationId } });
    expect(unchanged.callScript).toBeNull();
    expect(unchanged.callDelayDays).toBe(2);

    const ok = dataOf<{
      updateOutreachSettings: {
        callDelayDays: number;
        callScript: string;
        incidentTypes: { type: string; priority: number }[];
      };
    }>(
      await lead.graphql(UPDATE, {
        input: {
          callDelayDays: 3,
          callScript: 'Nyt manuskript',
          incidentTypes: [{ type: 'THREATS', activeForOutreach: true, priority: 2 }],
        },
      }),
    ).updateOutreachSettings;
    expect(ok.callDelayDays).toBe(3);
    expect(ok.callScript).toBe('Nyt manuskript');
    expect(ok.incidentTypes.find((t) => t.type === 'THREATS')?.priority).toBe(2);
    // An empty script restores the default.
    const reset = dataOf<{ updateOutreachSettings: { callScript: string | null } }>(
      await lead.graphql(UPDATE, { input: { callScript: '  ', callDelayDays: 2 } }),
    ).updateOutreachSettings;
    expect(reset.callScript).toBeNull();
  });

  it('lets outreach workers read but not change them', async () => {
    const worker = await browserFor(org.users.worker);
    expect(
      dataOf<{ outreachSettings: { maxCallAttempts: number } }>(
        await worker.graphql('query { outreachSettings { maxCallAttempts } }'),
      ).outreachSettings.maxCallAttempts,
    ).toBe(3);
    expect(errorCodes(await worker.graphql(UPDATE, { input: { callDelayDays: 1 } }))).toEqual(['FORBIDDEN']);
  });
});
