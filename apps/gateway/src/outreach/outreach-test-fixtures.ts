// Test-only: an outreach organisation with its staff, and police-list rows to import.
import { addDays, danishCalendarDate, type IncidentRowInput } from '@vi/domain';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import type { GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { importIncidentRows } from './incident-import.ts';
// Registers the outreach types on the builder before anything builds the schema
// (the test client below is loaded lazily for that reason).
import './index.ts';

export interface OutreachOrg {
  organizationId: string;
  otherOrganizationId: string;
  users: Record<
    'worker' | 'worker2' | 'counsellor' | 'counsellor2' | 'lead' | 'admin' | 'otherWorker',
    { id: string; email: string }
  >;
}

export async function createOutreachOrg(slug = 'offer'): Promise<OutreachOrg> {
  await openDatabase();
  const org = await createOrganization({ name: `Offerrådgivningen ${slug}`, slug, kind: 'NGO' });
  const other = await createOrganization({ name: `Anden kommune ${slug}`, slug: `${slug}-other` });
  await prisma().incidentTypeSetting.create({
    data: { organizationId: org.id, type: 'BURGLARY_THEFT', activeForOutreach: false },
  });
  const make = async (
    who: string,
    role: 'OUTREACH_WORKER' | 'COUNSELLOR' | 'PROJECT_LEAD' | 'ADMIN',
    orgId = org.id,
  ) => {
    const email = `${who}@${slug}.test`;
    const user = await createUser({
      email,
      displayName: who,
      memberships: [{ organizationId: orgId, role }],
    });
    return { id: user.id, email };
  };
  return {
    organizationId: org.id,
    otherOrganizationId: other.id,
    users: {
      worker: await make('worker', 'OUTREACH_WORKER'),
      worker2: await make('worker2', 'OUTREACH_WORKER'),
      counsellor: await make('counsellor', 'COUNSELLOR'),
      counsellor2: await make('counsellor2', 'COUNSELLOR'),
      lead: await make('lead', 'PROJECT_LEAD'),
      admin: await make('admin', 'ADMIN'),
      otherWorker: await make('other-worker', 'OUTREACH_WORKER', other.id),
    },
  };
}

export async function browserFor(user: { email: string }): Promise<TestBrowser> {
  const { TestBrowser } = await import('../testing/graphql-client.ts');
  const browser = new TestBrowser();
  await browser.login(user.email, TEST_PASSWORD);
  return browser;
}

/** Danish calendar date `days` before today, as the police export writes it (dd-mm-yyyy). */
export function daysAgo(days: number, now = new Date()): string {
  const iso = addDays(danishCalendarDate(now), -days);
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** A unique valid Danish mobile number per index. */
export function phoneFor(index: number): string {
  return `2${String(index).padStart(7, '0')}`;
}

/** `count` callable people (incidents 3..28 days ago, past the default 2-day delay). */
export function callableRows(count: number, offset = 0): IncidentRowInput[] {
  const types = ['Vold', 'Trusler', 'Røveri', 'Tilhold og stalking', 'Voldtægt og seksuelle krænkelser'];
  const roles = ['offer', 'vidne', 'pårørende', 'værge'];
  const genders = ['mand', 'kvinde'];
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    return {
      incidentDate: daysAgo(3 + (i % 26)),
      incidentType: types[i % types.length]!,
      role: roles[i % roles.length]!,
      name: `Testperson ${i}`,
      phone: phoneFor(i),
      age: String(15 + (i % 70)),
      gender: genders[i % genders.length]!,
    };
  });
}

export async function importRows(org: OutreachOrg, rows: readonly IncidentRowInput[], now = new Date()) {
  return importIncidentRows(prisma(), {
    organizationId: org.organizationId,
    userId: org.users.worker.id,
    fileName: 'test.csv',
    rows,
    now,
  });
}

/** The codes of a response's errors, in order. */
export function errorCodes(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((error) => error.extensions?.code);
}

/** The data of a response that must have succeeded. */
export function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}
