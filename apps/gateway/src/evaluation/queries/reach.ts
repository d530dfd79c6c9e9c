import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  MODEL_PHASES,
  type PhaseCode,
  type Rate,
  TARGET_GROUPS,
  type TargetGroupCode,
  VIOLENCE_STATUS,
  YOUNG_AGE_RANGE,
} from '@vi/domain';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  DANISH_TODAY_SQL,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { INTAKE_COLUMNS } from './intake-heard-from.ts';
import { OUTREACH_COLUMNS } from './outreach-funnel.ts';

/**
 * Who we reach (issue 14, part 4): for each intervention model and so each phase of the national
 * frame (the national action plan against violence in the family and close relations), how many
 * people of each target group the model reached, how many of them accepted the offer, and the
 * acceptance rate, next to an "all reached" row to compare with. A person can be in several
 * groups, or none, so the groups do not add up to the "all" row.
 *
 * - OUTREACH (detection). Reached: a case whose call reached the person (status REFERRED,
 *   DECLINED or WILL_CALL_SELF: the funnel's `reached` and outreachAcceptance's rows, so "all"
 *   equals the funnel's reached under the same filter). Accepted: wants a counsellor's call
 *   (REFERRED: the funnel's `wantsCall`, outreachAcceptance's WANTS_CALL).
 *   Groups: MEN gender MAN; YOUNG age at the incident within YOUNG_AGE_RANGE; STALKING incident
 *   type STALKING; LANGUAGE a preferred language other than Danish, or an interpreter needed;
 *   SAME_SEX, MUTUAL, CHILDREN the answer YES on the case's ReachAnswers.
 * - GROUP_COURSE (support). Reached: an intake registration (a person registered; the period is
 *   the registration date). Accepted: started a group course: the same person has an enrolment in
 *   a course of the organisation whose first session has been held (on or before today), and did
 *   not withdraw before that first session.
 *   Groups: MEN gender MAN; YOUNG age at registration within YOUNG_AGE_RANGE; STALKING the
 *   registration's violence status for stalking is a status other than "not relevant" (the same
 *   answers intakeViolenceForms counts); LANGUAGE, SAME_SEX, MUTUAL, CHILDREN as for outreach, on
 *   the registration's ReachAnswers.
 *
 * A missing ReachAnswers row or an empty answer is "not recorded": such a person is in no
 * recorded group, which is why those groups are lower bounds of the true groups.
 *
 * Disclosure: every reached and accepted count is a set of people perturbed by the sum of their
 * record keys (the domain's discloseCount, as outreachAcceptance's cells and row totals), shown
 * as "under 5" where the perturbed count is 1-4; the rate is computed from the published counts
 * only and shown where numerator, denominator and their difference are all 5 or more.
 */
export const REACH_MODELS = ['OUTREACH', 'GROUP_COURSE'] as const;
export type ReachModel = (typeof REACH_MODELS)[number];

/** The comparison row: everybody the model reached. */
export const ALL_REACHED = 'ALL';
export type ReachGroup = TargetGroupCode | typeof ALL_REACHED;
export const REACH_GROUPS: readonly ReachGroup[] = [ALL_REACHED, ...TARGET_GROUPS.map((g) => g.code)];

export type ReachRow = {
  group: ReachGroup;
  reached: DisclosedCount;
  accepted: DisclosedCount;
  /** accepted / reached from the published counts (null where not shown). */
  acceptance: Rate | null;
};

export type ReachByModel = {
  model: ReachModel;
  phase: PhaseCode;
  /** ALL first, then TARGET_GROUPS in the domain's order. */
  rows: ReachRow[];
  ignoredFilters: FilterDimension[];
};

export type Reach = { models: ReachByModel[] };

/** The outreach statuses of a reached person, and of one who accepted (outreach-funnel.ts). */
export const OUTREACH_REACHED_STATUSES = ['REFERRED', 'DECLINED', 'WILL_CALL_SELF'] as const;
export const OUTREACH_ACCEPTED_STATUS = 'REFERRED';

/** YES on a ReachAnswers column `r.<column>`. */
const yes = (column: string) => `r."${column}" = 'YES'`;

/** LANGUAGE: a preferred language other than Danish, or an interpreter needed (the group's basis). */
const LANGUAGE_SQL = `((r."preferredLanguage" IS NOT NULL AND r."preferredLanguage" <> 'da') OR ${yes('interpreterNeeded')})`;

