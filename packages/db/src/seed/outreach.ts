// Synthetic outreach data (DOMAIN 2.1, seed 001) for the NGO: incidents
// imported weekly from police lists over the last ~6 months, call attempts,
// outcomes and referrals, in the proportions the evaluation reported, so
// the funnel, acceptance breakdowns and queue look like the real thing.
import { HATE_CRIME_MOTIVES, INCIDENT_TYPES } from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import type {
  CallOutcome,
  DeclineReason,
  Gender,
  IncidentType,
  OutreachStatus,
  PersonRole,
  SurveyStatus,
} from '../generated/prisma/enums.ts';
import { addDays, addHours, daysBetween, earliest } from './calendar.ts';
import { PseudonymIssuer, REACH_NOTES, syntheticName, syntheticPhone } from './people.ts';
import { recordKeyOf, type SeededRandom } from './random.ts';

export const OUTREACH_CASE_COUNT = 400;
const HISTORY_DAYS = 182;
/** Burglary/theft was switched off for outreach this many days ago (seed 001: "excluded from spring 2019"). */
const BURGLARY_SWITCHED_OFF_DAYS_AGO = 90;

export interface OutreachRules {
  callDelayDays: number;
  callWindowDays: number;
  maxCallAttempts: number;
  contactRetentionDays: number;
}

export interface OutreachDemoInput {
  random: SeededRandom;
  now: Date;
  today: Date;
  organizationId: string;
  workerIds: readonly string[];
  counsellorId: string;
  rules: OutreachRules;
}

export interface OutreachDemoRows {
  incidentTypeSettings: Prisma.IncidentTypeSettingCreateManyInput[];
  importBatches: Prisma.ImportBatchCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  persons: Prisma.PersonCreateManyInput[];
  contacts: Prisma.PersonContactCreateManyInput[];
  cases: Prisma.OutreachCaseCreateManyInput[];
  attempts: Prisma.CallAttemptCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
}

// The identified population (DOMAIN 2.1): violence the most frequent type (34%).
const INCIDENT_TYPE_MIX: Record<IncidentType, number> = {
  VIOLENCE: 34,
  THREATS: 15,
  BURGLARY_THEFT: 12,
  ROBBERY: 8,
  ACCIDENT: 7,
  SEXUAL_OFFENCE: 6,
  STALKING: 5,
  MIXED: 4,
  INDECENT_EXPOSURE: 3,
  DEATH: 3,
  HATE_CRIME: 3,
};
// 75% victims, 12% witnesses, 7% relatives/guardians; the unaccounted 6% go to victims.
const ROLE_MIX: Record<PersonRole, number> = { VICTIM: 81, WITNESS: 12, RELATIVE: 4, GUARDIAN: 3 };
const GENDER_MIX: Record<Gender, number> = { MAN: 52, WOMAN: 47, OTHER: 1 };
// 32% aged 18-29; the rest spread so that 60+ is a real group.
const AGE_MIX = { '18-29': 32, '30-39': 22, '40-49': 18, '50-59': 14, '60-85': 14 } as const;

// Acceptance relative to the overall 25%: women 33%, men 17%; relatives 28%,
// victims 26%, guardians 23%, witnesses 16%; 60+ 16%, 30-39 28%.
const GENDER_FACTOR: Record<Gender, number> = { WOMAN: 33 / 25, MAN: 17 / 25, OTHER: 1 };
const ROLE_FACTOR: Record<PersonRole, number> = {
  RELATIVE: 28 / 25,
  VICTIM: 26 / 25,
  GUARDIAN: 23 / 25,
  WITNESS: 16 / 25,
};
function ageFactor(age: number): number {
  if (age >= 60) return 16 / 25;
  if (age >= 30 && age <= 39) return 28 / 25;
  return 1;
}
// Hate crime has no figure in seed 001: assume the level of threats.
const HATE_CRIME_ACCEPTANCE = { wantCall: 0.29, decline: 0.7, callSelf: 0.01 };

