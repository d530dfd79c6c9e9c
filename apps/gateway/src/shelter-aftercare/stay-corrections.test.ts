// Two corrections of a stay through the gateway, on the real database (PGlite, or PostgreSQL
// with DATABASE_URL): a child who arrives after the admission is added to the current stay
// (and gets psychologist hours as the others), and an admission registered by mistake is
// cancelled: everything of it is gone, the repeat-stay flags of her later stays are set again and
// the evaluation's repeat-stay figures no longer count it. Refusals compared with the database.
import { type CountCell, discloseCount, type KeyedUniform } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from '../database.ts';
import { keyedUniform } from '../evaluation/disclosure-key.ts';
import { repeatStays } from '../evaluation/queries/repeat-stays.ts';
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

const STAY_FIELDS = `id personId pseudonym movedOutOn repeatStay
  children { id personId pseudonym birthYear }
  counsellingItems { area status dueOn completedOn }
  psychologistHours { personId role booked used }`;
const ADMIT = `mutation($input: AdmitToShelterInput!) { admitToShelter(input: $input) { ${STAY_FIELDS} } }`;
const ADD_CHILD = `mutation($stayId: ID!, $birthYear: Int!) { addShelterChild(stayId: $stayId, birthYear: $birthYear) { ${STAY_FIELDS} } }`;
const CANCEL = `mutation($stayId: ID!, $reason: ShelterAdmissionCancelReason!) { cancelShelterAdmission(stayId: $stayId, reason: $reason) }`;
const MOVE_OUT = `mutation($stayId: ID!, $on: String!) { recordShelterMoveOut(stayId: $stayId, movedOutOn: $on) { id } }`;
const HOURS = `mutation($input: SetPsychologistHoursInput!) { setPsychologistHours(input: $input) { personId role booked used } }`;
const REFERRAL = `mutation($input: SaveCivilSocietyReferralInput!) { saveCivilSocietyReferral(input: $input) { id } }`;
const START_UP = `mutation($input: SetStartUpHelpNeedInput!) { setStartUpHelpNeed(input: $input) { need } }`;
const STAY = `query($id: ID!) { shelterStay(id: $id) { ${STAY_FIELDS} } }`;

type Stay = {
  id: string;
  personId: string;
  pseudonym: string;
  movedOutOn: string | null;
  repeatStay: boolean;
  children: Array<{ personId: string; pseudonym: string; birthYear: number | null }>;
  counsellingItems: Array<{ area: string; status: string }>;
  psychologistHours: Array<{ personId: string; role: string; booked: number; used: number }>;
};

const ids = { shelterA: '', shelterB: '', users: {} as Record<string, string> };

beforeAll(async () => {
  await openDatabase();
  ids.shelterA = (
    await createOrganization({ name: 'Krisecenter Fjord', slug: 'kc-fjord', kind: 'SHELTER' })
  ).id;
  ids.shelterB = (
    await createOrganization({ name: 'Krisecenter Skov', slug: 'kc-skov', kind: 'SHELTER' })
  ).id;
  for (const [name, organizationId, role] of [
    ['staffA', ids.shelterA, 'SHELTER_STAFF'],
    ['staffB', ids.shelterB, 'SHELTER_STAFF'],
    ['leadA', ids.shelterA, 'PROJECT_LEAD'],
  ] as const) {
    ids.users[name] = (
      await createUser({ email: `${name}@corrections.test`, memberships: [{ organizationId, role }] })
    ).id;
  }
});

async function as(name: string): Promise<TestBrowser> {
  const organizationId = name.endsWith('B') ? ids.shelterB : ids.shelterA;
  return browserWithSession(ids.users[name] ?? '', organizationId);
}

function messages(response: GraphQLResponse): Array<{ da: string; en: string }> {
  const list = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    message: { da: string; en: string };
  }>;
  return list.map((f) => f.message);
}