/**
 * The answers that place someone in at least one answer group, as one boolean per group, for
 * the cases (`outreachCaseId`) or the registrations (`intakeRegistrationId`). Only those rows
 * are joined, and only as booleans: at national scale the whole table (every answer recorded,
 * most of them "no") made a hash too large for memory and doubled the statement's time.
 */
function answeredGroupsSql(subject: 'outreachCaseId' | 'intakeRegistrationId'): string {
  const groups = {
    language: LANGUAGE_SQL,
    same_sex: yes('sameSexRelationship'),
    mutual: yes('mutualViolence'),
    children: yes('childrenAffected'),
  };
  return `(SELECT r."${subject}" AS subject,
            ${Object.entries(groups)
              .map(([name, condition]) => `${condition} AS ${name}`)
              .join(', ')}
     FROM "ReachAnswers" r
     WHERE r."${subject}" IS NOT NULL AND (${Object.values(groups).join(' OR ')}))`;
}

/** The SQL condition placing a reached row in each target group, per model. */
function groupConditions(model: ReachModel, params: SqlParameters): Record<TargetGroupCode, string> {
  // The answer groups come as booleans of the joined answers (answeredGroupsSql); NULL = no row.
  const shared = {
    LANGUAGE: 'r.language',
    SAME_SEX: 'r.same_sex',
    MUTUAL: 'r.mutual',
    CHILDREN: 'r.children',
  };
  const young = (age: string) =>
    `${age} BETWEEN ${params.add(YOUNG_AGE_RANGE.min)}::int AND ${params.add(YOUNG_AGE_RANGE.max)}::int`;
  if (model === 'OUTREACH') {
    return {
      MEN: `c.gender = 'MAN'`,
      YOUNG: young('c."ageAtIncident"'),
      STALKING: `c."incidentType" = 'STALKING'`,
      ...shared,
    };
  }
  // Only the statuses the registration form offers count (as intakeViolenceForms' table), and
  // "not relevant" says the form is not part of this person's violence.
  const stalkingStatuses = VIOLENCE_STATUS.map((s) => s.code as string).filter((c) => c !== 'NOT_RELEVANT');
  return {
    MEN: `i.gender = 'MAN'`,
    YOUNG: young('i."ageYears"'),
    STALKING: `(CASE WHEN jsonb_typeof(i.answers -> 'violence_status') = 'object'
                     THEN i.answers -> 'violence_status' ->> 'STALKING' END) = ANY(${params.add(stalkingStatuses)}::text[])`,
    ...shared,
  };
}

/**
 * The SELECT list and GROUP BY of a reach statement: one boolean per target group and one for
 * "accepted", with the count and key sum of each combination (at most 2^8 rows). Grouping by the
 * flags, rather than two filtered aggregates per group, keeps the statement to two aggregates:
 * PostgreSQL's JIT compiles every aggregate expression, and 32 of them cost seconds to compile
 * over a national selection, more than the scan.
 */
function flagColumns(conditions: Record<TargetGroupCode, string>, key: string, accepted: string): string {
  const flags = [
    ...TARGET_GROUPS.map((g) => `coalesce(${conditions[g.code]}, false) AS ${g.code.toLowerCase()}`),
    `coalesce(${accepted}, false) AS accepted`,
  ];
  return `${flags.join(',\n            ')},
            count(*)::int AS n, coalesce(sum(${key}), 0)::bigint AS key_sum`;
}
const FLAG_GROUP_BY = `GROUP BY ${Array.from({ length: TARGET_GROUPS.length + 1 }, (_, i) => i + 1).join(', ')}`;

type FlagRow = Record<string, boolean | number | string>;
type CountsRow = Record<string, number | string>;

/** Adds up the combinations into each group's reached and accepted count and key sum. */
function countsOf(flagRows: readonly FlagRow[]): CountsRow {
  const counts: CountsRow = {};
  for (const group of REACH_GROUPS) {
    const name = group.toLowerCase();
    let n = 0;
    let key = 0n;
    let accN = 0;
    let accKey = 0n;
    for (const row of flagRows) {
      if (group !== ALL_REACHED && row[name] !== true) continue;
      n += Number(row.n);
      key += BigInt(row.key_sum as string | number);
      if (row.accepted === true) {
        accN += Number(row.n);
        accKey += BigInt(row.key_sum as string | number);
      }
    }
    Object.assign(counts, {
      [`${name}_n`]: n,
      [`${name}_key`]: key.toString(),
      [`${name}_acc_n`]: accN,
      [`${name}_acc_key`]: accKey.toString(),
    });
  }
  return counts;
}

