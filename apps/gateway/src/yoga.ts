import { type ExecutionResult, GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { cookiesFor, createContext, type GatewayContext, requestIdFor } from './context.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { corsFor, type DoorOptions, doorPlugins } from './door/door.ts';
import { readDoorSettings } from './door/door-settings.ts';
import { DEFAULT_APPS_ROOT, readManifests, requireManifest } from './door/trusted-documents.ts';
import {
  ErrorCode,
  GatewayError,
  internalError,
  isGatewayError,
  validationFromVariableError,
} from './errors.ts';
import { idempotencyPlugin } from './idempotency.ts';
import { hostileInputPlugin } from './input/hostile-input-plugin.ts';
import { logger } from './logger.ts';
import { schema } from './schema.ts';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Gives every error a stable code. Our own errors pass; GraphQL's variable
 * coercion errors become VALIDATION with the field; anything else is logged
 * with the request id and replaced by INTERNAL carrying that id, so a user
 * can quote it and we can find the stack trace. Yoga's own masking stays on
 * behind this as a backstop.
 */
export function classifyError(error: GraphQLError, requestId: string): GraphQLError {
  const original = error.originalError;
  if (isGatewayError(original) || isGatewayError(error)) {
    return error;
  }
  if (!original || original instanceof GraphQLError) {
    // The executor puts the variable prefix on the outer error and the
    // reason (e.g. the enum's complaint) on originalError.
    const fromVariable = validationFromVariableError(error);
    if (fromVariable) {
      return fromVariable;
    }
    const code = (original ?? error).extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      return error;
    }
  }
  if (isDatabaseUnavailable(original ?? error)) {
    // A restart or failover, not a bug: a coded answer the client can retry on (issue 10).
    logger.warn({ requestId, err: original ?? error, path: error.path?.join('.') }, 'database unavailable');
    return new GatewayError(ErrorCode.UNAVAILABLE, { extensions: { requestId } });
  }
  logger.error(
    { requestId, err: original ?? error, path: error.path?.join('.') },
    'unexpected error in GraphQL execution',
  );
  return internalError(requestId, error);
}

/**
 * Per operation: write the audit batch before the response leaves (if that
 * fails, the data is withheld), then classify errors.
 */
function auditAndErrorsPlugin(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue;
      return {
        async onExecuteDone({ result, setResult }) {
          // Streams (subscriptions, @defer) are not used; leave them untouched.
          if (Symbol.asyncIterator in result) {
            return;
          }
          try {
            await context.auditTrail.flush();
          } catch (error) {
            logger.error({ requestId: context.requestId, err: error }, 'audit write failed');
            const unavailable = isDatabaseUnavailable(error);
            setResult({
              data: null,
              errors: [
                unavailable ? new GatewayError(ErrorCode.UNAVAILABLE) : internalError(context.requestId),
              ],
            });
            return;
          }
          const executionResult = result as ExecutionResult;
          if (executionResult.errors?.length) {
            setResult({
              ...executionResult,
              errors: executionResult.errors.map((error) => classifyError(error, context.requestId)),
            });
          }
        },
      };
    },
  };
}

/** `x-request-id` on every response, and the session cookie when it changed. */
function responseHeadersPlugin(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdFor(request));
      for (const cookie of cookiesFor(request)) {
        response.headers.append('set-cookie', cookie);
      }
      if (!response.headers.has('cache-control')) {
        // Answers are per user; nothing in between may keep them.
        response.headers.set('cache-control', 'no-store');
      }
    },
  };
}

export interface GatewayYogaOptions {
  /** GraphiQL on GET /graphql; only for development. */
  graphiql?: boolean;
  /**
   * The door (src/door): trusted documents, introspection, GET, CORS. Defaults from the environment:
   * VI_TRUSTED_DOCUMENTS (on with NODE_ENV=production), VI_CORS_ORIGINS, and introspection for
   * everyone only outside production with trusted documents off. Tests pass production's here.
   */
  door?: Partial<DoorOptions>;
  /**
   * Plugins that run before the gateway's own, for measuring only (bench/src/request-phases.ts
   * times each phase of a request with them); the gateway's own instance passes none.
   */
  observers?: Plugin[];
}

const defaultManifests: { required?: Map<string, string>; optional?: Map<string, string> } = {};

/**
 * The built apps' manifests, read once. With trusted documents on, a missing one is a ConfigError;
 * off, whatever is built answers hashes (and the rest are learnt from the client's resend).
 */
function defaultManifestFor(trustedDocuments: boolean): () => Map<string, string> {
  return trustedDocuments
    ? () => (defaultManifests.required ??= requireManifest(DEFAULT_APPS_ROOT))
    : () => (defaultManifests.optional ??= readManifests(DEFAULT_APPS_ROOT).manifest);
}

/**
 * For the server's start: with trusted documents on, read the manifests now, so a start without a
 * build stops with a message naming `npm run build` and VI_TRUSTED_DOCUMENTS, not at the first request.
 */
export function loadTrustedDocuments(env: NodeJS.ProcessEnv = process.env): void {
  const { settings } = readDoorSettings(env);
  if (settings.trustedDocuments) defaultManifestFor(true)();
}

function doorOptionsFor(graphiql: boolean, given: Partial<DoorOptions> = {}): DoorOptions {
  const { settings } = readDoorSettings(process.env);
  const trustedDocuments = given.trustedDocuments ?? settings.trustedDocuments;
  const open = process.env.NODE_ENV !== 'production' && !trustedDocuments;
  return {
    trustedDocuments,
    manifest: defaultManifestFor(trustedDocuments),
    introspection: open ? 'everyone' : 'evaluators',
    allowGet: graphiql,
    corsOrigins: settings.corsOrigins,
    ...given,
  };
}

export function createGatewayYoga(
  options: GatewayYogaOptions = {},
): YogaServerInstance<Record<string, unknown>, GatewayContext> {
  const graphiql = options.graphiql ?? process.env.NODE_ENV === 'development';
  const door = doorOptionsFor(graphiql, options.door);
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initialContext) => createContext(initialContext.request, initialContext),
    maskedErrors: true,
    graphiql,
    landingPage: false,
    // No Access-Control-* header unless VI_CORS_ORIGINS names the origin exactly.
    cors: corsFor(door.corsOrigins),
    // The door's gate bounds the body (door/http-gate.ts): a declared Content-Length is the body's
    // length (Node's HTTP parser frames the body by it), and a body without one is counted as it
    // is read. Yoga's own ceiling wraps every body in a second stream even when its length is
    // declared, about a tenth of a small request's time in the gateway, and checks nothing more.
    maxRequestBodySize: false,
    // No file uploads; fewer request formats to reason about.
    multipart: false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ err: args[0] }, 'yoga'),
    },
    plugins: [
      ...(options.observers ?? []),
      responseHeadersPlugin(),
      auditAndErrorsPlugin(),
      hostileInputPlugin(),
      ...doorPlugins(door),
      // Last: its onExecuteDone runs after auditAndErrorsPlugin's, so it stores the classified answer.
      idempotencyPlugin(),
    ],
  });
}

/** The gateway's Yoga instance; tests call `yoga.fetch(...)` with no port. */
export const yoga = createGatewayYoga();
