import { smsSize } from '@vi/domain';
import { msisdnOf } from './msisdn.ts';
import type { SmsProvider } from './sms-provider.ts';

/**
 * GatewayAPI.com's REST API (a Danish SMS gateway): POST {base}/rest/mtsms, authenticated by HTTP
 * Basic with the API token as user name and an empty password, JSON {sender, message,
 * recipients: [{msisdn}]}; 200 with {ids: […]} when accepted. Node's own fetch, no SDK: one request is all this needs.
 *
 * What it never does: log or put into an error the message (it holds the survey link, the key to
 * the person's answers), the number or the token. A refusal becomes an error naming only the
 * HTTP status and GatewayAPI's error code, so the caller's log line holds nothing personal.
 */
export type GatewayApiOptions = {
  token: string;
  sender: string;
  /** https://gatewayapi.com (default), https://gatewayapi.eu for an EU account, or a test server. */
  baseUrl: string;
  /** The call waits at most this long for the provider: the worker is waiting for the screen. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** Long enough for a slow gateway, short enough for a worker waiting on the call screen. */
export const GATEWAYAPI_TIMEOUT_MS = 8000;

export class SmsNotSentError extends Error {
  constructor(
    readonly reason: 'INVALID_NUMBER' | 'TIMEOUT' | 'NETWORK' | 'REFUSED',
    detail: string,
  ) {
    super(`SMS not sent (${reason}): ${detail}`);
    this.name = 'SmsNotSentError';
  }
}

export class GatewayApiSmsProvider implements SmsProvider {
  readonly name = 'gatewayapi';
  private readonly endpoint: string;

  constructor(private readonly options: GatewayApiOptions) {
    this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}/rest/mtsms`;
  }

  async send(message: { to: string; text: string }): Promise<void> {
    const msisdn = msisdnOf(message.to);
    if (!msisdn)
      throw new SmsNotSentError('INVALID_NUMBER', 'the stored phone number is not a mobile number');
    const body: Record<string, unknown> = {
      sender: this.options.sender,
      message: message.text,
      recipients: [{ msisdn: Number(msisdn) }],
    };
    // GatewayAPI sends in the GSM alphabet unless told otherwise: Arabic, Urdu, Farsi,
    // Ukrainian, Turkish and Polish texts would arrive as question marks.
    if (smsSize(message.text).encoding === 'UCS-2') body.encoding = 'UCS2';
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.endpoint, {
        method: 'POST',
        headers: {
          // GatewayAPI's token scheme: HTTP Basic with the token as user name, empty password.
          Authorization: `Basic ${Buffer.from(`${this.options.token}:`).toString('base64')}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? GATEWAYAPI_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new SmsNotSentError('TIMEOUT', 'the SMS provider did not answer in time');
      }
      // The cause's code only (ECONNREFUSED, ENOTFOUND …): its message may repeat the request.
      const code = ((error as { cause?: { code?: unknown } }).cause?.code as string | undefined) ?? name;
      throw new SmsNotSentError('NETWORK', `the SMS provider could not be reached (${code})`);
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    let providerCode = '';
    try {
      const answer = (await response.json()) as { code?: unknown };
      if (typeof answer.code === 'string' && /^[\w.-]{1,20}$/.test(answer.code))
        providerCode = `, code ${answer.code}`;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new SmsNotSentError('REFUSED', `the SMS provider answered HTTP ${response.status}${providerCode}`);
  }
}