function rowsOf(counts: CountsRow | undefined, uniform: KeyedUniform): ReachRow[] {
  return REACH_GROUPS.map((group) => {
    const name = group.toLowerCase();
    const cell = (suffix: string): CountCell => ({
      count: Number(counts?.[`${name}${suffix}_n`] ?? 0),
      keySum: counts?.[`${name}${suffix}_key`] ?? 0,
    });
    const reached = discloseCount(cell(''), uniform);
    const accepted = discloseCount(cell('_acc'), uniform);
    return { group, reached, accepted, acceptance: disclosedRate(accepted, reached) };
  });
}

async function outreachReach(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<ReachByModel> {
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, OUTREACH_COLUMNS);
  const conditions = groupConditions('OUTREACH', params);
  const accepted = `c.status = ${params.add(OUTREACH_ACCEPTED_STATUS)}::"OutreachStatus"`;
  // One pass over the reached cases, each with its answers (at most one row: the key is unique);
  // every group is a pair of filtered counts, so all cells come from one snapshot.
  const flagRows = await db.query<FlagRow>(
    `SELECT ${flagColumns(conditions, 'c."recordKey"', accepted)}
     FROM "OutreachCase" c LEFT JOIN ${answeredGroupsSql('outreachCaseId')} r ON r.subject = c.id
     WHERE c.status = ANY(${params.add(OUTREACH_REACHED_STATUSES)}::"OutreachStatus"[]) AND ${where}
     ${FLAG_GROUP_BY}`,
    params.values,
  );
  const counts = countsOf(flagRows);
  return {
    model: 'OUTREACH',
    phase: MODEL_PHASES.OUTREACH,
    rows: rowsOf(counts, uniform),
    ignoredFilters: ignored,
  };
}

/**
 * The people who started a course: the definition in this file's header, as a set of (person,
 * organisation) joined to the registrations. Each course's first session is found once (one
 * grouped pass over the sessions), not once per enrolment per registration: the correlated form
 * cost a lookup per enrolment and a plan expensive enough for PostgreSQL's JIT to spend over a
 * second compiling it at national scale.
 */
function startedCourseSql(params: SqlParameters, organizationIds: readonly string[]): string {
  return `(SELECT DISTINCT e."personId", e."organizationId"
     FROM "Enrolment" e
     JOIN (SELECT s."courseId", min(s.date) AS day FROM "CourseSession" s GROUP BY s."courseId") first
       ON first."courseId" = e."courseId"
     WHERE e."organizationId" = ANY(${params.add(organizationIds)}::uuid[])
       AND first.day <= ${DANISH_TODAY_SQL}
       AND (e."withdrawnOn" IS NULL OR e."withdrawnOn" >= first.day))`;
}

async function courseReach(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<ReachByModel> {
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, INTAKE_COLUMNS);
  const conditions = groupConditions('GROUP_COURSE', params);
  // "Started" is computed once per registration (a column of the inner query), then counted per group.
  const flagRows = await db.query<FlagRow>(
    `SELECT ${flagColumns(conditions, 'i."recordKey"', 'i.started')}
     FROM (SELECT i.id, i.gender, i."ageYears", i.answers, i."recordKey", started."personId" IS NOT NULL AS started
           FROM "IntakeRegistration" i
           LEFT JOIN ${startedCourseSql(params, filter.organizationIds)} started
             ON started."personId" = i."personId" AND started."organizationId" = i."organizationId"
           WHERE ${where}) i
     LEFT JOIN ${answeredGroupsSql('intakeRegistrationId')} r ON r.subject = i.id
     ${FLAG_GROUP_BY}`,
    params.values,
  );
  const counts = countsOf(flagRows);
  return {
    model: 'GROUP_COURSE',
    phase: MODEL_PHASES.GROUP_COURSE,
    rows: rowsOf(counts, uniform),
    ignoredFilters: ignored,
  };
}

/** The reach figure of the requested models (default: every model with reach data), in REACH_MODELS order. */
export async function reach(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
  models: readonly ReachModel[] = REACH_MODELS,
): Promise<Reach> {
  assertValidEvaluationFilter(filter);
  const wanted = REACH_MODELS.filter((model) => models.includes(model));
  return {
    models: await Promise.all(
      wanted.map((model) =>
        model === 'OUTREACH' ? outreachReach(db, filter, uniform) : courseReach(db, filter, uniform),
      ),
    ),
  };
}
