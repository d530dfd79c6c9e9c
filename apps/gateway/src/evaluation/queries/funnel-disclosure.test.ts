// Disclosure control of the outreach funnel, decline reasons and survey offers against the
// truth in the database: a seeded dataset with many small groups, every filter an evaluator
// can ask for (all, one organisation, one month, one category per dimension, combinations),
// and for each answer the true cells (count and record-key sum) queried with SQL written apart
// from the figures'. Every published count must be exactly what the method gives for the true
// people (so the figure counted exactly the right people, keys and all), follow the display
// rule, and stay within the usual noise in nearly every cell; every rate must come from
// published counts, the same people must get the same value in every figure, and asking twice
// must give the same answer.

import { randomUUID } from 'node:crypto';
import { type Database, getDatabase } from '@vi/db';
import {
  AGE_GROUPS,
  type CountCell,
  DECLINE_REASONS,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  GENDERS,
  INCIDENT_TYPES,
  MIN_CELL,
  PERSON_ROLES,
  possibleTrueCounts,
  type Rate,
  USUAL_COUNT_NOISE,
  usualTrueCounts,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import { declineReasons, NOT_RECORDED } from './decline-reasons.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import { FUNNEL_COUNT_KEYS, type FunnelCountKey, outreachFunnel } from './outreach-funnel.ts';
import { SURVEY_NOT_RECORDED, SURVEY_PARTS, surveyOffers } from './survey-offers.ts';

const uniform = keyedUniform(Buffer.alloc(32, 7));

let db: Database;
let bigOrg: string;
let smallOrg: string;

/** mulberry32: the dataset (and its record keys) is the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends string | null>(random: () => number, weights: ReadonlyArray<[T, number]>): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let u = random() * total;
  for (const [value, w] of weights) {
    u -= w;
    if (u < 0) return value;
  }
  return weights.at(-1)![0];
}

const STATUS_WEIGHTS: Array<[string, number]> = [
  ['NO_CONTACT_DETAILS', 15],
  ['INACTIVE_TYPE', 3],
  ['OPEN', 4],
  ['UNREACHED', 18],
  ['EXPIRED', 4],
  ['REFERRED', 14],
  ['DECLINED', 40],
  ['WILL_CALL_SELF', 2],
];
// Some incident types are rare, so one-category filters give small groups.
const TYPE_WEIGHTS: Array<[string, number]> = INCIDENT_TYPES.map((t, i) => [t.code, i < 4 ? 20 : 2]);
const GENDER_WEIGHTS: Array<[string | null, number]> = [
  ['MAN', 48],
  ['WOMAN', 47],
  ['OTHER', 2],
  [null, 3],
];
const ROLE_WEIGHTS: Array<[string, number]> = [
  ['VICTIM', 80],
  ['WITNESS', 10],
  ['RELATIVE', 8],
  ['GUARDIAN', 2],
];
const REASON_WEIGHTS: Array<[string | null, number]> = [
  ['NO_NEED', 70],
  ['NEEDS_SPECIALISED_OFFER', 8],
  ['OTHER', 4],
  [null, 18],
];
const SURVEY_WEIGHTS: Array<[string | null, number]> = [
  ['OFFERED_ACCEPTED', 25],
  ['OFFERED_DECLINED', 20],
  ['NOT_APPROPRIATE_LANGUAGE', 6],
  ['NOT_APPROPRIATE_TECHNICAL', 4],
  ['NOT_APPROPRIATE_ETHICAL', 1],
  ['NOT_OFFERED', 30],
  [null, 14],
];
const REFERRAL_WEIGHTS: Array<[string | null, number]> = [
  ['OPEN', 10],
  ['TAKEN', 10],
  ['CONVERSATION_HELD', 55],
  ['REGISTERED_OTHER', 8],
  ['LOST', 12],
  [null, 3],
];

/**
 * `count` cases of one organisation from January to June 2025, with referrals where referred.
 * Each case is a person of its own, with a record key from the seeded generator: the cases
 * carry their person's key (a trigger copies it), so every cell's key is fixed across runs.
 */
async function seedCases(organizationId: string, count: number, random: () => number): Promise<void> {
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, DATE '2025-01-01', 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  const columns = {
    id: [] as string[],
    person: [] as string[],
    role: [] as string[],
    type: [] as string[],
    status: [] as string[],
    gender: [] as (string | null)[],
    age: [] as (number | null)[],
    reason: [] as (string | null)[],
    survey: [] as (string | null)[],
    created: [] as string[],
    key: [] as number[],
  };
  const referrals = { caseId: [] as string[], status: [] as string[] };
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const status = weighted(random, STATUS_WEIGHTS);
    const reached = ['REFERRED', 'DECLINED', 'WILL_CALL_SELF'].includes(status);
    const day = Math.floor(random() * 181);
    const created = new Date(Date.UTC(2025, 0, 1 + day, Math.floor(random() * 24), 30));
    columns.id.push(id);
    columns.person.push(randomUUID());
    columns.role.push(weighted(random, ROLE_WEIGHTS));
    columns.type.push(weighted(random, TYPE_WEIGHTS));
    columns.status.push(status);
    columns.gender.push(weighted(random, GENDER_WEIGHTS));
    columns.age.push(random() < 0.04 ? null : 12 + Math.floor(random() * 75));
    columns.reason.push(status === 'DECLINED' ? weighted(random, REASON_WEIGHTS) : null);
    columns.survey.push(reached ? weighted(random, SURVEY_WEIGHTS) : null);
    columns.created.push(created.toISOString().slice(0, 19).replace('T', ' '));
    columns.key.push(Math.floor(random() * 2 ** 31));
    if (status === 'REFERRED') {
      const referral = weighted(random, REFERRAL_WEIGHTS);
      if (referral !== null) {
        referrals.caseId.push(id);
        referrals.status.push(referral);
      }
    }
  }
  await db.query(
    `INSERT INTO "Person" (id, "organizationId", pseudonym, "recordKey")
     SELECT u.id, $1::uuid, 'disclosure-' || u.n, u.key
     FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS u(id, key, n)`,
    [organizationId, columns.person, columns.key],
  );
  await db.query(
    `INSERT INTO "OutreachCase" (id, "organizationId", "personId", "incidentId", role, "incidentType", status,
       "callableFrom", "callableUntil", gender, "ageAtIncident", "declineReason", "surveyStatus", "createdAt")
     SELECT u.id, $1::uuid, u.person, $2::uuid, u.role::"PersonRole", u.type::"IncidentType", u.status::"OutreachStatus",
       u.created::date, u.created::date + 30, u.gender::"Gender", u.age, u.reason::"DeclineReason",
       u.survey::"SurveyStatus", u.created
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[],
                 $11::text[], $12::timestamp[]) AS u(id, person, role, type, status, gender, age, reason, survey, created)`,
    [
      organizationId,
      incident!.id,
      columns.id,
      columns.person,
      columns.role,
      columns.type,
      columns.status,
      columns.gender,
      columns.age,
      columns.reason,
      columns.survey,
      columns.created,
    ],
  );
  await db.query(
    `INSERT INTO "Referral" ("organizationId", "caseId", "consentAt", status)
     SELECT $1::uuid, u.cid, now(), u.st::"ReferralStatus" FROM unnest($2::uuid[], $3::text[]) AS u(cid, st)`,
    [organizationId, referrals.caseId, referrals.status],
  );
}

