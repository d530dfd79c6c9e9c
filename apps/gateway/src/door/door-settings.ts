/**
 * The door's settings from the environment (read by config.ts with the others, so a bad value stops
 * the start with every problem named; createGatewayYoga reads them again for its defaults).
 */
export interface DoorSettings {
  /**
   * VI_TRUSTED_DOCUMENTS (1/0): only the operations extracted from the apps at build time run, plus,
   * for evaluators, read-only queries on `evaluation`. Default: on with NODE_ENV=production.
   */
  trustedDocuments: boolean;
  /** VI_CORS_ORIGINS: exact origins (scheme://host[:port]) allowed to call /graphql from another site. Default none. */
  corsOrigins: string[];
}

export function readDoorSettings(env: NodeJS.ProcessEnv = process.env): {
  settings: DoorSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const rawTrusted = env.VI_TRUSTED_DOCUMENTS?.trim();
  if (rawTrusted && rawTrusted !== '0' && rawTrusted !== '1') {
    problems.push(
      `VI_TRUSTED_DOCUMENTS must be 1 (run only the apps' own operations) or 0 (any operation) (got "${rawTrusted}").`,
    );
  }
  // Anything but an explicit 0 counts as on in production: a typo must not open the door.
  const trustedDocuments = rawTrusted === '1' || (rawTrusted !== '0' && env.NODE_ENV === 'production');

  const corsOrigins: string[] = [];
  for (const entry of (env.VI_CORS_ORIGINS ?? '').split(',')) {
    const origin = entry.trim();
    if (!origin) continue;
    if (isExactOrigin(origin)) {
      corsOrigins.push(origin);
    } else {
      problems.push(
        `VI_CORS_ORIGINS must list exact origins such as https://app.example.dk, separated by commas: no path, no wildcard (got "${origin}").`,
      );
    }
  }
  return { settings: { trustedDocuments, corsOrigins }, problems };
}

/** `https://host[:port]` exactly as a browser sends it in Origin: no path, no trailing slash, no `*`. */
function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
