/**
 * The manifest of trusted documents: { sha256 hex: document text }, exactly the text the apps' urql
 * client puts in `query` and hashes into `extensions.persistedQuery.sha256Hash`. Rather than
 * reproduce urql's printing (which differs with and without its document cache, which adds
 * `__typename`), each document is sent through the apps' own client (packages/ui
 * createGraphqlClient, both configurations) to a stand-in fetch that first answers
 * PersistedQueryNotFound, so the client sends the text with its hash, and records both.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'urql';
// The module itself rather than @vi/ui's index, which would load the React components too.
import { createGraphqlClient } from '../../../packages/ui/src/graphql-client.ts';
import type { FoundDocument } from './extract.ts';

type DocumentInput = Parameters<Client['query']>[0];

export type Manifest = Record<string, string>;

export interface SentDocument {
  hash: string;
  query: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the client sends for `document`: hash and text, once with its cache and once without. */
export async function sentForms(
  document: DocumentInput,
  kind: 'query' | 'mutation',
): Promise<SentDocument[]> {
  const sent: SentDocument[] = [];
  const fetchStandIn = (async (_url: string | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as {
      query?: string;
      extensions?: { persistedQuery?: { sha256Hash?: string } };
    };
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash !== 'string') {
      throw new Error(
        'The client sent no persisted-query hash; is persistedExchange in createGraphqlClient?',
      );
    }
    if (body.query === undefined) {
      return Response.json({ errors: [{ message: 'PersistedQueryNotFound' }] });
    }
    sent.push({ hash, query: body.query });
    return Response.json({ data: {} });
  }) as typeof fetch;

  for (const cache of [true, false]) {
    const client = createGraphqlClient({
      url: 'http://manifest.invalid/graphql',
      fetch: fetchStandIn,
      cache,
    });
    const operation =
      kind === 'query'
        ? client.query(document, {}, { requestPolicy: 'network-only' })
        : client.mutation(document, {});
    await operation.toPromise();
  }
  if (sent.length !== 2) {
    throw new Error(`Expected the client to send the document twice, recorded ${sent.length} times.`);
  }
  return sent;
}

/**
 * The manifest for an app's documents. Checks, for every entry, that the hash the client computed is
 * the sha256 of the text it sent: the gateway looks documents up by that hash.
 */
export async function buildManifest(documents: readonly FoundDocument[]): Promise<Manifest> {
  const entries = new Map<string, string>();
  for (const found of documents) {
    if (found.operation === null) continue;
    if (found.operation === 'subscription') {
      throw new Error(`${found.file}:${found.line}: subscriptions are not used and not supported.`);
    }
    for (const { hash, query } of await sentForms(
      found.document as unknown as DocumentInput,
      found.operation,
    )) {
      if (sha256Hex(query) !== hash) {
        throw new Error(
          `${found.file}:${found.line}: the client's hash is not the sha256 of the text it sent.`,
        );
      }
      entries.set(hash, query);
    }
  }
  // Sorted, so the same sources always give the same file.
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}
