import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from './database.ts';
import { createOrganization, createPerson } from './testing/fixtures.ts';
import { errorCodes, TestBrowser } from './testing/graphql-client.ts';

let personId = '';

beforeAll(async () => {
  await openDatabase();
  const organization = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
  personId = (await createPerson(organization.id, 'P-ANON')).id;
});

describe('an anonymous request', () => {
  it('reads me as null', async () => {
    const response = await new TestBrowser().graphql('{ me { id } }');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { me: null } });
  });

  it.each([
    ['persons', '{ persons { id pseudonym } }'],
    ['person', `{ person(id: "__ID__") { id pseudonym } }`],
    ['person nested', `{ person(id: "__ID__") { outreachCases { id } } }`],
    [
      'updatePersonProfile',
      `mutation { updatePersonProfile(id: "__ID__", input: { birthYear: 1990 }) { id } }`,
    ],
    ['switchOrganization', `mutation { switchOrganization(organizationId: "__ID__") { id } }`],
    ['logout', 'mutation { logout }'],
  ])('is refused %s with UNAUTHENTICATED and no data', async (_name, query) => {
    const response = await new TestBrowser().graphql(query.replaceAll('__ID__', personId));
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors?.[0]?.extensions?.message).toEqual({
      da: 'Du skal være logget ind.',
      en: 'You must be logged in.',
    });
    expect(response.body.data ?? null).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain('P-ANON');
  });

  it('changes nothing and reads nothing into the audit trail as a person read', async () => {
    await new TestBrowser().graphql(
      `mutation { updatePersonProfile(id: "${personId}", input: { birthYear: 1990 }) { id } }`,
    );
    const person = await prisma().person.findUniqueOrThrow({ where: { id: personId } });
    expect(person.birthYear).toBe(1985);
    expect(await prisma().auditEvent.count({ where: { personId } })).toBe(0);
  });
});
