/**
 * A last pass over every answer from /graphql:
 * - no "Did you mean …?": armor's pattern misses graphql-js' `Did you mean the enum value "WOMAN"?`,
 *   and suggestions can come from stages armor does not see;
 * - a door refusal keeps its own HTTP status: Yoga marks every parse error (the token limit throws
 *   while parsing) as one to answer with 200 to an application/json client.
 */
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { withoutSuggestions } from './limits.ts';

const DOOR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_REQUEST,
  ErrorCode.METHOD_NOT_ALLOWED,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ErrorCode.CSRF_HEADER_REQUIRED,
  ErrorCode.REQUEST_TOO_LARGE,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
  ErrorCode.INTROSPECTION_DISABLED,
  ErrorCode.TIMEOUT,
]);

type AnswerError = { message: string; extensions?: { code?: unknown; http?: { spec?: boolean } } };

export function doorAnswersPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        const errors = (single as { errors?: AnswerError[] }).errors;
        for (const error of errors ?? []) {
          if (error.message.includes('Did you mean')) error.message = withoutSuggestions(error.message);
          const http = error.extensions?.http;
          if (http && DOOR_CODES.has(String(error.extensions?.code))) http.spec = false;
        }
      }
    },
  };
}
