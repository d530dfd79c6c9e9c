import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import {
  createFieldKeyring,
  FieldEncryptionError,
  isEncryptedValue,
  keyIdOf,
  masterKeyProblems,
} from './field-encryption.ts';
import { createTestDatabase } from './testing.ts';

const MASTER = 'a'.repeat(64);
const OTHER_MASTER = 'b'.repeat(64);

let db: Database;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const rows = await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('krypto-a', 'A', 'NGO', 'JOURNALISED'),
            ('krypto-b', 'B', 'NGO', 'ANONYMOUS') RETURNING id::text`,
  );
  [orgA, orgB] = rows.map((r) => r.id) as [string, string];
});
afterAll(async () => db?.close());

describe('field encryption', () => {
  it('stores no plaintext, names its key, and reads back', async () => {
    const keyring = createFieldKeyring(MASTER);
    const sealed = await keyring.encrypt(db.prisma, orgA, 'Mette Hansen +45 20 30 40 50');
    expect(sealed).not.toContain('Mette');
    expect(sealed).not.toContain('20 30');
    expect(isEncryptedValue(sealed!)).toBe(true);
    const [row] = await db.query<{ id: string; wrapped: string }>(
      `SELECT id, "wrappedKey" AS wrapped FROM "OrganizationKey" WHERE "organizationId" = $1::uuid AND purpose = 'DATA'`,
      [orgA],
    );
    expect(keyIdOf(sealed!)).toBe(row!.id);
    expect(row!.wrapped.startsWith('w1.')).toBe(true);
    // Same text twice: different ciphertexts (random IV), so equal values cannot be spotted.
    expect(await keyring.encrypt(db.prisma, orgA, 'Mette Hansen +45 20 30 40 50')).not.toBe(sealed);
    // A fresh process (empty cache) reads it through the wrapped key.
    expect(await createFieldKeyring(MASTER).decrypt(db.prisma, sealed)).toBe('Mette Hansen +45 20 30 40 50');
    expect(await keyring.encrypt(db.prisma, orgA, null)).toBeNull();
    expect(await keyring.decrypt(db.prisma, null)).toBeNull();
  });

  it('refuses an altered value, a value moved to another key, and the wrong master key', async () => {
    const keyring = createFieldKeyring(MASTER);
    const sealed = (await keyring.encrypt(db.prisma, orgA, 'sikkerhedsplan'))!;
    const [version, keyId, body] = sealed.split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[bytes.length - 20]! ^= 1;
    await expect(
      keyring.decrypt(db.prisma, `${version}.${keyId}.${bytes.toString('base64url')}`),
    ).rejects.toThrow(FieldEncryptionError);
    // Organisation B's key id on A's ciphertext: authenticated data differs, so it fails.
    await keyring.encrypt(db.prisma, orgB, 'x');
    const keyB = (await keyring.activeKey(db.prisma, orgB)).id;
    await expect(keyring.decrypt(db.prisma, `${version}.${keyB}.${body}`)).rejects.toThrow(
      FieldEncryptionError,
    );
    await expect(createFieldKeyring(OTHER_MASTER).decrypt(db.prisma, sealed)).rejects.toThrow(/master key/);
  });

  it('rotates: new values use the new generation, old ones still open', async () => {
    const keyring = createFieldKeyring(MASTER);
    const before = (await keyring.encrypt(db.prisma, orgA, 'før'))!;
    const newId = await keyring.rotate(db.prisma, orgA);
    const after = (await keyring.encrypt(db.prisma, orgA, 'efter'))!;
    expect(keyIdOf(after)).toBe(newId);
    expect(keyIdOf(before)).not.toBe(newId);
    const fresh = createFieldKeyring(MASTER);
    expect(await fresh.decrypt(db.prisma, before)).toBe('før');
    expect(await fresh.decrypt(db.prisma, after)).toBe('efter');
  });

  it('keyed hashes are equal within an organisation, differ across them, and survive rotation', async () => {
    const keyring = createFieldKeyring(MASTER);
    const a1 = await keyring.lookupHash(db.prisma, orgA, 'contact', '|tel:+4520304050');
    await keyring.rotate(db.prisma, orgA);
    const a2 = await createFieldKeyring(MASTER).lookupHash(db.prisma, orgA, 'contact', '|tel:+4520304050');
    const b = await keyring.lookupHash(db.prisma, orgB, 'contact', '|tel:+4520304050');
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
    expect(a1).not.toContain('4520304050');
  });

  it('seals installation secrets synchronously and binds them to their context', () => {
    const keyring = createFieldKeyring(MASTER);
    const sealed = keyring.sealInstallationSecret('JBSWY3DPEHPK3PXP', 'totp:user-1');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(keyring.openInstallationSecret(sealed, 'totp:user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => keyring.openInstallationSecret(sealed, 'totp:user-2')).toThrow(FieldEncryptionError);
    expect(() => createFieldKeyring(OTHER_MASTER).openInstallationSecret(sealed, 'totp:user-1')).toThrow();
  });

  it('checks the master key format', () => {
    expect(masterKeyProblems(undefined)).toEqual([]);
    expect(masterKeyProblems(MASTER)).toEqual([]);
    expect(masterKeyProblems('kort')).toHaveLength(1);
    expect(() => createFieldKeyring('xyz')).toThrow(FieldEncryptionError);
  });
});
