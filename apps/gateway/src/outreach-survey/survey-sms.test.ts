// The survey SMS through a real provider: GatewayAPI's REST API stood in for by a local HTTP
// server (node:http on 127.0.0.1, an ephemeral port), the calls recorded through the gateway on a
// real database (PGlite). What is checked: the request the provider gets (auth, JSON, msisdn,
// encoding), that a failed send keeps the recorded outcome and tells the worker "not sent", the
// SMS's and the page's language following the recorded one, and that nothing secret is logged.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formTokenFromFragment, outreachSurveySms } from '@vi/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { logger } from '../logger.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  importRows,
  type OutreachOrg,
} from '../outreach/outreach-test-fixtures.ts';
import { TestBrowser } from '../testing/graphql-client.ts';
import { GatewayApiSmsProvider, SmsNotSentError } from './gatewayapi-sms.ts';
import { msisdnOf } from './msisdn.ts';
import { setSmsProvider } from './sms-provider.ts';

const TOKEN = 'test-api-token-which-must-never-be-logged';
const SENDER = 'Kommunen';

type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: unknown };

/** A stand-in for GatewayAPI: records each request and answers with `reply` (or never, for 'hang'). */
class FakeGatewayApi {
  readonly received: Received[] = [];
  reply: { status: number; body: unknown } | 'hang' = { status: 200, body: { ids: [421332671] } };
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        raw += chunk;
      });
      request.on('end', () => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // Kept as text: the assertion shows what arrived.
        }
        this.received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        });
        if (this.reply === 'hang') return;
        response.writeHead(this.reply.status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(this.reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const api = new FakeGatewayApi();
let baseUrl: string;

/** Everything the gateway's logger writes while a test runs, to look for secrets in. */
const logged: string[] = [];
const originalWarn = logger.warn.bind(logger);

beforeAll(async () => {
  baseUrl = await api.start();
  (logger as { warn: unknown }).warn = (...args: unknown[]) => {
    logged.push(JSON.stringify(args));
    return (originalWarn as (...a: unknown[]) => void)(...args);
  };
});
afterAll(async () => {
  (logger as { warn: unknown }).warn = originalWarn;
  setSmsProvider(null);
  await api.stop();
});
afterEach(() => {
  api.reply = { status: 200, body: { ids: [421332671] } };
});

function provider(timeoutMs?: number): GatewayApiSmsProvider {
  return new GatewayApiSmsProvider({ token: TOKEN, sender: SENDER, baseUrl, timeoutMs });
}

describe('GatewayApiSmsProvider against a local stand-in', () => {
  it('posts JSON to /rest/mtsms with the token, the sender and the number as an msisdn', async () => {
    const before = api.received.length;
    await provider().send({ to: '+45 20 12 34 56', text: 'Tak for samtalen.\nhttps://x.dk/#t=abc' });
    const request = api.received[before]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/rest/mtsms');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      sender: SENDER,
      message: 'Tak for samtalen.\nhttps://x.dk/#t=abc',
      recipients: [{ msisdn: 4520123456 }],
    });
  });

  it('asks for UCS-2 when the text is not in the GSM alphabet (Arabic would arrive as ????)', async () => {
    const before = api.received.length;
    await provider().send({ to: '20123456', text: outreachSurveySms('https://x.dk/#t=abc', 'ar') });
    expect(api.received[before]!.body).toMatchObject({
      encoding: 'UCS2',
      recipients: [{ msisdn: 4520123456 }],
    });
  });

  it('rejects on a 5xx, naming the status and the provider’s code but neither text, number nor token', async () => {
    api.reply = { status: 500, body: { code: '0x0000', message: 'boom', incident_uuid: 'x' } };
    const failure = provider()
      .send({ to: '20123456', text: 'secret-link-text' })
      .catch((error: unknown) => error);
    const error = (await failure) as SmsNotSentError;
    expect(error).toBeInstanceOf(SmsNotSentError);
    expect(error.reason).toBe('REFUSED');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('0x0000');
    for (const secret of ['secret-link-text', '20123456', TOKEN]) expect(error.message).not.toContain(secret);
  });

  it('rejects on a 401 (a wrong token) the same way', async () => {
    api.reply = { status: 401, body: { code: '0x0213', message: 'Unauthorized' } };
    await expect(provider().send({ to: '20123456', text: 'x' })).rejects.toMatchObject({ reason: 'REFUSED' });
  });

  it('gives up after its timeout when the provider does not answer', async () => {
    api.reply = 'hang';
    const started = Date.now();
    await expect(provider(300).send({ to: '20123456', text: 'x' })).rejects.toMatchObject({
      reason: 'TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a number it cannot make an msisdn of, without asking the provider', async () => {
    const before = api.received.length;
    await expect(provider().send({ to: '1234', text: 'x' })).rejects.toMatchObject({
      reason: 'INVALID_NUMBER',
    });
    expect(api.received.length).toBe(before);
  });

  it('reports an unreachable provider as NETWORK', async () => {
    const closed = new GatewayApiSmsProvider({ token: TOKEN, sender: SENDER, baseUrl: 'http://127.0.0.1:1' });
    await expect(closed.send({ to: '20123456', text: 'x' })).rejects.toMatchObject({ reason: 'NETWORK' });
  });
});

describe('msisdnOf', () => {
  it('makes Danish numbers 45 and eight digits, keeps foreign ones with their country code', () => {
    expect(msisdnOf('20123456')).toBe('4520123456');
    expect(msisdnOf('+45 20 12 34 56')).toBe('4520123456');
    expect(msisdnOf('0045-20123456')).toBe('4520123456');
    expect(msisdnOf('+46 70 123 45 67')).toBe('46701234567');
    expect(msisdnOf('0046701234567')).toBe('46701234567');
  });

  it('refuses what is not a number to send to', () => {
    for (const bad of ['', '1234', '+45 1234', '+4512345678', '01234567', 'abc', '+0123456789']) {
      expect(msisdnOf(bad), bad).toBeNull();
    }
  });
});

// ── Through recordCallOutcome ────────────────────────────────────────────────────────────────
const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { caseId status surveyLink { url smsSent } } }`;
const OPEN = 'query($token: String!) { outreachSurvey(token: $token) { organizationName suggestedLocale } }';

let org: OutreachOrg;
type Browser = Awaited<ReturnType<typeof browserFor>>;

/** Claims the next case, records the language as the worker would (ReachAnswers), then the call. */
async function acceptedCall(worker: Browser, language: string | null) {
  const { caseId } = dataOf<{ claimNextCase: { caseId: string } }>(
    await worker.graphql(CLAIM_NEXT),
  ).claimNextCase;
  if (language !== null) {
    await prisma().reachAnswers.create({
      data: { organizationId: org.organizationId, outreachCaseId: caseId, preferredLanguage: language },
    });
  }
  const result = dataOf<{
    recordCallOutcome: { status: string; surveyLink: { url: string; smsSent: boolean } };
  }>(
    await worker.graphql(RECORD, {
      id: caseId,
      input: { outcome: 'WILL_CALL_SELF', surveyStatus: 'OFFERED_ACCEPTED' },
    }),
  ).recordCallOutcome;
  return { caseId, ...result };
}

describe('the survey link by SMS, through recordCallOutcome', () => {
  beforeAll(async () => {
    org = await createOutreachOrg('survey-sms');
    await importRows(org, callableRows(8));
    setSmsProvider(provider());
  });

  it('a 5xx from the provider keeps the outcome and the link, and tells the worker the SMS was not sent', async () => {
    api.reply = { status: 503, body: { message: 'maintenance' } };
    const worker = await browserFor(org.users.worker);
    const before = api.received.length;
    const loggedBefore = logged.length;
    const call = await acceptedCall(worker, null);
    expect(api.received.length).toBe(before + 1);
    expect(call.surveyLink.smsSent).toBe(false);
    expect(call.surveyLink.url).toContain('#t=');
    const stored = await prisma().outreachCase.findUniqueOrThrow({ where: { id: call.caseId } });
    expect(stored.surveyStatus).toBe('OFFERED_ACCEPTED');
    expect(stored.outcome).toBe('WILL_CALL_SELF');
    expect(await prisma().outreachSurveyLink.count({ where: { caseId: call.caseId } })).toBe(1);
    // The person can still open the link the worker reads out.
    const token = formTokenFromFragment(new URL(call.surveyLink.url).hash)!;
    dataOf(await new TestBrowser().graphql(OPEN, { token }));
    // The log says why, but holds neither the link, its token, the number nor the API token.
    const lines = logged.slice(loggedBefore).join('\n');
    expect(lines).toContain('SMS not sent');
    expect(lines).toContain('HTTP 503');
    const sent = api.received.at(-1)!.body as { recipients: Array<{ msisdn: number }> };
    for (const secret of [token, TOKEN, String(sent.recipients[0]!.msisdn).slice(2)]) {
      expect(lines).not.toContain(secret);
    }
  });

  it('writes the SMS in the recorded language and the page suggests it (Arabic)', async () => {
    const worker = await browserFor(org.users.worker);
    const before = api.received.length;
    const call = await acceptedCall(worker, 'ar');
    expect(call.surveyLink.smsSent).toBe(true);
    const body = api.received[before]!.body as { message: string; encoding?: string };
    expect(body.message).toBe(outreachSurveySms(call.surveyLink.url, 'ar'));
    expect(body.encoding).toBe('UCS2');
    const token = formTokenFromFragment(new URL(call.surveyLink.url).hash)!;
    const page = dataOf<{ outreachSurvey: { suggestedLocale: string | null } }>(
      await new TestBrowser().graphql(OPEN, { token }),
    ).outreachSurvey;
    expect(page.suggestedLocale).toBe('ar');
    const reach = await prisma().reachAnswers.findUniqueOrThrow({ where: { outreachCaseId: call.caseId } });
    const audit = await prisma().auditEvent.findMany({
      where: { entity: 'ReachAnswers', entityId: reach.id, action: 'READ', userId: null },
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain('ar"');
  });

  it('writes Danish, and suggests nothing, when the language is not one the survey is offered in, or none', async () => {
    const worker = await browserFor(org.users.worker);
    for (const language of ['other', null]) {
      const before = api.received.length;
      const call = await acceptedCall(worker, language);
      expect(call.surveyLink.smsSent).toBe(true);
      const body = api.received[before]!.body as { message: string; encoding?: string };
      expect(body.message).toBe(outreachSurveySms(call.surveyLink.url, 'da'));
      expect(body.encoding).toBeUndefined();
      const token = formTokenFromFragment(new URL(call.surveyLink.url).hash)!;
      const page = dataOf<{ outreachSurvey: { suggestedLocale: string | null } }>(
        await new TestBrowser().graphql(OPEN, { token }),
      ).outreachSurvey;
      expect(page.suggestedLocale).toBeNull();
    }
  });
});
