import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Role } from '@vi/db';
import { generateParticipantCode } from '@vi/domain';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from './auth/session.ts';
import {
  type Actor,
  actorName,
  type Expected,
  expectedOutcome,
  mayReadField,
  OPERATIONS,
  RECORD_TYPES,
  ROLES,
} from './authorization-matrix.ts';
import { hashFormToken } from './courses/form-link.ts';
import { dateColumn, todayInDenmark } from './courses/iso-date.ts';
import { database, openDatabase, prisma } from './database.ts';
import { createOrganization, createUser } from './testing/fixtures.ts';
import { type GraphQLResponse, TestBrowser } from './testing/graphql-client.ts';

/**
 * Runs every operation of schema.graphql as every role of organisation A, as
 * a group leader of another course, anonymously, and as a member of
 * organisation B holding every role there (with A's ids), against a real
 * database, and compares the outcome with the matrix in
 * authorization-matrix.ts. Then reads every field of the person-level types
 * through every root query that reaches them, as every role the root admits.
 * The documents are generated from schema.graphql: a new operation gets a
 * document (and a failure until the matrix has its entry) without touching
 * this file.
 */

const SCHEMA = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
const QUERY = SCHEMA.getQueryType() as GraphQLObjectType;
const MUTATION = SCHEMA.getMutationType() as GraphQLObjectType;

// ── The world: organisation A with one user per role, organisation B ──────

interface World {
  orgA: string;
  orgB: string;
  users: Record<string, string>;
  ids: Record<
    | 'person1'
    | 'person2'
    | 'case1'
    | 'case2'
    | 'openReferral'
    | 'takenReferral'
    | 'modulePlan'
    | 'course'
    | 'session'
    | 'enrolment'
    | 'riskAssessment'
    | 'shelterStay'
    | 'shelterWoman'
    | 'intake',
    string
  >;
  formToken: string;
  /** The outreach user survey: a link to one of A's cases, and a follow-up task of A's lead. */
  survey: { token: string; followUp: string };
  /** Hate-crime aftercare: A's case (sender side) and two referrals A received from organisation C. */
  hateCrime: Record<
    'outreachCase' | 'case' | 'legalIn' | 'psychIn' | 'legalTask' | 'sentOut' | 'orgC',
    string
  >;
  /** Members of A whom the administrators' operations act on (createUser: staffToAdd's address). */
  staff: string;
  staffToAdd: string;
  /** Strings only organisation A's data holds: never in an answer to anyone refused. */
  markers: string[];
  contact: { name: string; phone: string };
  takenContact: { name: string; phone: string };
}

const world = {} as World;

