import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';

let organizationId: string;
let leader: { id: string };

beforeAll(async () => {
  await openDatabase();
  organizationId = (await createOrganization({ name: 'Køge Kommune', slug: 'koege' })).id;
  leader = await createUser({
    email: 'leader@koege.test',
    memberships: [{ organizationId, role: 'GROUP_LEADER' }],
  });
});

async function deniedRowsAfter(id: bigint) {
  const rows = await prisma().auditEvent.findMany({
    where: { id: { gt: id }, action: 'DENIED' },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({
    userId: row.userId,
    organizationId: row.organizationId,
    entity: row.entity,
    entityId: row.entityId,
    detail: row.detail,
  }));
}

async function lastAuditId(): Promise<bigint> {
  return (await prisma().auditEvent.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
}

describe('root-level refusals are audited', () => {
  it('anonymous: every refused root field is a DENIED row without a user', async () => {
    const since = await lastAuditId();
    const browser = new TestBrowser();
    const query = await browser.graphql('{ me { id } persons { id } }');
    expect(errorCodes(query)).toEqual(['UNAUTHENTICATED']);
    const mutation = await browser.graphql(
      'mutation($id: ID!) { switchOrganization(organizationId: $id) { id } }',
      {
        id: organizationId,
      },
    );
    expect(errorCodes(mutation)).toEqual(['UNAUTHENTICATED']);
    expect(await deniedRowsAfter(since)).toEqual([
      {
        userId: null,
        organizationId: null,
        entity: 'Query',
        entityId: 'persons',
        detail: { reason: 'UNAUTHENTICATED' },
      },
      {
        userId: null,
        organizationId: null,
        entity: 'Mutation',
        entityId: 'switchOrganization',
        detail: { reason: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('logged in without the role: FORBIDDEN, audited with the user and organisation', async () => {
    const browser = new TestBrowser();
    await browser.login('leader@koege.test', TEST_PASSWORD);
    const since = await lastAuditId();
    // One field per request: a refused non-null root field ends the execution of its siblings.
    for (const query of ['{ persons { id } }', '{ intakes { id } }']) {
      expect(errorCodes(await browser.graphql(query))).toEqual(['FORBIDDEN']);
    }
    expect(await deniedRowsAfter(since)).toEqual([
      {
        userId: leader.id,
        organizationId,
        entity: 'Query',
        entityId: 'persons',
        detail: { reason: 'FORBIDDEN' },
      },
      {
        userId: leader.id,
        organizationId,
        entity: 'Query',
        entityId: 'intakes',
        detail: { reason: 'FORBIDDEN' },
      },
    ]);
  });

  it('an allowed query writes no DENIED row', async () => {
    const browser = new TestBrowser();
    await browser.login('leader@koege.test', TEST_PASSWORD);
    const since = await lastAuditId();
    expect(errorCodes(await browser.graphql('{ me { id } courses { id } }'))).toEqual([]);
    expect(await deniedRowsAfter(since)).toEqual([]);
  });
});
