/**
 * Issue 9, item 1: with trusted documents on (production), only the apps' own operations run; an
 * evaluator may also send read-only queries on the evaluation (their GraphiQL) and introspect; any
 * other document, and any mutation that is not in the manifest, is refused for everyone.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { openDatabase } from '../database.ts';
import {
  JSON_HEADERS,
  loggedIn,
  manifestOf,
  productionYoga,
  send,
  sha256,
  type Yoga,
} from './door-testing.ts';
import { MANIFEST_APPS, readManifests, requireManifest } from './trusted-documents.ts';

const ME = 'query Me { me { id email } }';
const LOGOUT = 'mutation Logout { logout }';
const EVALUATION = 'query Figures { evaluation { organizations { id name } } }';

let yoga: Yoga;
let anonymous: null;
let worker: Awaited<ReturnType<typeof loggedIn>>;
let evaluator: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  await openDatabase();
  yoga = productionYoga({ manifest: () => manifestOf(ME, LOGOUT) });
  anonymous = null;
  worker = await loggedIn('OUTREACH_WORKER');
  evaluator = await loggedIn('EVALUATOR');
});

const byHash = (text: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
});

async function me(cookie: string): Promise<string | null> {
  const answer = await send(yoga, { cookie, json: byHash(ME) });
  return answer.body.data?.me?.email ?? null;
}

describe('trusted documents on', () => {
  it('runs a manifest document sent as its hash', async () => {
    expect(await me(worker.cookie)).toBe(worker.email);
    const answer = await send(yoga, { cookie: anonymous, json: byHash(ME) });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ me: null });
  });

  it('answers an unknown hash with PersistedQueryNotFound, coded', async () => {
    const answer = await send(yoga, { json: byHash('query Unknown { me { id } }') });
    expect(answer.codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(answer.body.errors[0].message).toBe('PersistedQueryNotFound');
    expect(answer.body.errors[0].extensions.message.da).toBeTruthy();
  });

  it('refuses a document sent as text by anyone but an evaluator, even one that is in the manifest', async () => {
    for (const cookie of [anonymous, worker.cookie]) {
      for (const query of ['{ me { id } }', ME, EVALUATION, '{ persons(first: 200) { id } }']) {
        const answer = await send(yoga, { cookie, json: { query, ...byHash(query) } });
        expect(answer.status, query).toBe(403);
        expect(answer.codes, query).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
      }
    }
  });

  it('lets an evaluator run a read-only query on the evaluation (their GraphiQL)', async () => {
    const answer = await send(yoga, { cookie: evaluator.cookie, json: { query: EVALUATION } });
    expect(answer.codes).toEqual([]);
    expect(answer.body.data.evaluation.organizations).toEqual([
      { id: evaluator.organizationId, name: expect.any(String) },
    ]);
    const typename = await send(yoga, { cookie: evaluator.cookie, json: { query: '{ __typename }' } });
    expect(typename.body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses an evaluator any mutation or other root field that is not in the manifest, and nothing runs', async () => {
    const attempts = [
      'mutation { logout }',
      'mutation Logout { logout }',
      '{ evaluation { from } me { id } }',
      '{ evaluation { from } persons(first: 200) { id } }',
      'query { ...Everything } fragment Everything on Query { persons(first: 200) { id } }',
      'query { ... on Query { me { id } } }',
      'subscription { __typename }',
    ];
    for (const query of attempts) {
      const answer = await send(yoga, { cookie: evaluator.cookie, json: { query } });
      expect(answer.status, query).toBeGreaterThanOrEqual(400);
      expect(answer.status, query).toBeLessThan(500);
      expect(answer.body.data ?? null, query).toBeNull();
      expect(answer.codes, query).toContain('TRUSTED_DOCUMENT_REQUIRED');
    }
    expect(await me(evaluator.cookie)).toBe(evaluator.email);
  });

  it('lets an evaluator introspect, and refuses anonymous and staff introspection', async () => {
    const query = getIntrospectionQuery();
    const allowed = await send(yoga, { cookie: evaluator.cookie, json: { query } });
    expect(allowed.codes).toEqual([]);
    expect(allowed.body.data.__schema.queryType.name).toBe('Query');
    for (const cookie of [anonymous, worker.cookie]) {
      const refused = await send(yoga, { cookie, json: { query } });
      expect(refused.status).toBe(403);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.codes).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    }
  });
});

describe('introspection in production with trusted documents off', () => {
  it('is refused to anonymous and staff callers and allowed to evaluators', async () => {
    const open = productionYoga({ trustedDocuments: false });
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Person") { fields { name } } }']) {
      for (const cookie of [anonymous, worker.cookie]) {
        const refused = await send(open, { cookie, json: { query } });
        expect(refused.status).toBe(403);
        expect(refused.codes[0]).toBe('INTROSPECTION_DISABLED');
        expect(refused.body.data ?? null).toBeNull();
      }
      const allowed = await send(open, { cookie: evaluator.cookie, json: { query } });
      expect(allowed.codes).toEqual([]);
    }
    // __typename is no introspection.
    const typename = await send(open, { json: { query: '{ __typename }' } });
    expect(typename.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('trusted documents off (development)', () => {
  it('answers a hash it does not know with PersistedQueryNotFound, then learns it from the resend', async () => {
    const development = productionYoga({ trustedDocuments: false, introspection: 'everyone' });
    const query = 'query Learnt { me { id } }';
    const first = await send(development, { headers: JSON_HEADERS, json: byHash(query) });
    expect(first.body.errors[0].message).toBe('PersistedQueryNotFound');
    const resend = await send(development, { json: { query, ...byHash(query) } });
    expect(resend.body.data).toEqual({ me: null });
    const again = await send(development, { json: byHash(query) });
    expect(again.body.data).toEqual({ me: null });
    // A hash that is not the text's is not learnt.
    const forged = { query: '{ __typename }', ...byHash('query Forged { me { id } }') };
    await send(development, { json: forged });
    const forgedAgain = await send(development, { json: byHash('query Forged { me { id } }') });
    expect(forgedAgain.codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('the manifest files', () => {
  function appsRootWith(write: (app: string) => string | null): string {
    const root = mkdtempSync(join(tmpdir(), 'vi-door-manifest-'));
    for (const app of MANIFEST_APPS) {
      const content = write(app);
      if (content === null) continue;
      mkdirSync(join(root, app, 'dist'), { recursive: true });
      writeFileSync(join(root, app, 'dist', 'trusted-documents.json'), content);
    }
    return root;
  }

  it('refuses a start with trusted documents on and an app not built, naming the command and the setting', () => {
    const root = appsRootWith((app) => (app === 'evaluation' ? null : '{}'));
    expect(() => requireManifest(root)).toThrow(ConfigError);
    try {
      requireManifest(root);
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('npm run build');
      expect(message).toContain('VI_TRUSTED_DOCUMENTS');
      expect(message).toContain(join('evaluation', 'dist', 'trusted-documents.json'));
    }
  });

  it('merges the three apps’ manifests and refuses an entry whose hash is not its text’s', () => {
    const root = appsRootWith((app) =>
      JSON.stringify({
        [sha256(`query ${app.replace('-', '')} { me { id } }`)]:
          `query ${app.replace('-', '')} { me { id } }`,
      }),
    );
    expect(requireManifest(root).size).toBe(3);
    const tampered = appsRootWith(() => JSON.stringify({ [sha256(ME)]: LOGOUT }));
    expect(() => readManifests(tampered)).toThrow(/sha256/);
  });
});
