// The attack suite's reasoning (analysis.ts, attacker.ts) applied to the aftercare figures of issue
// 12: a hostile evaluator differences the answers the filter rules allow (all organisations, each
// one, and "all but one" through an evaluator granted one fewer; a year, its quarters and months,
// over all and over one organisation), completes every answer within its own sums (tables, ALL =
// with + without aftercare, started ≤ referred, every § 109 area's row = the move-outs) and reads
// every rate's complement. The method must let no count of 1-4 people, and no mean of fewer than
// 5, be determined; the CONTROL reading of the same keys (a threshold-only rule: 1-4 hidden,
// the rest exact) must leak, the proof that this attack code can find a leak.
//
// The answers are the query modules' own (the published values GraphQL returns for the same filter
// and key); the filter rules themselves (one organisation or all, the period grid) are tested
// through GraphQL in disclosure-attacks.test.ts and evaluation.test.ts. The truth is read plainly
// from the tables and computed in JavaScript by the domain's rules.
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import {
  addCalendarMonths,
  allAreasCoveredBeforeMoveOut,
  COUNSELLING_AREAS,
  type CounsellingItem,
  type DisclosedCount,
  daysBetween,
  type Rate,
  stayEpisodes,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from '../../../../../bench/src/generate.ts';
import { keyedUniform } from '../disclosure-key.ts';
import type { CountTable } from '../queries/count-table.ts';
import type { EvaluationFilter } from '../queries/evaluation-filter.ts';
import { hateCrimeSessions } from '../queries/hate-crime-sessions.ts';
import { hateCrimeTasks } from '../queries/hate-crime-tasks.ts';
import { hateCrimeUptake } from '../queries/hate-crime-uptake.ts';
import { repeatStays } from '../queries/repeat-stays.ts';
import {
  ANY_OFFER,
  CIVIL_SOCIETY_OFFER_CODES,
  shelterCivilSociety,
} from '../queries/shelter-civil-society.ts';
import { COUNSELLING_AREA_CODES, shelterCounselling } from '../queries/shelter-counselling.ts';
import { shelterPsychologistHours } from '../queries/shelter-psychologist-hours.ts';
import { type Answer, observe } from './analysis.ts';
import { type MagnitudeBounds, tableRelations } from './attacker.ts';
import { type AttackFilter, emptyReading, type FigureReading, type Truth } from './figures.ts';
import {
  answerOf,
  askOrganisations,
  askPeriods,
  judge,
  organisationAttack,
  periodAttack,
} from './query-attacks.ts';

const uniform = keyedUniform(Buffer.from('aftercare-attack-key-1'.padEnd(32, '!')));
/** The repeat-stay windows are measured at this Danish calendar day (a fixed clock). */
const CUTOFF = '2025-06-30';
const DAYS: MagnitudeBounds = { lower: 0, upper: Number.POSITIVE_INFINITY };
const WINDOWS = [12, 24] as const;

let db: Database;
let shelters: string[];
let trackOrgs: string[];

// ── Reading the published answers ───────────────────────────────────────

const shown = (count: DisclosedCount) => ({ value: count.value });
const shownRate = (rate: Rate | null) =>
  rate && rate.rate !== null ? { numerator: rate.numerator, denominator: rate.denominator } : null;

function readTable(reading: FigureReading, prefix: string, table: CountTable) {
  table.rows.forEach((row, i) => {
    reading.counts.set(`${prefix}.${row}`, shown(table.rowTotals[i]!));
    table.cols.forEach((col, j) => {
      reading.counts.set(`${prefix}.${row}.${col}`, shown(table.cells[i]![j]!));
    });
  });
  table.cols.forEach((col, j) => {
    reading.counts.set(`${prefix}.col.${col}`, shown(table.colTotals[j]!));
  });
  reading.counts.set(`${prefix}.all`, shown(table.grandTotal));
  reading.relations.push(
    ...tableRelations(
      (row, col) => `${prefix}.${row}.${col}`,
      (row) => `${prefix}.${row}`,
      (col) => `${prefix}.col.${col}`,
      `${prefix}.all`,
      table.rows,
      table.cols,
    ),
  );
}

const atLeast = (reading: FigureReading, total: string, part: string) =>
  reading.relations.push({ total, parts: [part], atLeastParts: true });
const rate = (
  reading: FigureReading,
  name: string,
  numerator: string,
  denominator: string,
  value: Rate | null,
) =>
  reading.rates.push({
    name,
    numeratorKeys: [numerator],
    denominatorKeys: [denominator],
    shown: shownRate(value),
  });

async function hateCrimeAnswer(filter: EvaluationFilter): Promise<FigureReading> {
  const [uptake, tasks, sessions] = await Promise.all([
    hateCrimeUptake(db, filter, uniform),
    hateCrimeTasks(db, filter, uniform),
    hateCrimeSessions(db, filter, uniform),
  ]);
  const reading = emptyReading();
  for (const row of uptake.total) {
    const k = (part: string) => `uptake.${row.track}.${part}`;
    reading.counts.set(k('referred'), shown(row.referred));
    reading.counts.set(k('started'), shown(row.started));
    reading.counts.set(k('contacted'), shown(row.contacted));
    atLeast(reading, k('referred'), k('started'));
    atLeast(reading, k('referred'), k('contacted'));
    rate(reading, k('uptake'), k('started'), k('referred'), row.uptake);
    reading.means.set(k('days'), { value: row.meanDays, nKey: k('contacted'), range: DAYS });
    reading.statistics.set(k('median'), { value: row.medianDays, range: DAYS });
    reading.statistics.set(k('p90'), { value: row.p90Days, range: DAYS });
  }
  readTable(reading, 'tasks', tasks.table);
  const s = sessions.total;
  reading.counts.set('sessions.individual', shown(s.individual));
  reading.counts.set('sessions.used', shown(s.usedSessions));
  reading.counts.set('sessions.group', shown(s.groupPlace));
  atLeast(reading, 'sessions.individual', 'sessions.used');
  const sessionsRange = { lower: 0, upper: 52 };
  reading.means.set('sessions.mean', {
    value: s.meanSessions,
    nKey: 'sessions.individual',
    range: sessionsRange,
  });
  reading.statistics.set('sessions.median', { value: s.medianSessions, range: sessionsRange });
  return reading;
}

async function shelterAnswer(filter: EvaluationFilter): Promise<FigureReading> {
  const [counselling, hours, civil, repeat] = await Promise.all([
    shelterCounselling(db, filter, uniform),
    shelterPsychologistHours(db, filter, uniform),
    shelterCivilSociety(db, filter, uniform),
    repeatStays(db, filter, uniform, CUTOFF),
  ]);
  const reading = emptyReading();
  reading.counts.set('counselling.moveOuts', shown(counselling.total.moveOuts));
  reading.counts.set('counselling.allCovered', shown(counselling.total.allCovered));
  atLeast(reading, 'counselling.moveOuts', 'counselling.allCovered');
  rate(
    reading,
    'counselling.share',
    'counselling.allCovered',
    'counselling.moveOuts',
    counselling.total.share,
  );
  readTable(reading, 'areas', counselling.areas);
  for (const area of COUNSELLING_AREA_CODES) {
    // Every area's row is the same move-outs; a move-out with all covered has each area covered.
    reading.relations.push({ total: 'counselling.moveOuts', parts: [`areas.${area}`] });
    atLeast(reading, `areas.${area}.COVERED`, 'counselling.allCovered');
  }
  for (const row of hours.total) {
    const k = (part: string) => `hours.${row.role}.${part}`;
    reading.counts.set(k('persons'), shown(row.persons));
    reading.counts.set(k('usedAny'), shown(row.usedAny));
    atLeast(reading, k('persons'), k('usedAny'));
    rate(reading, k('usedShare'), k('usedAny'), k('persons'), row.usedShare);
    const range = { lower: 0, upper: 10 };
    reading.means.set(k('used'), { value: row.meanHoursUsed, nKey: k('persons'), range });
    reading.means.set(k('booked'), { value: row.meanHoursBooked, nKey: k('persons'), range });
  }
  for (const row of civil.offers) {
    const k = (part: string) => `civil.${row.offer}.${part}`;
    reading.counts.set(k('offered'), shown(row.offered));
    reading.counts.set(k('referred'), shown(row.referred));
    reading.counts.set(k('started'), shown(row.started));
    atLeast(reading, k('offered'), k('referred'));
    atLeast(reading, k('referred'), k('started'));
    rate(reading, k('referredRate'), k('referred'), k('offered'), row.referredRate);
    rate(reading, k('uptake'), k('started'), k('referred'), row.uptake);
  }
  reading.counts.set('civil.moveOuts', shown(civil.moveOuts));
  atLeast(reading, 'civil.moveOuts', `civil.${ANY_OFFER}.offered`);
  rate(
    reading,
    'civil.referredShare',
    `civil.${ANY_OFFER}.referred`,
    'civil.moveOuts',
    civil.referredShareOfMoveOuts,
  );
  for (const row of repeat.total) {
    const k = (part: string, group: string = row.group) => `repeat.${row.months}.${group}.${part}`;
    for (const part of ['followed', 'repeat', 'censored'] as const) {
      reading.counts.set(k(part), shown(row[part]));
      if (row.group === 'ALL')
        reading.relations.push({
          total: k(part),
          parts: [k(part, 'WITH_AFTERCARE'), k(part, 'WITHOUT_AFTERCARE')],
        });
    }
    atLeast(reading, k('followed'), k('repeat'));
    rate(reading, k('rate'), k('repeat'), k('followed'), row.rate);
  }
  reading.counts.set('admissions.n', shown(repeat.admissions.admissions));
  reading.counts.set('admissions.repeat', shown(repeat.admissions.repeat));
  atLeast(reading, 'admissions.n', 'admissions.repeat');
  rate(reading, 'admissions.share', 'admissions.repeat', 'admissions.n', repeat.admissions.share);
  return reading;
}

// ── The truth, read plainly ─────────────────────────────────────────────

type Rows = {
  referrals: Array<{ org: string; track: string; sent: string; started: boolean; first: string | null }>;
  tasks: Array<{ org: string; kind: string; outcome: string; closed: string }>;
  supports: Array<{ org: string; form: string; sessions: number; started: string }>;
  stays: Array<{
    id: string;
    org: string;
    woman: string;
    admitted: string;
    moved_out: string | null;
    aftercare: boolean;
  }>;
  items: Map<string, CounsellingItem[]>;
  hours: Array<{ org: string; out: string; role: string; used: number; booked: number }>;
  civil: Array<{ stay: string; offer: string; status: string }>;
};
let rows: Rows;

async function readRows(): Promise<Rows> {
  const items = new Map<string, CounsellingItem[]>();
  for (const item of await db.query<{ stay: string; area: string; status: string; completed: string | null }>(
    `SELECT "stayId"::text AS stay, area::text, status::text, "completedOn"::text AS completed FROM "CounsellingItem"`,
  )) {
    const list = items.get(item.stay) ?? [];
    list.push({
      area: item.area as CounsellingItem['area'],
      status: item.status as CounsellingItem['status'],
      dueOn: '2000-01-01',
      completedOn: item.completed,
    });
    items.set(item.stay, list);
  }
  return {
    referrals: await db.query(
      `SELECT r."organizationId"::text AS org, r.track::text, r."sentOn"::text AS sent, r."startedOn" IS NOT NULL AS started,
              (SELECT min(d)::text FROM (VALUES (r."startedOn"),
                 ((SELECT min("openedOn") FROM "HateCrimeLegalTask" WHERE "referralId" = r.id)),
                 ((SELECT min("startedOn") FROM "HateCrimePsychologicalSupport" WHERE "referralId" = r.id))) v(d)) AS first
       FROM "HateCrimeReferral" r`,
    ),
    tasks: await db.query(
      `SELECT "organizationId"::text AS org, kind::text, outcome::text, "closedOn"::text AS closed
       FROM "HateCrimeLegalTask" WHERE status = 'CLOSED'`,
    ),
    supports: await db.query(
      `SELECT "organizationId"::text AS org, form::text, coalesce("sessionsHeld", 0) AS sessions, "startedOn"::text AS started
       FROM "HateCrimePsychologicalSupport"`,
    ),
    stays: await db.query(
      `SELECT st.id::text, st."organizationId"::text AS org, coalesce(st."personKey", st."personId"::text) AS woman,
              st."admittedOn"::text AS admitted, st."movedOutOn"::text AS moved_out,
              coalesce((SELECT sum(used) FROM "PsychologistHours" h WHERE h."stayId" = st.id), 0) > 0
                OR EXISTS (SELECT 1 FROM "CivilSocietyReferral" c WHERE c."stayId" = st.id AND c.status IN ('STARTED', 'ENDED'))
                OR EXISTS (SELECT 1 FROM "StartUpHelpNeed" n WHERE n."stayId" = st.id AND n.status = 'MET') AS aftercare
       FROM "ShelterStay" st`,
    ),
    items,
    hours: (
      await db.query<{ org: string; out: string; role: string; used: string; booked: string }>(
        `SELECT st."organizationId"::text AS org, st."movedOutOn"::text AS out, h.role::text, h.used::text, h.booked::text
         FROM "PsychologistHours" h JOIN "ShelterStay" st ON st.id = h."stayId" WHERE st."movedOutOn" IS NOT NULL`,
      )
    ).map((h) => ({ ...h, used: Number(h.used), booked: Number(h.booked) })),
    civil: await db.query(
      `SELECT "stayId"::text AS stay, offer::text, status::text FROM "CivilSocietyReferral"`,
    ),
  };
}

function truthOf(filter: AttackFilter): Truth {
  const counts = new Map<string, number>();
  const sums = new Map<string, { n: number; sum: number }>();
  const statistics = new Map<string, { n: number; value: number }>();
  const inOrgs = (org: string) => filter.organizationIds.includes(org);
  const inPeriod = (day: string | null) =>
    day !== null && (!filter.from || (day >= filter.from && day <= filter.to!));
  const add = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
  const addSum = (key: string, value: number) => {
    const s = sums.get(key) ?? { n: 0, sum: 0 };
    sums.set(key, { n: s.n + 1, sum: s.sum + value });
  };

  for (const r of rows.referrals.filter((r) => inOrgs(r.org) && inPeriod(r.sent))) {
    add(`uptake.${r.track}.referred`);
    if (r.started) add(`uptake.${r.track}.started`);
    if (r.first !== null) {
      add(`uptake.${r.track}.contacted`);
      addSum(`uptake.${r.track}.days`, daysBetween(r.sent, r.first));
    }
  }
  for (const task of rows.tasks.filter((t) => inOrgs(t.org) && inPeriod(t.closed))) {
    add(`tasks.${task.kind}.${task.outcome}`);
    add(`tasks.${task.kind}`);
    add(`tasks.col.${task.outcome}`);
    add('tasks.all');
  }
  for (const s of rows.supports.filter((s) => inOrgs(s.org) && inPeriod(s.started))) {
    if (s.form === 'GROUP_PLACE') add('sessions.group');
    else {
      add('sessions.individual');
      if (s.sessions > 0) add('sessions.used');
      addSum('sessions.mean', s.sessions);
    }
  }

  // Shelters: move-outs (not a transfer), then the stays that ended in the period.
  const { stays } = rows;
  const moveOuts = stays.filter(
    (s) =>
      s.moved_out !== null &&
      inOrgs(s.org) &&
      inPeriod(s.moved_out) &&
      !stays.some(
        (n) =>
          n.woman === s.woman &&
          n.id !== s.id &&
          n.admitted >= s.moved_out! &&
          daysBetween(s.moved_out!, n.admitted) <= 1,
      ),
  );
  for (const s of moveOuts) {
    const items = rows.items.get(s.id) ?? [];
    add('counselling.moveOuts');
    if (allAreasCoveredBeforeMoveOut(items, s.moved_out!)) add('counselling.allCovered');
    for (const area of COUNSELLING_AREAS) {
      const covered = allAreasCoveredBeforeMoveOut(
        COUNSELLING_AREAS.map((a) =>
          a.code === area.code
            ? (items.find((i) => i.area === area.code) ?? {
                area: area.code,
                status: 'NOT_STARTED',
                dueOn: '2000-01-01',
                completedOn: null,
              })
            : { area: a.code, status: 'NOT_RELEVANT', dueOn: '2000-01-01', completedOn: null },
        ),
        s.moved_out!,
      );
      const col = covered ? 'COVERED' : 'NOT_COVERED';
      add(`areas.${area.code}.${col}`);
      add(`areas.${area.code}`);
      add(`areas.col.${col}`);
      add('areas.all');
    }
  }
  for (const h of rows.hours.filter((h) => inOrgs(h.org) && inPeriod(h.out))) {
    add(`hours.${h.role}.persons`);
    if (h.used > 0) add(`hours.${h.role}.usedAny`);
    addSum(`hours.${h.role}.used`, h.used);
    addSum(`hours.${h.role}.booked`, h.booked);
  }
  for (const s of stays.filter((s) => s.moved_out !== null && inOrgs(s.org) && inPeriod(s.moved_out))) {
    add('civil.moveOuts');
    const mine = rows.civil.filter((c) => c.stay === s.id);
    for (const offer of [...CIVIL_SOCIETY_OFFER_CODES, ANY_OFFER]) {
      const of = mine.filter((c) => offer === ANY_OFFER || c.offer === offer);
      if (of.length === 0) continue;
      add(`civil.${offer}.offered`);
      if (of.some((c) => ['REFERRED', 'STARTED', 'NOT_STARTED', 'ENDED'].includes(c.status)))
        add(`civil.${offer}.referred`);
      if (of.some((c) => ['STARTED', 'ENDED'].includes(c.status))) add(`civil.${offer}.started`);
    }
  }
  // Repeat stays: the domain's episodes over the whole system, filtered by the last stay's shelter.
  const episodes = stayEpisodes(
    stays.map((s) => ({
      ...s,
      personId: s.woman,
      shelterOrganizationId: s.org,
      admittedOn: s.admitted,
      movedOutOn: s.moved_out,
    })),
  );
  episodes.forEach((episode, i) => {
    const first = [...episode.stays].sort((a, b) =>
      a.admitted < b.admitted ? -1 : a.admitted > b.admitted ? 1 : a.id < b.id ? -1 : 1,
    )[0]!;
    if (inOrgs(first.org) && inPeriod(episode.admittedOn)) {
      add('admissions.n');
      if (i > 0 && episodes[i - 1]!.personId === episode.personId) add('admissions.repeat');
    }
    const out = episode.movedOutOn;
    if (out === null || out > CUTOFF) return;
    const last = [...episode.stays]
      .sort((a, b) =>
        a.movedOutOn === b.movedOutOn
          ? daysBetween(b.admittedOn, a.admittedOn)
          : (a.movedOutOn ?? '') < (b.movedOutOn ?? '')
            ? -1
            : 1,
      )
      .at(-1)!;
    if (!inOrgs(last.org) || !inPeriod(out)) return;
    const group = episode.stays.some((s) => s.aftercare) ? 'WITH_AFTERCARE' : 'WITHOUT_AFTERCARE';
    for (const months of WINDOWS) {
      const end = addCalendarMonths(out, months);
      for (const g of [group, 'ALL']) {
        if (end > CUTOFF) add(`repeat.${months}.${g}.censored`);
        else {
          add(`repeat.${months}.${g}.followed`);
          const next = episodes[i + 1];
          if (next && next.personId === episode.personId && next.admittedOn <= end)
            add(`repeat.${months}.${g}.repeat`);
        }
      }
    }
  });
  return { counts, sums, statistics };
}

// ── Attacks ─────────────────────────────────────────────────────────────

type Model = {
  name: string;
  orgs: () => string[];
  answer: (filter: EvaluationFilter) => Promise<FigureReading>;
};
const MODELS: Model[] = [
  { name: 'hate crime', orgs: () => trackOrgs, answer: hateCrimeAnswer },
  { name: 'shelter', orgs: () => shelters, answer: shelterAnswer },
];

function ask(model: Model, name: string, filter: AttackFilter): Promise<Answer> {
  return answerOf(name, filter, model.answer, truthOf);
}

beforeAll(async () => {
  db = await getDatabase();
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    { ...parametersForScale(0.002), hateCrimeCases: 200, shelterWomen: 300 },
    () => {},
  );
  shelters = (
    await db.query<{ id: string }>(
      `SELECT id::text AS id FROM "Organization" WHERE kind = 'SHELTER' ORDER BY id`,
    )
  ).map((row) => row.id);
  trackOrgs = (
    await db.query<{ id: string }>(
      `SELECT DISTINCT "organizationId"::text AS id FROM "HateCrimeReferral" ORDER BY 1`,
    )
  ).map((row) => row.id);
  rows = await readRows();
}, 240_000);

describe.each(MODELS)('the $name figures', (model) => {
  it('let no organisation’s small counts be determined from all, each one and all but one', async () => {
    const orgs = model.orgs();
    expect(orgs.length).toBeGreaterThan(1);
    const answers = await askOrganisations(orgs, (name, filter) => ask(model, name, filter));
    judge(organisationAttack(`${model.name}: organisation subsets`, orgs, answers, observe));
  }, 120_000);

  it('let no month’s or quarter’s small counts be determined from a year, its quarters and its months', async () => {
    const year = 2021;
    for (const organizationIds of [model.orgs(), [model.orgs()[0]!]]) {
      const answers = await askPeriods(year, organizationIds, (name, filter) => ask(model, name, filter));
      judge(
        periodAttack(
          `${model.name}: periods over ${organizationIds.length} organisation(s)`,
          year,
          answers,
          observe,
        ),
      );
    }
  }, 180_000);
});
