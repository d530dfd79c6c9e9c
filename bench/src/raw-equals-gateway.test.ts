import type { Database } from '@vi/db';
import { createTestDatabase, ownerQuery } from '@vi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BENCH_QUERIES,
  type BenchScope,
  benchScope,
  gatewayNumbers,
  type Numbers,
  type Rows,
  rawNumbers,
  rawStatements,
} from './bench-queries.ts';
import { fillDataset, parametersForScale } from './generate.ts';

/**
 * The bench compares the gateway with raw SQL only if both compute the same figure. For every
 * bench query (each selection), the raw statements must return the numbers of the gateway's
 * own statements before protection: the gateway's query module is called directly (it returns
 * perturbed figures, but its statements' rows are the true counts, sums and means), its rows
 * recorded and set against the raw rows, record-key sums left out (they are disclosure control).
 */

let db: Database;
let scope: BenchScope;

beforeAll(async () => {
  db = await createTestDatabase();
  // The generator makes its own schema and functions: the owner's work, not the runtime role's.
  // Ten times the courses of scale 0.002 (each with its intakes), so the one-municipality, one-year
  // selection has courses of several sizes and a wrong band or class shows; it adds seconds.
  await fillDataset(
    { query: (sql, params) => ownerQuery(sql, params, db) },
    // Enough hate-crime cases and shelter stays that each aftercare figure's busiest organisation
    // and year has rows of several kinds.
    { ...parametersForScale(0.002), courses: 100, intakes: 800, hateCrimeCases: 200, shelterWomen: 300 },
    () => {},
  );
  scope = await benchScope(db);
}, 180_000);

afterAll(async () => {
  await db?.close();
});

/** Sorted entries, floats to 10 significant digits (avg and var_samp may differ in the last bits). */
const comparable = (numbers: Numbers) =>
  [...numbers.entries()]
    .map(([key, value]) => [key, Number(value.toPrecision(10))] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('each bench query: raw SQL returns the numbers of the gateway statements before protection', () => {
  it.each(BENCH_QUERIES.map((query) => [query.name, query] as const))('%s', async (_name, query) => {
    const filter = query.filter(scope);
    // The gateway's statements, each answered by the test database and recorded in call order
    // (a module may send several at once).
    const gatewayRows: Rows[] = [];
    await query.figure.gateway(
      {
        async query<T>(sql: string, params?: unknown[]) {
          const index = gatewayRows.push([]) - 1;
          const rows = await db.query<T>(sql, params);
          gatewayRows[index] = rows as Rows;
          return rows;
        },
      },
      filter,
      () => 0.5,
    );
    const statements = await rawStatements(query, scope);
    const rawRows: Rows[] = [];
    for (const statement of statements) rawRows.push(await db.query(statement.sql, statement.params));

    const expected = gatewayNumbers(query, gatewayRows);
    // A selection without data would compare nothing: the scope picks one that has some.
    expect(expected.size, 'the gateway found numbers for this selection').toBeGreaterThan(0);
    expect(comparable(rawNumbers(query, rawRows))).toEqual(comparable(expected));
  });
});
