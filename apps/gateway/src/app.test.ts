import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_NAMES, createApp } from './app.ts';
import { openDatabase } from './database.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

let appsRoot = '';
/** A bundle large enough to be worth compressing. */
const BUNDLE = Array.from(
  { length: 400 },
  (_, i) => `export const value${i} = "${'x'.repeat(i % 37)}";`,
).join('\n');
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  await openDatabase();
  // A fake build of two apps; group-course is left unbuilt on purpose.
  appsRoot = mkdtempSync(join(tmpdir(), 'vi-gateway-apps-'));
  for (const name of ['outreach', 'evaluation']) {
    mkdirSync(join(appsRoot, name, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(appsRoot, name, 'dist', 'index.html'), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(appsRoot, name, 'dist', 'assets', 'index-AbCdEf12.js'), `console.log("${name}")`);
    writeFileSync(join(appsRoot, name, 'dist', 'favicon.svg'), '<svg/>');
  }
  writeFileSync(join(appsRoot, 'outreach', 'dist', 'assets', 'vendor-Zz9Yy8Xx.js'), BUNDLE);
  writeFileSync(join(appsRoot, 'secret.txt'), 'not for the web');
  app = createApp({ appsRoot });
});

function get(path: string, init?: RequestInit): Promise<Response> {
  return Promise.resolve(app.fetch(new Request(`http://localhost${path}`, init)));
}

describe('the gateway app', () => {
  it('reports health with the database engine', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; engine: string };
    expect(body.status).toBe('ok');
    expect(['pglite', 'postgresql']).toContain(body.engine);
  });

  it('serves a Danish start page linking to the three apps, with security headers', async () => {
    const response = await get('/');
    const html = await response.text();
    expect(html).toContain('lang="da"');
    for (const href of ['/outreach/', '/group-course/', '/evaluation/']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves an app’s index with no-cache and falls back to it for client routes', async () => {
    const index = await get('/outreach/');
    expect(await index.text()).toContain('<title>outreach</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const deep = await get('/evaluation/reports/2026');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>evaluation</title>');
    expect((await get('/outreach')).headers.get('location')).toBe('/outreach/');
  });

  it('caches hashed assets for a year and types them', async () => {
    const asset = await get('/outreach/assets/index-AbCdEf12.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await asset.text()).toBe('console.log("outreach")');
    const favicon = await get('/outreach/favicon.svg');
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends text files Brotli- or gzip-compressed as the browser accepts, and says so', async () => {
    const path = '/outreach/assets/vendor-Zz9Yy8Xx.js';
    const asked = async (acceptEncoding?: string) => {
      const response = await get(
        path,
        acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {},
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toBe('accept-encoding');
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(body.byteLength));
      return { encoding: response.headers.get('content-encoding'), body };
    };
    const br = await asked('gzip, deflate, br, zstd');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(BUNDLE);
    expect(br.body.byteLength).toBeLessThan(BUNDLE.length / 4);
    const gzip = await asked('gzip;q=1.0, br;q=0');
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(BUNDLE);
    for (const none of [undefined, 'identity', 'deflate']) {
      const plain = await asked(none);
      expect(plain.encoding).toBeNull();
      expect(plain.body.toString()).toBe(BUNDLE);
    }
    // A file too small to gain is sent as it is.
    const small = await get('/outreach/assets/index-AbCdEf12.js', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('answers 404 for a missing file and never leaves the dist folder', async () => {
    expect((await get('/outreach/assets/missing-12345678.js')).status).toBe(404);
    for (const path of ['/outreach/..%2F..%2Fsecret.txt', '/outreach/%2e%2e/%2e%2e/secret.txt']) {
      const response = await get(path);
      expect(await response.text()).not.toContain('not for the web');
    }
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('says clearly when an app has not been built', async () => {
    const response = await get('/group-course/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it('routes /graphql to Yoga, marks https responses for HSTS', async () => {
    const response = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: null } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('the gateway as a Node HTTP server (server.ts)', () => {
  it('answers /graphql over HTTP with the same headers as every other response', async () => {
    const { createServer } = await import('node:http');
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const base = `http://127.0.0.1:${address.port}`;
      const graphql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(graphql.status).toBe(200);
      expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
      const page = await fetch(`${base}/outreach/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(page.status).toBe(200);
      for (const response of [graphql, page]) {
        expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(graphql.headers.get('cache-control')).toBe('no-store');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the built apps as a browser loads them', () => {
  it('sends each app compressed, its initial JavaScript under 150 kB', async () => {
    // The real builds (npm install builds them): index.html's module script and preloads.
    const built = createApp();
    for (const name of APP_NAMES) {
      const fetchFrom = (path: string) =>
        Promise.resolve(
          built.fetch(
            new Request(`http://localhost${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }),
          ),
        );
      const index = await fetchFrom(`/${name}/`);
      expect(index.status, `${name} is not built: run npm run build`).toBe(200);
      const html = (
        index.headers.get('content-encoding') === 'br'
          ? brotliDecompressSync(Buffer.from(await index.arrayBuffer()))
          : Buffer.from(await index.arrayBuffer())
      ).toString();
      const scripts = [
        ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
        ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
      ].map((match) => match[1]!);
      expect(scripts.length, `${name}: no module script in index.html`).toBeGreaterThan(0);
      let bytes = 0;
      for (const script of scripts) {
        const response = await fetchFrom(script);
        expect(response.headers.get('content-encoding'), script).toBe('br');
        bytes += (await response.arrayBuffer()).byteLength;
      }
      expect(bytes, `${name}: initial JavaScript, compressed`).toBeLessThan(150_000);
    }
  });
});
