import { fileURLToPath } from 'node:url';
import { createServerAdapter } from '@whatwg-node/server';
import { rememberSocketAddress } from './auth/client-address.ts';
import { isHttps } from './auth/session.ts';
import { requestIdFor } from './context.ts';
import { openDatabase } from './database.ts';
import { logger } from './logger.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { type StaticApp, serveStaticApp } from './static-files.ts';
import { yoga as defaultYoga, loadTrustedDocuments } from './yoga.ts';

/** The three apps the gateway serves, each from apps/<name>/dist. */
export const APP_NAMES = ['outreach', 'group-course', 'evaluation'] as const;

const APPS_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The build folders of the three apps the gateway serves. */
export const APP_DIST_DIRS = APP_NAMES.map((name) => `${APPS_ROOT}/${name}/dist`);

export interface AppOptions {
  /** Folder holding <name>/dist for each app; defaults to the repo's apps/. */
  appsRoot?: string;
  yoga?: { fetch: (request: Request) => Response | Promise<Response> };
}

const HOME_PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Voldsindsats</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
a { color: #0b5394; }
li { margin: .5rem 0; }
</style>
</head>
<body>
<main>
<h1>Voldsindsats</h1>
<p>Opsøgende indsats, gruppeforløb og evaluering for kommuner og organisationer, der støtter voldsudsatte.</p>
<ul>
<li><a href="/outreach/">Opsøgende indsats</a> <span lang="en">(Outreach)</span></li>
<li><a href="/group-course/">Gruppeforløb</a> <span lang="en">(Group courses)</span></li>
<li><a href="/evaluation/">Evaluering</a> <span lang="en">(Evaluation)</span></li>
</ul>
<p lang="en">Outreach, group courses and evaluation for municipalities and organisations supporting people exposed to violence.</p>
</main>
</body>
</html>
`;

/**
 * Sets the request id and the security headers on the response itself: Yoga's, the static files'
 * and our own responses have mutable headers. Only a response whose headers are immutable (a
 * fetch() result, Response.redirect/error) is copied into one we own; the copy cost ~4 % of CPU
 * when it was made for every response (issue 11). Setting the first header tells which it is.
 */
export function withHeaders(
  response: Response,
  requestId: string,
  security: { https: boolean; csp: boolean },
): Response {
  let target = response;
  try {
    target.headers.set('x-request-id', requestId);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    target = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    target.headers.set('x-request-id', requestId);
  }
  return applySecurityHeaders(target, security);
}

async function health(): Promise<Response> {
  const body: { status: 'ok' | 'unavailable'; engine: string | null } = { status: 'ok', engine: null };
  let status = 200;
  try {
    const db = await openDatabase();
    body.engine = db.engine;
    await db.query('SELECT 1');
  } catch (error) {
    logger.error({ err: error }, 'health check failed');
    body.status = 'unavailable';
    status = 503;
  }
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Routes one request: /graphql to Yoga, /health, the three built apps with
 * SPA fallback, and a small Danish start page at /. Everything gets the
 * security headers and an x-request-id.
 */
export async function route(request: Request, options: AppOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const appsRoot = options.appsRoot ?? APPS_ROOT;
  const yoga = options.yoga ?? defaultYoga;
  let response: Response | null = null;
  let csp = true;

  if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
    response = await yoga.fetch(request);
    // GraphiQL (development only) loads its page from a CDN; our CSP would block it.
    csp = process.env.NODE_ENV !== 'development';
  } else if (url.pathname === '/health') {
    response = await health();
  } else if (url.pathname === '/' && (request.method === 'GET' || request.method === 'HEAD')) {
    response = new Response(request.method === 'HEAD' ? null : HOME_PAGE, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    });
  } else {
    for (const name of APP_NAMES) {
      const app: StaticApp = { name, distDir: `${appsRoot}/${name}/dist` };
      response = await serveStaticApp(
        app,
        url.pathname,
        request.method,
        request.headers.get('accept-encoding'),
      );
      if (response) {
        break;
      }
    }
  }
  response ??= new Response('Not Found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
  return withHeaders(response, requestIdFor(request), { https: isHttps(request), csp });
}

/**
 * The whole gateway as one handler: `app.fetch(request)` in tests, and a
 * Node `http` request listener (`createServer(app)`) in server.ts. Logs one
 * line per request (no query strings, no bodies).
 */
export function createApp(options: AppOptions = {}) {
  // Trusted documents on and the apps not built: stop now, naming `npm run build` (a ConfigError).
  if (!options.yoga) loadTrustedDocuments();
  return createServerAdapter<{ req?: { socket?: { remoteAddress?: string } } }>(async (request, server) => {
    // The socket's peer address, for the login throttle (auth/client-address.ts).
    rememberSocketAddress(request, server?.req?.socket?.remoteAddress);
    const started = performance.now();
    const response = await route(request, options);
    logger.info(
      {
        requestId: response.headers.get('x-request-id'),
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
    return response;
  });
}
