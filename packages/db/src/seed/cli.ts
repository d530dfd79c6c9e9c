// `npm run seed -w @vi/db`: seeds the configured database (DATABASE_URL, or
// PGlite under VI_DATA_DIR / .data/pglite) with the demo and prints the logins.
import { closeDatabase, getDatabase } from '../client.ts';
import { DEMO_PASSWORD, DEMO_USERS, demoMembershipSlugs, seedDemo } from './index.ts';

const started = Date.now();
const database = await getDatabase();
try {
  const summary = await seedDemo(database.prisma);
  if (!summary.seeded) {
    console.log('Demo organisations already exist: nothing seeded.');
  } else {
    const { seeded: _seeded, ...counts } = summary;
    console.log(`Demo seeded on ${database.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    console.table(counts);
  }
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) {
    const orgs = demoMembershipSlugs(user).join(', ');
    console.log(`  ${user.email.padEnd(36)} ${user.role.padEnd(20)} ${orgs}`);
  }
} finally {
  await closeDatabase();
}
