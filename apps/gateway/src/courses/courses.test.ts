import { fieldKeyring, openAnswers } from '@vi/db';
import { isParticipantCode, scoreInspire } from '@vi/domain';
import { isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from '../database.ts';
import { schema } from '../schema.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { hashFormToken } from './form-link.ts';
import { dateColumn, todayInDenmark } from './iso-date.ts';

const ODENSE_MODULES = [
  'Præsentation',
  'Hvad er vold',
  'Voldens følgevirkninger del 1',
  'Voldens følgevirkninger del 2',
  'Vold i familien',
  'Sikkerhed og modstandshandlinger',
  'Skyld og skam',
  'Håb og drømme',
  'Netværk og fritid',
  'Afslutning',
];
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

/** Registration answers as the coordinator fills them in at intake (decision still ahead). */
function registrationAnswers(age: number) {
  return {
    gender: 'WOMAN',
    age,
    heard_from: ['POLICE'],
    violence_status: Object.fromEntries(
      VIOLENCE_ROWS.map((row) => [row, row === 'PSYCHOLOGICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
    ),
  };
}

/** A participant's own form: INSPIRE-O and INSPIRE items 1-5, plus a free-text comment. */
function participantAnswers(inspireO: number[], inspire: number[], comment: string) {
  return {
    ...Object.fromEntries(inspireO.map((value, i) => [`inspire_o_${i + 1}`, value])),
    ...Object.fromEntries(inspire.map((value, i) => [`inspire_${i + 1}`, value])),
    comment,
  };
}

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

const REGISTER = `mutation Register($input: RegisterIntakeInput!) {
  registerIntake(input: $input) { id personId pseudonym alias name phone caseReference referredTo }
}`;
const ASSESS = `mutation Assess($input: RecordRiskAssessmentInput!) {
  recordRiskAssessment(input: $input) { id routes reassessOn riskLevel safetyPlan }
}`;
const CREATE_COURSE = `mutation Create($input: CreateCourseInput!) {
  createCourse(input: $input) { course { id name sessions { id number title date } leaders { displayName } }
    warnings { code fromSession toSession days messageDa messageEn } }
}`;
const ENROL = `mutation Enrol($courseId: ID!, $personId: ID!) {
  enrolParticipant(courseId: $courseId, personId: $personId) {
    enrolment { id participantCode displayName baselineForm } warnings { code participants } }
}`;
const OPEN_FORM = `mutation Open($enrolmentId: ID!, $kind: ParticipantFormKind!) {
  openParticipantForm(enrolmentId: $enrolmentId, kind: $kind) { token kind expiresAt participantCode }
}`;
const FORM = `query Form($token: String!) { participantForm(token: $token) { kind expiresAt organizationName } }`;
const SUBMIT = `mutation Submit($token: String!, $answers: QuestionnaireAnswers!) {
  submitParticipantForm(token: $token, answers: $answers) { kind submittedAt }
}`;

const orgs: Record<'odense' | 'koege', { id: string }> = { odense: { id: '' }, koege: { id: '' } };
const users: Record<string, { id: string }> = {};

async function as(email: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  return browser;
}

beforeAll(async () => {
  await openDatabase();
  orgs.odense = await createOrganization({ name: 'Odense Kommune', slug: 'odense', stance: 'ANONYMOUS' });
  orgs.koege = await createOrganization({ name: 'Køge Kommune', slug: 'koege', stance: 'JOURNALISED' });
  for (const [slug, org] of Object.entries(orgs)) {
    for (const [who, role] of [
      ['intake', 'INTAKE_COORDINATOR'],
      ['risk', 'RISK_ASSESSOR'],
      ['leader', 'GROUP_LEADER'],
      ['leader2', 'GROUP_LEADER'],
      ['leader3', 'GROUP_LEADER'],
      ['lead', 'PROJECT_LEAD'],
    ] as const) {
      users[`${who}@${slug}`] = await createUser({
        email: `${who}@${slug}.test`,
        displayName: `${who} ${slug}`,
        memberships: [{ organizationId: org.id, role }],
      });
    }
  }
  await prisma().modulePlan.create({ data: { name: 'Odense', modules: ODENSE_MODULES } });
});

describe('intake and risk assessment in an anonymous organisation', () => {
  it('keeps no name and no assessment content anywhere in the database', async () => {
    const intake = await as('intake@odense.test');
    const refused = await intake.graphql(REGISTER, {
      input: {
        registeredOn: todayInDenmark(),
        alias: 'Sofie',
        name: 'Sofie Fiktivsen',
        caseReference: 'SAG-4711',
        answers: registrationAnswers(34),
      },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    expect(fields(refused)).toEqual([
      ['name', 'NOT_STORED_WHEN_ANONYMOUS'],
      ['caseReference', 'NOT_STORED_WHEN_ANONYMOUS'],
    ]);
    expect(await prisma().person.count({ where: { organizationId: orgs.odense.id } })).toBe(0);

    const registered = await intake.graphql<{
      registerIntake: { personId: string; name: string | null; phone: string };
    }>(REGISTER, {
      input: {
        registeredOn: todayInDenmark(),
        alias: 'Sofie',
        phone: '20 30 40 50',
        reachNote: 'Sms efter kl. 16',
        answers: registrationAnswers(34),
      },
    });
    expect(registered.body.errors).toBeUndefined();
    const personId = registered.body.data!.registerIntake.personId;
    expect(registered.body.data!.registerIntake).toMatchObject({
      name: null,
      phone: '+4520304050',
      alias: 'Sofie',
    });

    const risk = await as('risk@odense.test');
    const withContent = await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: todayInDenmark(),
        riskLevel: 'HIGH',
        safetyPlan: 'Hemmelig sikkerhedsplan: kodeord Blåbær',
        routes: ['GROUP_COURSE'],
      },
    });
    expect(fields(withContent)).toEqual([
      ['riskLevel', 'NOT_STORED_WHEN_ANONYMOUS'],
      ['safetyPlan', 'NOT_STORED_WHEN_ANONYMOUS'],
    ]);
    expect(await prisma().riskAssessment.count({ where: { personId } })).toBe(0);

    const decided = await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: todayInDenmark(),
        reassessOn: isoDaysFromToday(10),
        routes: ['GROUP_COURSE'],
      },
    });
    expect(decided.body.errors).toBeUndefined();
    expect(decided.body.data).toMatchObject({
      recordRiskAssessment: { routes: ['GROUP_COURSE'], riskLevel: null, safetyPlan: null },
    });

    // Inspect every table: neither the refused name, case number nor safety plan is stored anywhere
    // (audit trail included), and the contact row holds only alias and the way to reach the person.
    const tables = await database().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const [row] = await database().query<{ dump: string | null }>(
        `SELECT string_agg(row_to_json(t)::text, ' ') AS dump FROM "${table_name}" t`,
      );
      const dump = row?.dump ?? '';
      for (const secret of ['Fiktivsen', 'SAG-4711', 'Hemmelig', 'Blåbær']) {
        expect(dump, `${secret} in ${table_name}`).not.toContain(secret);
      }
    }
    const contacts = await prisma().personContact.findMany({ where: { organizationId: orgs.odense.id } });
    expect(contacts).toHaveLength(1);
    // Stored encrypted (issue 10): the row holds ciphertext that opens to the given details.
    expect(JSON.stringify(contacts[0])).not.toMatch(/Sofie|20304050/);
    const keyring = fieldKeyring();
    expect({
      name: contacts[0]!.name,
      caseReference: contacts[0]!.caseReference,
      alias: await keyring.decrypt(prisma(), contacts[0]!.alias),
      phone: await keyring.decrypt(prisma(), contacts[0]!.phone),
    }).toEqual({ name: null, caseReference: null, alias: 'Sofie', phone: '+4520304050' });
    const assessments = await prisma().riskAssessment.findMany({ where: { organizationId: orgs.odense.id } });
    expect(assessments.map((a) => [a.riskLevel, a.safetyPlan, a.routes])).toEqual([
      [null, null, ['GROUP_COURSE']],
    ]);

    // The decision is written into the registration form's decision section.
    const stored = await prisma().intakeRegistration.findFirstOrThrow({ where: { personId } });
    expect(stored.referredTo).toEqual(['GROUP_COURSE']);
    // The form is sealed (issue 10): the plain column keeps only the evaluation's codes.
    expect(Object.keys(stored.answers as object)).toEqual(['violence_status']);
    expect(await openAnswers(fieldKeyring(), prisma(), stored)).toMatchObject({
      sara_done: 'YES',
      referred_to: ['GROUP_COURSE'],
    });

    // The re-assessment (a scheduling date, kept in both stances) is due within 14 days.
    const due = await risk.graphql<{ reassessmentsDue: Array<{ personId: string; alias: string }> }>(
      `{ reassessmentsDue { personId alias } }`,
    );
    expect(due.body.data?.reassessmentsDue).toEqual([{ personId, alias: 'Sofie' }]);
    // A newer assessment with a later date supersedes it.
    await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: todayInDenmark(),
        reassessOn: isoDaysFromToday(60),
        routes: ['GROUP_COURSE'],
      },
    });
    const later = await risk.graphql<{ reassessmentsDue: unknown[] }>(`{ reassessmentsDue { personId } }`);
    expect(later.body.data?.reassessmentsDue).toEqual([]);
    const wider = await risk.graphql<{ reassessmentsDue: unknown[] }>(
      `{ reassessmentsDue(withinDays: 60) { personId } }`,
    );
    expect(wider.body.data?.reassessmentsDue).toEqual([{ personId }]);
    expect(await prisma().waitingListEntry.count({ where: { personId } })).toBe(1);
  });
});

