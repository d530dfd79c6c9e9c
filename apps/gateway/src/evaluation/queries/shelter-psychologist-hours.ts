import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  discloseMagnitude,
  type KeyedUniform,
  PSYCHOLOGIST_HOURS_PER_PERSON,
  type Rate,
  STAY_PERSON_ROLES,
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
import { cellOf, selectedOrganizationIds } from './organization-rows.ts';
import { MOVE_OUT_COLUMNS } from './shelter-counselling.ts';

/**
 * Psychologist hours after a shelter stay (the Red Cross recommendations: "ret til 10 timers psykologhjælp samt
 * psykologhjælp til deres børn"), for the woman and for the children apart: people with hours
 * on record, people who used any, and the hours used and booked per person (means with
 * magnitude noise over the 0-10 entitlement, never totals: a total is mean × n and would give
 * n away). The stays are those that ended in the period (move-out day), at the shelter of the
 * stay. Each person counts with their own record key (a child is a person of their own).
 */
export const STAY_PERSON_ROLE_CODES: readonly string[] = STAY_PERSON_ROLES.map((role) => role.code);
export const HOURS_RANGE = { lower: 0, upper: PSYCHOLOGIST_HOURS_PER_PERSON } as const;

export type HoursRow = {
  organizationId: string | null;
  role: string;
  /** People with hours on record (booked or used). */
  persons: DisclosedCount;
  /** Of those, people who used at least a quarter of an hour. */
  usedAny: DisclosedCount;
  /** usedAny / persons from the published counts. */
  usedShare: Rate | null;
  meanHoursUsed: number | null;
  meanHoursBooked: number | null;
};

export type ShelterPsychologistHours = {
  total: HoursRow[];
  byOrganization: HoursRow[];
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string | null;
  role: string;
  persons: number;
  persons_key: string;
  used_any: number;
  used_key: string;
  mean_used: number | null;
  mean_booked: number | null;
};

/** Hours per person with magnitude noise over the persons of the cell (a module function: see hate-crime-sessions.ts). */
function hours(
  measure: string,
  value: number | null | undefined,
  cell: CountCell,
  shown: DisclosedCount,
  uniform: KeyedUniform,
): number | null {
  return discloseMagnitude(measure, value ?? null, cell, shown, HOURS_RANGE, uniform);
}

export async function shelterPsychologistHours(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<ShelterPsychologistHours> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, MOVE_OUT_COLUMNS);
  const rows = await db.query<Row>(
    `SELECT st."organizationId"::text AS org, h.role::text AS role,
            count(*)::int AS persons, sum(p."recordKey")::bigint AS persons_key,
            count(*) FILTER (WHERE h.used > 0)::int AS used_any,
            coalesce(sum(p."recordKey") FILTER (WHERE h.used > 0), 0)::bigint AS used_key,
            avg(h.used)::float8 AS mean_used, avg(h.booked)::float8 AS mean_booked
     FROM "ShelterStay" st
     JOIN "PsychologistHours" h ON h."stayId" = st.id
     JOIN "Person" p ON p.id = h."personId"
     WHERE st."movedOutOn" IS NOT NULL AND ${where}
     GROUP BY GROUPING SETS ((st."organizationId", h.role), (h.role))`,
    params.values,
  );
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const rowOf = new Map(rows.map((row) => [`${row.org ?? ''}|${row.role}`, row]));
  const cellsOf = (org: string, role: string) => {
    const row = rowOf.get(`${org}|${role}`);
    return { persons: cellOf(row?.persons, row?.persons_key), used: cellOf(row?.used_any, row?.used_key) };
  };
  const shape = (
    organizationId: string | null,
    role: string,
    cells: { persons: CountCell; used: CountCell },
    row: Row | undefined,
  ): HoursRow => {
    const persons = discloseCount(cells.persons, uniform);
    const usedAny = discloseCount(cells.used, uniform);
    return {
      organizationId,
      role,
      persons,
      usedAny,
      usedShare: disclosedRate(usedAny, persons),
      meanHoursUsed: hours(
        `meanUsed|psychologistHours|${role}`,
        row?.mean_used,
        cells.persons,
        persons,
        uniform,
      ),
      meanHoursBooked: hours(
        `meanBooked|psychologistHours|${role}`,
        row?.mean_booked,
        cells.persons,
        persons,
        uniform,
      ),
    };
  };
  return {
    total: STAY_PERSON_ROLE_CODES.map((role) => {
      const parts = orgs.map((org) => cellsOf(org, role));
      return shape(
        null,
        role,
        { persons: unionCell(parts.map((p) => p.persons)), used: unionCell(parts.map((p) => p.used)) },
        rowOf.get(`|${role}`),
      );
    }),
    byOrganization: orgs.flatMap((org) =>
      STAY_PERSON_ROLE_CODES.map((role) => shape(org, role, cellsOf(org, role), rowOf.get(`${org}|${role}`))),
    ),
    ignoredFilters: ignored,
  };
}
