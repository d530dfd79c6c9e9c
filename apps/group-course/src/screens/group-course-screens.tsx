import './group-course.css';
import {
  AccountSettings,
  accountMessages,
  translationEditorMessages,
  UserAdmin,
  useCurrentUser,
  useT,
} from '@vi/ui';
import { lazy, Suspense } from 'react';
import { AppLink } from './app-link.tsx';
import { hrefFor, useAppPath } from './app-path.ts';
import { CourseScreen } from './course-screen.tsx';
import { CoursesScreen } from './courses-screen.tsx';
import { IntakeScreen } from './intake-screen.tsx';
import { RiskScreen } from './risk-screen.tsx';
import { screenMessages } from './screen-messages.ts';
import { ShelterStayScreen } from './shelter-stay-screen.tsx';
import { ShelterStaysScreen } from './shelter-stays-screen.tsx';
import { WaitingListScreen } from './waiting-list-screen.tsx';

// The translation screen is loaded when opened: only the lead uses it, and the app's first load stays small.
const TranslationEditor = lazy(() =>
  import('@vi/ui/translation-editor').then((m) => ({ default: m.TranslationEditor })),
);

type Role = ReturnType<typeof useCurrentUser>['roles'][number];

/** Which screens a role works with; the gateway enforces the same split. */
const SCREENS = [
  { path: 'intake', label: 'nav.intake', roles: ['INTAKE_COORDINATOR', 'ADMIN'] },
  { path: 'risk', label: 'nav.risk', roles: ['RISK_ASSESSOR', 'ADMIN'] },
  {
    path: 'waiting',
    label: 'nav.waiting',
    roles: ['INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'PROJECT_LEAD', 'ADMIN'],
  },
  {
    path: 'courses',
    label: 'nav.courses',
    roles: ['GROUP_LEADER', 'INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN'],
  },
  // Aftercare after a shelter stay: the shelter's own staff only (DOMAIN 2.4).
  { path: 'shelter', label: 'nav.shelter', roles: ['SHELTER_STAFF'] },
] as const satisfies ReadonlyArray<{ path: string; label: string; roles: readonly Role[] }>;

/** The participant texts' translations: the lead and the administrator (the gateway's TRANSLATION_EDITOR_ROLES). */
const TRANSLATION_ROLES: readonly Role[] = ['PROJECT_LEAD', 'ADMIN'];

function allowed(roles: readonly Role[], screen: (typeof SCREENS)[number]): boolean {
  return roles.some((role) => (screen.roles as readonly Role[]).includes(role));
}

export function GroupCourseNav() {
  const t = useT(screenMessages);
  const ta = useT(accountMessages);
  const tt = useT(translationEditorMessages);
  const user = useCurrentUser();
  return (
    <ul>
      {SCREENS.filter((screen) => allowed(user.roles, screen)).map((screen) => (
        <li key={screen.path}>
          <AppLink to={screen.path}>{t(screen.label)}</AppLink>
        </li>
      ))}
      {user.roles.some((role) => TRANSLATION_ROLES.includes(role)) ? (
        <li>
          <AppLink to="translations">{tt('nav.translations')}</AppLink>
        </li>
      ) : null}
      {user.roles.includes('ADMIN') ? (
        <li>
          <AppLink to="users">{ta('nav.users')}</AppLink>
        </li>
      ) : null}
      <li>
        <AppLink to="account">{ta('nav.account')}</AppLink>
      </li>
    </ul>
  );
}

/** The screen for the current path; the home screen for anything unknown or not for this user's roles. */
export function GroupCourseScreens({ home }: { home: React.ReactNode }) {
  const path = useAppPath();
  const user = useCurrentUser();
  const tt = useT(translationEditorMessages);
  const [first, second] = path.split('/');
  // Every user's own account, and the administrators' user management (the gateway decides who).
  if (first === 'account') return <AccountSettings />;
  if (first === 'users') return <UserAdmin accountHref={hrefFor('account')} />;
  if (first === 'translations' && user.roles.some((role) => TRANSLATION_ROLES.includes(role)))
    return (
      <Suspense fallback={<p role="status">{tt('editor.loading')}</p>}>
        <TranslationEditor />
      </Suspense>
    );
  const screen = SCREENS.find((s) => s.path === first);
  if (!screen || !allowed(user.roles, screen)) return <>{home}</>;
  if (first === 'courses' && second) return <CourseScreen key={second} courseId={second} />;
  if (first === 'shelter' && second) return <ShelterStayScreen key={second} stayId={second} />;
  switch (screen.path) {
    case 'intake':
      return <IntakeScreen />;
    case 'risk':
      return <RiskScreen />;
    case 'waiting':
      return <WaitingListScreen />;
    case 'shelter':
      return <ShelterStaysScreen />;
    default:
      return <CoursesScreen />;
  }
}
