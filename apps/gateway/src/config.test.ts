import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from './config.ts';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:4000', () => {
    expect(readServerConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      seedDemo: 'auto',
      production: false,
    });
  });

  it('reads PORT, HOST, VI_SEED_DEMO and NODE_ENV', () => {
    expect(
      readServerConfig({ PORT: '8080', HOST: '0.0.0.0', VI_SEED_DEMO: '1', NODE_ENV: 'production' }),
    ).toEqual({ port: 8080, host: '0.0.0.0', seedDemo: 'always', production: true });
    expect(readServerConfig({ VI_SEED_DEMO: '0' }).seedDemo).toBe('never');
  });

  it('names every bad value at once', () => {
    try {
      readServerConfig({ PORT: '80a', HOST: 'my host', VI_SEED_DEMO: 'yes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems[0]).toContain('PORT');
      expect(problems[1]).toContain('HOST');
      expect(problems[2]).toContain('VI_SEED_DEMO');
    }
  });

  it('checks the disclosure key and the daily evaluation limit before anything starts', () => {
    expect(() => readServerConfig({ VI_DISCLOSURE_KEY: 'not-hex' })).toThrow(/VI_DISCLOSURE_KEY/);
    expect(() => readServerConfig({ VI_EVALUATION_DAILY_LIMIT: '0' })).toThrow(/VI_EVALUATION_DAILY_LIMIT/);
    expect(
      readServerConfig({ VI_DISCLOSURE_KEY: 'a1'.repeat(32), VI_EVALUATION_DAILY_LIMIT: '25' }).port,
    ).toBe(4000);
  });

  it('rejects ports outside 1-65535', () => {
    expect(() => readServerConfig({ PORT: '0' })).toThrow(/PORT/);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
