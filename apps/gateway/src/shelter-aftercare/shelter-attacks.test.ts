// Aftercare after a shelter stay attacked by hostile logged-in users, with only what each has
// (its own session, its own stays, ids it saw or guessed), compared with the truth in the
// database: staff of shelter B reaching for a woman's stay at shelter A (every mutation with
// A's ids next to B's own, her CPR number through the readmission path), non-shelter roles of
// A's own organisation, a user who is shelter staff elsewhere, and the repeat-stay flag used as
// an oracle on fictitious admissions. Runs on PGlite by default, on PostgreSQL with DATABASE_URL.

import { dumpAsText } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from '../database.ts';
import { clockAt, realClockAfterEach } from '../testing/fixed-clock.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import {
  browserWithSession,
  dataOf,
  errorCodes,
  type GraphQLResponse,
  type TestBrowser,
} from '../testing/graphql-client.ts';

realClockAfterEach();

const STAY_FIELDS = `id personId pseudonym birthYear admittedOn plannedMoveOutOn movedOutOn repeatStay matchableAcrossShelters
  children { id personId pseudonym birthYear }
  counsellingItems { area status dueOn completedOn }
  psychologistHours { personId role booked used }
  civilSocietyReferrals { id offer ownOfferName status consentGivenOn referredOn startedOn outcome }
  startUpHelp { need status amount }
  openCounsellingAreas counsellingCoveredBeforeMoveOut`;
const ADMIT = `mutation($input: AdmitToShelterInput!) { admitToShelter(input: $input) { ${STAY_FIELDS} } }`;
const STAY = `query($id: ID!) { shelterStay(id: $id) { ${STAY_FIELDS} } }`;
const STAYS = `{ shelterStays { ${STAY_FIELDS} } }`;
const MOVE_OUT = `mutation($stayId: ID!, $on: String!) { recordShelterMoveOut(stayId: $stayId, movedOutOn: $on) { id repeatStay } }`;
const PLAN = `mutation($stayId: ID!, $on: String!) { planShelterMoveOut(stayId: $stayId, plannedMoveOutOn: $on) { id } }`;
const ITEM = `mutation($input: UpdateCounsellingItemInput!) { updateCounsellingItem(input: $input) { area } }`;
const HOURS = `mutation($input: SetPsychologistHoursInput!) { setPsychologistHours(input: $input) { personId } }`;
const REFERRAL = `mutation($input: SaveCivilSocietyReferralInput!) { saveCivilSocietyReferral(input: $input) { id } }`;
const OWN_OFFER = `mutation($name: String!) { addCivilSocietyOwnOffer(name: $name) { id name } }`;
const OWN_OFFERS = `{ civilSocietyOwnOffers { id name } }`;
const START_UP = `mutation($input: SetStartUpHelpNeedInput!) { setStartUpHelpNeed(input: $input) { need } }`;

type Stay = {
  id: string;
  personId: string;
  pseudonym: string;
  repeatStay: boolean;
  children: Array<{ personId: string }>;
  civilSocietyReferrals: Array<{ id: string }>;
};

type Who = 'staffA' | 'staffB' | 'leadA' | 'adminA' | 'elsewhere';
const ids = { shelterA: '', shelterB: '', users: {} as Record<Who, string> };
// Woman X at shelter A: her CPR number (which B's attacker is assumed to know) and the truth.
const CPR_X = '150388-1234';
const A = { stay: '', woman: '', child: '', pseudonym: '', referral: '', ownOffer: '' };
const TRUTH = { admittedOn: '2026-10-01', movedOutOn: '2026-12-10', ownOfferName: 'Kanarie-netværket Øst' };
const B = { stay: '', woman: '' };

async function as(who: Who, organizationId?: string): Promise<TestBrowser> {
  const active = organizationId ?? (who.endsWith('B') ? ids.shelterB : ids.shelterA);
  return browserWithSession(ids.users[who], active);
}

/** Everything of shelter A's that any attack here could change, as stored. */
async function truthOfA() {
  return prisma().shelterStay.findMany({
    where: { organizationId: ids.shelterA },
    orderBy: { id: 'asc' },
    include: {
      children: true,
      counsellingItems: true,
      hours: true,
      civilSociety: true,
      startUpHelp: true,
      organization: { select: { civilSocietyOffers: true } },
    },
  });
}