beforeAll(async () => {
  db = await getDatabase();
  const orgs = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES
       ('disclosure-big', 'Stor Kommune', 'MUNICIPALITY', 'JOURNALISED'),
       ('disclosure-small', 'Lille Forening', 'NGO', 'JOURNALISED')
     RETURNING id::text AS id`,
  );
  bigOrg = orgs[0]!.id;
  smallOrg = orgs[1]!.id;
  await seedCases(bigOrg, 1500, seededRandom(1));
  await seedCases(smallOrg, 70, seededRandom(2));
});

/**
 * The filters an evaluator can ask for: one or all organisations, a period on the grid (one
 * month, one quarter, one year), one category or all.
 */
function filters(): Array<{ label: string; filter: EvaluationFilter }> {
  const both = [bigOrg, smallOrg];
  const out: Array<{ label: string; filter: EvaluationFilter }> = [
    { label: 'all', filter: { organizationIds: both } },
    { label: 'one organisation', filter: { organizationIds: [bigOrg] } },
    { label: 'the small organisation', filter: { organizationIds: [smallOrg] } },
    {
      label: 'March',
      filter: { organizationIds: both, from: new Date('2025-03-01'), to: new Date('2025-03-31') },
    },
    {
      label: 'February, small organisation, women',
      filter: {
        organizationIds: [smallOrg],
        from: new Date('2025-02-01'),
        to: new Date('2025-02-28'),
        genders: ['WOMAN'],
      },
    },
    {
      label: 'first quarter',
      filter: { organizationIds: both, from: new Date('2025-01-01'), to: new Date('2025-03-31') },
    },
    {
      label: 'second quarter, small organisation',
      filter: { organizationIds: [smallOrg], from: new Date('2025-04-01'), to: new Date('2025-06-30') },
    },
    {
      label: 'the year 2025, victims',
      filter: {
        organizationIds: both,
        from: new Date('2025-01-01'),
        to: new Date('2025-12-31'),
        roles: ['VICTIM'],
      },
    },
  ];
  for (const type of INCIDENT_TYPES)
    out.push({ label: `type ${type.code}`, filter: { organizationIds: both, incidentTypes: [type.code] } });
  for (const gender of GENDERS)
    out.push({ label: `gender ${gender.code}`, filter: { organizationIds: both, genders: [gender.code] } });
  for (const group of AGE_GROUPS)
    out.push({ label: `age ${group.code}`, filter: { organizationIds: both, ageGroups: [group.code] } });
  for (const role of PERSON_ROLES)
    out.push({ label: `role ${role.code}`, filter: { organizationIds: both, roles: [role.code] } });
  return out;
}

/** The filter as SQL on `c`, written apart from evaluation-filter.ts. */
function truthWhere(filter: EvaluationFilter, params: unknown[]): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = [`c."organizationId" = ANY(${add(filter.organizationIds)}::uuid[])`];
  const day = (date: Date) => date.toISOString().slice(0, 10);
  // Periods are Danish calendar days; createdAt is a UTC instant.
  const danishDay = `(c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Copenhagen')::date`;
  if (filter.from) conditions.push(`${danishDay} >= ${add(day(filter.from))}::date`);
  if (filter.to) conditions.push(`${danishDay} <= ${add(day(filter.to))}::date`);
  if (filter.incidentTypes?.length)
    conditions.push(`c."incidentType"::text = ${add(filter.incidentTypes[0])}`);
  // Gender OTHER is the group the figures show: other or not recorded.
  if (filter.genders?.[0] === 'OTHER') conditions.push(`(c.gender IS NULL OR c.gender::text = 'OTHER')`);
  else if (filter.genders?.length) conditions.push(`c.gender::text = ${add(filter.genders[0])}`);
  if (filter.roles?.length) conditions.push(`c.role::text = ${add(filter.roles[0])}`);
  if (filter.ageGroups?.length) {
    const group = AGE_GROUPS.find((g) => g.code === filter.ageGroups![0])!;
    conditions.push(`c."ageAtIncident" >= ${add(group.min)}::int`);
    if (group.max !== null) conditions.push(`c."ageAtIncident" <= ${add(group.max)}::int`);
  }
  return conditions.join(' AND ');
}

const REACHED = `c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF')`;

/** What each published count means, as a condition on a case `c` and its referral `r`. */
const TRUTH: Record<string, string> = {
  identified: `c.status IN ('NO_CONTACT_DETAILS', 'OPEN', 'UNREACHED', 'EXPIRED', 'REFERRED', 'DECLINED', 'WILL_CALL_SELF')`,
  noContactDetails: `c.status = 'NO_CONTACT_DETAILS'`,
  withContactDetails: `c.status IN ('OPEN', 'UNREACHED', 'EXPIRED', 'REFERRED', 'DECLINED', 'WILL_CALL_SELF')`,
  inactiveIncidentType: `c.status = 'INACTIVE_TYPE'`,
  notYetCalled: `c.status = 'OPEN'`,
  notReached: `c.status IN ('UNREACHED', 'EXPIRED')`,
  reached: REACHED,
  wantsCall: `c.status = 'REFERRED'`,
  declined: `c.status = 'DECLINED'`,
  willCallSelf: `c.status = 'WILL_CALL_SELF'`,
  declinedOrSelf: `c.status IN ('DECLINED', 'WILL_CALL_SELF')`,
  referralPending: `c.status = 'REFERRED' AND r.status IN ('OPEN', 'TAKEN')`,
  conversationHeld: `c.status = 'REFERRED' AND r.status = 'CONVERSATION_HELD'`,
  registeredOther: `c.status = 'REFERRED' AND r.status = 'REGISTERED_OTHER'`,
  referralLost: `c.status = 'REFERRED' AND r.status = 'LOST'`,
  noReferral: `c.status = 'REFERRED' AND r.id IS NULL`,
  closedReferrals: `c.status = 'REFERRED' AND r.status IN ('CONVERSATION_HELD', 'REGISTERED_OTHER', 'LOST')`,
  'decline:withReason': `c.status = 'DECLINED' AND c."declineReason" IS NOT NULL`,
  [`decline:${NOT_RECORDED}`]: `c.status = 'DECLINED' AND c."declineReason" IS NULL`,
  ...Object.fromEntries(
    DECLINE_REASONS.map((r) => [
      `decline:${r.code}`,
      `c.status = 'DECLINED' AND c."declineReason" = '${r.code}'`,
    ]),
  ),
  'survey:offered': `${REACHED} AND c."surveyStatus" IN ('OFFERED_ACCEPTED', 'OFFERED_DECLINED')`,
  'survey:notAppropriate': `${REACHED} AND c."surveyStatus"::text LIKE 'NOT_APPROPRIATE%'`,
  [`survey:${SURVEY_NOT_RECORDED}`]: `${REACHED} AND c."surveyStatus" IS NULL`,
  ...Object.fromEntries(
    [...SURVEY_PARTS.offered, ...SURVEY_PARTS.notAppropriate, 'NOT_OFFERED'].map((s) => [
      `survey:${s}`,
      `${REACHED} AND c."surveyStatus" = '${s}'`,
    ]),
  ),
};

/** The true cell of each published count: how many cases, and the sum of their record keys. */
async function truthOf(filter: EvaluationFilter): Promise<Record<string, CountCell>> {
  const params: unknown[] = [];
  const where = truthWhere(filter, params);
  const names = Object.keys(TRUTH);
  const [row] = await db.query<Record<string, number | string>>(
    `SELECT ${names
      .map(
        (name, i) =>
          `count(*) FILTER (WHERE ${TRUTH[name]})::int AS t${i},
           coalesce(sum(c."recordKey") FILTER (WHERE ${TRUTH[name]}), 0)::bigint::text AS k${i}`,
      )
      .join(', ')}
     FROM "OutreachCase" c LEFT JOIN "Referral" r ON r."caseId" = c.id WHERE ${where}`,
    params,
  );
  return Object.fromEntries(
    names.map((name, i) => [name, { count: Number(row![`t${i}`]), keySum: String(row![`k${i}`]) }]),
  );
}

type Tally = { checked: number; perturbed: number; underFive: number; beyondUsual: number };

const newTally = (): Tally => ({ checked: 0, perturbed: 0, underFive: 0, beyondUsual: 0 });

/**
 * A published count against its true cell: exactly the value the method gives for those
 * people (same count, same key sum, same noise), the display rule, and a truth the shown
 * value can stand for.
 */
function expectPublished(shown: DisclosedCount, truth: CountCell, label: string, tally: Tally): void {
  tally.checked++;
  expect(shown, `${label}: the method's value for ${truth.count} people`).toEqual(
    discloseCount(truth, uniform),
  );
  if (truth.count === 0) {
    expect(shown, `${label}: nobody is published as 0`).toEqual({ value: 0, suppressed: false });
    return;
  }
  const { min, max } = possibleTrueCounts(shown);
  expect(truth.count, `${label}: ${JSON.stringify(shown)} cannot hide ${truth.count}`).toBeGreaterThanOrEqual(
    min,
  );
  if (max !== null) expect(truth.count, label).toBeLessThanOrEqual(max);
  const usual = usualTrueCounts(shown);
  if (truth.count < usual.min || truth.count > usual.max) tally.beyondUsual++;
  if (shown.value === null) {
    expect(shown.suppressed, label).toBe(true);
    tally.underFive++;
    tally.perturbed++;
    return;
  }
  expect(shown.suppressed, label).toBe(false);
  // The display rule: 1-4 is never shown as a number.
  expect(shown.value === 0 || shown.value >= MIN_CELL, `${label}: shown ${shown.value}`).toBe(true);
  if (shown.value !== truth.count) tally.perturbed++;
}

/**
 * The noise is really there, small groups really occur in these filters, and the published
 * counts are near the truth as the method promises: within ±USUAL_COUNT_NOISE in 98 % of cells
 * (at least 90 % here, as the cells of one filter are not independent draws).
 */
function expectTallyLikeTheMethod(tally: Tally): void {
  expect(tally.perturbed).toBeGreaterThan(tally.checked / 5);
  expect(tally.underFive).toBeGreaterThan(10);
  expect(tally.beyondUsual).toBeLessThanOrEqual(tally.checked * 0.1);
}

/** A rate comes from the published counts, and only where all three are shown as 5 or more. */
function expectRateFromPublished(
  rate: Rate | null,
  numerator: DisclosedCount,
  denominator: DisclosedCount,
  label: string,
): void {
  const k = numerator.value;
  const n = denominator.value;
  const shown = k !== null && n !== null && k >= MIN_CELL && n >= MIN_CELL && n - k >= MIN_CELL;
  if (!shown) {
    expect(rate, `${label}: not shown for ${k}/${n}`).toBeNull();
    return;
  }
  expect(rate, label).not.toBeNull();
  expect(rate!.numerator, label).toBe(k);
  expect(rate!.denominator, label).toBe(n);
  expect(rate!.rate, label).toBeCloseTo(k / n, 12);
}

async function figures(filter: EvaluationFilter, key = uniform) {
  return {
    funnel: await outreachFunnel(db, filter, key),
    reasons: await declineReasons(db, filter, key),
    survey: await surveyOffers(db, filter, key),
  };
}

describe('the outreach figures under cell-key perturbation, against the truth', () => {
  it("publishes every funnel count as the method's value for the true people, with the display rule", async () => {
    const tally = newTally();
    for (const { label, filter } of filters()) {
      const [{ funnel }, truth] = await Promise.all([figures(filter), truthOf(filter)]);
      for (const key of FUNNEL_COUNT_KEYS)
        expectPublished(funnel.counts[key], truth[key]!, `${label} ${key}`, tally);
    }
    expect(tally.checked).toBeGreaterThan(400);
    expectTallyLikeTheMethod(tally);
  });

  it("publishes every decline-reason and survey count as the method's value for the true people", async () => {
    const tally = newTally();
    for (const { label, filter } of filters()) {
      const [{ reasons, survey }, truth] = await Promise.all([figures(filter), truthOf(filter)]);
      expectPublished(reasons.declined, truth.declined!, `${label} declined`, tally);
      expectPublished(reasons.withReason, truth['decline:withReason']!, `${label} withReason`, tally);
      expectPublished(reasons.notRecorded, truth[`decline:${NOT_RECORDED}`]!, `${label} notRecorded`, tally);
      expect(reasons.reasons.map((r) => r.reason)).toEqual(DECLINE_REASONS.map((r) => r.code));
      for (const reason of reasons.reasons)
        expectPublished(reason.count, truth[`decline:${reason.reason}`]!, `${label} ${reason.reason}`, tally);

      expectPublished(survey.reached, truth.reached!, `${label} survey reached`, tally);
      expectPublished(survey.offered, truth['survey:offered']!, `${label} offered`, tally);
      expectPublished(
        survey.notAppropriate,
        truth['survey:notAppropriate']!,
        `${label} notAppropriate`,
        tally,
      );
      for (const { status, count } of survey.byStatus)
        expectPublished(count, truth[`survey:${status}`]!, `${label} survey ${status}`, tally);
    }
    expectTallyLikeTheMethod(tally);
  });

  it('computes every rate and share from the published counts only', async () => {
    let shown = 0;
    for (const { label, filter } of filters()) {
      const { funnel, reasons, survey } = await figures(filter);
      const c = funnel.counts;
      expectRateFromPublished(
        funnel.rates.contactDetails,
        c.withContactDetails,
        c.identified,
        `${label} contact`,
      );
      expectRateFromPublished(funnel.rates.reached, c.reached, c.identified, `${label} reached`);
      expectRateFromPublished(funnel.rates.acceptance, c.wantsCall, c.reached, `${label} acceptance`);
      expectRateFromPublished(funnel.rates.declined, c.declined, c.reached, `${label} declined`);
      expectRateFromPublished(funnel.rates.willCallSelf, c.willCallSelf, c.reached, `${label} self`);
      for (const reason of reasons.reasons)
        expectRateFromPublished(
          reason.shareOfRecorded,
          reason.count,
          reasons.withReason,
          `${label} ${reason.reason}`,
        );
      expectRateFromPublished(survey.offeredRate, survey.offered, survey.reached, `${label} offered`);
      const accepted = survey.byStatus.find((s) => s.status === 'OFFERED_ACCEPTED')!.count;
      expectRateFromPublished(survey.acceptedRate, accepted, survey.offered, `${label} accepted`);
      shown += [funnel.rates.acceptance, survey.offeredRate, reasons.reasons[0]!.shareOfRecorded].filter(
        (rate) => rate !== null,
      ).length;
    }
    expect(shown).toBeGreaterThan(20);
  });

  it('keeps rates near the truth: the acceptance of all cases within the noise of the true rate', async () => {
    const filter = { organizationIds: [bigOrg, smallOrg] };
    const [{ funnel }, truth] = await Promise.all([figures(filter), truthOf(filter)]);
    // Exactly the rate of the method's values for the true people who want a call and were reached.
    expect(funnel.rates.acceptance).toEqual(
      disclosedRate(discloseCount(truth.wantsCall!, uniform), discloseCount(truth.reached!, uniform)),
    );
    // And near the true rate: both counts' noise is within the usual range here (as in 98 % of
    // cells; the seed and the test key are fixed), so the rate is within what that range allows.
    const k = truth.wantsCall!.count;
    const n = truth.reached!.count;
    const rate = funnel.rates.acceptance!.rate!;
    expect(rate).toBeGreaterThanOrEqual((k - USUAL_COUNT_NOISE) / (n + USUAL_COUNT_NOISE));
    expect(rate).toBeLessThanOrEqual((k + USUAL_COUNT_NOISE) / (n - USUAL_COUNT_NOISE));
  });

  it('gives the same people the same value in every figure (same cell key, same noise)', async () => {
    for (const { label, filter } of filters()) {
      const { funnel, reasons, survey } = await figures(filter);
      expect(reasons.declined, `${label} declined`).toEqual(funnel.counts.declined);
      expect(survey.reached, `${label} reached`).toEqual(funnel.counts.reached);
    }
  });

  it('answers the same filter twice identically, and a different key gives different noise', async () => {
    let differs = 0;
    for (const { label, filter } of filters()) {
      const first = await figures(filter);
      expect(await figures(filter), label).toEqual(first);
      const otherKey = await figures(filter, keyedUniform(Buffer.alloc(32, 8)));
      differs += FUNNEL_COUNT_KEYS.filter(
        (key: FunnelCountKey) => otherKey.funnel.counts[key].value !== first.funnel.counts[key].value,
      ).length;
    }
    // The noise comes from the installation's secret, not from the counts alone.
    expect(differs).toBeGreaterThan(20);
  });
});
