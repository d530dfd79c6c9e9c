/**
 * What `npm run bench` times: each evaluation figure through the gateway (a GraphQL document
 * for yoga.fetch) and as the fair raw SQL for the same numbers, on the same database, for
 * three selections: all organisations and years, one municipality and one year (for the
 * aftercare figures one shelter or one hate-crime track organisation and one year), and (for the
 * outreach figures) one incident type.
 *
 * "Fair raw SQL" is the best statement a careful engineer writes for the figure's numbers
 * (counts, sums, means), without GraphQL and without disclosure control. Where the gateway's
 * own statement is that, the raw side runs exactly it: the text and parameters the gateway's
 * query module builds for the same filter, captured by calling the module (rawStatements), so
 * it cannot drift from what the gateway sends. A figure has hand-written raw SQL only where
 * EXPLAIN ANALYZE on the scale-1 dataset found a faster statement for the same numbers; the
 * notes at each say what was measured. bench/src/raw-equals-gateway.test.ts proves, for every
 * query here, that the raw statements return the numbers of the gateway's statements before
 * protection.
 */
import type { KeyedUniform } from '@vi/domain';
import { costs } from '../../apps/gateway/src/evaluation/queries/costs.ts';
import { COURSE_COLUMNS, courseDelivery } from '../../apps/gateway/src/evaluation/queries/course-delivery.ts';
import { courseItems } from '../../apps/gateway/src/evaluation/queries/course-items.ts';
import { courseParticipation } from '../../apps/gateway/src/evaluation/queries/course-participation.ts';
import { declineReasons } from '../../apps/gateway/src/evaluation/queries/decline-reasons.ts';
import {
  type AggregateSource,
  type EvaluationFilter,
  filterSql,
  SqlParameters,
} from '../../apps/gateway/src/evaluation/queries/evaluation-filter.ts';
import { hateCrimeSessions } from '../../apps/gateway/src/evaluation/queries/hate-crime-sessions.ts';
import { hateCrimeTasks } from '../../apps/gateway/src/evaluation/queries/hate-crime-tasks.ts';
import { hateCrimeUptake } from '../../apps/gateway/src/evaluation/queries/hate-crime-uptake.ts';
import { intakeCountsByYear } from '../../apps/gateway/src/evaluation/queries/intake-counts-by-year.ts';
import { intakeHeardFrom } from '../../apps/gateway/src/evaluation/queries/intake-heard-from.ts';
import { intakeReferrals } from '../../apps/gateway/src/evaluation/queries/intake-referrals.ts';
import { intakeViolenceForms } from '../../apps/gateway/src/evaluation/queries/intake-violence-forms.ts';
import {
  type AcceptanceDimension,
  outreachAcceptance,
} from '../../apps/gateway/src/evaluation/queries/outreach-acceptance.ts';
import { outreachFunnel } from '../../apps/gateway/src/evaluation/queries/outreach-funnel.ts';
import { reach } from '../../apps/gateway/src/evaluation/queries/reach.ts';
import { recovery } from '../../apps/gateway/src/evaluation/queries/recovery.ts';
import { repeatStays } from '../../apps/gateway/src/evaluation/queries/repeat-stays.ts';
import { shelterCivilSociety } from '../../apps/gateway/src/evaluation/queries/shelter-civil-society.ts';
import { shelterCounselling } from '../../apps/gateway/src/evaluation/queries/shelter-counselling.ts';
import { shelterPsychologistHours } from '../../apps/gateway/src/evaluation/queries/shelter-psychologist-hours.ts';
import { surveyOffers } from '../../apps/gateway/src/evaluation/queries/survey-offers.ts';
import { waitingTimes } from '../../apps/gateway/src/evaluation/queries/waiting-times.ts';