/** A stay and everything hanging on it, as stored. */
function stayRow(id: string) {
  return prisma().shelterStay.findUnique({
    where: { id },
    include: { children: true, counsellingItems: true, hours: true, civilSociety: true, startUpHelp: true },
  });
}

const areaStatus = (stay: Stay, area: string) => stay.counsellingItems.find((i) => i.area === area)?.status;

describe('a child who arrives after the admission', () => {
  it('is added to the current stay: a pseudonymous person on it, the children’s § 109 areas opened, audited, and hours as the others', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const stay = dataOf<Stay>(
      await staff.graphql(ADMIT, {
        input: { birthYear: 1991, admittedOn: '2026-05-01', plannedMoveOutOn: '2026-07-31' },
      }),
      'admitToShelter',
    );
    expect(stay.children).toEqual([]);
    expect([areaStatus(stay, 'SCHOOL'), areaStatus(stay, 'DAY_CARE')]).toEqual([
      'NOT_RELEVANT',
      'NOT_RELEVANT',
    ]);

    const added = dataOf<Stay>(
      await staff.graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2021 }),
      'addShelterChild',
    );
    expect(added.children).toHaveLength(1);
    const child = added.children[0]!;
    expect(child.birthYear).toBe(2021);
    expect(child.pseudonym).toMatch(/^P-/);
    expect([areaStatus(added, 'SCHOOL'), areaStatus(added, 'DAY_CARE')]).toEqual([
      'NOT_STARTED',
      'NOT_STARTED',
    ]);
    const person = await prisma().person.findUniqueOrThrow({ where: { id: child.personId } });
    expect(person).toMatchObject({ organizationId: ids.shelterA, birthYear: 2021, gender: null });
    const audit = await prisma().auditEvent.findMany({
      where: {
        userId: ids.users.staffA,
        entityId: { in: [child.personId, stay.id] },
        action: { not: 'READ' },
      },
      orderBy: { id: 'asc' },
      select: { action: true, entity: true, personId: true, detail: true },
    });
    expect(audit.slice(-2)).toEqual([
      {
        action: 'CREATE',
        entity: 'ShelterStayChild',
        personId: child.personId,
        detail: { stayId: stay.id, afterAdmission: true },
      },
      {
        action: 'UPDATE',
        entity: 'ShelterStay',
        personId: stay.personId,
        detail: { reopenedAreas: ['DAY_CARE', 'SCHOOL'] },
      },
    ]);

    // Hours like any child of the stay: up to 10 booked, used within them.
    const hours = dataOf<{ role: string; booked: number; used: number }>(
      await staff.graphql(HOURS, {
        input: { stayId: stay.id, personId: child.personId, booked: 6, used: 2 },
      }),
      'setPsychologistHours',
    );
    expect(hours).toMatchObject({ role: 'CHILD', booked: 6, used: 2 });
    const over = await staff.graphql(HOURS, {
      input: { stayId: stay.id, personId: child.personId, booked: 11, used: 2 },
    });
    expect(errorCodes(over)).toEqual(['VALIDATION']);

    // A second child on the same stay.
    const second = dataOf<Stay>(
      await staff.graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2012 }),
      'addShelterChild',
    );
    expect(second.children.map((c) => c.birthYear).sort()).toEqual([2012, 2021]);
    const reread = dataOf<Stay>(await staff.graphql(STAY, { id: stay.id }), 'shelterStay');
    expect(reread.psychologistHours).toEqual([
      { personId: child.personId, role: 'CHILD', booked: 6, used: 2 },
    ]);
  });

  it('refuses a birth year outside childhood and a stay that has ended, naming the field in Danish and English; nothing is stored', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const staff = await as('staffA');
    const stay = dataOf<Stay>(
      await staff.graphql(ADMIT, { input: { admittedOn: '2026-04-01', plannedMoveOutOn: '2026-06-01' } }),
      'admitToShelter',
    );
    const tooOld = await staff.graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2000 });
    expect(fieldCodes(tooOld)).toEqual([['birthYear', 'OUT_OF_RANGE']]);
    const notBorn = await staff.graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2027 });
    expect(fieldCodes(notBorn)).toEqual([['birthYear', 'OUT_OF_RANGE']]);
    dataOf(await staff.graphql(MOVE_OUT, { stayId: stay.id, on: '2026-06-01' }), 'recordShelterMoveOut');
    const ended = await staff.graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2020 });
    expect(fieldCodes(ended)).toEqual([['stayId', 'STAY_ENDED']]);
    expect(messages(ended)[0]?.da).toMatch(/igangværende ophold/);
    expect(messages(ended)[0]?.en).toMatch(/current stay/);
    expect((await stayRow(stay.id))?.children).toEqual([]);
  });

  it('another shelter’s staff get NOT_FOUND (audited as DENIED), a lead FORBIDDEN, and no child is added', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const stay = dataOf<Stay>(
      await (await as('staffA')).graphql(ADMIT, {
        input: { admittedOn: '2026-06-01', plannedMoveOutOn: '2026-08-01' },
      }),
      'admitToShelter',
    );
    const before = await stayRow(stay.id);
    const persons = await prisma().person.count({ where: { organizationId: ids.shelterA } });
    const fromB = await (await as('staffB')).graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2020 });
    expect(errorCodes(fromB)).toEqual(['NOT_FOUND']);
    expect(
      await prisma().auditEvent.count({
        where: { userId: ids.users.staffB, action: 'DENIED', entityId: stay.id, personId: null },
      }),
    ).toBe(1);
    const lead = await (await as('leadA')).graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2020 });
    expect(errorCodes(lead)).toEqual(['FORBIDDEN']);
    expect(await stayRow(stay.id)).toEqual(before);
    expect(await prisma().person.count({ where: { organizationId: ids.shelterA } })).toBe(persons);
  });

  it('reads the child’s age on the Danish calendar: at 23:30 on 31 December a child born next year is refused, at 00:30 on 1 January it is not', async () => {
    clockAt('2026-06-15T10:00:00Z');
    const stay = dataOf<Stay>(
      await (await as('staffA')).graphql(ADMIT, {
        input: { admittedOn: '2026-06-10', plannedMoveOutOn: '2027-02-01' },
      }),
      'admitToShelter',
    );
    // 23:30 Danish time (UTC+1 in winter) on 31 December 2026 is 22:30 UTC.
    clockAt('2026-12-31T22:30:00Z');
    const late = await (await as('staffA')).graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2027 });
    expect(fieldCodes(late)).toEqual([['birthYear', 'OUT_OF_RANGE']]);
    // 00:30 on 1 January 2027 in Denmark is still 31 December in UTC (23:30).
    clockAt('2026-12-31T23:30:00Z');
    const early = await (await as('staffA')).graphql(ADD_CHILD, { stayId: stay.id, birthYear: 2027 });
    expect(dataOf<Stay>(early, 'addShelterChild').children.map((c) => c.birthYear)).toEqual([2027]);
  });
});

