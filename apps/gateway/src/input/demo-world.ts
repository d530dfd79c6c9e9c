// Test-only: the demo seed in this test file's database, and its users' browsers.
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@vi/db/seed';
import { createSession, loadMemberships } from '../auth/session.ts';
import { database, openDatabase, prisma } from '../database.ts';
import { TestBrowser } from '../testing/graphql-client.ts';

/** The demo organisations, people, cases, referrals, courses and a login for every role. */
export async function openDemoWorld(): Promise<void> {
  await openDatabase();
  await seedDemo(prisma());
}

/** A logged-in browser of a demo user (`outreach@offerraadgivning.demo`), through the login mutation. */
export async function demoBrowser(email: string): Promise<TestBrowser> {
  if (!DEMO_USERS.some((user) => user.email === email)) throw new Error(`no demo user ${email}`);
  const browser = new TestBrowser();
  await browser.login(email, DEMO_PASSWORD);
  return browser;
}

/**
 * A browser holding a fresh session of a demo user, made directly in the
 * database like a login would (first organisation by name): for tests that
 * need many sessions, which through the login mutation would hit the login
 * throttle.
 */
export async function demoSessionBrowser(email: string): Promise<TestBrowser> {
  const user = await prisma().user.findUniqueOrThrow({ where: { email } });
  const [first] = await loadMemberships(user.id);
  const session = await createSession(user.id, first?.organizationId ?? null);
  const browser = new TestBrowser();
  browser.cookie = session.token;
  return browser;
}

/**
 * Tables whose rows a refused request may legitimately write: the audit
 * trail (refusals are audited), sessions (last seen), and the login and
 * rate-limit bookkeeping.
 */
const WRITTEN_BY_REFUSALS = /^(AuditEvent|Session|_prisma_migrations)$|^Login|Throttle|RateLimit/;

/**
 * A fingerprint of every other table: row count and an md5 over the rows'
 * text, so a refused request that wrote anything, even half of something,
 * changes it.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await database().query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const checked = tables.map((t) => t.name).filter((name) => !WRITTEN_BY_REFUSALS.test(name));
  const sql = checked
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM "${name}" t`,
    )
    .join(' UNION ALL ');
  const rows = await database().query<{ name: string; print: string }>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}
