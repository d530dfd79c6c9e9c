// Who we reach (issue 14, part 4): reach and acceptance per target group of the national action
// plan, for outreach (detection) and the group course (support). The dataset is built here
// row by row with every person's record key chosen by the test, so the truth of every cell
// (count and key sum, hence the method's published value) is recomputed in JavaScript from the
// rows themselves, independently of the figure's SQL. ReachAnswers rows are inserted directly.
import { type Database, getDatabase } from '@vi/db';
import {
  type CountCell,
  discloseCount,
  disclosedRate,
  MIN_CELL,
  TARGET_GROUPS,
  type TargetGroupCode,
  YOUNG_AGE_RANGE,
} from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import { outreachFunnel } from './outreach-funnel.ts';
import { ALL_REACHED, type ReachByModel, type ReachGroup, reach } from './reach.ts';

const uniform = keyedUniform(Buffer.alloc(32, 11));

type Answers = {
  preferredLanguage?: string | null;
  interpreterNeeded?: string | null;
  childrenAffected?: string | null;
  sameSexRelationship?: string | null;
  mutualViolence?: string | null;
};

type CaseRow = {
  status: 'REFERRED' | 'DECLINED' | 'WILL_CALL_SELF' | 'UNREACHED' | 'OPEN';
  gender: 'MAN' | 'WOMAN' | 'OTHER' | null;
  age: number | null;
  type: 'VIOLENCE' | 'STALKING' | 'THREATS';
  answers: Answers | null;
  key: number;
};

/** How the registration's person fares with courses. */
type Course = 'STARTED' | 'WITHDREW_BEFORE' | 'WITHDREW_AFTER' | 'NOT_YET' | 'NONE';

type IntakeRow = {
  gender: 'MAN' | 'WOMAN' | null;
  age: number | null;
  stalking: string | null | 'NO_GRID';
  answers: Answers | null;
  course: Course;
  key: number;
};

/** A deterministic stream (a 31-bit LCG), so the dataset is the same every run. */
function stream(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)]!;

function answersOf(random: () => number): Answers | null {
  if (random() < 0.25) return null; // no row at all: nothing recorded
  const answer = () => pick(random, ['YES', 'NO', 'NOT_KNOWN', null, 'YES']);
  return {
    preferredLanguage: pick(random, ['da', 'da', 'ar', 'pl', 'other', null]),
    interpreterNeeded: answer(),
    childrenAffected: answer(),
    sameSexRelationship: answer(),
    mutualViolence: answer(),
  };
}

function outreachRows(count: number, seed: number): CaseRow[] {
  const random = stream(seed);
  return Array.from({ length: count }, (_, i) => ({
    status: pick(random, [
      'REFERRED',
      'DECLINED',
      'DECLINED',
      'WILL_CALL_SELF',
      'UNREACHED',
      'OPEN',
    ] as const),
    gender: pick(random, ['MAN', 'WOMAN', 'WOMAN', 'OTHER', null] as const),
    age: pick(random, [null, 14, 15, 19, 24, 25, 40, 67]),
    type: pick(random, ['VIOLENCE', 'STALKING', 'THREATS'] as const),
    answers: answersOf(random),
    key: (seed * 7919 + (i + 1) * 104_729) % 2_147_483_647,
  }));
}

function intakeRows(count: number, seed: number): IntakeRow[] {
  const random = stream(seed);
  return Array.from({ length: count }, (_, i) => ({
    gender: pick(random, ['MAN', 'WOMAN', 'WOMAN', null] as const),
    age: pick(random, [null, 15, 18, 24, 25, 33, 58]),
    stalking: pick(random, ['ONGOING', 'NOT_RELEVANT', 'STOPPED_1_YEAR_OR_LESS', null, 'NO_GRID', 'BOGUS']),
    answers: answersOf(random),
    course: pick(random, [
      'STARTED',
      'STARTED',
      'WITHDREW_BEFORE',
      'WITHDREW_AFTER',
      'NOT_YET',
      'NONE',
    ] as const),
    key: (seed * 6007 + (i + 1) * 130_363) % 2_147_483_647,
  }));
}

// ── The definitions, written out independently of the figure's SQL ──────────

const yes = (a: Answers | null, field: keyof Answers) => a?.[field] === 'YES';
const language = (a: Answers | null) =>
  (a?.preferredLanguage != null && a.preferredLanguage !== 'da') || yes(a, 'interpreterNeeded');
const young = (age: number | null) =>
  age !== null && age >= YOUNG_AGE_RANGE.min && age <= YOUNG_AGE_RANGE.max;

