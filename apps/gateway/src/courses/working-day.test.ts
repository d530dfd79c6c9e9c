import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { applyIntakeRetention } from './intake-retention.ts';
import { dateColumn, todayInDenmark } from './iso-date.ts';

// Issue 13, the group course's working day: a wrong risk decision can be corrected (audited, and the
// person is back on the right list), a participant is withdrawn with a reason, and intake contact
// details are erased on the same schedule as outreach's.

const VIOLENCE_ROWS = [
  'PHYSICAL',
  'PSYCHOLOGICAL',
  'SEXUAL',
  'MATERIAL',
  'ECONOMIC',
  'DIGITAL',
  'STALKING',
  'HONOUR_RELATED',
  'OTHER',
];

const REGISTER = `mutation Register($input: RegisterIntakeInput!) { registerIntake(input: $input) { personId } }`;
const ASSESS = `mutation Assess($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id routes } }`;
const CORRECT = `mutation Correct($input: CorrectRiskDecisionInput!) {
  correctRiskDecision(input: $input) { id routes reassessOn otherSupport }
}`;
const LISTS = `{
  awaiting: intakes(awaitingAssessment: true) { personId }
  reassessmentsDue { personId }
  waitingList { personId since }
  recentRiskDecisions { id personId routes }
}`;

function isoDaysFromToday(days: number): string {
  const date = dateColumn(todayInDenmark());
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function fields(response: GraphQLResponse): Array<[string, string]> {
  const list = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
  }>;
  return list.map((f) => [f.field, f.code]);
}

async function as(email: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  return browser;
}

const orgs = { koege: { id: '' }, odense: { id: '' } };
const users: Record<string, { id: string }> = {};

beforeAll(async () => {
  await openDatabase();
  orgs.koege = await createOrganization({ name: 'Køge Kommune', slug: 'koege-wd', stance: 'JOURNALISED' });
  orgs.odense = await createOrganization({ name: 'Odense Kommune', slug: 'odense-wd', stance: 'ANONYMOUS' });
  for (const [slug, org] of Object.entries(orgs)) {
    for (const [who, role] of [
      ['intake', 'INTAKE_COORDINATOR'],
      ['risk', 'RISK_ASSESSOR'],
      ['leader', 'GROUP_LEADER'],
      ['leader2', 'GROUP_LEADER'],
      ['lead', 'PROJECT_LEAD'],
    ] as const) {
      users[`${who}@${slug}`] = await createUser({
        email: `${who}@${slug}.wd.test`,
        displayName: `${who} ${slug}`,
        memberships: [{ organizationId: org.id, role }],
      });
    }
  }
});

