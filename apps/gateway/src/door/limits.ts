/**
 * Limits on what one operation may ask, with graphql-armor: depth, aliases, directives, tokens and
 * cost, each refusal a QUERY_TOO_COMPLEX naming the limit. Chosen from the apps' own documents
 * (limits.test.ts sends every manifest document through them): the largest, the evaluation
 * dashboard, has depth 7, 4 aliases, 4 directives, 1,143 tokens and a cost of about 12,500 (fragments
 * flattened). Abuse from issue 9 (50 levels, 1,000 aliases, 100 × persons(first: 200)) is far over.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { doorError } from './door-errors.ts';

export const QUERY_LIMITS = {
  depth: 10,
  aliases: 15,
  directives: 10,
  tokens: 2_500,
  /** armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal `first`/`last`. */
  cost: 25_000,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

/** The HTTP side of a request. */
export const REQUEST_LIMITS = {
  /** Any request body (query and variables) up to this; larger only for the import below. */
  bodyBytes: 100 * 1024,
  /**
   * The incident import sends the police list in one request: up to 20,000 rows (MAX_IMPORT_ROWS) of
   * about 200 bytes. Nothing larger is read at all, and only the import may use more than bodyBytes.
   */
  importBodyBytes: 6 * 1024 * 1024,
  /** The document text itself (the dashboard's is 11,379 characters). */
  queryCharacters: 32 * 1024,
  /** One operation's execution; the database also stops each statement (statement_timeout in @vi/db). */
  executionMs: 30_000,
} as const;

/** The only root fields a request over bodyBytes may have: the import and its preview. */
export const LARGE_INPUT_FIELDS: ReadonlySet<string> = new Set(['importIncidents', 'previewIncidentImport']);

export function limitError(limit: QueryLimit | 'query' | 'body'): ReturnType<typeof doorError> {
  if (limit === 'query' || limit === 'body') {
    const max = limit === 'query' ? REQUEST_LIMITS.queryCharacters : REQUEST_LIMITS.bodyBytes;
    return doorError(ErrorCode.REQUEST_TOO_LARGE, 413, { limit, max });
  }
  return doorError(ErrorCode.QUERY_TOO_COMPLEX, 400, { limit, max: QUERY_LIMITS[limit] });
}

/** Validation rules report our coded error instead of armor's text; validation goes on and Yoga answers 400. */
function report(limit: QueryLimit): Array<(context: ValidationContext | null) => void> {
  return [(context) => context?.reportError(limitError(limit))];
}

/** `Did you mean "persons"?` would hand out the schema's names to anyone who guesses near them. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

export function armorPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: {
      n: QUERY_LIMITS.depth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: report('depth'),
    },
    maxAliases: { n: QUERY_LIMITS.aliases, propagateOnRejection: false, onReject: report('aliases') },
    maxDirectives: {
      n: QUERY_LIMITS.directives,
      propagateOnRejection: false,
      onReject: report('directives'),
    },
    costLimit: {
      maxCost: QUERY_LIMITS.cost,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: report('cost'),
    },
    // Counted while parsing, so a huge document stops at the first token over: throw our error there.
    maxTokens: {
      n: QUERY_LIMITS.tokens,
      propagateOnRejection: false,
      onReject: [
        () => {
          throw limitError('tokens');
        },
      ],
    },
    blockFieldSuggestion: { mask: '' },
  });
  return armor.protect().plugins as Plugin[];
}