const OUTREACH_GROUPS: Record<TargetGroupCode, (c: CaseRow) => boolean> = {
  MEN: (c) => c.gender === 'MAN',
  YOUNG: (c) => young(c.age),
  LANGUAGE: (c) => language(c.answers),
  SAME_SEX: (c) => yes(c.answers, 'sameSexRelationship'),
  MUTUAL: (c) => yes(c.answers, 'mutualViolence'),
  STALKING: (c) => c.type === 'STALKING',
  CHILDREN: (c) => yes(c.answers, 'childrenAffected'),
};
const reachedCase = (c: CaseRow) => ['REFERRED', 'DECLINED', 'WILL_CALL_SELF'].includes(c.status);
const acceptedCase = (c: CaseRow) => c.status === 'REFERRED';

const STALKING_STATUSES = ['ONGOING', 'STOPPED_1_YEAR_OR_LESS'];
const COURSE_GROUPS: Record<TargetGroupCode, (r: IntakeRow) => boolean> = {
  MEN: (r) => r.gender === 'MAN',
  YOUNG: (r) => young(r.age),
  LANGUAGE: (r) => language(r.answers),
  SAME_SEX: (r) => yes(r.answers, 'sameSexRelationship'),
  MUTUAL: (r) => yes(r.answers, 'mutualViolence'),
  // Any real status but "not relevant"; a missing grid, no answer or an unknown code is not stalking.
  STALKING: (r) => r.stalking !== null && STALKING_STATUSES.includes(r.stalking),
  CHILDREN: (r) => yes(r.answers, 'childrenAffected'),
};
const startedCourse = (r: IntakeRow) => r.course === 'STARTED' || r.course === 'WITHDREW_AFTER';

function cellOf<T extends { key: number }>(rows: readonly T[], test: (row: T) => boolean): CountCell {
  const chosen = rows.filter(test);
  return { count: chosen.length, keySum: chosen.reduce((sum, row) => sum + BigInt(row.key), 0n) };
}

/** The published row a group must show: the method's value of the true cells. */
function expectedRow<T extends { key: number }>(
  rows: readonly T[],
  reached: (row: T) => boolean,
  accepted: (row: T) => boolean,
  inGroup: (row: T) => boolean,
) {
  const shownReached = discloseCount(
    cellOf(rows, (r) => reached(r) && inGroup(r)),
    uniform,
  );
  const shownAccepted = discloseCount(
    cellOf(rows, (r) => reached(r) && accepted(r) && inGroup(r)),
    uniform,
  );
  return {
    reached: shownReached,
    accepted: shownAccepted,
    acceptance: disclosedRate(shownAccepted, shownReached),
  };
}

// ── The data ─────────────────────────────────────────────────────────────

let db: Database;
let org: string;
let smallOrg: string;
const cases = outreachRows(420, 3);
const intakes = intakeRows(360, 5);

async function organization(slug: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ($1, $1, 'NGO', 'JOURNALISED') RETURNING id::text AS id`,
    [slug],
  );
  return row!.id;
}

async function persons(organizationId: string, slug: string, keys: number[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO "Person" ("organizationId", pseudonym, "recordKey")
     SELECT $1::uuid, $2 || '-' || n, k FROM unnest($3::int[]) WITH ORDINALITY AS u(k, n) ORDER BY n
     RETURNING id::text AS id`,
    [organizationId, slug, keys],
  );
  return rows.map((row) => row.id);
}

async function insertAnswers(
  organizationId: string,
  column: 'outreachCaseId' | 'intakeRegistrationId',
  id: string,
  answers: Answers,
): Promise<void> {
  await db.query(
    `INSERT INTO "ReachAnswers" ("organizationId", "${column}", "preferredLanguage", "interpreterNeeded",
       "childrenAffected", "sameSexRelationship", "mutualViolence")
     VALUES ($1::uuid, $2::uuid, $3, $4::"ReachAnswer", $5::"ReachAnswer", $6::"ReachAnswer", $7::"ReachAnswer")`,
    [
      organizationId,
      id,
      answers.preferredLanguage ?? null,
      answers.interpreterNeeded ?? null,
      answers.childrenAffected ?? null,
      answers.sameSexRelationship ?? null,
      answers.mutualViolence ?? null,
    ],
  );
}

async function insertCases(organizationId: string, slug: string, rows: readonly CaseRow[]): Promise<void> {
  const people = await persons(
    organizationId,
    slug,
    rows.map((r) => r.key),
  );
  const [incident] = await db.query<{ id: string }>(
    `INSERT INTO "Incident" ("organizationId", "occurredOn", type) VALUES ($1::uuid, DATE '2024-03-01', 'VIOLENCE')
     RETURNING id::text AS id`,
    [organizationId],
  );
  for (const [i, row] of rows.entries()) {
    const [inserted] = await db.query<{ id: string }>(
      `INSERT INTO "OutreachCase" ("organizationId", "personId", "incidentId", role, "incidentType", status,
         "callableFrom", "callableUntil", gender, "ageAtIncident", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, 'VICTIM', $4::"IncidentType", $5::"OutreachStatus",
         DATE '2024-03-03', DATE '2024-04-03', $6::"Gender", $7, TIMESTAMP '2024-03-02 09:00')
       RETURNING id::text AS id`,
      [organizationId, people[i], incident!.id, row.type, row.status, row.gender, row.age],
    );
    if (row.answers) await insertAnswers(organizationId, 'outreachCaseId', inserted!.id, row.answers);
  }
}

