import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from './config.ts';

/** A production environment that passes: PostgreSQL and a disclosure key. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://vi@db.internal:5432/vi',
  VI_DISCLOSURE_KEY: 'a1'.repeat(32),
  VI_MASTER_KEY: 'b2'.repeat(32),
  // The survey link's page (outreach-survey/sms-settings.ts; its own tests: sms-settings.test.ts).
  VI_OUTREACH_SURVEY_URL: 'https://vi.example.dk/outreach/survey.html',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:4000', () => {
    expect(readServerConfig({})).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      seedDemo: 'auto',
      production: false,
      allowEmbeddedDatabase: false,
    });
  });

  it('reads PORT, HOST, VI_SEED_DEMO and NODE_ENV', () => {
    expect(readServerConfig({ PORT: '8080', HOST: '0.0.0.0', VI_SEED_DEMO: '1' })).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      seedDemo: 'always',
      production: false,
    });
    expect(readServerConfig({ VI_SEED_DEMO: '0' }).seedDemo).toBe('never');
    expect(readServerConfig({ ...PRODUCTION, PORT: '8080' })).toMatchObject({ port: 8080, production: true });
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

  it('rejects a VI_ALLOW_EMBEDDED_DATABASE that is not 1 or 0', () => {
    expect(() => readServerConfig({ VI_ALLOW_EMBEDDED_DATABASE: 'yes' })).toThrow(
      /VI_ALLOW_EMBEDDED_DATABASE/,
    );
    expect(readServerConfig({ VI_ALLOW_EMBEDDED_DATABASE: '1' }).allowEmbeddedDatabase).toBe(true);
    expect(readServerConfig({}).allowEmbeddedDatabase).toBe(false);
  });
});

// Issue 9: a production start with the demo's conveniences would hand the
// public demo password, or a throwaway database, to real data.
describe('readServerConfig with NODE_ENV=production', () => {
  it('starts with PostgreSQL and a disclosure key, and never loads the demo by itself', () => {
    expect(readServerConfig(PRODUCTION)).toMatchObject({ production: true, seedDemo: 'never' });
  });

  it('refuses everything unsafe at once, each problem naming the setting to change', () => {
    const problems = problemsOf({ NODE_ENV: 'production', VI_SEED_DEMO: '1' });
    // The fifth: VI_OUTREACH_SURVEY_URL (outreach-survey/sms-settings.ts).
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/VI_SEED_DEMO/);
    expect(problems.find((p) => p.includes('VI_ALLOW_EMBEDDED_DATABASE'))).toMatch(/DATABASE_URL/);
    expect(problems.find((p) => p.includes('VI_DISCLOSURE_KEY'))).toMatch(/openssl rand -hex 32/);
  });

  it('lists the production refusals together with the other bad values', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: 'eighty' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'VI_MASTER_KEY',
      'VI_DISCLOSURE_KEY',
      'VI_OUTREACH_SURVEY_URL',
    ]);
  });

  it('refuses the demo seed even on PostgreSQL', () => {
    expect(problemsOf({ ...PRODUCTION, VI_SEED_DEMO: '1' })).toEqual([
      expect.stringMatching(/^VI_SEED_DEMO.*public demo password/),
    ]);
  });

  it('refuses the embedded database unless VI_ALLOW_EMBEDDED_DATABASE=1 says it is meant', () => {
    const embedded = {
      NODE_ENV: 'production',
      VI_DISCLOSURE_KEY: 'a1'.repeat(32),
      VI_MASTER_KEY: 'b2'.repeat(32),
      VI_OUTREACH_SURVEY_URL: PRODUCTION.VI_OUTREACH_SURVEY_URL,
    };
    expect(problemsOf(embedded)).toEqual([expect.stringContaining('VI_ALLOW_EMBEDDED_DATABASE=1')]);
    expect(problemsOf({ ...embedded, VI_ALLOW_EMBEDDED_DATABASE: '0' })).toHaveLength(1);
    expect(readServerConfig({ ...embedded, VI_ALLOW_EMBEDDED_DATABASE: '1' })).toMatchObject({
      production: true,
      allowEmbeddedDatabase: true,
      seedDemo: 'never',
    });
  });

  it('refuses a missing or blank disclosure key', () => {
    const { VI_DISCLOSURE_KEY: _key, ...withoutKey } = PRODUCTION;
    expect(problemsOf(withoutKey)).toEqual([expect.stringMatching(/^VI_DISCLOSURE_KEY must be set/)]);
    expect(problemsOf({ ...PRODUCTION, VI_DISCLOSURE_KEY: '  ' })).toHaveLength(1);
  });

  it('refuses a missing master key in production and a malformed one anywhere (issue 10)', () => {
    const { VI_MASTER_KEY: _master, ...withoutMaster } = PRODUCTION;
    expect(problemsOf(withoutMaster)).toEqual([
      expect.stringMatching(/^VI_MASTER_KEY must be set.*openssl rand -hex 32/),
    ]);
    expect(problemsOf({ ...PRODUCTION, VI_MASTER_KEY: 'not-hex' })).toEqual([
      expect.stringMatching(/^VI_MASTER_KEY must be 64 hexadecimal/),
    ]);
    expect(problemsOf({ NODE_ENV: 'development', VI_MASTER_KEY: 'abc' })).toHaveLength(1);
  });

  it('asks nothing of a development or test start', () => {
    expect(problemsOf({ NODE_ENV: 'development', VI_SEED_DEMO: '1' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
  });
});
