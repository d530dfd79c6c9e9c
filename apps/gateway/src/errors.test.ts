import { ownerQuery } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionCacheFor } from './auth/session-cache.ts';
import { openDatabase, prisma } from './database.ts';
import { createOrganization, createPerson, createUser, TEST_PASSWORD } from './testing/fixtures.ts';
import { errorCodes, TestBrowser } from './testing/graphql-client.ts';

const worker = new TestBrowser();

beforeAll(async () => {
  await openDatabase();
  const organization = await createOrganization({ name: 'A Kommune', slug: 'a' });
  await createUser({
    email: 'worker@a.test',
    memberships: [{ organizationId: organization.id, role: 'COUNSELLOR' }],
  });
  await createPerson(organization.id, 'P-SECRET');
  await worker.login('worker@a.test', TEST_PASSWORD);
});

/** Runs `body` with a table renamed away, so the database fails the way a real outage would. */
async function withTableMissing(table: string, body: () => Promise<void>): Promise<void> {
  // As the owner: the gateway's role cannot alter tables (issue 10).
  await ownerQuery(`ALTER TABLE "${table}" RENAME TO "${table}_away"`);
  try {
    await body();
  } finally {
    await ownerQuery(`ALTER TABLE "${table}_away" RENAME TO "${table}"`);
  }
}

describe('unexpected errors', () => {
  it('are masked: INTERNAL, Danish + English message, the request id, no internals', async () => {
    await withTableMissing('Person', async () => {
      const response = await worker.graphql('{ persons { id pseudonym } }');
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(errorCodes(response)).toEqual(['INTERNAL']);
      const error = response.body.errors?.[0];
      expect(error?.extensions?.requestId).toBe(requestId);
      expect(error?.extensions?.message).toEqual({
        da: expect.stringContaining('uventet fejl'),
        en: expect.stringContaining('unexpected error'),
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/Person_away|relation|prisma|does not exist|stack/i);
    });
  });

  it('withhold the data when the audit trail cannot be written', async () => {
    await withTableMissing('AuditEvent', async () => {
      const response = await worker.graphql('{ persons { id pseudonym } }');
      expect(errorCodes(response)).toEqual(['INTERNAL']);
      expect(response.body.data).toBeNull();
      expect(JSON.stringify(response.body)).not.toContain('P-SECRET');
    });
    // And with the table back, the same query works and is audited.
    const again = await worker.graphql('{ persons { pseudonym } }');
    expect(again.body.data).toEqual({ persons: [{ pseudonym: 'P-SECRET' }] });
    expect(await prisma().auditEvent.count({ where: { requestId: again.headers.get('x-request-id') } })).toBe(
      1,
    );
  });

  it('carry the request id when the session lookup itself fails', async () => {
    // The worker's session is cached from earlier requests; a rename notifies nobody, so drop the
    // cache to make this request look the session up in the missing table.
    sessionCacheFor(await openDatabase()).clear();
    await withTableMissing('Session', async () => {
      const response = await worker.graphql('{ me { id } }');
      expect(errorCodes(response)).toEqual(['INTERNAL']);
      expect(response.body.errors?.[0]?.extensions?.requestId).toBe(response.headers.get('x-request-id'));
      expect(JSON.stringify(response.body)).not.toMatch(/Session_away|relation|does not exist/i);
    });
  });

  it('carry a request id even when the request is not GraphQL at all', async () => {
    const { yoga } = await import('./yoga.ts');
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps a well-formed request id from a proxy in front', async () => {
    const { yoga } = await import('./yoga.ts');
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-abc-123456' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('proxy-abc-123456');
  });
});
