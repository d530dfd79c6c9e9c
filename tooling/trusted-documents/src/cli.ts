/**
 * `tsx tooling/trusted-documents/src/cli.ts [app…]`: writes apps/<app>/dist/trusted-documents.json
 * for the named apps (default: the app whose folder this runs in, else all three). Each app's
 * `npm run build` runs it after `vite build`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { APP_NAMES, type AppName, manifestForApp, manifestPath } from './apps.ts';

function appsToBuild(args: readonly string[]): AppName[] {
  const isApp = (name: string): name is AppName => (APP_NAMES as readonly string[]).includes(name);
  if (args.length > 0) {
    const unknown = args.filter((name) => !isApp(name));
    if (unknown.length > 0) {
      throw new Error(`Unknown app(s): ${unknown.join(', ')}. Known: ${APP_NAMES.join(', ')}.`);
    }
    return args.filter(isApp);
  }
  const here = basename(process.cwd());
  return isApp(here) ? [here] : [...APP_NAMES];
}

async function main(): Promise<void> {
  for (const app of appsToBuild(process.argv.slice(2))) {
    const started = performance.now();
    const manifest = await manifestForApp(app);
    const path = manifestPath(app);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
    const ms = Math.round(performance.now() - started);
    console.log(`trusted documents: ${Object.keys(manifest).length} for ${app} → ${path} (${ms} ms)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
