import { pino } from 'pino';

/** The variables the rule reads (process.env in the gateway). */
export type LogLevelEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * The level the gateway logs at. LOG_LEVEL always wins. Tests run silent. A developer's
 * terminal (stdout is a TTY, NODE_ENV not production) gets warnings and errors only: one
 * JSON line per request would push `npm start`'s banner and the demo logins out of sight
 * (issue 13). Everywhere else (production, or output piped to a collector) logs full JSON
 * at info, so the host's log collector sees every request.
 */
export function logLevelFor(env: LogLevelEnvironment, stdoutIsTty: boolean): string {
  if (env.LOG_LEVEL) return env.LOG_LEVEL;
  if (env.VITEST || env.NODE_ENV === 'test') return 'silent';
  if (stdoutIsTty && env.NODE_ENV !== 'production') return 'warn';
  return 'info';
}

/**
 * JSON logs on stdout (one line per event) for the host's log collector.
 * Never log request bodies or GraphQL variables: they can hold names and phone numbers.
 */
export const logger = pino({
  level: logLevelFor(process.env, process.stdout.isTTY === true),
  base: { service: 'gateway' },
  redact: { paths: ['password', '*.password', 'token', '*.token'], censor: '[redacted]' },
});

export type Logger = typeof logger;
