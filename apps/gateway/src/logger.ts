import { pino } from 'pino';

/**
 * JSON logs on stdout (one line per event) for the host's log collector.
 * Tests run silent unless LOG_LEVEL asks otherwise. Never log request bodies
 * or GraphQL variables: they can hold names and phone numbers.
 */
function defaultLevel(): string {
  if (process.env.LOG_LEVEL) {
    return process.env.LOG_LEVEL;
  }
  return process.env.VITEST || process.env.NODE_ENV === 'test' ? 'silent' : 'info';
}

export const logger = pino({
  level: defaultLevel(),
  base: { service: 'gateway' },
  redact: { paths: ['password', '*.password', 'token', '*.token'], censor: '[redacted]' },
});

export type Logger = typeof logger;
