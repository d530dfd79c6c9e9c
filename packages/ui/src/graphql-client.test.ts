import { describe, expect, it } from 'vitest';
import { graphql } from './graphql.ts';
import { CSRF_HEADER, createGraphqlClient, IDEMPOTENCY_HEADER } from './graphql-client.ts';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { id }
  }
`);
const MeQuery = graphql(`
  query Me {
    me { id }
  }
`);

function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(JSON.stringify({ data: { me: null, login: { id: 'u1', __typename: 'Me' } } }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe('createGraphqlClient', () => {
  it('sends variables in a POST body to same-origin /graphql, never in the URL', async () => {
    const { calls, fetchFn } = recordingFetch();
    const client = createGraphqlClient({ fetch: fetchFn });
    const variables = { input: { email: 'person@example.dk', password: 'secret phrase' } };
    await client.mutation(LoginMutation, variables).toPromise();
    await client.query(MeQuery, {}).toPromise();

    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.url).toBe('/graphql');
      expect(call.init.method).toBe('POST');
      expect(call.init.credentials).toBe('same-origin');
    }
    const firstBody = JSON.parse(String(calls[0]?.init.body));
    expect(firstBody.variables).toEqual(variables);
    expect(calls[0]?.url).not.toContain('person%40example.dk');
  });

  it('uses the url it is given', async () => {
    const { calls, fetchFn } = recordingFetch();
    await createGraphqlClient({ url: 'http://127.0.0.1:4000/graphql', fetch: fetchFn })
      .query(MeQuery, {})
      .toPromise();
    expect(calls[0]?.url).toBe('http://127.0.0.1:4000/graphql');
  });

  it('answers a repeated query from its cache, unless made without one', async () => {
    const cached = recordingFetch();
    const client = createGraphqlClient({ fetch: cached.fetchFn });
    await client.query(MeQuery, {}).toPromise();
    await client.query(MeQuery, {}).toPromise();
    expect(cached.calls).toHaveLength(1);

    const uncached = recordingFetch();
    const sessionClient = createGraphqlClient({ fetch: uncached.fetchFn, cache: false });
    await sessionClient.query(MeQuery, {}).toPromise();
    await sessionClient.query(MeQuery, {}).toPromise();
    expect(uncached.calls).toHaveLength(2);
  });
});

describe('createGraphqlClient and trusted documents', () => {
  it('sends only the sha256 of the document, over POST, with the CSRF header', async () => {
    const { calls, fetchFn } = recordingFetch();
    await createGraphqlClient({ fetch: fetchFn }).query(MeQuery, {}).toPromise();
    const body = JSON.parse(String(calls[0]?.init.body));
    expect(body.query).toBeUndefined();
    expect(body.extensions.persistedQuery).toEqual({
      version: 1,
      sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(calls[0]?.init.method).toBe('POST');
    expect(new Headers(calls[0]?.init.headers).get(CSRF_HEADER)).toBe('1');
  });

  it('sends mutations as a hash too, and the text with the same hash when the gateway does not know it', async () => {
    const bodies: Array<{ query?: string; extensions: { persistedQuery: { sha256Hash: string } } }> = [];
    const fetchFn = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      bodies.push(body);
      return Response.json(
        body.query
          ? { data: { login: { id: 'u1', __typename: 'Me' } } }
          : { errors: [{ message: 'PersistedQueryNotFound' }] },
      );
    }) as typeof fetch;
    const result = await createGraphqlClient({ fetch: fetchFn, cache: false })
      .mutation(LoginMutation, { input: { email: 'a@example.dk', password: 'x' } })
      .toPromise();
    expect(result.data?.login?.id).toBe('u1');
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.query).toBeUndefined();
    const text = bodies[1]?.query ?? '';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    expect(bodies[1]?.extensions.persistedQuery.sha256Hash).toBe(hex);
    expect(bodies[0]?.extensions.persistedQuery.sha256Hash).toBe(hex);
  });
});

describe('idempotency keys (issue 10)', () => {
  it('sends a new Idempotency-Key with each mutation, and none with queries', async () => {
    const { calls, fetchFn } = recordingFetch();
    const client = createGraphqlClient({ fetch: fetchFn, cache: false });
    const variables = { input: { email: 'person@example.dk', password: 'secret phrase' } };
    await client.mutation(LoginMutation, variables).toPromise();
    await client.mutation(LoginMutation, variables).toPromise();
    await client.query(MeQuery, {}).toPromise();
    const keys = calls.map((call) => (call.init.headers as Record<string, string>)[IDEMPOTENCY_HEADER]);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBeUndefined();
    // The CSRF header is still sent with a mutation.
    expect((calls[0]!.init.headers as Record<string, string>)[CSRF_HEADER]).toBe('1');
  });
});
