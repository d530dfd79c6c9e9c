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

  const rawLimit = env.VI_EVALUATION_DAILY_LIMIT?.trim();
  if (rawLimit && (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1)) {
    problems.push(`VI_EVALUATION_DAILY_LIMIT must be a whole number of at least 1 (got "${rawLimit}").`);
  }

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  const seedDemo = rawSeed === '1' ? 'always' : rawSeed === '0' ? 'never' : 'auto';
  return { port, host, seedDemo, production: env.NODE_ENV === 'production' };
}
