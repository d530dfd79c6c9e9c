// Aftercare after a shelter stay through the gateway, on the real database (PGlite, or
// PostgreSQL with DATABASE_URL): a woman's stay from admission to move-out with the § 109
// checklist, psychologist hours, a civil-society referral and start-up help; a repeat stay at
// another shelter recognised by the keyed hash of her CPR number without showing anything of the
// first shelter; refusals across organisations and roles; and the Danish calendar day at
// midnight and across daylight saving (the clock is fixed in every test).
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { clockAt, realClockAfterEach } from '../testing/fixed-clock.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import {
  browserWithSession,
  dataOf,
  errorCodes,
  fieldCodes,
  type GraphQLResponse,
  type TestBrowser,
} from '../testing/graphql-client.ts';

realClockAfterEach();

const STAY_FIELDS = `id personId pseudonym admittedOn plannedMoveOutOn movedOutOn repeatStay matchableAcrossShelters
  children { id personId pseudonym birthYear }
  counsellingItems { area status dueOn completedOn }
  psychologistHours { personId role booked used }
  civilSocietyReferrals { id offer ownOfferName status consentGivenOn referredOn startedOn outcome nextStatuses }
  startUpHelp { need status amount }
  openCounsellingAreas counsellingCoveredBeforeMoveOut`;

const ADMIT = `mutation Admit($input: AdmitToShelterInput!) { admitToShelter(input: $input) { ${STAY_FIELDS} } }`;
const STAY = `query Stay($id: ID!) { shelterStay(id: $id) { ${STAY_FIELDS} } }`;
const STAYS = `query Stays { shelterStays { id pseudonym repeatStay } }`;
const MOVE_OUT = `mutation MoveOut($stayId: ID!, $on: String!) {
  recordShelterMoveOut(stayId: $stayId, movedOutOn: $on) { ${STAY_FIELDS} } }`;
const ITEM = `mutation Item($input: UpdateCounsellingItemInput!) {
  updateCounsellingItem(input: $input) { area status dueOn completedOn } }`;
const HOURS = `mutation Hours($input: SetPsychologistHoursInput!) {
  setPsychologistHours(input: $input) { personId role booked used } }`;
const REFERRAL = `mutation Referral($input: SaveCivilSocietyReferralInput!) {
  saveCivilSocietyReferral(input: $input) { id offer ownOfferName status nextStatuses } }`;
const OWN_OFFER = `mutation Own($name: String!) { addCivilSocietyOwnOffer(name: $name) { id name } }`;
const START_UP = `mutation StartUp($input: SetStartUpHelpNeedInput!) {
  setStartUpHelpNeed(input: $input) { need status amount } }`;

type Stay = {
  id: string;
  personId: string;
  pseudonym: string;
  repeatStay: boolean;
  matchableAcrossShelters: boolean;
  movedOutOn: string | null;
  children: Array<{ personId: string; pseudonym: string }>;
  counsellingItems: Array<{ area: string; status: string; dueOn: string; completedOn: string | null }>;
  psychologistHours: Array<{ personId: string; role: string; booked: number; used: number }>;
  civilSocietyReferrals: Array<{ id: string; offer: string; status: string; nextStatuses: string[] }>;
  startUpHelp: Array<{ need: string; status: string; amount: number | null }>;
  openCounsellingAreas: string[];
  counsellingCoveredBeforeMoveOut: boolean | null;
};

const AREAS = ['HOUSING', 'FINANCES', 'WORK', 'SCHOOL', 'DAY_CARE', 'HEALTH'];

const ids = { shelterA: '', shelterB: '', users: {} as Record<string, string> };

