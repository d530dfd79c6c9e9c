import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chooseEncoding, compressedFile, type Encoding, isCompressible } from './compressed-files.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Vite puts content-hashed files under assets/ (name-<hash>.ext): they never change. */
const HASHED_ASSET = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export interface StaticApp {
  /** URL prefix without slashes, e.g. 'outreach'. */
  name: string;
  /** The app's build output (apps/<name>/dist). */
  distDir: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function fileResponse(
  path: string,
  relative: string,
  method: string,
  encoding: Encoding | null,
): Promise<Response> {
  const { size } = await stat(path);
  const compressible = isCompressible(path, size);
  const body = compressible && encoding ? await compressedFile(path, encoding) : await readFile(path);
  const headers = new Headers({
    'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(body.byteLength),
    // index.html must be revalidated so a new build is picked up at once;
    // hashed assets can be kept for a year.
    'cache-control': HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (compressible) {
    // A cache in between must keep the encodings apart.
    headers.set('vary', 'accept-encoding');
    if (encoding) headers.set('content-encoding', encoding);
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/**
 * Serves one built single-page app under /<name>/. Unknown paths without a
 * file extension get index.html (client-side routes); unknown files are 404.
 * Paths are resolved inside distDir only. Text files go out Brotli- or gzip-compressed when the
 * client accepts it (compressed-files.ts).
 */
export async function serveStaticApp(
  app: StaticApp,
  pathname: string,
  method: string,
  acceptEncoding: string | null = null,
): Promise<Response | null> {
  const prefix = `/${app.name}`;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
    return null;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  if (pathname === prefix) {
    return new Response(null, { status: 308, headers: { location: `${prefix}/` } });
  }
  const root = resolve(app.distDir);
  const indexPath = join(root, 'index.html');
  if (!(await isFile(indexPath))) {
    return new Response(
      `Appen "${app.name}" er ikke bygget. Kør: npm run build\nThe "${app.name}" app is not built. Run: npm run build\n`,
      { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } },
    );
  }
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length + 1));
  } catch {
    return new Response('Bad Request', { status: 400 });
  }
  const target = normalize(join(root, relative));
  if (target !== root && !target.startsWith(root + sep)) {
    return new Response('Not Found', { status: 404 });
  }
  const encoding = chooseEncoding(acceptEncoding);
  if (relative !== '' && (await isFile(target))) {
    return fileResponse(target, relative.split(sep).join('/'), method, encoding);
  }
  if (relative === '' || extname(relative) === '') {
    return fileResponse(indexPath, 'index.html', method, encoding);
  }
  return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
