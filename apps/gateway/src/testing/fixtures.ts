import { hash } from '@node-rs/argon2';
import type { OrganizationKind, PrivacyStance, Role } from '@vi/db';
import { prisma } from '../database.ts';

export const TEST_PASSWORD = 'korrekt-hest-batteri-haefteklamme';

let passwordHash: Promise<string> | undefined;

export async function createOrganization(options: {
  name: string;
  slug: string;
  kind?: OrganizationKind;
  stance?: PrivacyStance;
}) {
  return prisma().organization.create({
    data: {
      name: options.name,
      slug: options.slug,
      kind: options.kind ?? 'MUNICIPALITY',
      stance: options.stance ?? 'JOURNALISED',
    },
  });
}

export async function createUser(options: {
  email: string;
  displayName?: string;
  memberships: Array<{ organizationId: string; role: Role }>;
  disabled?: boolean;
}) {
  passwordHash ??= hash(TEST_PASSWORD);
  return prisma().user.create({
    data: {
      email: options.email,
      displayName: options.displayName ?? options.email.split('@')[0] ?? options.email,
      passwordHash: await passwordHash,
      disabledAt: options.disabled ? new Date() : null,
      memberships: { create: options.memberships },
    },
  });
}

export async function createPerson(organizationId: string, pseudonym: string) {
  return prisma().person.create({
    data: { organizationId, pseudonym, gender: 'WOMAN', birthYear: 1985 },
  });
}

/** An outreach case; organizationId may differ from the person's to model corrupt data. */
export async function createOutreachCase(organizationId: string, personId: string) {
  const incident = await prisma().incident.create({
    data: { organizationId, occurredOn: new Date('2026-11-01'), type: 'VIOLENCE' },
  });
  return prisma().outreachCase.create({
    data: {
      organizationId,
      personId,
      incidentId: incident.id,
      role: 'VICTIM',
      incidentType: 'VIOLENCE',
      status: 'OPEN',
      callableFrom: new Date('2026-11-03'),
      callableUntil: new Date('2026-12-03'),
    },
  });
}
