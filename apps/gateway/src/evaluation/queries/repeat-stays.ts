import {
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  isCalendarDate,
  type KeyedUniform,
  NATIONAL_REPEAT_STAY_GOAL,
  type Rate,
  REPEAT_STAY_BASELINE,
  REPEAT_STAY_WINDOWS_MONTHS,
  START_UP_HELP_STATUSES,
  TRANSFER_MAX_GAP_DAYS,
} from '@vi/domain';
import { unionCell } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { cellOf, danishToday, selectedOrganizationIds } from './organization-rows.ts';
import { WOMAN_SQL } from './shelter-counselling.ts';

/**
 * The outcome aftercare after a shelter stay exists to reduce: a repeat stay (genganger, seed
 * 004). The domain's repeatStayRates in SQL, over the stays of the whole system:
 *
 * - one woman across shelters is the keyed hash of her CPR number where the staff gave it,
 *   else her Person row (ShelterStay.personKey);
 * - stays joined by a transfer (admitted again on the move-out day or the day after,
 *   TRANSFER_MAX_GAP_DAYS) are one episode: the move-out is the episode's last, and a transfer
 *   is no repeat; an episode with a stay still open has no move-out;
 * - a window of 12 (24) months: the move-outs whose window has ended by today (Danish
 *   calendar) are followed; a repeat is her next admission to any shelter on or before
 *   move-out + 12 (24) calendar months (PostgreSQL's date + interval clamps to the month's last
 *   day, as addCalendarMonths does); move-outs whose window has not ended are censored;
 * - aftercare received after the move-out (the domain's aftercareReceived): on any stay of
 *   the episode, psychologist hours used by her or her children, a civil-society offer taken up,
 *   or a start-up need met.
 *
 * The period is the move-out day, the organisation the shelter she moved out of; her next
 * admission is looked for at every shelter, whatever the filter. Each move-out counts with its
 * last stay's record key (a woman who moved out twice counts twice, as in the domain).
 *
 * Beside it, the measure of the paper's baseline itself, the domain's repeatAdmissionShare: of
 * the admissions in the period (episodes by their first day and shelter, so a transfer is no new
 * admission), those of a woman who had an earlier episode. It counts only the stays the system
 * knows, so in its first years it undercounts.
 */
export const REPEAT_STAY_GROUPS = ['ALL', 'WITH_AFTERCARE', 'WITHOUT_AFTERCARE'] as const;
export type RepeatStayGroup = (typeof REPEAT_STAY_GROUPS)[number];

/** Where a rate stands against a reference share, by its Wilson 95 % interval. */
export type Comparison = 'BELOW' | 'ABOVE' | 'NOT_DIFFERENT';

export type RepeatStayRow = {
  organizationId: string | null;
  months: number;
  group: RepeatStayGroup;
  /** Move-outs followed for the whole window. */
  followed: DisclosedCount;
  /** Of those, with a repeat stay within the window. */
  repeat: DisclosedCount;
  rate: Rate | null;
  /** Move-outs whose window has not ended yet (not in `followed`). */
  censored: DisclosedCount;
  /** Against the seed's baseline and the national goal; null without a published rate. */
  comparedWithBaseline: Comparison | null;
  comparedWithGoal: Comparison | null;
};

export type RepeatStays = {
  /** The Danish calendar date the windows are measured at. */
  cutoff: string;
  total: RepeatStayRow[];
  byOrganization: RepeatStayRow[];
  admissions: { admissions: DisclosedCount; repeat: DisclosedCount; share: Rate | null };
  baselineShare: number;
  goalShare: number;
  ignoredFilters: FilterDimension[];
};

const UPTAKE_STATUSES = CIVIL_SOCIETY_REFERRAL_STATUSES.filter((s) => s.uptake).map((s) => s.code);
const MET_STATUSES = START_UP_HELP_STATUSES.filter((s) => s.met).map((s) => s.code);

export function compareWith(rate: Rate | null, share: number): Comparison | null {
  if (!rate?.ci95) return null;
  if (rate.ci95[1] < share) return 'BELOW';
  if (rate.ci95[0] > share) return 'ABOVE';
  return 'NOT_DIFFERENT';
}

/**
 * The episodes of the whole system with their move-out shelter, record key, aftercare and the
 * woman's next admission, as a SQL `WITH` list ending in `episodes`.
 */
