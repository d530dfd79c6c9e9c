/**
 * The built apps' files, compressed once per process and kept in memory: the apps' JavaScript is
 * about 0.5 MB each and compresses to a quarter with Brotli. Built files never change while the
 * process runs (a new build restarts it; the key includes size and modification time anyway),
 * and there are a few dozen of them, so the cache needs no bound.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.webmanifest',
]);
/** Below this a compressed body saves less than its headers cost. */
const MIN_BYTES = 1024;

const cache = new Map<string, Promise<Buffer>>();

/**
 * The encoding to send for an Accept-Encoding header: Brotli when accepted, else gzip, else none.
 * `q=0` refuses an encoding; `*` accepts any.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weightOf('br') > 0) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}

export function isCompressible(path: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.has(extname(path).toLowerCase());
}

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body, { level: 9 });
}

/** The file's bytes in `encoding`, compressed on first use and then served from memory. */
export async function compressedFile(path: string, encoding: Encoding): Promise<Buffer> {
  const { size, mtimeMs } = await stat(path);
  const key = `${encoding}\0${path}\0${size}\0${mtimeMs}`;
  let compressed = cache.get(key);
  if (!compressed) {
    compressed = readFile(path).then((body) => compress(body, encoding));
    // A failed read or compression must not stay in the cache.
    compressed.catch(() => cache.delete(key));
    cache.set(key, compressed);
  }
  return compressed;
}

/**
 * Compresses every compressible file of the built apps in the background after start, so no
 * user waits for the first compression of a large bundle (about a second at Brotli's best).
 * One file at a time, to leave the processor to requests.
 */
export async function precompressApps(distDirs: string[]): Promise<void> {
  for (const distDir of distDirs) {
    const files = await readdir(distDir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const file of files) {
      if (!file.isFile()) continue;
      const path = join(file.parentPath, file.name);
      const { size } = await stat(path);
      if (!isCompressible(path, size)) continue;
      await compressedFile(path, 'br');
      await compressedFile(path, 'gzip');
    }
  }
}