function isoDaysFromToday(days: number): string {
  const date = dateColumn(todayInDenmark());
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const day = (days: number) => dateColumn(isoDaysFromToday(days));

async function personWithCase(
  organizationId: string,
  n: number,
  caseData: { status: 'OPEN' | 'REFERRED'; claimedById?: string },
) {
  const person = await prisma().person.create({
    data: {
      organizationId,
      pseudonym: `MX-A-PERSON-${n}`,
      gender: 'WOMAN',
      birthYear: 1980 + n,
      contact: {
        create: {
          organizationId,
          name: `Matrixperson Nummer${n}`,
          alias: `Alias${n}`,
          phone: `2999000${n}`,
          caseReference: `SAG-MX-${n}`,
          reachNote: `Ring efter kl. ${n}`,
        },
      },
    },
  });
  const incident = await prisma().incident.create({
    data: { organizationId, occurredOn: day(-5), type: 'VIOLENCE' },
  });
  const outreachCase = await prisma().outreachCase.create({
    data: {
      organizationId,
      personId: person.id,
      incidentId: incident.id,
      role: 'VICTIM',
      incidentType: 'VIOLENCE',
      status: caseData.status,
      callableFrom: day(-3),
      callableUntil: day(20),
      claimedById: caseData.claimedById ?? null,
      claimExpiresAt: caseData.claimedById ? new Date(Date.now() + 60 * 60 * 1000) : null,
    },
  });
  return { person, outreachCase };
}

async function buildWorld(): Promise<void> {
  await openDatabase();
  const a = await createOrganization({ name: 'Matrixby Kommune', slug: 'matrixby', stance: 'JOURNALISED' });
  const b = await createOrganization({ name: 'Andenby Kommune', slug: 'andenby', stance: 'JOURNALISED' });
  world.orgA = a.id;
  world.orgB = b.id;
  world.users = {};
  for (const role of ROLES) {
    const user = await createUser({
      email: `${role.toLowerCase()}@matrixby.test`,
      memberships: [{ organizationId: a.id, role }],
    });
    world.users[role] = user.id;
  }
  world.users.GROUP_LEADER_OF_OTHER_COURSE = (
    await createUser({
      email: 'leader-elsewhere@matrixby.test',
      memberships: [{ organizationId: a.id, role: 'GROUP_LEADER' }],
    })
  ).id;
  world.users.ADMIN_WITHOUT_SECOND_FACTOR = (
    await createUser({
      email: 'admin-without-code@matrixby.test',
      memberships: [{ organizationId: a.id, role: 'ADMIN' }],
    })
  ).id;
  world.users.OTHER_ORGANIZATION = (
    await createUser({
      email: 'everything@andenby.test',
      memberships: ROLES.map((role) => ({ organizationId: b.id, role })),
    })
  ).id;
  // The user-management operations' targets: members of A who are not among the callers.
  world.staff = (
    await createUser({
      email: 'staff-member@matrixby.test',
      memberships: [{ organizationId: a.id, role: 'OUTREACH_WORKER' }],
    })
  ).id;
  world.staffToAdd = (
    await createUser({
      email: 'staff-to-add@matrixby.test',
      memberships: [{ organizationId: a.id, role: 'COUNSELLOR' }],
    })
  ).id;
  // Administrators manage users only with two-step login on (auth/users.ts).
  await prisma().user.updateMany({
    where: { id: { in: [world.users.ADMIN ?? '', world.users.OTHER_ORGANIZATION] } },
    data: { totpEnabledAt: new Date() },
  });
  // B has data of its own, so its lists are not empty by accident.
  await prisma().person.create({ data: { organizationId: b.id, pseudonym: 'MX-B-PERSON-1' } });

  const users = world.users as Record<Role, string>;
  const one = await personWithCase(a.id, 1, { status: 'OPEN', claimedById: users.OUTREACH_WORKER });
  const two = await personWithCase(a.id, 2, { status: 'OPEN' });
  const three = await personWithCase(a.id, 3, { status: 'REFERRED' });
  const four = await personWithCase(a.id, 4, { status: 'REFERRED' });
  const openReferral = await prisma().referral.create({
    data: { organizationId: a.id, caseId: three.outreachCase.id, consentAt: new Date() },
  });
  const takenReferral = await prisma().referral.create({
    data: {
      organizationId: a.id,
      caseId: four.outreachCase.id,
      consentAt: new Date(),
      status: 'TAKEN',
      counsellorId: users.COUNSELLOR,
      takenAt: new Date(),
    },
  });

  const intake = await prisma().intakeRegistration.create({
    data: {
      organizationId: a.id,
      personId: one.person.id,
      registeredOn: day(-10),
      answers: { gender: 'WOMAN', age: 40 },
      gender: 'WOMAN',
      ageYears: 40,
      referredTo: ['GROUP_COURSE'],
    },
  });
  const riskAssessment = await prisma().riskAssessment.create({
    data: {
      organizationId: a.id,
      personId: one.person.id,
      assessedOn: day(-9),
      riskLevel: 'HIGH',
      safetyPlan: 'Sikkerhedsplan MX-A',
      reassessOn: day(3),
      routes: ['GROUP_COURSE'],
    },
  });
  await prisma().waitingListEntry.create({
    data: { organizationId: a.id, personId: two.person.id, since: day(-8) },
  });
  const modules = Array.from({ length: 10 }, (_, i) => `MX-modul ${i + 1}`);
  const plan = await prisma().modulePlan.create({
    data: { organizationId: a.id, name: 'MX-A-plan', modules },
  });
  const course = await prisma().course.create({
    data: {
      organizationId: a.id,
      modulePlanId: plan.id,
      name: 'MX-A-kursus',
      venue: 'MX-A-sal',
      startsOn: day(-14),
      leaders: { create: [{ userId: users.GROUP_LEADER }] },
      sessions: { create: modules.map((title, i) => ({ number: i + 1, date: day(-14 + 7 * i), title })) },
    },
    include: { sessions: { orderBy: { number: 'asc' } } },
  });
  const participantCode = generateParticipantCode();
  const enrolment = await prisma().enrolment.create({
    data: { organizationId: a.id, courseId: course.id, personId: one.person.id, participantCode },
  });
  const session = course.sessions[0];
  if (!session) throw new Error('the course has no session');
  await prisma().attendance.create({
    data: { sessionId: session.id, enrolmentId: enrolment.id, present: true },
  });
  world.formToken = randomBytes(32).toString('base64url');
  await prisma().formLink.create({
    data: {
      tokenHash: hashFormToken(world.formToken),
      organizationId: a.id,
      participantCode,
      kind: 'BASELINE',
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });

  // A woman's stay at A with her child, hours and the § 109 checklist (aftercare after a shelter stay).
  const shelterWoman = await prisma().person.create({
    data: { organizationId: a.id, pseudonym: 'MX-A-SHELTER-1', gender: 'WOMAN', birthYear: 1988 },
  });
  const shelterChild = await prisma().person.create({
    data: { organizationId: a.id, pseudonym: 'MX-A-SHELTER-CHILD', birthYear: 2018 },
  });
  const shelterStay = await prisma().shelterStay.create({
    data: {
      organizationId: a.id,
      personId: shelterWoman.id,
      admittedOn: day(-30),
      plannedMoveOutOn: day(30),
      children: { create: [{ organizationId: a.id, personId: shelterChild.id }] },
      counsellingItems: { create: [{ organizationId: a.id, area: 'HOUSING', dueOn: day(30) }] },
      hours: {
        create: [
          { organizationId: a.id, personId: shelterWoman.id, role: 'WOMAN', booked: 4, used: 1 },
          { organizationId: a.id, personId: shelterChild.id, role: 'CHILD', booked: 2, used: 0 },
        ],
      },
    },
  });

  world.ids = {
    shelterStay: shelterStay.id,
    shelterWoman: shelterWoman.id,
    person1: one.person.id,
    person2: two.person.id,
    case1: one.outreachCase.id,
    case2: two.outreachCase.id,
    openReferral: openReferral.id,
    takenReferral: takenReferral.id,
    modulePlan: plan.id,
    course: course.id,
    session: session.id,
    enrolment: enrolment.id,
    riskAssessment: riskAssessment.id,
    intake: intake.id,
  };
  // Answers on who we reach, so their narrower readers are checked against a real row.
  await prisma().reachAnswers.createMany({
    data: [
      { organizationId: a.id, outreachCaseId: two.outreachCase.id, preferredLanguage: 'ar' },
      { organizationId: a.id, intakeRegistrationId: intake.id, preferredLanguage: 'ar' },
    ],
  });
  world.hateCrime = await hateCrimeWorld(a.id);
  const surveyToken = randomBytes(32).toString('base64url');
  await prisma().outreachSurveyLink.create({
    data: {
      tokenHash: hashFormToken(surveyToken),
      organizationId: a.id,
      caseId: two.outreachCase.id,
      sentAt: new Date(),
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
    },
  });
  const followUp = await prisma().outreachSurveyFollowUp.create({
    data: { organizationId: a.id, channel: 'PHONE', contact: null, createdOn: day(0) },
    select: { id: true },
  });
  world.survey = { token: surveyToken, followUp: followUp.id };
  world.contact = { name: 'Matrixperson Nummer1', phone: '29990001' };
  world.takenContact = { name: 'Matrixperson Nummer4', phone: '29990004' };
  world.markers = [
    ...[1, 2, 3, 4].flatMap((n) => [`MX-A-PERSON-${n}`, `Nummer${n}`, `2999000${n}`, `SAG-MX-${n}`]),
    'Sikkerhedsplan MX-A',
    'MX-A-plan',
    'MX-A-kursus',
    'MX-A-SHELTER',
    'Matrixby',
    participantCode,
    intake.id,
    ...Object.values(world.ids),
    ...ROLES.map((role) => users[role]),
    world.users.GROUP_LEADER_OF_OTHER_COURSE ?? '',
    world.users.ADMIN_WITHOUT_SECOND_FACTOR ?? '',
    world.staff,
    world.staffToAdd,
    'staff-member@matrixby.test',
    'staff-to-add@matrixby.test',
  ];
  world.markers.push(
    'MX-A-HC',
    'MX-HC-Alias',
    'MX-HC-Received',
    ...Object.entries(world.hateCrime)
      .filter(([key]) => key !== 'orgC')
      .map(([, id]) => id),
  );
}

/**
 * Hate-crime aftercare: A sends (a case with its assessment, and a hate-crime outreach case to
 * start one from) and A receives (a legal and a psychological referral from organisation C,
 * which has staff in both track roles, and a task on the legal one).
 */
async function hateCrimeWorld(orgA: string): Promise<World['hateCrime']> {
  const c = await createOrganization({ name: 'Tredjeby Rådgivning', slug: 'tredjeby', kind: 'NGO' });
  await createUser({
    email: 'tracks@tredjeby.test',
    memberships: [
      { organizationId: c.id, role: 'LEGAL_FINANCIAL_ADVISER' },
      { organizationId: c.id, role: 'PSYCHOLOGIST' },
    ],
  });
  const callPerson = await prisma().person.create({
    data: { organizationId: orgA, pseudonym: 'MX-A-HC-CALL' },
  });
  const incident = await prisma().incident.create({
    data: { organizationId: orgA, occurredOn: day(-5), type: 'HATE_CRIME', hateMotive: 'RELIGION' },
  });
  const outreachCase = await prisma().outreachCase.create({
    data: {
      organizationId: orgA,
      personId: callPerson.id,
      incidentId: incident.id,
      role: 'VICTIM',
      incidentType: 'HATE_CRIME',
      status: 'REFERRED',
      callableFrom: day(-3),
      callableUntil: day(20),
    },
  });
  const person = await prisma().person.create({
    data: {
      organizationId: orgA,
      pseudonym: 'MX-A-HC-1',
      contact: { create: { organizationId: orgA, alias: 'MX-HC-Alias', phone: '29990009' } },
    },
  });
  const hateCrimeCase = await prisma().hateCrimeAftercareCase.create({
    data: {
      organizationId: orgA,
      personId: person.id,
      entryPoint: 'POLICE_HATE_CRIME_UNIT',
      openedOn: day(-5),
      needsAssessment: {
        create: {
          organizationId: orgA,
          assessedOn: day(-5),
          needIndividualPsychologist: 'CERTAINLY',
          needLegalFinancial: 'CERTAINLY',
          needGroup: 'MAYBE',
        },
      },
    },
  });
  // A's own referral of its case to C's legal track (the sender may withdraw it).
  const sentOut = await prisma().hateCrimeReferral.create({
    data: {
      organizationId: c.id,
      senderOrganizationId: orgA,
      caseId: hateCrimeCase.id,
      track: 'LEGAL_FINANCIAL',
      sentOn: day(-4),
      statusChangedOn: day(-4),
      consentGivenAt: new Date(),
      needFirmness: 'CERTAINLY',
    },
  });
  const cPerson = await prisma().person.create({ data: { organizationId: c.id, pseudonym: 'TB-HC-1' } });
  const cCase = await prisma().hateCrimeAftercareCase.create({
    data: { organizationId: c.id, personId: cPerson.id, entryPoint: 'SELF', openedOn: day(-4) },
  });
  const received = (track: 'LEGAL_FINANCIAL' | 'PSYCHOLOGICAL') =>
    prisma().hateCrimeReferral.create({
      data: {
        organizationId: orgA,
        senderOrganizationId: c.id,
        caseId: cCase.id,
        track,
        status: 'ACCEPTED',
        sentOn: day(-3),
        statusChangedOn: day(-3),
        consentGivenAt: new Date(),
        alias: 'MX-HC-Received',
        phone: '29990010',
        needFirmness: 'CERTAINLY',
        legalTaskKinds: track === 'LEGAL_FINANCIAL' ? ['COMPENSATION_CLAIM'] : [],
        psychologicalForms: track === 'PSYCHOLOGICAL' ? ['INDIVIDUAL_SESSIONS'] : [],
      },
    });
  const legalIn = await received('LEGAL_FINANCIAL');
  const psychIn = await received('PSYCHOLOGICAL');
  const task = await prisma().hateCrimeLegalTask.create({
    data: { organizationId: orgA, referralId: legalIn.id, kind: 'COMPENSATION_CLAIM', openedOn: day(-2) },
  });
  return {
    outreachCase: outreachCase.id,
    case: hateCrimeCase.id,
    legalIn: legalIn.id,
    psychIn: psychIn.id,
    legalTask: task.id,
    sentOut: sentOut.id,
    orgC: c.id,
  };
}

// ── Sessions: one per actor, made directly (no login throttle, no argon2) ──

const ACTORS: Actor[] = [
  ...ROLES.map((role): Actor => ({ kind: 'ROLE', role })),
  { kind: 'ADMIN_WITHOUT_SECOND_FACTOR' },
  { kind: 'GROUP_LEADER_OF_OTHER_COURSE' },
  { kind: 'OTHER_ORGANIZATION' },
  { kind: 'ANONYMOUS' },
];

const sessions = new Map<string, string>();

async function browserFor(actor: Actor): Promise<TestBrowser> {
  const browser = new TestBrowser();
  if (actor.kind === 'ANONYMOUS') return browser;
  const name = actorName(actor);
  let token = sessions.get(name);
  if (!token) {
    const userId = world.users[name];
    if (!userId) throw new Error(`no user for ${name}`);
    const organizationId = actor.kind === 'OTHER_ORGANIZATION' ? world.orgB : world.orgA;
    token = (await createSession(userId, organizationId)).token;
    sessions.set(name, token);
  }
  browser.cookie = token;
  return browser;
}

// ── Documents generated from schema.graphql ─────────────────────────────

/** A registration as the intake coordinator fills it in (courses.test.ts). */
const REGISTRATION_ANSWERS = {
  gender: 'WOMAN',
  age: 40,
  heard_from: ['POLICE'],
  violence_status: Object.fromEntries(
    [
      'PHYSICAL',
      'PSYCHOLOGICAL',
      'SEXUAL',
      'MATERIAL',
      'ECONOMIC',
      'DIGITAL',
      'STALKING',
      'HONOUR_RELATED',
      'OTHER',
    ].map((row) => [row, row === 'PSYCHOLOGICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
  ),
};

/** Arguments that make each operation reach its authorisation and ownership checks with A's records. */
function argumentOverrides(operation: string): Record<string, unknown> {
  const ids = world.ids;
  const today = todayInDenmark();
  const overrides: Record<string, Record<string, unknown>> = {
    'Query.callCase': { caseId: ids.case1 },
    'Query.course': { id: ids.course },
    'Query.person': { id: ids.person1 },
    'Query.shelterStay': { id: ids.shelterStay },
    'Query.participantForm': { token: world.formToken },
    'Query.evaluation': { filter: { organizationIds: [world.orgA] } },
    'Mutation.claimCase': { caseId: ids.case2 },
    'Mutation.recordCallOutcome': { caseId: ids.case1, input: { outcome: 'NOT_REACHED' } },
    'Mutation.releaseCase': { caseId: ids.case1 },
    // All answers empty: nothing of A changes for a role that may write (there is no row to remove).
    'Mutation.saveOutreachReachAnswers': { input: { outreachCaseId: ids.case1, reach: {} } },
    // The answer the registration already holds: the writers' save changes nothing visible.
    'Mutation.saveIntakeReachAnswers': {
      input: { intakeRegistrationId: ids.intake, reach: { preferredLanguage: 'ar' } },
    },
    'Mutation.takeReferral': { referralId: ids.openReferral },
    'Mutation.recordReferralResult': {
      referralId: ids.takenReferral,
      input: { result: 'CONVERSATION_HELD' },
    },
    'Mutation.logReferralAttempt': { referralId: ids.takenReferral, input: { kind: 'NOT_REACHED' } },
    'Mutation.updatePersonProfile': { id: ids.person1, input: { birthYear: 1981 } },
    'Mutation.recordRiskAssessment': {
      input: { personId: ids.person1, assessedOn: today, riskLevel: 'HIGH', routes: ['GROUP_COURSE'] },
    },
    'Mutation.saveModulePlan': {
      input: {
        id: ids.modulePlan,
        name: 'MX-A-plan',
        modules: Array.from({ length: 10 }, (_, i) => `MX-modul ${i + 1}`),
      },
    },
    'Mutation.createCourse': {
      input: {
        name: 'MX nyt kursus',
        venue: 'MX-sal 2',
        modulePlanId: ids.modulePlan,
        sessionDates: Array.from({ length: 10 }, (_, i) => isoDaysFromToday(7 + 7 * i)),
        leaderIds: [world.users.GROUP_LEADER, world.users.GROUP_LEADER_OF_OTHER_COURSE],
      },
    },
    'Mutation.enrolParticipant': { courseId: ids.course, personId: ids.person2 },
    'Mutation.recordAttendance': {
      sessionId: ids.session,
      attendance: [{ enrolmentId: ids.enrolment, present: true }],
    },
    'Mutation.openParticipantForm': { enrolmentId: ids.enrolment, kind: 'END' },
    'Mutation.recordFollowUp': { input: { enrolmentId: ids.enrolment, status: 'BOOKED', on: today } },
    'Mutation.withdrawParticipant': { enrolmentId: ids.enrolment, on: today, reason: 'OTHER' },
    // Before recordRiskAssessment gives person 1 a newer assessment (MUTATION_ORDER).
    'Mutation.correctRiskDecision': {
      input: { assessmentId: ids.riskAssessment, routes: ['GROUP_COURSE'], reason: 'NEW_INFORMATION' },
    },
    'Mutation.submitParticipantForm': { token: world.formToken, answers: { matrix_probe: 1 } },
    'Query.outreachSurvey': { token: world.survey.token },
    // An unknown item: refused as VALIDATION for everyone, so the link stays unused.
    'Mutation.submitOutreachSurvey': {
      token: world.survey.token,
      language: 'da',
      answers: { matrix_probe: 1 },
    },
    'Mutation.completeOutreachSurveyFollowUp': { id: world.survey.followUp },
    'Mutation.switchOrganization': { organizationId: world.orgA },
    'Mutation.login': { input: { email: '', password: '' } },
    'Mutation.previewIncidentImport': { input: { fileName: 'matrix.csv', rows: [] } },
    'Mutation.importIncidents': { input: { fileName: 'matrix.csv', rows: [] } },
    'Mutation.saveCrimeCodeMapping': { input: { code: '4711', incidentType: 'VIOLENCE' } },
    'Mutation.deleteCrimeCodeMapping': { code: '4711' },
    'Mutation.saveTranslationOverride': {
      input: { locale: 'ar', key: 'questionnaire.next', text: 'التالي' },
    },
    'Mutation.deleteTranslationOverride': { locale: 'ar', key: 'questionnaire.next' },
    'Mutation.setMyLocale': { locale: 'en' },
    'Mutation.updateOutreachSettings': { input: {} },
    'Query.costInputs': { model: 'GROUP_COURSE', year: 2025 },
    'Mutation.saveCostInputs': { input: { model: 'GROUP_COURSE', year: 2025, values: [] } },
    'Mutation.registerIntake': {
      input: { registeredOn: today, alias: 'MX ny', answers: REGISTRATION_ANSWERS },
    },
    // Weak new password, empty current password and codes: refused as VALIDATION (or CONFLICT)
    // before any password check, so nothing changes and the login throttle is not spent.
    'Mutation.changePassword': { input: { currentPassword: 'matrix', newPassword: 'x' } },
    'Mutation.startTwoFactorEnrolment': { input: { currentPassword: '' } },
    'Mutation.confirmTwoFactor': { code: '' },
    'Mutation.disableTwoFactor': { code: '' },
    // The address of one of A's staff: A's administrator meets EMAIL_TAKEN; another
    // organisation's must not reach the account.
    'Mutation.createUser': {
      input: { email: 'staff-to-add@matrixby.test', displayName: 'MX ny bruger', roles: ['COUNSELLOR'] },
    },
    'Mutation.setUserRoles': { userId: world.staff, roles: ['OUTREACH_WORKER'] },
    'Query.hateCrimeCase': { id: world.hateCrime.case },
    'Mutation.closeHateCrimeCase': { hateCrimeCaseId: world.hateCrime.case, input: { closedOn: today } },
    'Mutation.withdrawHateCrimeReferral': {
      hateCrimeReferralId: world.hateCrime.sentOut,
      input: { on: today },
    },
    'Mutation.startHateCrimeAftercare': {
      input: { entryPoint: 'OUTREACH_CALL', outreachCaseId: world.hateCrime.outreachCase, openedOn: today },
    },
    'Mutation.recordHateCrimeNeeds': { hateCrimeCaseId: world.hateCrime.case },
    'Mutation.referHateCrimeCase': {
      hateCrimeCaseId: world.hateCrime.case,
      input: { track: 'PSYCHOLOGICAL', receiverOrganizationId: world.hateCrime.orgC, consentGiven: true },
    },
    'Mutation.changeLegalReferralStatus': {
      hateCrimeReferralId: world.hateCrime.legalIn,
      input: { status: 'STARTED', on: today },
    },
    'Mutation.changePsychologicalReferralStatus': {
      hateCrimeReferralId: world.hateCrime.psychIn,
      input: { status: 'STARTED', on: today },
    },
    'Mutation.openHateCrimeLegalTask': {
      hateCrimeReferralId: world.hateCrime.legalIn,
      input: { kind: 'LOST_EARNINGS', openedOn: today },
    },
    'Mutation.changeHateCrimeLegalTaskStatus': {
      legalTaskId: world.hateCrime.legalTask,
      input: { status: 'IN_PROGRESS', on: today },
    },
    'Mutation.recordHateCrimeSessions': {
      hateCrimeReferralId: world.hateCrime.psychIn,
      input: { sessionsHeld: 2, lastSessionOn: today },
    },
    'Mutation.placeHateCrimeInGroup': {
      hateCrimeReferralId: world.hateCrime.psychIn,
      input: { courseId: ids.course, on: today },
    },
    'Query.hateCrimeLeadView': { year: Number(today.slice(0, 4)) },
    'Mutation.saveHateCrimeBudget': {
      year: Number(today.slice(0, 4)),
      input: {
        capacityPerYear: 100,
        legalFinancialYearly: 0,
        psychologicalYearly: 0,
        otherYearly: 1,
        yearlyBudget: 1,
        budgetYears: 2,
      },
    },
    // The stay's woman: another person would be refused as not on the stay (NOT_FOUND).
    'Mutation.setPsychologistHours': {
      input: { stayId: ids.shelterStay, personId: ids.shelterWoman, booked: 5, used: 1 },
    },
  };
  return overrides[operation] ?? {};
}

/** An id for an argument or input field by its name: organisation A's record of that kind. */
function idFor(name: string): string {
  const byName: Record<string, string> = {
    caseId: world.ids.case1,
    courseId: world.ids.course,
    personId: world.ids.person1,
    referralId: world.ids.openReferral,
    sessionId: world.ids.session,
    enrolmentId: world.ids.enrolment,
    modulePlanId: world.ids.modulePlan,
    organizationId: world.orgA,
    userId: world.staff,
    stayId: world.ids.shelterStay,
  };
  return byName[name] ?? randomUUID();
}

/** A value of the right type for `type`, shaped by `given` where it names fields the type has. */
function valueFor(type: GraphQLInputType, name: string, given: unknown): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, given);
  if (isListType(type)) {
    const items = Array.isArray(given) ? given : [undefined];
    return items.map((item) => valueFor(type.ofType, name, item));
  }
  if (isInputObjectType(type)) {
    const shape = given && typeof given === 'object' ? (given as Record<string, unknown>) : {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      // Fields the override names and the type still has, plus every required one.
      if (field.name in shape || (isNonNullType(field.type) && field.defaultValue === undefined)) {
        value[field.name] = valueFor(field.type, field.name, shape[field.name]);
      }
    }
    return value;
  }
  if (given !== undefined) return given;
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idFor(name);
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Date':
        return todayInDenmark();
      case 'DateTime':
        return new Date().toISOString();
      case 'QuestionnaireAnswers':
        return { matrix_probe: 1 };
      default:
        return 'matrix';
    }
  }
  return null;
}

