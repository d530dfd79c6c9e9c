import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange, fetchExchange, makeOperation, mapExchange } from 'urql';

/**
 * Sent with every request. The gateway's CSRF prevention refuses a request without it: a form or a
 * link on another site cannot set a header, and a script there that tried would need CORS to allow it.
 */
export const CSRF_HEADER = 'x-vi-csrf';

/**
 * Sent with every mutation, new for each (issue 10): the gateway runs a mutation once per key, so a
 * retry (the persisted-query resend, a reconnect, a double click that reuses the operation) creates
 * nothing twice. getRandomValues, not randomUUID: the latter is missing outside secure contexts.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Before the persisted exchange: its resend of the text carries the same key. */
const idempotencyExchange = mapExchange({
  onOperation(operation) {
    if (operation.kind !== 'mutation') return operation;
    const given = operation.context.fetchOptions;
    const options = (typeof given === 'function' ? given() : given) ?? {};
    const headers = {
      ...(options.headers as Record<string, string>),
      [IDEMPOTENCY_HEADER]: newIdempotencyKey(),
    };
    return makeOperation(operation.kind, operation, {
      ...operation.context,
      fetchOptions: { ...options, headers },
    });
  },
});

export type GraphqlClientOptions = {
  /** Defaults to the same-origin `/graphql` the gateway serves next to the apps. */
  url?: string;
  /** For tests and non-browser callers; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Keep results in urql's document cache (default true). */
  cache?: boolean;
  /** Called when the gateway answers an operation with UNAUTHENTICATED: the session has ended. */
  onUnauthenticated?: () => void;
};

/** Reports UNAUTHENTICATED answers; the session (session.tsx) then returns to the login page. */
function unauthenticatedExchange(onUnauthenticated: () => void) {
  return mapExchange({
    onResult(result) {
      if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        onUnauthenticated();
      }
    },
  });
}

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
    exchanges: [
      ...(options.onUnauthenticated ? [unauthenticatedExchange(options.onUnauthenticated)] : []),
      ...(options.cache === false
        ? [idempotencyExchange, persisted, fetchExchange]
        : [cacheExchange, idempotencyExchange, persisted, fetchExchange]),
    ],
    // Variables hold names and phone numbers: as GET they would land in URLs, proxies and access logs.
    preferGetMethod: false,
    // The session is an HttpOnly cookie on the same origin; no token is ever visible to scripts.
    fetchOptions: { credentials: 'same-origin', headers: { [CSRF_HEADER]: '1' } },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