beforeAll(async () => {
  await openDatabase();
  ids.shelterA = (
    await createOrganization({ name: 'Krisecenter Nord', slug: 'ksa-nord', kind: 'SHELTER' })
  ).id;
  ids.shelterB = (await createOrganization({ name: 'Krisecenter Syd', slug: 'ksa-syd', kind: 'SHELTER' })).id;
  const make = async (
    who: Who,
    memberships: Array<{ organizationId: string; role: 'SHELTER_STAFF' | 'PROJECT_LEAD' | 'ADMIN' }>,
  ) => {
    ids.users[who] = (await createUser({ email: `${who}@ksa.test`, memberships })).id;
  };
  await make('staffA', [{ organizationId: ids.shelterA, role: 'SHELTER_STAFF' }]);
  await make('staffB', [{ organizationId: ids.shelterB, role: 'SHELTER_STAFF' }]);
  await make('leadA', [{ organizationId: ids.shelterA, role: 'PROJECT_LEAD' }]);
  await make('adminA', [{ organizationId: ids.shelterA, role: 'ADMIN' }]);
  // Shelter staff at B, and lead and administrator at A.
  await make('elsewhere', [
    { organizationId: ids.shelterB, role: 'SHELTER_STAFF' },
    { organizationId: ids.shelterA, role: 'PROJECT_LEAD' },
    { organizationId: ids.shelterA, role: 'ADMIN' },
  ]);

  clockAt('2027-03-15T11:00:00Z');
  const staffA = await as('staffA');
  const stay = dataOf<Stay>(
    await staffA.graphql(ADMIT, {
      input: {
        cprNumber: CPR_X,
        birthYear: 1988,
        admittedOn: TRUTH.admittedOn,
        plannedMoveOutOn: TRUTH.movedOutOn,
        children: [{ birthYear: 2017 }],
      },
    }),
    'admitToShelter',
  );
  Object.assign(A, {
    stay: stay.id,
    woman: stay.personId,
    child: stay.children[0]?.personId ?? '',
    pseudonym: stay.pseudonym,
  });
  A.ownOffer = dataOf<{ id: string }>(
    await staffA.graphql(OWN_OFFER, { name: TRUTH.ownOfferName }),
    'addCivilSocietyOwnOffer',
  ).id;
  A.referral = dataOf<{ id: string }>(
    await staffA.graphql(REFERRAL, {
      input: {
        stayId: A.stay,
        offer: 'OTHER',
        ownOfferId: A.ownOffer,
        status: 'OFFERED',
        offeredOn: '2026-11-01',
      },
    }),
    'saveCivilSocietyReferral',
  ).id;
  dataOf(
    await staffA.graphql(HOURS, { input: { stayId: A.stay, personId: A.child, booked: 6, used: 4 } }),
    'setPsychologistHours',
  );
  dataOf(await staffA.graphql(MOVE_OUT, { stayId: A.stay, on: TRUTH.movedOutOn }), 'recordShelterMoveOut');

  const staffB = await as('staffB');
  const own = dataOf<Stay>(
    await staffB.graphql(ADMIT, {
      input: { admittedOn: '2027-03-01', plannedMoveOutOn: '2027-05-01', children: [{ birthYear: 2020 }] },
    }),
    'admitToShelter',
  );
  Object.assign(B, { stay: own.id, woman: own.personId });
}, 120_000);