async function register(slug: 'koege' | 'odense', who: string, registeredOn = todayInDenmark()) {
  const intake = await as(`intake@${slug}.wd.test`);
  const contact = slug === 'koege' ? { name: who, caseReference: `K-${who}` } : { alias: who };
  const response = await intake.graphql<{ registerIntake: { personId: string } }>(REGISTER, {
    input: {
      registeredOn,
      phone: '20 30 40 50',
      ...contact,
      answers: {
        gender: 'WOMAN',
        age: 41,
        heard_from: ['POLICE'],
        violence_status: Object.fromEntries(VIOLENCE_ROWS.map((row) => [row, 'NOT_RELEVANT'])),
      },
    },
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.registerIntake.personId;
}

describe('correcting a saved risk decision', () => {
  it('puts a person whom a wrong decision took off every list back on the waiting list, audited with the reason', async () => {
    const risk = await as('risk@odense.wd.test');
    const personId = await register('odense', 'Rettes Rasmussen');
    const first = await risk.graphql<{ recordRiskAssessment: { id: string } }>(ASSESS, {
      input: { personId, assessedOn: isoDaysFromToday(-5), routes: ['GROUP_COURSE'] },
    });
    expect(first.body.errors).toBeUndefined();
    const waitingBefore = await prisma().waitingListEntry.findFirstOrThrow({ where: { personId } });

    // A re-assessment ticks "no safety risk" by mistake: the person is on no list any more.
    const wrong = await risk.graphql<{ recordRiskAssessment: { id: string } }>(ASSESS, {
      input: { personId, assessedOn: todayInDenmark(), routes: ['NO_RISK_NO_REFERRAL'] },
    });
    const wrongId = wrong.body.data!.recordRiskAssessment.id;
    type Lists = {
      awaiting: Array<{ personId: string }>;
      reassessmentsDue: Array<{ personId: string }>;
      waitingList: Array<{ personId: string; since: string }>;
      recentRiskDecisions: Array<{ id: string; personId: string; routes: string[] }>;
    };
    const lost = (await risk.graphql<Lists>(LISTS)).body.data!;
    expect(lost.awaiting.map((p) => p.personId)).not.toContain(personId);
    expect(lost.reassessmentsDue.map((p) => p.personId)).not.toContain(personId);
    expect(lost.waitingList.map((p) => p.personId)).not.toContain(personId);
    // … except the assessors' recent decisions, the latest one only.
    expect(lost.recentRiskDecisions.filter((d) => d.personId === personId)).toEqual([
      { id: wrongId, personId, routes: ['NO_RISK_NO_REFERRAL'] },
    ]);

    // Only assessors correct; an intake coordinator is refused and nothing changes.
    const intake = await as('intake@odense.wd.test');
    const refused = await intake.graphql(CORRECT, {
      input: { assessmentId: wrongId, routes: ['GROUP_COURSE'], reason: 'RECORDED_BY_MISTAKE' },
    });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    // Another organisation's assessor gets NOT_FOUND, and the attempt is in the trail as DENIED.
    const stranger = await as('risk@koege.wd.test');
    const foreign = await stranger.graphql(CORRECT, {
      input: { assessmentId: wrongId, routes: ['GROUP_COURSE'], reason: 'RECORDED_BY_MISTAKE' },
    });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(
      await prisma().auditEvent.count({
        where: {
          action: 'DENIED',
          entity: 'RiskAssessment',
          entityId: wrongId,
          userId: users['risk@koege']!.id,
        },
      }),
    ).toBe(1);
    // Bad input names the field and changes nothing; an older assessment cannot be corrected.
    const exclusive = await risk.graphql(CORRECT, {
      input: { assessmentId: wrongId, routes: ['DECLINED', 'GROUP_COURSE'], reason: 'RECORDED_BY_MISTAKE' },
    });
    expect(fields(exclusive)).toEqual([['routes', 'EXCLUSIVE_OPTION']]);
    const older = await risk.graphql(CORRECT, {
      input: {
        assessmentId: first.body.data!.recordRiskAssessment.id,
        routes: ['SHELTER'],
        reason: 'NEW_INFORMATION',
      },
    });
    expect(fields(older)).toEqual([['assessmentId', 'NOT_LATEST_ASSESSMENT']]);
    expect((await prisma().riskAssessment.findUniqueOrThrow({ where: { id: wrongId } })).routes).toEqual([
      'NO_RISK_NO_REFERRAL',
    ]);

    const corrected = await risk.graphql(CORRECT, {
      input: {
        assessmentId: wrongId,
        routes: ['GROUP_COURSE'],
        reassessOn: isoDaysFromToday(30),
        reason: 'RECORDED_BY_MISTAKE',
      },
    });
    expect(corrected.body.errors).toBeUndefined();
    expect(corrected.body.data).toEqual({
      correctRiskDecision: {
        id: wrongId,
        routes: ['GROUP_COURSE'],
        reassessOn: isoDaysFromToday(30),
        otherSupport: null,
      },
    });
    // Back on the waiting list with the place the mistake took away (the same entry, same date).
    const back = (await risk.graphql<Lists>(LISTS)).body.data!;
    expect(back.waitingList.filter((w) => w.personId === personId)).toEqual([
      { personId, since: isoDaysFromToday(-5) },
    ]);
    expect(await prisma().waitingListEntry.findMany({ where: { personId }, select: { id: true } })).toEqual([
      { id: waitingBefore.id },
    ]);
    // The registration form's decision follows the correction.
    expect((await prisma().intakeRegistration.findFirstOrThrow({ where: { personId } })).referredTo).toEqual([
      'GROUP_COURSE',
    ]);
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'UPDATE', entity: 'RiskAssessment', entityId: wrongId },
    });
    expect(audit.userId).toBe(users['risk@odense']!.id);
    expect(audit.detail).toEqual({
      correction: true,
      reason: 'RECORDED_BY_MISTAKE',
      routesBefore: ['NO_RISK_NO_REFERRAL'],
      routes: ['GROUP_COURSE'],
      reassessOnBefore: null,
      reassessOn: isoDaysFromToday(30),
    });
    expect(
      await prisma().auditEvent.count({
        where: { action: 'UPDATE', entity: 'WaitingListEntry', entityId: waitingBefore.id, personId },
      }),
    ).toBe(2); // taken off by the wrong decision, given back by the correction

    // Correcting the other way takes the person off the waiting list again (REROUTED).
    await risk.graphql(CORRECT, {
      input: { assessmentId: wrongId, routes: ['SHELTER'], reason: 'NEW_INFORMATION' },
    });
    const entry = await prisma().waitingListEntry.findUniqueOrThrow({ where: { id: waitingBefore.id } });
    expect(entry.leftReason).toBe('REROUTED');
  });

  it('puts a person never on the waiting list on it from the assessment day', async () => {
    const risk = await as('risk@koege.wd.test');
    const personId = await register('koege', 'Karla Korrektur');
    const wrong = await risk.graphql<{ recordRiskAssessment: { id: string } }>(ASSESS, {
      input: { personId, assessedOn: isoDaysFromToday(-3), riskLevel: 'MODERATE', routes: ['DECLINED'] },
    });
    expect(wrong.body.errors).toBeUndefined();
    expect(await prisma().waitingListEntry.count({ where: { personId } })).toBe(0);
    const corrected = await risk.graphql(CORRECT, {
      input: {
        assessmentId: wrong.body.data!.recordRiskAssessment.id,
        routes: ['GROUP_COURSE', 'OTHER_SUPPORT'],
        otherSupport: 'Psykolog',
        reason: 'PERSON_CHANGED_MIND',
      },
    });
    expect(corrected.body.errors).toBeUndefined();
    const entries = await prisma().waitingListEntry.findMany({ where: { personId } });
    expect(entries.map((e) => [e.since.toISOString().slice(0, 10), e.leftOn])).toEqual([
      [isoDaysFromToday(-3), null],
    ]);
    // The result and date of the assessment stay as they were.
    const stored = await prisma().riskAssessment.findFirstOrThrow({ where: { personId } });
    expect(stored.riskLevel).toBe('MODERATE');
    expect(stored.assessedOn.toISOString().slice(0, 10)).toBe(isoDaysFromToday(-3));
  });
});

