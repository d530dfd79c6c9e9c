/**
 * National-scale synthetic dataset for the evaluation bench (issue 5): 98 municipalities and a
 * few NGOs, 1,000,000 outreach cases over ten years, 50,000 intakes, 5,000 courses with ten
 * sessions, enrolments, attendance, linked baseline/end forms and cost inputs.
 *
 * Everything is set-based SQL (INSERT … SELECT generate_series) so it runs in minutes on two
 * cores. Randomness is a hash of (row number, salt) rather than random() after setseed():
 * setseed() only makes random() repeatable when rows are produced in the same order, while a
 * hash gives every row the same draw whatever plan PostgreSQL picks, and lets separate INSERTs
 * (person, incident, case) agree on a row's attributes without a join.
 *
 * Usage: tsx src/generate.ts [--scale 0.01] [--force]
 */
import { createDatabase } from '@vi/db';
import { MODULE_PLAN_TEMPLATES } from '@vi/db/seed';
import {
  COUNSELLING_AREAS,
  CURRENT_COST_RULE_SET_ID,
  DEFAULT_OUTREACH_INPUTS,
  HATE_CRIME_NEEDS,
  KOEGE_EXAMPLE_INPUTS,
  SHELTER_AFTERCARE_START_INPUTS,
  VIOLENCE_STATUS,
} from '@vi/domain';
import pg from 'pg';
import {
  ACCEPTANCE_FACTOR,
  AFTERCARE_SHARE,
  AGE_RANGE_WEIGHTS,
  BURGLARY_SWITCHED_OFF_ON,
  CHILDREN_WEIGHTS,
  CIVIL_SOCIETY_OFFER_SHARE,
  CLAIM_OUTCOME_WEIGHTS,
  COUNSELLING_DONE_LATE_SHARE,
  COUNSELLING_DONE_SHARE,
  DECLINE_REASON_WEIGHTS,
  FIGURE_3,
  GENDER_WEIGHTS,
  HATE_CRIME_CASES_PER_YEAR,
  HATE_CRIME_CERTAINLY_SHARE_OF_NEED,
  HATE_CRIME_ENTRY_WEIGHTS,
  HATE_CRIME_REFERRAL_RESULT_WEIGHTS,
  HEARD_FROM_SHARE,
  INCIDENT_TYPE_WEIGHTS,
  INTAKE_GENDER_WEIGHTS,
  NO_CONTACT_SHARE,
  NON_GROUP_ROUTE_WEIGHTS,
  OTHER_TASK_OUTCOME_WEIGHTS,
  PERSON_KEY_SHARE,
  REACHED_SHARE,
  REFERRAL_RESULT_WEIGHTS,
  RETURN_SHARE,
  ROLE_WEIGHTS,
  SHELTER_COUNT,
  SHELTER_MOVE_OUTS_PER_YEAR,
  START_UP_NEED_SHARE,
  STAYS_PER_WOMAN,
  SURVEY_WEIGHTS,
  TRANSFER_SHARE,
  VIOLENCE_FORM_SHARE,
} from './proportions.ts';
import { lookupSql, sqlLiteral, weightedChoiceSql } from './weighted-choice.ts';

/**
 * Bump when the generated data changes shape, so an old dataset is not reused. 6: cost inputs for
 * the two aftercare models (hate-crime at the sending organisation, shelter aftercare per shelter).
 */
export const GENERATOR_VERSION = 6;

export const FIRST_DAY = '2016-01-01';
/** Ten years: 2016-01-01 up to and including 2025-12-31. */
export const DAY_COUNT = 3653;
export const MUNICIPALITY_COUNT = 98;
export const NGO_COUNT = 4;
/** Organisation index of the first shelter (after the municipalities and NGOs). */
export const FIRST_SHELTER = MUNICIPALITY_COUNT + NGO_COUNT;
/**
 * Hate-crime aftercare's organisations (the Copenhagen hate-crime pre-study): the victim-counselling service that owns the
 * case (the first NGO), legal/financial counselling at the second, psychological support at the third.
 */
export const HATE_CRIME_ORGS = { sender: 98, legal: 99, psychological: 100 } as const;

export type DatasetParameters = {
  generatorVersion: number;
  scale: number;
  outreachCases: number;
  intakes: number;
  courses: number;
  /** Hate-crime aftercare cases (the Copenhagen hate-crime pre-study: 50-100 a year at the start of the model). */
  hateCrimeCases: number;
  /** Women who stay at a shelter (the Red Cross aftercare paper: 3,100 move-outs a year, 1 in 4 a repeat stay). */
  shelterWomen: number;
};

/** Shelters of the dataset: SHELTER_COUNT at full scale, fewer for a small dataset (about 50 women each). */
export function shelterCount(parameters: Pick<DatasetParameters, 'shelterWomen'>): number {
  return Math.min(SHELTER_COUNT, Math.max(2, Math.round(parameters.shelterWomen / 50)));
}

export function parametersForScale(scale: number): DatasetParameters {
  if (!(scale > 0 && scale <= 10)) throw new Error(`--scale must be in (0, 10], got ${scale}`);
  const courses = Math.max(1, Math.round(5000 * scale));
  return {
    generatorVersion: GENERATOR_VERSION,
    scale,
    outreachCases: Math.max(1, Math.round(1_000_000 * scale)),
    // Every enrolled person (~7 per course) has an intake, so there are at least that many.
    intakes: Math.max(Math.round(50_000 * scale), courses * 8),
    courses,
    hateCrimeCases: Math.max(1, Math.round(HATE_CRIME_CASES_PER_YEAR * 10 * scale)),
    shelterWomen: Math.max(1, Math.round(((SHELTER_MOVE_OUTS_PER_YEAR * 10) / STAYS_PER_WOMAN) * scale)),
  };
}

export const DEFAULT_BENCH_URL = 'postgresql://postgres@127.0.0.1:5432/vi_bench';

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
}

type Progress = (message: string) => void;

const stamp = (): string => new Date().toISOString().slice(11, 19);
const defaultProgress: Progress = (message) => console.log(`[${stamp()}] ${message}`);

/** Draw number `salt` for row `i`: uniform in [0, 1), the same on every run and every plan. */
const R = (row: string, salt: number): string => `bench.r(${row}, ${salt})`;
/**
 * A person's disclosure-control key (packages/domain disclosure.ts): uniform in [0, 2^31) like
 * the database default, but a hash of the row, so a regenerated dataset has the same keys and
 * so the same published figures. The person's counted records copy it (trigger, migration 0304).
 */
const recordKey = (row: string, salt: number): string => `floor(${R(row, salt)} * 2147483648)::int`;

// The module-plan templates are the same Table 2.1 the demo seed uses.
const MODULE_PLANS = MODULE_PLAN_TEMPLATES;

function adminUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Bench database name must be a plain identifier: ${name}`);
  return name;
}

async function readMarker(url: string): Promise<DatasetParameters | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const rows = await client.query<{ parameters: DatasetParameters }>(
      `SELECT parameters FROM bench.dataset WHERE completed_at IS NOT NULL LIMIT 1`,
    );
    return rows.rows[0]?.parameters ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

function sameParameters(a: DatasetParameters, b: DatasetParameters): boolean {
  return (
    a.generatorVersion === b.generatorVersion &&
    a.scale === b.scale &&
    a.outreachCases === b.outreachCases &&
    a.intakes === b.intakes &&
    a.courses === b.courses &&
    a.hateCrimeCases === b.hateCrimeCases &&
    a.shelterWomen === b.shelterWomen
  );
}

async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** Applies the project's committed migrations through @vi/db, the same path the gateway uses. */
async function migrateDatabase(url: string): Promise<void> {
  const database = await createDatabase({ url });
  await database.close();
}

export type GenerateOptions = {
  scale?: number;
  url?: string;
  force?: boolean;
  progress?: Progress;
};

export type GenerateResult = { parameters: DatasetParameters; generated: boolean; seconds: number };

/**
 * Makes sure the bench database holds the dataset for these parameters: reuses it when the
 * marker says so (after applying any new migrations), otherwise drops, recreates and fills it.
 */
export async function ensureDataset(options: GenerateOptions = {}): Promise<GenerateResult> {
  const url = options.url ?? benchDatabaseUrl();
  const parameters = parametersForScale(options.scale ?? 1);
  const progress = options.progress ?? defaultProgress;
  const started = performance.now();

  const existing = options.force ? null : await readMarker(url);
  if (existing && sameParameters(existing, parameters)) {
    progress(
      `Dataset with ${JSON.stringify(parameters)} already in ${databaseName(url)}; applying new migrations only`,
    );
    await migrateDatabase(url);
    // A migration may have rewritten rows (e.g. backfilled a column): index-only scans need the
    // visibility map again, and the planner fresh statistics, as after a generation. On a
    // dataset nothing changed in, this is a quick pass.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await step(client, progress, 'VACUUM ANALYZE', 'VACUUM ANALYZE');
    } finally {
      await client.end();
    }
    return { parameters, generated: false, seconds: (performance.now() - started) / 1000 };
  }

  progress(`Creating database ${databaseName(url)} and applying migrations`);
  await recreateDatabase(url);
  await migrateDatabase(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fillDataset(client, parameters, progress, { tuneSession: true });
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  progress(`Dataset ready in ${seconds.toFixed(0)} s`);
  return { parameters, generated: true, seconds };
}

/**
 * Where the generator sends its SQL: one statement per call. A pg.Client (the bench) or a
 * @vi/db Database (tests, PostgreSQL pool or PGlite) both fit; nothing depends on the session
 * except the optional tuning, which only the bench's own client asks for.
 */
export type SqlRunner = { query(sql: string, params?: unknown[]): Promise<unknown> };

async function step(client: SqlRunner, progress: Progress, label: string, sql: string): Promise<void> {
  const started = performance.now();
  await client.query(sql);
  progress(`${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function fillDataset(
  client: SqlRunner,
  parameters: DatasetParameters,
  progress: Progress = defaultProgress,
  options: { tuneSession?: boolean } = {},
): Promise<void> {
  const { outreachCases: N, intakes: NI, courses: NC } = parameters;
  const orgId = (index: string): string => `bench.id('org', ${index})`;
  // Skewed towards the first municipalities, as population is: density ∝ x^(-0.375).
  const municipalityIndex = (draw: string): string =>
    `least(${MUNICIPALITY_COUNT - 1}, floor(${MUNICIPALITY_COUNT} * power(${draw}, 1.6)))::int`;

  for (const statement of [
    'CREATE SCHEMA bench',
    `CREATE TABLE bench.dataset (parameters jsonb NOT NULL, started_at timestamptz NOT NULL DEFAULT now(),
                                 completed_at timestamptz)`,
    `CREATE FUNCTION bench.r(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT ((hashint8extended(i, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$`,
    `CREATE FUNCTION bench.id(kind text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT md5(kind || ':' || i)::uuid $$`,
    `CREATE FUNCTION bench.inspire_score(answers jsonb, prefix text) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
       SELECT CASE WHEN count(v) = 5 THEN avg(v - 1) * 25 END
       FROM (SELECT (answers ->> (prefix || '_' || k))::int AS v FROM generate_series(1, 5) k) items
     $$`,
  ]) {
    await client.query(statement);
  }
  if (options.tuneSession) {
    // Rows are consistent by construction and inserted parents first; skipping the per-row
    // foreign-key triggers still makes loading several times faster. Session-only.
    await client.query('SET session_replication_role = replica');
    await client.query("SET work_mem = '256MB'");
    await client.query("SET maintenance_work_mem = '512MB'");
  }
  await client.query(`INSERT INTO bench.dataset (parameters) VALUES ($1)`, [JSON.stringify(parameters)]);
  progress(`Generating ${JSON.stringify(parameters)}`);

  // ── Organisations ────────────────────────────────────────────────────
  await step(
    client,
    progress,
    'Organisations',
    `INSERT INTO "Organization" (id, slug, name, kind, stance)
     SELECT ${orgId('k')}, 'bench-' || k,
            CASE WHEN k < ${MUNICIPALITY_COUNT} THEN format('Bench Kommune %s', lpad((k + 1)::text, 2, '0'))
                 ELSE format('Bench Organisation %s', k - ${MUNICIPALITY_COUNT - 1}) END,
            (CASE WHEN k < ${MUNICIPALITY_COUNT} THEN 'MUNICIPALITY' ELSE 'NGO' END)::"OrganizationKind",
            (CASE WHEN ${R('k', 1)} < 0.5 THEN 'ANONYMOUS' ELSE 'JOURNALISED' END)::"PrivacyStance"
     FROM generate_series(0, ${MUNICIPALITY_COUNT + NGO_COUNT - 1}) k`,
  );
  const shelters = shelterCount(parameters);
  await step(
    client,
    progress,
    'Shelters',
    `INSERT INTO "Organization" (id, slug, name, kind, stance)
     SELECT ${orgId(`${FIRST_SHELTER} + k`)}, 'bench-shelter-' || k,
            format('Bench Krisecenter %s', lpad((k + 1)::text, 2, '0')), 'SHELTER', 'JOURNALISED'
     FROM generate_series(0, ${shelters - 1}) k`,
  );
  await step(
    client,
    progress,
    'Incident type settings (burglary/theft off for outreach)',
    `INSERT INTO "IncidentTypeSetting" ("organizationId", type, "activeForOutreach")
     SELECT id, 'BURGLARY_THEFT', false FROM "Organization"`,
  );

  // ── Outreach: one staging row per case with every attribute drawn once ──
  const fig3Want = Object.fromEntries(Object.entries(FIGURE_3).map(([k, v]) => [k, v.wantsCall]));
  const fig3Self = Object.fromEntries(Object.entries(FIGURE_3).map(([k, v]) => [k, v.self]));
  const ageLoWeights = AGE_RANGE_WEIGHTS.map(([lo, , w]) => [String(lo), w] as const);
  const ageWidth = Object.fromEntries(AGE_RANGE_WEIGHTS.map(([lo, hi]) => [String(lo), hi - lo + 1]));
  const lastDay = `(DATE '${FIRST_DAY}' + ${DAY_COUNT - 1})`;
  await step(
    client,
    progress,
    'Outreach staging',
    `CREATE UNLOGGED TABLE bench.c AS
     SELECT s.*,
       CASE
         WHEN s.itype = 'BURGLARY_THEFT' AND s.occurred_on >= DATE '${BURGLARY_SWITCHED_OFF_ON}' THEN 'INACTIVE_TYPE'
         WHEN s.d_contact < ${NO_CONTACT_SHARE} THEN 'NO_CONTACT_DETAILS'
         WHEN s.occurred_on > ${lastDay} - 12 AND s.d_open < 0.6 THEN 'OPEN'
         WHEN s.d_reach < ${REACHED_SHARE} THEN
           CASE WHEN s.d_outcome < s.p_want THEN 'REFERRED'
                WHEN s.d_outcome < s.p_want + s.p_self THEN 'WILL_CALL_SELF'
                ELSE 'DECLINED' END
         WHEN s.d_open < 0.05 THEN 'EXPIRED'
         ELSE 'UNREACHED'
       END AS status
     FROM (
       SELECT t.*,
         least(0.95, ${lookupSql('t.itype', fig3Want, 0.25)} * ${lookupSql('t.gender', ACCEPTANCE_FACTOR.gender, 1)}
           * ${lookupSql('t.role', ACCEPTANCE_FACTOR.role, 1)}
           * ${lookupSql('t.age_lo', Object.fromEntries(Object.entries(ACCEPTANCE_FACTOR.ageFrom).map(([k, v]) => [k, v])), 1)}) AS p_want,
         ${lookupSql('t.itype', fig3Self, 0.01)} AS p_self,
         CASE WHEN t.d_age_missing < 0.02 THEN NULL
              ELSE t.age_lo + floor(t.d_age * ${lookupSql('t.age_lo', ageWidth, 1)})::int END AS age
       FROM (
         SELECT i,
           CASE WHEN d_ngo < 0.15 THEN ${MUNICIPALITY_COUNT} + floor(d_org * ${NGO_COUNT})::int
                ELSE ${municipalityIndex('d_org')} END AS org,
           ${weightedChoiceSql('d_type', INCIDENT_TYPE_WEIGHTS)} AS itype,
           ${weightedChoiceSql('d_gender', GENDER_WEIGHTS)} AS gender,
           ${weightedChoiceSql('d_role', ROLE_WEIGHTS)} AS role,
           (${weightedChoiceSql('d_age_lo', ageLoWeights)})::int AS age_lo,
           DATE '${FIRST_DAY}' + floor(d_day * ${DAY_COUNT})::int AS occurred_on,
           1 + floor(d_attempts * 3)::int AS attempts,
           ${weightedChoiceSql('d_decline', DECLINE_REASON_WEIGHTS)} AS decline_reason,
           ${weightedChoiceSql('d_survey', SURVEY_WEIGHTS)} AS survey,
           ${weightedChoiceSql('d_referral', REFERRAL_RESULT_WEIGHTS)} AS referral_result,
           d_contact, d_reach, d_outcome, d_open, d_age, d_age_missing, d_hour
         FROM (
           SELECT i, ${R('i', 2)} AS d_ngo, ${R('i', 3)} AS d_org, ${R('i', 4)} AS d_type, ${R('i', 5)} AS d_gender,
             ${R('i', 6)} AS d_role, ${R('i', 7)} AS d_age_lo, ${R('i', 8)} AS d_age, ${R('i', 9)} AS d_day,
             ${R('i', 10)} AS d_contact, ${R('i', 11)} AS d_reach, ${R('i', 12)} AS d_outcome,
             ${R('i', 13)} AS d_open, ${R('i', 14)} AS d_attempts, ${R('i', 15)} AS d_decline,
             ${R('i', 16)} AS d_survey, ${R('i', 17)} AS d_referral, ${R('i', 18)} AS d_age_missing,
             ${R('i', 19)} AS d_hour
           FROM generate_series(0, ${N - 1}) i
           OFFSET 0
         ) d
         OFFSET 0
       ) t
       OFFSET 0
     ) s`,
  );

  await step(
    client,
    progress,
    'Persons (outreach)',
    `INSERT INTO "Person" (id, "organizationId", pseudonym, gender, "birthYear", "createdAt", "recordKey")
     SELECT bench.id('person', i), ${orgId('org')}, 'B' || i, gender::"Gender",
            extract(year FROM occurred_on)::int - age, occurred_on + interval '1 day', ${recordKey('i', 90)}
     FROM bench.c`,
  );
  await step(
    client,
    progress,
    'Incidents',
    `INSERT INTO "Incident" (id, "organizationId", "occurredOn", type, "hateMotive", "createdAt")
     SELECT bench.id('incident', i), ${orgId('org')}, occurred_on, itype::"IncidentType",
            CASE WHEN itype = 'HATE_CRIME' THEN 'RACE_ETHNICITY' END, occurred_on + interval '1 day'
     FROM bench.c`,
  );
  // Reached people were reached on their last attempt, two days apart, from callableFrom.
  const reachedAt = `(occurred_on + 2 + (attempts - 1) * 2 + interval '9 hours' + d_hour * interval '8 hours')`;
  await step(
    client,
    progress,
    'Outreach cases',
    `INSERT INTO "OutreachCase" (id, "organizationId", "personId", "incidentId", role, "ageAtIncident", gender,
       "incidentType", status, "callableFrom", "callableUntil", "attemptCount", outcome, "declineReason",
       "declineReasonText", "surveyStatus", "reachedAt", "closedAt", "createdAt")
     SELECT bench.id('case', i), ${orgId('org')}, bench.id('person', i), bench.id('incident', i), role::"PersonRole",
       age, gender::"Gender", itype::"IncidentType", status::"OutreachStatus", occurred_on + 2, occurred_on + 32,
       CASE WHEN status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') THEN attempts
            WHEN status IN ('UNREACHED', 'EXPIRED') THEN 3 ELSE 0 END,
       (CASE status WHEN 'REFERRED' THEN 'WANTS_CALL' WHEN 'DECLINED' THEN 'DECLINED'
                    WHEN 'WILL_CALL_SELF' THEN 'WILL_CALL_SELF' WHEN 'UNREACHED' THEN 'NOT_REACHED' END)::"CallOutcome",
       CASE WHEN status = 'DECLINED' THEN decline_reason::"DeclineReason" END,
       CASE WHEN status = 'DECLINED' AND decline_reason = 'OTHER' THEN 'Anden grund (syntetisk)' END,
       CASE WHEN status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') THEN survey::"SurveyStatus" END,
       CASE WHEN status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') THEN ${reachedAt} END,
       CASE WHEN status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') THEN ${reachedAt}
            WHEN status = 'UNREACHED' THEN occurred_on + 6 + interval '16 hours'
            WHEN status = 'EXPIRED' THEN (occurred_on + 32)::timestamp END,
       occurred_on + interval '1 day' + d_hour * interval '8 hours'
     FROM bench.c`,
  );
  await step(
    client,
    progress,
    'Call attempts (reached cases)',
    `INSERT INTO "CallAttempt" (id, "organizationId", "caseId", at, outcome)
     SELECT bench.id('attempt', i * 4 + k), ${orgId('org')}, bench.id('case', i),
       occurred_on + 2 + (k - 1) * 2 + interval '9 hours' + d_hour * interval '8 hours',
       (CASE WHEN k < attempts THEN
               CASE WHEN ${R('i * 4 + k', 20)} < 0.03 THEN 'NOT_SAFE_TO_TALK' ELSE 'NOT_REACHED' END
             WHEN status = 'REFERRED' THEN 'WANTS_CALL' ELSE status END)::"CallOutcome"
     FROM bench.c, generate_series(1, attempts) k
     WHERE status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF')`,
  );
  await step(
    client,
    progress,
    'Referrals (wants a call)',
    `INSERT INTO "Referral" (id, "organizationId", "caseId", "consentAt", "createdAt", status, "takenAt", "closedAt",
       "lostReason")
     SELECT bench.id('referral', i), ${orgId('org')}, bench.id('case', i), ${reachedAt}, ${reachedAt},
       (CASE WHEN occurred_on > ${lastDay} - 8 THEN 'OPEN' ELSE referral_result END)::"ReferralStatus",
       CASE WHEN occurred_on <= ${lastDay} - 8 THEN ${reachedAt} + interval '1 day' END,
       CASE WHEN occurred_on <= ${lastDay} - 8 THEN ${reachedAt} + interval '4 days' END,
       CASE WHEN occurred_on <= ${lastDay} - 8 AND referral_result = 'LOST' THEN
         (CASE WHEN d_open < 0.5 THEN 'NOT_REACHED' WHEN d_open < 0.8 THEN 'NO_SHOW' ELSE 'CANCELLED' END)::"LostReason"
       END
     FROM bench.c WHERE status = 'REFERRED'`,
  );
  // Contact details survive only until the retention job erases them: keep them for recent cases.
  await step(
    client,
    progress,
    'Contact details (recent cases only)',
    `INSERT INTO "PersonContact" ("personId", "organizationId", alias, phone)
     SELECT bench.id('person', i), ${orgId('org')}, 'Person ' || i, '+45' || lpad((20000000 + i % 70000000)::text, 8, '0')
     FROM bench.c
     WHERE status NOT IN ('NO_CONTACT_DETAILS') AND occurred_on > ${lastDay} - 90`,
  );
  await client.query('DROP TABLE bench.c');

  // ── Courses ──────────────────────────────────────────────────────────
  await step(
    client,
    progress,
    'Module plans',
    `INSERT INTO "ModulePlan" (id, name, modules)
     VALUES ${MODULE_PLANS.map(
       (plan, index) =>
         `(bench.id('plan', ${index}), '${plan.name} (bench)', ARRAY[${plan.modules.map((m) => `'${m.replace(/'/g, "''")}'`).join(', ')}])`,
     ).join(', ')}`,
  );
  await step(
    client,
    progress,
    'Course staging',
    `CREATE UNLOGGED TABLE bench.k AS
     SELECT c, ${municipalityIndex('d_org')} AS org,
       DATE '${FIRST_DAY}' + 150 + floor(d_start * ${DAY_COUNT - 300})::int AS starts_on,
       -- Most courses meet weekly; four in ten fortnightly (VIVE's group-course evaluation: at least every 14 days).
       CASE WHEN d_gap < 0.6 THEN 7 ELSE 14 END AS gap,
       (d_plan < 0.5)::int AS plan,
       6 + floor(d_size * 3)::int AS size
     FROM (SELECT c, ${R('c', 30)} AS d_org, ${R('c', 31)} AS d_start, ${R('c', 32)} AS d_gap, ${R('c', 33)} AS d_plan,
                  ${R('c', 34)} AS d_size
           FROM generate_series(0, ${NC - 1}) c OFFSET 0) d`,
  );
  await step(
    client,
    progress,
    'Courses',
    `INSERT INTO "Course" (id, "organizationId", "modulePlanId", name, venue, "startsOn", "createdAt")
     SELECT bench.id('course', c), ${orgId('org')}, bench.id('plan', plan), 'Forløb ' || (c + 1), 'Mødelokale',
            starts_on, starts_on - 30
     FROM bench.k`,
  );
  await step(
    client,
    progress,
    'Course sessions',
    `INSERT INTO "CourseSession" (id, "courseId", number, date, title)
     SELECT bench.id('session', c * 10 + n), bench.id('course', c), n,
            starts_on + (n - 1) * gap + CASE WHEN n > 1 AND ${R('c * 10 + n', 35)} < 0.1 THEN 2 ELSE 0 END,
            (SELECT modules[n] FROM "ModulePlan" WHERE id = bench.id('plan', plan))
     FROM bench.k, generate_series(1, 10) n`,
  );
  await step(
    client,
    progress,
    'Enrolment staging',
    `CREATE UNLOGGED TABLE bench.e AS
     SELECT (row_number() OVER (ORDER BY k.c, slot) - 1)::bigint AS e, k.c, k.org, k.starts_on, k.gap
     FROM bench.k k, generate_series(1, k.size) slot`,
  );
  await client.query('ALTER TABLE bench.e ADD COLUMN withdraw_after int, ADD COLUMN wait int');
  await client.query(`
    UPDATE bench.e SET
      -- About one in eight drops out, after one to five sessions.
      withdraw_after = CASE WHEN ${R('e', 40)} < 0.12 THEN 1 + floor(${R('e', 41)} * 5)::int END,
      -- Waiting times are skewed: most wait a few weeks, some several months.
      wait = 5 + floor(power(${R('e', 42)}, 2) * 150)::int;
  `);
  // ── Intake: enrolled people first (registered before their course), then everyone else ──
  const heardFrom = `ARRAY(SELECT h.code FROM (VALUES ${HEARD_FROM_SHARE.map(
    ([code, share], index) => `(${sqlLiteral(code)}, ${share}, ${200 + index})`,
  ).join(', ')}) h(code, share, salt) WHERE bench.r(i, h.salt) < h.share)`;
  // Every status of the domain's list that is neither "not relevant" nor "ongoing".
  const stoppedStatuses = VIOLENCE_STATUS.map((status) => status.code as string).filter(
    (code) => code !== 'NOT_RELEVANT' && code !== 'ONGOING',
  );
  const violenceStatus = `(SELECT jsonb_object_agg(f.form,
       CASE WHEN bench.r(i, f.salt) >= f.share THEN 'NOT_RELEVANT'
            WHEN bench.r(i, f.salt + 50) < f.ongoing THEN 'ONGOING'
            ELSE (ARRAY[${stoppedStatuses.map(sqlLiteral).join(', ')}])[1 + floor(bench.r(i, f.salt + 60) * ${stoppedStatuses.length})::int] END)
     FROM (VALUES ${VIOLENCE_FORM_SHARE.map(
       ([form, share, ongoing], index) => `(${sqlLiteral(form)}, ${share}, ${ongoing}, ${300 + index})`,
     ).join(', ')}) f(form, share, ongoing, salt))`;
  await step(
    client,
    progress,
    'Intake staging',
    `CREATE UNLOGGED TABLE bench.i AS
     SELECT i, coalesce(e.org, ${municipalityIndex(R('i', 70))}) AS org,
       CASE WHEN e.e IS NOT NULL THEN e.starts_on - e.wait
            ELSE DATE '${FIRST_DAY}' + floor(${R('i', 71)} * ${DAY_COUNT})::int END AS registered_on,
       e.e IS NOT NULL AS enrolled,
       ${weightedChoiceSql('d_gender', INTAKE_GENDER_WEIGHTS)} AS gender,
       18 + floor(power(d_age, 1.3) * 60)::int AS age,
       CASE WHEN e.e IS NOT NULL THEN ARRAY['GROUP_COURSE']
            WHEN d_route < 0.1 THEN ARRAY['GROUP_COURSE']
            ELSE ARRAY[${weightedChoiceSql('d_route2', NON_GROUP_ROUTE_WEIGHTS)}] END AS referred_to
     FROM (SELECT i, ${R('i', 72)} AS d_gender, ${R('i', 73)} AS d_age, ${R('i', 74)} AS d_route,
                  ${R('i', 75)} AS d_route2
           FROM generate_series(0, ${NI - 1}) i OFFSET 0) d
     LEFT JOIN bench.e e ON e.e = d.i`,
  );
  await step(
    client,
    progress,
    'Persons (intake)',
    `INSERT INTO "Person" (id, "organizationId", pseudonym, gender, "birthYear", "createdAt", "recordKey")
     SELECT bench.id('intake-person', i), ${orgId('org')}, 'I' || i, gender::"Gender",
            extract(year FROM registered_on)::int - age, registered_on, ${recordKey('i', 91)}
     FROM bench.i`,
  );
  await step(
    client,
    progress,
    'Enrolments',
    `INSERT INTO "Enrolment" (id, "organizationId", "courseId", "personId", "participantCode", "enrolledAt",
       "withdrawnOn", "followUpStatus", "followUpOn")
     SELECT bench.id('enrolment', e), ${orgId('org')}, bench.id('course', c), bench.id('intake-person', e),
       'BX-' || e, starts_on - 3,
       CASE WHEN withdraw_after IS NOT NULL THEN starts_on + withdraw_after * gap END,
       (CASE WHEN withdraw_after IS NULL THEN
          CASE WHEN ${R('e', 43)} < 0.5 THEN 'HELD' WHEN ${R('e', 43)} < 0.85 THEN 'CANCELLED' ELSE 'BOOKED' END
        END)::"FollowUpStatus",
       CASE WHEN withdraw_after IS NULL THEN starts_on + 9 * gap + 30 END
     FROM bench.e`,
  );
  await step(
    client,
    progress,
    'Attendance',
    `INSERT INTO "Attendance" ("sessionId", "enrolmentId", present, "recordedAt")
     SELECT bench.id('session', c * 10 + n), bench.id('enrolment', e),
            n = 1 OR ${R('e * 10 + n', 44)} < 0.87, starts_on + (n - 1) * gap + interval '20 hours'
     FROM bench.e, generate_series(1, coalesce(withdraw_after, 10)) n`,
  );

  // INSPIRE items 1-5 from a latent level; end forms about 0.8 category higher (VIVE's group-course evaluation).
  const item = (level: string, salt: string) =>
    `greatest(1, least(5, round(${level} + (bench.r(e, ${salt}) - 0.5) * 1.6)))::int`;
  const inspireItems = (prefix: string, level: string, saltBase: number, missingDraw: string) =>
    [1, 2, 3, 4, 5]
      .map(
        (k) =>
          `'${prefix}_${k}', CASE WHEN ${k} = 5 AND ${missingDraw} < 0.02 THEN NULL ELSE ${item(level, String(saltBase + k))} END`,
      )
      .join(', ');
  const baselineOLevel = `(1.8 + 2.2 * ${R('e', 45)})`;
  const baselineLeaderLevel = `(2.4 + 2.0 * ${R('e', 46)})`;
  const endOLevel = `(${baselineOLevel} + 0.8 + (${R('e', 47)} - 0.5) * 1.2)`;
  const endLeaderLevel = `(${baselineLeaderLevel} + 0.5 + (${R('e', 48)} - 0.5) * 1.2)`;
  await step(
    client,
    progress,
    'Baseline forms',
    `INSERT INTO "QuestionnaireResponse" (id, "organizationId", "courseId", "participantCode", kind, "submittedAt",
       answers, "inspireOScore", "inspireScore")
     SELECT id, org_id, course_id, code, 'BASELINE', submitted, answers,
            bench.inspire_score(answers, 'inspire_o'), bench.inspire_score(answers, 'inspire')
     FROM (
       SELECT bench.id('baseline', e) AS id, ${orgId('org')} AS org_id, bench.id('course', c) AS course_id,
              'BX-' || e AS code, starts_on + interval '18 hours' AS submitted,
              jsonb_strip_nulls(jsonb_build_object(${inspireItems('inspire_o', baselineOLevel, 100, R('e', 60))},
                                                   ${inspireItems('inspire', baselineLeaderLevel, 110, R('e', 61))})) AS answers
       FROM bench.e WHERE ${R('e', 49)} < 0.95
     ) f`,
  );
  const courseItems = Array.from(
    { length: 11 },
    (_, k) => `'course_${k + 1}', ${item(`(3.1 + 1.6 * ${R('e', 62)})`, String(130 + k))}`,
  ).join(', ');
  await step(
    client,
    progress,
    'End forms',
    `INSERT INTO "QuestionnaireResponse" (id, "organizationId", "courseId", "participantCode", kind, "submittedAt",
       answers, "inspireOScore", "inspireScore")
     SELECT id, org_id, course_id, code, 'END', submitted, answers,
            bench.inspire_score(answers, 'inspire_o'), bench.inspire_score(answers, 'inspire')
     FROM (
       SELECT bench.id('end', e) AS id, ${orgId('org')} AS org_id, bench.id('course', c) AS course_id,
              'BX-' || e AS code, starts_on + 9 * gap + interval '18 hours' AS submitted,
              jsonb_strip_nulls(jsonb_build_object(${inspireItems('inspire_o', endOLevel, 120, R('e', 63))},
                                                   ${inspireItems('inspire', endLeaderLevel, 125, R('e', 64))})
                 || jsonb_build_object(${courseItems})
                 || jsonb_build_object('sessions_attended',
                      (SELECT count(*) FROM "Attendance" a
                       WHERE a."enrolmentId" = bench.id('enrolment', e) AND a.present))) AS answers
       FROM bench.e WHERE withdraw_after IS NULL AND ${R('e', 50)} < 0.9
     ) f`,
  );

  await step(
    client,
    progress,
    'Intake registrations',
    `INSERT INTO "IntakeRegistration" (id, "organizationId", "personId", "registeredOn", answers, gender, "ageYears",
       "heardFrom", "referredTo", "createdAt")
     SELECT bench.id('intake', i), ${orgId('org')}, bench.id('intake-person', i), registered_on,
       jsonb_strip_nulls(jsonb_build_object('gender', gender, 'age', age, 'heard_from', to_jsonb(heard),
         'violence_status', status, 'sara_done', CASE WHEN ${R('i', 76)} < 0.9 THEN 'YES' ELSE 'NO' END,
         'referred_to', to_jsonb(referred_to),
         -- The form asks for a few words when "other" is chosen; synthetic people give a fixed text.
         'heard_from_other', CASE WHEN 'OTHER' = ANY (heard) THEN 'Anden vej (syntetisk)' END,
         'referred_to_other', CASE WHEN 'OTHER_SUPPORT' = ANY (referred_to) THEN 'Anden støtte (syntetisk)' END)),
       gender::"Gender", age, heard, referred_to::"RiskRoute"[], registered_on
     FROM (SELECT *, coalesce(nullif(${heardFrom}, '{}'), ARRAY['OTHER']) AS heard, ${violenceStatus} AS status
           FROM bench.i OFFSET 0) x`,
  );
  await step(
    client,
    progress,
    'Waiting list',
    `INSERT INTO "WaitingListEntry" (id, "organizationId", "personId", since, "leftOn", "leftReason")
     SELECT bench.id('waiting', x.i), ${orgId('x.org')}, bench.id('intake-person', x.i), x.registered_on,
       CASE WHEN x.enrolled THEN e.starts_on - 3
            WHEN x.registered_on > ${lastDay} - 90 THEN NULL
            ELSE x.registered_on + 30 + floor(${R('x.i', 77)} * 90)::int END,
       CASE WHEN x.enrolled THEN 'ENROLLED' WHEN x.registered_on > ${lastDay} - 90 THEN NULL ELSE 'LEFT' END
     FROM bench.i x LEFT JOIN bench.e e ON e.e = x.i
     WHERE 'GROUP_COURSE' = ANY (referred_to)`,
  );

  // ── Cost inputs: one row per organisation, model and year ─────────────
  // The domain's own inputs (the Projekt Opsøgende Indsats evaluation Table 2 for outreach, Køge's example for courses) with
  // this organisation's own volumes for the year: referrals, courses run and completers.
  const started = performance.now();
  await client.query(
    `INSERT INTO "CostInput" (id, "organizationId", model, year, "ruleVersion", inputs)
     WITH referrals AS (SELECT "organizationId" AS org, extract(year FROM "createdAt")::int AS y, count(*)::int AS n
                        FROM "Referral" GROUP BY 1, 2)
     SELECT md5('cost:' || o.id || ':OUTREACH:' || g.year)::uuid, o.id, 'OUTREACH', g.year, $2,
            $1::jsonb || jsonb_build_object('referralsPerYear', r.n)
     FROM "Organization" o CROSS JOIN generate_series(2016, 2025) AS g(year)
     LEFT JOIN referrals r ON r.org = o.id AND r.y = g.year
     WHERE o.kind <> 'SHELTER'`,
    [JSON.stringify(DEFAULT_OUTREACH_INPUTS), CURRENT_COST_RULE_SET_ID],
  );
  await client.query(
    `INSERT INTO "CostInput" (id, "organizationId", model, year, "ruleVersion", inputs)
     WITH courses AS (SELECT "organizationId" AS org, extract(year FROM "startsOn")::int AS y, count(*)::int AS n
                      FROM "Course" GROUP BY 1, 2),
          completers AS (SELECT "organizationId" AS org, extract(year FROM "submittedAt")::int AS y, count(*)::int AS n
                         FROM "QuestionnaireResponse" WHERE kind = 'END' GROUP BY 1, 2)
     SELECT md5('cost:' || o.id || ':GROUP_COURSE:' || c.y)::uuid, o.id, 'GROUP_COURSE', c.y, $2,
            $1::jsonb || jsonb_build_object('coursesPerYear', c.n, 'completersPerYear', coalesce(x.n, 0))
     FROM "Organization" o JOIN courses c ON c.org = o.id
     LEFT JOIN completers x ON x.org = o.id AND x.y = c.y`,
    [JSON.stringify(KOEGE_EXAMPLE_INPUTS), CURRENT_COST_RULE_SET_ID],
  );
  progress(`Cost inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await client.query('DROP TABLE bench.i, bench.e, bench.k');
  await fillHateCrime(client, parameters, progress);
  await fillShelterStays(client, parameters, progress);
  await fillAftercareCostInputs(client, progress);
  await fillReachAnswers(client, progress);
  if (options.tuneSession) await client.query('RESET session_replication_role');
  await step(
    client,
    progress,
    'VACUUM ANALYZE (visibility map for index-only scans, planner statistics)',
    'VACUUM ANALYZE',
  );
  await client.query('UPDATE bench.dataset SET completed_at = now()');
}

const benchOrg = (index: string): string => `bench.id('org', ${index})`;
const LAST_DAY = `(DATE '${FIRST_DAY}' + ${DAY_COUNT - 1})`;

/**
 * Hate-crime aftercare (the Copenhagen hate-crime pre-study): cases at the victim-counselling service, a needs assessment
 * with the survey's shares, referrals with consent to the tracks asked for (legal/financial at
 * one NGO, individual psychological sessions at another), legal tasks opened and closed with an
 * outcome, sessions counted. Group places (an enrolment in a psychologist-led course) are not
 * generated: the bench's courses are the group-course model's.
 */
async function fillHateCrime(client: SqlRunner, parameters: DatasetParameters, progress: Progress) {
  const NH = parameters.hateCrimeCases;
  const share = (code: string) => HATE_CRIME_NEEDS.find((need) => need.code === code)?.preStudyShare ?? 0;
  const answer = (draw: string, need: string) =>
    `CASE WHEN ${draw} < ${share(need) * HATE_CRIME_CERTAINLY_SHARE_OF_NEED} THEN 'CERTAINLY'
          WHEN ${draw} < ${share(need)} THEN 'MAYBE' ELSE 'NO' END`;
  await step(
    client,
    progress,
    'Hate-crime staging',
    `CREATE UNLOGGED TABLE bench.h AS
     SELECT i, opened_on, opened_on + floor(d_assess * 7)::int AS assessed_on, entry,
            ${answer('d_psy', 'INDIVIDUAL_PSYCHOLOGIST')} AS need_psy,
            ${answer('d_legal', 'LEGAL_FINANCIAL')} AS need_legal,
            ${answer('d_group', 'GROUP')} AS need_group,
            d_k1 < 0.6 OR (d_k2 >= 0.3 AND d_k3 >= 0.45 AND d_k4 >= 0.35) AS k_claim,
            d_k2 < 0.3 AS k_earnings, d_k3 < 0.45 AS k_report, d_k4 < 0.35 AS k_authority
     FROM (SELECT i, DATE '${FIRST_DAY}' + floor(${R('i', 400)} * ${DAY_COUNT})::int AS opened_on,
                  ${R('i', 401)} AS d_assess, ${R('i', 402)} AS d_psy, ${R('i', 403)} AS d_legal,
                  ${R('i', 404)} AS d_group, ${R('i', 405)} AS d_k1, ${R('i', 406)} AS d_k2,
                  ${R('i', 407)} AS d_k3, ${R('i', 408)} AS d_k4,
                  ${weightedChoiceSql(R('i', 409), HATE_CRIME_ENTRY_WEIGHTS)} AS entry
           FROM generate_series(0, ${NH - 1}) i OFFSET 0) d
     WHERE opened_on + 7 <= ${LAST_DAY}`,
  );
  const sender = benchOrg(String(HATE_CRIME_ORGS.sender));
  await step(
    client,
    progress,
    'Hate-crime persons',
    `INSERT INTO "Person" (id, "organizationId", pseudonym, "createdAt", "recordKey")
     SELECT bench.id('hc-person', i), ${sender}, 'H' || i, opened_on, ${recordKey('i', 94)} FROM bench.h`,
  );
  // Separate statements: the record-key triggers read the person (and the case) the one before wrote.
  await client.query(
    `INSERT INTO "HateCrimeAftercareCase" (id, "organizationId", "personId", "entryPoint", "otherEntryText",
       "openedOn", "createdAt", "recordKey")
     SELECT bench.id('hc-case', i), ${sender}, bench.id('hc-person', i), entry::"HateCrimeEntryPoint",
            CASE WHEN entry = 'OTHER' THEN 'Anden vej (syntetisk)' END, opened_on, opened_on, ${recordKey('i', 94)}
     FROM bench.h`,
  );
  await client.query(
    `INSERT INTO "HateCrimeNeedsAssessment" (id, "organizationId", "caseId", "assessedOn",
       "needIndividualPsychologist", "needLegalFinancial", "needGroup")
     SELECT bench.id('hc-needs', i), ${sender}, bench.id('hc-case', i), assessed_on,
            need_psy::"HateCrimeNeedAnswer", need_legal::"HateCrimeNeedAnswer", need_group::"HateCrimeNeedAnswer"
     FROM bench.h`,
  );
  // One referral per track asked for (t = 0 legal/financial, 1 psychological), sent a few days
  // after the assessment; what became of it from the weights; support starts 2-40 days later.
  await step(
    client,
    progress,
    'Hate-crime referrals',
    `CREATE UNLOGGED TABLE bench.hr AS
     SELECT h.*, t, sent_on, result,
            CASE WHEN result IN ('STARTED', 'COMPLETED', 'WITHDRAWN_AFTER_START')
                  AND sent_on + start_gap <= ${LAST_DAY} THEN sent_on + start_gap END AS started_on,
            sent_on + start_gap + 20 + floor(${R('h.i * 2 + t', 413)} * 100)::int AS ends_on
     FROM bench.h h
     CROSS JOIN generate_series(0, 1) t
     CROSS JOIN LATERAL (
       SELECT h.assessed_on + floor(${R('h.i * 2 + t', 410)} * 5)::int AS sent_on,
              2 + floor(power(${R('h.i * 2 + t', 411)}, 2) * 38)::int AS start_gap,
              ${weightedChoiceSql(R('h.i * 2 + t', 412), HATE_CRIME_REFERRAL_RESULT_WEIGHTS)} AS result
     ) x
     WHERE (t = 0 AND h.need_legal <> 'NO') OR (t = 1 AND h.need_psy <> 'NO')`,
  );
  const receiver = `CASE WHEN t = 0 THEN ${benchOrg(String(HATE_CRIME_ORGS.legal))} ELSE ${benchOrg(String(HATE_CRIME_ORGS.psychological))} END`;
  const status = `CASE WHEN started_on IS NOT NULL THEN CASE WHEN result = 'COMPLETED' AND ends_on <= ${LAST_DAY} THEN 'COMPLETED' ELSE 'STARTED' END
                       WHEN result IN ('STARTED', 'COMPLETED') THEN 'ACCEPTED'
                       WHEN sent_on + 14 > ${LAST_DAY} THEN 'SENT'
                       ELSE result END`;
  await client.query(
    `INSERT INTO "HateCrimeReferral" (id, "organizationId", "senderOrganizationId", "caseId", track, status, "sentOn",
       "statusChangedOn", "startedOn", "consentGivenAt", "needFirmness", alias, phone, "legalTaskKinds",
       "psychologicalForms", "createdAt", "recordKey")
     SELECT bench.id('hc-referral', i * 2 + t), ${receiver}, ${sender}, bench.id('hc-case', i),
            (CASE WHEN t = 0 THEN 'LEGAL_FINANCIAL' ELSE 'PSYCHOLOGICAL' END)::"HateCrimeTrack",
            (${status})::"HateCrimeReferralStatus", sent_on,
            least(${LAST_DAY}, coalesce(CASE WHEN ${status} = 'COMPLETED' THEN ends_on END, started_on, sent_on + 3)),
            started_on, sent_on - 1 + interval '14 hours',
            (CASE WHEN t = 0 THEN need_legal ELSE need_psy END)::"HateCrimeNeedAnswer",
            'Person ' || i, '+45' || lpad((30000000 + i)::text, 8, '0'),
            CASE WHEN t = 0 THEN array_remove(ARRAY[
              CASE WHEN k_claim THEN 'COMPENSATION_CLAIM' END, CASE WHEN k_earnings THEN 'LOST_EARNINGS' END,
              CASE WHEN k_report THEN 'REPORT_AND_CRIMINAL_CASE' END, CASE WHEN k_authority THEN 'AUTHORITY_CONTACT' END],
              NULL)::"LegalTaskKind"[] ELSE '{}' END,
            CASE WHEN t = 1 THEN ARRAY['INDIVIDUAL_SESSIONS']::"PsychologicalSupportForm"[] ELSE '{}' END,
            sent_on, ${recordKey('i', 94)}
     FROM bench.hr`,
  );
  // Legal tasks: one per kind asked for, opened in the first days of the support, closed 20-170
  // days later with an outcome that fits the kind (only claims are granted or refused).
  const kinds = `(VALUES (0, 'COMPENSATION_CLAIM'), (1, 'LOST_EARNINGS'), (2, 'REPORT_AND_CRIMINAL_CASE'), (3, 'AUTHORITY_CONTACT'))`;
  await step(
    client,
    progress,
    'Hate-crime legal tasks',
    `INSERT INTO "HateCrimeLegalTask" (id, "organizationId", "referralId", kind, status, "openedOn", "closedOn", outcome)
     SELECT bench.id('hc-task', i * 4 + n), ${benchOrg(String(HATE_CRIME_ORGS.legal))}, bench.id('hc-referral', i * 2),
            kind::"LegalTaskKind",
            (CASE WHEN closes_on <= ${LAST_DAY} THEN 'CLOSED' WHEN opens_on + 7 <= ${LAST_DAY} THEN 'IN_PROGRESS'
                  ELSE 'OPENED' END)::"LegalTaskStatus",
            opens_on, CASE WHEN closes_on <= ${LAST_DAY} THEN closes_on END,
            (CASE WHEN closes_on > ${LAST_DAY} THEN NULL
                  WHEN kind IN ('COMPENSATION_CLAIM', 'LOST_EARNINGS') THEN ${weightedChoiceSql('d_outcome', CLAIM_OUTCOME_WEIGHTS)}
                  ELSE ${weightedChoiceSql('d_outcome', OTHER_TASK_OUTCOME_WEIGHTS)} END)::"LegalTaskOutcome"
     FROM (
       SELECT hr.i, k.n, k.kind, ${R('hr.i * 4 + k.n', 420)} AS d_outcome,
              least(${LAST_DAY}, hr.started_on + floor(${R('hr.i * 4 + k.n', 421)} * 10)::int) AS opens_on,
              hr.started_on + 20 + floor(${R('hr.i * 4 + k.n', 422)} * 150)::int AS closes_on
       FROM bench.hr hr CROSS JOIN ${kinds} AS k(n, kind)
       WHERE hr.t = 0 AND hr.started_on IS NOT NULL
         AND CASE k.n WHEN 0 THEN hr.k_claim WHEN 1 THEN hr.k_earnings WHEN 2 THEN hr.k_report ELSE hr.k_authority END
     ) x`,
  );
  await step(
    client,
    progress,
    'Hate-crime psychological sessions',
    `INSERT INTO "HateCrimePsychologicalSupport" (id, "organizationId", "referralId", form, "sessionsHeld",
       "lastSessionOn", "startedOn", "closedOn")
     SELECT bench.id('hc-support', i), ${benchOrg(String(HATE_CRIME_ORGS.psychological))}, bench.id('hc-referral', i * 2 + 1),
            'INDIVIDUAL_SESSIONS', sessions,
            CASE WHEN sessions > 0 THEN least(${LAST_DAY}, started_on + 7 * (sessions - 1)) END,
            started_on, CASE WHEN result = 'COMPLETED' AND ends_on <= ${LAST_DAY} THEN ends_on END
     FROM (SELECT hr.*, floor(power(${R('hr.i', 430)}, 0.8) * 13)::int AS sessions FROM bench.hr hr
           WHERE hr.t = 1 AND hr.started_on IS NOT NULL) x`,
  );
  await client.query('DROP TABLE bench.h, bench.hr');
}

/**
 * The aftercare models' cost inputs, one row per organisation that runs the model and year it ran,
 * as its lead would enter them (the cost screen's fields; the counted divisors are never entered).
 * Proportionate to the organisation's own volume that year, so the per-head amounts stay level
 * across years and scales:
 * - hate crime, at the sending organisation, per aftercare case opened in the year: 8,000 kr of
 *   legal and financial counselling, 10,000 kr of psychological support and 4,000 kr of assessment
 *   and coordination (22,000 kr, inside the Copenhagen hate-crime pre-study's 10,000-40,000 kr per
 *   victim: 1-2 M kr a year for 50-100 victims; at scale 1, 75 cases, 1.65 M kr), a budget 10 %
 *   above for the two years the pre-study asks for, capacity a fifth above the cases;
 * - shelter aftercare, per shelter, per move-out in the year (the planned move-outs size the § 109
 *   counselling hours): 8 counselling hours at the VIVE evaluation's 415 kr an hour (the start
 *   inputs' rate), 6 psychologist hours at 900 kr, 3,000 kr of start-up help and 1,500 kr to
 *   civil-society aftercare, and 20,000 kr of other costs a year (ours: the Red Cross aftercare
 *   paper gives volumes only).
 * Ids are hashes of organisation, model and year: the same on every run. No draws.
 */
async function fillAftercareCostInputs(client: SqlRunner, progress: Progress) {
  const started = performance.now();
  await client.query(
    `INSERT INTO "CostInput" (id, "organizationId", model, year, "ruleVersion", inputs)
     SELECT md5('cost:' || c.org || ':HATE_CRIME_AFTERCARE:' || c.y)::uuid, c.org, 'HATE_CRIME_AFTERCARE', c.y, $1,
            jsonb_build_object('ruleSetId', $1::text, 'legalFinancialYearly', 8000 * c.n,
              'psychologicalYearly', 10000 * c.n, 'otherYearly', 4000 * c.n, 'victimsPerYear', 0,
              'yearlyBudget', round(22000 * c.n * 1.1), 'budgetYears', 2, 'capacityPerYear', ceil(c.n * 1.2)::int)
     FROM (SELECT "organizationId" AS org, extract(year FROM "openedOn")::int AS y, count(*)::int AS n
           FROM "HateCrimeAftercareCase" GROUP BY 1, 2) c`,
    [CURRENT_COST_RULE_SET_ID],
  );
  await client.query(
    `INSERT INTO "CostInput" (id, "organizationId", model, year, "ruleVersion", inputs)
     SELECT md5('cost:' || m.org || ':SHELTER_AFTERCARE:' || m.y)::uuid, m.org, 'SHELTER_AFTERCARE', m.y, $1,
            jsonb_build_object('ruleSetId', $1::text, 'moveOutsPerYear', m.n, 'counsellingHoursPerMoveOut', 8,
              'counsellingHourlyRate', $2::numeric, 'psychologistHoursPerYear', 6 * m.n, 'psychologistHourlyRate', 900,
              'startUpHelpPerYear', 3000 * m.n, 'civilSocietyPerYear', 1500 * m.n, 'otherYearly', 20000)
     FROM (SELECT "organizationId" AS org, extract(year FROM "movedOutOn")::int AS y, count(*)::int AS n
           FROM "ShelterStay" WHERE "movedOutOn" IS NOT NULL GROUP BY 1, 2) m`,
    [CURRENT_COST_RULE_SET_ID, SHELTER_AFTERCARE_START_INPUTS.counsellingHourlyRate],
  );
  progress(`Aftercare cost inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Aftercare after a shelter stay (the Red Cross aftercare paper): women with one to three stays at the system's
 * shelters, about a quarter of stays a repeat, fewer after aftercare; a few transfers; children
 * as persons linked to the stay; the § 109 checklist, psychologist hours, civil-society
 * referrals and start-up help of each move-out, consistent with whether aftercare followed it.
 */
/**
 * Who we reach (issue 14): optional coded answers on 70 % of the reached outreach cases and 80 %
 * of the intake registrations, as staff record them when the conversation has told them (many left
 * empty). Added last, from draws of their own (salts 601-615), so every other row stays as it was.
 */
async function fillReachAnswers(client: SqlRunner, progress: Progress) {
  const answers = (i: string, salt: number) => `
    CASE WHEN ${R(i, salt)} < 0.78 THEN 'da' WHEN ${R(i, salt)} < 0.86 THEN 'ar' WHEN ${R(i, salt)} < 0.9 THEN 'pl'
         WHEN ${R(i, salt)} < 0.93 THEN 'tr' WHEN ${R(i, salt)} < 0.95 THEN 'other' END,
    (CASE WHEN ${R(i, salt + 1)} < 0.08 THEN 'YES' WHEN ${R(i, salt + 1)} < 0.7 THEN 'NO' END)::"ReachAnswer",
    (CASE WHEN ${R(i, salt + 2)} < 0.35 THEN 'YES' WHEN ${R(i, salt + 2)} < 0.8 THEN 'NO'
          WHEN ${R(i, salt + 2)} < 0.85 THEN 'NOT_KNOWN' END)::"ReachAnswer",
    (CASE WHEN ${R(i, salt + 3)} < 0.04 THEN 'YES' WHEN ${R(i, salt + 3)} < 0.8 THEN 'NO' END)::"ReachAnswer",
    (CASE WHEN ${R(i, salt + 4)} < 0.09 THEN 'YES' WHEN ${R(i, salt + 4)} < 0.75 THEN 'NO'
          WHEN ${R(i, salt + 4)} < 0.8 THEN 'NOT_KNOWN' END)::"ReachAnswer"`;
  const COLUMNS = `"preferredLanguage", "interpreterNeeded", "childrenAffected", "sameSexRelationship", "mutualViolence"`;
  await step(
    client,
    progress,
    'Reach answers (outreach)',
    `INSERT INTO "ReachAnswers" (id, "organizationId", "outreachCaseId", ${COLUMNS})
     SELECT bench.id('reach-case', s.i), s.org, s.id, ${answers('s.i', 602)}
     FROM (SELECT c.id, c."organizationId" AS org, row_number() OVER (ORDER BY c.id) AS i
           FROM "OutreachCase" c WHERE c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF')) s
     WHERE ${R('s.i', 601)} < 0.7`,
  );
  await step(
    client,
    progress,
    'Reach answers (intake)',
    `INSERT INTO "ReachAnswers" (id, "organizationId", "intakeRegistrationId", ${COLUMNS})
     SELECT bench.id('reach-intake', s.i), s.org, s.id, ${answers('s.i', 609)}
     FROM (SELECT r.id, r."organizationId" AS org, row_number() OVER (ORDER BY r.id) AS i
           FROM "IntakeRegistration" r) s
     WHERE ${R('s.i', 608)} < 0.8`,
  );
}

async function fillShelterStays(client: SqlRunner, parameters: DatasetParameters, progress: Progress) {
  const NW = parameters.shelterWomen;
  const S = shelterCount(parameters);
  const shelter = (index: string) => benchOrg(`${FIRST_SHELTER} + ${index}`);
  // Per woman the three possible stays, each from the one before: length of stay, aftercare,
  // a transfer or a return (likelier without aftercare), the gap before the next admission.
  const stay = (k: number) => {
    const row = `(w.j * 4 + ${k})`;
    return {
      length: `20 + floor(power(${R(row, 501)}, 1.6) * 220)::int`,
      aftercare: `${R(row, 502)} < ${AFTERCARE_SHARE}`,
      transfer: `${R(row, 503)} < ${TRANSFER_SHARE}`,
      returns: `${R(row, 504)}`,
      gap: `7 + floor(power(${R(row, 505)}, 1.7) * 1100)::int`,
      transferGap: `floor(${R(row, 506)} * 2)::int`,
      other: `floor(${R(row, 507)} * ${S})::int`,
    };
  };
  const [s1, s2, s3] = [stay(1), stay(2), stay(3)];
  await step(
    client,
    progress,
    'Shelter stay staging',
    `CREATE UNLOGGED TABLE bench.s AS
     WITH w AS (
       SELECT j, floor(${R('j', 500)} * ${S})::int AS home, ${R('j', 508)} < ${PERSON_KEY_SHARE} AS has_key,
              DATE '${FIRST_DAY}' + floor(${R('j', 509)} * ${DAY_COUNT})::int AS first_admitted
       FROM generate_series(0, ${NW - 1}) j
     ),
     chain AS (
       SELECT w.*,
              ${s1.aftercare} AS aft1, ${s1.transfer} AS tr1, ${s1.length} AS len1,
              ${s2.aftercare} AS aft2, ${s2.transfer} AS tr2, ${s2.length} AS len2,
              ${s3.aftercare} AS aft3, ${s3.length} AS len3,
              CASE WHEN ${s1.transfer} THEN ${s1.transferGap} ELSE ${s1.gap} END AS gap1,
              CASE WHEN ${s2.transfer} THEN ${s2.transferGap} ELSE ${s2.gap} END AS gap2,
              ${s1.transfer} OR ${s1.returns} < CASE WHEN ${s1.aftercare} THEN ${RETURN_SHARE.withAftercare} ELSE ${RETURN_SHARE.withoutAftercare} END AS back1,
              ${s2.transfer} OR ${s2.returns} < CASE WHEN ${s2.aftercare} THEN ${RETURN_SHARE.withAftercare} ELSE ${RETURN_SHARE.withoutAftercare} END AS back2,
              ${s2.other} AS other2, ${s3.other} AS other3,
              ${R('(w.j * 4 + 2)', 510)} < 0.5 AS home2, ${R('(w.j * 4 + 3)', 510)} < 0.5 AS home3
       FROM w
     ),
     dated AS (
       SELECT c.*, first_admitted AS a1, first_admitted + len1 AS m1,
              first_admitted + len1 + gap1 AS a2, first_admitted + len1 + gap1 + len2 AS m2,
              first_admitted + len1 + gap1 + len2 + gap2 AS a3, first_admitted + len1 + gap1 + len2 + gap2 + len3 AS m3
       FROM chain c
     )
     SELECT j, k, has_key, planned, aftercare,
            CASE WHEN k = 1 THEN home
                 WHEN transferred THEN (previous_shelter + 1 + other % ${Math.max(1, S - 1)}) % ${S}
                 WHEN at_home THEN home ELSE other END AS shelter,
            admitted, CASE WHEN moved_out <= ${LAST_DAY} THEN moved_out END AS moved_out,
            ${weightedChoiceSql(R('(j * 4 + k)', 511), CHILDREN_WEIGHTS)}::int AS children
     FROM dated d
     CROSS JOIN LATERAL (VALUES
       (1, a1, m1, a1 + len1, aft1, false, home, 0, true),
       (2, a2, m2, a2 + len2, aft2, tr1, home, other2, home2),
       (3, a3, m3, a3 + len3, aft3, tr2, CASE WHEN tr1 THEN (home + 1 + other2 % ${Math.max(1, S - 1)}) % ${S} WHEN home2 THEN home ELSE other2 END, other3, home3)
     ) AS v(k, admitted, moved_out, planned, aftercare, transferred, previous_shelter, other, at_home)
     WHERE admitted <= ${LAST_DAY} AND (k = 1 OR (k = 2 AND back1) OR (k = 3 AND back1 AND back2))`,
  );
  // One Person per woman and shelter (a shelter's persons are its own); children per stay.
  await step(
    client,
    progress,
    'Shelter women',
    `INSERT INTO "Person" (id, "organizationId", pseudonym, gender, "createdAt", "recordKey")
     SELECT bench.id('woman', j * 100 + shelter), ${shelter('shelter')}, 'W' || j || '-' || shelter, 'WOMAN'::"Gender",
            min(admitted), ${recordKey('j * 100 + shelter', 95)}
     FROM bench.s GROUP BY j, shelter`,
  );
  await step(
    client,
    progress,
    'Shelter stays',
    `INSERT INTO "ShelterStay" (id, "organizationId", "personId", "personKey", "admittedOn", "plannedMoveOutOn",
       "movedOutOn", "recordKey", "createdAt")
     SELECT bench.id('stay', j * 4 + k), ${shelter('shelter')}, bench.id('woman', j * 100 + shelter),
            CASE WHEN has_key THEN md5('cpr:' || j) END, admitted, planned, moved_out,
            ${recordKey('j * 100 + shelter', 95)}, admitted
     FROM bench.s`,
  );
  // The repeat-stay flag as the gateway sets it at admission (isRepeatAdmission): an earlier
  // move-out of the same woman (her CPR hash, else her Person row) more than a day before.
  await client.query(
    `UPDATE "ShelterStay" st SET "repeatStay" = true
     FROM (SELECT id, min("movedOutOn") OVER (PARTITION BY coalesce("personKey", "personId"::text)
                                             ORDER BY "admittedOn", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS first_out
           FROM "ShelterStay") pv
     WHERE pv.id = st.id AND pv.first_out < st."admittedOn" - 1`,
  );
  await step(
    client,
    progress,
    'Shelter children',
    `INSERT INTO "Person" (id, "organizationId", pseudonym, "createdAt", "recordKey")
     SELECT bench.id('shelter-child', (j * 4 + k) * 4 + c), ${shelter('shelter')}, 'C' || ((j * 4 + k) * 4 + c), admitted,
            ${recordKey('(j * 4 + k) * 4 + c', 96)}
     FROM bench.s CROSS JOIN generate_series(1, 3) c WHERE c <= children`,
  );
  await client.query(
    `INSERT INTO "ShelterStayChild" (id, "organizationId", "stayId", "personId")
     SELECT bench.id('stay-child', (j * 4 + k) * 4 + c), ${shelter('shelter')}, bench.id('stay', j * 4 + k),
            bench.id('shelter-child', (j * 4 + k) * 4 + c)
     FROM bench.s CROSS JOIN generate_series(1, 3) c WHERE c <= children`,
  );
  // § 109: most areas done by the move-out, some only after it, the rest open; the children's
  // areas are "not relevant" without children.
  const areas = `(VALUES ${COUNSELLING_AREAS.map((area, n) => `(${n}, '${area.code}', ${area.childrenOnly})`).join(', ')})`;
  await step(
    client,
    progress,
    'Shelter § 109 checklists',
    `INSERT INTO "CounsellingItem" (id, "organizationId", "stayId", area, status, "dueOn", "completedOn")
     SELECT bench.id('counselling', (j * 4 + k) * 8 + n), ${shelter('shelter')}, bench.id('stay', j * 4 + k),
            area::"CounsellingArea", status::"CounsellingItemStatus", coalesce(moved_out, planned),
            CASE WHEN status = 'DONE' THEN done_on END
     FROM (
       SELECT s.*, a.n, a.area, x.done_on,
              CASE WHEN a.children_only AND s.children = 0 THEN 'NOT_RELEVANT'
                   WHEN x.done_on IS NOT NULL AND x.done_on <= ${LAST_DAY} THEN 'DONE'
                   WHEN ${R('(s.j * 4 + s.k) * 8 + a.n', 522)} < 0.5 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END AS status
       FROM bench.s s CROSS JOIN ${areas} AS a(n, area, children_only)
       CROSS JOIN LATERAL (SELECT CASE
           WHEN s.moved_out IS NULL THEN
             CASE WHEN ${R('(s.j * 4 + s.k) * 8 + a.n', 520)} < 0.4
                  THEN s.admitted + floor(${R('(s.j * 4 + s.k) * 8 + a.n', 521)} * (${LAST_DAY} - s.admitted + 1))::int END
           WHEN ${R('(s.j * 4 + s.k) * 8 + a.n', 520)} < ${COUNSELLING_DONE_SHARE}
             THEN s.admitted + floor(${R('(s.j * 4 + s.k) * 8 + a.n', 521)} * (s.moved_out - s.admitted + 1))::int
           WHEN ${R('(s.j * 4 + s.k) * 8 + a.n', 520)} < ${COUNSELLING_DONE_SHARE + COUNSELLING_DONE_LATE_SHARE}
             THEN s.moved_out + 1 + floor(${R('(s.j * 4 + s.k) * 8 + a.n', 521)} * 30)::int
         END AS done_on) x
     ) items`,
  );
  // Psychologist hours (10 each): after aftercare she used some and the children some; without
  // it hours may be booked, none used (aftercare received = any used, domain aftercareReceived).
  await step(
    client,
    progress,
    'Shelter psychologist hours',
    `INSERT INTO "PsychologistHours" (id, "organizationId", "stayId", "personId", role, booked, used)
     SELECT bench.id('hours', (j * 4 + k) * 4 + c), ${shelter('shelter')}, bench.id('stay', j * 4 + k),
            CASE WHEN c = 0 THEN bench.id('woman', j * 100 + shelter) ELSE bench.id('shelter-child', (j * 4 + k) * 4 + c) END,
            (CASE WHEN c = 0 THEN 'WOMAN' ELSE 'CHILD' END)::"StayPersonRole", booked, used
     FROM (
       SELECT s.*, c, 10 AS booked,
              CASE WHEN NOT s.aftercare THEN 0
                   WHEN c = 0 THEN 1 + floor(${R('(s.j * 4 + s.k) * 4 + c', 531)} * 37) / 4.0
                   ELSE floor(${R('(s.j * 4 + s.k) * 4 + c', 531)} * 41) / 4.0 END AS used
       FROM bench.s s CROSS JOIN generate_series(0, 3) c
       WHERE s.moved_out IS NOT NULL AND c <= s.children
         AND (s.aftercare OR ${R('(s.j * 4 + s.k) * 4 + c', 530)} < 0.3)
         AND (c = 0 OR ${R('(s.j * 4 + s.k) * 4 + c', 532)} < 0.6)
     ) x`,
  );
  // Civil society: offered at move-out; taken up (started, then ended) only after aftercare.
  const offers = `(VALUES ${CIVIL_SOCIETY_OFFER_SHARE.map(([code, offerShare], n) => `(${n}, '${code}', ${offerShare})`).join(', ')})`;
  await step(
    client,
    progress,
    'Shelter civil-society referrals',
    `INSERT INTO "CivilSocietyReferral" (id, "organizationId", "stayId", offer, status, "offeredOn", "consentGivenOn",
       "referredOn", "startedOn", outcome)
     SELECT bench.id('civil', (j * 4 + k) * 4 + n), ${shelter('shelter')}, bench.id('stay', j * 4 + k), offer::"CivilSocietyOffer",
            status::"CivilSocietyReferralStatus", offered_on,
            CASE WHEN status NOT IN ('OFFERED', 'DECLINED') THEN offered_on END,
            CASE WHEN status NOT IN ('OFFERED', 'DECLINED') THEN offered_on END,
            CASE WHEN status IN ('STARTED', 'ENDED') THEN starts_on END,
            (CASE WHEN status = 'ENDED' THEN CASE WHEN d < 0.8 THEN 'COMPLETED' ELSE 'STOPPED_EARLY' END
                  WHEN status = 'NOT_STARTED' THEN CASE WHEN d < 0.4 THEN 'NO_CONTACT' WHEN d < 0.6 THEN 'NO_PLACE' ELSE 'CHANGED_MIND' END
             END)::"CivilSocietyOutcome"
     FROM (
       SELECT s.j, s.k, s.shelter, o.n, o.offer, x.offered_on, x.starts_on, x.d,
              CASE WHEN s.aftercare AND x.d < 0.75 AND x.starts_on <= ${LAST_DAY}
                     THEN CASE WHEN x.starts_on + 60 <= ${LAST_DAY} THEN 'ENDED' ELSE 'STARTED' END
                   WHEN x.d < 0.3 THEN 'DECLINED'
                   WHEN x.starts_on > ${LAST_DAY} THEN 'REFERRED'
                   ELSE 'NOT_STARTED' END AS status
       FROM bench.s s CROSS JOIN ${offers} AS o(n, offer, share)
       CROSS JOIN LATERAL (SELECT greatest(s.admitted, s.moved_out - floor(${R('(s.j * 4 + s.k) * 4 + o.n', 541)} * 20)::int) AS offered_on,
                                  s.moved_out + 3 + floor(${R('(s.j * 4 + s.k) * 4 + o.n', 542)} * 30)::int AS starts_on,
                                  ${R('(s.j * 4 + s.k) * 4 + o.n', 543)} AS d) x
       WHERE s.moved_out IS NOT NULL AND ${R('(s.j * 4 + s.k) * 4 + o.n', 540)} < o.share
     ) r`,
  );
  // Start-up help: met only after aftercare (it is part of it); toys only with children.
  const needs = `(VALUES ${START_UP_NEED_SHARE.map(([code, needShare], n) => `(${n}, '${code}', ${needShare})`).join(', ')})`;
  await step(
    client,
    progress,
    'Shelter start-up help',
    `INSERT INTO "StartUpHelpNeed" (id, "organizationId", "stayId", need, status, amount)
     SELECT bench.id('start-up', (s.j * 4 + s.k) * 8 + u.n), ${shelter('s.shelter')}, bench.id('stay', s.j * 4 + s.k),
            u.need::"StartUpHelpNeedKind", x.status::"StartUpHelpStatus",
            CASE WHEN x.status = 'MET' THEN 500 + floor(${R('(s.j * 4 + s.k) * 8 + u.n', 552)} * 15000)::int END
     FROM bench.s s CROSS JOIN ${needs} AS u(n, need, share)
     CROSS JOIN LATERAL (SELECT CASE WHEN s.aftercare AND ${R('(s.j * 4 + s.k) * 8 + u.n', 551)} < 0.6 THEN 'MET'
                                     WHEN ${R('(s.j * 4 + s.k) * 8 + u.n', 551)} < 0.75 THEN 'APPLIED'
                                     WHEN ${R('(s.j * 4 + s.k) * 8 + u.n', 551)} < 0.88 THEN 'NOT_MET'
                                     ELSE 'NEEDED' END AS status) x
     WHERE s.moved_out IS NOT NULL AND ${R('(s.j * 4 + s.k) * 8 + u.n', 550)} < u.share
       AND (u.need <> 'TOYS' OR s.children > 0)`,
  );
  await client.query('DROP TABLE bench.s');
}

/** The tables the evaluation reads, for the data sizes in RESULTS.md. */
export const COUNTED_TABLES = [
  'Organization',
  'Person',
  'Incident',
  'OutreachCase',
  'CallAttempt',
  'Referral',
  'IntakeRegistration',
  'WaitingListEntry',
  'Course',
  'CourseSession',
  'Enrolment',
  'Attendance',
  'QuestionnaireResponse',
  'CostInput',
  'HateCrimeAftercareCase',
  'HateCrimeReferral',
  'HateCrimeLegalTask',
  'HateCrimePsychologicalSupport',
  'ShelterStay',
  'ShelterStayChild',
  'CounsellingItem',
  'PsychologistHours',
  'CivilSocietyReferral',
  'StartUpHelpNeed',
] as const;

export async function tableRowCounts(client: pg.Client): Promise<Array<{ table: string; rows: number }>> {
  const counts: Array<{ table: string; rows: number }> = [];
  for (const table of COUNTED_TABLES) {
    const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts.push({ table, rows: result.rows[0]?.n ?? 0 });
  }
  return counts;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scaleIndex = args.indexOf('--scale');
  const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1]) : 1;
  await ensureDataset({ scale, force: args.includes('--force') });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
