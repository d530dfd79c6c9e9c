import { verify } from '@node-rs/argon2';
import type { Database } from '@vi/db';
import { DEMO_PASSWORD } from '@vi/db/seed';

/**
 * What NODE_ENV=production refuses in the database, once it is open (the
 * environment is checked before, in config.ts). Today one thing: accounts
 * that still log in with the public demo password, whatever their e-mail,
 * because a database that once held the demo seed (or a copy of it, or a
 * user an administrator gave that password) must not serve real data.
 */

/** argon2 verifies at a time: each takes about 19 MiB and some tens of ms. */
const PARALLEL_VERIFIES = 4;
/** The refusal names this many accounts and counts the rest. */
const NAMED_ACCOUNTS = 5;

async function hasDemoPassword(passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, DEMO_PASSWORD);
  } catch {
    // A malformed hash lets nobody in, the demo password included.
    return false;
  }
}

/**
 * E-mails of every account (deactivated ones too: they can be reactivated)
 * whose password is the demo password. Every hash is verified, so start-up
 * costs about one verify per account divided by PARALLEL_VERIFIES: well under
 * a second for an organisation's staff, a few seconds for thousands.
 */
export async function accountsWithDemoPassword(db: Database): Promise<string[]> {
  const users = await db.prisma.user.findMany({
    select: { email: true, passwordHash: true },
    orderBy: { email: 'asc' },
  });
  const found: string[] = [];
  for (let start = 0; start < users.length; start += PARALLEL_VERIFIES) {
    const batch = users.slice(start, start + PARALLEL_VERIFIES);
    const results = await Promise.all(batch.map((user) => hasDemoPassword(user.passwordHash)));
    batch.forEach((user, index) => {
      if (results[index]) found.push(user.email);
    });
  }
  return found;
}

/** Problems with the open database under NODE_ENV=production, each saying what to change. */
export async function productionDatabaseProblems(db: Database): Promise<string[]> {
  const demoAccounts = await accountsWithDemoPassword(db);
  if (demoAccounts.length === 0) return [];
  const named = demoAccounts.slice(0, NAMED_ACCOUNTS).join(', ');
  const more =
    demoAccounts.length > NAMED_ACCOUNTS ? ` and ${demoAccounts.length - NAMED_ACCOUNTS} more` : '';
  return [
    `${demoAccounts.length} account(s) still have the public demo password (${named}${more}): give them new passwords or delete them (a database that held the demo data belongs in a demo), or start without NODE_ENV=production.`,
  ];
}