/** What the selections are made of: the evaluator's organisations and one of each filter value. */
export type BenchScope = {
  /** Every organisation, the evaluator is granted all of them. */
  organizationIds: string[];
  /** The municipality of the one-municipality rows. */
  municipalityId: string;
  /** The calendar year of the one-year rows. */
  year: number;
  /** The incident type of the one-incident-type rows. */
  incidentType: string;
  /**
   * The aftercare figures' one-organisation rows, each the organisation with the most of the
   * figure's records and its busiest year: move-outs of a shelter, referrals received, legal
   * tasks closed, psychological support started.
   */
  shelter: OrganizationYear;
  hateCrimeReferrals: OrganizationYear;
  hateCrimeTasks: OrganizationYear;
  hateCrimeSessions: OrganizationYear;
};

export type OrganizationYear = { id: string; year: number };
type AftercareOrganization = 'shelter' | 'hateCrimeReferrals' | 'hateCrimeTasks' | 'hateCrimeSessions';

export type Statement = { sql: string; params: unknown[] };
export type Rows = ReadonlyArray<Record<string, unknown>>;
/** A figure's numbers, flattened to `statement:labels:column` → value; zeros and nulls left out. */
export type Numbers = Map<string, number>;

/** The selections each figure is timed for. */
export const SELECTIONS = [
  'all',
  'one municipality, one year',
  'one organisation, one year',
  'one incident type',
] as const;
export type Selection = (typeof SELECTIONS)[number];

type GatewayQuery = (
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
) => Promise<unknown>;

type Figure = {
  name: string;
  /** The figure's fields under `evaluation(filter:)`. */
  fields: string;
  /** Whether the figure has incident types (the outreach figures): it gets a one-incident-type row. */
  byIncidentType: boolean;
  /**
   * The aftercare figures' own organisations: their one-organisation row is a shelter or a
   * hate-crime track organisation (a municipality has none of their data).
   */
  organization?: AftercareOrganization;
  /** The gateway's query module: its statements are the fair raw SQL unless `raw` is given. */
  gateway: GatewayQuery;
  /** Columns that name a row (the rest are numbers) in the gateway's statements. */
  labels: readonly string[];
  /** Hand-written raw SQL, only where it measured faster than the gateway's own statements. */
  raw?: {
    /** The selections it measured faster for; the others run the gateway's own statements. */
    selections: readonly Selection[];
    /** What it is, for the RESULTS.md table (default "hand-written"). */
    label?: string;
    statements: (filter: EvaluationFilter) => Statement[] | Promise<Statement[]>;
    /** The same numbers out of the raw rows (default: the labels/columns rule above). */
    numbers?: (rows: Rows[]) => Numbers;
    /** The gateway rows' numbers in the raw rows' terms, where the two shapes differ. */
    gatewayNumbers?: (rows: Rows[]) => Numbers;
  };
};

export type BenchQuery = {
  /** The row's name in RESULTS.md, e.g. "outreachFunnel (one municipality, one year)". */
  name: string;
  figure: Figure;
  selection: Selection;
  filter: (scope: BenchScope) => EvaluationFilter;
  graphql: string;
};

const COUNT = '{ value suppressed }';

/** Record-key sums are disclosure control, not figures: never compared, never asked of raw SQL. */
const KEY_SUM = /(^|_)key(_sum)?$|^k\d+$/;

/** Adds a value under a key (several rows can name the same cell: counts of disjoint sets add). */
function add(numbers: Numbers, key: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`${key}: ${String(value)} is not a number`);
  if (number === 0) return;
  numbers.set(key, (numbers.get(key) ?? 0) + number);
}

/** A label as text: ids in lower case (uuid columns come back as text either way), JSON as JSON. */
const labelOf = (value: unknown): string =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value).toLowerCase();

/** Every statement's rows as numbers: label columns name the row, the other columns are values. */
export function numbersOf(rows: Rows[], labels: readonly string[]): Numbers {
  const numbers: Numbers = new Map();
  rows.forEach((statement, index) => {
    for (const row of statement) {
      const name = labels
        .filter((label) => label in row)
        .map((label) => `${label}=${labelOf(row[label])}`)
        .join(',');
      for (const [column, value] of Object.entries(row)) {
        if (labels.includes(column) || KEY_SUM.test(column)) continue;
        if (typeof value === 'string' && !/^-?\d/.test(value)) continue; // a name, not a number
        add(numbers, `${index}:${name}:${column}`, value);
      }
    }
  });
  return numbers;
}

