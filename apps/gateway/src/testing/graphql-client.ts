import type { ExecutionResult } from 'graphql';
import { createSession } from '../auth/session.ts';
import { yoga } from '../yoga.ts';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: ExecutionResult<TData> & {
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
}

function setCookies(headers: Headers): string[] {
  const withGetter = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof withGetter.getSetCookie === 'function') {
    return withGetter.getSetCookie();
  }
  const single = headers.get('set-cookie');
  return single ? [single] : [];
}

/**
 * A browser stand-in for tests: posts to the in-process Yoga instance
 * (`yoga.fetch`, no port) and keeps the session cookie between calls.
 */
export class TestBrowser {
  cookie: string | null = null;
  lastSetCookies: string[] = [];

  async graphql<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) {
      headers.cookie = `vi_session=${this.cookie}`;
    }
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    this.lastSetCookies = setCookies(response.headers);
    for (const cookie of this.lastSetCookies) {
      const match = /^vi_session=([^;]*)/.exec(cookie);
      if (match) {
        this.cookie = match[1] ? match[1] : null;
      }
    }
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLResponse<TData>['body'],
    };
  }

  async login(email: string, password: string): Promise<GraphQLResponse> {
    const response = await this.graphql(
      `mutation Login($input: LoginInput!) { login(input: $input) { id email } }`,
      { input: { email, password } },
    );
    if (response.body.errors?.length) {
      throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
    }
    return response;
  }
}

/** The codes of a response's errors, in order. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** A browser already logged in as a user, with the organisation active (a session made at the test clock's time). */
export async function browserWithSession(userId: string, organizationId: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  browser.cookie = (await createSession(userId, organizationId)).token;
  return browser;
}

/** `as(email)`: a browser logged in with the test password, one per e-mail for the whole file. */
export function loginOnce(password: string): (email: string) => Promise<TestBrowser> {
  const browsers = new Map<string, TestBrowser>();
  return async (email) => {
    let browser = browsers.get(email);
    if (!browser) {
      browser = new TestBrowser();
      await browser.login(email, password);
      browsers.set(email, browser);
    }
    return browser;
  };
}

/** One root field's data; a response with errors throws them, so a test fails naming them. */
export function dataOf<T>(response: GraphQLResponse, key: string): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return (response.body.data as Record<string, T>)[key] as T;
}

/** The field problems of a VALIDATION error as [field, code] pairs, in order. */
export function fieldCodes(response: GraphQLResponse): Array<[string, string]> {
  const list = (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
  }>;
  return list.map((f) => [f.field, f.code]);
}
