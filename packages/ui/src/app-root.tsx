import { StrictMode } from 'react';
import { AppShell, type AppShellProps } from './app-shell.tsx';
import { LocaleProvider } from './locale.tsx';
import { GraphqlSession } from './session.tsx';

/** Everything an app's entry point renders: language, GraphQL session and the shell. */
export function AppRoot(props: AppShellProps) {
  return (
    <StrictMode>
      <LocaleProvider>
        <GraphqlSession>
          <AppShell {...props} />
        </GraphqlSession>
      </LocaleProvider>
    </StrictMode>
  );
}
