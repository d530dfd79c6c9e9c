import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  HATE_CRIME_TRACKS,
  type KeyedUniform,
  type Rate,
} from '@vi/domain';
import { unionCell } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterColumns,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import {
  cellOf,
  type DaySummary,
  type DisclosedDays,
  disclosedDays,
  selectedOrganizationIds,
} from './organization-rows.ts';

/**
 * Hate-crime aftercare (DOMAIN §2.3): uptake per track and the wait from referral to
 * the start of support. A referral is the unit: one person referred to one track, at the
 * organisation that runs the track (legal/financial counselling at an NGO, psychological
 * support at a mental-health centre). The organisation filter and the rows are that receiving
 * organisation, the one whose delivery the figure describes; the period is the day the
 * referral was sent.
 *
 * - referred: referrals sent to the track;
 * - started: referrals that reached "support started" (kept when later withdrawn: it was
 *   taken up, HATE_CRIME_REFERRAL_STATUSES' `uptake`), the domain's uptakeByTrack;
 * - the wait: days from sent to the receiving organisation's first contact, the earliest of
 *   the day support started, the first legal task opened and the first psychological support
 *   (sessions or a group place) started, for the referrals that have one (mean, median and 90th
 *   percentile with magnitude noise).
 *
 * Every count is a set of people (the referral carries its person's record key). The motive is
 * not read: no figure of this model breaks anything down by it.
 */
export const HATE_CRIME_TRACK_CODES: readonly string[] = HATE_CRIME_TRACKS.map((track) => track.code);

export const HATE_CRIME_REFERRAL_COLUMNS: FilterColumns = {
  organization: 'r."organizationId"',
  date: 'r."sentOn"',
};

export type TrackUptakeRow = {
  /** The receiving organisation; null = all selected. */
  organizationId: string | null;
  track: string;
  referred: DisclosedCount;
  started: DisclosedCount;
  /** started / referred from the published counts (null unless all three parts are 5 or more). */
  uptake: Rate | null;
  /** Referrals with a first contact: the people behind the waiting-time statistics. */
  contacted: DisclosedCount;
} & DisclosedDays;

export type HateCrimeUptake = {
  /** Per track over all selected organisations, then per organisation and track. */
  total: TrackUptakeRow[];
  byOrganization: TrackUptakeRow[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string | null;
  track: string;
  referred: number;
  referred_key: string;
  started: number;
  started_key: string;
  contacted: number;
  contacted_key: string;
  mean_days: number | null;
  median_days: number | null;
  p90_days: number | null;
};

/**
 * The day of the receiving organisation's first contact, in SQL (see the module comment):
 * PostgreSQL's least() skips nulls, so it is null only when none of the three happened.
 */
export const FIRST_CONTACT_SQL = `least(
  r."startedOn",
  (SELECT min(t."openedOn") FROM "HateCrimeLegalTask" t WHERE t."referralId" = r.id),
  (SELECT min(s."startedOn") FROM "HateCrimePsychologicalSupport" s WHERE s."referralId" = r.id))`;

export async function hateCrimeUptake(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<HateCrimeUptake> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, HATE_CRIME_REFERRAL_COLUMNS);
  const rows = await db.query<Row>(
    `WITH per_referral AS (
       SELECT r."organizationId" AS org, r.track::text AS track, r."recordKey" AS record_key,
              r."startedOn" IS NOT NULL AS started,
              ${FIRST_CONTACT_SQL} - r."sentOn" AS waited
       FROM "HateCrimeReferral" r
       WHERE ${where}
     )
     SELECT org::text AS org, track, count(*)::int AS referred, sum(record_key)::bigint AS referred_key,
            count(*) FILTER (WHERE started)::int AS started,
            coalesce(sum(record_key) FILTER (WHERE started), 0)::bigint AS started_key,
            count(waited)::int AS contacted,
            coalesce(sum(record_key) FILTER (WHERE waited IS NOT NULL), 0)::bigint AS contacted_key,
            avg(waited)::float8 AS mean_days,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY waited)::float8 AS median_days,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY waited)::float8 AS p90_days
     FROM per_referral GROUP BY GROUPING SETS ((org, track), (track))`,
    params.values,
  );
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const rowOf = new Map(rows.map((row) => [`${row.org ?? ''}|${row.track}`, row]));
  const cells = (org: string | null, track: string) => {
    const row = rowOf.get(`${org ?? ''}|${track}`);
    return {
      row,
      referred: cellOf(row?.referred, row?.referred_key),
      started: cellOf(row?.started, row?.started_key),
      contacted: cellOf(row?.contacted, row?.contacted_key),
    };
  };
  const shape = (
    organizationId: string | null,
    track: string,
    parts: { referred: CountCell; started: CountCell; contacted: CountCell },
    summary: DaySummary | undefined,
  ): TrackUptakeRow => {
    const referred = discloseCount(parts.referred, uniform);
    const started = discloseCount(parts.started, uniform);
    const contacted = discloseCount(parts.contacted, uniform);
    return {
      organizationId,
      track,
      referred,
      started,
      uptake: disclosedRate(started, referred),
      contacted,
      ...disclosedDays(`hateCrimeWait|${track}`, summary, parts.contacted, contacted, uniform),
    };
  };
  const summaryOf = (row: Row | undefined): DaySummary | undefined =>
    row && { mean: row.mean_days, median: row.median_days, p90: row.p90_days };
  const byOrganization = orgs.flatMap((org) =>
    HATE_CRIME_TRACK_CODES.map((track) => {
      const parts = cells(org, track);
      return shape(org, track, parts, summaryOf(parts.row));
    }),
  );
  const total = HATE_CRIME_TRACK_CODES.map((track) => {
    // The total's people are the union of the organisations' (their cells add exactly); its
    // statistics come from SQL's grouping set over all of them.
    const parts = orgs.map((org) => cells(org, track));
    return shape(
      null,
      track,
      {
        referred: unionCell(parts.map((p) => p.referred)),
        started: unionCell(parts.map((p) => p.started)),
        contacted: unionCell(parts.map((p) => p.contacted)),
      },
      summaryOf(rowOf.get(`|${track}`)),
    );
  });
  return { total, byOrganization, ignoredFilters: ignored };
}
