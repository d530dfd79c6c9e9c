/**
 * The fixed cost of a request (issue 11, part 2): a logged-in `{ me { id } }` through the real
 * gateway HTTP server against a bare graphql-yoga server (bench/src/bare-yoga.ts, same versions),
 * at 10 concurrent keep-alive clients, in the same run.
 *
 * - Each server runs in a child process of its own (this file with `--serve gateway|bare`), so
 *   neither shares its event loop with the load or with the other. The gateway child starts as
 *   apps/gateway/src/server.ts does (database opened and migrated, `createServer(createApp())`),
 *   on an ephemeral port, against DATABASE_URL (the bench database when called from run.ts), with
 *   NODE_ENV=production, LOG_LEVEL=warn and trusted documents off (VI_TRUSTED_DOCUMENTS=0: the
 *   bench's own document is sent as text; CSRF, the limits and the session check all apply).
 *   Its session is made as bench/src/run.ts makes one (createSession) for a bench-only account.
 * - The load is node:http with a keep-alive agent, 10 loops each sending its next request when
 *   the previous answer is read. Rounds alternate the two servers (A B B A …) so a burst of other
 *   load on the machine lands on both sides; req/s is requests over the time each side was driven.
 *
 * Alone (repository root): `DATABASE_URL=postgresql://… npx tsx bench/src/request-throughput.ts
 * [--rounds 6] [--seconds 2]`.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CONCURRENCY = 10;
const QUERY = JSON.stringify({ query: '{ me { id } }' });
/** Issue 11's acceptance: the gateway serves at least this share of the bare server's req/s. */
const TARGET_SHARE = 0.5;

interface Served {
  port: number;
  /** The Cookie header that logs the client in; empty for the bare server. */
  cookie: string;
}

interface Side {
  name: string;
  served: Served;
  latencies: number[];
  requests: number;
  ms: number;
  errors: number;
}

export interface ThroughputOptions {
  /** PostgreSQL URL the gateway serves from (default DATABASE_URL). */
  url?: string;
  rounds?: number;
  secondsPerRound?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Starts one server child; resolves with its port (and the gateway's session cookie). */
function startChild(kind: 'gateway' | 'bare', env: NodeJS.ProcessEnv) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<Served>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Served));
    child.once('exit', (code) =>
      reject(new Error(`the ${kind} server stopped before it was ready (exit ${code})`)),
    );
  });
  return { child, ready };
}

/** Drives one server for `ms` with CONCURRENCY keep-alive clients; adds to the side's tally. */
async function drive(side: Side, agent: Agent, ms: number, record: boolean): Promise<void> {
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(QUERY),
    'x-vi-csrf': '1',
    ...(side.served.cookie ? { cookie: side.served.cookie } : {}),
  };
  const once = () =>
    new Promise<boolean>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: side.served.port, path: '/graphql', method: 'POST', headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            // Counted only when the answer is the logged-in user's id: an error page is no throughput.
            const body = Buffer.concat(chunks).toString();
            resolve(res.statusCode === 200 && /"me":\{"id":"[^"]+"\}/.test(body));
          });
        },
      );
      req.on('error', () => resolve(false));
      req.end(QUERY);
    });
  const started = performance.now();
  const until = started + ms;
  const loops = Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const ok = await once();
      if (!record) continue;
      if (ok) {
        side.latencies.push(performance.now() - sent);
        side.requests += 1;
      } else side.errors += 1;
    }
  });
  await Promise.all(loops);
  if (record) side.ms += performance.now() - started;
}

