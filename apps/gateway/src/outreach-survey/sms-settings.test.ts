import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from '../config.ts';
import { GatewayApiSmsProvider } from './gatewayapi-sms.ts';
import { DevelopmentSmsProvider, NoSmsProvider, smsProviderFromEnvironment } from './sms-provider.ts';
import { GATEWAYAPI_DEFAULT_URL, readSmsSettings } from './sms-settings.ts';

/** Production that passes everything but what these tests change (config.ts's other checks). */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://vi@db.internal:5432/vi',
  VI_DISCLOSURE_KEY: 'a1'.repeat(32),
  VI_MASTER_KEY: 'b2'.repeat(32),
  VI_OUTREACH_SURVEY_URL: 'https://vi.example.dk/outreach/survey.html',
};
const GATEWAYAPI = { VI_SMS_PROVIDER: 'gatewayapi', VI_SMS_API_TOKEN: 'tok', VI_SMS_SENDER: 'Kommunen' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    readServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('production refuses to start', () => {
  it('starts with a https survey page and no provider (links are read out), or with GatewayAPI', () => {
    expect(problemsOf(PRODUCTION)).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, VI_SMS_PROVIDER: 'none' })).toEqual([]);
    expect(problemsOf({ ...PRODUCTION, ...GATEWAYAPI })).toEqual([]);
  });

  it('without VI_OUTREACH_SURVEY_URL', () => {
    const problems = problemsOf({ ...PRODUCTION, VI_OUTREACH_SURVEY_URL: undefined });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^VI_OUTREACH_SURVEY_URL must be set with NODE_ENV=production/);
  });

  it('with a survey page that is not https (the token would travel in clear)', () => {
    for (const url of ['http://vi.example.dk/outreach/survey.html', 'vi.example.dk/survey', 'ftp://x.dk/']) {
      const problems = problemsOf({ ...PRODUCTION, VI_OUTREACH_SURVEY_URL: url });
      expect(problems, url).toHaveLength(1);
      expect(problems[0]).toContain('on https');
    }
  });

  it('with VI_SMS_PROVIDER=log (it writes every link to the log)', () => {
    const problems = problemsOf({ ...PRODUCTION, VI_SMS_PROVIDER: 'log' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^VI_SMS_PROVIDER=log writes every survey SMS/);
  });

  it('with GatewayAPI but no token, a bad sender, or a provider address not on https', () => {
    expect(problemsOf({ ...PRODUCTION, ...GATEWAYAPI, VI_SMS_API_TOKEN: '' })).toEqual([
      expect.stringMatching(/^VI_SMS_API_TOKEN must be set/),
    ]);
    for (const sender of ['', 'Offerrådgivning', 'A sender too long']) {
      expect(problemsOf({ ...PRODUCTION, ...GATEWAYAPI, VI_SMS_SENDER: sender }), sender).toEqual([
        expect.stringMatching(/^VI_SMS_SENDER must be set/),
      ]);
    }
    expect(problemsOf({ ...PRODUCTION, ...GATEWAYAPI, VI_SMS_API_URL: 'http://gatewayapi.com' })).toEqual([
      expect.stringMatching(/^VI_SMS_API_URL must be/),
    ]);
  });
});

describe('outside production', () => {
  it('defaults to the log and the local survey page, and accepts http for a local stand-in', () => {
    expect(problemsOf({})).toEqual([]);
    expect(readSmsSettings({}).settings).toEqual({ kind: 'log' });
    expect(
      problemsOf({
        ...GATEWAYAPI,
        VI_SMS_API_URL: 'http://127.0.0.1:9999',
        VI_OUTREACH_SURVEY_URL: 'http://localhost:4000/s',
      }),
    ).toEqual([]);
  });

  it('still names an unknown provider', () => {
    expect(problemsOf({ VI_SMS_PROVIDER: 'twilio' })).toEqual([
      expect.stringMatching(/^VI_SMS_PROVIDER must be gatewayapi, log \(development only\) or none/),
    ]);
  });
});

describe('smsProviderFromEnvironment', () => {
  it('is none in production without a provider, so the worker reads the link out', () => {
    expect(smsProviderFromEnvironment(PRODUCTION)).toBeInstanceOf(NoSmsProvider);
  });

  it('never the log in production, even when config.ts was bypassed', () => {
    expect(smsProviderFromEnvironment({ ...PRODUCTION, VI_SMS_PROVIDER: 'log' })).toBeInstanceOf(
      NoSmsProvider,
    );
    expect(smsProviderFromEnvironment({ ...PRODUCTION, ...GATEWAYAPI, VI_SMS_API_TOKEN: '' })).toBeInstanceOf(
      NoSmsProvider,
    );
  });

  it('is GatewayAPI when configured, at its default address unless told another', () => {
    expect(smsProviderFromEnvironment({ ...PRODUCTION, ...GATEWAYAPI })).toBeInstanceOf(
      GatewayApiSmsProvider,
    );
    expect(readSmsSettings({ ...PRODUCTION, ...GATEWAYAPI }).settings).toEqual({
      kind: 'gatewayapi',
      token: 'tok',
      sender: 'Kommunen',
      baseUrl: GATEWAYAPI_DEFAULT_URL,
    });
    expect(
      readSmsSettings({ ...GATEWAYAPI, VI_SMS_API_URL: 'https://gatewayapi.eu/' }).settings,
    ).toMatchObject({
      baseUrl: 'https://gatewayapi.eu',
    });
  });

  it('is the log in development', () => {
    expect(smsProviderFromEnvironment({})).toBeInstanceOf(DevelopmentSmsProvider);
    expect(smsProviderFromEnvironment({ VI_SMS_PROVIDER: 'none' })).toBeInstanceOf(NoSmsProvider);
  });

  it('a production send without a provider fails, so smsSent stays false', async () => {
    await expect(
      smsProviderFromEnvironment(PRODUCTION).send({ to: '+4520123456', text: 'x' }),
    ).rejects.toThrow(/No SMS provider/);
  });
});
