// `npm run fields:rotate -w @vi/db -- [--new-key] [--organization <slug>] [--batch <rows>]`
// Re-encrypts the encrypted columns in batches (src/field-rotation.ts) on the configured
// database as the owner role (it re-wraps keys, which the gateway's runtime role may not), or
// PGlite under VI_DATA_DIR:
// - without --new-key: encrypts what is still plaintext (rows from before issue 10) and
//   finishes an interrupted rotation; run it again after any failure, it resumes;
// - with --new-key: starts a new data-key generation for each organisation, then re-encrypts;
// - master key rotation: set VI_MASTER_KEY to the new key and VI_PREVIOUS_MASTER_KEY to the
//   old one; every organisation key is re-wrapped first. Keep the old key until the run ends.
import { parseArgs } from 'node:util';
import { createDatabase, ownerDatabaseOptionsFromEnv } from '../src/client.ts';
import { fieldKeyring } from '../src/field-encryption.ts';
import { rotateFieldKeys, valuesBehind } from '../src/field-rotation.ts';

const { values } = parseArgs({
  options: {
    'new-key': { type: 'boolean', default: false },
    organization: { type: 'string', multiple: true },
    batch: { type: 'string', default: '500' },
  },
});
const batchSize = Number(values.batch);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch must be a whole number of rows, at least 1.');
  process.exit(2);
}

const database = await createDatabase(ownerDatabaseOptionsFromEnv());
try {
  let organizationIds: string[] | undefined;
  if (values.organization) {
    const found = await database.prisma.organization.findMany({
      where: { slug: { in: values.organization } },
      select: { id: true, slug: true },
    });
    const missing = values.organization.filter((slug) => !found.some((o) => o.slug === slug));
    if (missing.length > 0) {
      console.error(`No organisation with slug ${missing.join(', ')}.`);
      process.exitCode = 2;
    }
    organizationIds = found.map((o) => o.id);
  }
  if (process.exitCode !== 2) {
    const keyring = fieldKeyring();
    const started = Date.now();
    const result = await rotateFieldKeys(database.prisma, keyring, {
      newKey: values['new-key'],
      organizationIds,
      batchSize,
      onBatch: (what, rows) => console.log(`  ${what}: ${rows} rows`),
    });
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.organizations} organisation(s), ` +
        `${result.rewrappedKeys} key(s) re-wrapped under master key ${keyring.masterKeyId}.`,
    );
    console.table(result.values);
    const behind = organizationIds ? 0 : await valuesBehind(database.prisma, keyring);
    if (behind > 0) {
      console.error(`${behind} value(s) still not under the active keys (written meanwhile?): run again.`);
      process.exitCode = 1;
    }
  }
} finally {
  await database.close();
}
