/**
 * How survey links go out by SMS, read from the environment (config.ts reads these with the
 * others, so a bad value stops the start with every problem named; smsProvider() reads them again
 * when it first sends).
 *
 * - VI_SMS_PROVIDER: `gatewayapi` (GatewayAPI.com's REST API, a Danish SMS gateway), `log`
 *   (development: the message, link included, goes to the log) or `none` (nothing is sent; the
 *   worker reads the link out). Unset: `log` outside production, `none` in production.
 * - VI_SMS_API_TOKEN: the provider's API token (gatewayapi). A secret: never logged.
 * - VI_SMS_SENDER: the sender the person sees, up to 11 letters/digits or a number of up to 15
 *   digits (gatewayapi). Plain on purpose: someone else may see the person's phone.
 * - VI_SMS_API_URL: the provider's base address, default https://gatewayapi.com (an EU account
 *   uses https://gatewayapi.eu; the tests point it at a local server).
 *
 * Production refuses `log` (it writes the link, the key to the person's survey, into the log) and
 * a survey page address (VI_OUTREACH_SURVEY_URL) that is missing or not https, because the token
 * would travel in clear. Production without a provider starts: the link is then shown to the
 * worker to read out, as the outreach evaluation's workers did with people who had no smartphone.
 */
export type SmsProviderKind = 'gatewayapi' | 'log' | 'none';

export type SmsSettings =
  | { kind: 'gatewayapi'; token: string; sender: string; baseUrl: string }
  | { kind: 'log' }
  | { kind: 'none' };

export const GATEWAYAPI_DEFAULT_URL = 'https://gatewayapi.com';

const KINDS: readonly SmsProviderKind[] = ['gatewayapi', 'log', 'none'];
/** GatewayAPI's sender: up to 11 alphanumeric characters, or up to 15 digits. */
const SENDER = /^(?:[A-Za-z0-9 ]{1,11}|\+?\d{1,15})$/;

function isHttpUrl(value: string, httpsOnly: boolean): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:');
  } catch {
    return false;
  }
}

export function readSmsSettings(env: NodeJS.ProcessEnv = process.env): {
  settings: SmsSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const raw = env.VI_SMS_PROVIDER?.trim().toLowerCase();
  let kind: SmsProviderKind = production ? 'none' : 'log';
  if (raw) {
    if ((KINDS as readonly string[]).includes(raw)) kind = raw as SmsProviderKind;
    else {
      problems.push(
        `VI_SMS_PROVIDER must be gatewayapi, log (development only) or none (got "${env.VI_SMS_PROVIDER?.trim()}").`,
      );
    }
  }

  if (production && kind === 'log') {
    problems.push(
      'VI_SMS_PROVIDER=log writes every survey SMS, link included, to the log: with NODE_ENV=production set VI_SMS_PROVIDER=gatewayapi (with VI_SMS_API_TOKEN and VI_SMS_SENDER), or none to have workers read the link out.',
    );
  }

  const surveyUrl = env.VI_OUTREACH_SURVEY_URL?.trim();
  if (surveyUrl && !isHttpUrl(surveyUrl, production)) {
    problems.push(
      `VI_OUTREACH_SURVEY_URL must be the address of the outreach app's survey page${production ? ' on https' : ''}, e.g. https://vi.example.dk/outreach/survey.html (got "${surveyUrl}").`,
    );
  } else if (production && !surveyUrl) {
    problems.push(
      "VI_OUTREACH_SURVEY_URL must be set with NODE_ENV=production: the https address people open the user survey on (the outreach app's survey.html, e.g. https://vi.example.dk/outreach/survey.html). Without it no survey link could be made.",
    );
  }

  const baseUrl = (env.VI_SMS_API_URL?.trim() || GATEWAYAPI_DEFAULT_URL).replace(/\/+$/, '');
  if (env.VI_SMS_API_URL?.trim() && !isHttpUrl(baseUrl, production)) {
    problems.push(
      `VI_SMS_API_URL must be the provider's ${production ? 'https ' : ''}base address, e.g. ${GATEWAYAPI_DEFAULT_URL} (got "${env.VI_SMS_API_URL.trim()}").`,
    );
  }

  if (kind === 'gatewayapi') {
    const token = env.VI_SMS_API_TOKEN?.trim() ?? '';
    const sender = env.VI_SMS_SENDER?.trim() ?? '';
    if (!token) {
      problems.push(
        'VI_SMS_API_TOKEN must be set with VI_SMS_PROVIDER=gatewayapi: an API token from GatewayAPI (API > API Keys).',
      );
    }
    if (!SENDER.test(sender)) {
      problems.push(
        `VI_SMS_SENDER must be set with VI_SMS_PROVIDER=gatewayapi: up to 11 letters, digits or spaces (no æ, ø, å), or a number of up to 15 digits${sender ? ` (got "${sender}")` : ''}. Keep it plain: someone else may see the person's phone.`,
      );
    }
    return { settings: { kind, token, sender, baseUrl }, problems };
  }
  return { settings: { kind }, problems };
}