export function episodesSql(params: SqlParameters, organizationIds: readonly string[]): string {
  // Only the women with a stay at a selected shelter matter (their stays at every shelter).
  return `women AS (
       SELECT DISTINCT ${WOMAN_SQL('w')} AS woman FROM "ShelterStay" w
       WHERE w."organizationId" = ANY (${params.add(organizationIds)}::uuid[])
     ),
     with_aftercare AS (
       SELECT h."stayId" FROM "PsychologistHours" h WHERE h.used > 0
       UNION SELECT c."stayId" FROM "CivilSocietyReferral" c
         WHERE c.status = ANY (${params.add(UPTAKE_STATUSES)}::"CivilSocietyReferralStatus"[])
       UNION SELECT n."stayId" FROM "StartUpHelpNeed" n WHERE n.status = ANY (${params.add(MET_STATUSES)}::"StartUpHelpStatus"[])
     ),
     stays AS (
       SELECT st.id, st."organizationId" AS org, ${WOMAN_SQL('st')} AS woman, st."admittedOn" AS admitted,
              st."movedOutOn" AS moved_out, st."recordKey" AS record_key, a."stayId" IS NOT NULL AS aftercare
       FROM "ShelterStay" st
       JOIN women ON women.woman = ${WOMAN_SQL('st')}
       LEFT JOIN with_aftercare a ON a."stayId" = st.id
     ),
     marked AS (
       SELECT s.*, max(coalesce(s.moved_out, 'infinity'::date)) OVER (
                PARTITION BY s.woman ORDER BY s.admitted, s.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
              ) AS previous_end
       FROM stays s
     ),
     numbered AS (
       SELECT m.*, sum(CASE WHEN m.previous_end IS NULL
                              OR m.previous_end < m.admitted - ${params.add(TRANSFER_MAX_GAP_DAYS)}::int
                            THEN 1 ELSE 0 END)
                     OVER (PARTITION BY m.woman ORDER BY m.admitted, m.id) AS episode
       FROM marked m
     ),
     grouped AS (
       SELECT n.woman, n.episode, min(n.admitted) AS admitted,
              CASE WHEN bool_and(n.moved_out IS NOT NULL) THEN max(n.moved_out) END AS moved_out,
              (array_agg(n.org ORDER BY n.moved_out DESC NULLS FIRST, n.admitted DESC, n.id DESC))[1] AS org,
              (array_agg(n.record_key ORDER BY n.moved_out DESC NULLS FIRST, n.admitted DESC, n.id DESC))[1] AS record_key,
              bool_or(n.aftercare) AS aftercare,
              (array_agg(n.org ORDER BY n.admitted, n.id))[1] AS admitted_org,
              (array_agg(n.record_key ORDER BY n.admitted, n.id))[1] AS admitted_key
       FROM numbered n GROUP BY n.woman, n.episode
     ),
     episodes AS (
       SELECT g.*, lead(g.admitted) OVER (PARTITION BY g.woman ORDER BY g.episode) AS next_admitted
       FROM grouped g
     )`;
}

type Row = {
  org: string | null;
  months: number;
  aftercare: boolean;
  followed: number;
  followed_key: string;
  repeat: number;
  repeat_key: string;
  censored: number;
  censored_key: string;
};

