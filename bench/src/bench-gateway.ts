/**
 * The gateway as the diagnostic scripts (request-phases.ts, cpu-per-request.ts) take it: a Yoga
 * instance built as the gateway builds its own, on the bench database, with the bench evaluator's
 * session and a raw `pg` pool beside it; and the one way every bench script posts a GraphQL
 * request to it (run.ts too).
 */
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import pg from 'pg';
import { type BenchScope, benchScope } from './bench-queries.ts';
import { benchDatabaseUrl } from './generate.ts';

// biome-ignore lint/suspicious/noExplicitAny: any Yoga instance, whatever its context types
type AnyYoga = YogaServerInstance<any, any>;

/**
 * Posts a GraphQL request as a browser sends it: fetch() with a string body always declares its
 * length, and the gateway's door then takes that as the body's size (without it the door counts
 * the body through a stream, its path for unframed bodies, which no app's request takes).
 * Throws with the errors when the answer has any, or no data.
 */
export async function postGraphql(
  yoga: AnyYoga,
  sessionToken: string,
  name: string,
  body: string,
): Promise<unknown> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      cookie: `vi_session=${sessionToken}`,
    },
    body,
  });
  const answer = (await response.json()) as { errors?: unknown[]; data?: unknown };
  if (answer.errors?.length || !answer.data)
    throw new Error(`${name} failed through the gateway: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

export type BenchGateway = {
  yoga: AnyYoga;
  /** The raw side's pool, as run.ts has it (4 connections). */
  raw: pg.Pool;
  scope: BenchScope;
  sessionToken: string;
  close: () => Promise<void>;
};

/**
 * Opens the gateway on the bench database (trusted documents off, log level warn, no replica)
 * with `observers` in front of its own plugins. The dataset and the bench evaluator must exist:
 * `npm run bench` makes both.
 */
export async function openBenchGateway(observers: Plugin[] = []): Promise<BenchGateway> {
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
  const yoga = createGatewayYoga({ observers });
  const raw = new pg.Pool({ connectionString: url, max: 4 });
  const scope = await benchScope({
    query: async <T>(sql: string, params?: unknown[]) => (await raw.query(sql, params)).rows as T[],
  });
  const user = await prisma().user.findUnique({ where: { email: 'bench-evaluator@bench.invalid' } });
  if (!user) throw new Error('Run `npm run bench` once first: it makes the bench evaluator.');
  const session = await createSession(user.id, scope.organizationIds[0]!);
  return {
    yoga,
    raw,
    scope,
    sessionToken: session.token,
    close: async () => {
      await raw.end();
      await (await import('@vi/db')).closeDatabase();
    },
  };
}
