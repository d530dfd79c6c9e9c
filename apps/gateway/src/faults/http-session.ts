/**
 * One user's browser stand-in over real HTTP (loopback): keeps the session cookie, sends the apps'
 * CSRF header, and an Idempotency-Key with every mutation as packages/ui's client does. For the load
 * and fault tests, which must go through the network stack like the apps.
 */
import { randomUUID } from 'node:crypto';

export type GraphQLAnswer<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
};

export class HttpSession {
  private cookie: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { idempotencyKey?: string; timeoutMs?: number } = {},
  ): Promise<{ status: number; body: GraphQLAnswer<T> }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-vi-csrf': '1' };
    if (this.cookie) headers.cookie = `vi_session=${this.cookie}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const match = /^vi_session=([^;]*)/.exec(cookie);
      if (match) this.cookie = match[1] || null;
    }
    return { status: response.status, body: (await response.json()) as GraphQLAnswer<T> };
  }

  /** A mutation with a fresh key, as the apps send it. */
  mutate<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    key = randomUUID(),
  ) {
    return this.request<T>(query, variables, { idempotencyKey: key });
  }

  async login(email: string, password: string): Promise<void> {
    const { body } = await this.request(
      `mutation Login($input: LoginInput!) { login(input: $input) { id } }`,
      {
        input: { email, password },
      },
    );
    if (body.errors?.length) throw new Error(`login ${email}: ${JSON.stringify(body.errors)}`);
  }
}

/** The error codes of an answer, in order. */
export function codesOf(answer: GraphQLAnswer): string[] {
  return (answer.errors ?? []).map((error) => String(error.extensions?.code ?? error.message));
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? 0;
}
