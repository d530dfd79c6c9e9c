// The evaluation's periods are Danish calendar days. Stored instants are UTC, so a form sent at
// 00:30 on New Year's Day in Denmark (23:30 UTC the day before) belongs to the new year, and the
// hour that daylight saving moves must not move anything across a month. Fixed instants, both sides
// of each Danish midnight, on the real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from '../../database.ts';
import { type EvaluationFilter, filterSql, SqlParameters } from './evaluation-filter.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';

/** Instants (UTC) and the Danish day each falls on. */
const INSTANTS: Array<[string, string]> = [
  ['2025-12-31T22:59:59.999Z', '2025-12-31'], // 23:59:59.999 in Denmark (CET, UTC+1)
  ['2025-12-31T23:00:00.000Z', '2026-01-01'], // Danish midnight
  ['2025-12-31T23:30:00.000Z', '2026-01-01'],
  ['2026-03-31T21:59:59.999Z', '2026-03-31'], // summer time (CEST, UTC+2) since 29 March
  ['2026-03-31T22:30:00.000Z', '2026-04-01'],
  ['2026-10-31T22:59:59.999Z', '2026-10-31'], // winter time again since 25 October
  ['2026-10-31T23:30:00.000Z', '2026-11-01'],
];

const period = (from: string, to: string): EvaluationFilter => ({
  organizationIds: [ORG],
  from: new Date(`${from}T00:00:00.000Z`),
  to: new Date(`${to}T00:00:00.000Z`),
});

/** The instants a filter keeps, through the same SQL the figures use on a timestamp column. */
async function kept(filter: EvaluationFilter): Promise<string[]> {
  const params = new SqlParameters();
  const instants = params.add(INSTANTS.map(([instant]) => instant));
  const { where } = filterSql(filter, params, { organization: 't.org', instant: 't.at' });
  const rows = await database().query<{ at: string }>(
    `SELECT to_char(t.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
     FROM (SELECT '${ORG}'::uuid AS org, x::timestamp(3) AS at FROM unnest(${instants}::text[]) x) t
     WHERE ${where} ORDER BY t.at`,
    params.values,
  );
  return rows.map((row) => row.at);
}

const onDays = (from: string, to: string) =>
  INSTANTS.filter(([, day]) => day >= from && day <= to).map(([instant]) => instant);

beforeAll(async () => {
  await openDatabase();
});

describe('a period over a timestamp column covers whole Danish days', () => {
  it('puts the first minutes of a Danish year in that year, not the one before', async () => {
    expect(await kept(period('2026-01-01', '2026-12-31'))).toEqual(onDays('2026-01-01', '2026-12-31'));
    expect(await kept(period('2025-01-01', '2025-12-31'))).toEqual(['2025-12-31T22:59:59.999Z']);
  });

  it('follows daylight saving at month ends in summer and winter time', async () => {
    expect(await kept(period('2026-03-01', '2026-03-31'))).toEqual(['2026-03-31T21:59:59.999Z']);
    expect(await kept(period('2026-04-01', '2026-04-30'))).toEqual(['2026-03-31T22:30:00.000Z']);
    expect(await kept(period('2026-10-01', '2026-10-31'))).toEqual(['2026-10-31T22:59:59.999Z']);
    expect(await kept(period('2026-11-01', '2026-11-30'))).toEqual(['2026-10-31T23:30:00.000Z']);
  });
});
