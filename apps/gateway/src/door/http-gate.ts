/**
 * What a request to /graphql must look like before anything in it is parsed: POST with
 * application/json (GET only where GraphiQL is on), the CSRF header, and a bounded body. A form or
 * text/plain POST from another site (no preflight, so CORS never stops it) is refused here, before
 * execution.
 */
import { type ASTVisitor, Kind, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { doorError } from './door-errors.ts';
import { LARGE_INPUT_FIELDS, limitError, REQUEST_LIMITS } from './limits.ts';

/** Sent by the apps' client (packages/ui graphql-client.ts CSRF_HEADER) on every request. */
export const CSRF_HEADER = 'x-vi-csrf';

export interface HttpGateOptions {
  /** GET /graphql executes queries (GraphiQL in development); otherwise 405. */
  allowGet: boolean;
  /**
   * 'always': every request needs the CSRF header (trusted documents: only the apps call, and they
   * send it). 'simple-requests': only those a browser sends cross-site without a preflight (Yoga's
   * csrfPrevention rule), so tools can post JSON in development.
   */
  csrf: 'always' | 'simple-requests';
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const bodySizes = new WeakMap<Request, number>();
const largeBodies = new WeakSet<Request>();

/** Counts the body's bytes while Yoga's JSON parser reads it, and stops at the ceiling. */
function countingRequest(
  request: Request,
  fetchAPI: FetchAPI,
  limit: number,
  onDone: (bytes: number) => void,
): Request {
  if (!request.body) return request;
  let bytes = 0;
  // As Yoga's own body limit does: the stream class must match the body's (native or whatwg-node's).
  const Transform =
    request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const counted = request.body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) {
          controller.error(doorError(ErrorCode.REQUEST_TOO_LARGE, 413, { limit: 'body', max: limit }));
          return;
        }
        controller.enqueue(chunk);
      },
      flush() {
        onDone(bytes);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error Node's fetch needs it for a streamed body; the DOM typings lack it.
    duplex: 'half',
  });
}

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.map((selection) =>
    selection.kind === Kind.FIELD ? selection.name.value : `…${selection.kind}`,
  );
}

/** Over bodyBytes only the import may run: its rows are the one large input the apps send. */
function LargeBodyOnlyForImportRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const fields = rootFieldNames(operation);
      const isImport =
        operation.operation === 'mutation' &&
        fields.length > 0 &&
        fields.every((name) => LARGE_INPUT_FIELDS.has(name));
      if (!isImport) context.reportError(limitError('body'));
    },
  };
}

export function httpGatePlugin(options: HttpGateOptions): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const method = request.method.toUpperCase();
      if (method === 'POST') {
        if (mediaType(request.headers.get('content-type')) !== 'application/json') {
          throw doorError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, {}, { accept: 'application/json' });
        }
      } else if (!(method === 'GET' && options.allowGet)) {
        throw doorError(
          ErrorCode.METHOD_NOT_ALLOWED,
          405,
          {},
          { allow: options.allowGet ? 'GET, POST' : 'POST' },
        );
      }
      // A POST with application/json is preflighted by any browser, so CORS guards it; a GET is not.
      const needsHeader = options.csrf === 'always' || method !== 'POST';
      if (needsHeader && !request.headers.has(CSRF_HEADER)) {
        throw doorError(ErrorCode.CSRF_HEADER_REQUIRED, 403, { header: CSRF_HEADER });
      }

      const declared = request.headers.get('content-length');
      if (declared !== null && /^\d+$/.test(declared) && Number(declared) > REQUEST_LIMITS.importBodyBytes) {
        throw doorError(ErrorCode.REQUEST_TOO_LARGE, 413, {
          limit: 'body',
          max: REQUEST_LIMITS.importBodyBytes,
        });
      }
      if (method === 'GET') {
        bodySizes.set(request, request.url.length);
      } else if (declared !== null && /^\d+$/.test(declared) && !request.headers.has('transfer-encoding')) {
        // A declared length is the body's length: Node's HTTP parser frames the body by it and
        // reads no further, so the stream need not be counted (which costs a TransformStream
        // and a second Request per request). Streams without a length are counted below.
        bodySizes.set(request, Number(declared));
      } else if (requestParser) {
        setRequestParser((incoming) =>
          requestParser(
            countingRequest(incoming, fetchAPI, REQUEST_LIMITS.importBodyBytes, (bytes) =>
              bodySizes.set(request, bytes),
            ),
          ),
        );
      }
    },
    onParams({ request, params }) {
      if (typeof params.query === 'string' && params.query.length > REQUEST_LIMITS.queryCharacters) {
        throw limitError('query');
      }
      if ((bodySizes.get(request) ?? 0) > REQUEST_LIMITS.bodyBytes) {
        largeBodies.add(request);
      }
    },
    // A validation rule, so nothing later (input checks, execution) walks a large body first, and
    // Yoga's validation cache keeps this verdict apart from the same document's in a small request.
    onValidate({ context, addValidationRule }) {
      const request = (context as { request?: Request }).request;
      if (request && largeBodies.has(request)) addValidationRule(LargeBodyOnlyForImportRule);
    },
  };
}