/**
 * The statements the gateway's query module sends for a filter, in the order it sends them,
 * without running them: a source that records and answers with no rows (every module copes
 * with an empty selection). The uniform is irrelevant here: it only perturbs the answer.
 */
export async function gatewayStatements(
  gateway: GatewayQuery,
  filter: EvaluationFilter,
): Promise<Statement[]> {
  const statements: Statement[] = [];
  const recorder: AggregateSource = {
    async query<T>(sql: string, params?: unknown[]) {
      statements.push({ sql, params: params ?? [] });
      return [] as T[];
    },
  };
  await gateway(recorder, filter, () => 0.5);
  return statements;
}

/** The hand-written raw SQL of a query, if its figure has one for the query's selection. */
export function handWritten(query: BenchQuery): Figure['raw'] {
  const raw = query.figure.raw;
  return raw?.selections.includes(query.selection) ? raw : undefined;
}

/** The raw side of a query: its hand-written statements, or the gateway's own for the same filter. */
export async function rawStatements(query: BenchQuery, scope: BenchScope): Promise<Statement[]> {
  const filter = query.filter(scope);
  const raw = handWritten(query);
  return raw ? await raw.statements(filter) : gatewayStatements(query.figure.gateway, filter);
}

/** The numbers of the raw statements' rows, comparable with gatewayNumbers. */
export function rawNumbers(query: BenchQuery, rows: Rows[]): Numbers {
  return handWritten(query)?.numbers?.(rows) ?? numbersOf(rows, query.figure.labels);
}

/** The numbers of the gateway's statements' rows (before protection), comparable with rawNumbers. */
export function gatewayNumbers(query: BenchQuery, rows: Rows[]): Numbers {
  return handWritten(query)?.gatewayNumbers?.(rows) ?? numbersOf(rows, query.figure.labels);
}

/** The organisation and period conditions of a filter on a table's columns, with their parameters. */
function where(filter: EvaluationFilter, columns: Parameters<typeof filterSql>[2]) {
  const params = new SqlParameters();
  return { sql: filterSql(filter, params, columns).where, params: params.values };
}

/**
 * courseDelivery for one municipality and one year, by hand: one statement, sessions and
 * enrolments aggregated for the selected courses only, group-size bands on true counts. The
 * gateway sends two statements, the second returning every course (it bands courses by their
 * perturbed participant count, which is disclosure control). Measured on the scale-1 dataset
 * under load: 10.8 ms against 20.0 ms; over all organisations the gateway's form was faster
 * (386 ms against 731 ms), so that row runs the gateway's own.
 */
function courseDeliveryRaw(filter: EvaluationFilter): Statement[] {
  const courses = where(filter, COURSE_COLUMNS);
  return [
    {
      sql: `WITH k AS (SELECT k.id, k."organizationId" FROM "Course" k WHERE ${courses.sql}),
         s AS (SELECT g."courseId", count(*) AS sessions, sum(g.gap) AS gap_days, count(g.gap) AS gaps,
                      count(*) FILTER (WHERE g.gap > 14) AS long_gaps
               FROM (SELECT s."courseId", s.date - lag(s.date) OVER (PARTITION BY s."courseId" ORDER BY s.number) AS gap
                     FROM "CourseSession" s WHERE s."courseId" IN (SELECT id FROM k)) g
               GROUP BY g."courseId"),
         e AS (SELECT e."courseId", count(*) AS participants FROM "Enrolment" e
               WHERE e."courseId" IN (SELECT id FROM k) GROUP BY e."courseId")
       SELECT k."organizationId"::text AS org, count(*)::int AS courses, coalesce(sum(s.sessions), 0)::int AS sessions,
              sum(s.gap_days)::int AS gap_days, coalesce(sum(s.gaps), 0)::int AS gaps,
              coalesce(sum(s.long_gaps), 0)::int AS long_gaps, coalesce(sum(e.participants), 0)::int AS participants,
              count(*) FILTER (WHERE coalesce(e.participants, 0) < 6)::int AS under6,
              count(*) FILTER (WHERE e.participants BETWEEN 6 AND 8)::int AS in_range,
              count(*) FILTER (WHERE e.participants > 8)::int AS over8
       FROM k LEFT JOIN s ON s."courseId" = k.id LEFT JOIN e ON e."courseId" = k.id
       GROUP BY GROUPING SETS ((k."organizationId"), ())`,
      params: courses.params,
    },
  ];
}

