// Re-encryption in batches (issue 10), for scripts/rotate-field-keys.ts. Progress is the data
// itself: a value is done when it names the organisation's active key, so a run that stops
// (crash, Ctrl-C, statement timeout) is resumed by running it again, and nothing is held open
// for long — each batch is one short UPDATE, while the gateway keeps working. It also
// encrypts what was written before issue 10 (plaintext columns, whole answers in the plain
// column, missing contactLookup, plain TOTP secrets), so it is the upgrade step too.
import {
  contactLookupOf,
  ENCRYPTED_COLUMNS,
  type FieldKeyring,
  isEncryptedValue,
  keyIdOf,
  sealAnswers,
} from './field-encryption.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

export interface RotationOptions {
  /** Start a new data-key generation first (otherwise: finish or resume onto the current one). */
  newKey?: boolean;
  /** Only these organisation ids (default: all). */
  organizationIds?: readonly string[];
  /** Rows per UPDATE. */
  batchSize?: number;
  /** Called after each batch, for progress output. */
  onBatch?: (what: string, rows: number) => void;
}

export interface RotationResult {
  organizations: number;
  rewrappedKeys: number;
  /** Values re-encrypted (or encrypted for the first time), per table.column. */
  values: Record<string, number>;
}

const FORM_TABLES = [
  { table: 'IntakeRegistration', kind: `'REGISTRATION'` },
  { table: 'QuestionnaireResponse', kind: 'kind::text' },
] as const;

