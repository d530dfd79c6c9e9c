// Makes the embedded database's migrated template (src/pglite-template.ts) from the committed
// migrations. Part of `npm run generate`, so turbo remakes it when a migration changes and
// `npm start` finds it ready; a stale or missing one only makes the first start slower.
import { relative } from 'node:path';
import { buildPgliteTemplate, defaultTemplateFile } from '../src/pglite-template.ts';

const started = performance.now();
const manifest = await buildPgliteTemplate();
const last = manifest.migrations.at(-1)?.name ?? 'none';
console.log(
  `PGlite template: ${manifest.migrations.length} migrations (last ${last}) → ${relative(process.cwd(), defaultTemplateFile)} in ${Math.round(performance.now() - started)} ms`,
);
