import {
  type CountCell,
  type DisclosedCount,
  danishCalendarDate,
  discloseMagnitude,
  type KeyedUniform,
  type MagnitudeRange,
} from '@vi/domain';

/**
 * Pieces the aftercare figures (hate crime, shelter) share with the older figures' manner:
 * rows are the selected organisations, never the groups SQL happened to find (a row's presence
 * must not reveal records), and statistics of days go through the domain's magnitude noise.
 */

const UPPER_CASE = /[A-Z]/;

/**
 * The selected organisations in a fixed order (lower-case ids, sorted, each once). A list already
 * in that order (the gateway's own, see evaluationGrant) is only checked: sorting 148 ids again
 * for every figure was a measurable part of a small figure's time.
 */
export function selectedOrganizationIds(organizationIds: readonly string[]): string[] {
  const canonical = organizationIds.every(
    (id, index) => !UPPER_CASE.test(id) && (index === 0 || organizationIds[index - 1]! < id),
  );
  if (canonical) return [...organizationIds];
  return [...new Set(organizationIds.map((id) => id.toLowerCase()))].sort((a, b) => (a < b ? -1 : 1));
}

/** A SQL row's count and key sum as a cell (no row = nobody). */
export function cellOf(count: number | string | null | undefined, keySum: unknown): CountCell {
  const n = Number(count ?? 0);
  return n === 0 ? { count: 0, keySum: 0n } : { count: n, keySum: String(keySum ?? '0') };
}

/** Mean, median and 90th percentile of a set of waits in days, as SQL returns them. */
export type DaySummary = { mean: number | null; median: number | null; p90: number | null };

export type DisclosedDays = { meanDays: number | null; medianDays: number | null; p90Days: number | null };

/**
 * The waits of a cell's people with magnitude noise (waitingTimes and the aftercare figures):
 * noise scaled by a year over the published n, shown only where that n is 5 or more. Waiting
 * limits are weeks to a few months and a wait of more than a year is rare, so one person moves a
 * mean of n waits by at most about 365 / n. Waits are not capped at 365 (that would misreport long
 * waits): results are clamped at 0 only. `measure` keeps two figures' noise independent.
 */
export const DAYS_RANGE: MagnitudeRange = { lower: 0, upper: 365 };
const DAYS_CLAMP: MagnitudeRange = { lower: 0, upper: Number.POSITIVE_INFINITY };

export function disclosedDays(
  measure: string,
  summary: DaySummary | undefined,
  cell: CountCell,
  publishedN: DisclosedCount,
  uniform: KeyedUniform,
): DisclosedDays {
  return {
    meanDays: days(`mean|${measure}`, summary?.mean, cell, publishedN, uniform),
    medianDays: days(`median|${measure}`, summary?.median, cell, publishedN, uniform),
    p90Days: days(`p90|${measure}`, summary?.p90, cell, publishedN, uniform),
  };
}

/**
 * One statistic of days. A module function rather than a closure made per row: the gateway runs
 * under tsx, whose keepNames gives every closure a defineProperty as it is made (measurable on a
 * table of 148 organisations).
 */
function days(
  statistic: string,
  value: number | null | undefined,
  cell: CountCell,
  publishedN: DisclosedCount,
  uniform: KeyedUniform,
): number | null {
  return discloseMagnitude(statistic, value ?? null, cell, publishedN, DAYS_RANGE, uniform, DAYS_CLAMP);
}

/** Today on the Danish calendar ('YYYY-MM-DD'): the cut-off of windows and "still open". */
export function danishToday(now: Date = new Date()): string {
  return danishCalendarDate(now);
}