/** The gateway's two courseDelivery statements in the hand-written one's terms: per-course rows summed and banded. */
function courseDeliveryGatewayNumbers(rows: Rows[]): Numbers {
  const totals = numbersOf([rows[0] ?? []], ['org']);
  const numbers: Numbers = new Map();
  for (const [key, value] of totals) numbers.set(key, value);
  for (const course of rows[1] ?? []) {
    const participants = Number(course.participants);
    const band = participants < 6 ? 'under6' : participants <= 8 ? 'in_range' : 'over8';
    for (const org of [labelOf(course.org), 'null']) {
      add(numbers, `0:org=${org}:participants`, participants);
      add(numbers, `0:org=${org}:${band}`, 1);
    }
  }
  return numbers;
}

const acceptance = (dimension: AcceptanceDimension): Figure => ({
  name: `outreachAcceptance (${dimension})`,
  fields: `outreachAcceptance(dimension: ${dimension}) {
      groups { group reached wantsCall { rate ci95Lower ci95Upper } declinedOrSelf { rate } }
      table { columns rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} grandTotal ${COUNT} } }`,
  byIncidentType: true,
  gateway: (db, filter, uniform) => outreachAcceptance(db, filter, dimension, uniform),
  labels: ['grp', 'status'],
});

const FIGURES: Figure[] = [
  {
    // EXPLAIN ANALYZE, scale 1: the gateway's UNION ALL (statuses; referred cases from the
    // partial index joined to referrals) is the fast form. The old raw statement (a LEFT JOIN
    // with c.status = 'REFERRED' in its ON clause) looked up a referral for every case and took
    // 74.6 ms for one municipality and one year, where this takes 3.4 ms.
    name: 'outreachFunnel',
    fields: `outreachFunnel {
      counts { identified ${COUNT} noContactDetails ${COUNT} withContactDetails ${COUNT} inactiveIncidentType ${COUNT}
        notYetCalled ${COUNT} notReached ${COUNT} reached ${COUNT} wantsCall ${COUNT} declined ${COUNT}
        willCallSelf ${COUNT} referralPending ${COUNT} conversationHeld ${COUNT} registeredOther ${COUNT}
        referralLost ${COUNT} noReferral ${COUNT} }
      rates { contactDetails { rate } reached { rate } acceptance { rate ci95Lower ci95Upper } conversion { rate } } }`,
    byIncidentType: true,
    gateway: outreachFunnel,
    labels: ['part', 'key'],
  },
  acceptance('INCIDENT_TYPE'),
  acceptance('GENDER'),
  acceptance('AGE_GROUP'),
  acceptance('ROLE'),
  {
    name: 'declineReasons',
    fields: `declineReasons {
      declined ${COUNT} withReason ${COUNT} notRecorded ${COUNT} reasons { reason count ${COUNT} shareOfRecorded { rate } } }`,
    byIncidentType: true,
    gateway: declineReasons,
    labels: ['key'],
  },
  {
    name: 'surveyOffers',
    fields: `surveyOffers {
      reached ${COUNT} offered ${COUNT} notAppropriate ${COUNT} byStatus { status count ${COUNT} }
      offeredRate { rate } acceptedRate { rate } }`,
    byIncidentType: true,
    gateway: surveyOffers,
    labels: ['key'],
  },
  {
    // Who we reach (issue 14): one pass per model (outreach cases with their answers, intake
    // registrations with theirs), each group a pair of filtered counts; the gateway's own
    // statements are the fair raw SQL.
    name: 'reach',
    fields: `reach {
      models { model phase groups { group reached ${COUNT} accepted ${COUNT} acceptance { rate ci95Lower ci95Upper } } } }`,
    byIncidentType: true,
    gateway: reach,
    labels: [],
  },
  {
    name: 'intakeHeardFrom',
    fields: `intakeHeardFrom {
      registrations ${COUNT} options { code count ${COUNT} shareOfRegistrations { rate } } }`,
    byIncidentType: false,
    gateway: intakeHeardFrom,
    labels: ['key'],
  },
  {
    name: 'intakeReferrals',
    fields: `intakeReferrals {
      registrations ${COUNT} options { code count ${COUNT} shareOfRegistrations { rate } } }`,
    byIncidentType: false,
    gateway: intakeReferrals,
    labels: ['key'],
  },
  {
    name: 'intakeViolenceForms',
    fields: `intakeViolenceForms { table { columns rows { key cells ${COUNT} total ${COUNT} } } }`,
    byIncidentType: false,
    gateway: intakeViolenceForms,
    labels: ['form', 'status'],
  },
  {
    name: 'intakeCountsByYear',
    fields: `intakeCountsByYear {
      years tables { kind table { rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} } } }`,
    byIncidentType: false,
    gateway: intakeCountsByYear,
    labels: ['kind', 'org', 'year', 'id', 'name'],
  },
  {
    name: 'courseDelivery',
    fields: `courseDelivery {
      total { courses sessions meanDaysBetweenSessions gapsOver14Days participants ${COUNT} meanGroupSize }
      byOrganization { organizationId courses meanDaysBetweenSessions participants ${COUNT} meanGroupSize } }`,
    byIncidentType: false,
    gateway: courseDelivery,
    labels: ['org'],
    raw: {
      selections: ['one municipality, one year'],
      statements: courseDeliveryRaw,
      gatewayNumbers: courseDeliveryGatewayNumbers,
    },
  },
  {
    name: 'courseParticipation',
    fields: `courseParticipation {
      table { rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} }
      total { completion { rate } dropOut { rate } attendance }
      byOrganization { organizationId completion { rate } dropOut { rate } attendance } }`,
    byIncidentType: false,
    gateway: courseParticipation,
    labels: ['org'],
  },
  {
    name: 'waitingTimes',
    fields: `waitingTimes {
      total { enrolled ${COUNT} meanDays medianDays p90Days enrolledOverLimit ${COUNT} stillWaiting ${COUNT} }
      byOrganization { organizationId enrolled ${COUNT} meanDays medianDays } }`,
    byIncidentType: false,
    gateway: waitingTimes,
    labels: ['org'],
  },
  {
    name: 'recovery (INSPIRE-O and INSPIRE, unpaired and paired)',
    fields: `recovery { measures { measure
      total { baseline { n ${COUNT} mean sd } end { n ${COUNT} mean sd } unpaired { meanDifference t df p ci95Lower ci95Upper stars }
        paired { n ${COUNT} meanBefore meanAfter test { meanDifference t df p ci95Lower ci95Upper stars }
          clinicallyRelevantImprovement { rate } crossedCutoff { rate } } }
      byOrganization { organizationId baseline { n ${COUNT} mean } end { n ${COUNT} mean } paired { n ${COUNT} test { p } } } } }`,
    byIncidentType: false,
    gateway: recovery,
    // The third statement: scores from unvalidated translations, per language (issue 14).
    labels: ['org', 'kind', 'locale'],
  },
  {
    // The old raw statement expanded each end form into eleven rows (generate_series) and rolled
    // up a level nobody asked for; the gateway's one row per form (jsonb_to_record) is the fair form.
    name: 'courseItems',
    fields: `courseItems { items { itemId
      total { n ${COUNT} mean sd } byOrganization { organizationId n ${COUNT} mean } } }`,
    byIncidentType: false,
    gateway: courseItems,
    labels: ['org'],
  },
  {
    // Five statements side by side (inputs, completers, referrals, hate-crime victims, move-outs):
    // the gateway's own, replayed as sent; the aftercare models' rows ask what the dashboard asks.
    name: 'costs',
    fields: `costs {
      figures { organizationId model year firstYear startUp { total } yearly { total hours }
        perCourse { amount } perCompleter { amount completers ${COUNT} } shelterComparison { ratio } }
      hateCrime { organizationId year yearly { total } perVictim { amount victims ${COUNT} withinPreStudyRange }
        budget { use overBudget } }
      shelterAftercare { organizationId year yearly { total hours } perMoveOut { amount moveOuts ${COUNT} }
        breakEven { repeatStaysAvoided } } }`,
    byIncidentType: false,
    gateway: costs,
    labels: ['org', 'model', 'year', 'inputs'],
  },
];

