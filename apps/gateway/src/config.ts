import { databaseOptionsFromEnv, masterKeyProblems } from '@vi/db';
import { readAuthSettings } from './auth/auth-settings.ts';
import { readDoorSettings } from './door/door-settings.ts';
import { readSmsSettings } from './outreach-survey/sms-settings.ts';

/**
 * The gateway's own settings, read from the environment and checked before
 * anything starts, with one clear message per bad value. (Database settings
 * — DATABASE_URL, VI_DATA_DIR, VI_DB_MEMORY — are read by @vi/db.)
 */
export interface ServerConfig {
  port: number;
  host: string;
  /**
   * VI_SEED_DEMO: 'always' (=1) loads the demo data on any database, 'never'
   * (=0) never does, 'auto' (unset) loads it into an empty embedded database.
   */
  seedDemo: 'always' | 'never' | 'auto';
  production: boolean;
  /** VI_ALLOW_EMBEDDED_DATABASE=1: production on the embedded PGlite database is meant (a demo, one small team). */
  allowEmbeddedDatabase: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const HOST = /^[A-Za-z0-9.:[\]-]+$/;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const problems: string[] = [];

  let port = 4000;
  const rawPort = env.PORT?.trim();
  if (rawPort) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
      problems.push(`PORT must be a whole number from 1 to 65535 (got "${rawPort}").`);
    }
  }

  const host = env.HOST?.trim() || '127.0.0.1';
  if (!HOST.test(host)) {
    problems.push(`HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got "${host}").`);
  }

  const rawSeed = env.VI_SEED_DEMO?.trim();
  if (rawSeed && rawSeed !== '0' && rawSeed !== '1') {
    problems.push(`VI_SEED_DEMO must be 1 (load the demo data) or 0 (got "${rawSeed}").`);
  }

  const disclosureKey = env.VI_DISCLOSURE_KEY?.trim();
  if (disclosureKey && !/^[0-9a-f]{64}$/i.test(disclosureKey)) {
    problems.push(
      'VI_DISCLOSURE_KEY must be 64 hexadecimal characters (32 random bytes, e.g. `openssl rand -hex 32`).',
    );
  }

  problems.push(...masterKeyProblems(env.VI_MASTER_KEY));

  const rawLimit = env.VI_EVALUATION_DAILY_LIMIT?.trim();
  if (rawLimit && (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1)) {
    problems.push(`VI_EVALUATION_DAILY_LIMIT must be a whole number of at least 1 (got "${rawLimit}").`);
  }

  const rawEmbedded = env.VI_ALLOW_EMBEDDED_DATABASE?.trim();
  if (rawEmbedded && rawEmbedded !== '0' && rawEmbedded !== '1') {
    problems.push(`VI_ALLOW_EMBEDDED_DATABASE must be 1 or 0 (got "${rawEmbedded}").`);
  }
  const allowEmbeddedDatabase = rawEmbedded === '1';
  const production = env.NODE_ENV === 'production';
  if (production) {
    problems.push(...productionProblems(env, { seed: rawSeed, allowEmbeddedDatabase }));
  }

  // DATABASE_URL, DATABASE_OWNER_URL and VI_DATABASE_POOL_SIZE are read by @vi/db; listed here
  // with the rest instead of failing at the first connection.
  try {
    databaseOptionsFromEnv(env);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }

  // Sessions, login throttle, trusted proxies: auth/auth-settings.ts.
  problems.push(...readAuthSettings(env).problems);
  // Trusted documents and CORS: door/door-settings.ts.
  problems.push(...readDoorSettings(env).problems);
  // The survey link's page and SMS provider (production refuses the log provider and a page not on https).
  problems.push(...readSmsSettings(env).problems);

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  // Production never loads the demo by itself: an empty database stays empty.
  const seedDemo = rawSeed === '1' ? 'always' : rawSeed === '0' || production ? 'never' : 'auto';
  return { port, host, seedDemo, production, allowEmbeddedDatabase };
}

/**
 * What NODE_ENV=production refuses in the environment (issue 9): the demo's
 * conveniences would otherwise reach real data. The database itself is
 * checked once it is open (production-refusals.ts: demo passwords).
 */
function productionProblems(
  env: NodeJS.ProcessEnv,
  settings: { seed: string | undefined; allowEmbeddedDatabase: boolean },
): string[] {
  const problems: string[] = [];
  if (settings.seed === '1') {
    problems.push(
      'VI_SEED_DEMO=1 loads demo accounts with the public demo password: remove VI_SEED_DEMO (or set it to 0) with NODE_ENV=production.',
    );
  }
  if (!env.DATABASE_URL?.trim() && !settings.allowEmbeddedDatabase) {
    problems.push(
      'DATABASE_URL is not set, so real data would go into the embedded PGlite database (one query at a time, one process): set DATABASE_URL to a PostgreSQL server, or VI_ALLOW_EMBEDDED_DATABASE=1 if the embedded database is meant (a demo or one small team).',
    );
  }
  if (!env.VI_MASTER_KEY?.trim()) {
    problems.push(
      "VI_MASTER_KEY must be set with NODE_ENV=production: 64 hexadecimal characters (`openssl rand -hex 32`), kept secret apart from the database and its backups. It wraps the organisations' keys that encrypt names, phone numbers and free text; without it the public demo key would.",
    );
  }
  if (!env.VI_DISCLOSURE_KEY?.trim()) {
    problems.push(
      'VI_DISCLOSURE_KEY must be set with NODE_ENV=production: 64 hexadecimal characters (`openssl rand -hex 32`), kept secret and unchanged. An installation that ran without it keeps its key in the table DisclosureSecret (SELECT encode(key, \'hex\') FROM "DisclosureSecret"): use that key, so figures already published keep their noise.',
    );
  }
  return problems;
}
