import { logger } from '../logger.ts';
import { GatewayApiSmsProvider } from './gatewayapi-sms.ts';
import { readSmsSettings } from './sms-settings.ts';

/** Sends one text message. Resolves when the provider has accepted it; rejects when it has not. */
export interface SmsProvider {
  readonly name: string;
  send(message: { to: string; text: string }): Promise<void>;
}

/**
 * For development and demos: writes the message to the log instead of sending it, so a developer
 * can open the link from the terminal. It logs the whole text, link included, so it must never
 * run in production (`smsProvider()` does not choose it there).
 */
export class DevelopmentSmsProvider implements SmsProvider {
  readonly name = 'development-log';

  constructor(
    private readonly write: (line: { to: string; text: string }) => void = (line) =>
      // warn: a developer's terminal shows warnings only (logger.ts).
      logger.warn({ sms: { to: maskPhone(line.to), text: line.text } }, 'development SMS (not sent)'),
  ) {}

  async send(message: { to: string; text: string }): Promise<void> {
    this.write(message);
  }
}

/** Production without a configured provider: nothing is sent, the worker reads the link out. */
export class NoSmsProvider implements SmsProvider {
  readonly name = 'none';

  async send(): Promise<void> {
    throw new Error('No SMS provider is configured (set one up before sending survey links by SMS).');
  }
}

/** Only the last two digits, so the log line is of use without holding the person's number. */
export function maskPhone(phone: string): string {
  return phone.length <= 2 ? '**' : `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`;
}

let configured: SmsProvider | null = null;
let fromEnvironment: SmsProvider | null = null;

/**
 * The provider VI_SMS_PROVIDER names (sms-settings.ts): GatewayAPI, the log, or none. Unset: the
 * log outside production, none in production (links are read out). A setting config.ts would
 * have refused (the log in production, gatewayapi without a token) falls back to none here, so a
 * process started some other way still never writes a link to the log in production.
 */
export function smsProviderFromEnvironment(env: NodeJS.ProcessEnv = process.env): SmsProvider {
  const { settings, problems } = readSmsSettings(env);
  if (problems.length > 0 && env.NODE_ENV === 'production') return new NoSmsProvider();
  switch (settings.kind) {
    case 'gatewayapi':
      return settings.token && settings.sender ? new GatewayApiSmsProvider(settings) : new NoSmsProvider();
    case 'log':
      return env.NODE_ENV === 'production' ? new NoSmsProvider() : new DevelopmentSmsProvider();
    case 'none':
      return new NoSmsProvider();
  }
}

/** The provider in use: one set by setSmsProvider, else the environment's (read once). */
export function smsProvider(): SmsProvider {
  if (configured) return configured;
  fromEnvironment ??= smsProviderFromEnvironment();
  return fromEnvironment;
}

/** For tests (and a provider made in code). null goes back to the environment's. */
export function setSmsProvider(provider: SmsProvider | null): void {
  configured = provider;
}