const AFTERCARE_FIGURES: Figure[] = [
  {
    name: 'hateCrimeUptake',
    fields: `hateCrimeUptake {
      total { track referred ${COUNT} started ${COUNT} uptake { rate ci95Lower ci95Upper } contacted ${COUNT} meanDays medianDays p90Days }
      byOrganization { organizationId track referred ${COUNT} uptake { rate } meanDays } }`,
    byIncidentType: false,
    organization: 'hateCrimeReferrals',
    gateway: hateCrimeUptake,
    labels: ['org', 'track'],
  },
  {
    name: 'hateCrimeLegalTasks',
    fields: `hateCrimeLegalTasks { table { columns rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} grandTotal ${COUNT} } }`,
    byIncidentType: false,
    organization: 'hateCrimeTasks',
    gateway: hateCrimeTasks,
    labels: ['kind', 'outcome'],
  },
  {
    name: 'hateCrimeSessions',
    fields: `hateCrimeSessions {
      total { individual ${COUNT} usedSessions ${COUNT} meanSessions medianSessions groupPlace ${COUNT} }
      byOrganization { organizationId individual ${COUNT} meanSessions } }`,
    byIncidentType: false,
    organization: 'hateCrimeSessions',
    gateway: hateCrimeSessions,
    labels: ['org'],
  },
  {
    name: 'shelterCounselling',
    fields: `shelterCounselling {
      total { moveOuts ${COUNT} allCovered ${COUNT} share { rate ci95Lower ci95Upper } }
      byOrganization { organizationId moveOuts ${COUNT} share { rate } }
      areas { rows { key cells ${COUNT} total ${COUNT} } } }`,
    byIncidentType: false,
    organization: 'shelter',
    gateway: shelterCounselling,
    labels: ['part', 'key', 'covered'],
  },
  {
    name: 'shelterPsychologistHours',
    fields: `shelterPsychologistHours {
      total { role persons ${COUNT} usedAny ${COUNT} usedShare { rate } meanHoursUsed meanHoursBooked }
      byOrganization { organizationId role persons ${COUNT} meanHoursUsed } }`,
    byIncidentType: false,
    organization: 'shelter',
    gateway: shelterPsychologistHours,
    labels: ['org', 'role'],
  },
  {
    name: 'shelterCivilSociety',
    fields: `shelterCivilSociety {
      offers { offer offered ${COUNT} referred ${COUNT} started ${COUNT} referredRate { rate } uptake { rate } }
      byOrganization { organizationId offered ${COUNT} uptake { rate } }
      moveOuts ${COUNT} referredShareOfMoveOuts { rate } }`,
    byIncidentType: false,
    organization: 'shelter',
    gateway: shelterCivilSociety,
    labels: ['org', 'offer'],
  },
  {
    // The episodes are built over every stay of the system (her next admission counts at any
    // shelter), then filtered: the same work for one shelter's year as for everything.
    name: 'repeatStays',
    fields: `repeatStays { cutoff baselineShare goalShare
      total { months group followed ${COUNT} repeat ${COUNT} censored ${COUNT} rate { rate ci95Lower ci95Upper } comparedWithGoal }
      byOrganization { organizationId months group followed ${COUNT} rate { rate } }
      admissions { admissions ${COUNT} repeat ${COUNT} share { rate } } }`,
    byIncidentType: false,
    organization: 'shelter',
    gateway: repeatStays,
    labels: ['org', 'months', 'aftercare'],
  },
];