export async function repeatStays(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
  today: string = danishToday(),
): Promise<RepeatStays> {
  assertValidEvaluationFilter(filter);
  if (!isCalendarDate(today)) throw new RangeError(`Not a calendar date: ${today}`);
  const params = new SqlParameters();
  const episodes = episodesSql(params, filter.organizationIds);
  const { where, ignored } = filterSql(filter, params, { organization: 'e.org', date: 'e.moved_out' });
  const admitted = filterSql(filter, params, { organization: 'e.admitted_org', date: 'e.admitted' });
  const cutoff = `${params.add(today)}::date`;
  const windows = params.add([...REPEAT_STAY_WINDOWS_MONTHS]);
  // One statement: the episodes once, then the windows of the move-outs in the period, and the
  // admissions in the period (months 0 rows: followed = admissions, repeat = after an earlier episode).
  const rows = await db.query<Row>(
    `WITH ${episodes}
     SELECT e.org::text AS org, w.months, e.aftercare,
            count(*) FILTER (WHERE x.window_end <= ${cutoff})::int AS followed,
            coalesce(sum(e.record_key) FILTER (WHERE x.window_end <= ${cutoff}), 0)::bigint AS followed_key,
            count(*) FILTER (WHERE x.window_end <= ${cutoff} AND e.next_admitted <= x.window_end)::int AS repeat,
            coalesce(sum(e.record_key) FILTER (WHERE x.window_end <= ${cutoff} AND e.next_admitted <= x.window_end), 0)::bigint AS repeat_key,
            count(*) FILTER (WHERE x.window_end > ${cutoff})::int AS censored,
            coalesce(sum(e.record_key) FILTER (WHERE x.window_end > ${cutoff}), 0)::bigint AS censored_key
     FROM episodes e
     CROSS JOIN unnest(${windows}::int[]) AS w(months)
     CROSS JOIN LATERAL (SELECT (e.moved_out + make_interval(months => w.months))::date AS window_end) x
     WHERE e.moved_out IS NOT NULL AND e.moved_out <= ${cutoff} AND ${where}
     GROUP BY e.org, w.months, e.aftercare
     UNION ALL
     SELECT NULL, 0, false, count(*)::int, coalesce(sum(e.admitted_key), 0)::bigint,
            count(*) FILTER (WHERE e.episode > 1)::int,
            coalesce(sum(e.admitted_key) FILTER (WHERE e.episode > 1), 0)::bigint, 0, 0
     FROM episodes e WHERE ${admitted.where}`,
    params.values,
  );
  const admissionRow = rows.find((row) => row.months === 0);
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const rowOf = new Map(
    rows.filter((row) => row.months > 0).map((row) => [`${row.org}|${row.months}|${row.aftercare}`, row]),
  );
  type Cells = { followed: CountCell; repeat: CountCell; censored: CountCell };
  const cellsOf = (org: string, months: number, aftercare: boolean): Cells => {
    const row = rowOf.get(`${org}|${months}|${aftercare}`);
    return {
      followed: cellOf(row?.followed, row?.followed_key),
      repeat: cellOf(row?.repeat, row?.repeat_key),
      censored: cellOf(row?.censored, row?.censored_key),
    };
  };
  const union = (parts: Cells[]): Cells => ({
    followed: unionCell(parts.map((p) => p.followed)),
    repeat: unionCell(parts.map((p) => p.repeat)),
    censored: unionCell(parts.map((p) => p.censored)),
  });
  const groupCells = (orgIds: string[], months: number, group: RepeatStayGroup): Cells => {
    const flags = group === 'ALL' ? [true, false] : [group === 'WITH_AFTERCARE'];
    return union(orgIds.flatMap((org) => flags.map((flag) => cellsOf(org, months, flag))));
  };
  const shape = (organizationId: string | null, months: number, group: RepeatStayGroup, cells: Cells) => {
    const followed = discloseCount(cells.followed, uniform);
    const repeat = discloseCount(cells.repeat, uniform);
    const rate = disclosedRate(repeat, followed);
    return {
      organizationId,
      months,
      group,
      followed,
      repeat,
      rate,
      censored: discloseCount(cells.censored, uniform),
      comparedWithBaseline: compareWith(rate, REPEAT_STAY_BASELINE.share),
      comparedWithGoal: compareWith(rate, NATIONAL_REPEAT_STAY_GOAL.share),
    };
  };
  const rowsFor = (organizationId: string | null, orgIds: string[]) =>
    REPEAT_STAY_WINDOWS_MONTHS.flatMap((months) =>
      REPEAT_STAY_GROUPS.map((group) =>
        shape(organizationId, months, group, groupCells(orgIds, months, group)),
      ),
    );
  const admissions = discloseCount(cellOf(admissionRow?.followed, admissionRow?.followed_key), uniform);
  const repeatAdmissions = discloseCount(cellOf(admissionRow?.repeat, admissionRow?.repeat_key), uniform);
  return {
    cutoff: today,
    total: rowsFor(null, orgs),
    byOrganization: orgs.flatMap((org) => rowsFor(org, [org])),
    admissions: {
      admissions,
      repeat: repeatAdmissions,
      share: disclosedRate(repeatAdmissions, admissions),
    },
    baselineShare: REPEAT_STAY_BASELINE.share,
    goalShare: NATIONAL_REPEAT_STAY_GOAL.share,
    ignoredFilters: ignored,
  };
}
