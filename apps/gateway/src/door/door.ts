/**
 * The door of /graphql (issue 9): who may send what, and how much. Assembled here from its parts so
 * createGatewayYoga gets one set of options:
 * - http-gate.ts: POST + application/json only (GET only with GraphiQL), CSRF header, body size;
 * - trusted-documents.ts: only the apps' own operations when on, evaluators' read-only evaluation queries;
 * - introspection.ts: the schema only for evaluators, except in development;
 * - limits.ts: depth, aliases, directives, tokens, cost (graphql-armor), no field suggestions;
 * - answers.ts: no suggestion in any answer, and a refusal's own HTTP status;
 * - execution-timeout.ts: a deadline per operation;
 * - CORS: none, unless an exact allow-list is configured.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { CORSOptions, Plugin } from 'graphql-yoga';
import { doorAnswersPlugin } from './answers.ts';
import { executionTimeoutPlugin } from './execution-timeout.ts';
import { CSRF_HEADER, httpGatePlugin } from './http-gate.ts';
import { introspectionPlugin } from './introspection.ts';
import { armorPlugins, REQUEST_LIMITS } from './limits.ts';
import { type Manifest, trustedDocumentsPlugins } from './trusted-documents.ts';

export interface DoorOptions {
  /** Only manifest documents run (and evaluators' read-only evaluation queries). */
  trustedDocuments: boolean;
  /** The apps' manifest, read when first needed. */
  manifest: () => Manifest;
  /** Who may introspect the schema. */
  introspection: 'everyone' | 'evaluators';
  /** GET /graphql executes queries (GraphiQL in development). */
  allowGet: boolean;
  /** Exact origins allowed to call from another site; empty: no CORS headers at all. */
  corsOrigins: readonly string[];
  /** Per-operation execution deadline. */
  executionTimeoutMs?: number;
}

/** CORS for an allow-listed origin only; any other request gets no Access-Control-* header. */
export function corsFor(origins: readonly string[]): false | ((request: Request) => CORSOptions) {
  if (origins.length === 0) return false;
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !origins.includes(origin)) return false as unknown as CORSOptions;
    return {
      origin: [origin],
      credentials: true,
      methods: ['POST'],
      allowedHeaders: ['content-type', CSRF_HEADER],
      maxAge: 600,
    };
  };
}

export function doorPlugins(options: DoorOptions): Plugin[] {
  return [
    httpGatePlugin({
      allowGet: options.allowGet,
      // With trusted documents only the apps call, and they always send it.
      csrf: options.trustedDocuments ? 'always' : 'simple-requests',
    }),
    // Yoga's own CSRF prevention on the same header, behind the gate's coded refusal.
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    introspectionPlugin({ allowed: options.introspection }),
    ...trustedDocumentsPlugins({ enforce: options.trustedDocuments, manifest: options.manifest }),
    ...armorPlugins(),
    doorAnswersPlugin(),
    executionTimeoutPlugin({ ms: options.executionTimeoutMs ?? REQUEST_LIMITS.executionMs }),
  ];
}