async function course(organizationId: string, name: string, sessions: string[]): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO "Course" ("organizationId", name, venue, "startsOn") VALUES ($1::uuid, $2, 'Her', $3::date)
     RETURNING id::text AS id`,
    [organizationId, name, sessions[0] ?? '2030-01-01'],
  );
  for (const [i, day] of sessions.entries())
    await db.query(
      `INSERT INTO "CourseSession" ("courseId", number, date, title) VALUES ($1::uuid, $2, $3::date, 'Gang')`,
      [row!.id, i + 1, day],
    );
  return row!.id;
}

async function insertIntakes(
  organizationId: string,
  slug: string,
  rows: readonly IntakeRow[],
): Promise<void> {
  const people = await persons(
    organizationId,
    slug,
    rows.map((r) => r.key),
  );
  const held = await course(organizationId, `${slug}-held`, ['2024-04-02', '2024-04-16']);
  const future = await course(organizationId, `${slug}-future`, ['2099-01-05']);
  for (const [i, row] of rows.entries()) {
    const answers =
      row.stalking === 'NO_GRID'
        ? {}
        : { violence_status: row.stalking === null ? { PHYSICAL: 'ONGOING' } : { STALKING: row.stalking } };
    const [inserted] = await db.query<{ id: string }>(
      `INSERT INTO "IntakeRegistration" ("organizationId", "personId", "registeredOn", answers, gender, "ageYears")
       VALUES ($1::uuid, $2::uuid, DATE '2024-03-10', $3::jsonb, $4::"Gender", $5) RETURNING id::text AS id`,
      [organizationId, people[i], JSON.stringify(answers), row.gender, row.age],
    );
    if (row.answers) await insertAnswers(organizationId, 'intakeRegistrationId', inserted!.id, row.answers);
    if (row.course === 'NONE') continue;
    const withdrawnOn =
      row.course === 'WITHDREW_BEFORE' ? '2024-03-30' : row.course === 'WITHDREW_AFTER' ? '2024-04-02' : null;
    await db.query(
      `INSERT INTO "Enrolment" ("organizationId", "courseId", "personId", "participantCode", "withdrawnOn")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::date)`,
      [organizationId, row.course === 'NOT_YET' ? future : held, people[i], `${slug}-${i}`, withdrawnOn],
    );
  }
}

beforeAll(async () => {
  db = await getDatabase();
  org = await organization('reach-main');
  await insertCases(org, 'reach-main', cases);
  await insertIntakes(org, 'reach-main-intake', intakes);
  // A small organisation: a handful reached in every group.
  smallOrg = await organization('reach-small');
  await insertCases(smallOrg, 'reach-small', [
    ...outreachRows(12, 17).map((row) => ({ ...row, status: 'REFERRED' as const })),
  ]);
  await insertIntakes(smallOrg, 'reach-small-intake', intakeRows(9, 19));
});

const filterOf = (organizationIds: string[], more: Partial<EvaluationFilter> = {}): EvaluationFilter => ({
  organizationIds,
  ...more,
});

function rowOf(model: ReachByModel, group: ReachGroup) {
  const row = model.rows.find((r) => r.group === group);
  if (!row) throw new Error(`no row ${group}`);
  return { reached: row.reached, accepted: row.accepted, acceptance: row.acceptance };
}

describe('reach per target group', () => {
  it('returns each model with its phase of the national frame, ALL first and every target group once', async () => {
    const figure = await reach(db, filterOf([org]), uniform);
    expect(figure.models.map((m) => [m.model, m.phase])).toEqual([
      ['OUTREACH', 'DETECTION'],
      ['GROUP_COURSE', 'SUPPORT'],
    ]);
    for (const model of figure.models)
      expect(model.rows.map((r) => r.group)).toEqual([ALL_REACHED, ...TARGET_GROUPS.map((g) => g.code)]);
    const one = await reach(db, filterOf([org]), uniform, ['GROUP_COURSE']);
    expect(one.models.map((m) => m.model)).toEqual(['GROUP_COURSE']);
  });

  it('outreach: all reached and accepted are the funnel’s reached and wants-a-call', async () => {
    const [outreach] = (await reach(db, filterOf([org]), uniform, ['OUTREACH'])).models;
    const funnel = await outreachFunnel(db, filterOf([org]), uniform);
    const all = rowOf(outreach!, ALL_REACHED);
    expect(all.reached).toEqual(funnel.counts.reached);
    expect(all.accepted).toEqual(funnel.counts.wantsCall);
    expect(all).toEqual(expectedRow(cases, reachedCase, acceptedCase, () => true));
    expect(all.reached.value).toBeGreaterThan(200);
  });

  it('group course: all reached are the registrations, accepted those who started a course', async () => {
    const [courses] = (await reach(db, filterOf([org]), uniform, ['GROUP_COURSE'])).models;
    const all = rowOf(courses!, ALL_REACHED);
    expect(all).toEqual(
      expectedRow(
        intakes,
        () => true,
        startedCourse,
        () => true,
      ),
    );
    expect(all.acceptance?.rate).toBeGreaterThan(0.3);
    expect(all.acceptance?.rate).toBeLessThan(0.7);
  });

  describe.each(TARGET_GROUPS.map((g) => g.code))('group %s', (group) => {
    it('outreach: published cells are the method’s values of the group’s true cells', async () => {
      const [outreach] = (await reach(db, filterOf([org]), uniform, ['OUTREACH'])).models;
      const expected = expectedRow(cases, reachedCase, acceptedCase, OUTREACH_GROUPS[group]);
      expect(rowOf(outreach!, group)).toEqual(expected);
      // The dataset puts people in every group, so the definition is exercised, not vacuous.
      expect(expected.reached.value).toBeGreaterThanOrEqual(MIN_CELL);
      // Unreached and not-yet-called cases are never in a group, whatever was recorded.
      const withUnreached = expectedRow(cases, () => true, acceptedCase, OUTREACH_GROUPS[group]);
      expect(rowOf(outreach!, group).reached).not.toEqual(withUnreached.reached);
    });

    it('group course: published cells are the method’s values of the group’s true cells', async () => {
      const [courses] = (await reach(db, filterOf([org]), uniform, ['GROUP_COURSE'])).models;
      const expected = expectedRow(intakes, () => true, startedCourse, COURSE_GROUPS[group]);
      expect(rowOf(courses!, group)).toEqual(expected);
      expect(expected.reached.value).toBeGreaterThanOrEqual(MIN_CELL);
    });
  });

  it('counts a withdrawal before the first session and a course not yet begun as not started', async () => {
    const [courses] = (await reach(db, filterOf([org]), uniform, ['GROUP_COURSE'])).models;
    const loose = expectedRow(
      intakes,
      () => true,
      (r) => r.course !== 'NONE',
      () => true,
    );
    expect(rowOf(courses!, ALL_REACHED).accepted).not.toEqual(loose.accepted);
  });

  it('applies the filters each model has and names the ones it ignores', async () => {
    const figure = await reach(
      db,
      filterOf([org], { genders: ['WOMAN'], incidentTypes: ['STALKING'] }),
      uniform,
    );
    const [outreach, courses] = figure.models;
    expect(outreach!.ignoredFilters).toEqual([]);
    expect(courses!.ignoredFilters).toEqual(['incidentTypes']);
    // Women only: the men's group is empty in both models.
    expect(rowOf(outreach!, 'MEN').reached).toEqual({ value: 0, suppressed: false });
    expect(rowOf(courses!, 'MEN').reached).toEqual({ value: 0, suppressed: false });
    const women = cases.filter((c) => c.gender === 'WOMAN' && c.type === 'STALKING');
    expect(rowOf(outreach!, 'STALKING')).toEqual(
      expectedRow(women, reachedCase, acceptedCase, OUTREACH_GROUPS.STALKING),
    );
  });

  it('never shows a small group: 1-4 people read as "under 5" (or a perturbed 0), with no rate', async () => {
    const figure = await reach(db, filterOf([smallOrg]), uniform);
    let small = 0;
    for (const model of figure.models) {
      for (const row of model.rows) {
        for (const count of [row.reached, row.accepted]) {
          if (count.value !== null) expect(count.value === 0 || count.value >= MIN_CELL).toBe(true);
          else expect(count.suppressed).toBe(true);
        }
        if (row.reached.value === null || (row.reached.value ?? 0) < MIN_CELL)
          expect(row.acceptance).toBeNull();
      }
      small += model.rows.filter((r) => r.reached.suppressed).length;
    }
    // The small organisation's groups are mostly 1-4 people: some must be hidden.
    expect(small).toBeGreaterThan(3);
  });

  it('refuses a bad filter with a field error', async () => {
    await expect(reach(db, filterOf([]), uniform)).rejects.toMatchObject({
      extensions: { code: 'VALIDATION' },
    });
  });
});
