/**
 * Issue 9, item 2: each abuse that executed before (50 levels, 1,000 aliases, 100 × persons(first:
 * 200) with cases and persons, too many directives, a costly query) is refused with a coded error
 * before it runs; no error suggests field names; an operation past its deadline answers TIMEOUT; the
 * database connection carries a statement_timeout. And every operation the apps send passes.
 */
import { createDatabase, DEFAULT_STATEMENT_TIMEOUT_MS } from '@vi/db';
import { createScratchPostgresDatabase } from '@vi/db/testing';
import { APP_NAMES, manifestForApp } from '@vi/trusted-documents';
import type { ExecutionArgs } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase } from '../database.ts';
import { createOutreachCase, createPerson } from '../testing/fixtures.ts';
import { type Answer, loggedIn, productionYoga, send, sha256, type Yoga } from './door-testing.ts';
import { executionTimeoutPlugin } from './execution-timeout.ts';
import { QUERY_LIMITS } from './limits.ts';

let development: Yoga;
let production: Yoga;
let worker: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  await openDatabase();
  // Arbitrary documents run with trusted documents off: the limits are what stands in the way there.
  development = productionYoga({ trustedDocuments: false, introspection: 'everyone' });
  production = productionYoga();
  worker = await loggedIn('OUTREACH_WORKER');
  for (let index = 0; index < 5; index += 1) {
    const person = await createPerson(worker.organizationId, `door-${index}`);
    await createOutreachCase(worker.organizationId, person.id);
  }
});