/** The smallest selection that resolves something of the type: its id, another leaf, or one object field down. */
function minimalSelection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth > 4) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaf = fields.find((f) => f.name === 'id') ?? fields.find((f) => isLeafType(getNamedType(f.type)));
  if (leaf) return `{ ${leaf.name} }`;
  const [first] = fields;
  return first ? `{ ${first.name} ${minimalSelection(first.type, depth + 1)} }` : '{ __typename }';
}

/**
 * Every field down to `maxDepth` levels (no type twice on a path, no field
 * with required arguments): what the member of another organisation asks
 * for, so anything of A that an answer could carry is in it.
 */
function fullSelection(type: GraphQLOutputType, maxDepth = 3, seen: ReadonlySet<string> = new Set()): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || maxDepth === 0) return '{ __typename }';
  const parts = Object.values(named.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .filter((field) => !seen.has(getNamedType(field.type).name))
    .map(
      (field) => `${field.name} ${fullSelection(field.type, maxDepth - 1, new Set([...seen, named.name]))}`,
    );
  return `{ __typename ${parts.join(' ')} }`;
}

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function operations(): Operation[] {
  return [
    ...Object.values(QUERY.getFields()).map((field) => ({
      name: `Query.${field.name}`,
      kind: 'query' as const,
      field,
    })),
    ...Object.values(MUTATION.getFields()).map((field) => ({
      name: `Mutation.${field.name}`,
      kind: 'mutation' as const,
      field,
    })),
  ];
}