beforeAll(async () => {
  await openDatabase();
  ids.shelterA = (
    await createOrganization({ name: 'Krisecenter Øst', slug: 'krisecenter-oest', kind: 'SHELTER' })
  ).id;
  ids.shelterB = (
    await createOrganization({ name: 'Krisecenter Vest', slug: 'krisecenter-vest', kind: 'SHELTER' })
  ).id;
  for (const [name, organizationId, role] of [
    ['staffA', ids.shelterA, 'SHELTER_STAFF'],
    ['staffB', ids.shelterB, 'SHELTER_STAFF'],
    ['leadA', ids.shelterA, 'PROJECT_LEAD'],
    ['adminA', ids.shelterA, 'ADMIN'],
  ] as const) {
    ids.users[name] = (
      await createUser({ email: `${name}@shelter.test`, memberships: [{ organizationId, role }] })
    ).id;
  }
});

/** A browser logged in as one of the users, with a session made at the fixed clock's time. */
async function as(name: string): Promise<TestBrowser> {
  const organizationId = name.endsWith('B') ? ids.shelterB : ids.shelterA;
  const userId = ids.users[name];
  if (!userId) throw new Error(`no user ${name}`);
  return browserWithSession(userId, organizationId);
}

function firstFieldMessage(response: GraphQLResponse): { da: string; en: string } | undefined {
  const list = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    message: { da: string; en: string };
  }>;
  return list[0]?.message;
}

async function stayRow(id: string) {
  return prisma().shelterStay.findUniqueOrThrow({
    where: { id },
    include: { counsellingItems: true, hours: true, civilSociety: true, startUpHelp: true },
  });
}

const CPR = '010190-1234';
const world = { firstStay: '', womanA: '', childA: '', pseudonymA: '' };

