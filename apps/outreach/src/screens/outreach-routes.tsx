import { AccountSettings, accountMessages, translationEditorMessages, UserAdmin, useT } from '@vi/ui';
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { CallScreen } from './call-screen.tsx';
import { HateCrimeCaseScreen } from './hate-crime/case-screen.tsx';
import { HateCrimeCasesScreen, StartFromCallScreen } from './hate-crime/cases-screen.tsx';
import { HateCrimeLeadScreen } from './hate-crime/lead-screen.tsx';
import { LegalScreen } from './hate-crime/legal-screen.tsx';
import { PsychologyScreen } from './hate-crime/psychology-screen.tsx';
import { ImportScreen } from './import-screen.tsx';
import { type ScreenMessageKey, screenMessages } from './outreach-screen-messages.ts';
import { OverviewScreen } from './overview-screen.tsx';
import { QueueScreen } from './queue-screen.tsx';
import { ReferralsScreen } from './referrals-screen.tsx';
import { SettingsScreen } from './settings-screen.tsx';
import './outreach-screens.css';

/**
 * Routes live in the URL hash (#/queue, #/call/<case id> …): the gateway serves the app
 * from one index.html, and a reload keeps the screen. Case ids in the hash are opaque
 * UUIDs, never names or phone numbers.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'import' }
  | { screen: 'queue' }
  | { screen: 'call'; caseId: string }
  | { screen: 'referrals' }
  | { screen: 'overview' }
  | { screen: 'settings' }
  // Hate-crime aftercare (issue 12): the sender's cases, the two tracks' workspaces, the lead's view.
  | { screen: 'hate-crime' }
  | { screen: 'hate-crime-case'; caseId: string }
  | { screen: 'hate-crime-start'; outreachCaseId: string }
  | { screen: 'legal' }
  | { screen: 'psychology' }
  | { screen: 'hate-crime-lead' }
  // Every user's own account, and the administrators' user management (shared screens of @vi/ui).
  | { screen: 'account' }
  | { screen: 'users' }
  // The lead's wording of the participant-facing texts (issue 14; shared screen of @vi/ui).
  | { screen: 'translations' };

export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  switch (screen) {
    case 'import':
    case 'queue':
    case 'referrals':
    case 'overview':
    case 'settings':
    case 'account':
    case 'users':
    case 'translations':
    case 'hate-crime':
    case 'legal':
    case 'psychology':
    case 'hate-crime-lead':
      return { screen };
    case 'hate-crime-case':
      return id && /^[0-9a-f-]{36}$/i.test(id) ? { screen, caseId: id } : { screen: 'hate-crime' };
    case 'hate-crime-start':
      return id && /^[0-9a-f-]{36}$/i.test(id) ? { screen, outreachCaseId: id } : { screen: 'queue' };
    case 'call':
      return id && /^[0-9a-f-]{36}$/i.test(id) ? { screen: 'call', caseId: id } : { screen: 'queue' };
    default:
      return { screen: 'home' };
  }
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

const RolesQuery = graphql(`
  query OutreachRoles {
    me {
      id
      roles
    }
  }
`);

type Role =
  | 'OUTREACH_WORKER'
  | 'COUNSELLOR'
  | 'PROJECT_LEAD'
  | 'ADMIN'
  | 'LEGAL_FINANCIAL_ADVISER'
  | 'PSYCHOLOGIST';

/** Which screens a role works with (the gateway enforces the same with its scopes). */
const SCREENS: ReadonlyArray<{ screen: Route['screen']; label: ScreenMessageKey; roles: readonly Role[] }> = [
  { screen: 'queue', label: 'nav.queue', roles: ['OUTREACH_WORKER'] },
  { screen: 'import', label: 'nav.import', roles: ['OUTREACH_WORKER', 'PROJECT_LEAD'] },
  { screen: 'referrals', label: 'nav.referrals', roles: ['COUNSELLOR'] },
  { screen: 'overview', label: 'nav.overview', roles: ['PROJECT_LEAD'] },
  { screen: 'settings', label: 'nav.settings', roles: ['PROJECT_LEAD', 'ADMIN'] },
  { screen: 'hate-crime', label: 'nav.hateCrime', roles: ['OUTREACH_WORKER', 'COUNSELLOR'] },
  { screen: 'legal', label: 'nav.legal', roles: ['LEGAL_FINANCIAL_ADVISER'] },
  { screen: 'psychology', label: 'nav.psychology', roles: ['PSYCHOLOGIST'] },
  { screen: 'hate-crime-lead', label: 'nav.hateCrimeLead', roles: ['PROJECT_LEAD'] },
];

// The translation screen is loaded when opened: only the lead uses it, and the app's first load stays small.
const TranslationEditor = lazy(() =>
  import('@vi/ui/translation-editor').then((m) => ({ default: m.TranslationEditor })),
);

/** Who words the participant texts: the gateway's TRANSLATION_EDITOR_ROLES. */
const TRANSLATION_ROLES: readonly Role[] = ['PROJECT_LEAD', 'ADMIN'];