/** A document calling the operation with its required arguments (and any the overrides give). */
function documentFor(
  operation: Operation,
  selection?: string,
): { query: string; variables: Record<string, unknown> } {
  const overrides = argumentOverrides(operation.name);
  const args = operation.field.args.filter((arg) => arg.name in overrides || isNonNullType(arg.type));
  const variables = Object.fromEntries(
    args.map((arg) => [arg.name, valueFor(arg.type, arg.name, overrides[arg.name])]),
  );
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `${operation.kind} Matrix${declarations ? `(${declarations})` : ''} { ${operation.field.name}${
    call ? `(${call})` : ''
  } ${selection ?? minimalSelection(operation.field.type)} }`;
  return { query, variables };
}

// ── Outcomes ─────────────────────────────────────────────────────────────

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'SECOND_FACTOR_SETUP_REQUIRED']);

function codesOf(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code ?? 'NO_CODE'));
}

function leakedMarkers(response: GraphQLResponse): string[] {
  const text = JSON.stringify(response.body);
  return world.markers.filter((marker) => text.includes(marker));
}

/** Checks one answer against the matrix; returns what is wrong, or null. */
function mismatch(operation: Operation, expected: Expected, response: GraphQLResponse): string | null {
  const codes = codesOf(response);
  const first = codes[0] ?? 'NO_ERROR';
  const data = (response.body.data ?? null) as Record<string, unknown> | null;
  if (codes.includes('INTERNAL') || codes.includes('NO_CODE')) {
    return `expected ${expected}, got ${codes.join(',')}: ${JSON.stringify(response.body.errors)}`;
  }
  if (expected === 'ALLOWED' || expected === 'OWN_ONLY') {
    if (operation.kind === 'query' ? codes.length > 0 : REFUSALS.has(first)) {
      return `expected ${expected}, got ${codes.join(',')}: ${JSON.stringify(response.body.errors?.[0]?.message)}`;
    }
    if (expected === 'OWN_ONLY' && leakedMarkers(response).length > 0) {
      return `OWN_ONLY answer holds organisation A's data: ${leakedMarkers(response).join(', ')}`;
    }
    return null;
  }
  if (first !== expected) return `expected ${expected}, got ${codes.join(',') || 'data'}`;
  if (data && data[operation.field.name] != null) return `refused with ${first} but data was returned`;
  if (leakedMarkers(response).length > 0) {
    return `refusal holds organisation A's data: ${leakedMarkers(response).join(', ')}`;
  }
  if (expected === 'VALIDATION') {
    const other = OPERATIONS[operation.name]?.otherOrganization;
    const wanted = typeof other === 'object' ? other.VALIDATION : [];
    const fields = ((response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>).map(
      (f) => f.field,
    );
    const missing = wanted.filter((field) => !fields.includes(field));
    if (missing.length > 0)
      return `VALIDATION without the fields ${missing.join(', ')} (got ${fields.join(', ')})`;
  }
  return null;
}

/**
 * A fingerprint of every row of organisation A (tables without an
 * organisation column through their parent), so a refused call that changed
 * anything is caught. Sessions, the audit trail and login-attempt counters
 * are expected to change and are left out.
 */
async function fingerprintOfA(): Promise<Record<string, string>> {
  const columns = await database().query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name IN ('id', 'organizationId', 'courseId', 'enrolmentId', 'userId')`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const row of columns) {
    const set = byTable.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    byTable.set(row.table_name, set);
  }
  const tables = (
    await database().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
  )
    .map((row) => row.table_name)
    .filter((name) => !/^(AuditEvent|Session|_.*)$|attempt|throttle|limit/i.test(name))
    .sort();
  const members = `SELECT "userId" FROM "Membership" WHERE "organizationId" = $1::uuid`;
  const courses = `SELECT id FROM "Course" WHERE "organizationId" = $1::uuid`;
  const parts = tables.map((table) => {
    const has = byTable.get(table) ?? new Set<string>();
    let where = 'true';
    if (table === 'Organization') where = 'id = $1::uuid';
    else if (table === 'User') where = `id IN (${members})`;
    else if (has.has('organizationId')) where = `"organizationId" = $1::uuid`;
    else if (has.has('courseId')) where = `"courseId" IN (${courses})`;
    else if (has.has('enrolmentId'))
      where = `"enrolmentId" IN (SELECT id FROM "Enrolment" WHERE "organizationId" = $1::uuid)`;
    else if (has.has('userId')) where = `"userId" IN (${members})`;
    return `SELECT '${table}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash
              FROM "${table}" t WHERE ${where}`;
  });
  const rows = await database().query<{ name: string; hash: string }>(parts.join(' UNION ALL '), [
    world.orgA,
  ]);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** Mutations in an order that lets each allowed caller reach its real work (claims before calls, …). */
const MUTATION_ORDER = [
  'updatePersonProfile',
  'registerIntake',
  'correctRiskDecision',
  'recordRiskAssessment',
  'saveModulePlan',
  'createCourse',
  'enrolParticipant',
  'recordAttendance',
  'submitParticipantForm',
  'openParticipantForm',
  'recordFollowUp',
  'withdrawParticipant',
  'previewIncidentImport',
  'importIncidents',
  'updateOutreachSettings',
  'claimCase',
  'claimNextCase',
  'recordCallOutcome',
  'releaseCase',
  'takeReferral',
  'recordReferralResult',
  'createUser',
  'setUserRoles',
  'resetUserPassword',
  'resetUserTwoFactor',
  'deactivateUser',
  'reactivateUser',
];

/** Mutations that delete the record the others work on (a stay's cancellation): after all of them. */
const MUTATIONS_LAST = ['cancelShelterAdmission'];

function ordered(list: Operation[]): Operation[] {
  const rank = (operation: Operation) => {
    if (operation.kind === 'query') return -1;
    if (MUTATIONS_LAST.includes(operation.field.name)) return MUTATION_ORDER.length + 1;
    const index = MUTATION_ORDER.indexOf(operation.field.name);
    return index < 0 ? MUTATION_ORDER.length : index;
  };
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

// ── Person-level fields: every path from a root query to a record type ─────

interface FieldPath {
  root: Operation;
  /** Field names from the root's type down to the record type. */
  steps: string[];
  /** The record types passed through, one per level (null where the type is not a record type). */
  types: Array<string | null>;
  target: GraphQLObjectType;
}

function recordPaths(root: Operation): FieldPath[] {
  const found: FieldPath[] = [];
  const walk = (type: GraphQLObjectType, steps: string[], types: Array<string | null>, seen: Set<string>) => {
    const record = type.name in RECORD_TYPES ? type.name : null;
    const here = [...types, record];
    if (record) found.push({ root, steps, types: here, target: type });
    if (steps.length >= 4) return;
    for (const field of Object.values(type.getFields())) {
      const next = getNamedType(field.type);
      if (!isObjectType(next) || seen.has(next.name) || field.args.some((a) => isNonNullType(a.type)))
        continue;
      walk(next, [...steps, field.name], here, new Set([...seen, next.name]));
    }
  };
  const type = getNamedType(root.field.type);
  if (isObjectType(type)) walk(type, [], [], new Set([type.name]));
  return found;
}

function leafFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter(
      (field) => isLeafType(getNamedType(field.type)) && field.args.every((a) => !isNonNullType(a.type)),
    )
    .map((field) => field.name);
}

function selectionFor(path: FieldPath & { leaves?: string[] }): string {
  let selection = `{ ${(path.leaves ?? leafFields(path.target)).join(' ')} }`;
  for (const step of [...path.steps].reverse()) selection = `{ ${step} ${selection} }`;
  return selection;
}

/** The objects at the end of the path in the answer's data (lists flattened). */
function objectsAt(data: unknown, path: string[]): Array<Record<string, unknown>> {
  let level: unknown[] = [data];
  for (const step of path) {
    level = level
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object')
      .map((value) => value[step]);
  }
  return level
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object');
}

// ── Where the gateway differs from the matrix today ─────────────────────

/**
 * Differences found by these tests that need a decision in the code they
 * concern, NOT in the matrix (which says what is intended). Each is printed
 * as a warning on every run, and its test fails once the difference is gone:
 * then delete the entry. Keys are the start of the problem line.
 */
const KNOWN_GAPS: Readonly<Record<string, string>> = {};

/** Fails on any problem that is not a known gap, and on a known gap of `family` that no longer occurs. */
function settle(problems: string[], family: (gap: string) => boolean): void {
  const gaps = Object.keys(KNOWN_GAPS).filter(family);
  const known = (problem: string) => gaps.some((gap) => problem.startsWith(gap));
  for (const problem of problems.filter(known)) console.warn(`KNOWN GAP (see KNOWN_GAPS): ${problem}`);
  expect(problems.filter((problem) => !known(problem))).toEqual([]);
  expect(gaps.filter((gap) => !problems.some((problem) => problem.startsWith(gap)))).toEqual([]);
}

// ── The tests ────────────────────────────────────────────────────────────

describe('the authorisation matrix covers schema.graphql', () => {
  it('has an entry for every query and mutation, and none for an operation that is gone', () => {
    const inSchema = operations()
      .map((operation) => operation.name)
      .sort();
    expect(inSchema.filter((name) => !(name in OPERATIONS))).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((name) => !inSchema.includes(name))).toEqual([]);
  });

  it('lists every type holding a person’s data, with exactly its fields', () => {
    // A type holds a person's data when it names a person, participant, case
    // or enrolment, or leads to a type that does.
    const objectTypes = Object.values(SCHEMA.getTypeMap()).filter(
      (type): type is GraphQLObjectType =>
        isObjectType(type) && !type.name.startsWith('__') && type !== QUERY && type !== MUTATION,
    );
    const personal = new Set(
      objectTypes
        .filter((type) =>
          Object.keys(type.getFields()).some((name) =>
            ['pseudonym', 'personId', 'participantCode', 'enrolmentId', 'caseId'].includes(name),
          ),
        )
        .map((type) => type.name),
    );
    for (let grown = true; grown; ) {
      grown = false;
      for (const type of objectTypes) {
        if (personal.has(type.name)) continue;
        if (Object.values(type.getFields()).some((field) => personal.has(getNamedType(field.type).name))) {
          personal.add(type.name);
          grown = true;
        }
      }
    }
    expect([...personal].sort()).toEqual(Object.keys(RECORD_TYPES).sort());
    for (const [name, access] of Object.entries(RECORD_TYPES)) {
      const type = SCHEMA.getType(name) as GraphQLObjectType;
      const listed = [...access.fields, ...Object.keys(access.narrower ?? {})].sort();
      expect({ type: name, fields: listed }).toEqual({
        type: name,
        fields: Object.keys(type.getFields()).sort(),
      });
    }
  });
});

describe('the gateway against the matrix (real database)', () => {
  beforeAll(buildWorld);

  it('reads every person-level field through every root query that reaches it, as every role the root admits', async () => {
    const problems: string[] = [];
    let checked = 0;
    const paths = operations()
      .filter((operation) => operation.kind === 'query')
      .flatMap(recordPaths);
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const access = OPERATIONS[path.root.name];
      if (!access) continue;
      const { query, variables } = documentFor(path.root, selectionFor(path));
      for (const role of ROLES) {
        if (expectedOutcome(access, { kind: 'ROLE', role }) !== 'ALLOWED') continue;
        const response = await (await browserFor({ kind: 'ROLE', role })).graphql(query, variables);
        const where = `${role} ${path.root.field.name}.${[...path.steps].join('.')}`;
        const errors = (response.body.errors ?? []).map((error) => ({
          code: String(error.extensions?.code),
          path: (error.path ?? []).filter((part) => typeof part === 'string').join('.'),
        }));
        const unexpected = errors.filter((error) => !['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.code));
        if (unexpected.length > 0) {
          problems.push(`${where}: ${JSON.stringify(unexpected)}`);
          continue;
        }
        // Allowed through every record type on the way down?
        const mayPass = path.steps.every((step, i) => {
          const typeName = path.types[i];
          const type = typeName ? RECORD_TYPES[typeName] : undefined;
          return !type || mayReadField(type, step, role);
        });
        const target = RECORD_TYPES[path.target.name];
        if (!target) continue;
        const objectPath = [path.root.field.name, ...path.steps].join('.');
        const objects = objectsAt(response.body.data, [path.root.field.name, ...path.steps]);
        // A refused object is nulled (with its parents, up to a nullable one)
        // after its first refused field: then every field of it counts as refused.
        const objectRefused =
          objects.length === 0 &&
          errors.some(
            (error) => error.path.startsWith(`${objectPath}.`) || objectPath.startsWith(error.path),
          );
        for (const field of leafFields(path.target)) {
          const full = `${objectPath}.${field}`;
          const refused =
            objectRefused || errors.some((error) => full === error.path || full.startsWith(`${error.path}.`));
          const expected = mayPass && mayReadField(target, field, role);
          checked += 1;
          if (expected && refused) problems.push(`${where}.${field}: refused, the matrix allows it`);
          if (expected && !refused && objects.length === 0) {
            problems.push(`${where}.${field}: nothing to read (the fixtures should give this role a record)`);
          }
          // An empty list, for a role that always gets an empty list there, tells nothing.
          if (!expected && !refused && objects.length > 0) {
            problems.push(`${where}.${field}: readable, the matrix refuses it`);
          }
          if (!expected && objects.some((object) => object[field] != null)) {
            problems.push(`${where}.${field}: a value came through`);
          }
        }
        // A record type the role may not read must not even show that it exists.
        if (path.steps.length > 0 && !(mayPass && target.who.includes(role))) {
          const probe = documentFor(path.root, selectionFor({ ...path, leaves: ['__typename'] }));
          const answer = await (await browserFor({ kind: 'ROLE', role })).graphql(
            probe.query,
            probe.variables,
          );
          const shown = objectsAt(answer.body.data, [path.root.field.name, ...path.steps]).length;
          if (shown > 0) {
            problems.push(
              `${path.root.field.name}.${path.steps.join('.')} as ${role}: a refused ${path.target.name} still shows that it exists (${shown} via __typename)`,
            );
          }
        }
      }
    }
    settle(problems, (gap) => !gap.startsWith('Query.') && !gap.startsWith('Mutation.'));
    expect(checked).toBeGreaterThan(500);
  }, 120_000);

  it('shows contact details only under their conditions (claim holder, the counsellor who took it)', async () => {
    const counsellor = await browserFor({ kind: 'ROLE', role: 'COUNSELLOR' });
    const pool = await counsellor.graphql('{ waitingReferrals { id name phone } }');
    expect(pool.body.errors).toBeUndefined();
    const open = ((pool.body.data?.waitingReferrals ?? []) as Array<Record<string, unknown>>).find(
      (r) => r.id === world.ids.openReferral,
    );
    expect(open).toEqual({ id: world.ids.openReferral, name: null, phone: null });
    const mine = await counsellor.graphql('{ myReferrals { id name phone } }');
    expect(mine.body.data?.myReferrals).toEqual([{ id: world.ids.takenReferral, ...world.takenContact }]);

    const worker = await browserFor({ kind: 'ROLE', role: 'OUTREACH_WORKER' });
    const call = `query Call($caseId: ID!) { callCase(caseId: $caseId) { name phone } }`;
    const holder = await worker.graphql(call, { caseId: world.ids.case1 });
    expect(holder.body.data?.callCase).toEqual(world.contact);
    const colleague = await createUser({
      email: 'outreach-colleague@matrixby.test',
      memberships: [{ organizationId: world.orgA, role: 'OUTREACH_WORKER' }],
    });
    const other = new TestBrowser();
    other.cookie = (await createSession(colleague.id, world.orgA)).token;
    const refused = await other.graphql(call, { caseId: world.ids.case1 });
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(leakedMarkers(refused)).toEqual([]);
  });

  it('gives every actor exactly what the matrix says for every operation, and a refused call changes nothing', async () => {
    const problems: string[] = [];
    const table: string[] = [];
    for (const operation of ordered(operations())) {
      const access = OPERATIONS[operation.name];
      if (!access) {
        problems.push(`${operation.name}: no entry in the matrix`);
        continue;
      }
      const minimal = documentFor(operation);
      const full = documentFor(operation, fullSelection(operation.field.type));
      const expectations = ACTORS.map((actor) => ({ actor, expected: expectedOutcome(access, actor) }));
      // Everyone who should not get through goes first, with A fingerprinted around them.
      const refusedFirst = [
        ...expectations.filter((e) => e.expected !== 'ALLOWED'),
        ...expectations.filter((e) => e.expected === 'ALLOWED'),
      ];
      const before = await fingerprintOfA();
      let checkedChanges = false;
      const row: string[] = [];
      for (const { actor, expected } of refusedFirst) {
        if (expected === 'ALLOWED' && !checkedChanges) {
          const changed = changedTables(before, await fingerprintOfA());
          if (changed.length > 0)
            problems.push(`${operation.name}: refused calls changed ${changed.join(', ')}`);
          checkedChanges = true;
        }
        const { query, variables } = actor.kind === 'OTHER_ORGANIZATION' ? full : minimal;
        const response = await (await browserFor(actor)).graphql(query, variables);
        const wrong = mismatch(operation, expected, response);
        if (wrong) problems.push(`${operation.name} as ${actorName(actor)}: ${wrong}`);
        row.push(`${actorName(actor)}=${codesOf(response)[0] ?? 'ok'}`);
        // A session the operation ended or replaced is made again for the next one.
        if (['logout', 'login', 'switchOrganization'].includes(operation.field.name)) {
          sessions.delete(actorName(actor));
        }
      }
      if (!checkedChanges) {
        const changed = changedTables(before, await fingerprintOfA());
        if (changed.length > 0)
          problems.push(`${operation.name}: refused calls changed ${changed.join(', ')}`);
      }
      table.push(`${operation.name}: ${row.join(' ')}`);
    }
    if (problems.length > 0) console.log(table.join('\n'));
    settle(problems, (gap) => gap.startsWith('Query.') || gap.startsWith('Mutation.'));
  }, 240_000);
});
