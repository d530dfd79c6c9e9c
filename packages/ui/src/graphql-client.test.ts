import { describe, expect, it } from 'vitest';
import { graphql } from './graphql.ts';
import { createGraphqlClient } from './graphql-client.ts';

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
