import { AGE_GROUPS, type FieldError, fieldError, GENDERS, INCIDENT_TYPES, PERSON_ROLES } from '@vi/domain';
import { throwValidation } from '../../errors.ts';

/**
 * What an evaluator narrows a figure to. `organizationIds` is already limited to the
 * organisations the evaluator is granted (the GraphQL layer intersects); the period is
 * inclusive at both ends (whole days). A figure ignores a filter it has no data for (the
 * course figures have no incident type) and says so in `ignoredFilters`.
 */
export type EvaluationFilter = {
  organizationIds: string[];
  from?: Date;
  to?: Date;
  incidentTypes?: string[];
  genders?: string[];
  ageGroups?: string[];
  roles?: string[];
};

export type FilterDimension = 'period' | 'incidentTypes' | 'genders' | 'ageGroups' | 'roles';

/** The database handle the queries need: parameterised SQL that returns rows (never person rows here). */
export type AggregateSource = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
};

/** The years a period may start and end in. */
export const PERIOD_YEARS = { min: 2000, max: 2100 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ALLOWED = {
  incidentTypes: new Set<string>(INCIDENT_TYPES.map((t) => t.code)),
  genders: new Set<string>(GENDERS.map((g) => g.code)),
  ageGroups: new Set<string>(AGE_GROUPS.map((g) => g.code)),
  roles: new Set<string>(PERSON_ROLES.map((r) => r.code)),
} as const;

/** Every mistake in the filter, each naming its field; empty when the filter is usable. */
export function validateEvaluationFilter(filter: EvaluationFilter): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(filter.organizationIds) || filter.organizationIds.length === 0) {
    errors.push(fieldError('organizationIds', 'REQUIRED'));
  } else {
    filter.organizationIds.forEach((id, index) => {
      if (typeof id !== 'string' || !UUID.test(id)) {
        errors.push(fieldError(`organizationIds.${index}`, 'INVALID_TYPE'));
      }
    });
  }
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== undefined && !(value instanceof Date && Number.isFinite(value.getTime()))) {
      errors.push(fieldError(field, 'INVALID_DATE'));
    }
  }
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    errors.push({
      field: 'to',
      code: 'OUT_OF_RANGE',
      message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
    });
  }
  // Years outside 2000-2100 hold no data and would only make Table 5.1 wide (a column per year).
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value instanceof Date && Number.isFinite(value.getTime())) {
      const year = value.getUTCFullYear();
      if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max)
        errors.push(fieldError(field, 'OUT_OF_RANGE', PERIOD_YEARS));
    }
  }
  // Whole months first (then the grid, periodGridError): a period that starts or ends mid-month could be shifted by a day, and
  // two answers a day apart would isolate the people of that day.
  if (filter.from instanceof Date && Number.isFinite(filter.from.getTime()) && filter.from.getUTCDate() !== 1)
    errors.push(fieldError('from', 'WHOLE_MONTH'));
  if (filter.to instanceof Date && Number.isFinite(filter.to.getTime())) {
    const next = new Date(filter.to.getTime() + 86_400_000);
    if (next.getUTCDate() !== 1) errors.push(fieldError('to', 'WHOLE_MONTH'));
  }
  if (
    !errors.some((error) => error.code === 'WHOLE_MONTH' || error.field === 'from' || error.field === 'to')
  ) {
    const grid = periodGridError(filter.from, filter.to);
    if (grid) errors.push(grid);
  }
  for (const field of ['incidentTypes', 'genders', 'ageGroups', 'roles'] as const) {
    // One category or all: [X] minus [X, Y] would isolate the people of Y.
    if ((filter[field]?.length ?? 0) > 1) errors.push(fieldError(field, 'ONE_OR_ALL'));
    filter[field]?.forEach((code, index) => {
      if (!ALLOWED[field].has(code))
        errors.push(fieldError(`${field}.${index}`, 'UNKNOWN_OPTION', { option: code }));
    });
  }
  return errors;
}

/**
 * The periods one may ask for: everything, one month, one calendar quarter or one calendar
 * year, nothing else. Month ranges such as [a, m] and [a, m − 1], year ranges and open ends
 * would give dozens of differently composed answers around the people of one month or year,
 * and the noise of many such differences can be averaged (Asghar and Kaafar, 2019; the
 * attack suite measured it: with year ranges a day's answers let an attacker guess up to 62 %
 * of exposed small groups exactly). On this grid a month lies in one quarter, one year and
 * the whole period only.
 */
export function periodGridError(from: Date | undefined, to: Date | undefined): FieldError | null {
  if (!from && !to) return null;
  if (from && to && from.getUTCFullYear() === to.getUTCFullYear() && from.getUTCDate() === 1) {
    const first = from.getUTCMonth();
    const last = to.getUTCMonth();
    const lastDay = new Date(to.getTime() + 86_400_000).getUTCDate() === 1;
    const oneMonth = first === last;
    const oneQuarter = first % 3 === 0 && last === first + 2;
    const oneYear = first === 0 && last === 11;
    if (lastDay && (oneMonth || oneQuarter || oneYear)) return null;
  }
  return fieldError('from', 'PERIOD_GRID');
}

export function assertValidEvaluationFilter(filter: EvaluationFilter): void {
  throwValidation(validateEvaluationFilter(filter));
}

