import type { Weighted } from './proportions.ts';

/** Codes are inlined into generated SQL, so only plain domain codes are accepted. */
const SAFE_CODE = /^[A-Z0-9_]*$/;

export function sqlLiteral(code: string): string {
  if (!SAFE_CODE.test(code)) throw new Error(`Not a plain code, refusing to inline it into SQL: ${code}`);
  return `'${code}'`;
}

/**
 * A CASE expression that maps a uniform draw in [0, 1) (the column `draw`) onto weighted codes.
 * `draw` must be a column, not an expression, or PostgreSQL evaluates it once per WHEN.
 */
export function weightedChoiceSql(draw: string, weights: Weighted, cast = ''): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  if (weights.length === 0 || total <= 0) throw new Error('weightedChoiceSql needs positive weights');
  let cumulative = 0;
  const whens: string[] = [];
  for (const [code, weight] of weights.slice(0, -1)) {
    cumulative += weight / total;
    whens.push(
      `WHEN ${draw} < ${cumulative.toFixed(12)} THEN ${code === '' ? 'NULL' : sqlLiteral(code)}${cast}`,
    );
  }
  const last = weights[weights.length - 1]![0];
  return `CASE ${whens.join(' ')} ELSE ${last === '' ? 'NULL' : sqlLiteral(last)}${cast} END`;
}

/** A CASE expression mapping a code column onto numbers (e.g. per-type acceptance rates). */
export function lookupSql(
  column: string,
  values: Readonly<Record<string, number>>,
  fallback: number,
): string {
  const whens = Object.entries(values).map(([code, value]) => `WHEN ${sqlLiteral(code)} THEN ${value}`);
  return `(CASE ${column} ${whens.join(' ')} ELSE ${fallback} END)::float8`;
}
