import { labelOf, ROLES } from '@vi/domain';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AccountSettings } from './account-settings.tsx';
import { type AppName, appServesRoles, appsForRoles } from './app-directory.ts';
import type { LocalizedText } from './catalogue.ts';
import { CurrentUserContext, CurrentUserFragment, readCurrentUser } from './current-user.tsx';
import { graphql } from './graphql.ts';
import { describeRequestProblem } from './graphql-errors.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { useLocale, useT } from './locale.tsx';
import { LoginForm } from './login-form.tsx';
import { OrganizationSwitcher, OrganizationSwitcherFragment } from './organization-switcher.tsx';
import { useProblemText } from './problem-message.ts';
import { useSession, useSessionMutation } from './session.tsx';
import { useStoredLocale } from './stored-locale.ts';

const MeQuery = graphql(
  `
  query Me {
    me {
      ...CurrentUser
      ...OrganizationSwitcher
    }
  }
`,
  [CurrentUserFragment, OrganizationSwitcherFragment],
);

const SetMyLocaleMutation = graphql(`
  mutation SetMyLocale($locale: String!) {
    setMyLocale(locale: $locale)
  }
`);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type AppShellProps = {
  /** The app's name in both languages; shown in the header and used as the page title. */
  appName: LocalizedText;
  /** Links to the app's screens, shown once someone is logged in. */
  nav?: ReactNode;
  /** The current screen; rendered only when someone is logged in. */
  children: ReactNode;
  /**
   * Which app this is. Given, a user whose roles have no screen here is told which app to use
   * (name and link) instead of seeing an empty app.
   */
  app?: AppName;
};

/** For someone whose roles have no screen in this app: where they do work. */
function OtherAppNotice({ roles, organization }: { roles: readonly string[]; organization: string }) {
  const t = useT();
  const { locale } = useLocale();
  const apps = appsForRoles(roles);
  return (
    <section className="vi-other-app" aria-labelledby="vi-other-app-heading">
      <h1 id="vi-other-app-heading">{t('shell.otherAppHeading')}</h1>
      {apps.length > 0 ? (
        <>
          <p>{t('shell.otherApp', { organization })}</p>
          <ul>
            {apps.map((a) => (
              <li key={a.name}>
                <a href={a.href}>{a.title[locale]}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('shell.noApp', { organization })}</p>
      )}
    </section>
  );
}

function LogoutButton() {
  const t = useT();
  const problemText = useProblemText();
  const { restart } = useSession();
  const [result, logout] = useSessionMutation(LogoutMutation);
  return (
    <div className="vi-logout">
      <button
        type="button"
        className="vi-button"
        disabled={result.fetching}
        onClick={async () => {
          const outcome = await logout({});
          if (!outcome.error) {
            // Whoever logs in next on this browser starts on the app's start screen, not on the
            // screen (a case, a course) the last user had open. The app's base, without a path
            // or hash route; the page is rebuilt by restart() and reads its route afresh.
            window.history.replaceState(null, '', import.meta.env.BASE_URL);
            restart();
          }
        }}
      >
        {result.fetching ? t('shell.loggingOut') : t('shell.logout')}
      </button>
      <p className="vi-inline-error" role="alert">
        {result.error ? problemText(describeRequestProblem(result.error)) : null}
      </p>
    </div>
  );
}

/**
 * The frame of every app: skip link, header (app name, language, who is logged in, organisation,
 * organisation switch, logout), navigation and the main landmark. Logged out, the main area is the
 * login form.
 */
export function AppShell({ appName, nav, children, app }: AppShellProps) {
  const t = useT();
  const { locale } = useLocale();
  const problemText = useProblemText();
  const { generation, restart, sessionEnded } = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });
  const mainRef = useRef<HTMLElement>(null);
  const [focusPending, setFocusPending] = useState(generation > 0);

  useEffect(() => {
    document.title = appName[locale];
  }, [appName, locale]);

  // After login, logout or an organisation switch the page is rebuilt; put keyboard and screen-reader
  // focus at the start of the new content instead of leaving it on <body>.
  useEffect(() => {
    if (focusPending && !fetching) {
      mainRef.current?.focus();
      setFocusPending(false);
    }
  }, [focusPending, fetching]);

  const me = data?.me ?? null;
  const user = me ? readCurrentUser(me) : null;
  const [, saveLocale] = useMutation(SetMyLocaleMutation);
  // The account's language decides at login; the switch stores a new choice (stored-locale.ts).
  useStoredLocale(user, (next) => {
    void saveLocale({ locale: next });
  });

  let content: ReactNode;
  if (fetching && !data) {
    content = <p role="status">{t('shell.loading')}</p>;
  } else if (error && !data) {
    content = (
      <div className="vi-load-failed">
        <p role="alert">
          {t('shell.loadFailed')} {problemText(describeRequestProblem(error))}
        </p>
        <button
          type="button"
          className="vi-button"
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
        >
          {t('shell.retry')}
        </button>
      </div>
    );
  } else if (!me || !user) {
    content = (
      <>
        {sessionEnded ? (
          <p role="alert" className="vi-session-ended">
            {t('shell.sessionEnded')}
          </p>
        ) : null}
        <LoginForm onLoggedIn={restart} />
      </>
    );
  } else if (user.mustChangePassword) {
    // A temporary password from an administrator: the user chooses their own before anything else.
    content = <AccountSettings />;
  } else if (app && !appServesRoles(app, user.roles)) {
    content = (
      <OtherAppNotice
        roles={user.roles}
        organization={user.organization?.name ?? t('shell.noOrganization')}
      />
    );
  } else {
    content = children;
  }

  // The navigation and the screen both may ask who is logged in, so the whole frame provides it.
  return (
    <CurrentUserContext.Provider value={user}>
      <a className="vi-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="vi-header">
        <div className="vi-header__bar">
          <p className="vi-app-name">{appName[locale]}</p>
          <LanguageSwitch />
        </div>
        {me && user ? (
          <section className="vi-account" aria-label={t('shell.account')}>
            <p className="vi-account__user">{t('shell.loggedInAs', { name: user.displayName })}</p>
            <p className="vi-account__organization">
              <span className="vi-account__label">{t('shell.organization')}:</span>{' '}
              <strong>{user.organization?.name ?? t('shell.noOrganization')}</strong>
            </p>
            {user.roles.length > 0 ? (
              <p className="vi-account__roles">
                <span className="vi-account__label">{t('shell.roles')}:</span>{' '}
                {user.roles.map((role) => labelOf(ROLES, role, locale)).join(', ')}
              </p>
            ) : null}
            <OrganizationSwitcher me={me} />
            <LogoutButton />
          </section>
        ) : null}
        {me && nav && (!app || (user && appServesRoles(app, user.roles))) ? (
          <nav className="vi-nav" aria-label={t('shell.navigation')}>
            {nav}
          </nav>
        ) : null}
      </header>
      <main id="main" className="vi-main" ref={mainRef} tabIndex={-1}>
        {content}
      </main>
    </CurrentUserContext.Provider>
  );
}
