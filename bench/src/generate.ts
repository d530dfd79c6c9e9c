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
  CURRENT_COST_RULE_SET_ID,
  DEFAULT_OUTREACH_INPUTS,
  KOEGE_EXAMPLE_INPUTS,
  VIOLENCE_STATUS,
} from '@vi/domain';
import pg from 'pg';
import {
  ACCEPTANCE_FACTOR,
  AGE_RANGE_WEIGHTS,
  BURGLARY_SWITCHED_OFF_ON,
  DECLINE_REASON_WEIGHTS,
  FIGURE_3,
  GENDER_WEIGHTS,
  HEARD_FROM_SHARE,
  INCIDENT_TYPE_WEIGHTS,
  INTAKE_GENDER_WEIGHTS,
  NO_CONTACT_SHARE,
  NON_GROUP_ROUTE_WEIGHTS,
  REACHED_SHARE,
  REFERRAL_RESULT_WEIGHTS,
  ROLE_WEIGHTS,
  SURVEY_WEIGHTS,
  VIOLENCE_FORM_SHARE,
} from './proportions.ts';
import { lookupSql, sqlLiteral, weightedChoiceSql } from './weighted-choice.ts';

/** Bump when the generated data changes shape, so an old dataset is not reused. */
export const GENERATOR_VERSION = 4;

export const FIRST_DAY = '2016-01-01';
/** Ten years: 2016-01-01 up to and including 2025-12-31. */
export const DAY_COUNT = 3653;
export const MUNICIPALITY_COUNT = 98;
export const NGO_COUNT = 4;

export type DatasetParameters = {
  generatorVersion: number;
  scale: number;
  outreachCases: number;
  intakes: number;
  courses: number;
};

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
    a.courses === b.courses
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
       -- Most courses meet weekly; four in ten fortnightly (seed 002: at least every 14 days).
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

  // INSPIRE items 1-5 from a latent level; end forms about 0.8 category higher (seed 002).
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
  // The domain's own inputs (seed 001 Table 2 for outreach, Køge's example for courses) with
  // this organisation's own volumes for the year: referrals, courses run and completers.
  const started = performance.now();
  await client.query(
    `INSERT INTO "CostInput" (id, "organizationId", model, year, "ruleVersion", inputs)
     WITH referrals AS (SELECT "organizationId" AS org, extract(year FROM "createdAt")::int AS y, count(*)::int AS n
                        FROM "Referral" GROUP BY 1, 2)
     SELECT md5('cost:' || o.id || ':OUTREACH:' || g.year)::uuid, o.id, 'OUTREACH', g.year, $2,
            $1::jsonb || jsonb_build_object('referralsPerYear', r.n)
     FROM "Organization" o CROSS JOIN generate_series(2016, 2025) AS g(year)
     LEFT JOIN referrals r ON r.org = o.id AND r.y = g.year`,
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
  if (options.tuneSession) await client.query('RESET session_replication_role');
  await step(
    client,
    progress,
    'VACUUM ANALYZE (visibility map for index-only scans, planner statistics)',
    'VACUUM ANALYZE',
  );
  await client.query('UPDATE bench.dataset SET completed_at = now()');
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
