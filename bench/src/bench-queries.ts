/**
 * What `npm run bench` times: each evaluation figure once through the gateway (a GraphQL
 * document for yoga.fetch) and once as hand-written SQL computing the same numbers, on the
 * same database. The raw SQL is written as a DBA would write it for that one figure: one
 * statement, no disclosure control, no GraphQL; $1 is the array of organisation ids.
 */
export type BenchQuery = {
  name: string;
  graphql: string;
  variables: (organizationIds: string[]) => Record<string, unknown>;
  sql: string;
  params: (organizationIds: string[]) => unknown[];
};

const all = (organizationIds: string[]) => ({ filter: { organizationIds } });
const orgsOnly = (organizationIds: string[]) => [organizationIds];

const COUNT = '{ value suppressed }';

const acceptance = (dimension: string, groupSql: string): BenchQuery => ({
  name: `outreachAcceptance (${dimension})`,
  graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) {
    outreachAcceptance(dimension: ${dimension}) {
      groups { group reached wantsCall { rate ci95Lower ci95Upper } declinedOrSelf { rate } }
      table { columns rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} grandTotal ${COUNT} }
    } } }`,
  variables: all,
  sql: `SELECT ${groupSql} AS grp,
           count(*) FILTER (WHERE status = 'REFERRED') AS wants_call,
           count(*) FILTER (WHERE status IN ('DECLINED', 'WILL_CALL_SELF')) AS declined_or_self
         FROM "OutreachCase"
         WHERE "organizationId" = ANY($1::uuid[]) AND status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF')
         GROUP BY 1`,
  params: orgsOnly,
});

export const BENCH_QUERIES: BenchQuery[] = [
  {
    name: 'outreachFunnel',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { outreachFunnel {
      counts { identified ${COUNT} noContactDetails ${COUNT} withContactDetails ${COUNT} inactiveIncidentType ${COUNT}
        notYetCalled ${COUNT} notReached ${COUNT} reached ${COUNT} wantsCall ${COUNT} declined ${COUNT}
        willCallSelf ${COUNT} referralPending ${COUNT} conversationHeld ${COUNT} registeredOther ${COUNT}
        referralLost ${COUNT} noReferral ${COUNT} }
      rates { contactDetails { rate } reached { rate } acceptance { rate ci95Lower ci95Upper } conversion { rate } }
    } } }`,
    variables: all,
    sql: `SELECT c.status, r.status AS referral_status, count(*) AS n
          FROM "OutreachCase" c LEFT JOIN "Referral" r ON r."caseId" = c.id AND c.status = 'REFERRED'
          WHERE c."organizationId" = ANY($1::uuid[])
          GROUP BY 1, 2`,
    params: orgsOnly,
  },
  {
    name: 'outreachFunnel (one municipality, one year)',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { outreachFunnel {
      counts { identified ${COUNT} reached ${COUNT} wantsCall ${COUNT} conversationHeld ${COUNT} }
      rates { acceptance { rate } }
    } } }`,
    variables: (organizationIds) => ({
      filter: { organizationIds: organizationIds.slice(0, 1), from: '2024-01-01', to: '2024-12-31' },
    }),
    sql: `SELECT c.status, r.status AS referral_status, count(*) AS n
          FROM "OutreachCase" c LEFT JOIN "Referral" r ON r."caseId" = c.id AND c.status = 'REFERRED'
          WHERE c."organizationId" = ANY($1::uuid[]) AND c."createdAt" >= '2024-01-01' AND c."createdAt" < '2025-01-01'
          GROUP BY 1, 2`,
    params: (organizationIds) => [organizationIds.slice(0, 1)],
  },
  acceptance('INCIDENT_TYPE', '"incidentType"'),
  acceptance('GENDER', 'gender'),
  acceptance(
    'AGE_GROUP',
    `CASE WHEN "ageAtIncident" < 18 THEN 'UNDER_18' WHEN "ageAtIncident" < 30 THEN 'AGE_18_29'
          WHEN "ageAtIncident" < 40 THEN 'AGE_30_39' WHEN "ageAtIncident" < 50 THEN 'AGE_40_49'
          WHEN "ageAtIncident" < 60 THEN 'AGE_50_59' WHEN "ageAtIncident" >= 60 THEN 'AGE_60_PLUS' END`,
  ),
  acceptance('ROLE', 'role'),
  {
    name: 'declineReasons',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { declineReasons {
      declined ${COUNT} withReason ${COUNT} notRecorded ${COUNT} reasons { reason count ${COUNT} shareOfRecorded { rate } }
    } } }`,
    variables: all,
    sql: `SELECT "declineReason", count(*) FROM "OutreachCase"
          WHERE "organizationId" = ANY($1::uuid[]) AND status = 'DECLINED' GROUP BY 1`,
    params: orgsOnly,
  },
  {
    name: 'surveyOffers',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { surveyOffers {
      reached ${COUNT} offered ${COUNT} notAppropriate ${COUNT} byStatus { status count ${COUNT} }
      offeredRate { rate } acceptedRate { rate }
    } } }`,
    variables: all,
    sql: `SELECT "surveyStatus", count(*) FROM "OutreachCase"
          WHERE "organizationId" = ANY($1::uuid[]) AND status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF') GROUP BY 1`,
    params: orgsOnly,
  },
  {
    name: 'intakeHeardFrom',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { intakeHeardFrom {
      registrations ${COUNT} options { code count ${COUNT} shareOfRegistrations { rate } }
    } } }`,
    variables: all,
    sql: `SELECT h.code, count(*) FROM "IntakeRegistration" i LEFT JOIN LATERAL unnest(i."heardFrom") AS h(code) ON true
          WHERE i."organizationId" = ANY($1::uuid[]) GROUP BY ROLLUP (h.code)`,
    params: orgsOnly,
  },
  {
    name: 'intakeReferrals',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { intakeReferrals {
      registrations ${COUNT} options { code count ${COUNT} shareOfRegistrations { rate } }
    } } }`,
    variables: all,
    sql: `SELECT r.route, count(*) FROM "IntakeRegistration" i LEFT JOIN LATERAL unnest(i."referredTo") AS r(route) ON true
          WHERE i."organizationId" = ANY($1::uuid[]) GROUP BY ROLLUP (r.route)`,
    params: orgsOnly,
  },
  {
    name: 'intakeViolenceForms',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { intakeViolenceForms {
      table { columns rows { key cells ${COUNT} total ${COUNT} } }
    } } }`,
    variables: all,
    sql: `SELECT f.key, f.value, count(*) FROM "IntakeRegistration" i, jsonb_each_text(i.answers -> 'violence_status') f
          WHERE i."organizationId" = ANY($1::uuid[]) GROUP BY 1, 2`,
    params: orgsOnly,
  },
  {
    name: 'intakeCountsByYear',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { intakeCountsByYear {
      years tables { kind table { rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} } }
    } } }`,
    variables: all,
    sql: `SELECT 'REGISTRATION' AS kind, "organizationId", date_part('year', "registeredOn") AS year, count(*)
          FROM "IntakeRegistration" WHERE "organizationId" = ANY($1::uuid[]) GROUP BY 2, 3
          UNION ALL
          SELECT kind::text, "organizationId", date_part('year', "submittedAt"), count(*)
          FROM "QuestionnaireResponse" WHERE "organizationId" = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
    params: orgsOnly,
  },
  {
    name: 'courseDelivery',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { courseDelivery {
      total { courses sessions meanDaysBetweenSessions gapsOver14Days participants ${COUNT} meanGroupSize }
      byOrganization { organizationId courses meanDaysBetweenSessions participants ${COUNT} meanGroupSize }
    } } }`,
    variables: all,
    sql: `SELECT k."organizationId", count(*) AS courses,
                 sum(s.last - s.first)::float8 / nullif(sum(s.n - 1), 0) AS mean_days_between_sessions,
                 sum(s.long_gaps) AS gaps_over_14, sum(e.n) AS participants
          FROM "Course" k
          JOIN (SELECT "courseId", min(date) AS first, max(date) AS last, count(*) AS n,
                       count(*) FILTER (WHERE gap > 14) AS long_gaps
                FROM (SELECT "courseId", date, date - lag(date) OVER (PARTITION BY "courseId" ORDER BY number) AS gap
                      FROM "CourseSession") g GROUP BY 1) s ON s."courseId" = k.id
          LEFT JOIN (SELECT "courseId", count(*) AS n FROM "Enrolment" GROUP BY 1) e ON e."courseId" = k.id
          WHERE k."organizationId" = ANY($1::uuid[])
          GROUP BY ROLLUP (k."organizationId")`,
    params: orgsOnly,
  },
  {
    name: 'courseParticipation',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { courseParticipation {
      table { rows { key cells ${COUNT} total ${COUNT} } columnTotals ${COUNT} }
      total { completion { rate } dropOut { rate } attendance }
      byOrganization { organizationId completion { rate } dropOut { rate } attendance }
    } } }`,
    variables: all,
    sql: `SELECT e."organizationId",
                 count(*) FILTER (WHERE b."participantCode" IS NOT NULL AND x."participantCode" IS NOT NULL) AS both_forms,
                 count(*) FILTER (WHERE b."participantCode" IS NOT NULL AND x."participantCode" IS NULL) AS baseline_only,
                 count(*) FILTER (WHERE e."withdrawnOn" IS NOT NULL) AS withdrawn,
                 sum(a.present) AS present, sum(a.recorded) AS recorded
          FROM "Enrolment" e
          JOIN "Course" k ON k.id = e."courseId"
          LEFT JOIN "QuestionnaireResponse" b ON b."participantCode" = e."participantCode" AND b.kind = 'BASELINE'
          LEFT JOIN "QuestionnaireResponse" x ON x."participantCode" = e."participantCode" AND x.kind = 'END'
          LEFT JOIN (SELECT "enrolmentId", count(*) FILTER (WHERE present) AS present, count(*) AS recorded
                     FROM "Attendance" GROUP BY 1) a ON a."enrolmentId" = e.id
          WHERE k."organizationId" = ANY($1::uuid[])
          GROUP BY 1`,
    params: orgsOnly,
  },
  {
    name: 'waitingTimes',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { waitingTimes {
      total { enrolled ${COUNT} meanDays medianDays p90Days enrolledOverLimit ${COUNT} stillWaiting ${COUNT} }
      byOrganization { organizationId enrolled ${COUNT} meanDays medianDays }
    } } }`,
    variables: all,
    sql: `SELECT w."organizationId",
                 count(*) FILTER (WHERE w."leftOn" IS NOT NULL AND e."personId" IS NOT NULL) AS enrolled,
                 avg(w."leftOn" - w.since) FILTER (WHERE e."personId" IS NOT NULL) AS mean_days,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY w."leftOn" - w.since) FILTER (WHERE e."personId" IS NOT NULL) AS median_days,
                 percentile_cont(0.9) WITHIN GROUP (ORDER BY w."leftOn" - w.since) FILTER (WHERE e."personId" IS NOT NULL) AS p90_days,
                 count(*) FILTER (WHERE e."personId" IS NOT NULL AND w."leftOn" - w.since > o."waitingLimitDays") AS over_limit,
                 count(*) FILTER (WHERE w."leftOn" IS NULL) AS still_waiting,
                 count(*) FILTER (WHERE w."leftOn" IS NULL AND current_date - w.since > o."waitingLimitDays") AS still_over
          FROM "WaitingListEntry" w
          JOIN "Organization" o ON o.id = w."organizationId"
          LEFT JOIN (SELECT DISTINCT "personId" FROM "Enrolment") e ON e."personId" = w."personId" AND w."leftOn" IS NOT NULL
          WHERE w."organizationId" = ANY($1::uuid[])
          GROUP BY ROLLUP (w."organizationId")`,
    params: orgsOnly,
  },
  {
    name: 'recovery (INSPIRE-O and INSPIRE, unpaired and paired)',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { recovery { measures { measure
      total { baseline { n ${COUNT} mean sd } end { n ${COUNT} mean sd } unpaired { meanDifference t df p ci95Lower ci95Upper stars }
        paired { n ${COUNT} meanBefore meanAfter test { meanDifference t df p ci95Lower ci95Upper stars }
          clinicallyRelevantImprovement { rate } crossedCutoff { rate } } }
      byOrganization { organizationId baseline { n ${COUNT} mean } end { n ${COUNT} mean } paired { n ${COUNT} test { p } } }
    } } } }`,
    variables: all,
    sql: `SELECT 'UNPAIRED' AS part, q."organizationId", q.kind::text AS kind,
                 count(q."inspireOScore") AS o_n, avg(q."inspireOScore") AS o_mean, var_samp(q."inspireOScore") AS o_var,
                 count(q."inspireScore") AS i_n, avg(q."inspireScore") AS i_mean, var_samp(q."inspireScore") AS i_var
          FROM "QuestionnaireResponse" q
          WHERE q.kind IN ('BASELINE', 'END') AND q."organizationId" = ANY($1::uuid[])
          GROUP BY GROUPING SETS ((q."organizationId", q.kind), (q.kind))
          UNION ALL
          SELECT 'PAIRED', b."organizationId", NULL,
                 count(e."inspireOScore" - b."inspireOScore"), avg(e."inspireOScore" - b."inspireOScore"),
                 var_samp(e."inspireOScore" - b."inspireOScore"),
                 count(e."inspireScore" - b."inspireScore"), avg(e."inspireScore" - b."inspireScore"),
                 var_samp(e."inspireScore" - b."inspireScore")
          FROM "QuestionnaireResponse" b
          JOIN "QuestionnaireResponse" e ON e."participantCode" = b."participantCode" AND e.kind = 'END'
          WHERE b.kind = 'BASELINE' AND b."organizationId" = ANY($1::uuid[])
          GROUP BY ROLLUP (b."organizationId")`,
    params: orgsOnly,
  },
  {
    name: 'courseItems',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { courseItems { items { itemId
      total { n ${COUNT} mean sd } byOrganization { organizationId n ${COUNT} mean } } } } }`,
    variables: all,
    sql: `SELECT q."organizationId", item, count(v), avg(v), var_samp(v)
          FROM "QuestionnaireResponse" q
          CROSS JOIN LATERAL (SELECT 'course_' || k AS item, (q.answers ->> ('course_' || k))::int AS v
                              FROM generate_series(1, 11) k) a
          WHERE q.kind = 'END' AND q."organizationId" = ANY($1::uuid[])
          GROUP BY ROLLUP (q."organizationId", item)`,
    params: orgsOnly,
  },
  {
    name: 'costs',
    graphql: `query ($filter: EvaluationFilterInput) { evaluation(filter: $filter) { costs {
      figures { organizationId model year firstYear startUp { total } yearly { total hours }
        perCourse { amount } perCompleter { amount completers ${COUNT} } shelterComparison { ratio } }
    } } }`,
    variables: all,
    sql: `SELECT DISTINCT ON ("organizationId", model) "organizationId", model, year, inputs
          FROM "CostInput" WHERE "organizationId" = ANY($1::uuid[])
          ORDER BY "organizationId", model, year DESC`,
    params: orgsOnly,
  },
];
