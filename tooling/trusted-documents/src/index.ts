export { APP_NAMES, MANIFEST_FILE, manifestForApp, manifestPath } from './apps.ts';
export { ExtractionError, type FoundDocument, findDocuments, REPO_ROOT } from './extract.ts';
export { buildManifest, type Manifest, type SentDocument, sentForms, sha256Hex } from './manifest.ts';