describe('a woman’s stay at a shelter, admission to move-out', () => {
  it('admits her and her child with a § 109 checklist due by the planned move-out', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const stay = dataOf<Stay>(
      await staff.graphql(ADMIT, {
        input: {
          cprNumber: CPR,
          birthYear: 1990,
          admittedOn: '2026-01-10',
          plannedMoveOutOn: '2026-06-30',
          children: [{ birthYear: 2019 }],
        },
      }),
      'admitToShelter',
    );
    world.firstStay = stay.id;
    world.womanA = stay.personId;
    world.pseudonymA = stay.pseudonym;
    world.childA = stay.children[0]?.personId ?? '';
    expect(stay.repeatStay).toBe(false);
    expect(stay.matchableAcrossShelters).toBe(true);
    expect(stay.children).toHaveLength(1);
    expect(stay.counsellingItems.map((i) => [i.area, i.status, i.dueOn])).toEqual(
      AREAS.map((area) => [area, 'NOT_STARTED', '2026-06-30']),
    );
    // The CPR number itself is nowhere: only its keyed hash.
    const row = await stayRow(stay.id);
    expect(row.personKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(row)).not.toContain('0101901234');
    expect(JSON.stringify(row)).not.toContain('010190');
    const audit = await prisma().auditEvent.findMany({
      where: { entity: 'ShelterStay', entityId: stay.id, action: 'CREATE' },
    });
    expect(audit.map((a) => a.personId)).toEqual([stay.personId]);
  });

  it('refuses a due date after the planned move-out, naming the field in Danish and English', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const late = await staff.graphql(ITEM, {
      input: { stayId: world.firstStay, area: 'HOUSING', status: 'IN_PROGRESS', dueOn: '2026-07-01' },
    });
    expect(errorCodes(late)).toEqual(['VALIDATION']);
    expect(fieldCodes(late)).toEqual([['dueOn', 'DUE_AFTER_MOVE_OUT']]);
    expect(firstFieldMessage(late)?.da).toContain('fraflytningsdagen');
    expect(firstFieldMessage(late)?.en).toContain('move-out day');
    const housing = (await stayRow(world.firstStay)).counsellingItems.find((i) => i.area === 'HOUSING');
    expect(housing?.status).toBe('NOT_STARTED');

    // On the move-out day itself is allowed.
    const onTheDay = await staff.graphql(ITEM, {
      input: { stayId: world.firstStay, area: 'HOUSING', status: 'IN_PROGRESS', dueOn: '2026-06-30' },
    });
    expect(dataOf<{ status: string }>(onTheDay, 'updateCounsellingItem').status).toBe('IN_PROGRESS');

    const noDate = await staff.graphql(ITEM, {
      input: { stayId: world.firstStay, area: 'HOUSING', status: 'DONE', dueOn: '2026-06-20' },
    });
    expect(fieldCodes(noDate)).toEqual([['completedOn', 'COMPLETED_DATE_REQUIRED']]);
  });

  it('completes the checklist', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    for (const area of AREAS) {
      const done = await staff.graphql(ITEM, {
        input: {
          stayId: world.firstStay,
          area,
          status: 'DONE',
          dueOn: '2026-06-20',
          completedOn: '2026-06-01',
        },
      });
      expect(dataOf<{ status: string }>(done, 'updateCounsellingItem').status).toBe('DONE');
    }
    const stay = dataOf<Stay>(await staff.graphql(STAY, { id: world.firstStay }), 'shelterStay');
    expect(stay.openCounsellingAreas).toEqual([]);
    expect(stay.counsellingCoveredBeforeMoveOut).toBeNull();
  });

  it('books and uses psychologist hours for her and her child, never over 10 per person', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const woman = await staff.graphql(HOURS, {
      input: { stayId: world.firstStay, personId: world.womanA, booked: 10, used: 6 },
    });
    expect(dataOf(woman, 'setPsychologistHours')).toEqual({
      personId: world.womanA,
      role: 'WOMAN',
      booked: 10,
      used: 6,
    });
    const child = await staff.graphql(HOURS, {
      input: { stayId: world.firstStay, personId: world.childA, booked: 8, used: 2.5 },
    });
    expect(dataOf(child, 'setPsychologistHours')).toEqual({
      personId: world.childA,
      role: 'CHILD',
      booked: 8,
      used: 2.5,
    });

    const over = await staff.graphql(HOURS, {
      input: { stayId: world.firstStay, personId: world.womanA, booked: 10.25, used: 6 },
    });
    expect(fieldCodes(over)).toEqual([['booked', 'HOURS_OVER_ENTITLEMENT']]);
    expect(firstFieldMessage(over)?.da).toContain('10 psykologtimer');
    const usedOver = await staff.graphql(HOURS, {
      input: { stayId: world.firstStay, personId: world.childA, booked: 8, used: 8.5 },
    });
    expect(fieldCodes(usedOver)).toEqual([['used', 'USED_OVER_BOOKED']]);
    const rows = (await stayRow(world.firstStay)).hours.map((h) => [
      h.role,
      Number(h.booked),
      Number(h.used),
    ]);
    expect(rows.sort()).toEqual([
      ['CHILD', 8, 2.5],
      ['WOMAN', 10, 6],
    ]);
  });

  it('the database itself refuses more than 10 hours, whatever code writes them', async () => {
    await expect(
      prisma().psychologistHours.update({
        where: { stayId_personId: { stayId: world.firstStay, personId: world.womanA } },
        data: { booked: 10.5 },
      }),
    ).rejects.toThrow();
  });

  it('refers her to Qnet only with her consent, and follows the status list', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const base = { stayId: world.firstStay, offer: 'QNET', offeredOn: '2026-06-02' };
    const noConsent = await staff.graphql(REFERRAL, {
      input: { ...base, status: 'REFERRED', referredOn: '2026-06-02' },
    });
    expect(fieldCodes(noConsent)).toEqual([['consentGivenOn', 'CONSENT_REQUIRED']]);
    expect((await stayRow(world.firstStay)).civilSociety).toHaveLength(0);

    const referred = dataOf<{ id: string; status: string; nextStatuses: string[] }>(
      await staff.graphql(REFERRAL, {
        input: { ...base, status: 'REFERRED', consentGivenOn: '2026-06-02', referredOn: '2026-06-02' },
      }),
      'saveCivilSocietyReferral',
    );
    expect(referred.nextStatuses).toEqual(['STARTED', 'NOT_STARTED']);
    const skipped = await staff.graphql(REFERRAL, {
      input: {
        ...base,
        id: referred.id,
        status: 'ENDED',
        consentGivenOn: '2026-06-02',
        referredOn: '2026-06-02',
        startedOn: '2026-06-05',
        outcome: 'COMPLETED',
      },
    });
    expect(fieldCodes(skipped)).toEqual([['status', 'STATUS_CHANGE_NOT_ALLOWED']]);
    const started = await staff.graphql(REFERRAL, {
      input: {
        ...base,
        id: referred.id,
        status: 'STARTED',
        consentGivenOn: '2026-06-02',
        referredOn: '2026-06-02',
        startedOn: '2026-06-05',
      },
    });
    expect(dataOf<{ status: string }>(started, 'saveCivilSocietyReferral').status).toBe('STARTED');

    // An offer of the shelter's own.
    const own = dataOf<{ id: string }>(
      await staff.graphql(OWN_OFFER, { name: 'Mødregruppen' }),
      'addCivilSocietyOwnOffer',
    );
    const duplicate = await staff.graphql(OWN_OFFER, { name: ' Mødregruppen ' });
    expect(fieldCodes(duplicate)).toEqual([['name', 'DUPLICATE_OPTION']]);
    const withoutOffer = await staff.graphql(REFERRAL, {
      input: { stayId: world.firstStay, offer: 'OTHER', status: 'OFFERED', offeredOn: '2026-06-03' },
    });
    expect(fieldCodes(withoutOffer)).toEqual([['ownOfferId', 'OFFER_NAME_REQUIRED']]);
    const other = await staff.graphql(REFERRAL, {
      input: {
        stayId: world.firstStay,
        offer: 'OTHER',
        ownOfferId: own.id,
        status: 'OFFERED',
        offeredOn: '2026-06-03',
      },
    });
    expect(dataOf<{ ownOfferName: string }>(other, 'saveCivilSocietyReferral').ownOfferName).toBe(
      'Mødregruppen',
    );
  });

  it('records start-up help needs', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const deposit = await staff.graphql(START_UP, {
      input: { stayId: world.firstStay, need: 'DEPOSIT', status: 'MET', amount: 12000 },
    });
    expect(dataOf(deposit, 'setStartUpHelpNeed')).toEqual({ need: 'DEPOSIT', status: 'MET', amount: 12000 });
    const toys = await staff.graphql(START_UP, {
      input: { stayId: world.firstStay, need: 'TOYS', status: 'NEEDED' },
    });
    expect(dataOf<{ need: string }>(toys, 'setStartUpHelpNeed').need).toBe('TOYS');
    const negative = await staff.graphql(START_UP, {
      input: { stayId: world.firstStay, need: 'MOVING', status: 'APPLIED', amount: -1 },
    });
    expect(fieldCodes(negative)).toEqual([['amount', 'OUT_OF_RANGE']]);
  });

  it('records the move-out: due dates move to it and the checklist counts as covered', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const early = await staff.graphql(MOVE_OUT, { stayId: world.firstStay, on: '2026-01-09' });
    expect(fieldCodes(early)).toEqual([['movedOutOn', 'MOVE_OUT_BEFORE_ADMISSION']]);
    const stay = dataOf<Stay>(
      await staff.graphql(MOVE_OUT, { stayId: world.firstStay, on: '2026-06-12' }),
      'recordShelterMoveOut',
    );
    expect(stay.movedOutOn).toBe('2026-06-12');
    expect(stay.counsellingItems.map((i) => i.dueOn)).toEqual(AREAS.map(() => '2026-06-12'));
    expect(stay.counsellingCoveredBeforeMoveOut).toBe(true);
  });
});

