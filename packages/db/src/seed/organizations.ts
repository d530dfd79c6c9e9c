// The demo's organisations and logins. The three organisations mirror the
// seeds: an anonymous-stance municipality (Odense), a journalised one (Køge)
// and the outreach NGO (Offerrådgivningen, seed 001).
import type { OrganizationKind, PrivacyStance, Role } from '../generated/prisma/enums.ts';

/** The one password of every demo login. Demo data only: never used outside the seed. */
export const DEMO_PASSWORD = 'demo-adgang';

export type DemoOrgSlug =
  | 'odense'
  | 'koege'
  | 'offerraadgivning'
  | 'krisecenter'
  | 'raadgivning-had'
  | 'psykisk-sundhed';

export interface DemoOrganization {
  slug: DemoOrgSlug;
  name: string;
  kind: OrganizationKind;
  stance: PrivacyStance;
  /**
   * Added after the first demo: its ids come from a random stream of their own, so every other
   * row of the demo (people, cases, dates the browser tests walk through) stays as it was.
   */
  addedLater?: true;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { slug: 'odense', name: 'Odense Kommune', kind: 'MUNICIPALITY', stance: 'ANONYMOUS' },
  { slug: 'koege', name: 'Køge Kommune', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
  { slug: 'offerraadgivning', name: 'Offerrådgivningen København', kind: 'NGO', stance: 'JOURNALISED' },
  // A women's shelter for aftercare after a shelter stay (DOMAIN 2.4); a made-up name.
  {
    slug: 'krisecenter',
    name: 'Krisecentret Sydhavn (demo)',
    kind: 'SHELTER',
    stance: 'JOURNALISED',
    addedLater: true,
  },
  // The two tracks of hate-crime aftercare (DOMAIN 2.3) at two other organisations; made-up names.
  {
    slug: 'raadgivning-had',
    name: 'Rådgivning mod Had (demo)',
    kind: 'NGO',
    stance: 'JOURNALISED',
    addedLater: true,
  },
  {
    slug: 'psykisk-sundhed',
    name: 'Center for Psykisk Sundhed (demo)',
    kind: 'MUNICIPALITY',
    stance: 'JOURNALISED',
    addedLater: true,
  },
];

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  /** The organisation the login belongs to (its first membership). */
  orgSlug: DemoOrgSlug;
  /** Further organisations where the same user holds the same role (only the evaluator). */
  alsoMemberOf: readonly DemoOrgSlug[];
  /** Such memberships in organisations added after the first demo (ids from their own stream). */
  laterMemberOf?: readonly DemoOrgSlug[];
  /** Added after the first demo (see DemoOrganization.addedLater). */
  addedLater?: true;
}

function user(who: string, orgSlug: DemoOrgSlug, role: Role, displayName: string): DemoUser {
  return { email: `${who}@${orgSlug}.demo`, displayName, role, orgSlug, alsoMemberOf: [] };
}

function municipalityStaff(slug: 'odense' | 'koege', town: string): DemoUser[] {
  return [
    user('intake', slug, 'INTAKE_COORDINATOR', `Tove Tovholder (${town}, demo)`),
    user('risk', slug, 'RISK_ASSESSOR', `Rasmus Risikovurderer (${town}, demo)`),
    user('leader', slug, 'GROUP_LEADER', `Gitte Gruppeleder (${town}, demo)`),
    user('leader2', slug, 'GROUP_LEADER', `Gustav Gruppeleder (${town}, demo)`),
    user('lead', slug, 'PROJECT_LEAD', `Pia Projektleder (${town}, demo)`),
    user('admin', slug, 'ADMIN', `Anders Administrator (${town}, demo)`),
  ];
}

/** Every organisation where a demo user holds their role: the first, the others and those added later. */
export function demoMembershipSlugs(user: DemoUser): DemoOrgSlug[] {
  return [user.orgSlug, ...user.alsoMemberOf, ...(user.laterMemberOf ?? [])];
}

/** Every demo login; the password of each is DEMO_PASSWORD. */
export const DEMO_USERS: readonly DemoUser[] = [
  user('outreach', 'offerraadgivning', 'OUTREACH_WORKER', 'Olivia Opsøger (demo)'),
  user('outreach2', 'offerraadgivning', 'OUTREACH_WORKER', 'Oskar Opsøger (demo)'),
  user('counsellor', 'offerraadgivning', 'COUNSELLOR', 'Regitze Rådgiver (demo)'),
  user('lead', 'offerraadgivning', 'PROJECT_LEAD', 'Peter Projektleder (demo)'),
  user('admin', 'offerraadgivning', 'ADMIN', 'Alma Administrator (demo)'),
  ...municipalityStaff('odense', 'Odense'),
  ...municipalityStaff('koege', 'Køge'),
  {
    ...user('staff', 'krisecenter', 'SHELTER_STAFF', 'Sara Krisecentermedarbejder (demo)'),
    addedLater: true,
  },
  {
    ...user(
      'adviser',
      'raadgivning-had',
      'LEGAL_FINANCIAL_ADVISER',
      'Lea Rådgiver (juridisk/økonomisk, demo)',
    ),
    addedLater: true,
  },
  { ...user('psychologist', 'psykisk-sundhed', 'PSYCHOLOGIST', 'Per Psykolog (demo)'), addedLater: true },
  {
    email: 'evaluator@vive.demo',
    displayName: 'Eva Evaluator (VIVE, demo)',
    role: 'EVALUATOR',
    orgSlug: 'offerraadgivning',
    alsoMemberOf: ['odense', 'koege'],
    // The aftercare models' organisations, so their figures can be evaluated in the demo.
    laterMemberOf: ['krisecenter', 'raadgivning-had', 'psykisk-sundhed'],
  },
  // The shelter's project lead enters its aftercare cost inputs (the cost screen of the evaluation
  // app). Last in the list, so only the evaluator's later memberships draw their ids after it.
  {
    ...user('lead', 'krisecenter', 'PROJECT_LEAD', 'Karin Krisecenterleder (demo)'),
    addedLater: true,
  },
];
