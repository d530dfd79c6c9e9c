import { type ExecutionResult, GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { cookiesFor, createContext, type GatewayContext, requestIdFor } from './context.ts';
import { ErrorCode, internalError, isGatewayError, validationFromVariableError } from './errors.ts';
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
            setResult({ data: null, errors: [internalError(context.requestId)] });
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
}

export function createGatewayYoga(
  options: GatewayYogaOptions = {},
): YogaServerInstance<Record<string, unknown>, GatewayContext> {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: (initialContext) => createContext(initialContext.request, initialContext),
    maskedErrors: true,
    graphiql: options.graphiql ?? process.env.NODE_ENV === 'development',
    landingPage: false,
    // No file uploads; fewer request formats to reason about.
    multipart: false,
    logging: {
      debug: (...args) => logger.debug({ args }, 'yoga'),
      info: (...args) => logger.info({ args }, 'yoga'),
      warn: (...args) => logger.warn({ args }, 'yoga'),
      error: (...args) => logger.error({ err: args[0] }, 'yoga'),
    },
    plugins: [responseHeadersPlugin(), auditAndErrorsPlugin()],
  });
}

/** The gateway's Yoga instance; tests call `yoga.fetch(...)` with no port. */
export const yoga = createGatewayYoga();
