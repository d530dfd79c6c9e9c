/**
 * The manifest must hold every operation the apps send, under the hash they send it with. This test
 * does not trust the static extraction: it imports every app module that writes a document (with
 * gql.tada's `graphql` recording what it builds at run time, fragments imported the apps' own way),
 * sends each recorded operation through the apps' real client, and requires the manifest to hold
 * exactly those texts under exactly those hashes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_NAMES, type AppName, appDir } from './apps.ts';
import { findDocuments, REPO_ROOT } from './extract.ts';
import { buildManifest, type Manifest, sentForms } from './manifest.ts';

const recorder = vi.hoisted(() => ({ built: [] as Array<{ document: unknown; stack: string }> }));

vi.mock('gql.tada', async (importOriginal) => {
  const real = await importOriginal<typeof import('gql.tada')>();
  return {
    ...real,
    initGraphQLTada: () => {
      const graphql = real.initGraphQLTada();
      const recording = (...args: Parameters<typeof graphql>) => {
        const document = graphql(...args);
        recorder.built.push({ document, stack: new Error().stack ?? '' });
        return document;
      };
      return Object.assign(recording, graphql);
    },
  };
});

const UI_SRC = join(REPO_ROOT, 'packages/ui/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name));
}

/** Files that call graphql(, found by reading text, not by the extractor under test. */
function filesWithDocuments(dir: string): string[] {
  return sourceFiles(dir).filter((file) => /\bgraphql\(/.test(readFileSync(file, 'utf8')));
}

/** The source file whose top level called graphql(), from the call's stack. */
function callerFile(stack: string): string {
  for (const match of stack.matchAll(/(\/[^\s():]+\.tsx?)(?::\d+)+/g)) {
    const file = match[1] ?? '';
    if (file.startsWith(REPO_ROOT) && !file.includes('/tooling/') && !file.endsWith('/graphql.ts')) {
      return relative(REPO_ROOT, file);
    }
  }
  throw new Error(`No app source file in the stack:\n${stack}`);
}

function operationKind(document: unknown): 'query' | 'mutation' | null {
  const definitions = (document as { definitions: Array<{ kind: string; operation?: string }> }).definitions;
  const operation = definitions.find((definition) => definition.kind === 'OperationDefinition');
  return (operation?.operation as 'query' | 'mutation' | undefined) ?? null;
}

/** The packages/ui files each app's program reaches (what it bundles), from the extraction. */
const uiFilesOf = new Map<AppName, Set<string>>();

/**
 * The app's own documents, and those of the packages/ui modules it imports: a shared screen
 * only some apps use (the lead's translation editor) is not sent by the others.
 */
function belongsTo(file: string, app: AppName): boolean {
  if (file.startsWith(`apps/${app}/src/`)) return true;
  return file.startsWith('packages/ui/src/') && (uiFilesOf.get(app)?.has(file) ?? false);
}

type Recorded = { file: string; document: unknown; kind: 'query' | 'mutation' | null };
let recorded: Recorded[] = [];
const manifests = new Map<AppName, Manifest>();
const extractedCount = new Map<string, number>();

beforeAll(async () => {
  const files = [
    ...new Set([
      ...APP_NAMES.flatMap((app) => filesWithDocuments(join(appDir(app), 'src'))),
      ...filesWithDocuments(UI_SRC),
    ]),
  ];
  for (const file of files) {
    await import(file);
  }
  recorded = recorder.built.map(({ document, stack }) => ({
    file: callerFile(stack),
    document,
    kind: operationKind(document),
  }));
  for (const app of APP_NAMES) {
    const found = findDocuments(appDir(app));
    for (const document of found) extractedCount.set(`${document.file}:${document.line}`, 1);
    uiFilesOf.set(
      app,
      new Set(found.map((document) => document.file).filter((f) => f.startsWith('packages/ui/src/'))),
    );
    manifests.set(app, await buildManifest(found));
  }
}, 240_000);

describe('the trusted-documents manifest', () => {
  it('was built from as many graphql() documents as the modules make when they load', () => {
    expect(recorded.length).toBeGreaterThan(40);
    expect(extractedCount.size).toBe(recorded.length);
  });

  for (const app of APP_NAMES) {
    it(`holds exactly what the ${app} app sends, under the hash it sends`, async () => {
      const manifest = manifests.get(app) ?? {};
      const sent = new Map<string, string>();
      for (const { file, document, kind } of recorded) {
        if (kind === null || !belongsTo(file, app)) continue;
        for (const form of await sentForms(document as Parameters<typeof sentForms>[0], kind)) {
          sent.set(form.hash, form.query);
          expect(manifest[form.hash], `${file}: ${form.query.split('\n')[0]}`).toBe(form.query);
        }
      }
      expect(Object.keys(manifest).sort()).toEqual([...sent.keys()].sort());
    });
  }

  it('holds the anonymous participant form of the group-course app', () => {
    const texts = Object.values(manifests.get('group-course') ?? {});
    expect(texts.some((text) => text.startsWith('query ParticipantForm'))).toBe(true);
    expect(texts.some((text) => text.startsWith('mutation SubmitParticipantForm'))).toBe(true);
  });
});
