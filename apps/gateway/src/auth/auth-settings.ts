import { parseTrustedProxies } from './client-address.ts';

/**
 * Session and login settings from the environment. Kept free of database
 * imports so config.ts can check them before anything starts; a bad value
 * falls back to its default here and config.ts refuses to start with the
 * message in `problems`.
 */
export interface AuthSettings {
  /** A session ends after this much inactivity (VI_SESSION_IDLE_MINUTES, default 120). */
  sessionIdleMs: number;
  /** …and at the latest this long after login (VI_SESSION_ABSOLUTE_HOURS, default 12: one long shift). */
  sessionAbsoluteMs: number;
  /** Ceiling on password checks per minute for the whole installation (VI_LOGIN_CHECKS_PER_MINUTE, default 300). */
  loginChecksPerMinute: number;
  /** VI_TRUSTED_PROXIES as written (addresses and CIDR ranges, comma-separated); empty = trust none. */
  trustedProxies: string;
}

export const AUTH_DEFAULTS: AuthSettings = {
  sessionIdleMs: 120 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  loginChecksPerMinute: 300,
  trustedProxies: '',
};

function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  range: { min: number; max: number },
  problems: string[],
): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) {
    return undefined;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    problems.push(`${name} must be a whole number from ${range.min} to ${range.max} (got "${raw}").`);
    return undefined;
  }
  return value;
}

export function readAuthSettings(env: NodeJS.ProcessEnv = process.env): {
  settings: AuthSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const idleMinutes = wholeNumber(env, 'VI_SESSION_IDLE_MINUTES', { min: 5, max: 24 * 60 }, problems);
  const absoluteHours = wholeNumber(env, 'VI_SESSION_ABSOLUTE_HOURS', { min: 1, max: 24 * 30 }, problems);
  const checks = wholeNumber(env, 'VI_LOGIN_CHECKS_PER_MINUTE', { min: 10, max: 100_000 }, problems);
  const trustedProxies = env.VI_TRUSTED_PROXIES?.trim() ?? '';
  problems.push(...parseTrustedProxies(trustedProxies).problems);

  const settings: AuthSettings = {
    sessionIdleMs: idleMinutes === undefined ? AUTH_DEFAULTS.sessionIdleMs : idleMinutes * 60_000,
    sessionAbsoluteMs:
      absoluteHours === undefined ? AUTH_DEFAULTS.sessionAbsoluteMs : absoluteHours * 3_600_000,
    loginChecksPerMinute: checks ?? AUTH_DEFAULTS.loginChecksPerMinute,
    trustedProxies,
  };
  if (settings.sessionIdleMs > settings.sessionAbsoluteMs) {
    problems.push('VI_SESSION_IDLE_MINUTES must not be longer than VI_SESSION_ABSOLUTE_HOURS.');
  }
  return { settings, problems };
}
