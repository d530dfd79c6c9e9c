// Type-only import: the editor itself is loaded lazily by graphiql-screen.tsx.
import type { GraphiQLProps } from 'graphiql';

export type GraphiqlStorage = NonNullable<GraphiQLProps['storage']>;

/**
 * GraphiQL keeps tabs, queries, responses and history in a storage, by default localStorage, where they
 * would outlive the session on a shared computer. The apps keep nothing but the language in the browser,
 * so GraphiQL gets a storage in memory, owned by the session's screens: it survives a visit to the
 * dashboard and ends with logout, an organisation switch or a reload.
 */
export function createMemoryStorage(): GraphiqlStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}
