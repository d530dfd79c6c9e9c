import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Client, Provider } from 'urql';
import { createGraphqlClient } from './graphql-client.ts';

type SessionContextValue = {
  /** Counts restarts; 0 until the first login, logout or organisation switch in this page. */
  generation: number;
  /** Starts over with an empty client cache and a fresh component tree. */
  restart: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * Owns the GraphQL client. Logging in, logging out and switching organisation all call `restart()`:
 * a new client drops every cached result of the previous user or organisation, and remounting the
 * subtree drops component state that may hold their data.
 */
export function GraphqlSession({
  children,
  createClient = createGraphqlClient,
}: {
  children: ReactNode;
  createClient?: () => Client;
}) {
  const [state, setState] = useState(() => ({ client: createClient(), generation: 0 }));
  const restart = useCallback(
    () => setState((previous) => ({ client: createClient(), generation: previous.generation + 1 })),
    [createClient],
  );
  const value = useMemo(() => ({ generation: state.generation, restart }), [state.generation, restart]);
  return (
    <SessionContext.Provider value={value}>
      <Provider key={state.generation} value={state.client}>
        {children}
      </Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() must be used inside <GraphqlSession>.');
  return value;
}
