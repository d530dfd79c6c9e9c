import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../src/database.ts';
import { errorCodes, TestBrowser } from '../src/testing/graphql-client.ts';
import { createAdmin, readOptions } from './create-admin.ts';

function capture() {
  const lines: string[] = [];
  return {
    lines,
    out: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) },
  };
}

const ARGS = [
  '--email',
  'it@koege.test',
  '--name',
  'Anne IT',
  '--organization',
  'Køge Kommune',
  '--slug',
  'koege-ny',
  '--kind',
  'MUNICIPALITY',
  '--stance',
  'JOURNALISED',
];

beforeAll(async () => {
  await openDatabase();
});

describe('create-admin', () => {
  it('names every bad option at once and creates nothing', async () => {
    expect(readOptions(['--kind', 'KOMMUNE']).problems).toEqual([
      '--email must be an e-mail address.',
      "--name must be the administrator's name (1-200 characters).",
      '--slug must be 2-63 lower-case letters, digits or hyphens (e.g. koege).',
      '--kind must be MUNICIPALITY or NGO.',
    ]);
    expect(readOptions(['--mail', 'x']).problems[0]).toContain('--mail');
    const { lines, out } = capture();
    expect(await createAdmin(['--slug', 'x'], out, false)).toBe(2);
    expect(lines[0]).toContain('nothing was created');
    expect(await prisma().user.count()).toBe(0);
  });

  it('makes the organisation and an administrator whose one-time password opens only the account', async () => {
    const { lines, out } = capture();
    expect(await createAdmin(ARGS, out, false)).toBe(0);
    const password = /One-time password[^:]*: (\S+)/.exec(lines.join('\n'))?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const user = await prisma().user.findUniqueOrThrow({
      where: { email: 'it@koege.test' },
      include: { memberships: { include: { organization: true } } },
    });
    expect(user.mustChangePassword).toBe(true);
    expect(user.memberships.map((m) => [m.role, m.organization.slug, m.organization.name])).toEqual([
      ['ADMIN', 'koege-ny', 'Køge Kommune'],
    ]);
    expect(user.passwordHash).not.toContain(password);
    const audit = await prisma().auditEvent.findMany({ where: { entity: 'User', entityId: user.id } });
    expect(audit.map((row) => row.action)).toEqual(['CREATE']);

    const browser = new TestBrowser();
    const login = await browser.login('it@koege.test', password as string);
    expect(login.body.errors).toBeUndefined();
    expect(errorCodes(await browser.graphql('{ organizationUsers { id } }'))).toEqual(['FORBIDDEN']);
  });

  it('refuses an address that already has an account, and an unknown slug without the organisation', async () => {
    const { lines, out } = capture();
    expect(await createAdmin(ARGS, out, false)).toBe(1);
    expect(lines[0]).toContain('already has an account');
    expect(await createAdmin(['--email', 'b@x.test', '--name', 'B', '--slug', 'ukendt'], out, false)).toBe(1);
    expect(lines[1]).toContain('give --organization, --kind and --stance');
    expect(await prisma().organization.count({ where: { slug: 'ukendt' } })).toBe(0);
  });
});