const DECLINE_MIX: Record<DeclineReason, number> = { NO_NEED: 82, NEEDS_SPECIALISED_OFFER: 8, OTHER: 10 };
const DECLINE_TEXTS = [
  'Har allerede hjælp fra familien.',
  'Vil ikke tale om det lige nu.',
  'Har selv kontakt til egen læge.',
  'Sagen er afsluttet for mig.',
];
const SURVEY_MIX: Record<SurveyStatus, number> = {
  OFFERED_ACCEPTED: 45,
  OFFERED_DECLINED: 25,
  NOT_APPROPRIATE_LANGUAGE: 8,
  NOT_APPROPRIATE_TECHNICAL: 5,
  NOT_APPROPRIATE_ETHICAL: 4,
  NOT_OFFERED: 13,
};
// Of referrals: 63% certainly led to a conversation, 23% "other", 14% lost.
const REFERRAL_RESULT_MIX = { CONVERSATION_HELD: 63, REGISTERED_OTHER: 23, LOST: 14 } as const;
const LOST_MIX = { NOT_REACHED: 50, NO_SHOW: 25, CANCELLED: 25 } as const;

/** Queue priority: the most serious and most often accepted types are called first. */
const PRIORITY: Partial<Record<IncidentType, number>> = {
  SEXUAL_OFFENCE: 3,
  STALKING: 3,
  DEATH: 3,
  HATE_CRIME: 2,
  VIOLENCE: 2,
  ROBBERY: 2,
  THREATS: 1,
};

function ageFrom(random: SeededRandom): number {
  const band = random.weighted(AGE_MIX);
  const [low, high] = band.split('-').map(Number) as [number, number];
  return random.int(low, high);
}

/** A call time on the given day, in office hours (9-16). */
function callTime(random: SeededRandom, day: Date): Date {
  return addHours(day, 9 + random.next() * 7);
}

/** `count` call days spread over [from, to], in order. */
function attemptDays(random: SeededRandom, from: Date, to: Date, count: number): Date[] {
  const span = Math.max(0, daysBetween(from, to));
  const offsets = Array.from({ length: count }, () => random.int(0, span)).sort((a, b) => a - b);
  return offsets.map((offset) => addDays(from, offset));
}

