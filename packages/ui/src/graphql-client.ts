import { Client, cacheExchange, fetchExchange } from 'urql';

export type GraphqlClientOptions = {
  /** Defaults to the same-origin `/graphql` the gateway serves next to the apps. */
  url?: string;
  /** For tests and non-browser callers; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Keep results in urql's document cache (default true). */
  cache?: boolean;
};

export function createGraphqlClient(options: GraphqlClientOptions = {}): Client {
  return new Client({
    url: options.url ?? '/graphql',
    exchanges: options.cache === false ? [fetchExchange] : [cacheExchange, fetchExchange],
    // Variables hold names and phone numbers: as GET they would land in URLs, proxies and access logs.
    preferGetMethod: false,
    // The session is an HttpOnly cookie on the same origin; no token is ever visible to scripts.
    fetchOptions: { credentials: 'same-origin' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