/** The navigation entry a route belongs to (a case opens from its list, a call from the queue). */
function screenOf(route: Route): Route['screen'] {
  if (route.screen === 'call') return 'queue';
  if (route.screen === 'hate-crime-case' || route.screen === 'hate-crime-start') return 'hate-crime';
  return route.screen;
}

/** The user's roles, or null until they are known. */
function useRoles(): readonly string[] | null {
  const [{ data }] = useQuery({ query: RolesQuery });
  return data?.me ? data.me.roles : null;
}

function allowedScreens(roles: readonly string[]) {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

/** The links of the shell's navigation, by the user's roles in the active organisation. */
export function OutreachNav() {
  const t = useT(screenMessages);
  const ta = useT(accountMessages);
  const tt = useT(translationEditorMessages);
  const route = useRoute();
  const roles = useRoles() ?? [];
  const screens = allowedScreens(roles);
  const current = screenOf(route);
  return (
    <ul className="or-nav">
      {screens.map((s) => (
        <li key={s.screen}>
          <a href={`#/${s.screen}`} aria-current={current === s.screen ? 'page' : undefined}>
            {t(s.label)}
          </a>
        </li>
      ))}
      {TRANSLATION_ROLES.some((role) => roles.includes(role)) ? (
        <li>
          <a href="#/translations" aria-current={current === 'translations' ? 'page' : undefined}>
            {tt('nav.translations')}
          </a>
        </li>
      ) : null}
      {roles.includes('ADMIN') ? (
        <li>
          <a href="#/users" aria-current={current === 'users' ? 'page' : undefined}>
            {ta('nav.users')}
          </a>
        </li>
      ) : null}
      <li>
        <a href="#/account" aria-current={current === 'account' ? 'page' : undefined}>
          {ta('nav.account')}
        </a>
      </li>
    </ul>
  );
}

/** Links to the screens the user's roles open, for a home screen without a start screen of its own. */
export function HomeLinks() {
  const t = useT(screenMessages);
  const screens = allowedScreens(useRoles() ?? []);
  if (screens.length === 0) return null;
  return (
    <ul className="or-home-links">
      {screens.map((s) => (
        <li key={s.screen}>
          <a href={`#/${s.screen}`}>{t(s.label)}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * A button that changes the route ("Tag næste person", "Gem og tag næste") unmounts with its screen,
 * and the browser drops keyboard and screen-reader focus on <body>: the next Tab starts from the top
 * of the page and a screen reader says nothing about the new call. Put focus on the main landmark
 * (the shell's <main id="main" tabIndex=-1>) when that happens; a focus the screen set itself, or a
 * navigation link that keeps its focus, is left alone. Not on the first render: the shell focuses
 * main after login itself.
 */
function useFocusAfterRouteChange(route: Route): void {
  const key = JSON.stringify(route);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect is for each new route (key), not its values.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After the new screen's own effects have run (a form may focus its first field).
    const timer = window.setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body)
        document.getElementById('main')?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [key]);
}

/** The current screen; the home screen (the shell's) when no screen is chosen. */
export function OutreachScreens({ home }: { home: ReactNode }) {
  const t = useT(screenMessages);
  const route = useRoute();
  const roles = useRoles();
  useFocusAfterRouteChange(route);
  // No screen mounts (and fetches) before the roles are known: after a logout the next user
  // may land on the previous user's route, which their role may not open.
  if (roles === null) return <p role="status">{t('common.loading')}</p>;
  const screens = allowedScreens(roles);
  const permitted = (screen: Route['screen']) => screens.some((s) => s.screen === screen);
  if (route.screen === 'home') return <>{home}</>;
  // The gateway decides who may manage users; the screen explains a refusal.
  if (route.screen === 'account') return <AccountSettings />;
  if (route.screen === 'users') return <UserAdmin accountHref="#/account" />;
  if (route.screen === 'translations') {
    if (!TRANSLATION_ROLES.some((role) => roles.includes(role)))
      return <p role="alert">{t('common.notAllowed')}</p>;
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        <TranslationEditor />
      </Suspense>
    );
  }
  const screenOfRoute = screenOf(route);
  if (!permitted(screenOfRoute)) return <p role="alert">{t('common.notAllowed')}</p>;
  switch (route.screen) {
    case 'import':
      return <ImportScreen />;
    case 'queue':
      return <QueueScreen />;
    case 'call':
      return <CallScreen key={route.caseId} caseId={route.caseId} />;
    case 'referrals':
      return <ReferralsScreen />;
    case 'overview':
      return <OverviewScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'hate-crime':
      return <HateCrimeCasesScreen />;
    case 'hate-crime-case':
      return <HateCrimeCaseScreen key={route.caseId} caseId={route.caseId} />;
    case 'hate-crime-start':
      return <StartFromCallScreen key={route.outreachCaseId} outreachCaseId={route.outreachCaseId} />;
    case 'legal':
      return <LegalScreen />;
    case 'psychology':
      return <PsychologyScreen />;
    case 'hate-crime-lead':
      return <HateCrimeLeadScreen />;
  }
}
