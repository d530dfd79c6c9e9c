// The demo's personal data goes in encrypted like the gateway's (issue 10): the dump of a demo
// database shows no seeded name, phone number or free text either.
import { contactLookupOf, type FieldKeyring, type RawQueryable, sealAnswers } from '../field-encryption.ts';

/** Copies of the rows with the named text columns encrypted under each row's organisation. */
export async function sealColumns<T extends { organizationId: string }>(
  keyring: FieldKeyring,
  db: RawQueryable,
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): Promise<T[]> {
  const sealed: T[] = [];
  for (const row of rows) {
    const copy = { ...row };
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') {
        (copy as Record<string, unknown>)[column] = await keyring.encrypt(db, row.organizationId, value);
      }
    }
    sealed.push(copy);
  }
  return sealed;
}

const CONTACT_COLUMNS = ['name', 'alias', 'phone', 'email', 'caseReference', 'reachNote'] as const;

/** Contact rows encrypted, with the import's lookup hash of phone or name. */
export async function sealContactRows<
  T extends {
    organizationId: string;
    name?: string | null;
    alias?: string | null;
    phone?: string | null;
    email?: string | null;
    caseReference?: string | null;
    reachNote?: string | null;
    contactLookup?: string | null;
  },
>(keyring: FieldKeyring, db: RawQueryable, rows: readonly T[]): Promise<T[]> {
  const sealed = await sealColumns(keyring, db, rows, CONTACT_COLUMNS as unknown as (keyof T & string)[]);
  for (const [index, row] of rows.entries()) {
    sealed[index]!.contactLookup = await contactLookupOf(keyring, db, row.organizationId, {
      phone: row.phone ?? null,
      name: row.name ?? null,
    });
  }
  return sealed;
}

/** Form rows with the whole form sealed and only the evaluation's codes left plain. */
export async function sealAnswerRows<T extends { organizationId: string; answers: unknown; kind?: string }>(
  keyring: FieldKeyring,
  db: RawQueryable,
  rows: readonly T[],
): Promise<T[]> {
  const sealed: T[] = [];
  for (const row of rows) {
    const kind = (row.kind ?? 'REGISTRATION') as 'REGISTRATION' | 'BASELINE' | 'END';
    sealed.push({
      ...row,
      ...(await sealAnswers(keyring, db, row.organizationId, kind, row.answers as Record<string, unknown>)),
    });
  }
  return sealed;
}
