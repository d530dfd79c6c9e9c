import {
  contactLookupOf,
  fieldKeyring,
  openAnswers,
  type Prisma,
  type RawQueryable,
  sealAnswers,
} from '@vi/db';
import { prisma } from '../database.ts';

/**
 * The gateway's side of field encryption at rest (packages/db/src/field-encryption.ts): contact
 * details and free text are encrypted on the way into the database and decrypted in the resolver
 * that returns them, so nothing else in the gateway sees ciphertext. `db` is the transaction
 * client when a write runs in one (PGlite has a single connection: a key made on first use must
 * be made inside the transaction, not beside it).
 */
export function sealText(
  organizationId: string,
  plaintext: string | null | undefined,
  db: RawQueryable = prisma(),
): Promise<string | null> {
  return fieldKeyring().encrypt(db, organizationId, plaintext);
}

/** Decrypts a stored value for a resolver; null stays null. */
export function openText(
  stored: string | null | undefined,
  db: RawQueryable = prisma(),
): Promise<string | null> {
  return fieldKeyring().decrypt(db, stored);
}

export interface ContactDetails {
  name?: string | null;
  alias?: string | null;
  phone?: string | null;
  email?: string | null;
  caseReference?: string | null;
  reachNote?: string | null;
}

/** A PersonContact's columns as stored: every given value encrypted, and the import's lookup hash. */
export async function sealContact(
  organizationId: string,
  contact: ContactDetails,
  db: RawQueryable = prisma(),
): Promise<ContactDetails & { contactLookup: string | null }> {
  const sealed: ContactDetails = {};
  for (const [field, value] of Object.entries(contact) as [
    keyof ContactDetails,
    string | null | undefined,
  ][]) {
    if (value !== undefined) sealed[field] = await sealText(organizationId, value, db);
  }
  const contactLookup = await contactLookupOf(fieldKeyring(), db, organizationId, {
    phone: contact.phone ?? null,
    name: contact.name ?? null,
  });
  return { ...sealed, contactLookup };
}

/** A form's answers as stored: sealed whole, with the evaluation's codes plain (packages/db). */
export async function sealedAnswers(
  organizationId: string,
  kind: 'REGISTRATION' | 'BASELINE' | 'END',
  answers: Record<string, unknown>,
  db: RawQueryable = prisma(),
): Promise<{ answers: Prisma.InputJsonObject; answersSealed: string }> {
  const sealed = await sealAnswers(fieldKeyring(), db, organizationId, kind, answers);
  return { answers: sealed.answers as Prisma.InputJsonObject, answersSealed: sealed.answersSealed };
}

/** A form's whole answers back from a stored row. */
export function openedAnswers(
  row: { answers: unknown; answersSealed: string | null },
  db: RawQueryable = prisma(),
): Promise<Record<string, unknown>> {
  return openAnswers(fieldKeyring(), db, row);
}
