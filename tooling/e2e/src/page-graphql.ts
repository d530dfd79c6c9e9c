import type { Page } from 'playwright-core';

export type GraphqlAnswer<Data = Record<string, unknown>> = {
  data?: Data;
  errors?: Array<{ message: string }>;
};

/**
 * Sends a GraphQL operation from inside the page, as the apps do: with the page's session cookie, the
 * CSRF header and a fresh idempotency key. For a test's setup and read-backs through the gateway's API
 * (the stack then runs any operation: VI_TRUSTED_DOCUMENTS=0). The answer as it came, errors included.
 */
export async function postGraphql<Data = Record<string, unknown>>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer<Data>> {
  return (await page.evaluate(
    async ({ query, variables }) => {
      const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vi-csrf': '1', 'idempotency-key': key },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlAnswer;
    },
    { query, variables },
  )) as GraphqlAnswer<Data>;
}

/** The data of `postGraphql`; an answer with errors throws, naming them (a setup step must not fail quietly). */
export async function graphqlInPage<Data = Record<string, unknown>>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  const answer = await postGraphql<Data>(page, query, variables);
  if (answer.errors?.length) throw new Error(`GraphQL: ${answer.errors.map((e) => e.message).join('; ')}`);
  return answer.data ?? ({} as Data);
}
