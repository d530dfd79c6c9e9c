/**
 * Starts the gateway: checks the configuration, opens (and migrates) the
 * database, loads the demo data when asked or when an embedded database is
 * empty, serves /graphql, /health and the three apps, and shuts down
 * gracefully. With NODE_ENV=production it refuses unsafe set-ups instead
 * (config.ts, production-refusals.ts) and never loads the demo. Everything
 * else lives in app.ts / yoga.ts.
 */
import { createServer } from 'node:http';
import { closeDatabase, type Database } from '@vi/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@vi/db/seed';
import { APP_DIST_DIRS, createApp } from './app.ts';
import { precompressApps } from './compressed-files.ts';
import { ConfigError, readServerConfig, type ServerConfig } from './config.ts';
import { intakeRetentionJob } from './courses/intake-retention.ts';
import { openDatabase } from './database.ts';
import { hateCrimeRetentionJob } from './hate-crime/retention.ts';
import { logger } from './logger.ts';
import { retentionJob } from './outreach/retention.ts';
import { smsProvider } from './outreach-survey/sms-provider.ts';
import { productionDatabaseProblems } from './production-refusals.ts';
import { schedulePeriodicJob } from './scale-out/periodic-job.ts';
import { sessionSweepJob } from './scale-out/session-sweep.ts';
import { loadTrustedDocuments } from './yoga.ts';

/** In-flight requests get this long to finish after SIGINT/SIGTERM. */
const SHUTDOWN_GRACE_MS = 10_000;

async function seedIfWanted(config: ServerConfig, db: Database): Promise<boolean> {
  // The embedded database is the zero-configuration demo: fill it on first
  // start. A real PostgreSQL is only seeded when explicitly asked.
  const wanted =
    config.seedDemo === 'always' ||
    (config.seedDemo === 'auto' && db.engine === 'pglite' && (await db.prisma.organization.count()) === 0);
  if (wanted) {
    const started = performance.now();
    const summary = await seedDemo(db.prisma);
    if (summary.seeded) {
      logger.info({ ms: Math.round(performance.now() - started), ...summary }, 'demo data loaded');
    }
  }
  const demoUsers = await db.prisma.user.count({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
  });
  return demoUsers > 0;
}

function printWelcome(config: ServerConfig, engine: string, hasDemo: boolean): void {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}`;
  const lines = [
    '',
    `Voldsindsats kører / is running (database: ${engine})`,
    `  Start:            ${base}/`,
    `  Opsøgende:        ${base}/outreach/`,
    `  Gruppeforløb:     ${base}/group-course/`,
    `  Evaluering:       ${base}/evaluation/`,
    `  GraphQL:          ${base}/graphql`,
    `  Health:           ${base}/health`,
  ];
  if (hasDemo) {
    lines.push('', `Demo-logins (adgangskode / password: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) {
      lines.push(`  ${user.email.padEnd(34)} ${user.role.padEnd(19)} ${user.orgSlug}`);
    }
  }
  lines.push('', 'Stop med Ctrl+C / stop with Ctrl+C.', '');
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readServerConfig();
    // With trusted documents on, the apps' manifests must be built: checked before the database opens.
    loadTrustedDocuments();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const db = await openDatabase();
  if (db.engine === 'pglite' && config.production) {
    logger.warn(
      'NODE_ENV=production on the embedded PGlite database: it runs one query at a time and suits a demo or one small team. Set DATABASE_URL to a PostgreSQL server.',
    );
  }
  const hasDemo = await seedIfWanted(config, db);
  if (config.production) {
    // Refused before the first request: demo passwords must not guard real
    // data. Checked after seedIfWanted (which never seeds in production), so
    // a demo that got in by any road is caught here.
    const problems = await productionDatabaseProblems(db);
    if (problems.length > 0) {
      console.error(new ConfigError(problems).message);
      await closeDatabase();
      process.exit(1);
    }
  }

  if (config.production && smsProvider().name === 'none') {
    // Allowed on purpose (outreach-survey/sms-settings.ts): the worker reads the link out. Said at start so it is a choice.
    logger.warn(
      'No SMS provider (VI_SMS_PROVIDER): survey links are shown to the outreach worker to read out, not sent by SMS.',
    );
  }

  const server = createServer(createApp());
  // Slow clients must not hold connections forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use (set PORT to another port)`
        : error.message;
    console.error(`Could not start the gateway: ${reason}`);
    process.exit(1);
  });
  // In production the demo password has just been refused: never print it as a login.
  printWelcome(config, db.engine, hasDemo && !config.production);
  // The apps' files compressed in the background, so the first visitor is not the one who waits.
  precompressApps(APP_DIST_DIRS).catch((error: unknown) =>
    logger.warn({ err: error }, 'compressing the built apps ahead failed; files are compressed on first use'),
  );

  // Hourly jobs, each run once per hour by whichever gateway process claims the hour first
  // (scale-out/periodic-job.ts); every process checks every few minutes.
  const stopSessionSweep = schedulePeriodicJob(db, sessionSweepJob);
  // Closes cases whose call window has passed and erases contact details after the retention period.
  const stopRetention = schedulePeriodicJob(db, retentionJob);
  // Erases a closed hate-crime referral's handed-over contact text after the receiver's retention period.
  const stopHateCrimeRetention = schedulePeriodicJob(db, hateCrimeRetentionJob);
  // Erases an intake registration's contact details the retention period after the person left every list.
  const stopIntakeRetention = schedulePeriodicJob(db, intakeRetentionJob);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    stopSessionSweep();
    stopRetention();
    stopHateCrimeRetention();
    stopIntakeRetention();
    logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('requests still running after the grace period: closing their connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      clearTimeout(force);
      try {
        await closeDatabase();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'error while closing the database');
        process.exit(1);
      }
    });
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'gateway failed to start');
  console.error(error);
  process.exit(1);
});
