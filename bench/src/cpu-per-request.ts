/**
 * The gateway's own CPU per evaluation request, beside the raw statements' (issue 11: the fixed
 * cost of a small figure). Where request-phases.ts says when each step happens, this says how much
 * of this process's CPU (user + system, process.cpuUsage) a request takes, which on a machine of
 * two cores is what decides how close a sub-millisecond figure can come to its SQL: the figure's
 * statement and the admission run in PostgreSQL meanwhile, on the same two cores.
 *
 * Per selected row: a warm-up of 50 requests per side, then batches of gateway requests and of raw
 * statements (gateway, raw, gateway, raw), each batch `runs` requests in a row; printed per batch:
 * p50 latency, CPU per request and wall time per request. The second pair is the steady state.
 *
 * In bench/: npx tsx src/cpu-per-request.ts <part of a row name, or =exact name> [runs, default 1000]
 * [--gateway-only] (for a CPU profile of the gateway alone: node --cpu-prof --import tsx ...).
 * The dataset and the bench evaluator must exist (`npm run bench` makes both).
 */
import './production-env.ts';
import { openBenchGateway, postGraphql } from './bench-gateway.ts';
import { BENCH_QUERIES, rawStatements, variablesOf } from './bench-queries.ts';

const [only = 'hateCrimeSessions (one', runsText = '1000'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
const runs = Number(runsText);
const gatewayOnly = process.argv.includes('--gateway-only');
const { yoga, raw, scope, sessionToken, close } = await openBenchGateway();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const selected = BENCH_QUERIES.filter((query) =>
  only.startsWith('=') ? query.name === only.slice(1) : query.name.includes(only),
);
if (selected.length === 0) throw new Error(`No bench row matches "${only}".`);

for (const query of selected) {
  const statements = await rawStatements(query, scope);
  const body = JSON.stringify({ query: query.graphql, variables: variablesOf(query, scope) });
  const gateway = async () => {
    await postGraphql(yoga, sessionToken, query.name, body);
  };
  const rawSql = async () => {
    await Promise.all(statements.map((statement) => raw.query(statement.sql, statement.params)));
  };
  for (let i = 0; i < 50; i++) {
    await gateway();
    if (!gatewayOnly) await rawSql();
  }
  const batches: Array<[string, () => Promise<void>]> = gatewayOnly
    ? [
        ['gateway', gateway],
        ['gateway', gateway],
      ]
    : [
        ['gateway', gateway],
        ['raw', rawSql],
        ['gateway', gateway],
        ['raw', rawSql],
      ];
  for (const [side, run] of batches) {
    const latencies: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      const requestStarted = performance.now();
      await run();
      latencies.push(performance.now() - requestStarted);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - started;
    const perRequest = (microseconds: number) => (microseconds / 1000 / runs).toFixed(3);
    console.log(
      `${query.name.slice(0, 60).padEnd(60)} ${side.padEnd(8)} p50 ${median(latencies).toFixed(3)} ms` +
        `  CPU ${perRequest(cpu.user + cpu.system)} ms/request (user ${perRequest(cpu.user)})` +
        `  wall ${(wall / runs).toFixed(3)} ms/request`,
    );
  }
}
await close();
process.exit(0);
