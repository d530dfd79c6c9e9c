import { describe, expect, it } from 'vitest';
import { logLevelFor } from './logger.ts';

describe('logLevelFor', () => {
  it('keeps a developer terminal quiet: warnings and errors only', () => {
    expect(logLevelFor({}, true)).toBe('warn');
    expect(logLevelFor({ NODE_ENV: 'development' }, true)).toBe('warn');
  });

  it('logs full JSON at info in production, and whenever stdout is not a terminal', () => {
    expect(logLevelFor({ NODE_ENV: 'production' }, true)).toBe('info');
    expect(logLevelFor({ NODE_ENV: 'production' }, false)).toBe('info');
    expect(logLevelFor({}, false)).toBe('info');
    expect(logLevelFor({ NODE_ENV: 'development' }, false)).toBe('info');
  });

  it('lets LOG_LEVEL decide over every other rule', () => {
    expect(logLevelFor({ LOG_LEVEL: 'debug' }, true)).toBe('debug');
    expect(logLevelFor({ LOG_LEVEL: 'error', NODE_ENV: 'production' }, false)).toBe('error');
    expect(logLevelFor({ LOG_LEVEL: 'info', VITEST: 'true' }, false)).toBe('info');
  });

  it('runs tests silent unless LOG_LEVEL asks otherwise', () => {
    expect(logLevelFor({ VITEST: 'true' }, true)).toBe('silent');
    expect(logLevelFor({ NODE_ENV: 'test' }, false)).toBe('silent');
  });
});