export function buildOutreachDemo(input: OutreachDemoInput): OutreachDemoRows {
  const { random, now, today, organizationId, workerIds, counsellorId, rules } = input;
  const pseudonyms = new PseudonymIssuer(random);
  const rows: OutreachDemoRows = {
    incidentTypeSettings: INCIDENT_TYPES.map((type) => ({
      organizationId,
      type: type.code,
      activeForOutreach: type.defaultActiveForOutreach,
      priority: PRIORITY[type.code] ?? 0,
    })),
    importBatches: [],
    incidents: [],
    persons: [],
    contacts: [],
    cases: [],
    attempts: [],
    referrals: [],
  };
  const burglarySwitchedOff = addDays(today, -BURGLARY_SWITCHED_OFF_DAYS_AGO);

  // Police lists arrive weekly: one import batch per week, uploaded the day after the week ends.
  interface Batch {
    row: Prisma.ImportBatchCreateManyInput;
    createdAt: Date;
  }
  const batches = new Map<number, Batch>();
  function batchFor(occurredOn: Date): Batch {
    const week = Math.floor(daysBetween(occurredOn, today) / 7);
    let batch = batches.get(week);
    if (!batch) {
      const createdAt = earliest(addHours(addDays(today, -week * 7 + 1), 8), now);
      batch = {
        createdAt,
        row: {
          id: random.uuid(),
          organizationId,
          uploadedById: workerIds[0] ?? counsellorId,
          fileName: `politiliste-uge-${String(week).padStart(2, '0')}-demo.csv`,
          createdAt,
          rowCount: 0,
          importedCount: 0,
          rejectedCount: 0,
          noContactCount: 0,
          inactiveTypeCount: 0,
        },
      };
      batches.set(week, batch);
    }
    return batch;
  }

  for (let i = 0; i < OUTREACH_CASE_COUNT; i++) {
    const occurredOn = addDays(today, -random.int(1, HISTORY_DAYS));
    const type = random.weighted(INCIDENT_TYPE_MIX);
    const role = random.weighted(ROLE_MIX);
    const gender = random.weighted(GENDER_MIX);
    const age = ageFrom(random);
    const batch = batchFor(occurredOn);
    const createdAt = batch.createdAt;

    const incidentId = random.uuid();
    rows.incidents.push({
      id: incidentId,
      organizationId,
      occurredOn,
      type,
      hateMotive: type === 'HATE_CRIME' ? random.pick(HATE_CRIME_MOTIVES).code : null,
      importBatchId: batch.row.id,
      createdAt,
    });
    const personId = random.uuid();
    rows.persons.push({
      id: personId,
      recordKey: recordKeyOf(personId),
      organizationId,
      pseudonym: pseudonyms.next(),
      gender,
      birthYear: today.getUTCFullYear() - age,
      createdAt,
    });

    const callableFrom = addDays(occurredOn, rules.callDelayDays);
    const callableUntil = addDays(callableFrom, rules.callWindowDays);
    const hasContact = random.chance(0.83);
    const typeActive = !(type === 'BURGLARY_THEFT' && occurredOn.getTime() >= burglarySwitchedOff.getTime());

    const caseId = random.uuid();
    const outreachCase: Prisma.OutreachCaseCreateManyInput = {
      id: caseId,
      organizationId,
      personId,
      incidentId,
      role,
      ageAtIncident: age,
      gender,
      incidentType: type,
      status: 'OPEN',
      callableFrom,
      callableUntil,
      createdAt,
    };
    const attempts: Prisma.CallAttemptCreateManyInput[] = [];
    const attempt = (at: Date, outcome: CallOutcome) =>
      attempts.push({
        id: random.uuid(),
        organizationId,
        caseId: outreachCase.id as string,
        workerId: random.pick(workerIds),
        at,
        outcome,
      });
    /** When the contact details are due for erasure; null while the case or its referral is open. */
    let eraseFrom: Date | null = null;

    batch.row.rowCount += 1;
    batch.row.importedCount += 1;
    if (!hasContact) {
      batch.row.noContactCount += 1;
      outreachCase.status = 'NO_CONTACT_DETAILS';
      outreachCase.closedAt = createdAt;
    } else if (!typeActive) {
      batch.row.inactiveTypeCount += 1;
      outreachCase.status = 'INACTIVE_TYPE';
      outreachCase.closedAt = createdAt;
      eraseFrom = createdAt;
    } else {
      const lastCallDay = earliest(callableUntil, today);
      const tooEarly = callableFrom.getTime() > today.getTime();
      const windowOpen = !tooEarly && callableUntil.getTime() >= today.getTime();
      // Half of the cases whose window is open now are still waiting for a call: the queue has people.
      const stillOpen = tooEarly || (windowOpen && random.chance(0.5));

      if (stillOpen) {
        const earlier = tooEarly
          ? 0
          : Math.min(random.int(0, 2), Math.max(0, daysBetween(callableFrom, today)));
        const days = attemptDays(random, callableFrom, addDays(today, -1), earlier);
        for (const day of days) attempt(callTime(random, day), 'NOT_REACHED');
        const last = attempts[attempts.length - 1];
        if (last) outreachCase.nextAttemptAfter = addHours(last.at as Date, 4);
      } else if (random.chance(0.62)) {
        // Reached. Some were first reached at a moment when talking was not safe.
        const notReachedFirst = Number(random.weighted({ 0: 55, 1: 30, 2: 15 }));
        const notSafeFirst = random.chance(0.03);
        const days = attemptDays(
          random,
          callableFrom,
          lastCallDay,
          notReachedFirst + (notSafeFirst ? 1 : 0) + 1,
        );
        days.forEach((day, index) => {
          if (index < days.length - 1) {
            attempt(
              callTime(random, day),
              notSafeFirst && index === days.length - 2 ? 'NOT_SAFE_TO_TALK' : 'NOT_REACHED',
            );
          }
        });
        const reachedAt = earliest(callTime(random, days[days.length - 1] ?? lastCallDay), now);
        const base =
          INCIDENT_TYPES.find((entry) => entry.code === type)?.reportAcceptance ?? HATE_CRIME_ACCEPTANCE;
        const wantCall = Math.min(
          0.9,
          base.wantCall * GENDER_FACTOR[gender] * ROLE_FACTOR[role] * ageFactor(age),
        );
        const outcome = random.weighted({
          WANTS_CALL: wantCall,
          DECLINED: Math.max(0, 1 - wantCall - base.callSelf),
          WILL_CALL_SELF: base.callSelf,
        });
        attempt(reachedAt, outcome);
        outreachCase.outcome = outcome;
        outreachCase.reachedAt = reachedAt;
        outreachCase.closedAt = reachedAt;
        outreachCase.surveyStatus = random.weighted(SURVEY_MIX);
        if (outcome === 'DECLINED') {
          outreachCase.status = 'DECLINED';
          const reason = random.weighted(DECLINE_MIX);
          outreachCase.declineReason = reason;
          if (reason === 'OTHER') outreachCase.declineReasonText = random.pick(DECLINE_TEXTS);
          eraseFrom = reachedAt;
        } else if (outcome === 'WILL_CALL_SELF') {
          outreachCase.status = 'WILL_CALL_SELF';
          eraseFrom = reachedAt;
        } else {
          outreachCase.status = 'REFERRED';
          eraseFrom = addReferral(rows, random, {
            organizationId,
            caseId: outreachCase.id as string,
            counsellorId,
            reachedAt,
            now,
          });
        }
      } else {
        // Not reached: the attempts ran out, or the window closed first.
        const expired = random.chance(0.2) && callableUntil.getTime() < today.getTime();
        const count = expired ? random.int(1, rules.maxCallAttempts - 1) : rules.maxCallAttempts;
        for (const day of attemptDays(random, callableFrom, lastCallDay, count)) {
          attempt(earliest(callTime(random, day), now), 'NOT_REACHED');
        }
        outreachCase.status = (expired ? 'EXPIRED' : 'UNREACHED') satisfies OutreachStatus;
        outreachCase.closedAt = expired
          ? addHours(callableUntil, 23)
          : (attempts[attempts.length - 1]?.at as Date);
        eraseFrom = outreachCase.closedAt as Date;
      }
    }
    outreachCase.attemptCount = attempts.length;
    rows.cases.push(outreachCase);
    rows.attempts.push(...attempts);

    // Contact details exist only while needed: past the retention period a
    // scheduled job has erased them, and the demo shows that state.
    const eraseAfter = eraseFrom ? addDays(eraseFrom, rules.contactRetentionDays) : null;
    if (hasContact && (!eraseAfter || eraseAfter.getTime() > now.getTime())) {
      rows.contacts.push({
        personId,
        organizationId,
        name: syntheticName(random, gender),
        phone: syntheticPhone(random),
        caseReference: `DEMO-${occurredOn.getUTCFullYear()}-${String(100000 + i).slice(1)}`,
        reachNote: random.chance(0.25) ? random.pick(REACH_NOTES) : null,
        eraseAfter,
        createdAt,
      });
    }
  }

  // A few rows in each police list are rejected at import (missing date, unreadable type).
  for (const batch of batches.values()) {
    batch.row.rejectedCount = random.int(0, 2);
    batch.row.rowCount += batch.row.rejectedCount;
  }
  rows.importBatches = [...batches.values()].map((batch) => batch.row);
  return rows;
}