/** The repeat-stay flag as stored for the evaluation (any shelter of the system). */
async function storedRepeat(stayId: string): Promise<boolean> {
  return (
    await prisma().shelterStay.findUniqueOrThrow({ where: { id: stayId }, select: { repeatStay: true } })
  ).repeatStay;
}

describe('a repeat stay at another shelter', () => {
  it('is registered 8 months after the move-out, and shows nothing of the first shelter', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffB = await as('staffB');
    const response = await staffB.graphql(ADMIT, {
      input: { cprNumber: '0101901234', admittedOn: '2027-02-12', plannedMoveOutOn: '2027-05-01' },
    });
    const stay = dataOf<Stay>(response, 'admitToShelter');
    // Registered for the evaluation's repeat-stay rate; B's staff are not told (that would tell
    // them of another shelter's stay and, probed with back-dated admissions, the day she left).
    expect(await storedRepeat(stay.id)).toBe(true);
    expect(stay.repeatStay).toBe(false);
    expect(stay.personId).not.toBe(world.womanA);
    const text = JSON.stringify(await staffB.graphql(STAY, { id: stay.id }));
    for (const secret of [
      world.firstStay,
      world.womanA,
      world.pseudonymA,
      '2026-06-12',
      '2026-01-10',
      'Øst',
    ]) {
      expect(text).not.toContain(secret);
    }
    const list = dataOf<Array<{ id: string }>>(await staffB.graphql(STAYS), 'shelterStays');
    expect(list.map((s) => s.id)).toEqual([stay.id]);
  });

  it('is not registered for a transfer the day after a move-out, nor without a CPR number', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffA = await as('staffA');
    const staffB = await as('staffB');
    const first = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: { cprNumber: '020285-4321', admittedOn: '2027-01-02', plannedMoveOutOn: '2027-02-10' },
      }),
      'admitToShelter',
    );
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: first.id, on: '2027-02-10' }), 'recordShelterMoveOut');
    const transfer = dataOf<Stay>(
      await staffB.graphql(ADMIT, {
        input: { cprNumber: '020285-4321', admittedOn: '2027-02-11', plannedMoveOutOn: '2027-04-01' },
      }),
      'admitToShelter',
    );
    expect(await storedRepeat(transfer.id)).toBe(false);
    const anonymous = dataOf<Stay>(
      await staffB.graphql(ADMIT, { input: { admittedOn: '2027-02-13', plannedMoveOutOn: '2027-04-01' } }),
      'admitToShelter',
    );
    expect(await storedRepeat(anonymous.id)).toBe(false);
    expect(anonymous.matchableAcrossShelters).toBe(false);
  });

  it('is registered when the first shelter records the move-out late, and undone when it was a transfer', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffA = await as('staffA');
    const staffB = await as('staffB');
    const atA = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: { cprNumber: '030375-1111', admittedOn: '2027-01-05', plannedMoveOutOn: '2027-03-01' },
      }),
      'admitToShelter',
    );
    // She arrives at B while A has not yet recorded that she left.
    const atB = dataOf<Stay>(
      await staffB.graphql(ADMIT, {
        input: { cprNumber: '030375-1111', admittedOn: '2027-02-12', plannedMoveOutOn: '2027-04-01' },
      }),
      'admitToShelter',
    );
    const repeatAtB = () => storedRepeat(atB.id);
    expect(await repeatAtB()).toBe(false);
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: atA.id, on: '2027-01-31' }), 'recordShelterMoveOut');
    expect(await repeatAtB()).toBe(true);
    // B's staff still see no repeat stay: it happened after another shelter.
    expect(dataOf<Stay>(await staffB.graphql(STAY, { id: atB.id }), 'shelterStay').repeatStay).toBe(false);
    // A corrects the date to the day before B's admission: a transfer, not a repeat stay.
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: atA.id, on: '2027-02-11' }), 'recordShelterMoveOut');
    expect(await repeatAtB()).toBe(false);
  });

  it('readmits an earlier woman of the shelter by her person, taking up a CPR number given now', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffA = await as('staffA');
    const first = dataOf<Stay>(
      await staffA.graphql(ADMIT, { input: { admittedOn: '2026-12-01', plannedMoveOutOn: '2027-01-20' } }),
      'admitToShelter',
    );
    expect(first.matchableAcrossShelters).toBe(false);
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: first.id, on: '2027-01-20' }), 'recordShelterMoveOut');
    // Another shelter cannot name her.
    const elsewhere = await (await as('staffB')).graphql(ADMIT, {
      input: { personId: first.personId, admittedOn: '2027-02-14', plannedMoveOutOn: '2027-03-01' },
    });
    expect(errorCodes(elsewhere)).toEqual(['NOT_FOUND']);
    const again = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: {
          personId: first.personId,
          cprNumber: '040480-2222',
          admittedOn: '2027-02-14',
          plannedMoveOutOn: '2027-03-01',
        },
      }),
      'admitToShelter',
    );
    expect([again.personId, again.pseudonym, again.repeatStay]).toEqual([
      first.personId,
      first.pseudonym,
      true,
    ]);
    expect((await stayRow(first.id)).personKey).toBe((await stayRow(again.id)).personKey);
    const mismatch = await staffA.graphql(ADMIT, {
      input: {
        personId: first.personId,
        cprNumber: '040480-3333',
        admittedOn: '2027-02-15',
        plannedMoveOutOn: '2027-03-01',
      },
    });
    expect(fieldCodes(mismatch)).toEqual([['cprNumber', 'CPR_MISMATCH']]);
  });

  it('at the same shelter, recognises her by the CPR number and keeps her pseudonym', async () => {
    clockAt('2027-09-15T10:00:00Z');
    const staffA = await as('staffA');
    const again = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: { cprNumber: CPR, admittedOn: '2027-09-01', plannedMoveOutOn: '2027-12-01' },
      }),
      'admitToShelter',
    );
    expect(again.personId).toBe(world.womanA);
    expect(again.pseudonym).toBe(world.pseudonymA);
    expect(again.repeatStay).toBe(true);
  });
});

