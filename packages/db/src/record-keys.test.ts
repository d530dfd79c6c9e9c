// Disclosure control's record keys (packages/domain disclosure.ts): one random key per person,
// copied by the database onto every counted record of that person, so figures that count the
// same people through different records (forms, enrolments, the waiting list) get the same noise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { seedDemo } from './seed/index.ts';
import { createTestDatabase } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma);
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('record keys', () => {
  it("every counted record carries its person's key; forms carry their enrolment's", async () => {
    const [mismatches] = await db.query<Record<string, number>>(
      `SELECT
         (SELECT count(*) FROM "OutreachCase" r JOIN "Person" p ON p.id = r."personId" WHERE r."recordKey" <> p."recordKey")::int AS cases,
         (SELECT count(*) FROM "IntakeRegistration" r JOIN "Person" p ON p.id = r."personId" WHERE r."recordKey" <> p."recordKey")::int AS intakes,
         (SELECT count(*) FROM "WaitingListEntry" r JOIN "Person" p ON p.id = r."personId" WHERE r."recordKey" <> p."recordKey")::int AS waiting,
         (SELECT count(*) FROM "Enrolment" r JOIN "Person" p ON p.id = r."personId" WHERE r."recordKey" <> p."recordKey")::int AS enrolments,
         (SELECT count(*) FROM "QuestionnaireResponse" q JOIN "Enrolment" e ON e."participantCode" = q."participantCode"
           WHERE q."recordKey" <> e."recordKey")::int AS forms,
         (SELECT count(*) FROM "QuestionnaireResponse")::int AS all_forms`,
    );
    expect(mismatches).toMatchObject({ cases: 0, intakes: 0, waiting: 0, enrolments: 0, forms: 0 });
    expect(mismatches?.all_forms).toBeGreaterThan(0);
  });

  it('sets the copy whatever the insert says, and follows a change of person', async () => {
    const [org] = await db.query<{ id: string }>(
      `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('nøgler', 'Nøgler', 'MUNICIPALITY', 'JOURNALISED') RETURNING id::text`,
    );
    const [a, b] = await db.query<{ id: string; key: number }>(
      `INSERT INTO "Person" ("organizationId", pseudonym) VALUES ($1::uuid, 'P-A'), ($1::uuid, 'P-B')
       RETURNING id::text, "recordKey" AS key`,
      [org!.id],
    );
    const [entry] = await db.query<{ id: string; key: number }>(
      `INSERT INTO "WaitingListEntry" ("organizationId", "personId", since, "recordKey")
       VALUES ($1::uuid, $2::uuid, DATE '2026-01-05', 12345) RETURNING id::text, "recordKey" AS key`,
      [org!.id, a!.id],
    );
    expect(entry!.key).toBe(a!.key);
    const [moved] = await db.query<{ key: number }>(
      `UPDATE "WaitingListEntry" SET "personId" = $2::uuid WHERE id = $1::uuid RETURNING "recordKey" AS key`,
      [entry!.id, b!.id],
    );
    expect(moved!.key).toBe(b!.key);
  });

  it("draws persons' keys uniformly from [0, 2^31) in the database", async () => {
    const [stats] = await db.query<{ n: number; low: number; high: number; distinct: number }>(
      `WITH k AS (SELECT (floor((random() * ('2147483648'::bigint)::double precision)))::integer AS key
                  FROM generate_series(1, 5000))
       SELECT count(*)::int AS n, min(key) AS low, max(key) AS high, count(DISTINCT key)::int AS distinct FROM k`,
    );
    expect(stats!.low).toBeGreaterThanOrEqual(0);
    expect(stats!.high).toBeLessThan(2 ** 31);
    expect(stats!.high).toBeGreaterThan(2 ** 30);
    expect(stats!.distinct).toBeGreaterThan(4990);
  });
});
