import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, demoMembershipSlugs } from '@vi/db/seed';

export type DemoLogin = {
  email: string;
  password: string;
  displayName: string;
  /** Names of the organisations the user belongs to, the seed's primary one first. */
  organizations: string[];
};

/** A demo user of the seed by e-mail, with what a browser test expects to see after logging in. */
export function demoLogin(email: string): DemoLogin {
  const user = DEMO_USERS.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`${email} is not one of the demo users (@vi/db/seed DEMO_USERS).`);
  const organizations = demoMembershipSlugs(user).map((slug) => {
    const organization = DEMO_ORGANIZATIONS.find((candidate) => candidate.slug === slug);
    if (!organization) throw new Error(`The demo organisation "${slug}" of ${email} does not exist.`);
    return organization.name;
  });
  return { email, password: DEMO_PASSWORD, displayName: user.displayName, organizations };
}
