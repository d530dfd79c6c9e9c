import type { LocalizedText } from './catalogue.ts';

/** The staff apps the gateway serves, each at /<name>/. */
export type AppName = 'outreach' | 'group-course' | 'evaluation';

type AppEntry = { name: AppName; title: LocalizedText; href: string; roles: readonly string[] };

/**
 * Which app serves which role: one rule for every app's shell, so someone who opens an app with
 * no screen for their roles is told where to go. Kept in step with each app's own screen list
 * (outreach-routes, group-course-screens, evaluation-routes); the gateway enforces the same split.
 */
export const APP_DIRECTORY: readonly AppEntry[] = [
  {
    name: 'outreach',
    title: { da: 'Opsøgende indsats', en: 'Outreach' },
    href: '/outreach/',
    roles: [
      'OUTREACH_WORKER',
      'COUNSELLOR',
      'PROJECT_LEAD',
      'ADMIN',
      'LEGAL_FINANCIAL_ADVISER',
      'PSYCHOLOGIST',
    ],
  },
  {
    name: 'group-course',
    title: { da: 'Gruppeforløb og efterværn', en: 'Group courses and aftercare' },
    href: '/group-course/',
    roles: ['INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'GROUP_LEADER', 'PROJECT_LEAD', 'ADMIN', 'SHELTER_STAFF'],
  },
  {
    name: 'evaluation',
    title: { da: 'Evaluering', en: 'Evaluation' },
    href: '/evaluation/',
    // The lead and the administrator enter the organisation's cost inputs there.
    roles: ['EVALUATOR', 'PROJECT_LEAD', 'ADMIN'],
  },
];

/** True when at least one of the roles has screens in the app. */
export function appServesRoles(app: AppName, roles: readonly string[]): boolean {
  const entry = APP_DIRECTORY.find((a) => a.name === app);
  return entry ? entry.roles.some((role) => roles.includes(role)) : false;
}

/** The apps that do serve these roles (none when the roles open no app at all). */
export function appsForRoles(roles: readonly string[]): readonly AppEntry[] {
  return APP_DIRECTORY.filter((a) => a.roles.some((role) => roles.includes(role)));
}