/** Collects positional parameters ($1, $2, …) so SQL text never contains a value. */
/**
 * Today's date in Denmark, in SQL. Not `current_date`: that is the session's date, and our
 * sessions run in UTC (packages/db's client), so for an hour or two after Danish midnight it is
 * still yesterday. A course whose last session was yesterday is finished from Danish midnight.
 */
export const DANISH_TODAY_SQL = danishDateSql('now()');

/** The Danish calendar date of a timestamptz SQL expression, whatever the session's time zone. */
export function danishDateSql(instant: string): string {
  return `((${instant}) AT TIME ZONE 'Europe/Copenhagen')::date`;
}

export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Where each filter dimension lives in the table a figure reads; absent = the figure has no such data. */
export type FilterColumns = {
  organization: string;
  /** A calendar-date column (a Danish day already); the period covers whole days. */
  date?: string;
  /**
   * A timestamp column (UTC, as every stored instant): the period covers whole Danish days, so a
   * form sent at 00:30 on 1 January Danish time (23:30 UTC the day before) belongs to the new year.
   */
  instant?: string;
  incidentType?: string;
  gender?: string;
  age?: string;
  role?: string;
};

export type FilterSql = {
  /** Conditions joined with AND (always at least the organisation condition). */
  where: string;
  /** Filters the caller set that this figure cannot apply. */
  ignored: FilterDimension[];
};

/** The PostgreSQL enum type of each coded filter column (the codes were checked against the domain's lists). */
const ENUM_TYPES = { incidentTypes: '"IncidentType"', genders: '"Gender"', roles: '"PersonRole"' } as const;

/**
 * Turns a filter into SQL conditions on the given columns. Coded columns are compared as the enum
 * they are against one array parameter, so one parameter serves any number of codes; comparing as
 * text turned every row's enum into text first (1.3-1.7x slower over a million cases, issue 11).
 */
export function filterSql(
  filter: EvaluationFilter,
  params: SqlParameters,
  columns: FilterColumns,
): FilterSql {
  const conditions = [`${columns.organization} = ANY(${params.add(filter.organizationIds)}::uuid[])`];
  const ignored: FilterDimension[] = [];

  if (filter.from || filter.to) {
    if (columns.date) {
      if (filter.from) conditions.push(`${columns.date} >= ${params.add(isoDay(filter.from))}::date`);
      if (filter.to) conditions.push(`${columns.date} < ${params.add(isoDay(filter.to))}::date + 1`);
    } else if (columns.instant) {
      // The bounds become the UTC instants of Danish midnights (daylight saving included), and the
      // column is compared as it is stored, so its index still serves the range.
      const danishMidnight = (day: string) =>
        `((${day})::timestamp AT TIME ZONE 'Europe/Copenhagen') AT TIME ZONE 'UTC'`;
      if (filter.from) {
        conditions.push(
          `${columns.instant} >= ${danishMidnight(`${params.add(isoDay(filter.from))}::date`)}`,
        );
      }
      if (filter.to) {
        conditions.push(
          `${columns.instant} < ${danishMidnight(`${params.add(isoDay(filter.to))}::date + 1`)}`,
        );
      }
    } else ignored.push('period');
  }
  const codes = (dimension: 'incidentTypes' | 'genders' | 'roles', column: string | undefined) => {
    const selected = filter[dimension];
    if (!selected || selected.length === 0) return;
    if (!column) ignored.push(dimension);
    else conditions.push(`${column} = ANY(${params.add(selected)}::${ENUM_TYPES[dimension]}[])`);
  };
  codes('incidentTypes', columns.incidentType);
  // Gender OTHER stands for "other or not recorded", the group the figures show: small
  // categories are merged before protection, so no filter can tell the two apart.
  if (filter.genders?.length === 1 && filter.genders[0] === 'OTHER' && columns.gender) {
    conditions.push(`(${columns.gender} IS NULL OR ${columns.gender} = ${params.add('OTHER')}::"Gender")`);
  } else codes('genders', columns.gender);
  codes('roles', columns.role);

  if (filter.ageGroups && filter.ageGroups.length > 0) {
    if (!columns.age) ignored.push('ageGroups');
    else {
      const groups = AGE_GROUPS.filter((group) => filter.ageGroups?.includes(group.code));
      const ranges = groups.map(
        (group) =>
          `${columns.age} >= ${params.add(group.min)}::int` +
          (group.max === null ? '' : ` AND ${columns.age} <= ${params.add(group.max)}::int`),
      );
      conditions.push(ranges.length === 0 ? 'false' : `((${ranges.join(') OR (')}))`);
    }
  }
  return { where: conditions.join(' AND '), ignored };
}

/**
 * The domain's reporting age group of an age column, in SQL (NULL for an unknown age).
 * Built from AGE_GROUPS so SQL and `ageGroupOf` cannot drift apart.
 */
export function ageGroupSql(ageColumn: string, params: SqlParameters): string {
  const whens = AGE_GROUPS.map((group) =>
    group.max === null
      ? `WHEN ${ageColumn} >= ${params.add(group.min)}::int THEN ${params.add(group.code)}::text`
      : `WHEN ${ageColumn} BETWEEN ${params.add(group.min)}::int AND ${params.add(group.max)}::int THEN ${params.add(group.code)}::text`,
  );
  return `CASE ${whens.join(' ')} END`;
}