/** Adds the referral of a WANTS_CALL case; returns when its contact details become erasable (null while open). */
function addReferral(
  rows: OutreachDemoRows,
  random: SeededRandom,
  args: { organizationId: string; caseId: string; counsellorId: string; reachedAt: Date; now: Date },
): Date | null {
  const { organizationId, caseId, counsellorId, reachedAt, now } = args;
  const ageDays = daysBetween(reachedAt, now);
  const referral: Prisma.ReferralCreateManyInput = {
    id: random.uuid(),
    organizationId,
    caseId,
    consentAt: reachedAt,
    createdAt: reachedAt,
    status: 'OPEN',
  };
  // The newest referrals are still waiting for, or with, a counsellor.
  if (ageDays < 3 && random.chance(0.6)) {
    if (random.chance(0.5)) {
      referral.status = 'TAKEN';
      referral.counsellorId = counsellorId;
      referral.takenAt = earliest(addHours(reachedAt, 20), now);
    }
    rows.referrals.push(referral);
    return null;
  }
  const takenAt = earliest(addHours(reachedAt, random.int(2, 48)), now);
  const closedAt = earliest(addHours(takenAt, random.int(4, 10 * 24)), now);
  const result = random.weighted(REFERRAL_RESULT_MIX);
  referral.status = result;
  referral.counsellorId = counsellorId;
  referral.takenAt = takenAt;
  referral.closedAt = closedAt;
  if (result === 'LOST') referral.lostReason = random.weighted(LOST_MIX);
  rows.referrals.push(referral);
  return closedAt;
}
