/**
 * Trusted documents: with VI_TRUSTED_DOCUMENTS on (production), the gateway runs only operations
 * from the manifests the apps' builds write (tooling/trusted-documents), looked up by the sha256
 * the client sends in `extensions.persistedQuery`. Evaluators alone may also send a document's text,
 * as their GraphiQL does, and then only read-only queries on `evaluation` (and introspection).
 * Off (development, tests), any document runs; hashes the client sends are answered from the
 * manifests when built and otherwise learnt from the client's resend.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ConfigError } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { doorError, persistedQueryNotFound } from './door-errors.ts';
import { isEvaluatorRequest } from './evaluator.ts';

/** The apps whose builds write a manifest: apps/<name>/dist/trusted-documents.json. */
export const MANIFEST_APPS = ['outreach', 'group-course', 'evaluation'] as const;
export const MANIFEST_FILE = 'trusted-documents.json';

/** The repo's apps/ folder, where the gateway also finds the built apps it serves. */
export const DEFAULT_APPS_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** sha256 hex of the document text → the text. */
export type Manifest = ReadonlyMap<string, string>;

export function manifestPaths(appsRoot: string): string[] {
  return MANIFEST_APPS.map((app) => join(appsRoot, app, 'dist', MANIFEST_FILE));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads the apps' manifests into one map, checking each entry's hash against its text (the lookup
 * trusts the key). Missing files are listed, not fatal: see requireManifest.
 */
export function readManifests(appsRoot: string): { manifest: Map<string, string>; missing: string[] } {
  const manifest = new Map<string, string>();
  const missing: string[] = [];
  for (const path of manifestPaths(appsRoot)) {
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    const entries = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    for (const [hash, text] of Object.entries(entries)) {
      if (typeof text !== 'string' || sha256(text) !== hash) {
        throw new ConfigError([
          `${path}: the entry ${hash} is not the sha256 of its document; rebuild the apps.`,
        ]);
      }
      manifest.set(hash, text);
    }
  }
  return { manifest, missing };
}

/** The manifest trusted documents need: all three apps built, or a start that says what to do. */
export function requireManifest(appsRoot: string): Map<string, string> {
  const { manifest, missing } = readManifests(appsRoot);
  if (missing.length > 0) {
    throw new ConfigError([
      `Trusted documents are on (VI_TRUSTED_DOCUMENTS=1, the default with NODE_ENV=production), but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: build the apps first with \`npm run build\` (their build writes the manifest), or set VI_TRUSTED_DOCUMENTS=0 to accept any operation.`,
    ]);
  }
  return manifest;
}

/** Root fields an evaluator's own document may ask for. */
const EVALUATOR_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'evaluation',
  '__typename',
  '__schema',
  '__type',
]);

function rootFields(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  seen: Set<string> = new Set(),
): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      names.push(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      names.push(...rootFields(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(selection.name.value);
      if (fragment) names.push(...rootFields(fragment.selectionSet, context, seen));
    }
  }
  return names;
}

/** A document that is not in the manifest may only read the evaluation (an evaluator's GraphiQL). */
function EvaluatorReadOnlyRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const refused =
        node.operation !== 'query' ||
        rootFields(node.selectionSet, context).some((name) => !EVALUATOR_ROOT_FIELDS.has(name));
      if (refused) {
        context.reportError(
          doorError(ErrorCode.TRUSTED_DOCUMENT_REQUIRED, 403, { allowed: 'query { evaluation }' }),
        );
      }
    },
  };
}

const customErrors = {
  notFound: () => persistedQueryNotFound(),
  persistedQueryOnly: () => doorError(ErrorCode.TRUSTED_DOCUMENT_REQUIRED, 403),
  keyNotFound: () =>
    doorError(ErrorCode.BAD_REQUEST, 400, { reason: 'no query and no persisted query hash' }),
};

export interface TrustedDocumentsOptions {
  /** Run only manifest documents (and evaluators' read-only evaluation queries). */
  enforce: boolean;
  /** The manifest; read on first use so that importing the gateway needs no build. */
  manifest: () => Manifest;
}

/** How many hashes the development mode remembers from resends. */
const LEARNT_LIMIT = 2_000;

export function trustedDocumentsPlugins(options: TrustedDocumentsOptions): Plugin[] {
  if (options.enforce) {
    const arbitrary = new WeakSet<Request>();
    return [
      usePersistedOperations({
        getPersistedOperation: (hash) => options.manifest().get(hash) ?? null,
        // Called only for a request that sends a document's text.
        allowArbitraryOperations: (request) => {
          arbitrary.add(request);
          return isEvaluatorRequest(request);
        },
        customErrors,
      }),
      {
        onValidate({ context, addValidationRule }) {
          const request = (context as { request?: Request }).request;
          if (request && arbitrary.has(request)) addValidationRule(EvaluatorReadOnlyRule);
        },
      },
    ];
  }
  const learnt = new Map<string, string>();
  return [
    {
      // The client resends a hash it was told is unknown with the text; keep the pair if it matches.
      onParams({ params }) {
        const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
        if (typeof params.query !== 'string' || typeof hash !== 'string' || learnt.has(hash)) return;
        if (sha256(params.query) !== hash) return;
        if (learnt.size >= LEARNT_LIMIT) learnt.delete(learnt.keys().next().value as string);
        learnt.set(hash, params.query);
      },
    },
    usePersistedOperations({
      getPersistedOperation: (hash) => options.manifest().get(hash) ?? learnt.get(hash) ?? null,
      allowArbitraryOperations: true,
      customErrors,
    }),
  ];
}
