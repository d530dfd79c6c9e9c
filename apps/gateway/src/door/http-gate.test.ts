/**
 * Issue 9, item 3 and the request-size part of item 2, sent the way a hostile page or client would:
 * a form-encoded logout from another site, text/plain, GET, no CSRF header, 10 MB of variables, a
 * 2 MB query, and CORS for a foreign origin.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase } from '../database.ts';
import {
  type Answer,
  CSRF,
  JSON_HEADERS,
  loggedIn,
  manifestOf,
  productionYoga,
  send,
  sha256,
  type Yoga,
} from './door-testing.ts';
import { REQUEST_LIMITS } from './limits.ts';

const ME = 'query Me { me { id email } }';
const LOGOUT = 'mutation Logout { logout }';
const IMPORT =
  'mutation ImportIncidents($input: IncidentImportInput!) { importIncidents(input: $input) { summary { rowCount } } }';
const FORM = 'query ParticipantForm($token: String!) { participantForm(token: $token) { __typename } }';

let yoga: Yoga;
let worker: Awaited<ReturnType<typeof loggedIn>>;

beforeAll(async () => {
  await openDatabase();
  yoga = productionYoga({ manifest: () => manifestOf(ME, LOGOUT, IMPORT, FORM) });
  worker = await loggedIn('OUTREACH_WORKER');
});

function byHash(text: string, variables?: unknown) {
  return {
    extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
    ...(variables ? { variables } : {}),
  };
}

async function stillLoggedIn(cookie: string): Promise<boolean> {
  const answer = await send(yoga, { cookie, json: byHash(ME) });
  return answer.body?.data?.me?.email === worker.email;
}

describe('only application/json POST reaches GraphQL', () => {
  it('refuses a form-encoded logout posted from a foreign origin before it runs, and the session lives on', async () => {
    expect(await stillLoggedIn(worker.cookie)).toBe(true);
    for (const raw of [
      `query=${encodeURIComponent(LOGOUT)}`,
      `extensions=${encodeURIComponent(JSON.stringify(byHash(LOGOUT).extensions))}`,
    ]) {
      const answer = await send(yoga, {
        cookie: worker.cookie,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        raw,
      });
      expect(answer.status).toBe(415);
      expect(answer.codes).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await stillLoggedIn(worker.cookie)).toBe(true);
  });

  it('refuses text/plain and multipart bodies (what a cross-site form can send) with 415', async () => {
    for (const contentType of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'multipart/form-data; boundary=x',
      'application/graphql',
    ]) {
      const answer = await send(yoga, {
        cookie: worker.cookie,
        headers: { 'content-type': contentType, ...CSRF },
        raw: JSON.stringify(byHash(LOGOUT)),
      });
      expect(answer.status, contentType).toBe(415);
      expect(answer.codes).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    }
    expect(await stillLoggedIn(worker.cookie)).toBe(true);
  });

  it('runs no query over GET in production (405), nor any other method', async () => {
    const get = await send(yoga, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(ME)}`,
      headers: { ...CSRF },
      cookie: worker.cookie,
    });
    expect(get.status).toBe(405);
    expect(get.codes).toEqual(['METHOD_NOT_ALLOWED']);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await send(yoga, { method: 'PUT', json: byHash(ME) });
    expect(put.status).toBe(405);
  });

  it('requires the CSRF header the apps send', async () => {
    const without = await send(yoga, {
      headers: { 'content-type': 'application/json' },
      json: byHash(ME),
      cookie: worker.cookie,
    });
    expect(without.status).toBe(403);
    expect(without.codes).toEqual(['CSRF_HEADER_REQUIRED']);
    const withIt = await send(yoga, { headers: JSON_HEADERS, json: byHash(ME), cookie: worker.cookie });
    expect(withIt.status).toBe(200);
  });

  it('in development accepts JSON without the header, but a GET (no preflight) only with it', async () => {
    const development = productionYoga({
      trustedDocuments: false,
      allowGet: true,
      introspection: 'everyone',
    });
    const json = await send(development, {
      headers: { 'content-type': 'application/json' },
      json: { query: ME },
    });
    expect(json.status).toBe(200);
    const get = `/graphql?query=${encodeURIComponent(ME)}`;
    const bare = await send(development, {
      method: 'GET',
      path: get,
      headers: { accept: 'application/json' },
    });
    expect(bare.status).toBe(403);
    expect(bare.codes).toEqual(['CSRF_HEADER_REQUIRED']);
    const withIt = await send(development, {
      method: 'GET',
      path: get,
      headers: { accept: 'application/json', ...CSRF },
    });
    expect(withIt.status).toBe(200);
  });
});

describe('request size is capped before parsing', () => {
  const big = (bytes: number) => 'x'.repeat(bytes);

  function expectTooLarge(answer: Answer): void {
    expect(answer.status).toBe(413);
    expect(answer.codes).toEqual(['REQUEST_TOO_LARGE']);
  }

  it('refuses 10 MB of variables, declared or streamed without a length', async () => {
    const raw = JSON.stringify({ ...byHash(FORM), variables: { token: big(10 * 1024 * 1024) } });
    expectTooLarge(
      await send(yoga, {
        cookie: worker.cookie,
        raw,
        headers: { ...JSON_HEADERS, 'content-length': String(raw.length) },
      }),
    );
    expectTooLarge(await send(yoga, { cookie: worker.cookie, raw }));
  });

  it('refuses a 2 MB query', async () => {
    const query = `query Big { me { id } } # ${big(2 * 1024 * 1024)}`;
    expectTooLarge(await send(yoga, { cookie: worker.cookie, json: { query } }));
    const development = productionYoga({ trustedDocuments: false });
    expectTooLarge(await send(development, { cookie: worker.cookie, json: { query } }));
  });

  it('refuses variables over 100 KB for anything but the incident import', async () => {
    const token = big(REQUEST_LIMITS.bodyBytes + 1);
    expectTooLarge(await send(yoga, { cookie: worker.cookie, json: byHash(FORM, { token }) }));
    // The same document with a small body still runs (the verdict is not cached for it).
    const small = await send(yoga, { cookie: worker.cookie, json: byHash(FORM, { token: 'abc' }) });
    expect(small.codes).not.toContain('REQUEST_TOO_LARGE');
    // Even named as the import: what counts is the operation that would run.
    const development = productionYoga({ trustedDocuments: false });
    const disguised = await send(development, {
      cookie: worker.cookie,
      json: { query: FORM.replace('ParticipantForm', 'ImportIncidents'), variables: { token } },
    });
    expectTooLarge(disguised);
  });

  it('lets the incident import carry a police list over 100 KB', async () => {
    const rows = Array.from({ length: 1_500 }, (_, index) => ({
      incidentDate: '2026-11-01',
      incidentType: 'Vold',
      role: 'Forurettet',
      name: `Person ${index} med et langt navn`,
      phone: '+45 12 34 56 78',
    }));
    const json = byHash(IMPORT, { input: { fileName: 'liste.csv', rows } });
    expect(JSON.stringify(json).length).toBeGreaterThan(REQUEST_LIMITS.bodyBytes);
    const answer = await send(yoga, { cookie: worker.cookie, json });
    expect(answer.codes).not.toContain('REQUEST_TOO_LARGE');
    expect(answer.status).not.toBe(413);
    expect(answer.body.data?.importIncidents?.summary?.rowCount).toBe(1_500);
  });
});

describe('CORS', () => {
  async function throughApp(yogaInstance: Yoga, init: RequestInit): Promise<Response> {
    const app = createApp({ yoga: yogaInstance });
    return app.fetch(new Request('http://localhost/graphql', init));
  }

  it('sends no Access-Control-* header at all when no origin is configured', async () => {
    const post = await throughApp(yoga, {
      method: 'POST',
      headers: { ...JSON_HEADERS, origin: 'https://evil.example' },
      body: JSON.stringify(byHash(ME)),
    });
    const preflight = await throughApp(yoga, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    for (const response of [post, preflight]) {
      const names = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(names).toEqual([]);
    }
    expect(preflight.status).toBe(405);
  });

  it('answers only an exactly allow-listed origin, with credentials', async () => {
    const partner = 'https://partner.example.dk';
    const listed = productionYoga({ manifest: () => manifestOf(ME), corsOrigins: [partner] });
    const allowed = await throughApp(listed, {
      method: 'OPTIONS',
      headers: { origin: partner, 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    for (const origin of [
      'https://evil.example',
      'https://partner.example.dk.evil.example',
      'http://partner.example.dk',
    ]) {
      const refused = await throughApp(listed, {
        method: 'POST',
        headers: { ...JSON_HEADERS, origin },
        body: JSON.stringify(byHash(ME)),
      });
      const names = [...refused.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(names, origin).toEqual([]);
    }
  });
});
