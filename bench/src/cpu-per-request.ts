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
import pg from 'pg';
import { BENCH_QUERIES, benchScope, rawStatements, variablesOf } from './bench-queries.ts';
import { benchDatabaseUrl } from './generate.ts';

const [only = 'hateCrimeSessions (one', runsText = '1000'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
const runs = Number(runsText);
const gatewayOnly = process.argv.includes('--gateway-only');

const url = benchDatabaseUrl();
process.env.DATABASE_URL = url;
delete process.env.DATABASE_REPLICA_URL;
process.env.VI_TRUSTED_DOCUMENTS ??= '0';
process.env.LOG_LEVEL ??= 'warn';
await import('../../apps/gateway/src/evaluation/index.ts');
const { createGatewayYoga } = await import('../../apps/gateway/src/yoga.ts');
const { openDatabase, prisma } = await import('../../apps/gateway/src/database.ts');
const { createSession } = await import('../../apps/gateway/src/auth/session.ts');
await openDatabase();
const yoga = createGatewayYoga();
const raw = new pg.Pool({ connectionString: url, max: 4 });
const scope = await benchScope({
  query: async <T>(sql: string, params?: unknown[]) => (await raw.query(sql, params)).rows as T[],
});
const user = await prisma().user.findUnique({ where: { email: 'bench-evaluator@bench.invalid' } });
if (!user) throw new Error('Run `npm run bench` once first: it makes the bench evaluator.');
const session = await createSession(user.id, scope.organizationIds[0]!);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const selected = BENCH_QUERIES.filter((query) =>
  only.startsWith('=') ? query.name === only.slice(1) : query.name.includes(only),
);
if (selected.length === 0) throw new Error(`No bench row matches "${only}".`);

for (const query of selected) {
  const statements = await rawStatements(query, scope);
  const body = JSON.stringify({ query: query.graphql, variables: variablesOf(query, scope) });
  const gateway = async () => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        cookie: `vi_session=${session.token}`,
      },
      body,
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(`${query.name}: ${JSON.stringify(answer.errors)}`);
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
await raw.end();
await (await import('@vi/db')).closeDatabase();
process.exit(0);
