import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';

const SET = `mutation Set($locale: String!) { setMyLocale(locale: $locale) }`;
const ME = `query { me { locale } }`;

let user: { id: string; email: string };

beforeAll(async () => {
  await openDatabase();
  const org = await createOrganization({ name: 'Sprog Kommune', slug: 'sprog' });
  const created = await createUser({
    email: 'leder@sprog.test',
    memberships: [{ organizationId: org.id, role: 'GROUP_LEADER' }],
  });
  user = { id: created.id, email: created.email };
});

async function loggedIn(): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(user.email, TEST_PASSWORD);
  return browser;
}

describe("a staff user's stored language", () => {
  it('starts Danish, is stored by the switch and comes back at the next login, audited', async () => {
    const browser = await loggedIn();
    expect((await browser.graphql(ME)).body.data).toEqual({ me: { locale: 'da' } });
    const set = await browser.graphql(SET, { locale: 'en' });
    expect(set.body).toEqual({ data: { setMyLocale: 'en' } });
    // The same session sees it at once (the session cache forgot the old row) …
    expect((await browser.graphql(ME)).body.data).toEqual({ me: { locale: 'en' } });
    // … and so does the next login, on any device.
    expect((await (await loggedIn()).graphql(ME)).body.data).toEqual({ me: { locale: 'en' } });
    const audit = await prisma().auditEvent.findMany({
      where: { userId: user.id, entity: 'User', action: 'UPDATE' },
      select: { entityId: true, detail: true },
    });
    expect(audit).toEqual([{ entityId: user.id, detail: { change: 'LOCALE', locale: 'en' } }]);
  });

  it('refuses a language the staff screens do not have, naming the field, and changes nothing', async () => {
    const browser = await loggedIn();
    const response = await browser.graphql(SET, { locale: 'ar' });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    const fields = response.body.errors?.[0]?.extensions?.fields as {
      field: string;
      message: { da: string; en: string };
    }[];
    expect(fields.map((f) => f.field)).toEqual(['locale']);
    expect(fields[0]?.message.da).toContain('dansk');
    expect(fields[0]?.message.en).toContain('English');
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('en');
  });

  it('needs a login', async () => {
    expect(errorCodes(await new TestBrowser().graphql(SET, { locale: 'da' }))).toEqual(['UNAUTHENTICATED']);
  });
});
