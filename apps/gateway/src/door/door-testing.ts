/**
 * For the door's tests: a Yoga instance with production's door (trusted documents on, introspection
 * for evaluators, no GET, no CORS) whatever NODE_ENV the tests run with, and a raw client that sends
 * exactly the request an attacker would.
 */
import { createHash } from 'node:crypto';
import type { Role } from '@vi/db';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { TestBrowser } from '../testing/graphql-client.ts';
import { createGatewayYoga } from '../yoga.ts';
import type { DoorOptions } from './door.ts';
import { CSRF_HEADER } from './http-gate.ts';

export type Yoga = ReturnType<typeof createGatewayYoga>;

export const CSRF = { [CSRF_HEADER]: '1' } as const;
export const JSON_HEADERS = { 'content-type': 'application/json', ...CSRF } as const;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function manifestOf(...documents: string[]): Map<string, string> {
  return new Map(documents.map((text) => [sha256(text), text]));
}

export function productionYoga(door: Partial<DoorOptions> = {}): Yoga {
  return createGatewayYoga({
    graphiql: false,
    door: {
      trustedDocuments: true,
      manifest: () => new Map(),
      introspection: 'evaluators',
      allowGet: false,
      corsOrigins: [],
      ...door,
    },
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the gateway answered.
  body: any;
  /** `extensions.code` of each error, in order. */
  codes: unknown[];
}

export async function send(
  yoga: Yoga,
  request: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    cookie?: string | null;
    /** JSON-encoded unless `raw` is given. */
    json?: unknown;
    raw?: string;
  },
): Promise<Answer> {
  const headers: Record<string, string> = { ...(request.headers ?? JSON_HEADERS) };
  if (request.cookie) headers.cookie = `vi_session=${request.cookie}`;
  const method = request.method ?? 'POST';
  const body = request.raw ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
  const response = await yoga.fetch(`http://localhost${request.path ?? '/graphql'}`, {
    method,
    headers,
    ...(body === undefined || method === 'GET' ? {} : { body }),
  });
  const text = await response.text();
  let parsed: Answer['body'] = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  const errors: Array<{ extensions?: { code?: unknown } }> = parsed?.errors ?? [];
  return {
    status: response.status,
    headers: response.headers,
    body: parsed,
    codes: errors.map((error) => error.extensions?.code),
  };
}

let counter = 0;

/** A user of a new organisation holding `role`, logged in through the default (development) Yoga. */
export async function loggedIn(
  role: Role,
): Promise<{ cookie: string; organizationId: string; email: string }> {
  counter += 1;
  const slug = `door-${role.toLowerCase().replace(/_/g, '-')}-${counter}`;
  const organization = await createOrganization({ name: `Dør ${counter}`, slug });
  const email = `${slug}@example.dk`;
  await createUser({ email, memberships: [{ organizationId: organization.id, role }] });
  const browser = new TestBrowser();
  await browser.login(email, TEST_PASSWORD);
  if (!browser.cookie) throw new Error('login gave no session cookie');
  return { cookie: browser.cookie, organizationId: organization.id, email };
}
