import type { ExecutionResult } from 'graphql';
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