describe('shelter B reaches for the woman’s stay at shelter A', () => {
  it('every mutation with A’s ids beside B’s own stay: NOT_FOUND, audited as DENIED, nothing of A changed', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const staffB = await as('staffB');
    const before = await truthOfA();
    const bBefore = await prisma().shelterStay.findUniqueOrThrow({
      where: { id: B.stay },
      include: { hours: true, civilSociety: true },
    });
    const calls: Array<[string, Record<string, unknown>, string]> = [
      // A's stay id in every stay mutation.
      [MOVE_OUT, { stayId: A.stay, on: '2027-03-14' }, A.stay],
      [PLAN, { stayId: A.stay, on: '2027-04-01' }, A.stay],
      [
        ITEM,
        {
          input: {
            stayId: A.stay,
            area: 'HOUSING',
            status: 'DONE',
            dueOn: '2026-12-01',
            completedOn: '2026-11-30',
          },
        },
        A.stay,
      ],
      [HOURS, { input: { stayId: A.stay, personId: A.child, booked: 10, used: 10 } }, A.stay],
      [
        REFERRAL,
        {
          input: {
            id: A.referral,
            stayId: A.stay,
            offer: 'QNET',
            status: 'OFFERED',
            offeredOn: '2027-03-01',
          },
        },
        A.stay,
      ],
      [START_UP, { input: { stayId: A.stay, need: 'DEPOSIT', status: 'MET', amount: 1 } }, A.stay],
      // B's own stay, with A's woman, A's child, A's referral.
      [HOURS, { input: { stayId: B.stay, personId: A.woman, booked: 1, used: 0 } }, A.woman],
      [HOURS, { input: { stayId: B.stay, personId: A.child, booked: 1, used: 0 } }, A.child],
      [
        REFERRAL,
        {
          input: {
            id: A.referral,
            stayId: B.stay,
            offer: 'OTHER',
            ownOfferId: A.ownOffer,
            status: 'REFERRED',
            offeredOn: '2027-03-01',
            consentGivenOn: '2027-03-01',
            referredOn: '2027-03-02',
          },
        },
        A.referral,
      ],
      // A's woman and child named for a readmission at B.
      [
        ADMIT,
        { input: { personId: A.woman, admittedOn: '2027-03-10', plannedMoveOutOn: '2027-04-01' } },
        A.woman,
      ],
      [
        ADMIT,
        { input: { personId: A.child, admittedOn: '2027-03-10', plannedMoveOutOn: '2027-04-01' } },
        A.child,
      ],
    ];
    for (const [document, variables, refusedId] of calls) {
      const deniedBefore = await prisma().auditEvent.count({
        where: { userId: ids.users.staffB, action: 'DENIED', entityId: refusedId },
      });
      const refused = await staffB.graphql(document, variables);
      expect(errorCodes(refused), document).toEqual(['NOT_FOUND']);
      const text = JSON.stringify(refused.body);
      for (const secret of [A.pseudonym, TRUTH.movedOutOn, TRUTH.admittedOn, 'Nord', TRUTH.ownOfferName]) {
        expect(text).not.toContain(secret);
      }
      const denied = await prisma().auditEvent.findMany({
        where: { userId: ids.users.staffB, action: 'DENIED', entityId: refusedId },
      });
      expect(denied.length - deniedBefore, document).toBe(1);
      expect(denied.every((d) => d.personId === null)).toBe(true);
    }
    expect(await truthOfA()).toEqual(before);
    expect(
      await prisma().shelterStay.findUniqueOrThrow({
        where: { id: B.stay },
        include: { hours: true, civilSociety: true },
      }),
    ).toEqual(bBefore);
  });

  it('A’s own offer cannot be used on B’s stay: a typed field error, nothing stored, the name not echoed', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const staffB = await as('staffB');
    const refused = await staffB.graphql(REFERRAL, {
      input: {
        stayId: B.stay,
        offer: 'OTHER',
        ownOfferId: A.ownOffer,
        status: 'OFFERED',
        offeredOn: '2027-03-10',
      },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    const fields = (refused.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
      field: string;
      code: string;
    }>;
    expect(fields.map((f) => [f.field, f.code])).toEqual([['ownOfferId', 'UNKNOWN_OPTION']]);
    expect(JSON.stringify(refused.body)).not.toContain(TRUTH.ownOfferName);
    expect(await prisma().civilSocietyReferral.count({ where: { stayId: B.stay } })).toBe(0);
    const offers = dataOf<Array<{ name: string }>>(await staffB.graphql(OWN_OFFERS), 'civilSocietyOwnOffers');
    expect(offers.map((o) => o.name)).not.toContain(TRUTH.ownOfferName);
  });

  it('B’s every read path (list, one stay, aliases, nested) holds nothing of A', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const staffB = await as('staffB');
    const response = await staffB.graphql(
      `query($a: ID!, $b: ID!) { list: shelterStays { ${STAY_FIELDS} } mine: shelterStay(id: $b) { ${STAY_FIELDS} }
        theirs: shelterStay(id: $a) { id } }`,
      { a: A.stay, b: B.stay },
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const text = JSON.stringify(response.body);
    for (const secret of [
      A.stay,
      A.woman,
      A.child,
      A.pseudonym,
      A.referral,
      TRUTH.movedOutOn,
      TRUTH.admittedOn,
      'Nord',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('the readmission path is no CPR oracle on A’s woman: the right and a wrong number get the same answer', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const staffB = await as('staffB');
    const before = await truthOfA();
    const answer = async (cprNumber: string) => {
      const r = await staffB.graphql(ADMIT, {
        input: { personId: A.woman, cprNumber, admittedOn: '2027-03-12', plannedMoveOutOn: '2027-04-01' },
      });
      return { codes: errorCodes(r), fields: r.body.errors?.[0]?.extensions?.fields ?? null };
    };
    const right = await answer(CPR_X);
    const wrong = await answer('010101-0101');
    expect(right).toEqual({ codes: ['NOT_FOUND'], fields: null });
    expect(wrong).toEqual(right);
    expect(await truthOfA()).toEqual(before);
  });
});

describe('roles that are not the shelter’s staff', () => {
  it('the lead and the administrator of shelter A, and shelter staff of B active in A, read and change nothing', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const before = await truthOfA();
    const browsers = [await as('leadA'), await as('adminA'), await as('elsewhere', ids.shelterA)];
    for (const browser of browsers) {
      const calls: Array<[string, Record<string, unknown>]> = [
        [STAYS, {}],
        [STAY, { id: A.stay }],
        [OWN_OFFERS, {}],
        [ADMIT, { input: { personId: A.woman, admittedOn: '2027-03-10', plannedMoveOutOn: '2027-04-01' } }],
        [MOVE_OUT, { stayId: A.stay, on: '2027-03-14' }],
        [PLAN, { stayId: A.stay, on: '2027-04-01' }],
        [
          ITEM,
          {
            input: {
              stayId: A.stay,
              area: 'WORK',
              status: 'DONE',
              dueOn: '2026-12-01',
              completedOn: '2026-11-30',
            },
          },
        ],
        [HOURS, { input: { stayId: A.stay, personId: A.woman, booked: 1, used: 1 } }],
        [REFERRAL, { input: { stayId: A.stay, offer: 'QNET', status: 'OFFERED', offeredOn: '2027-03-01' } }],
        [START_UP, { input: { stayId: A.stay, need: 'TOYS', status: 'NEEDED' } }],
        [OWN_OFFER, { name: 'Falsk tilbud' }],
      ];
      for (const [document, variables] of calls) {
        const refused = await browser.graphql(document, variables);
        expect(errorCodes(refused), document).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(refused.body)).not.toContain(A.pseudonym);
      }
    }
    expect(await truthOfA()).toEqual(before);
    // The same user, active at B where she is staff, still finds A's stay unknown.
    const atB = await as('elsewhere', ids.shelterB);
    expect(errorCodes(await atB.graphql(STAY, { id: A.stay }))).toEqual(['NOT_FOUND']);
    const list = dataOf<Array<{ id: string }>>(await atB.graphql(STAYS), 'shelterStays');
    expect(list.map((s) => s.id)).not.toContain(A.stay);
  });
});

describe('the shelter’s women and children as persons', () => {
  it('the lead and the administrator cannot list or read them through the person queries', async () => {
    clockAt('2027-03-15T11:00:00Z');
    for (const who of ['leadA', 'adminA'] as const) {
      const browser = await as(who);
      const list = await browser.graphql('{ persons(first: 100) { id pseudonym gender birthYear } }');
      const ids = dataOf<Array<{ id: string }>>(list, 'persons').map((p) => p.id);
      for (const id of [A.woman, A.child]) expect(ids, who).not.toContain(id);
      expect(JSON.stringify(list.body)).not.toContain(A.pseudonym);
      for (const id of [A.woman, A.child]) {
        const one = await browser.graphql('query($id: ID!) { person(id: $id) { id pseudonym birthYear } }', {
          id,
        });
        expect(errorCodes(one), who).toEqual(['NOT_FOUND']);
        const changed = await browser.graphql(
          'mutation($id: ID!) { updatePersonProfile(id: $id, input: { birthYear: 1950 }) { id } }',
          { id },
        );
        expect(errorCodes(changed), who).toEqual(['NOT_FOUND']);
      }
    }
    const rows = await prisma().person.findMany({
      where: { id: { in: [A.woman, A.child] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => r.birthYear).sort()).toEqual([1988, 2017]);
  });
});

describe('every other role of shelter A with the woman’s and the child’s person ids', () => {
  // The ids are assumed learned (a screen, a log, a colleague). Every query and mutation of the
  // gateway that takes a person id, as each role of A that is not its shelter staff: each answer
  // must equal the answer for an id that does not exist (no oracle), be audited as DENIED with
  // the id (or refused outright by role), and leave her and her child's records as they were.
  const PERSON_ID_CALLS: Array<
    [string, string, (personId: string, courseId: string) => Record<string, unknown>]
  > = [
    ['person', 'query($id: ID!) { person(id: $id) { id pseudonym } }', (id) => ({ id })],
    [
      'updatePersonProfile',
      'mutation($id: ID!) { updatePersonProfile(id: $id, input: { birthYear: 1950, gender: MAN }) { id } }',
      (id) => ({ id }),
    ],
    [
      'enrolParticipant',
      'mutation($c: ID!, $p: ID!) { enrolParticipant(courseId: $c, personId: $p) { enrolment { id participantCode } } }',
      (p, c) => ({ c, p }),
    ],
    [
      'recordRiskAssessment',
      'mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id routes } }',
      (personId) => ({
        input: { personId, assessedOn: '2027-03-14', riskLevel: 'MODERATE', routes: ['GROUP_COURSE'] },
      }),
    ],
    [
      'setPsychologistHours',
      HOURS,
      (personId) => ({ input: { stayId: A.stay, personId, booked: 1, used: 0 } }),
    ],
    [
      'admitToShelter',
      ADMIT,
      (personId) => ({ input: { personId, admittedOn: '2027-03-10', plannedMoveOutOn: '2027-04-01' } }),
    ],
  ];
  const OTHER_ROLES = [
    'OUTREACH_WORKER',
    'COUNSELLOR',
    'INTAKE_COORDINATOR',
    'RISK_ASSESSOR',
    'GROUP_LEADER',
    'PROJECT_LEAD',
    'LEGAL_FINANCIAL_ADVISER',
    'PSYCHOLOGIST',
    'ADMIN',
    'EVALUATOR',
  ] as const;
  // A made-up id that no row has: the answer the woman's and the child's ids must give.
  const NOBODY = '6f1d2c3b-0000-4000-8000-00000000abcd';

  /** Everything the calls could create or change for the two of them. */
  function truthOfPersons() {
    return prisma().person.findMany({
      where: { id: { in: [A.woman, A.child] } },
      orderBy: { id: 'asc' },
      include: {
        contact: true,
        intakes: true,
        riskAssessments: true,
        waitingList: true,
        enrolments: true,
        outreachCases: true,
        psychologistHours: true,
        hateCrimeCases: true,
      },
    });
  }

  it('each role gets the unknown id’s answer, audited as DENIED, and nothing of hers or her child’s changes', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const course = await prisma().course.create({
      data: {
        organizationId: ids.shelterA,
        name: 'Gruppe',
        venue: 'Lokale 1',
        startsOn: new Date('2027-04-01'),
      },
    });
    const personsBefore = await truthOfPersons();
    const stayBefore = await truthOfA();
    const problems: string[] = [];
    for (const role of OTHER_ROLES) {
      const user = await createUser({
        email: `${role.toLowerCase()}@ksa-roles.test`,
        memberships: [{ organizationId: ids.shelterA, role }],
      });
      const browser = await browserWithSession(user.id, ids.shelterA);
      for (const [name, document, variables] of PERSON_ID_CALLS) {
        const unknown = await browser.graphql(document, variables(NOBODY, course.id));
        const shape = (r: GraphQLResponse) => ({
          data: r.body.data ?? null,
          errors: (r.body.errors ?? []).map((e) => ({ message: e.message, extensions: e.extensions })),
        });
        for (const personId of [A.woman, A.child]) {
          // Refused by role: audited with the operation's name; refused by id: with the id.
          const deniedWhere = (forbidden: boolean) => ({
            userId: user.id,
            action: 'DENIED',
            entityId: forbidden ? name : personId,
          });
          const before = [
            await prisma().auditEvent.count({ where: deniedWhere(true) }),
            await prisma().auditEvent.count({ where: deniedWhere(false) }),
          ];
          const answer = await browser.graphql(document, variables(personId, course.id));
          const who = `${role} ${name} ${personId === A.woman ? 'woman' : 'child'}`;
          if (!answer.body.errors?.length) problems.push(`${who}: acted`);
          else if (JSON.stringify(shape(answer)) !== JSON.stringify(shape(unknown)))
            problems.push(
              `${who}: ${JSON.stringify(shape(answer))} ≠ unknown id's ${JSON.stringify(shape(unknown))}`,
            );
          const forbidden = errorCodes(answer)[0] === 'FORBIDDEN';
          const after = await prisma().auditEvent.count({ where: deniedWhere(forbidden) });
          if (after - (before[forbidden ? 0 : 1] ?? 0) !== 1) problems.push(`${who}: not audited as DENIED`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await truthOfPersons()).toEqual(personsBefore);
    expect(await truthOfA()).toEqual(stayBefore);
    expect(await prisma().enrolment.count({ where: { courseId: course.id } })).toBe(0);
  });
});

describe('the repeat-stay flag as an oracle', () => {
  // A probe: a fresh woman admitted and moved out on `day` without a CPR number, then readmitted
  // by her person on `day` with X's number. Her own earlier stay ends that day (no overlap, no
  // repeat), probes are made at falling dates so none counts for the next; the flag then says
  // only whether X moved out of a shelter (A) more than one day before `day`.
  async function probe(staffB: TestBrowser, day: string): Promise<boolean> {
    const fresh = dataOf<Stay>(
      await staffB.graphql(ADMIT, { input: { admittedOn: day, plannedMoveOutOn: day } }),
      'admitToShelter',
    );
    dataOf(await staffB.graphql(MOVE_OUT, { stayId: fresh.id, on: day }), 'recordShelterMoveOut');
    return dataOf<Stay>(
      await staffB.graphql(ADMIT, {
        input: { personId: fresh.personId, cprNumber: CPR_X, admittedOn: day, plannedMoveOutOn: day },
      }),
      'admitToShelter',
    ).repeatStay;
  }

  // Staff of B, knowing only X's CPR number and with X never at B, learn the day X moved out of
  // A (two probes here; a falling scan of one probe per day in general). The flag is meant to be
  // the only thing B learns of another shelter's stays, and for a woman B actually admits now.
  // Staff now see only the repeat stays their own shelter's records show.
  it('fictitious admissions at chosen past dates do not reveal the day she moved out of A', async () => {
    clockAt('2027-03-15T11:00:00Z');
    const staffB = await as('staffB');
    const twoDaysAfter = await probe(staffB, '2026-12-12');
    const dayAfter = await probe(staffB, '2026-12-11');
    // What the attacker concludes: true then false means she moved out exactly on 2026-12-10.
    expect([twoDaysAfter, dayAfter]).not.toEqual([true, false]);
  });
});

describe('at rest', () => {
  it('no CPR number typed in by any of these attacks (right, wrong, refused) is in a dump of the database', async () => {
    const { text } = await dumpAsText(database());
    expect(text).toContain(A.pseudonym);
    for (const cpr of [CPR_X, '010101-0101']) {
      const digits = cpr.replace('-', '');
      for (const form of [cpr, digits, `${digits.slice(0, 6)} ${digits.slice(6)}`])
        expect(text).not.toContain(form);
    }
  });
});