function aliases(count: number, selection: string): string {
  return `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;
}

function nested(levels: number): string {
  // persons { outreachCases { person { outreachCases { … id } } } }: a cycle the schema allows.
  let inner = 'id';
  for (let level = levels - 1; level >= 0; level -= 1) {
    inner = level % 2 === 0 ? `outreachCases { ${inner} }` : `person { ${inner} }`;
  }
  return `{ persons(first: 1) { ${inner} } }`;
}

async function asWorker(query: string, yoga = development): Promise<Answer> {
  return send(yoga, { cookie: worker.cookie, json: { query } });
}

function expectRefused(answer: Answer, limits: string[]): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.codes.length).toBeGreaterThan(0);
  for (const error of answer.body.errors) {
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(limits).toContain(error.extensions.limit);
    expect(error.extensions.message.da).toBeTruthy();
  }
}

describe('operation limits', () => {
  it('refuses 50 levels of nesting', async () => {
    // Each level multiplies armor's cost by 1.5 too: both limits are named.
    expectRefused(await asWorker(nested(50)), ['depth', 'cost']);
    expect((await asWorker(nested(QUERY_LIMITS.depth - 2))).codes).toEqual([]);
  });

  it('refuses 1,000 aliases while parsing, and 16 by counting', async () => {
    expectRefused(await asWorker(aliases(1_000, 'me { id }')), ['tokens', 'aliases']);
    expectRefused(await asWorker(aliases(QUERY_LIMITS.aliases + 1, 'me { id }')), ['aliases']);
    expect((await asWorker(aliases(QUERY_LIMITS.aliases, 'me { id }'))).codes).toEqual([]);
  });

  it('refuses 100 aliases of persons(first: 200) with cases and their persons, quickly', async () => {
    const query = aliases(
      100,
      'persons(first: 200) { id pseudonym outreachCases { id status person { id pseudonym } } }',
    );
    expect(query.length).toBeGreaterThan(6_000);
    const started = performance.now();
    expectRefused(await asWorker(query), ['tokens', 'aliases', 'cost']);
    expect(performance.now() - started).toBeLessThan(1_000);
    // With trusted documents on it never gets as far: it is no app document.
    const refused = await asWorker(query, production);
    expect(refused.codes).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
  });

  it('refuses a costly query within the alias and depth limits', async () => {
    const query = aliases(
      10,
      'persons(first: 200) { id pseudonym outreachCases { id status person { id pseudonym } } }',
    );
    expectRefused(await asWorker(query), ['cost']);
  });

  it('refuses too many directives', async () => {
    const many = (count: number) =>
      `{ ${Array.from({ length: count }, () => '__typename @include(if: true)').join(' ')} }`;
    expectRefused(await asWorker(many(QUERY_LIMITS.directives + 1)), ['directives']);
    expect((await asWorker(many(QUERY_LIMITS.directives))).codes).toEqual([]);
  });
});

describe('no field suggestions', () => {
  it('never answers "Did you mean", whatever the mistake', async () => {
    const mistakes: Array<{ query: string; variables?: Record<string, unknown> }> = [
      { query: '{ persns { id } }' },
      { query: '{ persons(frist: 1) { id } }' },
      { query: '{ callQueue(incidentTypes: [VIOLENSE]) { __typename } }' },
      { query: '{ me { emial } }' },
      {
        query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
        variables: { input: { emial: 'a@b.dk', password: 'x' } },
      },
      {
        query: 'query ($t: [IncidentType!]) { callQueue(incidentTypes: $t) { __typename } }',
        variables: { t: ['VIOLENSE'] },
      },
    ];
    for (const mistake of mistakes) {
      for (const yoga of [development, productionYoga({ trustedDocuments: false })]) {
        const answer = await send(yoga, { cookie: worker.cookie, json: mistake });
        expect(answer.codes.length, mistake.query).toBeGreaterThan(0);
        expect(JSON.stringify(answer.body), mistake.query).not.toMatch(/did you mean/i);
        expect(answer.status, mistake.query).toBeLessThan(500);
      }
    }
  });
});

describe('time limits', () => {
  it('answers TIMEOUT when the execution is still running at the deadline', async () => {
    const plugin = executionTimeoutPlugin({ ms: 20 }) as Required<Pick<Plugin, 'onExecute'>>;
    const args = { contextValue: {} } as unknown as ExecutionArgs;
    let execute: ((args: ExecutionArgs) => Promise<unknown>) | undefined;
    // An execution that ends only when told to, as Yoga's executor does on its signal.
    const never = (given: ExecutionArgs) =>
      new Promise((_, reject) => {
        const signal = (given as { signal?: AbortSignal }).signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    await plugin.onExecute({
      args,
      executeFn: never,
      setExecuteFn: (fn: typeof execute) => {
        execute = fn;
      },
    } as unknown as Parameters<NonNullable<Plugin['onExecute']>>[0]);
    const started = performance.now();
    const result = (await execute?.(args)) as { errors: Array<{ extensions: { code: string } }> };
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
    expect(result.errors.map((error) => error.extensions.code)).toEqual(['TIMEOUT']);
  });

  it('stops an operation at its deadline with TIMEOUT, not INTERNAL', async () => {
    const hurried = productionYoga({ trustedDocuments: false, executionTimeoutMs: 0 });
    const answer = await send(hurried, {
      cookie: worker.cookie,
      json: { query: '{ persons(first: 200) { id outreachCases { id person { id } } } }' },
    });
    expect(answer.codes).toEqual(['TIMEOUT']);
    expect(answer.status).toBe(503);
  });

  it('gives the gateway’s database connection a statement_timeout', async () => {
    const [row] = await database().query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(row?.statement_timeout).toBe(`${DEFAULT_STATEMENT_TIMEOUT_MS / 1000}s`);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'has PostgreSQL end a statement that runs past it (PGlite cannot)',
    async () => {
      const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL!.trim());
      const db = await createDatabase({ url: scratch.url, migrate: false, statementTimeoutMs: 200 });
      try {
        await expect(db.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
        await expect(db.prisma.$queryRawUnsafe('SELECT pg_sleep(2)')).rejects.toThrow(
          /statement timeout|57014/,
        );
      } finally {
        await db.close();
        await scratch.drop();
      }
    },
  );
});

describe('the apps’ own operations', () => {
  it('all pass the limits, as the production gateway runs them', async () => {
    const manifest = new Map<string, string>();
    for (const app of APP_NAMES) {
      for (const [hash, text] of Object.entries(await manifestForApp(app))) manifest.set(hash, text);
    }
    expect(manifest.size).toBeGreaterThan(80);
    const yoga = productionYoga({ manifest: () => manifest });
    const refusals = new Set([
      'QUERY_TOO_COMPLEX',
      'REQUEST_TOO_LARGE',
      'TRUSTED_DOCUMENT_REQUIRED',
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    for (const [hash, text] of manifest) {
      expect(sha256(text)).toBe(hash);
      // Anonymous and without variables: the limits are checked before either matters.
      const answer = await send(yoga, {
        json: { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      });
      const refused = answer.codes.filter((code) => refusals.has(String(code)));
      expect(refused, text.split('\n')[0]).toEqual([]);
    }
  }, 120_000);
});