describe('a journalised organisation', () => {
  it('keeps name, case reference, risk level and safety plan, shown to assessors only', async () => {
    const intake = await as('intake@koege.test');
    const registered = await intake.graphql<{ registerIntake: { personId: string } }>(REGISTER, {
      input: {
        registeredOn: todayInDenmark(),
        name: 'Karin Opdigtet',
        caseReference: 'K-2026-17',
        answers: registrationAnswers(52),
      },
    });
    expect(registered.body.errors).toBeUndefined();
    const personId = registered.body.data!.registerIntake.personId;

    const risk = await as('risk@koege.test');
    const bad = await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: isoDaysFromToday(1),
        riskLevel: 'EXTREME',
        routes: ['DECLINED', 'SHELTER'],
      },
    });
    expect(fields(bad)).toEqual([
      ['assessedOn', 'DATE_IN_FUTURE'],
      ['riskLevel', 'UNKNOWN_OPTION'],
      ['routes', 'EXCLUSIVE_OPTION'],
    ]);
    const ok = await risk.graphql(ASSESS, {
      input: {
        personId,
        assessedOn: todayInDenmark(),
        riskLevel: 'MODERATE',
        safetyPlan: 'Aftalt signal med nabo',
        reassessOn: isoDaysFromToday(90),
        routes: ['GROUP_COURSE', 'OTHER_SUPPORT'],
        otherSupport: 'Psykolog',
      },
    });
    expect(ok.body.data).toMatchObject({
      recordRiskAssessment: { riskLevel: 'MODERATE', safetyPlan: 'Aftalt signal med nabo' },
    });

    // The coordinator sees the decision but not the assessment's content.
    const list = await intake.graphql(
      `{ intakes { name caseReference latestRiskAssessment { routes safetyPlan } } }`,
    );
    expect(errorCodes(list)).toEqual(['FORBIDDEN']);
    const routesOnly = await intake.graphql<{ intakes: unknown[] }>(
      `{ intakes { name caseReference latestRiskAssessment { routes } } }`,
    );
    expect(routesOnly.body.data?.intakes).toEqual([
      {
        name: 'Karin Opdigtet',
        caseReference: 'K-2026-17',
        latestRiskAssessment: { routes: ['GROUP_COURSE', 'OTHER_SUPPORT'] },
      },
    ]);
  });
});