const documentOf = (figure: Figure) =>
  `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { ${figure.fields} } }`;

/** A whole calendar year, as the evaluation filter takes it (whole days, both ends inclusive). */
const yearOf = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1)),
  to: new Date(Date.UTC(year, 11, 31)),
});

export const BENCH_QUERIES: BenchQuery[] = [...FIGURES, ...AFTERCARE_FIGURES].flatMap((figure) => {
  const query = (selection: Selection, filter: BenchQuery['filter']): BenchQuery => ({
    name: selection === 'all' ? figure.name : `${figure.name} (${selection})`,
    figure,
    selection,
    filter,
    graphql: documentOf(figure),
  });
  return [
    query('all', (scope) => ({ organizationIds: scope.organizationIds })),
    figure.organization
      ? query('one organisation, one year', (scope) => {
          const own = scope[figure.organization!];
          return { organizationIds: [own.id], ...yearOf(own.year) };
        })
      : query('one municipality, one year', (scope) => ({
          organizationIds: [scope.municipalityId],
          ...yearOf(scope.year),
        })),
    ...(figure.byIncidentType
      ? [
          query('one incident type', (scope) => ({
            organizationIds: scope.organizationIds,
            incidentTypes: [scope.incidentType],
          })),
        ]
      : []),
  ];
});

