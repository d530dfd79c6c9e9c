/**
 * Where an evaluation request's time goes (issue 11: the fixed cost of a small request), phase by
 * phase, on the bench database: a gateway Yoga instance built as the gateway builds its own, with
 * an observer plugin in front that notes the time at each of Yoga's steps (request parse, context,
 * parse, validate, execute, result), and the moment each statement is handed to a connection and
 * answered (the admission's `vi_evaluation_request`, the figure's SQL, and the session lookup when
 * the session cache lets it through). The bench's rows are
 * sent in turn with their raw statements, as bench/src/run.ts does, so the machine's load lands
 * on both.
 *
 * Prints, over the selected rows, the median time between consecutive marks, and per row the
 * median total, admission and SQL time. The dataset must exist (`npm run bench` makes it).
 *
 * In bench/: npx tsx src/request-phases.ts [--only <part of a row name>] [--runs 15] [--profile <file>]
 * (default: the rows whose name contains "one ", the small requests the fixed cost decides).
 * --profile writes a V8 CPU profile of the timed runs only (not the start-up, not the warm-up),
 * for Chrome's DevTools or any .cpuprofile reader.
 */
import './production-env.ts';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { Plugin } from 'graphql-yoga';
import pg from 'pg';
import { openBenchGateway, postGraphql } from './bench-gateway.ts';
import { BENCH_QUERIES, rawStatements, variablesOf } from './bench-queries.ts';

type Mark = [name: string, at: number];
const marks: Mark[] = [];
let tracing = false;
const mark = (name: string) => {
  if (tracing) marks.push([name, performance.now()]);
};

/** Notes each of Yoga's steps; the first plugin, so its marks open each step. */
const observer: Plugin = {
  onRequestParse: () => {
    mark('request parse');
    return { onRequestParseDone: () => mark('request parsed') };
  },
  onParse: () => {
    mark('parse');
    return () => mark('parsed');
  },
  onValidate: () => {
    mark('validate');
    return () => mark('validated');
  },
  onContextBuilding: () => {
    mark('context');
    return () => mark('context built');
  },
  onExecute: () => {
    mark('execute');
    return { onExecuteDone: () => mark('executed') };
  },
  onResultProcess: () => mark('result'),
  onResponse: () => mark('response'),
};

// Statements are handed to a connection through Client#query (the pool calls it with a callback):
// the dispatch and the answer of each become marks.
type Query = (...args: unknown[]) => unknown;
const clientQuery = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  const callback = args.at(-1);
  if (tracing && typeof callback === 'function') {
    // Before execution only the session lookup (every 30 s, when the session cache lets it go).
    const executing = marks.some((m) => m[0] === 'execute');
    const label = text.includes('vi_evaluation_request')
      ? 'admission'
      : executing
        ? 'figure SQL'
        : 'session lookup';
    mark(`${label} sent`);
    args[args.length - 1] = function (this: unknown, ...result: unknown[]) {
      mark(`${label} answered`);
      return (callback as (...a: unknown[]) => unknown).apply(this, result);
    };
  }
  return clientQuery.apply(this, args);
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const only = option('only') ?? 'one ';
  const runs = Number(option('runs') ?? 15);
  const profile = option('profile');
  const inspector = profile ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
  }
  let profiling = false;
  const { yoga, raw, scope, sessionToken, close } = await openBenchGateway([observer]);

  const gaps = new Map<string, number[]>();
  const perRow: Array<{ name: string; total: number[]; admission: number[]; sql: number[] }> = [];
  for (const query of BENCH_QUERIES.filter((q) => q.name.includes(only))) {
    const statements = await rawStatements(query, scope);
    const row = { name: query.name, total: [] as number[], admission: [] as number[], sql: [] as number[] };
    perRow.push(row);
    const body = JSON.stringify({ query: query.graphql, variables: variablesOf(query, scope) });
    for (let i = 0; i < runs + 3; i++) {
      if (inspector && i === 3 && !profiling) {
        await inspector.post('Profiler.start');
        profiling = true;
      }
      marks.length = 0;
      tracing = true;
      const started = performance.now();
      marks.push(['request', started]);
      await postGraphql(yoga, sessionToken, query.name, body);
      mark('answer read');
      tracing = false;
      if (i >= 3) {
        for (let k = 1; k < marks.length; k++) {
          const key = `${marks[k - 1]![0]} → ${marks[k]![0]}`;
          gaps.set(key, [...(gaps.get(key) ?? []), marks[k]![1] - marks[k - 1]![1]]);
        }
        const at = (name: string) => marks.filter((m) => m[0] === name).map((m) => m[1]);
        row.total.push(marks.at(-1)![1] - started);
        row.admission.push(Math.max(...at('admission answered')) - Math.min(...at('admission sent')));
        row.sql.push(Math.max(...at('figure SQL answered')) - Math.min(...at('figure SQL sent')));
      }
      await Promise.all(statements.map((statement) => raw.query(statement.sql, statement.params)));
    }
  }
  if (inspector && profile) {
    const { profile: taken } = await inspector.post('Profiler.stop');
    await writeFile(profile, JSON.stringify(taken));
    inspector.disconnect();
    console.log(`CPU profile of the timed runs: ${profile}`);
  }
  console.log(`Between marks (median ms over the rows containing "${only}", ${runs} runs each):`);
  for (const [key, values] of [...gaps.entries()].sort((a, b) => median(b[1]) - median(a[1])))
    console.log(`  ${key.padEnd(44)} ${median(values).toFixed(3).padStart(8)}  (${values.length} times)`);
  console.log('Per row (median ms): total, admission sent → answered, figure SQL first sent → last answered');
  for (const row of perRow)
    console.log(
      `  ${row.name.slice(0, 70).padEnd(70)} ${median(row.total).toFixed(2).padStart(7)} ${median(row.admission).toFixed(2).padStart(7)} ${median(row.sql).toFixed(2).padStart(7)}`,
    );
  await close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
