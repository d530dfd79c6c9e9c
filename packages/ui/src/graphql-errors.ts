import type { FieldError } from '@vi/domain';
import type { CombinedError } from 'urql';
import type { LocalizedText } from './catalogue.ts';

/** One problem with one input field, as the gateway reports it in `extensions.fields`. */
export type { FieldError };

/**
 * What went wrong with a request, reduced to what a screen shows: a stable code, the gateway's own
 * message in both languages when it sent one, and the field errors of a VALIDATION failure.
 * `NETWORK` and `UNEXPECTED` are produced here (no response, or a masked server error).
 */
export type RequestProblem = {
  code: string;
  message: LocalizedText | null;
  fields: FieldError[];
  /** Sent with masked (INTERNAL) errors so a user can quote it to support and we can find the log line. */
  requestId?: string;
};

function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null) return false;
  const { da, en } = value as Record<string, unknown>;
  return typeof da === 'string' && typeof en === 'string';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof code === 'string' && isLocalizedText(message);
}

export function describeRequestProblem(error: CombinedError): RequestProblem {
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: error.networkError ? 'NETWORK' : 'UNEXPECTED', message: null, fields: [] };
  }
  const extensions = first.extensions as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'UNEXPECTED';
  const fields = Array.isArray(extensions.fields) ? extensions.fields.filter(isFieldError) : [];
  // Yoga masks unexpected errors as INTERNAL_SERVER_ERROR without a message of ours: treat them alike.
  if (code === 'INTERNAL_SERVER_ERROR') return { code: 'UNEXPECTED', message: null, fields: [] };
  const problem: RequestProblem = {
    code,
    message: isLocalizedText(extensions.message) ? extensions.message : null,
    fields,
  };
  if (typeof extensions.requestId === 'string') problem.requestId = extensions.requestId;
  return problem;
}

export function fieldErrorsFor(problem: RequestProblem | null, field: string): FieldError[] {
  return problem ? problem.fields.filter((error) => error.field === field) : [];
}
