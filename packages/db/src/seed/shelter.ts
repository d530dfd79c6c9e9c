// Demo data for aftercare after a shelter stay (DOMAIN 2.4): women's stays at the demo shelter over
// the last three years, their § 109 move-out checklists, psychologist hours, civil-society
// referrals, and the women who came back. Enough move-outs for the evaluation's repeat-stay rate
// to be shown (a rate needs five or more on each side), in the proportions the Red Cross
// recommendations on aftercare report: about one woman in four returns to a shelter.

import { addDays, daysBetween } from './calendar.ts';
import { PseudonymIssuer } from './people.ts';
import type { SeededRandom } from './random.ts';

const AREAS = ['HOUSING', 'FINANCES', 'WORK', 'SCHOOL', 'DAY_CARE', 'HEALTH'] as const;
/** Women in the demo; with a quarter still living at the shelter or moved out too recently, about 80 move-outs are followed. */
const WOMEN = 120;

export interface ShelterDemoRows {
  persons: {
    id: string;
    organizationId: string;
    pseudonym: string;
    gender: 'WOMAN' | null;
    createdAt: Date;
  }[];
  stays: {
    id: string;
    organizationId: string;
    personId: string;
    admittedOn: Date;
    plannedMoveOutOn: Date | null;
    movedOutOn: Date | null;
    repeatStay: boolean;
  }[];
  children: { id: string; organizationId: string; stayId: string; personId: string }[];
  counsellingItems: {
    id: string;
    organizationId: string;
    stayId: string;
    area: (typeof AREAS)[number];
    status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'NOT_RELEVANT';
    dueOn: Date;
    completedOn: Date | null;
  }[];
  hours: {
    id: string;
    organizationId: string;
    stayId: string;
    personId: string;
    role: 'WOMAN' | 'CHILD';
    booked: number;
    used: number;
  }[];
  civilSociety: {
    id: string;
    organizationId: string;
    stayId: string;
    offer: 'QNET' | 'FRA_BOLIG_TIL_HJEM';
    status: 'OFFERED' | 'DECLINED' | 'STARTED' | 'ENDED';
    offeredOn: Date;
    consentGivenOn: Date | null;
    referredOn: Date | null;
    startedOn: Date | null;
    outcome: 'COMPLETED' | null;
  }[];
}

/**
 * Builds the shelter's rows. Draws from its own random stream (the caller's `random` is
 * dedicated to it), so the other demo data stay exactly as they were before the shelter existed.
 */
export function buildShelterDemo(args: {
  random: SeededRandom;
  today: Date;
  organizationId: string;
}): ShelterDemoRows {
  const { random, today, organizationId } = args;
  const rows: ShelterDemoRows = {
    persons: [],
    stays: [],
    children: [],
    counsellingItems: [],
    hours: [],
    civilSociety: [],
  };
  const pseudonyms = new PseudonymIssuer(random);
  const person = (gender: 'WOMAN' | null, createdAt: Date) => {
    const id = random.uuid();
    rows.persons.push({ id, organizationId, pseudonym: pseudonyms.next(), gender, createdAt });
    return id;
  };

  /** One stay with its checklist, hours and civil-society referral; returns whether aftercare was received. */
  const addStay = (
    woman: string,
    admittedOn: Date,
    days: number,
    repeatStay: boolean,
    childCount: number,
  ) => {
    const stayId = random.uuid();
    const moveOut = addDays(admittedOn, days);
    const stillThere = moveOut.getTime() > today.getTime();
    rows.stays.push({
      id: stayId,
      organizationId,
      personId: woman,
      admittedOn,
      plannedMoveOutOn: moveOut,
      movedOutOn: stillThere ? null : moveOut,
      repeatStay,
    });
    const children = Array.from({ length: childCount }, () => {
      const child = person(null, admittedOn);
      rows.children.push({ id: random.uuid(), organizationId, stayId, personId: child });
      return child;
    });
    // § 109 coordinating counselling: each area due a week before the planned move-out; most are
    // done in time, school and day care are not relevant without children.
    for (const area of AREAS) {
      const relevant = childCount > 0 || (area !== 'SCHOOL' && area !== 'DAY_CARE');
      const done = !stillThere && random.chance(0.8);
      const dueOn = addDays(moveOut, -7);
      rows.counsellingItems.push({
        id: random.uuid(),
        organizationId,
        stayId,
        area,
        status: !relevant ? 'NOT_RELEVANT' : done ? 'DONE' : stillThere ? 'IN_PROGRESS' : 'NOT_STARTED',
        dueOn,
        completedOn: relevant && done ? addDays(dueOn, -random.int(0, 20)) : null,
      });
    }
    // Aftercare after the move-out: psychologist hours and a civil-society offer taken up.
    const aftercare = !stillThere && random.chance(0.55);
    for (const [role, who] of [['WOMAN', woman] as const, ...children.map((c) => ['CHILD', c] as const)]) {
      if (!aftercare && role === 'CHILD') continue;
      const booked = aftercare ? random.int(4, 10) : random.int(0, 3);
      rows.hours.push({
        id: random.uuid(),
        organizationId,
        stayId,
        personId: who,
        role,
        booked,
        used: aftercare ? random.int(1, booked) : 0,
      });
    }
    const offeredOn = addDays(moveOut, -random.int(10, 40));
    const takenUp = aftercare && random.chance(0.6);
    const offeredAndOpen = !takenUp && offeredOn.getTime() <= today.getTime();
    if (takenUp || offeredAndOpen) {
      const consentGivenOn = takenUp ? addDays(offeredOn, random.int(0, 7)) : null;
      const startedOn = takenUp ? addDays(moveOut, random.int(3, 30)) : null;
      const ended = takenUp && startedOn !== null && daysBetween(startedOn, today) > 180;
      rows.civilSociety.push({
        id: random.uuid(),
        organizationId,
        stayId,
        offer: random.chance(0.6) ? 'QNET' : 'FRA_BOLIG_TIL_HJEM',
        status: takenUp ? (ended ? 'ENDED' : 'STARTED') : random.chance(0.5) ? 'DECLINED' : 'OFFERED',
        offeredOn,
        consentGivenOn,
        referredOn: consentGivenOn,
        startedOn,
        outcome: ended ? 'COMPLETED' : null,
      });
    }
    return { moveOut, stillThere, aftercare };
  };

  for (let i = 0; i < WOMEN; i++) {
    const admittedOn = addDays(today, -random.int(40, 1150));
    const woman = person('WOMAN', admittedOn);
    const childCount = random.chance(0.6) ? random.int(1, 3) : 0;
    const first = addStay(woman, admittedOn, random.int(30, 200), false, childCount);
    if (first.stillThere) continue;
    // The outcome aftercare exists to reduce: a new stay, more often without aftercare.
    if (!random.chance(first.aftercare ? 0.18 : 0.32)) continue;
    const again = addDays(first.moveOut, random.int(20, 330));
    if (again.getTime() > today.getTime()) continue;
    addStay(woman, again, random.int(20, 120), true, childCount > 0 ? 1 : 0);
  }
  return rows;
}
