import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  discloseMagnitude,
  type KeyedUniform,
  MAX_INDIVIDUAL_SESSIONS,
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
import { cellOf, selectedOrganizationIds } from './organization-rows.ts';

/**
 * Psychological support used (hate-crime aftercare): people with individual sessions,
 * the sessions they used (mean and median per person, with magnitude noise), and people given a
 * place in a psychologist-led group. The organisation is the one giving the support (the
 * mental-health centre); the period is the day the support started. Each support record belongs
 * to one person's referral and counts with its record key.
 *
 * Sessions are a magnitude, not a count of people: a total of sessions is mean × n and would
 * give n away more precisely than its perturbed count, so only the noisy mean and median are
 * published, scaled by the plausibility limit MAX_INDIVIDUAL_SESSIONS over the published n.
 */
export const PSYCHOLOGICAL_SUPPORT_COLUMNS: FilterColumns = {
  organization: 's."organizationId"',
  date: 's."startedOn"',
};

export const SESSIONS_RANGE = { lower: 0, upper: MAX_INDIVIDUAL_SESSIONS } as const;

export type SessionsRow = {
  organizationId: string | null;
  /** People with individual sessions (the support record exists; sessions may still be 0). */
  individual: DisclosedCount;
  /** Of those, people who used at least one session. */
  usedSessions: DisclosedCount;
  meanSessions: number | null;
  medianSessions: number | null;
  /** People given a place in a psychologist-led group. */
  groupPlace: DisclosedCount;
};

export type HateCrimeSessions = {
  total: SessionsRow;
  byOrganization: SessionsRow[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string | null;
  individual: number;
  individual_key: string;
  used: number;
  used_key: string;
  mean_sessions: number | null;
  median_sessions: number | null;
  group_place: number;
  group_key: string;
};

/**
 * Sessions per person with magnitude noise over the people with individual sessions. A module
 * function, not a closure per row: the gateway runs under tsx, whose keepNames gives every
 * closure a defineProperty as it is made (measurable on a table of 148 organisations).
 */
function sessions(
  statistic: string,
  value: number | null | undefined,
  cell: CountCell,
  shown: DisclosedCount,
  uniform: KeyedUniform,
): number | null {
  return discloseMagnitude(
    `${statistic}|hateCrimeSessions`,
    value ?? null,
    cell,
    shown,
    SESSIONS_RANGE,
    uniform,
  );
}

export async function hateCrimeSessions(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<HateCrimeSessions> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, PSYCHOLOGICAL_SUPPORT_COLUMNS);
  const individual = `s.form = 'INDIVIDUAL_SESSIONS'`;
  const rows = await db.query<Row>(
    `SELECT s."organizationId"::text AS org,
            count(*) FILTER (WHERE ${individual})::int AS individual,
            coalesce(sum(r."recordKey") FILTER (WHERE ${individual}), 0)::bigint AS individual_key,
            count(*) FILTER (WHERE ${individual} AND s."sessionsHeld" > 0)::int AS used,
            coalesce(sum(r."recordKey") FILTER (WHERE ${individual} AND s."sessionsHeld" > 0), 0)::bigint AS used_key,
            avg(coalesce(s."sessionsHeld", 0)) FILTER (WHERE ${individual})::float8 AS mean_sessions,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(s."sessionsHeld", 0))
              FILTER (WHERE ${individual})::float8 AS median_sessions,
            count(*) FILTER (WHERE s.form = 'GROUP_PLACE')::int AS group_place,
            coalesce(sum(r."recordKey") FILTER (WHERE s.form = 'GROUP_PLACE'), 0)::bigint AS group_key
     FROM "HateCrimePsychologicalSupport" s JOIN "HateCrimeReferral" r ON r.id = s."referralId"
     WHERE ${where}
     GROUP BY GROUPING SETS ((s."organizationId"), ())`,
    params.values,
  );
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const rowOf = new Map(rows.map((row) => [row.org ?? '', row]));
  const cellsOf = (row: Row | undefined) => ({
    individual: cellOf(row?.individual, row?.individual_key),
    used: cellOf(row?.used, row?.used_key),
    group: cellOf(row?.group_place, row?.group_key),
  });
  const shape = (
    organizationId: string | null,
    cells: { individual: CountCell; used: CountCell; group: CountCell },
    row: Row | undefined,
  ): SessionsRow => {
    const shownIndividual = discloseCount(cells.individual, uniform);
    return {
      organizationId,
      individual: shownIndividual,
      usedSessions: discloseCount(cells.used, uniform),
      meanSessions: sessions('mean', row?.mean_sessions, cells.individual, shownIndividual, uniform),
      medianSessions: sessions('median', row?.median_sessions, cells.individual, shownIndividual, uniform),
      groupPlace: discloseCount(cells.group, uniform),
    };
  };
  const perOrg = orgs.map((org) => ({ org, row: rowOf.get(org), cells: cellsOf(rowOf.get(org)) }));
  return {
    total: shape(
      null,
      {
        individual: unionCell(perOrg.map((p) => p.cells.individual)),
        used: unionCell(perOrg.map((p) => p.cells.used)),
        group: unionCell(perOrg.map((p) => p.cells.group)),
      },
      rowOf.get(''),
    ),
    byOrganization: perOrg.map((p) => shape(p.org, p.cells, p.row)),
    ignoredFilters: ignored,
  };
}
