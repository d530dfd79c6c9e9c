// The embedded database's first start from a migrated template (issue 11). PGlite 0.5 runs initdb
// on an empty data folder, which costs several seconds of CPU before the first migration; the
// committed migrations add more. `npm run generate` (and so `npm start`, test and typecheck through
// turbo) makes the template once: an empty PGlite migrated by the normal runner, dumped as a tarball,
// with a manifest of the migrations it holds. An empty data folder (or an in-memory test database)
// is then loaded from the tarball and the normal runner applies only newer migrations.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type Migration, migrate, readMigrations, type SqlExecutor } from './migrate.ts';

/** Where `npm run generate` writes the template (ignored by git, a turbo output of @vi/db:generate). */
export const defaultTemplateFile = fileURLToPath(
  new URL('./generated/pglite-template/template.tar.gz', import.meta.url),
);

/** What a template holds, written beside it as `<file>.json`. */
export interface TemplateManifest {
  /** The @electric-sql/pglite version that wrote it: another version may not read its files. */
  pglite: string;
  /** sha256 of the tarball, so a tarball and a manifest from different runs are never paired. */
  sha256: string;
  /** The `_vi_migrations` rows in the template, in name order, exactly as the runner wrote them. */
  migrations: Array<{ name: string; checksum: string }>;
}

export type TemplateChoice =
  | { use: true; tarball: Blob; migrations: string[] }
  | { use: false; reason: string };

export function manifestFileOf(templateFile: string): string {
  return `${templateFile}.json`;
}

/** The installed PGlite's version: its package.json is not exported, so found beside its entry point. */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  throw new Error('The installed @electric-sql/pglite has no readable package.json.');
}

/** The runner's session on one PGlite instance (both methods on its only connection). */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
}

/**
 * Makes the template from the migrations on disk with the normal runner, so its `_vi_migrations`
 * rows (names and checksums) are the runner's own. The tarball is written before its manifest and
 * each by rename, so a reader sees either a complete pair or a mismatch it refuses (sha256).
 */
export async function buildPgliteTemplate(
  options: { templateFile?: string; migrationsDir?: string } = {},
): Promise<TemplateManifest> {
  const templateFile = options.templateFile ?? defaultTemplateFile;
  const pglite = new PGlite();
  let tarball: Uint8Array;
  let migrations: TemplateManifest['migrations'];
  try {
    await migrate(pgliteExecutor(pglite), { migrationsDir: options.migrationsDir });
    migrations = (
      await pglite.query<{ name: string; checksum: string }>(
        'SELECT "name", "checksum" FROM "_vi_migrations" ORDER BY "name"',
      )
    ).rows.map((row) => ({ name: row.name, checksum: row.checksum }));
    // A checkpoint first, so the dump's data files hold everything and the loader replays no WAL.
    await pglite.exec('CHECKPOINT');
    tarball = new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await pglite.close();
  }
  const manifest: TemplateManifest = {
    pglite: pgliteVersion(),
    sha256: createHash('sha256').update(tarball).digest('hex'),
    migrations,
  };
  await mkdir(dirname(templateFile), { recursive: true });
  const partial = `${templateFile}.${process.pid}.partial`;
  await writeFile(partial, tarball);
  await rename(partial, templateFile);
  await writeFile(`${partial}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${partial}.json`, manifestFileOf(templateFile));
  return manifest;
}

/**
 * Whether a fresh database may start from the template. Only when the template's migrations are,
 * name for name and checksum for checksum, the first ones on disk: a database made from it then
 * goes through exactly the states a step-by-step migration would, and the runner applies the rest.
 * Any doubt (missing, another PGlite, an edited or removed migration, a newer migration sorted
 * before one it holds, a damaged file) answers no, and the database is migrated step by step.
 */
export async function chooseTemplate(
  options: { templateFile?: string; migrations?: Migration[] } = {},
): Promise<TemplateChoice> {
  const templateFile = options.templateFile ?? defaultTemplateFile;
  let manifest: TemplateManifest;
  let tarball: Buffer;
  try {
    manifest = JSON.parse(await readFile(manifestFileOf(templateFile), 'utf8')) as TemplateManifest;
    tarball = await readFile(templateFile);
  } catch {
    return { use: false, reason: `no template at ${templateFile} (run \`npm run generate\`)` };
  }
  if (manifest.pglite !== pgliteVersion()) {
    return { use: false, reason: `template made by PGlite ${manifest.pglite}, not ${pgliteVersion()}` };
  }
  if (createHash('sha256').update(tarball).digest('hex') !== manifest.sha256) {
    return { use: false, reason: 'template tarball does not match its manifest' };
  }
  const onDisk = options.migrations ?? (await readMigrations());
  const held = manifest.migrations ?? [];
  for (const [index, migration] of held.entries()) {
    const current = onDisk[index];
    if (current?.name !== migration.name || current.checksum !== migration.checksum) {
      return {
        use: false,
        reason: `template holds ${migration.name}, which is not the migration on disk at position ${index + 1} (${current?.name ?? 'none'}) or has another checksum`,
      };
    }
  }
  return {
    use: true,
    tarball: new Blob([new Uint8Array(tarball)], { type: 'application/x-gzip' }),
    migrations: held.map((migration) => migration.name),
  };
}

/** A data folder PGlite would run initdb in: absent or without a single entry. */
export function isEmptyDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}
