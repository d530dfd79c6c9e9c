import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseOptions } from './client.ts';
import { createFieldKeyring, isEncryptedValue, keyIdOf, openAnswers } from './field-encryption.ts';
import { rotateFieldKeys, valuesBehind } from './field-rotation.ts';
import { createScratchPostgresDatabase } from './testing.ts';

const MASTER = 'c'.repeat(64);
const NEW_MASTER = 'd'.repeat(64);

let db: Database;
let drop = async () => {};
let org: string;
let personIds: string[];

/** The rotation command runs as the owner (it re-wraps keys, which the gateway's role may not). */
const OWNER = { runtimeRole: false } as DatabaseOptions;

beforeAll(async () => {
  const server = process.env.DATABASE_URL?.trim();
  if (server) {
    const scratch = await createScratchPostgresDatabase(server);
    drop = scratch.drop;
    db = await createDatabase({ url: scratch.url, ...OWNER });
  } else {
    db = await createDatabase({ memory: true, ...OWNER });
  }
  [{ id: org }] = (await db.query<{ id: string }>(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('rotation', 'R', 'MUNICIPALITY', 'JOURNALISED')
     RETURNING id::text`,
  )) as [{ id: string }];
  // Rows as written before issue 10: every value in plaintext, no lookup hash, whole answers plain.
  personIds = [];
  for (let i = 0; i < 7; i++) {
    const [person] = await db.query<{ id: string }>(
      `INSERT INTO "Person" ("organizationId", pseudonym) VALUES ($1::uuid, $2) RETURNING id::text`,
      [org, `P-ROT${i}`],
    );
    personIds.push(person!.id);
    await db.query(
      `INSERT INTO "PersonContact" ("personId", "organizationId", name, phone, "reachNote")
       VALUES ($1::uuid, $2::uuid, $3, $4, 'Ring efter kl. 16')`,
      [person!.id, org, `Gammel Navnesen ${i}`, `+452000000${i}`],
    );
  }
  await db.query(
    `INSERT INTO "IntakeRegistration" ("organizationId", "personId", "registeredOn", answers)
     VALUES ($1::uuid, $2::uuid, '2026-01-05', $3::jsonb)`,
    [
      org,
      personIds[0],
      JSON.stringify({
        gender: 'WOMAN',
        violence_status: { PHYSICAL: 'ONGOING' },
        referred_to_other: 'Hemmelig tekst',
      }),
    ],
  );
}, 60_000);
afterAll(async () => {
  await db?.close();
  await drop();
});

async function contacts() {
  return db.query<{ name: string; phone: string; lookup: string | null }>(
    `SELECT name, phone, "contactLookup" AS lookup FROM "PersonContact" ORDER BY "personId"`,
  );
}

describe('the rotation command', () => {
  it('encrypts rows from before issue 10, resumes after an interruption, and leaves nothing behind', async () => {
    const keyring = createFieldKeyring(MASTER);
    // Stops after the second batch, as a crash would.
    let batches = 0;
    await expect(
      rotateFieldKeys(db.prisma, keyring, {
        batchSize: 2,
        onBatch: () => {
          if (++batches === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const partial = await contacts();
    expect(partial.filter((c) => isEncryptedValue(c.name)).length).toBe(4);
    expect(await valuesBehind(db.prisma, keyring)).toBeGreaterThan(0);

    await rotateFieldKeys(db.prisma, keyring, { batchSize: 2 });
    expect(await valuesBehind(db.prisma, keyring)).toBe(0);
    const done = await contacts();
    expect(done.every((c) => isEncryptedValue(c.name) && isEncryptedValue(c.phone) && c.lookup)).toBe(true);
    expect(await keyring.decrypt(db.prisma, done[0]!.name)).toMatch(/^Gammel Navnesen \d$/);
    const [intake] = await db.query<{ answers: unknown; answersSealed: string | null }>(
      `SELECT answers, "answersSealed" FROM "IntakeRegistration"`,
    );
    expect(intake!.answers).toEqual({ violence_status: { PHYSICAL: 'ONGOING' } });
    expect(JSON.stringify(intake)).not.toContain('Hemmelig');
    expect(await openAnswers(keyring, db.prisma, intake!)).toMatchObject({
      referred_to_other: 'Hemmelig tekst',
    });
  });

  it('moves every value to a new key generation, and the import hash stays the same', async () => {
    const keyring = createFieldKeyring(MASTER);
    const before = await contacts();
    const oldKey = keyIdOf(before[0]!.name);
    await rotateFieldKeys(db.prisma, keyring, { newKey: true, batchSize: 3 });
    const after = await contacts();
    const newKey = keyIdOf(after[0]!.name);
    expect(newKey).not.toBe(oldKey);
    expect(after.every((c) => keyIdOf(c.name) === newKey && keyIdOf(c.phone) === newKey)).toBe(true);
    expect(after.map((c) => c.lookup)).toEqual(before.map((c) => c.lookup));
    expect(await keyring.decrypt(db.prisma, after[0]!.name)).toBe(
      await keyring.decrypt(db.prisma, before[0]!.name),
    );
  });

  it('re-wraps the keys under a new master key, after which the old one is not needed', async () => {
    const rotating = createFieldKeyring(NEW_MASTER, MASTER);
    const result = await rotateFieldKeys(db.prisma, rotating);
    expect(result.rewrappedKeys).toBeGreaterThanOrEqual(2);
    const [contact] = await contacts();
    expect(await createFieldKeyring(NEW_MASTER).decrypt(db.prisma, contact!.name)).toMatch(
      /^Gammel Navnesen/,
    );
    await expect(createFieldKeyring(MASTER).decrypt(db.prisma, contact!.name)).rejects.toThrow(/master key/);
  });
});
