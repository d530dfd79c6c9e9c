import { createContext, useContext } from 'react';
import { type FragmentOf, graphql, type ResultOf, readFragment } from './graphql.ts';

/** What every screen may need to know about who is logged in and for which organisation. */
export const CurrentUserFragment = graphql(`
  fragment CurrentUser on Me {
    id
    displayName
    locale
    roles
    mustChangePassword
    organization { id name kind stance }
  }
`);

export type CurrentUser = ResultOf<typeof CurrentUserFragment>;

export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function readCurrentUser(me: FragmentOf<typeof CurrentUserFragment>): CurrentUser {
  return readFragment(CurrentUserFragment, me);
}

/** The logged-in user; screens are only rendered inside the shell once someone is logged in. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() must be used inside <AppShell> after login.');
  return user;
}
