/**
 * The first administrator of a new installation. Production never loads the
 * demo, so an empty database has no account at all; this command makes the
 * organisation (when its slug is new) and one ADMIN with a one-time password,
 * printed once, to be changed at the first login. Everything after that is
 * done in the apps' "Brugere" screen.
 *
 *   npm run -w @vi/gateway create-admin -- --email it@koege.dk --name "Anne IT" \
 *     --organization "Køge Kommune" --slug koege --kind MUNICIPALITY --stance JOURNALISED
 *
 * Runs against DATABASE_URL (migrating it first), like the server.
 */
import { parseArgs } from 'node:util';
import { closeDatabase } from '@vi/db';
import { normaliseEmail } from '@vi/domain';
import { hashPassword, MAX_DISPLAY_NAME_LENGTH, temporaryPassword } from '../src/auth/users.ts';
import { openDatabase } from '../src/database.ts';

const KINDS = ['MUNICIPALITY', 'NGO'] as const;
const STANCES = ['ANONYMOUS', 'JOURNALISED'] as const;
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

type Options = {
  email: string;
  name: string;
  slug: string;
  organization?: string;
  kind?: (typeof KINDS)[number];
  stance?: (typeof STANCES)[number];
};

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organization: { type: 'string' },
      slug: { type: 'string' },
      kind: { type: 'string' },
      stance: { type: 'string' },
    },
    strict: true,
  });
}

/** Every problem at once, each naming the option, as the server's configuration check does. */
export function readOptions(args: string[]): { options?: Options; problems: string[] } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)] };
  }
  const { values } = parsed;
  const problems: string[] = [];
  const email = normaliseEmail(values.email ?? '');
  if (!email) problems.push('--email must be an e-mail address.');
  const name = (values.name ?? '').trim().replace(/\s+/g, ' ');
  if (!name || name.length > MAX_DISPLAY_NAME_LENGTH) {
    problems.push(`--name must be the administrator's name (1-${MAX_DISPLAY_NAME_LENGTH} characters).`);
  }
  const slug = values.slug ?? '';
  if (!SLUG.test(slug))
    problems.push('--slug must be 2-63 lower-case letters, digits or hyphens (e.g. koege).');
  const kind = values.kind as Options['kind'];
  if (kind !== undefined && !KINDS.includes(kind)) problems.push(`--kind must be ${KINDS.join(' or ')}.`);
  const stance = values.stance as Options['stance'];
  if (stance !== undefined && !STANCES.includes(stance))
    problems.push(`--stance must be ${STANCES.join(' or ')}.`);
  if (problems.length > 0 || !email) return { problems };
  return {
    options: { email, name, slug, organization: values.organization?.trim(), kind, stance },
    problems,
  };
}

/** Creates what the arguments say; returns the exit code. `close` is false in tests (they share the database). */
export async function createAdmin(
  args: string[],
  out: { log: (line: string) => void; error: (line: string) => void } = console,
  close = true,
): Promise<number> {
  const { options, problems } = readOptions(args);
  if (!options) {
    out.error(`create-admin: nothing was created.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  const db = await openDatabase();
  try {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const result = await db.prisma.$transaction(async (tx) => {
      let organization = await tx.organization.findUnique({ where: { slug: options.slug } });
      if (!organization) {
        if (!options.organization || !options.kind || !options.stance) {
          return {
            problem: `No organisation has the slug "${options.slug}": give --organization, --kind and --stance to create it.`,
          };
        }
        organization = await tx.organization.create({
          data: {
            slug: options.slug,
            name: options.organization,
            kind: options.kind,
            stance: options.stance,
          },
        });
      }
      const taken = await tx.user.findFirst({
        where: { email: { equals: options.email, mode: 'insensitive' } },
        select: { id: true },
      });
      if (taken) return { problem: `${options.email} already has an account: use the "Brugere" screen.` };
      const user = await tx.user.create({
        data: {
          email: options.email,
          displayName: options.name,
          passwordHash,
          mustChangePassword: true,
          memberships: { create: { organizationId: organization.id, role: 'ADMIN' } },
        },
      });
      await tx.auditEvent.create({
        data: {
          organizationId: organization.id,
          action: 'CREATE',
          entity: 'User',
          entityId: user.id,
          detail: { change: 'CREATED', roles: ['ADMIN'], by: 'create-admin command' },
        },
      });
      return { organization: organization.name };
    });
    if ('problem' in result) {
      out.error(`create-admin: nothing was created. ${result.problem}`);
      return 1;
    }
    out.log(
      [
        `Administrator ${options.email} created in ${result.organization}.`,
        `One-time password (shown only now; to be changed at the first login): ${password}`,
        'Two-step login must be set up under "Konto" before managing users.',
      ].join('\n'),
    );
    return 0;
  } finally {
    if (close) await closeDatabase();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  createAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
