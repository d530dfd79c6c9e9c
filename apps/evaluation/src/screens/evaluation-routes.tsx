import { AccountSettings, accountMessages, UserAdmin, useCurrentUser, useT } from '@vi/ui';
import { lazy, Suspense, useEffect, useState } from 'react';
import { costInputsMessages } from './cost-inputs-messages.ts';
import { CostInputsScreen } from './cost-inputs-screen.tsx';
import { type DashboardFilter, EMPTY_FILTER } from './dashboard-filters.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { DashboardScreen } from './dashboard-screen.tsx';
import { createMemoryStorage } from './graphiql-storage.ts';
import './evaluation-screens.css';

// GraphiQL brings its editor (Monaco) along: loaded only when an evaluator opens it.
const GraphiqlScreen = lazy(() => import('./graphiql-screen.tsx'));

/**
 * Two screens, chosen by the URL hash: `#/graphiql` for GraphiQL, anything else for the dashboard
 * (so in-page links such as `#outreach` keep the dashboard and jump to the section).
 */
export type Screen = 'dashboard' | 'graphiql' | 'account' | 'users' | 'costs';

export function screenOf(hash: string): Screen {
  if (hash === '#/graphiql') return 'graphiql';
  // Every user's own account, and the administrators' user management (shared screens of @vi/ui).
  if (hash === '#/account') return 'account';
  if (hash === '#/users') return 'users';
  // The organisation's own cost inputs (project lead and administrator enter, evaluators read).
  if (hash === '#/costs') return 'costs';
  return 'dashboard';
}

function useScreen(): Screen {
  const [screen, setScreen] = useState(() => screenOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setScreen(screenOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return screen;
}

/** Who sees the cost-inputs screen: those who enter the figures and the evaluators who read them. */
const COST_INPUT_ROLES = ['PROJECT_LEAD', 'ADMIN', 'EVALUATOR'] as const;

/**
 * The figures and GraphiQL answer evaluators only. A project lead or administrator who comes here
 * to enter the organisation's cost inputs used to land on a dashboard saying "Du er ikke evaluator
 * for nogen organisation" under two paragraphs about CSV files; they start on the cost inputs, and
 * the links that can show them nothing are not offered.
 */
export function readsFigures(roles: readonly string[]): boolean {
  return roles.includes('EVALUATOR');
}

/** The screen to show: the cost inputs in place of the dashboard for those who do not read figures. */
export function screenFor(screen: Screen, roles: readonly string[]): Screen {
  if ((screen === 'dashboard' || screen === 'graphiql') && !readsFigures(roles)) {
    return COST_INPUT_ROLES.some((role) => roles.includes(role)) ? 'costs' : 'dashboard';
  }
  return screen;
}

export function EvaluationNav() {
  const t = useT(dashboardMessages);
  const ta = useT(accountMessages);
  const tc = useT(costInputsMessages);
  const { roles } = useCurrentUser();
  const screen = screenFor(useScreen(), roles);
  return (
    <ul className="ev-nav">
      {readsFigures(roles) ? (
        <>
          <li>
            <a href="#/" aria-current={screen === 'dashboard' ? 'page' : undefined}>
              {t('nav.dashboard')}
            </a>
          </li>
          <li>
            <a href="#/graphiql" aria-current={screen === 'graphiql' ? 'page' : undefined}>
              {t('nav.graphiql')}
            </a>
          </li>
        </>
      ) : null}
      {COST_INPUT_ROLES.some((role) => roles.includes(role)) ? (
        <li>
          <a href="#/costs" aria-current={screen === 'costs' ? 'page' : undefined}>
            {tc('nav.costInputs')}
          </a>
        </li>
      ) : null}
      {roles.includes('ADMIN') ? (
        <li>
          <a href="#/users" aria-current={screen === 'users' ? 'page' : undefined}>
            {ta('nav.users')}
          </a>
        </li>
      ) : null}
      <li>
        <a href="#/account" aria-current={screen === 'account' ? 'page' : undefined}>
          {ta('nav.account')}
        </a>
      </li>
    </ul>
  );
}

export function EvaluationScreens() {
  const t = useT(dashboardMessages);
  const { roles } = useCurrentUser();
  const screen = screenFor(useScreen(), roles);
  const [filter, setFilter] = useState<DashboardFilter>(EMPTY_FILTER);
  const [graphiqlStorage] = useState(createMemoryStorage);
  if (screen === 'account') return <AccountSettings />;
  if (screen === 'users') return <UserAdmin accountHref="#/account" />;
  if (screen === 'costs') return <CostInputsScreen />;
  if (screen === 'graphiql') {
    return (
      <Suspense fallback={<p role="status">{t('graphiql.loading')}</p>}>
        <GraphiqlScreen storage={graphiqlStorage} />
      </Suspense>
    );
  }
  return <DashboardScreen filter={filter} onFilter={setFilter} />;
}
