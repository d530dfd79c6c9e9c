import { join } from 'node:path';
import { findDocuments, REPO_ROOT } from './extract.ts';
import { buildManifest, type Manifest } from './manifest.ts';

/** The apps whose operations the gateway trusts (apps/<name>). */
export const APP_NAMES = ['outreach', 'group-course', 'evaluation'] as const;
export type AppName = (typeof APP_NAMES)[number];

/** Written next to the app's build, where the gateway looks for it (apps/gateway/src/door). */
export const MANIFEST_FILE = 'trusted-documents.json';

export function appDir(app: AppName): string {
  return join(REPO_ROOT, 'apps', app);
}

export function manifestPath(app: AppName): string {
  return join(appDir(app), 'dist', MANIFEST_FILE);
}

/** The manifest of one app: its own operations and those of the shared packages/ui it bundles. */
export async function manifestForApp(app: AppName): Promise<Manifest> {
  return buildManifest(findDocuments(appDir(app)));
}
