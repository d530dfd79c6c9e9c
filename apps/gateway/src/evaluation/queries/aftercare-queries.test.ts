// The aftercare figures (hate crime, the Copenhagen hate-crime pre-study; shelter stays, the Red Cross aftercare paper) against the same figures
// counted by hand-written SQL, or by the domain's own functions over plainly read rows, on the
// bench generator's synthetic data at a small scale, on a real database (PGlite, or
// DATABASE_URL's PostgreSQL). As in evaluation-queries.test.ts: every published count must be
// exactly the domain's discloseCount of the true cell (count and key sum), no count is shown as
// 1-4, every statistic is the domain's discloseMagnitude of the true value, and rates come from
// the published counts.
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import {
  addCalendarMonths,
  allAreasCoveredBeforeMoveOut,
  COUNSELLING_AREAS,
  type CounsellingItem,
  type CountCell,
  type DisclosedCount,
  daysBetween,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  MIN_CELL,
  NATIONAL_REPEAT_STAY_GOAL,
  PSYCHOLOGIST_HOURS_PER_PERSON,
  REPEAT_STAY_BASELINE,
  type RepeatStayInput,
  repeatStayRates,
  stayEpisodes,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../../bench/src/generate.ts';
import { keyedUniform } from '../disclosure-key.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import { hateCrimeSessions } from './hate-crime-sessions.ts';
import { hateCrimeTasks, LEGAL_TASK_KIND_CODES, LEGAL_TASK_OUTCOME_CODES } from './hate-crime-tasks.ts';
import { HATE_CRIME_TRACK_CODES, hateCrimeUptake } from './hate-crime-uptake.ts';
import { DAYS_RANGE, danishToday } from './organization-rows.ts';
import { REPEAT_STAY_GROUPS, repeatStays } from './repeat-stays.ts';
import { ANY_OFFER, CIVIL_SOCIETY_OFFER_CODES, shelterCivilSociety } from './shelter-civil-society.ts';
import { COUNSELLING_AREA_CODES, shelterCounselling } from './shelter-counselling.ts';
import { shelterPsychologistHours } from './shelter-psychologist-hours.ts';

const uniform = keyedUniform(Buffer.alloc(32, 9));

let db: Database;
let shelters: string[];
let hateCrimeOrgs: string[];
/** The shelter with the most move-outs, and one year of its move-outs. */
let bigShelter: string;
let year: number;

const yearFilter = (organizationIds: string[], y: number): EvaluationFilter => ({
  organizationIds,
  from: new Date(Date.UTC(y, 0, 1)),
  to: new Date(Date.UTC(y, 11, 31)),
});

/** The period condition of a filter on a date column, as the tests write it themselves. */
function period(filter: EvaluationFilter, column: string, first: number): { sql: string; params: unknown[] } {
  if (!filter.from || !filter.to) return { sql: 'true', params: [] };
  return {
    sql: `${column} BETWEEN $${first}::date AND $${first + 1}::date`,
    params: [filter.from.toISOString().slice(0, 10), filter.to.toISOString().slice(0, 10)],
  };
}

const cell = (rows: Array<{ n: number | string; key_sum: string | null }>): CountCell => ({
  count: Number(rows[0]?.n ?? 0),
  keySum: rows[0]?.key_sum ?? '0',
});

function expectExact(shown: DisclosedCount, truth: CountCell, what: string): void {
  expect(shown, what).toEqual(discloseCount(truth, uniform));
  if (shown.value !== null) expect(shown.value === 0 || shown.value >= MIN_CELL, what).toBe(true);
}

function keySumOf(keys: readonly number[]): CountCell {
  return { count: keys.length, keySum: keys.reduce((sum, key) => sum + BigInt(key), 0n).toString() };
}

/** Mean, median and 90th percentile (percentile_cont's linear interpolation). */
function stats(values: readonly number[]): {
  mean: number | null;
  median: number | null;
  p90: number | null;
} {
  if (values.length === 0) return { mean: null, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = p * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median: at(0.5), p90: at(0.9) };
}

const closeTo = (actual: number | null, expected: number | null, what: string) => {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(actual, what).toBeCloseTo(expected, 9);
};

beforeAll(async () => {
  db = await getDatabase();
  // A small national dataset with more hate-crime cases and shelter stays than its scale gives,
  // so per-organisation cells of both sizes occur.
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    { ...parametersForScale(0.002), hateCrimeCases: 400, shelterWomen: 500 },
    () => {},
  );
  shelters = (
    await db.query<{ id: string }>(
      `SELECT id::text AS id FROM "Organization" WHERE kind = 'SHELTER' ORDER BY id`,
    )
  ).map((row) => row.id);
  hateCrimeOrgs = (
    await db.query<{ id: string }>(
      `SELECT DISTINCT "organizationId"::text AS id FROM "HateCrimeReferral" ORDER BY 1`,
    )
  ).map((row) => row.id);
  const [busiest] = await db.query<{ org: string; y: number }>(
    `SELECT "organizationId"::text AS org, extract(year FROM "movedOutOn")::int AS y FROM "ShelterStay"
     WHERE "movedOutOn" IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
  );
  bigShelter = busiest!.org;
  year = busiest!.y;
}, 240_000);

describe('the synthetic data', () => {
  it('has both models in the seeds’ proportions', async () => {
    const [row] = await db.query<{ stays: number; repeat: number; women: number; children: number }>(
      `SELECT count(*)::int AS stays, count(*) FILTER (WHERE "repeatStay")::int AS repeat,
              count(DISTINCT coalesce("personKey", "personId"::text))::int AS women,
              (SELECT count(*) FROM "ShelterStayChild")::int AS children
       FROM "ShelterStay"`,
    );
    // The Red Cross aftercare paper: 1 in 4 women in a shelter has been in one before; 2,600 children with 3,100 women.
    expect(row!.repeat / row!.stays).toBeGreaterThan(0.12);
    expect(row!.repeat / row!.stays).toBeLessThan(0.32);
    expect(row!.children / row!.stays).toBeGreaterThan(0.6);
    expect(row!.children / row!.stays).toBeLessThan(1.1);
    expect(shelters.length).toBeGreaterThan(1);
    expect(hateCrimeOrgs).toHaveLength(2);
  });
});

describe('hate-crime uptake and wait per track', () => {
  it.each([
    ['all, everything', () => ({ organizationIds: hateCrimeOrgs })],
    ['one organisation, one year', () => yearFilter([hateCrimeOrgs[0]!], 2021)],
  ])('equals hand-written SQL for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await hateCrimeUptake(db, filter, uniform);
    expect(figure.ignoredFilters).toEqual([]);
    for (const org of [...filter.organizationIds, null]) {
      const orgs = org === null ? filter.organizationIds : [org];
      for (const track of HATE_CRIME_TRACK_CODES) {
        const p = period(filter, 'r."sentOn"', 3);
        const rows = await db.query<{ key: number; sent: string; first: string | null; started: boolean }>(
          `SELECT r."recordKey" AS key, r."sentOn"::text AS sent, r."startedOn" IS NOT NULL AS started,
                  (SELECT min(d)::text FROM (VALUES (r."startedOn"),
                     ((SELECT min("openedOn") FROM "HateCrimeLegalTask" WHERE "referralId" = r.id)),
                     ((SELECT min("startedOn") FROM "HateCrimePsychologicalSupport" WHERE "referralId" = r.id))) v(d)) AS first
           FROM "HateCrimeReferral" r
           WHERE r."organizationId"::text = ANY ($1) AND r.track::text = $2 AND ${p.sql}`,
          [orgs, track, ...p.params],
        );
        const row = (org === null ? figure.total : figure.byOrganization).find(
          (r) => r.track === track && r.organizationId === org,
        )!;
        const what = `${org ?? 'all'} ${track}`;
        const referred = keySumOf(rows.map((r) => r.key));
        const started = keySumOf(rows.filter((r) => r.started).map((r) => r.key));
        const contactedRows = rows.filter((r) => r.first !== null);
        const contacted = keySumOf(contactedRows.map((r) => r.key));
        expectExact(row.referred, referred, `${what} referred`);
        expectExact(row.started, started, `${what} started`);
        expectExact(row.contacted, contacted, `${what} contacted`);
        expect(row.uptake, what).toEqual(disclosedRate(row.started, row.referred));
        const waits = stats(contactedRows.map((r) => daysBetween(r.sent, r.first!)));
        const publishedN = discloseCount(contacted, uniform);
        for (const [statistic, value, key] of [
          ['mean', waits.mean, 'meanDays'],
          ['median', waits.median, 'medianDays'],
          ['p90', waits.p90, 'p90Days'],
        ] as const) {
          closeTo(
            row[key],
            discloseMagnitude(
              `${statistic}|hateCrimeWait|${track}`,
              value,
              contacted,
              publishedN,
              DAYS_RANGE,
              uniform,
              {
                lower: 0,
                upper: Number.POSITIVE_INFINITY,
              },
            ),
            `${what} ${key}`,
          );
        }
      }
    }
    // Over everything the generated data has uptake to show (one organisation's year is too small).
    if (!filter.from) expect(figure.total.some((row) => row.uptake !== null)).toBe(true);
  });
});

describe('hate-crime legal tasks closed by outcome', () => {
  it.each([
    ['everything', () => ({ organizationIds: hateCrimeOrgs })],
    ['one year', () => yearFilter(hateCrimeOrgs, 2022)],
  ])('equals hand-written SQL for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await hateCrimeTasks(db, filter, uniform);
    expect(figure.table.rows).toEqual(LEGAL_TASK_KIND_CODES);
    expect(figure.table.cols).toEqual(LEGAL_TASK_OUTCOME_CODES);
    const p = period(filter, 't."closedOn"', 2);
    const truth = async (kinds: string[], outcomes: string[]) =>
      cell(
        await db.query(
          `SELECT count(*)::int AS n, sum(r."recordKey")::text AS key_sum
           FROM "HateCrimeLegalTask" t, "HateCrimeReferral" r
           WHERE r.id = t."referralId" AND t."organizationId"::text = ANY ($1) AND t.status = 'CLOSED'
             AND t.kind::text = ANY ($${p.params.length + 2}) AND t.outcome::text = ANY ($${p.params.length + 3})
             AND ${p.sql}`,
          [filter.organizationIds, ...p.params, kinds, outcomes],
        ),
      );
    for (const [i, kind] of LEGAL_TASK_KIND_CODES.entries()) {
      for (const [j, outcome] of LEGAL_TASK_OUTCOME_CODES.entries())
        expectExact(figure.table.cells[i]![j]!, await truth([kind], [outcome]), `${kind}×${outcome}`);
      expectExact(figure.table.rowTotals[i]!, await truth([kind], [...LEGAL_TASK_OUTCOME_CODES]), kind);
    }
    expectExact(
      figure.table.grandTotal,
      await truth([...LEGAL_TASK_KIND_CODES], [...LEGAL_TASK_OUTCOME_CODES]),
      'all closed tasks',
    );
    // Only claims can be granted: lost earnings and claims carry GRANTED, the others never.
    const granted = LEGAL_TASK_OUTCOME_CODES.indexOf('GRANTED');
    const authority = LEGAL_TASK_KIND_CODES.indexOf('AUTHORITY_CONTACT');
    expect(figure.table.cells[authority]![granted]).toEqual({ value: 0, suppressed: false });
  });
});

describe('psychological sessions used', () => {
  it('equals hand-written SQL per organisation and in total', async () => {
    const filter: EvaluationFilter = { organizationIds: hateCrimeOrgs };
    const figure = await hateCrimeSessions(db, filter, uniform);
    for (const org of [...hateCrimeOrgs, null]) {
      const orgs = org === null ? hateCrimeOrgs : [org];
      const rows = await db.query<{ key: number; form: string; sessions: number | null }>(
        `SELECT r."recordKey" AS key, s.form::text AS form, s."sessionsHeld" AS sessions
         FROM "HateCrimePsychologicalSupport" s JOIN "HateCrimeReferral" r ON r.id = s."referralId"
         WHERE s."organizationId"::text = ANY ($1)`,
        [orgs],
      );
      const row = org === null ? figure.total : figure.byOrganization.find((r) => r.organizationId === org)!;
      const individual = rows.filter((r) => r.form === 'INDIVIDUAL_SESSIONS');
      const individualCell = keySumOf(individual.map((r) => r.key));
      expectExact(row.individual, individualCell, `${org} individual`);
      expectExact(
        row.usedSessions,
        keySumOf(individual.filter((r) => (r.sessions ?? 0) > 0).map((r) => r.key)),
        `${org} used`,
      );
      expectExact(
        row.groupPlace,
        keySumOf(rows.filter((r) => r.form === 'GROUP_PLACE').map((r) => r.key)),
        `${org} group`,
      );
      const s = stats(individual.map((r) => r.sessions ?? 0));
      const range = { lower: 0, upper: 52 };
      closeTo(
        row.meanSessions,
        discloseMagnitude('mean|hateCrimeSessions', s.mean, individualCell, row.individual, range, uniform),
        `${org} mean`,
      );
      closeTo(
        row.medianSessions,
        discloseMagnitude(
          'median|hateCrimeSessions',
          s.median,
          individualCell,
          row.individual,
          range,
          uniform,
        ),
        `${org} median`,
      );
    }
    expect(figure.total.meanSessions).not.toBeNull();
  });
});

/** Every stay of the system with what the shelter figures need, read plainly. */
async function readStays() {
  return db.query<{
    id: string;
    org: string;
    woman: string;
    admitted: string;
    moved_out: string | null;
    key: number;
    aftercare: boolean;
  }>(
    `SELECT st.id::text, st."organizationId"::text AS org, coalesce(st."personKey", st."personId"::text) AS woman,
            st."admittedOn"::text AS admitted, st."movedOutOn"::text AS moved_out, st."recordKey" AS key,
            coalesce((SELECT sum(used) FROM "PsychologistHours" h WHERE h."stayId" = st.id), 0) > 0
              OR EXISTS (SELECT 1 FROM "CivilSocietyReferral" c WHERE c."stayId" = st.id AND c.status IN ('STARTED', 'ENDED'))
              OR EXISTS (SELECT 1 FROM "StartUpHelpNeed" n WHERE n."stayId" = st.id AND n.status = 'MET') AS aftercare
     FROM "ShelterStay" st`,
  );
}

describe('§ 109 counselling before move-out', () => {
  it.each([
    ['all shelters, everything', () => ({ organizationIds: shelters })],
    ['the busiest shelter, its busiest year', () => yearFilter([bigShelter], year)],
  ])('equals the domain rule over plainly read checklists for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await shelterCounselling(db, filter, uniform);
    const stays = await readStays();
    const items = await db.query<{ stay: string; area: string; status: string; completed: string | null }>(
      `SELECT "stayId"::text AS stay, area::text, status::text, "completedOn"::text AS completed FROM "CounsellingItem"`,
    );
    const itemsOf = new Map<string, CounsellingItem[]>();
    for (const item of items) {
      const list = itemsOf.get(item.stay) ?? [];
      list.push({
        area: item.area as CounsellingItem['area'],
        status: item.status as CounsellingItem['status'],
        dueOn: '2000-01-01',
        completedOn: item.completed,
      });
      itemsOf.set(item.stay, list);
    }
    // A move-out: no admission of the same woman on the move-out day or the next (a transfer).
    const inPeriod = (day: string) =>
      !filter.from ||
      (day >= filter.from.toISOString().slice(0, 10) && day <= filter.to!.toISOString().slice(0, 10));
    const moveOuts = stays.filter(
      (s) =>
        s.moved_out !== null &&
        inPeriod(s.moved_out) &&
        !stays.some(
          (n) =>
            n.woman === s.woman &&
            n.id !== s.id &&
            n.admitted >= s.moved_out! &&
            daysBetween(s.moved_out!, n.admitted) <= 1,
        ),
    );
    for (const org of [...filter.organizationIds, null]) {
      const mine = moveOuts.filter((s) =>
        org === null ? filter.organizationIds.includes(s.org) : s.org === org,
      );
      const covered = mine.filter((s) => allAreasCoveredBeforeMoveOut(itemsOf.get(s.id) ?? [], s.moved_out!));
      const row = org === null ? figure.total : figure.byOrganization.find((r) => r.organizationId === org)!;
      expectExact(row.moveOuts, keySumOf(mine.map((s) => s.key)), `${org} move-outs`);
      expectExact(row.allCovered, keySumOf(covered.map((s) => s.key)), `${org} all covered`);
      expect(row.share).toEqual(disclosedRate(row.allCovered, row.moveOuts));
    }
    const selected = moveOuts.filter((s) => filter.organizationIds.includes(s.org));
    for (const [i, area] of COUNSELLING_AREA_CODES.entries()) {
      const coveredArea = selected.filter((s) =>
        (itemsOf.get(s.id) ?? []).some(
          (item) =>
            item.area === area &&
            (item.status === 'NOT_RELEVANT' ||
              (item.status === 'DONE' && item.completedOn !== null && item.completedOn <= s.moved_out!)),
        ),
      );
      expectExact(figure.areas.cells[i]![0]!, keySumOf(coveredArea.map((s) => s.key)), `${area} covered`);
      expectExact(
        figure.areas.cells[i]![1]!,
        keySumOf(selected.filter((s) => !coveredArea.includes(s)).map((s) => s.key)),
        `${area} not covered`,
      );
    }
    expect(COUNSELLING_AREA_CODES).toEqual(COUNSELLING_AREAS.map((a) => a.code));
  });
});

describe('psychologist hours', () => {
  it.each([
    ['all shelters, everything', () => ({ organizationIds: shelters })],
    ['the busiest shelter, its busiest year', () => yearFilter([bigShelter], year)],
  ])('equals hand-written SQL for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await shelterPsychologistHours(db, filter, uniform);
    const p = period(filter, 'st."movedOutOn"', 2);
    const rows = await db.query<{ org: string; role: string; key: number; used: string; booked: string }>(
      `SELECT st."organizationId"::text AS org, h.role::text AS role, p."recordKey" AS key,
              h.used::text AS used, h.booked::text AS booked
       FROM "PsychologistHours" h, "ShelterStay" st, "Person" p
       WHERE st.id = h."stayId" AND p.id = h."personId" AND st."movedOutOn" IS NOT NULL
         AND st."organizationId"::text = ANY ($1) AND ${p.sql}`,
      [filter.organizationIds, ...p.params],
    );
    for (const org of [...filter.organizationIds, null]) {
      for (const role of ['WOMAN', 'CHILD']) {
        const mine = rows.filter((r) => r.role === role && (org === null || r.org === org));
        const row = (org === null ? figure.total : figure.byOrganization).find(
          (r) => r.role === role && r.organizationId === org,
        )!;
        const persons = keySumOf(mine.map((r) => r.key));
        expectExact(row.persons, persons, `${org} ${role} persons`);
        expectExact(
          row.usedAny,
          keySumOf(mine.filter((r) => Number(r.used) > 0).map((r) => r.key)),
          `${org} ${role} used`,
        );
        const range = { lower: 0, upper: PSYCHOLOGIST_HOURS_PER_PERSON };
        for (const [statistic, column, key] of [
          ['meanUsed', 'used', 'meanHoursUsed'],
          ['meanBooked', 'booked', 'meanHoursBooked'],
        ] as const) {
          closeTo(
            row[key],
            discloseMagnitude(
              `${statistic}|psychologistHours|${role}`,
              stats(mine.map((r) => Number(r[column]))).mean,
              persons,
              row.persons,
              range,
              uniform,
            ),
            `${org} ${role} ${key}`,
          );
        }
      }
    }
    expect(figure.total.find((r) => r.role === 'CHILD')!.meanHoursUsed).not.toBeNull();
  });
});

describe('civil-society referral and uptake', () => {
  it.each([
    ['all shelters, everything', () => ({ organizationIds: shelters })],
    ['the busiest shelter, its busiest year', () => yearFilter([bigShelter], year)],
  ])('equals hand-written SQL for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await shelterCivilSociety(db, filter, uniform);
    const p = period(filter, 'st."movedOutOn"', 2);
    const stays = await db.query<{ id: string; org: string; key: number }>(
      `SELECT st.id::text, st."organizationId"::text AS org, st."recordKey" AS key FROM "ShelterStay" st
       WHERE st."movedOutOn" IS NOT NULL AND st."organizationId"::text = ANY ($1) AND ${p.sql}`,
      [filter.organizationIds, ...p.params],
    );
    const referrals = await db.query<{ stay: string; offer: string; status: string }>(
      `SELECT "stayId"::text AS stay, offer::text, status::text FROM "CivilSocietyReferral"`,
    );
    const consent = new Set(['REFERRED', 'STARTED', 'NOT_STARTED', 'ENDED']);
    const uptake = new Set(['STARTED', 'ENDED']);
    const classify = (org: string | null, offer: string) => {
      const mine = stays.filter((s) => org === null || s.org === org);
      const of = (s: { id: string }) =>
        referrals.filter((r) => r.stay === s.id && (offer === ANY_OFFER || r.offer === offer));
      const offered = mine.filter((s) => of(s).length > 0);
      return {
        offered: keySumOf(offered.map((s) => s.key)),
        referred: keySumOf(offered.filter((s) => of(s).some((r) => consent.has(r.status))).map((s) => s.key)),
        started: keySumOf(offered.filter((s) => of(s).some((r) => uptake.has(r.status))).map((s) => s.key)),
        moveOuts: keySumOf(mine.map((s) => s.key)),
      };
    };
    for (const offer of [...CIVIL_SOCIETY_OFFER_CODES, ANY_OFFER]) {
      const truth = classify(null, offer);
      const row = figure.offers.find((r) => r.offer === offer)!;
      expectExact(row.offered, truth.offered, `${offer} offered`);
      expectExact(row.referred, truth.referred, `${offer} referred`);
      expectExact(row.started, truth.started, `${offer} started`);
      expect(row.uptake).toEqual(disclosedRate(row.started, row.referred));
      expect(row.referredRate).toEqual(disclosedRate(row.referred, row.offered));
    }
    for (const org of filter.organizationIds) {
      const truth = classify(org, ANY_OFFER);
      const row = figure.byOrganization.find((r) => r.organizationId === org)!;
      expectExact(row.offered, truth.offered, `${org} offered`);
      expectExact(row.started, truth.started, `${org} started`);
    }
    const all = classify(null, ANY_OFFER);
    expectExact(figure.moveOuts, all.moveOuts, 'move-outs');
    expect(figure.referredShareOfMoveOuts).toEqual(
      disclosedRate(discloseCount(all.referred, uniform), figure.moveOuts),
    );
  });
});

describe('repeat stays within 12 and 24 months', () => {
  const CUTOFF = '2025-06-30';

  it.each([
    ['all shelters, everything', () => ({ organizationIds: shelters })],
    ['the busiest shelter, its busiest year', () => yearFilter([bigShelter], year)],
    ['all shelters, one year', () => yearFilter(shelters, 2021)],
  ])('equals the domain’s episodes over plainly read stays for %s', async (_label, filterOf) => {
    const filter: EvaluationFilter = filterOf();
    const figure = await repeatStays(db, filter, uniform, CUTOFF);
    expect(figure.cutoff).toBe(CUTOFF);
    expect(figure.baselineShare).toBe(REPEAT_STAY_BASELINE.share);
    expect(figure.goalShare).toBe(NATIONAL_REPEAT_STAY_GOAL.share);
    const stays = (await readStays()).map((s): RepeatStayInput & { org: string; key: number } => ({
      id: s.id,
      personId: s.woman,
      shelterOrganizationId: s.org,
      admittedOn: s.admitted,
      movedOutOn: s.moved_out,
      aftercareReceived: s.aftercare,
      org: s.org,
      key: s.key,
    }));
    const episodes = stayEpisodes(stays);
    const from = filter.from?.toISOString().slice(0, 10);
    const to = filter.to?.toISOString().slice(0, 10);
    for (const months of [12, 24]) {
      type Tally = { followed: number[]; repeat: number[]; censored: number[] };
      const tally = new Map<string, Tally>();
      const add = (key: string, part: keyof Tally, recordKey: number) => {
        const t = tally.get(key) ?? { followed: [], repeat: [], censored: [] };
        t[part].push(recordKey);
        tally.set(key, t);
      };
      episodes.forEach((episode, i) => {
        const out = episode.movedOutOn;
        if (out === null || daysBetween(out, CUTOFF) < 0) return;
        // The episode's last stay: where she moved out from, and its record key.
        const last = [...episode.stays]
          .sort((a, b) =>
            a.movedOutOn === b.movedOutOn
              ? daysBetween(b.admittedOn, a.admittedOn)
              : (a.movedOutOn ?? '') < (b.movedOutOn ?? '')
                ? -1
                : 1,
          )
          .at(-1)!;
        if (!filter.organizationIds.includes(last.org)) return;
        if (from && (out < from || out > to!)) return;
        const end = addCalendarMonths(out, months);
        const group = episode.stays.some((s) => s.aftercareReceived) ? 'WITH_AFTERCARE' : 'WITHOUT_AFTERCARE';
        for (const key of [`${last.org}|${group}`, `${last.org}|ALL`, `all|${group}`, 'all|ALL']) {
          if (daysBetween(end, CUTOFF) < 0) {
            add(key, 'censored', last.key);
            continue;
          }
          add(key, 'followed', last.key);
          const next = episodes[i + 1];
          if (next && next.personId === episode.personId && daysBetween(next.admittedOn, end) >= 0)
            add(key, 'repeat', last.key);
        }
      });
      for (const org of [...filter.organizationIds, null]) {
        for (const group of REPEAT_STAY_GROUPS) {
          const t = tally.get(`${org ?? 'all'}|${group}`) ?? { followed: [], repeat: [], censored: [] };
          const row = (org === null ? figure.total : figure.byOrganization).find(
            (r) => r.months === months && r.group === group && r.organizationId === org,
          )!;
          const what = `${org ?? 'all'} ${months} ${group}`;
          expectExact(row.followed, keySumOf(t.followed), `${what} followed`);
          expectExact(row.repeat, keySumOf(t.repeat), `${what} repeat`);
          expectExact(row.censored, keySumOf(t.censored), `${what} censored`);
          expect(row.rate).toEqual(disclosedRate(row.repeat, row.followed));
        }
      }
      // And the same true counts as the domain's own repeatStayRates over the whole system.
      if (!filter.from && filter.organizationIds.length === shelters.length) {
        const domain = repeatStayRates(stays, CUTOFF, [months]).windows[0]!;
        const all = tally.get('all|ALL')!;
        expect([all.repeat.length, all.followed.length]).toEqual([
          domain.all.numerator,
          domain.all.denominator,
        ]);
        expect(all.censored.length).toBe(domain.censored);
      }
    }
    // Over everything, the generated data shows fewer repeat stays after aftercare.
    if (!filter.from && filter.organizationIds.length === shelters.length) {
      const of = (group: string) =>
        figure.total.find((r) => r.months === 12 && r.group === group)!.rate!.rate!;
      expect(of('WITH_AFTERCARE')).toBeLessThan(of('WITHOUT_AFTERCARE'));
    }
  });

  it('counts admissions that follow an earlier episode, as the domain’s repeatAdmissionShare', async () => {
    const filter: EvaluationFilter = { organizationIds: shelters };
    const figure = await repeatStays(db, filter, uniform, CUTOFF);
    const stays = await readStays();
    const episodes = stayEpisodes(
      stays.map((s) => ({
        id: s.id,
        personId: s.woman,
        shelterOrganizationId: s.org,
        admittedOn: s.admitted,
        movedOutOn: s.moved_out,
        key: s.key,
      })),
    );
    const first = episodes.map((e, i) => ({
      key: [...e.stays].sort((a, b) =>
        a.admittedOn < b.admittedOn ? -1 : a.admittedOn > b.admittedOn ? 1 : a.id < b.id ? -1 : 1,
      )[0]!.key,
      repeat: i > 0 && episodes[i - 1]!.personId === e.personId,
    }));
    expectExact(figure.admissions.admissions, keySumOf(first.map((f) => f.key)), 'admissions');
    expectExact(
      figure.admissions.repeat,
      keySumOf(first.filter((f) => f.repeat).map((f) => f.key)),
      'repeat admissions',
    );
  });
});

describe('repeat stays on a fixed clock (Danish calendar, window edges, transfers)', () => {
  let shelterA: string;
  let shelterB: string;
  const woman = async (org: string, pseudonym: string) =>
    (
      (await ownerQuery(
        `INSERT INTO "Person" ("organizationId", pseudonym, gender) VALUES ($1::uuid, $2, 'WOMAN') RETURNING id::text`,
        [org, pseudonym],
        db,
      )) as Array<{ id: string }>
    )[0]!.id;
  const stay = (org: string, person: string, key: string | null, admitted: string, out: string | null) =>
    ownerQuery(
      `INSERT INTO "ShelterStay" ("organizationId", "personId", "personKey", "admittedOn", "movedOutOn")
       VALUES ($1::uuid, $2::uuid, $3, $4::date, $5::date)`,
      [org, person, key, admitted, out],
      db,
    );

  beforeAll(async () => {
    const orgs = (await ownerQuery(
      `INSERT INTO "Organization" (slug, name, kind, stance)
       VALUES ('edge-a', 'Kant A', 'SHELTER', 'JOURNALISED'), ('edge-b', 'Kant B', 'SHELTER', 'JOURNALISED')
       RETURNING id::text`,
      [],
      db,
    )) as Array<{ id: string }>;
    [shelterA, shelterB] = [orgs[0]!.id, orgs[1]!.id];
    // Twelve women move out of A on 2024-02-29 (a leap day: its 12-month window ends 2025-02-28).
    // Six come back: two exactly on the window's last day at B (a repeat at another shelter, matched
    // by the CPR hash), two 8 months later at A, two one day after the window (no repeat within 12
    // months). Two move to B the day after (a transfer, not a repeat) and stay there.
    for (let i = 0; i < 12; i++) {
      const key = `edge-cpr-${i}`;
      const a = await woman(shelterA, `edge-a-${i}`);
      await stay(shelterA, a, key, '2023-11-01', '2024-02-29');
      if (i < 2) await stay(shelterB, await woman(shelterB, `edge-b-${i}`), key, '2025-02-28', null);
      else if (i < 4) await stay(shelterA, a, key, '2024-10-29', '2024-12-01');
      else if (i < 6) await stay(shelterB, await woman(shelterB, `edge-b-${i}`), key, '2025-03-01', null);
      else if (i < 8) await stay(shelterB, await woman(shelterB, `edge-b-${i}`), key, '2024-03-01', null);
    }
  });

  it('reads today on the Danish calendar around midnight and daylight saving', () => {
    // 23:30 UTC on 30 March 2025 is 01:30 the next day in summer time; in October 23:30 UTC is 00:30.
    expect(danishToday(new Date('2025-03-30T22:30:00Z'))).toBe('2025-03-31');
    expect(danishToday(new Date('2025-03-30T21:59:59Z'))).toBe('2025-03-30');
    expect(danishToday(new Date('2025-10-25T22:30:00Z'))).toBe('2025-10-26');
    expect(danishToday(new Date('2025-10-26T22:30:00Z'))).toBe('2025-10-26');
    expect(danishToday(new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-27');
  });

  it('follows a move-out from the day its window ends, counts a readmission on that day, and never a transfer', async () => {
    const filter = yearFilter([shelterA], 2024);
    // The day before the window ends: the leap-day move-outs are still censored.
    const before = await repeatStays(db, filter, uniform, '2025-02-27');
    const all12 = (r: Awaited<ReturnType<typeof repeatStays>>) =>
      r.total.find((row) => row.months === 12 && row.group === 'ALL')!;
    expect(all12(before).followed).toEqual({ value: 0, suppressed: false });
    // On 2025-02-28 they are followed: ten move-outs of A (the two transfers' episodes end at B, still open).
    const on = await repeatStays(db, filter, uniform, '2025-02-28');
    const keysOf = async (where: string) =>
      cell(
        await db.query(
          `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "ShelterStay"
           WHERE "organizationId" = $1::uuid AND "movedOutOn" = '2024-02-29' AND ${where}`,
          [shelterA],
        ),
      );
    const followed = await keysOf(`"personKey" NOT IN ('edge-cpr-6', 'edge-cpr-7')`);
    expect(followed.count).toBe(10);
    expectExact(all12(on).followed, followed, 'followed');
    // Repeats within 12 months: the two on the last day at B and the two back at A after 8 months
    // (the women of 2 and 3 moved out of A again on 2024-12-01; that window has not ended).
    const repeat = await keysOf(`"personKey" IN ('edge-cpr-0', 'edge-cpr-1', 'edge-cpr-2', 'edge-cpr-3')`);
    expectExact(all12(on).repeat, repeat, 'repeat');
    // Their second move-out (2024-12-01) is censored on both days.
    expect(all12(on).censored).toEqual(
      discloseCount(
        cell(
          await db.query(
            `SELECT count(*)::int AS n, sum("recordKey")::text AS key_sum FROM "ShelterStay"
             WHERE "organizationId" = $1::uuid AND "movedOutOn" = '2024-12-01'`,
            [shelterA],
          ),
        ),
        uniform,
      ),
    );
    // The transfers' episodes belong to B and have no move-out: B has nothing followed.
    const atB = await repeatStays(db, yearFilter([shelterB], 2024), uniform, '2025-02-28');
    expect(all12(atB).followed).toEqual({ value: 0, suppressed: false });
  });
});
