import { describe, expect, it } from 'vitest';
import { graphql } from './graphql.ts';
import { createGraphqlClient } from './graphql-client.ts';

const MeQuery = graphql(`
  query Me {
    me { id }
  }
`);

/** A gateway that answers every request with one error of the given code. */
function answering(code: string) {
  return (async () =>
    new Response(JSON.stringify({ data: null, errors: [{ message: code, extensions: { code } }] }), {
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;
}

describe('the end of a session', () => {
  it('is reported when the gateway answers UNAUTHENTICATED', async () => {
    let ended = 0;
    const client = createGraphqlClient({
      fetch: answering('UNAUTHENTICATED'),
      onUnauthenticated: () => ended++,
    });
    const result = await client.query(MeQuery, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(ended).toBe(1);
  });

  it('is not reported for other refusals (a role without access is still logged in)', async () => {
    let ended = 0;
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION']) {
      const client = createGraphqlClient({ fetch: answering(code), onUnauthenticated: () => ended++ });
      await client.query(MeQuery, {}).toPromise();
    }
    expect(ended).toBe(0);
  });
});