/**
 * The selections' values on a database: every organisation; the municipality with the most
 * courses (so the course figures have data for it at any scale), its year with the most
 * courses (ties: the latest), and violence, the most common incident type.
 */
export async function benchScope(db: AggregateSource): Promise<BenchScope> {
  const organizations = await db.query<{ id: string }>(
    `SELECT o.id::text AS id FROM "Organization" o ORDER BY o.name`,
  );
  const [busiest] = await db.query<{ id: string; year: number | null }>(
    `SELECT o.id::text AS id,
            (SELECT extract(year FROM k."startsOn")::int FROM "Course" k WHERE k."organizationId" = o.id
             GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1) AS year
     FROM "Organization" o WHERE o.kind = 'MUNICIPALITY'
     ORDER BY (SELECT count(*) FROM "Course" k WHERE k."organizationId" = o.id) DESC, o.name
     LIMIT 1`,
  );
  if (!busiest || organizations.length === 0)
    throw new Error('The bench needs a dataset with a municipality.');
  const busiestYear = async (table: string, date: string, where = 'true') =>
    (
      await db.query<OrganizationYear>(
        `SELECT "organizationId"::text AS id, extract(year FROM "${date}")::int AS year FROM "${table}"
         WHERE "${date}" IS NOT NULL AND ${where} GROUP BY 1, 2 ORDER BY count(*) DESC, 2 DESC, 1 LIMIT 1`,
      )
    )[0];
  const shelter = await busiestYear('ShelterStay', 'movedOutOn');
  const referrals = await busiestYear('HateCrimeReferral', 'sentOn');
  const tasks = await busiestYear('HateCrimeLegalTask', 'closedOn', `status = 'CLOSED'`);
  const sessions = await busiestYear('HateCrimePsychologicalSupport', 'startedOn');
  if (!shelter || !referrals || !tasks || !sessions)
    throw new Error(
      'The bench needs a dataset with shelter stays and hate-crime referrals (generator version 5).',
    );
  return {
    organizationIds: organizations.map((row) => row.id),
    municipalityId: busiest.id,
    year: busiest.year ?? 2024,
    incidentType: 'VIOLENCE',
    shelter,
    hateCrimeReferrals: referrals,
    hateCrimeTasks: tasks,
    hateCrimeSessions: sessions,
  };
}

/** The GraphQL variables of a query: its filter as the evaluation API takes it. */
export function variablesOf(query: BenchQuery, scope: BenchScope): Record<string, unknown> {
  const filter = query.filter(scope);
  const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);
  // Every organisation the evaluator is granted is asked as the evaluation app asks it: without
  // organizationIds (omitted = all granted), not as a list of 148 ids.
  const all = filter.organizationIds === scope.organizationIds;
  return {
    filter: {
      ...(all ? {} : { organizationIds: filter.organizationIds }),
      ...(filter.from ? { from: day(filter.from) } : {}),
      ...(filter.to ? { to: day(filter.to) } : {}),
      ...(filter.incidentTypes ? { incidentTypes: filter.incidentTypes } : {}),
    },
  };
}
