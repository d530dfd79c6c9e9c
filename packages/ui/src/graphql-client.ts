import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * Sent with every request. The gateway's CSRF prevention refuses a request without it: a form or a
 * link on another site cannot set a header, and a script there that tried would need CORS to allow it.
 */
export const CSRF_HEADER = 'x-vi-csrf';

export type GraphqlClientOptions = {
  /** Defaults to the same-origin `/graphql` the gateway serves next to the apps. */
  url?: string;
  /** For tests and non-browser callers; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Keep results in urql's document cache (default true). */
  cache?: boolean;
};

export function createGraphqlClient(options: GraphqlClientOptions = {}): Client {
  // Trusted documents: each operation goes out as the sha256 of its text only, and the production
  // gateway runs it from the manifest extracted from the apps at build time
  // (tooling/trusted-documents). A gateway that does not know the hash answers
  // PersistedQueryNotFound and the exchange sends the text once more with it (development).
  const persisted = persistedExchange({
    enableForMutation: true,
    // Stay on POST: as GET, variables (names, phone numbers) would land in URLs and access logs.
    preferGetForPersistedQueries: false,
  });
  return new Client({
    url: options.url ?? '/graphql',
    // After the cache exchange, which adds __typename: the hash is of the text that is sent.
    exchanges:
      options.cache === false ? [persisted, fetchExchange] : [cacheExchange, persisted, fetchExchange],
    // Variables hold names and phone numbers: as GET they would land in URLs, proxies and access logs.
    preferGetMethod: false,
    // The session is an HttpOnly cookie on the same origin; no token is ever visible to scripts.
    fetchOptions: { credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