describe('refusals', () => {
  it('another shelter’s staff cannot read or change a stay: NOT_FOUND, audited, nothing changed', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffB = await as('staffB');
    const before = await stayRow(world.firstStay);
    const calls: Array<[string, Record<string, unknown>]> = [
      [STAY, { id: world.firstStay }],
      [MOVE_OUT, { stayId: world.firstStay, on: '2026-06-13' }],
      [
        ITEM,
        { input: { stayId: world.firstStay, area: 'WORK', status: 'NOT_STARTED', dueOn: '2026-06-01' } },
      ],
      [HOURS, { input: { stayId: world.firstStay, personId: world.womanA, booked: 1, used: 0 } }],
      [
        REFERRAL,
        { input: { stayId: world.firstStay, offer: 'QNET', status: 'OFFERED', offeredOn: '2026-06-01' } },
      ],
      [START_UP, { input: { stayId: world.firstStay, need: 'CLOTHES', status: 'NEEDED' } }],
    ];
    for (const [document, variables] of calls) {
      const refused = await staffB.graphql(document, variables);
      expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(refused.body)).not.toContain(world.pseudonymA);
    }
    expect(await stayRow(world.firstStay)).toEqual(before);
    const denied = await prisma().auditEvent.count({
      where: { userId: ids.users.staffB, action: 'DENIED', entity: 'ShelterStay', entityId: world.firstStay },
    });
    expect(denied).toBe(calls.length);
  });

  it('a child of another stay cannot be given hours on this one', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffA = await as('staffA');
    const other = dataOf<Stay>(
      await staffA.graphql(ADMIT, { input: { admittedOn: '2027-02-01', plannedMoveOutOn: '2027-03-01' } }),
      'admitToShelter',
    );
    const refused = await staffA.graphql(HOURS, {
      input: { stayId: other.id, personId: world.childA, booked: 2, used: 0 },
    });
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
  });

  it('other roles of the shelter are refused (default deny)', async () => {
    clockAt('2027-02-15T11:00:00Z');
    for (const name of ['leadA', 'adminA']) {
      const browser = await as(name);
      expect(errorCodes(await browser.graphql(STAYS))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await browser.graphql(STAY, { id: world.firstStay }))).toEqual(['FORBIDDEN']);
    }
  });

  it('a malformed CPR number or birth year is a typed error naming the field, and nothing is stored', async () => {
    clockAt('2027-02-15T11:00:00Z');
    const staffA = await as('staffA');
    const count = await prisma().shelterStay.count();
    const bad = await staffA.graphql(ADMIT, {
      input: {
        cprNumber: '320190-1234',
        admittedOn: '2027-02-01',
        plannedMoveOutOn: '2027-01-31',
        children: [{ birthYear: 2000 }],
      },
    });
    expect(fieldCodes(bad)).toEqual([
      ['cprNumber', 'INVALID_CPR'],
      ['children.0.birthYear', 'OUT_OF_RANGE'],
      ['plannedMoveOutOn', 'MOVE_OUT_BEFORE_ADMISSION'],
    ]);
    expect(await prisma().shelterStay.count()).toBe(count);
  });
});

