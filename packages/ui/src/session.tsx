import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import {
  type AnyVariables,
  type Client,
  type CombinedError,
  type OperationResult,
  Provider,
  type TypedDocumentNode,
} from 'urql';
import { createGraphqlClient, type GraphqlClientOptions } from './graphql-client.ts';

type SessionContextValue = {
  /** Counts restarts; 0 until the first login, logout or organisation switch in this page. */
  generation: number;
  /** Starts over with an empty client cache and a fresh component tree. */
  restart: () => void;
  /**
   * True after the gateway answered UNAUTHENTICATED (the session expired or was ended elsewhere):
   * the shell then shows the login page with a message instead of an error under an old header.
   * A login, logout or organisation switch (restart) clears it.
   */
  sessionEnded: boolean;
  /** A client without cache for the mutations that change the session (see useSessionMutation). */
  sessionClient: Client;
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
  createClient?: (options?: GraphqlClientOptions) => Client;
}) {
  // Each client reports the end of the session once: every screen query failing together must
  // not rebuild the page once per query. The ref lets a client made now call the newest setter.
  const endedRef = useRef<(client: Client) => void>(() => {});
  const makeClient = useCallback((): Client => {
    let reported = false;
    const client: Client = createClient({
      onUnauthenticated: () => {
        if (reported) return;
        reported = true;
        endedRef.current(client);
      },
    });
    return client;
  }, [createClient]);
  const [state, setState] = useState(() => ({ client: makeClient(), generation: 0, ended: false }));
  const [sessionClient] = useState(() => createClient({ cache: false }));
  endedRef.current = (client: Client) =>
    setState((previous) =>
      // Only the current client's answer counts; a discarded client's late answer is stale.
      previous.client === client
        ? { client: makeClient(), generation: previous.generation + 1, ended: true }
        : previous,
    );
  const restart = useCallback(
    () =>
      setState((previous) => ({ client: makeClient(), generation: previous.generation + 1, ended: false })),
    [makeClient],
  );
  const value = useMemo(
    () => ({ generation: state.generation, restart, sessionClient, sessionEnded: state.ended }),
    [state.generation, restart, sessionClient, state.ended],
  );
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

type SessionMutationState = { fetching: boolean; error: CombinedError | undefined };

/**
 * Like urql's useMutation, for login, logout and organisation switch. They run on a client without
 * cache: on the normal client the result would make urql refetch `me` just before `restart()` throws
 * that client away, so the page would send a request only to abort it.
 */
export function useSessionMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): [SessionMutationState, (variables: Variables) => Promise<OperationResult<Data, Variables>>] {
  const { sessionClient } = useSession();
  const [state, setState] = useState<SessionMutationState>({ fetching: false, error: undefined });
  const execute = useCallback(
    async (variables: Variables) => {
      setState({ fetching: true, error: undefined });
      const result = await sessionClient.mutation<Data, Variables>(document, variables).toPromise();
      setState({ fetching: false, error: result.error });
      return result;
    },
    [sessionClient, document],
  );
  return [state, execute];
}