describe('the re-assessments due', () => {
  it('are read by intake coordinators too (to book the talks), without the assessment’s content', async () => {
    const personId = await register('koege', 'Bodil Booking');
    const risk = await as('risk@koege.wd.test');
    await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: todayInDenmark(),
        riskLevel: 'HIGH',
        safetyPlan: 'Kodeord hos naboen',
        reassessOn: isoDaysFromToday(7),
        routes: ['SHELTER'],
      },
    });
    const intake = await as('intake@koege.wd.test');
    const due = await intake.graphql<{ reassessmentsDue: Array<{ personId: string; reassessOn: string }> }>(
      '{ reassessmentsDue { personId reassessOn } }',
    );
    expect(due.body.data?.reassessmentsDue).toContainEqual({ personId, reassessOn: isoDaysFromToday(7) });
    const content = await intake.graphql('{ reassessmentsDue { personId safetyPlan } }');
    expect(errorCodes(content)).toEqual(['FORBIDDEN']);
    const leader = await as('leader@koege.wd.test');
    expect(errorCodes(await leader.graphql('{ reassessmentsDue { personId } }'))).toEqual(['FORBIDDEN']);
  });
});

describe('withdrawing a participant', () => {
  it('stores the reason, refuses a future date and a second withdrawal', async () => {
    const personId = await register('koege', 'Wilma Udmeldt');
    const lead = await as('lead@koege.wd.test');
    const plan = await prisma().modulePlan.create({
      data: { name: 'WD', modules: Array.from({ length: 10 }, (_, i) => `Modul ${i + 1}`) },
    });
    const created = await lead.graphql<{ createCourse: { course: { id: string } } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`,
      {
        input: {
          name: 'WD-hold',
          venue: 'Sal 1',
          modulePlanId: plan.id,
          sessionDates: Array.from({ length: 10 }, (_, i) => isoDaysFromToday(-14 + 7 * i)),
          leaderIds: [users['leader@koege']!.id, users['leader2@koege']!.id],
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const courseId = created.body.data!.createCourse.course.id;
    const enrolled = await lead.graphql<{ enrolParticipant: { enrolment: { id: string } } }>(
      `mutation($c: ID!, $p: ID!) { enrolParticipant(courseId: $c, personId: $p) { enrolment { id } } }`,
      { c: courseId, p: personId },
    );
    const enrolmentId = enrolled.body.data!.enrolParticipant.enrolment.id;
    const WITHDRAW = `mutation($id: ID!, $on: String!, $reason: WithdrawalReason!) {
      withdrawParticipant(enrolmentId: $id, on: $on, reason: $reason) { withdrawnOn withdrawnReason }
    }`;
    const leader = await as('leader@koege.wd.test');
    const future = await leader.graphql(WITHDRAW, {
      id: enrolmentId,
      on: isoDaysFromToday(1),
      reason: 'SAFETY',
    });
    expect(fields(future)).toEqual([['on', 'DATE_IN_FUTURE']]);
    const done = await leader.graphql(WITHDRAW, { id: enrolmentId, on: todayInDenmark(), reason: 'SAFETY' });
    expect(done.body.data).toEqual({
      withdrawParticipant: { withdrawnOn: todayInDenmark(), withdrawnReason: 'SAFETY' },
    });
    const again = await leader.graphql(WITHDRAW, { id: enrolmentId, on: todayInDenmark(), reason: 'OTHER' });
    expect(fields(again)).toEqual([['enrolmentId', 'WITHDRAWN']]);
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'UPDATE', entity: 'Enrolment', entityId: enrolmentId },
    });
    expect(audit.detail).toEqual({ withdrawn: true, reason: 'SAFETY' });
  });
});

describe('intake contact retention', () => {
  /** The start of a Danish calendar day, as an instant. */
  function danishMidnight(isoDate: string): Date {
    // 00:00 in Copenhagen is 23:00 or 22:00 UTC the day before; find it by formatting.
    for (const offset of [1, 2]) {
      const candidate = new Date(`${isoDate}T00:00:00.000Z`);
      candidate.setUTCHours(-offset);
      if (
        todayInDenmark(candidate) === isoDate &&
        todayInDenmark(new Date(candidate.getTime() - 1)) !== isoDate
      ) {
        return candidate;
      }
    }
    throw new Error(`no Danish midnight for ${isoDate}`);
  }

  function retention(now: Date) {
    return prisma().$transaction((tx) => applyIntakeRetention(tx, now));
  }

  it('erases contact details the retention period after the person left every list, and not a second before', async () => {
    await prisma().organization.update({ where: { id: orgs.odense.id }, data: { contactRetentionDays: 30 } });
    const risk = await as('risk@odense.wd.test');
    const declined = await register('odense', 'Dorte Takketnej', isoDaysFromToday(-20));
    const waiting = await register('odense', 'Vera Venter', isoDaysFromToday(-20));
    const awaiting = await register('odense', 'Anna Afventer', isoDaysFromToday(-20));
    const declinedOn = isoDaysFromToday(-10);
    const decision = await risk.graphql<{ recordRiskAssessment: { id: string } }>(ASSESS, {
      input: { personId: declined, assessedOn: declinedOn, routes: ['DECLINED'] },
    });
    await risk.graphql(ASSESS, {
      input: { personId: waiting, assessedOn: declinedOn, routes: ['GROUP_COURSE'] },
    });

    const due = danishMidnight(isoDateAfter(declinedOn, 30));
    const before = await retention(new Date(due.getTime() - 1000));
    expect(before.erased).toBe(0);
    const contacts = async () =>
      (await prisma().personContact.findMany({ where: { personId: { in: [declined, waiting, awaiting] } } }))
        .map((c) => c.personId)
        .sort();
    expect(await contacts()).toEqual([declined, waiting, awaiting].sort());
    const marked = await prisma().personContact.findUniqueOrThrow({ where: { personId: declined } });
    expect(marked.eraseAfter?.toISOString()).toBe(due.toISOString());

    // A corrected decision brings the person back on a list: the erase date is lifted again.
    await risk.graphql(CORRECT, {
      input: {
        assessmentId: decision.body.data!.recordRiskAssessment.id,
        routes: ['GROUP_COURSE'],
        reason: 'PERSON_CHANGED_MIND',
      },
    });
    await retention(new Date(due.getTime() - 500));
    expect(
      (await prisma().personContact.findUniqueOrThrow({ where: { personId: declined } })).eraseAfter,
    ).toBeNull();
    await risk.graphql(CORRECT, {
      input: {
        assessmentId: decision.body.data!.recordRiskAssessment.id,
        routes: ['DECLINED'],
        reason: 'RECORDED_BY_MISTAKE',
      },
    });

    // Declined again, but the person was on the waiting list until today: the period runs from today.
    expect((await retention(due)).erased).toBe(0);
    expect(await contacts()).toEqual([declined, waiting, awaiting].sort());
    const later = danishMidnight(isoDateAfter(todayInDenmark(), 30));
    expect(
      (
        await prisma().personContact.findUniqueOrThrow({ where: { personId: declined } })
      ).eraseAfter?.toISOString(),
    ).toBe(later.toISOString());
    await retention(new Date(later.getTime() - 1000));
    expect(await contacts()).toEqual([declined, waiting, awaiting].sort());

    // At the due instant the declined person's contact goes; the waiting and the awaiting stay,
    // however late it is; the registration and the decision stay for the figures.
    const after = await retention(later);
    expect(after.erased).toBeGreaterThanOrEqual(1);
    expect(await contacts()).toEqual([waiting, awaiting].sort());
    expect(await prisma().intakeRegistration.count({ where: { personId: declined } })).toBe(1);
    expect(await prisma().riskAssessment.count({ where: { personId: declined } })).toBe(1);
    const erasure = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'DELETE', entity: 'PersonContact', personId: declined },
    });
    expect(erasure.detail).toEqual({ reason: 'retention' });
    await retention(new Date(due.getTime() + 400 * 86_400_000));
    expect(await contacts()).toEqual([waiting, awaiting].sort());
  });

  it('keeps a participant’s contact until the course’s last session, then the retention period', async () => {
    await prisma().organization.update({ where: { id: orgs.koege.id }, data: { contactRetentionDays: 90 } });
    const personId = await register('koege', 'Kursa Deltager', isoDaysFromToday(-60));
    const risk = await as('risk@koege.wd.test');
    await risk.graphql(ASSESS, {
      input: { personId, assessedOn: isoDaysFromToday(-50), riskLevel: 'LOW', routes: ['GROUP_COURSE'] },
    });
    const lead = await as('lead@koege.wd.test');
    const plan = await prisma().modulePlan.findFirstOrThrow({ where: { name: 'WD' } });
    const lastSession = isoDaysFromToday(20);
    const created = await lead.graphql<{ createCourse: { course: { id: string } } }>(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }`,
      {
        input: {
          name: 'WD-hold 2',
          venue: 'Sal 2',
          modulePlanId: plan.id,
          sessionDates: Array.from({ length: 10 }, (_, i) => isoDaysFromToday(-43 + 7 * i)),
          leaderIds: [users['leader@koege']!.id, users['leader2@koege']!.id],
        },
      },
    );
    const courseId = created.body.data!.createCourse.course.id;
    await lead.graphql(
      `mutation($c: ID!, $p: ID!) { enrolParticipant(courseId: $c, personId: $p) { enrolment { id } } }`,
      {
        c: courseId,
        p: personId,
      },
    );
    expect(isoDaysFromToday(-43 + 63)).toBe(lastSession);
    // Today the course still runs: the contact has no erase date.
    await retention(new Date());
    expect((await prisma().personContact.findUniqueOrThrow({ where: { personId } })).eraseAfter).toBeNull();
    // The day after the last session, the clock starts from the last session.
    await retention(danishMidnight(isoDateAfter(lastSession, 1)));
    const due = danishMidnight(isoDateAfter(lastSession, 90));
    expect(
      (await prisma().personContact.findUniqueOrThrow({ where: { personId } })).eraseAfter?.toISOString(),
    ).toBe(due.toISOString());
    await retention(new Date(due.getTime() - 1000));
    expect(await prisma().personContact.count({ where: { personId } })).toBe(1);
    await retention(due);
    expect(await prisma().personContact.count({ where: { personId } })).toBe(0);
  });
});

function isoDateAfter(isoDate: string, days: number): string {
  const date = dateColumn(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