describe('an admission registered by mistake', () => {
  const uniform = keyedUniform(Buffer.alloc(32, 7));
  // A draw in the middle of the noise table is noise 0 (countNoise): the true counts, shown.
  const noNoise: KeyedUniform = () => 0.5;
  const CPR_W = '120585-4321';
  const W = { stayA: '', woman: '', child: '', stayB: '' };
  const CUTOFF = '2026-11-20';

  const cellOf = async (where: string, params: unknown[]): Promise<CountCell> => {
    const [row] = await database().query<{ n: number; key_sum: string | null }>(
      `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "ShelterStay" WHERE ${where}`,
      params,
    );
    return { count: Number(row?.n ?? 0), keySum: row?.key_sum ?? '0' };
  };
  /** The figure's 12-month row for shelter A, its admissions row for A and B, and the truth. */
  async function figures(u: KeyedUniform = uniform) {
    const atA = await repeatStays(database(), { organizationIds: [ids.shelterA] }, u, CUTOFF);
    const both = await repeatStays(database(), { organizationIds: [ids.shelterA, ids.shelterB] }, u, CUTOFF);
    const all12 = atA.total.find((row) => row.months === 12 && row.group === 'ALL');
    return {
      followed: all12?.followed,
      repeat: all12?.repeat,
      repeatAdmissions: both.admissions.repeat,
      // By hand: every move-out of A on 2025-03-01 had her next admission at B on 2025-09-01.
      truthFollowed: await cellOf(`"organizationId" = $1::uuid AND "movedOutOn" = '2025-03-01'`, [
        ids.shelterA,
      ]),
      // B's admissions that day are repeats when the woman (by CPR hash) has a stay at A.
      truthRepeatAdmissions: await cellOf(
        `"organizationId" = $1::uuid AND "admittedOn" = '2025-09-01'
         AND "personKey" IN (SELECT "personKey" FROM "ShelterStay" WHERE "organizationId" = $2::uuid)`,
        [ids.shelterB, ids.shelterA],
      ),
    };
  }

  beforeAll(async () => {
    clockAt('2026-11-20T10:00:00Z');
    // Five women moved out of A on 2025-03-01 and were admitted to B six months later.
    for (let i = 0; i < 5; i++) {
      const a = await prisma().person.create({
        data: { organizationId: ids.shelterA, pseudonym: `FJ-${i}`, gender: 'WOMAN' },
      });
      const b = await prisma().person.create({
        data: { organizationId: ids.shelterB, pseudonym: `SK-${i}`, gender: 'WOMAN' },
      });
      await prisma().shelterStay.create({
        data: {
          organizationId: ids.shelterA,
          personId: a.id,
          personKey: `correction-key-${i}`,
          admittedOn: new Date('2025-01-10'),
          movedOutOn: new Date('2025-03-01'),
        },
      });
      await prisma().shelterStay.create({
        data: {
          organizationId: ids.shelterB,
          personId: b.id,
          personKey: `correction-key-${i}`,
          admittedOn: new Date('2025-09-01'),
          repeatStay: true,
        },
      });
    }
    // W's admission at A: registered under her CPR number by mistake (she was never at A), with
    // a child, hours, a referral and a start-up need, and a move-out.
    const staffA = await as('staffA');
    const atA = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: {
          cprNumber: CPR_W,
          birthYear: 1985,
          admittedOn: '2025-01-10',
          plannedMoveOutOn: '2025-03-01',
          children: [{ birthYear: 2019 }],
        },
      }),
      'admitToShelter',
    );
    Object.assign(W, { stayA: atA.id, woman: atA.personId, child: atA.children[0]?.personId });
    dataOf(
      await staffA.graphql(HOURS, { input: { stayId: W.stayA, personId: W.child, booked: 3, used: 3 } }),
      'setPsychologistHours',
    );
    dataOf(
      await staffA.graphql(REFERRAL, {
        input: { stayId: W.stayA, offer: 'QNET', status: 'OFFERED', offeredOn: '2025-02-01' },
      }),
      'saveCivilSocietyReferral',
    );
    dataOf(
      await staffA.graphql(START_UP, { input: { stayId: W.stayA, need: 'FURNITURE', status: 'NEEDED' } }),
      'setStartUpHelpNeed',
    );
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: W.stayA, on: '2025-03-01' }), 'recordShelterMoveOut');
    // Her real admission, at B, is registered as a repeat stay because of A's mistaken one.
    W.stayB = dataOf<Stay>(
      await (await as('staffB')).graphql(ADMIT, {
        input: { cprNumber: CPR_W, admittedOn: '2025-09-01', plannedMoveOutOn: '2025-12-01' },
      }),
      'admitToShelter',
    ).id;
    expect((await prisma().shelterStay.findUniqueOrThrow({ where: { id: W.stayB } })).repeatStay).toBe(true);
  });

  it('another shelter’s staff cannot cancel it (NOT_FOUND, audited as DENIED) and a lead is refused; nothing changes', async () => {
    clockAt('2026-11-20T10:00:00Z');
    const before = await stayRow(W.stayA);
    const fromB = await (await as('staffB')).graphql(CANCEL, { stayId: W.stayA, reason: 'WRONG_WOMAN' });
    expect(errorCodes(fromB)).toEqual(['NOT_FOUND']);
    expect(
      await prisma().auditEvent.count({
        where: { userId: ids.users.staffB, action: 'DENIED', entityId: W.stayA, personId: null },
      }),
    ).toBe(1);
    const lead = await (await as('leadA')).graphql(CANCEL, { stayId: W.stayA, reason: 'WRONG_WOMAN' });
    expect(errorCodes(lead)).toEqual(['FORBIDDEN']);
    const noReason = await (await as('staffA')).graphql(CANCEL, { stayId: W.stayA, reason: 'BECAUSE' });
    expect(errorCodes(noReason)).not.toContain('INTERNAL');
    expect(noReason.body.errors?.length).toBeGreaterThan(0);
    expect(await stayRow(W.stayA)).toEqual(before);
  });

  it('is deleted with all it holds, her later stay is no longer a repeat stay, and the evaluation no longer counts it', async () => {
    clockAt('2026-11-20T10:00:00Z');
    const before = await figures();
    expect(before.truthFollowed.count).toBe(6);
    expect(before.followed).toEqual(discloseCount(before.truthFollowed, uniform));
    expect(before.repeat).toEqual(discloseCount(before.truthFollowed, uniform));
    expect(before.repeatAdmissions).toEqual(discloseCount(before.truthRepeatAdmissions, uniform));
    const exactBefore = await figures(noNoise);
    const exact = {
      followed: exactBefore.followed?.value,
      repeat: exactBefore.repeat?.value,
      repeatAdmissions: exactBefore.repeatAdmissions.value,
    };

    const staffA = await as('staffA');
    expect(
      dataOf(
        await staffA.graphql(CANCEL, { stayId: W.stayA, reason: 'WRONG_WOMAN' }),
        'cancelShelterAdmission',
      ),
    ).toBe(true);

    // Nothing of it is left in any table (cascade and persons).
    expect(await stayRow(W.stayA)).toBeNull();
    for (const [table, column, id] of [
      ['ShelterStayChild', 'stayId', W.stayA],
      ['CounsellingItem', 'stayId', W.stayA],
      ['PsychologistHours', 'stayId', W.stayA],
      ['CivilSocietyReferral', 'stayId', W.stayA],
      ['StartUpHelpNeed', 'stayId', W.stayA],
      ['Person', 'id', W.woman],
      ['Person', 'id', W.child],
    ] as const) {
      const [row] = await database().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1::uuid`,
        [id],
      );
      expect(row?.n, `${table}.${column}`).toBe(0);
    }
    // Her stay at B was flagged a repeat stay only because of it.
    expect((await prisma().shelterStay.findUniqueOrThrow({ where: { id: W.stayB } })).repeatStay).toBe(false);
    // Staff of A no longer find it.
    expect(errorCodes(await staffA.graphql(STAY, { id: W.stayA }))).toEqual(['NOT_FOUND']);

    // The trail keeps who cancelled it and why, with counts only.
    const audit = await prisma().auditEvent.findMany({
      where: { userId: ids.users.staffA, action: 'DELETE' },
      orderBy: { id: 'asc' },
      select: { entity: true, entityId: true, personId: true, detail: true },
    });
    expect(audit).toEqual([
      {
        entity: 'ShelterStay',
        entityId: W.stayA,
        personId: W.woman,
        detail: {
          reason: 'WRONG_WOMAN',
          children: 1,
          counsellingItems: 6,
          psychologistHours: 1,
          civilSocietyReferrals: 1,
          startUpHelp: 1,
          personsDeleted: 2,
          keysWithdrawn: 0,
          repeatFlagsChanged: 1,
        },
      },
      ...[W.woman, W.child].map((id) => ({
        entity: 'Person',
        entityId: id,
        personId: id,
        detail: { reason: 'WRONG_WOMAN', stayId: W.stayA },
      })),
    ]);

    // The evaluation's repeat-stay figures: her move-out from A and her repeat admission at B are gone.
    const after = await figures();
    expect(after.truthFollowed.count).toBe(5);
    expect(after.truthRepeatAdmissions.count).toBe(5);
    expect(after.followed).toEqual(discloseCount(after.truthFollowed, uniform));
    expect(after.repeat).toEqual(discloseCount(after.truthFollowed, uniform));
    expect(after.repeatAdmissions).toEqual(discloseCount(after.truthRepeatAdmissions, uniform));
    // The same figures without noise: six before, five after (noise alone could hide the change).
    expect(exact).toEqual({ followed: 6, repeat: 6, repeatAdmissions: 6 });
    const exactAfter = await figures(noNoise);
    expect({
      followed: exactAfter.followed?.value,
      repeat: exactAfter.repeat?.value,
      repeatAdmissions: exactAfter.repeatAdmissions.value,
    }).toEqual({ followed: 5, repeat: 5, repeatAdmissions: 5 });

    // Cancelling it again: as unknown.
    expect(errorCodes(await staffA.graphql(CANCEL, { stayId: W.stayA, reason: 'DUPLICATE' }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('takes back the CPR key a mistaken readmission gave her earlier stay, so the evaluation no longer joins her with the woman the number belongs to', async () => {
    clockAt('2026-11-20T10:00:00Z');
    const CPR_Y = '030492-5678';
    const staffA = await as('staffA');
    // X stayed at A without a CPR number and moved out on 2025-04-01.
    const earlier = dataOf<Stay>(
      await staffA.graphql(ADMIT, { input: { admittedOn: '2025-02-01', plannedMoveOutOn: '2025-04-01' } }),
      'admitToShelter',
    );
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: earlier.id, on: '2025-04-01' }), 'recordShelterMoveOut');
    // Y, another woman, was admitted at B two months later under her own number.
    const atB = dataOf<Stay>(
      await (await as('staffB')).graphql(ADMIT, {
        input: { cprNumber: CPR_Y, admittedOn: '2025-06-01', plannedMoveOutOn: '2025-08-01' },
      }),
      'admitToShelter',
    );
    // Y arrives at A; staff choose X as the earlier resident by mistake and type Y's number.
    const mistaken = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: {
          personId: earlier.personId,
          cprNumber: CPR_Y,
          admittedOn: '2026-10-01',
          plannedMoveOutOn: '2026-12-01',
        },
      }),
      'admitToShelter',
    );
    const keyOfY = (await prisma().shelterStay.findUniqueOrThrow({ where: { id: atB.id } })).personKey;
    const created = await prisma().auditEvent.findFirst({
      where: { action: 'CREATE', entity: 'ShelterStay', entityId: mistaken.id },
      select: { detail: true },
    });
    expect(created?.detail).toEqual({
      repeatStay: true,
      matchableAcrossShelters: true,
      earlierStaysKeyed: 1,
    });
    expect(await prisma().shelterStay.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({
      personKey: keyOfY,
      keyedByStayId: mistaken.id,
    });
    // The evaluation now reads X's move-out as followed by Y's admission at B: a repeat stay (April
    // 2025, her move-out's month, has no other move-out of A; without noise one shows as "under 5").
    const aprilMoveOuts = async () => {
      const figure = await repeatStays(
        database(),
        { organizationIds: [ids.shelterA], from: new Date('2025-04-01'), to: new Date('2025-04-30') },
        noNoise,
        CUTOFF,
      );
      return figure.total.find((row) => row.months === 12 && row.group === 'ALL')?.repeat;
    };
    expect(await aprilMoveOuts()).toEqual({ value: null, suppressed: true });

    dataOf(
      await staffA.graphql(CANCEL, { stayId: mistaken.id, reason: 'WRONG_WOMAN' }),
      'cancelShelterAdmission',
    );
    expect(await prisma().shelterStay.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({
      personKey: null,
      keyedByStayId: null,
    });
    expect(await prisma().shelterStay.count({ where: { personKey: keyOfY } })).toBe(1);
    expect(await prisma().person.count({ where: { id: earlier.personId } })).toBe(1);
    expect((await prisma().shelterStay.findUniqueOrThrow({ where: { id: atB.id } })).repeatStay).toBe(false);
    expect(await aprilMoveOuts()).toEqual({ value: 0, suppressed: false });
    const [row] = await prisma().auditEvent.findMany({
      where: { action: 'DELETE', entity: 'ShelterStay', entityId: mistaken.id },
      select: { detail: true },
    });
    expect(row?.detail).toMatchObject({ reason: 'WRONG_WOMAN', keysWithdrawn: 1, personsDeleted: 0 });
  });

  it('cancelled twice at once: one succeeds, the other is told it is unknown; one deletion in the trail', async () => {
    clockAt('2026-11-20T10:00:00Z');
    const staffA = await as('staffA');
    const stay = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: { admittedOn: '2026-11-01', plannedMoveOutOn: '2026-12-15', children: [{ birthYear: 2015 }] },
      }),
      'admitToShelter',
    );
    const other = await as('staffA');
    const answers = await Promise.all([
      staffA.graphql(CANCEL, { stayId: stay.id, reason: 'DUPLICATE' }),
      other.graphql(CANCEL, { stayId: stay.id, reason: 'DUPLICATE' }),
    ]);
    const outcomes = answers.map(
      (a) => errorCodes(a)[0] ?? (a.body.data as { cancelShelterAdmission: boolean }).cancelShelterAdmission,
    );
    expect(outcomes.sort()).toEqual(['NOT_FOUND', true].sort());
    expect(await stayRow(stay.id)).toBeNull();
    expect(
      await prisma().auditEvent.count({
        where: { action: 'DELETE', entity: 'ShelterStay', entityId: stay.id },
      }),
    ).toBe(1);
    expect(
      await prisma().auditEvent.count({
        where: { action: 'DENIED', entity: 'ShelterStay', entityId: stay.id },
      }),
    ).toBe(1);
    expect(
      await prisma().person.count({
        where: { id: { in: [stay.personId, stay.children[0]?.personId ?? ''] } },
      }),
    ).toBe(0);
  });

  it('keeps the woman when another stay of hers at the shelter names her', async () => {
    clockAt('2026-11-20T10:00:00Z');
    const staffA = await as('staffA');
    const first = dataOf<Stay>(
      await staffA.graphql(ADMIT, { input: { admittedOn: '2026-01-05', plannedMoveOutOn: '2026-02-01' } }),
      'admitToShelter',
    );
    dataOf(await staffA.graphql(MOVE_OUT, { stayId: first.id, on: '2026-02-01' }), 'recordShelterMoveOut');
    // Registered twice by mistake as a readmission.
    const duplicate = dataOf<Stay>(
      await staffA.graphql(ADMIT, {
        input: { personId: first.personId, admittedOn: '2026-10-01', plannedMoveOutOn: '2026-12-01' },
      }),
      'admitToShelter',
    );
    dataOf(
      await staffA.graphql(CANCEL, { stayId: duplicate.id, reason: 'DUPLICATE' }),
      'cancelShelterAdmission',
    );
    expect(await stayRow(duplicate.id)).toBeNull();
    expect(await prisma().person.count({ where: { id: first.personId } })).toBe(1);
    expect(await stayRow(first.id)).not.toBeNull();
  });
});
