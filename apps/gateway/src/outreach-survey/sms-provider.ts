import { logger } from '../logger.ts';

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

/** The provider in use: one set by setSmsProvider, else the log outside production, else none. */
export function smsProvider(): SmsProvider {
  if (configured) return configured;
  return process.env.NODE_ENV === 'production' ? new NoSmsProvider() : new DevelopmentSmsProvider();
}

/** For a real provider at start-up, and for tests. null goes back to the default. */
export function setSmsProvider(provider: SmsProvider | null): void {
  configured = provider;
}