export async function measureRequestThroughput(
  options: ThroughputOptions = {},
): Promise<{ markdown: string[] }> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the PostgreSQL database the gateway serves from.');
  const rounds = options.rounds ?? 6;
  const roundMs = (options.secondsPerRound ?? 2) * 1000;
  const { yogaVersions } = await import('./bare-yoga.ts');
  const versions = yogaVersions();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'production',
    VI_TRUSTED_DOCUMENTS: '0',
    LOG_LEVEL: 'warn',
    // Production requires the survey page's https address (outreach-survey/sms-settings.ts); never opened here.
    VI_OUTREACH_SURVEY_URL:
      process.env.VI_OUTREACH_SURVEY_URL ?? 'https://vi.example.dk/outreach/survey.html',
  };
  delete env.DATABASE_REPLICA_URL;
  const gateway = startChild('gateway', env);
  const bare = startChild('bare', env);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  try {
    const sides: [Side, Side] = [
      { name: 'gateway', served: await gateway.ready, latencies: [], requests: 0, ms: 0, errors: 0 },
      { name: 'bare Yoga', served: await bare.ready, latencies: [], requests: 0, ms: 0, errors: 0 },
    ];
    // Warm-up: JIT, pools, the gateway's session cache; not counted.
    for (const side of sides) await drive(side, agent, 1000, false);
    const loadBefore = os.loadavg()[0] ?? 0;
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? sides : [sides[1], sides[0]];
      for (const side of order) await drive(side, agent, roundMs, true);
    }
    const loadAfter = os.loadavg()[0] ?? 0;
    const stats = sides.map((side) => {
      const sorted = side.latencies.sort((a, b) => a - b);
      return {
        side,
        rps: side.requests / (side.ms / 1000),
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
      };
    });
    const [g, b] = stats as [(typeof stats)[0], (typeof stats)[0]];
    const share = g.rps / b.rps;
    const row = (s: typeof g) =>
      `| ${s.side.name} | ${Math.round(s.rps)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.side.requests} | ${s.side.errors} |`;
    return {
      markdown: [
        `Logged-in \`{ me { id } }\` over HTTP at ${CONCURRENCY} concurrent keep-alive clients, ${rounds} rounds × ${roundMs / 1000} s per side, interleaved; graphql-yoga ${versions.graphqlYoga}, graphql ${versions.graphql}; each server in its own process on ${os.cpus().length} CPUs; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after. Gateway: NODE_ENV=production, LOG_LEVEL=warn, trusted documents off (the query is sent as text), CSRF header sent.`,
        '',
        '| server | req/s | p50 ms | p95 ms | requests | errors |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        row(g),
        row(b),
        '',
        `Gateway / bare Yoga: ${(share * 100).toFixed(0)} % of the requests per second (target ≥ ${TARGET_SHARE * 100} %): ${share >= TARGET_SHARE ? 'met' : 'MISSED'}.`,
      ],
    };
  } finally {
    agent.destroy();
    for (const child of [gateway.child, bare.child]) child.kill('SIGTERM');
  }
}

/** Child: the real gateway server, as server.ts starts it, with a logged-in bench session. */
async function serveGateway(): Promise<Served> {
  const { createServer } = await import('node:http');
  const { createApp } = await import('../../apps/gateway/src/app.ts');
  const { openDatabase, prisma } = await import('../../apps/gateway/src/database.ts');
  const { createSession } = await import('../../apps/gateway/src/auth/session.ts');
  await openDatabase();
  // A bench-only account with no usable password (not an argon2 hash): the session made here
  // is the only way in. A member of one organisation, as every real user is.
  const organization =
    (await prisma().organization.findFirst({ orderBy: { slug: 'asc' } })) ??
    (await prisma().organization.create({
      data: {
        slug: 'bench-throughput',
        name: 'Bench throughput',
        kind: 'MUNICIPALITY',
        stance: 'JOURNALISED',
      },
    }));
  const user = await prisma().user.upsert({
    where: { email: 'bench-throughput@bench.invalid' },
    create: { email: 'bench-throughput@bench.invalid', displayName: 'Bench throughput', passwordHash: '!' },
    update: {},
  });
  await prisma().membership.createMany({
    data: [{ userId: user.id, organizationId: organization.id, role: 'OUTREACH_WORKER' }],
    skipDuplicates: true,
  });
  const session = await createSession(user.id, organization.id);
  const server = createServer(createApp());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the gateway has no port');
  return { port: address.port, cookie: `vi_session=${session.token}` };
}

async function serveBare(): Promise<Served> {
  const { startBareYoga } = await import('./bare-yoga.ts');
  const { port } = await startBareYoga();
  return { port, cookie: '' };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serve = argument('serve');
  if (serve === 'gateway' || serve === 'bare') {
    const served = await (serve === 'gateway' ? serveGateway() : serveBare());
    process.send?.(served);
    // The parent ends this child; a lost parent ends it too.
    process.on('disconnect', () => process.exit(0));
  } else {
    const rounds = argument('rounds');
    const seconds = argument('seconds');
    const { markdown } = await measureRequestThroughput({
      ...(rounds ? { rounds: Number(rounds) } : {}),
      ...(seconds ? { secondsPerRound: Number(seconds) } : {}),
    });
    console.log(markdown.join('\n'));
  }
}