describe('waiting list', () => {
  it('shows days waiting and flags waits longer than the organisation limit', async () => {
    const lead = await as('lead@koege.test');
    const entry = await prisma().waitingListEntry.findFirstOrThrow({
      where: { organizationId: orgs.koege.id },
    });
    await prisma().waitingListEntry.update({
      where: { id: entry.id },
      data: { since: dateColumn(isoDaysFromToday(-43)) },
    });
    const list = await lead.graphql<{ waitingList: unknown[] }>(
      `{ waitingList { alias daysWaiting overLimit waitingLimitDays } }`,
    );
    expect(list.body.data?.waitingList).toEqual([
      { alias: 'Karin Opdigtet', daysWaiting: 43, overLimit: true, waitingLimitDays: 42 },
    ]);
    const leader = await as('leader@koege.test');
    expect(errorCodes(await leader.graphql(`{ waitingList { alias } }`))).toEqual(['FORBIDDEN']);
  });
});

describe('a course from a template, enrolment, attendance and the linked forms', () => {
  let courseId = '';
  let sessions: Array<{ id: string; number: number; title: string }> = [];
  const enrolments: Array<{ id: string; participantCode: string }> = [];
  const personIds: string[] = [];

  it('creates a course from the Odense template with ten sessions and warns about a long gap', async () => {
    const lead = await as('lead@odense.test');
    const plans = await lead.graphql<{
      modulePlans: Array<{ id: string; isTemplate: boolean; modules: string[] }>;
    }>(`{ modulePlans { id name isTemplate modules } }`);
    const template = plans.body.data!.modulePlans.find((p) => p.isTemplate)!;
    expect(template.modules).toEqual(ODENSE_MODULES);
    const leaders = await lead.graphql<{ groupLeaders: Array<{ userId: string; displayName: string }> }>(
      `{ groupLeaders { userId displayName } }`,
    );
    expect(leaders.body.data!.groupLeaders.map((l) => l.displayName)).toEqual([
      'leader odense',
      'leader2 odense',
      'leader3 odense',
    ]);
    const dates = Array.from({ length: 10 }, (_, i) => isoDaysFromToday(i * 7 + (i >= 5 ? 8 : 0)));

    const wrong = await lead.graphql(CREATE_COURSE, {
      input: {
        name: 'Hold A',
        venue: 'Frivilligcentret',
        modulePlanId: template.id,
        sessionDates: dates.slice(0, 9),
        leaderIds: [users['leader@odense']!.id, users['intake@odense']!.id],
      },
    });
    expect(fields(wrong)).toEqual([
      ['sessionDates', 'WRONG_COUNT'],
      ['leaderIds.1', 'NOT_A_GROUP_LEADER'],
    ]);
    expect(await prisma().course.count()).toBe(0);

    const created = await lead.graphql<{
      createCourse: {
        course: { id: string; sessions: Array<{ id: string; number: number; title: string }> };
        warnings: Array<{ code: string; fromSession: number; toSession: number; days: number }>;
      };
    }>(CREATE_COURSE, {
      input: {
        name: 'Hold A',
        venue: 'Frivilligcentret',
        modulePlanId: template.id,
        sessionDates: dates,
        leaderIds: [users['leader@odense']!.id, users['leader2@odense']!.id],
      },
    });
    expect(created.body.errors).toBeUndefined();
    const payload = created.body.data!.createCourse;
    expect(payload.warnings).toEqual([
      expect.objectContaining({ code: 'SESSION_GAP_TOO_LONG', fromSession: 5, toSession: 6, days: 15 }),
    ]);
    courseId = payload.course.id;
    sessions = payload.course.sessions;
    expect(sessions.map((s) => s.title)).toEqual(ODENSE_MODULES);
  });

  it('enrols four people with distinct pseudonymous codes, warning that the group is small', async () => {
    const intake = await as('intake@odense.test');
    const risk = await as('risk@odense.test');
    const lead = await as('lead@odense.test');
    for (const alias of ['Anna', 'Bodil', 'Cecilie', 'Dorte']) {
      const registered = await intake.graphql<{ registerIntake: { personId: string } }>(REGISTER, {
        input: { registeredOn: todayInDenmark(), alias, answers: registrationAnswers(40) },
      });
      const personId = registered.body.data!.registerIntake.personId;
      await risk.graphql(ASSESS, {
        input: { personId, assessedOn: todayInDenmark(), routes: ['GROUP_COURSE'] },
      });
      personIds.push(personId);
    }
    for (const personId of personIds) {
      const enrolled = await lead.graphql<{
        enrolParticipant: {
          enrolment: { id: string; participantCode: string };
          warnings: Array<{ code: string }>;
        };
      }>(ENROL, { courseId, personId });
      expect(enrolled.body.errors).toBeUndefined();
      enrolments.push(enrolled.body.data!.enrolParticipant.enrolment);
      expect(enrolled.body.data!.enrolParticipant.warnings.map((w) => w.code)).toEqual(['GROUP_TOO_SMALL']);
    }
    // Køge's lead cannot enrol into Odense's course: the same answer as an unknown id, audited.
    const other = await as('lead@koege.test');
    const before = await prisma().enrolment.count();
    const refused = await other.graphql(ENROL, { courseId, personId: personIds[0] });
    expect(fields(refused)).toEqual([
      ['courseId', 'UNKNOWN_OPTION'],
      ['personId', 'UNKNOWN_OPTION'],
    ]);
    expect(await prisma().enrolment.count()).toBe(before);
    const denied = await prisma().auditEvent.findMany({
      where: { action: 'DENIED', entityId: { in: [courseId, personIds[0]!] } },
      select: { entity: true },
    });
    expect(denied.map((d) => d.entity).sort()).toEqual(['Course', 'Person']);
    const codes = enrolments.map((e) => e.participantCode);
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) expect(isParticipantCode(code)).toBe(true);
    const again = await lead.graphql(ENROL, { courseId, personId: personIds[0] });
    expect(fields(again)).toEqual([['personId', 'ALREADY_ENROLLED']]);
    // Enrolled people have left the waiting list.
    const waiting = await prisma().waitingListEntry.findMany({ where: { personId: { in: personIds } } });
    expect(waiting.map((w) => w.leftReason)).toEqual(['ENROLLED', 'ENROLLED', 'ENROLLED', 'ENROLLED']);
  });

  it('lets the course leaders record attendance and nobody else', async () => {
    const leader = await as('leader@odense.test');
    const mark = (sessionIndex: number, present: boolean[]) =>
      leader.graphql<{ recordAttendance: { number: number; attendance: Array<{ present: boolean }> } }>(
        `mutation Mark($sessionId: ID!, $attendance: [AttendanceInput!]!) {
          recordAttendance(sessionId: $sessionId, attendance: $attendance) { number attendance { enrolmentId present } }
        }`,
        {
          sessionId: sessions[sessionIndex]!.id,
          attendance: enrolments.map((e, i) => ({ enrolmentId: e.id, present: present[i] })),
        },
      );
    expect((await mark(0, [true, true, true, false])).body.errors).toBeUndefined();
    const second = await mark(1, [true, false, true, true]);
    expect(second.body.data?.recordAttendance.attendance.filter((a) => a.present)).toHaveLength(3);

    const view = await leader.graphql<{ course: { enrolments: Array<{ sessionsAttended: number }> } }>(
      `query C($id: ID!) { course(id: $id) { participantCount enrolments { displayName sessionsAttended } } }`,
      { id: courseId },
    );
    expect(view.body.data?.course.enrolments.map((e) => e.sessionsAttended)).toEqual([2, 1, 2, 1]);

    const outsider = await as('leader3@odense.test');
    expect((await outsider.graphql<{ courses: unknown[] }>(`{ courses { id } }`)).body.data?.courses).toEqual(
      [],
    );
    expect(
      errorCodes(await outsider.graphql(`query C($id: ID!) { course(id: $id) { id } }`, { id: courseId })),
    ).toEqual(['NOT_FOUND']);
    const foreign = await outsider.graphql(
      `mutation M($s: ID!, $e: ID!) { recordAttendance(sessionId: $s, attendance: [{ enrolmentId: $e, present: false }]) { id } }`,
      { s: sessions[0]!.id, e: enrolments[0]!.id },
    );
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    const koegeLeader = await as('leader@koege.test');
    expect(
      errorCodes(await koegeLeader.graphql(`query C($id: ID!) { course(id: $id) { id } }`, { id: courseId })),
    ).toEqual(['NOT_FOUND']);
  });

  it('takes a baseline form through a one-time link without login, once, and shows leaders only "done"', async () => {
    const leader = await as('leader@odense.test');
    const opened = await leader.graphql<{ openParticipantForm: { token: string; participantCode: string } }>(
      OPEN_FORM,
      {
        enrolmentId: enrolments[0]!.id,
        kind: 'BASELINE',
      },
    );
    expect(opened.body.errors).toBeUndefined();
    const { token, participantCode } = opened.body.data!.openParticipantForm;
    expect(participantCode).toBe(enrolments[0]!.participantCode);
    const link = await prisma().formLink.findFirstOrThrow({ where: { participantCode } });
    expect(link.tokenHash).toBe(hashFormToken(token));
    expect(JSON.stringify(link)).not.toContain(token);

    const phone = new TestBrowser(); // the participant: no session
    const form = await phone.graphql<{ participantForm: { kind: string; organizationName: string } }>(FORM, {
      token,
    });
    expect(form.body.data?.participantForm).toMatchObject({
      kind: 'BASELINE',
      organizationName: 'Odense Kommune',
    });

    const invalid = await phone.graphql(SUBMIT, { token, answers: { inspire_o_1: 9 } });
    expect(fields(invalid)).toEqual([['answers.inspire_o_1', 'OUT_OF_RANGE']]);
    expect((await prisma().formLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).toBeNull();

    const answers = participantAnswers([2, 3, 3, 4, 2], [4, 4, 5, 3, 4], 'Svar som kun jeg ser');
    const submitted = await phone.graphql(SUBMIT, { token, answers });
    expect(submitted.body.errors).toBeUndefined();
    const twice = await phone.graphql(SUBMIT, { token, answers });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({
      reason: 'LINK_USED',
      message: { da: expect.stringContaining('allerede'), en: expect.stringContaining('already') },
    });
    expect(await prisma().questionnaireResponse.count({ where: { participantCode } })).toBe(1);

    // Audited without a user and without a person: the trail does not put a name next to answers.
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { entity: 'QuestionnaireResponse' } });
    expect(audit).toMatchObject({
      userId: null,
      personId: null,
      organizationId: orgs.odense.id,
      action: 'CREATE',
    });

    const view = await leader.graphql<{
      course: { enrolments: Array<{ baselineForm: string; endForm: string }> };
    }>(`query C($id: ID!) { course(id: $id) { enrolments { participantCode baselineForm endForm } } }`, {
      id: courseId,
    });
    expect(view.body.data?.course.enrolments.map((e) => e.baselineForm)).toEqual([
      'DONE',
      'NOT_STARTED',
      'NOT_STARTED',
      'NOT_STARTED',
    ]);
    expect(JSON.stringify(view.body)).not.toContain('Svar som kun jeg ser');
  });

  it('refuses to give a leader (or anyone on staff) the answers', async () => {
    const leader = await as('leader@odense.test');
    for (const query of [
      `query C($id: ID!) { course(id: $id) { enrolments { answers } } }`,
      `query C($id: ID!) { course(id: $id) { enrolments { baselineForm { answers } } } }`,
      `{ questionnaireResponses { answers } }`,
      `query C($id: ID!) { course(id: $id) { enrolments { participantCode } } intakes { answers } }`,
    ]) {
      const response = await leader.graphql(query, { id: courseId });
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(response.body.data ?? {})).not.toContain('"answers"');
      expect(JSON.stringify(response.body)).not.toContain('Svar som kun jeg ser');
    }
    // And structurally: no type in the schema holds a questionnaire response or its answers,
    // except the staff-filled registration form (not readable by group leaders, see above).
    const holders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (
          /QuestionnaireResponse/.test(String(field.type)) ||
          String(field.type).includes('QuestionnaireAnswers')
        ) {
          holders.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(holders).toEqual(['IntakeRegistration.answers']);
  });

  it('refuses a tampered or expired link with a clear message and stores nothing', async () => {
    const leader = await as('leader@odense.test');
    const opened = await leader.graphql<{ openParticipantForm: { token: string; participantCode: string } }>(
      OPEN_FORM,
      {
        enrolmentId: enrolments[1]!.id,
        kind: 'BASELINE',
      },
    );
    const { token, participantCode } = opened.body.data!.openParticipantForm;
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    const phone = new TestBrowser();
    const answers = participantAnswers([1, 1, 1, 1, 1], [5, 5, 5, 5, 5], '');
    for (const bad of [tampered, 'not-a-token', `${token}x`]) {
      const response = await phone.graphql(SUBMIT, { token: bad, answers });
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
        reason: 'INVALID_LINK',
        message: {
          da: expect.stringContaining('Linket virker ikke'),
          en: expect.stringContaining('does not work'),
        },
      });
    }
    await prisma().formLink.updateMany({
      where: { participantCode },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await phone.graphql(SUBMIT, { token, answers });
    expect(errorCodes(expired)).toEqual(['FORBIDDEN']);
    expect(expired.body.errors?.[0]?.extensions).toMatchObject({ reason: 'LINK_EXPIRED' });
    expect(errorCodes(await phone.graphql(FORM, { token }))).toEqual(['FORBIDDEN']);
    expect(await prisma().questionnaireResponse.count({ where: { participantCode } })).toBe(0);
    expect((await prisma().formLink.findFirstOrThrow({ where: { participantCode } })).usedAt).toBeNull();
  });

  it('stores a form once when the same link is submitted twice at the same moment', async () => {
    const leader = await as('leader@odense.test');
    const opened = await leader.graphql<{ openParticipantForm: { token: string; participantCode: string } }>(
      OPEN_FORM,
      {
        enrolmentId: enrolments[2]!.id,
        kind: 'BASELINE',
      },
    );
    const { token, participantCode } = opened.body.data!.openParticipantForm;
    const answers = participantAnswers([3, 3, 3, 3, 3], [3, 3, 3, 3, 3], '');
    const results = await Promise.all([
      new TestBrowser().graphql(SUBMIT, { token, answers }),
      new TestBrowser().graphql(SUBMIT, { token, answers }),
    ]);
    expect(results.map((r) => (r.body.errors ? 'refused' : 'stored')).sort()).toEqual(['refused', 'stored']);
    expect(await prisma().questionnaireResponse.count({ where: { participantCode } })).toBe(1);
  });

  it('links baseline and end by the participant code and scores INSPIRE-O by the domain rule', async () => {
    const leader = await as('leader@odense.test');
    const enrolment = enrolments[0]!;
    const done = await leader.graphql(OPEN_FORM, { enrolmentId: enrolment.id, kind: 'BASELINE' });
    expect(fields(done)).toEqual([['kind', 'FORM_ALREADY_DONE']]);
    // The course started today: the end form opens only from its second-to-last session.
    const early = await leader.graphql(OPEN_FORM, { enrolmentId: enrolment.id, kind: 'END' });
    expect(fields(early)).toEqual([['kind', 'END_FORM_NOT_YET']]);
    const ninth = await prisma().courseSession.findFirstOrThrow({ where: { courseId, number: 9 } });
    const [y, m, d] = ninth.date.toISOString().slice(0, 10).split('-');
    expect(JSON.stringify(early.body.errors)).toContain(`gang 9 (${d}.${m}.${y})`);
    expect(
      await prisma().formLink.count({ where: { participantCode: enrolment.participantCode, kind: 'END' } }),
    ).toBe(0);
    // Then the course has run to its ninth session (its days moved back so the ninth is today).
    const shift = Math.round((ninth.date.getTime() - dateColumn(todayInDenmark()).getTime()) / 86_400_000);
    await prisma()
      .$executeRaw`UPDATE "CourseSession" SET date = date - ${shift}::int WHERE "courseId" = ${courseId}::uuid`;
    const opened = await leader.graphql<{ openParticipantForm: { token: string } }>(OPEN_FORM, {
      enrolmentId: enrolment.id,
      kind: 'END',
    });
    const endItems = [4, 4, 3, 5, 4];
    const endAnswers = { ...participantAnswers(endItems, [5, 5, 4, 4, 5], ''), sessions_attended: 9 };
    const submitted = await new TestBrowser().graphql(SUBMIT, {
      token: opened.body.data!.openParticipantForm.token,
      answers: endAnswers,
    });
    expect(submitted.body.errors).toBeUndefined();

    const responses = await prisma().questionnaireResponse.findMany({
      where: { participantCode: enrolment.participantCode },
      orderBy: { kind: 'asc' },
    });
    expect(responses.map((r) => r.kind)).toEqual(['BASELINE', 'END']);
    expect(responses.every((r) => r.courseId === courseId)).toBe(true);
    const [baseline, end] = responses;
    // Domain rule: items re-coded 0-4, mean × 25. Baseline 2,3,3,4,2 → 1.8 × 25 = 45; end 4,4,3,5,4 → 3 × 25 = 75.
    expect(baseline?.inspireOScore).toBe(45);
    expect(baseline?.inspireOScore).toBe(scoreInspire([2, 3, 3, 4, 2]));
    expect(end?.inspireOScore).toBe(75);
    expect(end?.inspireOScore).toBe(scoreInspire(endItems));
    expect(end?.inspireScore).toBe(scoreInspire([5, 5, 4, 4, 5]));
  });

  it('records the follow-up talk and where the participant was helped on to', async () => {
    const leader = await as('leader2@odense.test');
    const response = await leader.graphql<{ recordFollowUp: unknown }>(
      `mutation F($input: RecordFollowUpInput!) {
        recordFollowUp(input: $input) { followUpStatus followUpOn helpedOnTo helpedOnToOther }
      }`,
      {
        input: {
          enrolmentId: enrolments[0]!.id,
          status: 'HELD',
          on: isoDaysFromToday(80),
          helpedOnTo: ['MUNICIPAL_OFFER', 'OTHER'],
          helpedOnToOther: 'Jobcenter',
        },
      },
    );
    expect(response.body.data?.recordFollowUp).toEqual({
      followUpStatus: 'HELD',
      followUpOn: isoDaysFromToday(80),
      helpedOnTo: ['MUNICIPAL_OFFER', 'OTHER'],
      helpedOnToOther: 'Jobcenter',
    });
    const bad = await leader.graphql(
      `mutation F($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`,
      {
        input: { enrolmentId: enrolments[1]!.id, status: 'BOOKED', on: 'i morgen', helpedOnTo: ['NOWHERE'] },
      },
    );
    expect(fields(bad)).toEqual([
      ['on', 'INVALID_DATE'],
      ['helpedOnTo', 'UNKNOWN_OPTION'],
    ]);
    const untouched = await prisma().enrolment.findUniqueOrThrow({ where: { id: enrolments[1]!.id } });
    expect(untouched.followUpStatus).toBeNull();
  });

  it('rate-limits lookups of one link', async () => {
    const leader = await as('leader@odense.test');
    const opened = await leader.graphql<{ openParticipantForm: { token: string } }>(OPEN_FORM, {
      enrolmentId: enrolments[3]!.id,
      kind: 'BASELINE',
    });
    const phone = new TestBrowser();
    const token = opened.body.data!.openParticipantForm.token;
    const codes: unknown[] = [];
    for (let i = 0; i < 31; i++) codes.push(...errorCodes(await phone.graphql(FORM, { token })));
    expect(codes).toEqual(['RATE_LIMITED']);
  });
});

