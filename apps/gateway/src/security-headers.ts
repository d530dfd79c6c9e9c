/**
 * Headers for every response. The CSP fits the Vite builds: scripts and
 * styles from our own origin only (React sets styles through the DOM, which
 * CSP does not block; charts need inline style attributes, hence
 * 'unsafe-inline' for styles only), images also as data: URLs (QR codes),
 * workers from blob: (GraphiQL's editor), and nothing may frame us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function applySecurityHeaders(
  response: Response,
  options: { https: boolean; csp: boolean },
): Response {
  const headers = response.headers;
  if (options.csp) {
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  }
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  headers.set('x-frame-options', 'DENY');
  headers.set('cross-origin-opener-policy', 'same-origin');
  headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (options.https) {
    headers.set('strict-transport-security', 'max-age=31536000');
  }
  return response;
}
