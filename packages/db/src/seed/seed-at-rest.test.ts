// Issue 10's acceptance: a dump of the demo database shows none of the seeded names, phone
// numbers or free texts. The canaries are the seeded values themselves, read back through the
// keys (so the test cannot pass by missing a value), plus the seed's own lists of texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { dumpAsText } from '../dump-text.ts';
import { ENCRYPTED_COLUMNS, fieldKeyring, isEncryptedValue } from '../field-encryption.ts';
import { createTestDatabase } from '../testing.ts';
import { DEMO_USERS, seedDemo } from './index.ts';

let db: Database;

/**
 * Whether a value stands in the text as a whole word (an alias such as "Bo" is part of many
 * words, and of base64url ciphertext: runs of letters, digits, '-' and '_'). A real leak of the
 * value stands apart, between quotes, tabs or spaces.
 */
function appears(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, 'u').test(text);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { now: new Date('2026-05-15T10:00:00Z') });
}, 180_000);
afterAll(async () => db?.close());

/** Every seeded plaintext in an encrypted column, by column. */
async function seededPlaintexts(): Promise<Map<string, string[]>> {
  const keyring = fieldKeyring();
  const byColumn = new Map<string, string[]>();
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const rows = await db.query<{ value: string }>(
      `SELECT "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    const values: string[] = [];
    for (const { value } of rows) {
      expect(isEncryptedValue(value), `${table}.${column} holds plaintext`).toBe(true);
      values.push((await keyring.decrypt(db.prisma, value))!);
    }
    byColumn.set(`${table}.${column}`, values);
  }
  return byColumn;
}

describe('the demo database at rest', () => {
  it('holds encrypted values in every encrypted column, and a dump shows none of the plaintexts', async () => {
    const byColumn = await seededPlaintexts();
    // The seed fills these: a canary list that is empty would prove nothing.
    for (const column of [
      'PersonContact.name',
      'PersonContact.phone',
      'PersonContact.alias',
      'PersonContact.reachNote',
    ]) {
      expect(byColumn.get(column)?.length, column).toBeGreaterThan(20);
    }
    expect(byColumn.get('RiskAssessment.safetyPlan')?.length).toBeGreaterThan(5);
    expect(byColumn.get('OutreachCase.declineReasonText')?.length).toBeGreaterThan(0);
    // Hate-crime aftercare's hand-over and its motive (special-category data, issue 12).
    for (const column of [
      'HateCrimeReferral.hateMotive',
      'HateCrimeReferral.alias',
      'HateCrimeReferral.phone',
      'HateCrimeAftercareCase.otherEntryText',
    ]) {
      expect(byColumn.get(column)?.length, column).toBeGreaterThan(0);
    }

    const { tool, text: dumped } = await dumpAsText(db);
    expect(tool).toBe(process.env.DATABASE_URL ? 'pg_dump' : 'rows');
    expect(dumped.length).toBeGreaterThan(10_000);
    // Staff names are stored plain (accounts, not people the organisations work with): an alias
    // such as "Peter" must not count as found in "Peter Projektleder (demo)".
    // The schema's own vocabulary is no one's data: pg_dump prints every enum's labels in its
    // CREATE TYPE, and an encrypted column may hold such a code (Incident.hateMotive), so codes
    // are looked for in the rows only.
    const rows = dumped.replace(/CREATE TYPE [^;]* AS ENUM \([^;]*\);/g, '');
    const text = DEMO_USERS.reduce((rest, user) => rest.split(user.displayName).join(''), rows);
    // A motive code that is also a label of a plain enum column (OTHER: an entry point, a gender,
    // a decline reason …) stands in the rows as that column's value, which says nothing about the
    // motive: the encrypted column itself holds only ciphertext (checked above). Every other motive
    // code (RELIGION, RACE_ETHNICITY …) names nothing else and is looked for.
    const plainLabels = new Set(
      (
        await db.query<{ label: string }>(
          `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
            WHERE t.typname <> 'HateCrimeMotive'`,
        )
      ).map((row) => row.label),
    );
    const isMotive = (column: string) => column.endsWith('.hateMotive');
    const found: string[] = [];
    const searchedMotives = new Set<string>();
    for (const [column, values] of byColumn) {
      for (const value of new Set(values)) {
        if (isMotive(column) && plainLabels.has(value)) continue;
        if (isMotive(column)) searchedMotives.add(value);
        if (appears(text, value)) found.push(`${column}: ${value}`);
      }
    }
    expect(searchedMotives.size, 'motive codes looked for').toBeGreaterThanOrEqual(3);
    // Phone numbers also without the country code, as a dump reader would search them.
    for (const phone of byColumn.get('PersonContact.phone') ?? []) {
      const national = phone.replace(/^\+45/, '');
      if (appears(text, national)) found.push(`phone digits: ${national}`);
    }
    expect(found, `found in the ${tool} dump`).toEqual([]);
  }, 180_000);
});
