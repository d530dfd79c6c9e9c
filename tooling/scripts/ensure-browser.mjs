// Browser tests need Debian's Chromium at /usr/bin/chromium (Playwright's own
// browser download cannot run on machines without general internet access).
// As root with apt-get available we install it; otherwise we stop with the one
// command that fixes it. Never a silent skip.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.VI_CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIX = 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium not found; installing Debian package "chromium" for the browser tests…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with:\n  ${FIX}\n(or set VI_CHROMIUM_PATH to a Chromium binary).`,
    );
    process.exit(1);
  }
}
console.log(`Browser for e2e tests: ${CHROMIUM}`);