export async function rotateFieldKeys(
  prisma: PrismaClient,
  keyring: FieldKeyring,
  options: RotationOptions = {},
): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  const result: RotationResult = {
    organizations: 0,
    rewrappedKeys: await keyring.rewrapKeys(prisma),
    values: {},
  };
  const count = (what: string, n: number) => {
    result.values[what] = (result.values[what] ?? 0) + n;
    if (n > 0) options.onBatch?.(what, n);
  };
  const organizations = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM "Organization" ORDER BY id`,
  );
  const wanted = options.organizationIds ? new Set(options.organizationIds) : null;
  for (const { id: organizationId } of organizations) {
    if (wanted && !wanted.has(organizationId)) continue;
    result.organizations++;
    const active = options.newKey
      ? await keyring.rotate(prisma, organizationId)
      : (await keyring.activeKey(prisma, organizationId)).id;
    const prefix = `v1.${active}.`;

    for (const { table, key, column } of ENCRYPTED_COLUMNS) {
      for (;;) {
        const rows = await prisma.$queryRawUnsafe<{ key: string; value: string }[]>(
          `SELECT "${key}"::text AS key, "${column}" AS value FROM "${table}"
            WHERE "organizationId" = $1::uuid AND "${column}" IS NOT NULL AND left("${column}", $2) <> $3
            ORDER BY "${key}" LIMIT $4`,
          organizationId,
          prefix.length,
          prefix,
          batchSize,
        );
        if (rows.length === 0) break;
        const next: string[] = [];
        for (const row of rows) {
          next.push(
            (await keyring.encrypt(prisma, organizationId, await keyring.decrypt(prisma, row.value)))!,
          );
        }
        // Only where the value is still the one read: a concurrent edit wins and is already current.
        await prisma.$executeRawUnsafe(
          `UPDATE "${table}" t SET "${column}" = u.next
             FROM unnest($1::text[], $2::text[], $3::text[]) AS u(key, old, next)
            WHERE t."${key}"::text = u.key AND t."${column}" = u.old`,
          rows.map((r) => r.key),
          rows.map((r) => r.value),
          next,
        );
        count(`${table}.${column}`, rows.length);
      }
    }

    // The import's lookup hash for contacts written before issue 10.
    for (;;) {
      const rows = await prisma.$queryRawUnsafe<{ key: string; name: string | null; phone: string | null }[]>(
        `SELECT "personId"::text AS key, name, phone FROM "PersonContact"
          WHERE "organizationId" = $1::uuid AND "contactLookup" IS NULL AND (name IS NOT NULL OR phone IS NOT NULL)
          ORDER BY "personId" LIMIT $2`,
        organizationId,
        batchSize,
      );
      if (rows.length === 0) break;
      const lookups: string[] = [];
      for (const row of rows) {
        const contact = {
          name: await keyring.decrypt(prisma, row.name),
          phone: await keyring.decrypt(prisma, row.phone),
        };
        // A contact with no usable token still gets a value, so the batch does not find it again.
        lookups.push((await contactLookupOf(keyring, prisma, organizationId, contact)) ?? '');
      }
      await prisma.$executeRawUnsafe(
        `UPDATE "PersonContact" t SET "contactLookup" = u.lookup
           FROM unnest($1::text[], $2::text[]) AS u(key, lookup) WHERE t."personId"::text = u.key`,
        rows.map((r) => r.key),
        lookups,
      );
      count('PersonContact.contactLookup', rows.length);
    }

    // Whole forms: sealed under the active key, only the evaluation's codes plain.
    for (const { table, kind } of FORM_TABLES) {
      for (;;) {
        const rows = await prisma.$queryRawUnsafe<
          { id: string; kind: 'REGISTRATION' | 'BASELINE' | 'END'; answers: unknown; sealed: string | null }[]
        >(
          `SELECT id::text, ${kind} AS kind, answers, "answersSealed" AS sealed FROM "${table}"
            WHERE "organizationId" = $1::uuid AND ("answersSealed" IS NULL OR left("answersSealed", $2) <> $3)
            ORDER BY id LIMIT $4`,
          organizationId,
          prefix.length,
          prefix,
          batchSize,
        );
        if (rows.length === 0) break;
        const plain: string[] = [];
        const sealed: string[] = [];
        for (const row of rows) {
          const whole =
            row.sealed === null
              ? (row.answers as Record<string, unknown>)
              : (JSON.parse((await keyring.decrypt(prisma, row.sealed))!) as Record<string, unknown>);
          const stored = await sealAnswers(keyring, prisma, organizationId, row.kind, whole);
          plain.push(JSON.stringify(stored.answers));
          sealed.push(stored.answersSealed);
        }
        await prisma.$executeRawUnsafe(
          `UPDATE "${table}" t SET answers = u.plain::jsonb, "answersSealed" = u.sealed
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS u(id, old, plain, sealed)
            WHERE t.id = u.id AND t."answersSealed" IS NOT DISTINCT FROM u.old`,
          rows.map((r) => r.id),
          rows.map((r) => r.sealed),
          plain,
          sealed,
        );
        count(`${table}.answers`, rows.length);
      }
    }
  }

  // Users' TOTP secrets (the installation key): plaintext or sealed by an earlier master key.
  const secrets = await prisma.$queryRawUnsafe<{ id: string; secret: string }[]>(
    `SELECT id::text, "totpSecret" AS secret FROM "User" WHERE "totpSecret" IS NOT NULL`,
  );
  for (const row of secrets) {
    if (keyring.isSealedByCurrentMaster(row.secret)) continue;
    const secret = keyring.openInstallationSecret(row.secret, 'User.totpSecret');
    await prisma.$executeRawUnsafe(
      `UPDATE "User" SET "totpSecret" = $2 WHERE id = $1::uuid AND "totpSecret" = $3`,
      row.id,
      keyring.sealInstallationSecret(secret, 'User.totpSecret'),
      row.secret,
    );
    count('User.totpSecret', 1);
  }
  return result;
}

/** Values that do not name the organisation's active key (0 everywhere after a completed run). */
export async function valuesBehind(prisma: PrismaClient, keyring: FieldKeyring): Promise<number> {
  let behind = 0;
  const organizations = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM "Organization"`);
  for (const { id } of organizations) {
    const active = (await keyring.activeKey(prisma, id)).id;
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const rows = await prisma.$queryRawUnsafe<{ value: string }[]>(
        `SELECT "${column}" AS value FROM "${table}" WHERE "organizationId" = $1::uuid AND "${column}" IS NOT NULL`,
        id,
      );
      behind += rows.filter((r) => !isEncryptedValue(r.value) || keyIdOf(r.value) !== active).length;
    }
  }
  return behind;
}