describe('module plans', () => {
  const SAVE = `mutation Save($input: SaveModulePlanInput!) { saveModulePlan(input: $input) { id name isTemplate modules } }`;

  it("lets a lead adapt a copy of a template, edit the organisation's own plan, and never a template", async () => {
    const lead = await as('lead@koege.test');
    const template = await prisma().modulePlan.findFirstOrThrow({ where: { organizationId: null } });
    const modules = template.modules.map((title, i) => (i === 4 ? 'Skyld, skam og ansvar' : title));

    const copy = await lead.graphql<{ saveModulePlan: { id: string; isTemplate: boolean } }>(SAVE, {
      input: { name: 'Odense (Køges udgave)', modules },
    });
    expect(copy.body.data?.saveModulePlan).toMatchObject({ isTemplate: false });
    const copyId = copy.body.data!.saveModulePlan.id;
    expect((await prisma().modulePlan.findUniqueOrThrow({ where: { id: copyId } })).organizationId).toBe(
      orgs.koege.id,
    );
    expect((await prisma().modulePlan.findUniqueOrThrow({ where: { id: template.id } })).modules).toEqual(
      ODENSE_MODULES,
    );

    const edited = await lead.graphql(SAVE, { input: { id: copyId, name: 'Køge efterår', modules } });
    expect(edited.body.data).toMatchObject({ saveModulePlan: { name: 'Køge efterår' } });

    expect(errorCodes(await lead.graphql(SAVE, { input: { id: template.id, name: 'X', modules } }))).toEqual([
      'NOT_FOUND',
    ]);
    const bad = await lead.graphql(SAVE, { input: { name: ' ', modules: [...modules.slice(0, 8), ''] } });
    expect(fields(bad)).toEqual([
      ['name', 'REQUIRED'],
      ['modules', 'WRONG_MODULE_COUNT'],
      ['modules.8', 'REQUIRED'],
    ]);

    // Another organisation sees the templates and its own plans, not Køge's.
    const odenseLead = await as('lead@odense.test');
    const seen = await odenseLead.graphql<{ modulePlans: Array<{ name: string }> }>(
      `{ modulePlans { name } }`,
    );
    expect(seen.body.data?.modulePlans.map((p) => p.name)).toEqual(['Odense']);
    // Group leaders read plans but do not change them.
    const leader = await as('leader@koege.test');
    expect(errorCodes(await leader.graphql(SAVE, { input: { name: 'X', modules } }))).toEqual(['FORBIDDEN']);
  });
});