describe('the Danish calendar day decides "today"', () => {
  it('at 00:30 on the morning clocks go forward, that day is today and the next is the future', async () => {
    // 2026-03-28 23:30 UTC = 29 March 00:30 in Copenhagen (CET); summer time starts at 02:00.
    clockAt('2026-03-28T23:30:00Z');
    const staff = await as('staffA');
    const today = await staff.graphql(ADMIT, {
      input: { admittedOn: '2026-03-29', plannedMoveOutOn: '2026-05-01' },
    });
    expect(dataOf<Stay>(today, 'admitToShelter').id).toBeTruthy();
    const tomorrow = await staff.graphql(ADMIT, {
      input: { admittedOn: '2026-03-30', plannedMoveOutOn: '2026-05-01' },
    });
    expect(fieldCodes(tomorrow)).toEqual([['admittedOn', 'DATE_IN_FUTURE']]);
  });

  it('at 23:59 Danish time the next day is still the future, though it is already that day in no zone east of UTC+1', async () => {
    clockAt('2026-03-28T22:59:00Z');
    const staff = await as('staffA');
    const early = await staff.graphql(ADMIT, {
      input: { admittedOn: '2026-03-29', plannedMoveOutOn: '2026-05-01' },
    });
    expect(fieldCodes(early)).toEqual([['admittedOn', 'DATE_IN_FUTURE']]);
  });

  it('at 00:30 summer time on the night clocks go back, a move-out that day is allowed, the next refused', async () => {
    // 2026-10-24 22:30 UTC = 25 October 00:30 in Copenhagen (CEST).
    clockAt('2026-10-24T22:30:00Z');
    const staff = await as('staffA');
    const stay = dataOf<Stay>(
      await staff.graphql(ADMIT, { input: { admittedOn: '2026-10-01', plannedMoveOutOn: '2026-10-31' } }),
      'admitToShelter',
    );
    const tomorrow = await staff.graphql(MOVE_OUT, { stayId: stay.id, on: '2026-10-26' });
    expect(fieldCodes(tomorrow)).toEqual([['movedOutOn', 'DATE_IN_FUTURE']]);
    const done = await staff.graphql(ITEM, {
      input: {
        stayId: stay.id,
        area: 'HOUSING',
        status: 'DONE',
        dueOn: '2026-10-25',
        completedOn: '2026-10-26',
      },
    });
    expect(fieldCodes(done)).toEqual([['completedOn', 'DATE_IN_FUTURE']]);
    const today = await staff.graphql(MOVE_OUT, { stayId: stay.id, on: '2026-10-25' });
    expect(dataOf<Stay>(today, 'recordShelterMoveOut').movedOutOn).toBe('2026-10-25');
  });
});
