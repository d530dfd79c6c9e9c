import { GraphQLError } from 'graphql';
import { type ErrorCode, GatewayError, messageFor } from '../errors.ts';

/**
 * A refusal at the door: the usual coded error (Danish + English message), with the HTTP status
 * Yoga answers with (`extensions.http`, which Yoga uses and leaves out of the response body).
 */
export function doorError(
  code: ErrorCode,
  status?: number,
  extensions: Record<string, unknown> = {},
  headers?: Record<string, string>,
): GatewayError {
  // spec: false, or Yoga answers a validation-stage refusal with 200 to an application/json client.
  const http = status === undefined ? {} : { http: { status, spec: false, ...(headers ? { headers } : {}) } };
  return new GatewayError(code, { extensions: { ...extensions, ...http } });
}

/**
 * The one refusal whose GraphQL message is fixed by protocol: urql's persisted exchange resends the
 * document's text only on an error whose message is exactly `PersistedQueryNotFound`.
 */
export function persistedQueryNotFound(): GraphQLError {
  return new GraphQLError('PersistedQueryNotFound', {
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', message: messageFor('PERSISTED_QUERY_NOT_FOUND') },
  });
}
