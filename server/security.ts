/**
 * Security defaults (DESIGN.md): response headers and CSP on everything; a Host allow-list
 * against DNS rebinding; same-origin checks on Origin and Sec-Fetch-Site; and, when a token is
 * configured (required off loopback), the token → HttpOnly cookie model: `/?token=…` (a page
 * navigation, possibly from another site) is exchanged for the cookie; every other request,
 * /api included, must be same-origin and carry the cookie or a Bearer token.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { TLSSocket } from 'node:tls';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { accessDenied, type ApiError } from '../src/guardduty/errors';
import { tileSource, type ServerConfig } from './config';
import { apiErrorResponse, plainText } from './wire';

export const SESSION_COOKIE = 'fa_session';

export function contentSecurityPolicy(tileUrl: string | null): string {
  const tileOrigin = tileUrl ? ` ${tileSource(tileUrl)}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tileOrigin}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The headers every response carries. */
export const securityHeaderValues = (config: ServerConfig): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(config.tiles?.url ?? null),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
});

/** Set after the handler ran, so refusals and errors carry them too. */
export function securityHeaders(config: ServerConfig): MiddlewareHandler {
  const headers = securityHeaderValues(config);
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (isApiPath(c.req.path) || c.req.path === '/healthz') c.header('cache-control', 'no-store');
  };
}

/** SHA-256 both sides first: timingSafeEqual needs equal lengths, and the length must not leak either. */
export function constantTimeEquals(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The cookie carries a value derived from the token, not the token itself. */
export const sessionValue = (token: string) => createHmac('sha256', token).update('findings-atlas session v1').digest('base64url');

/** TLS here, or at the reverse proxy in front (X-Forwarded-Proto). */
const isHttps = (c: Context) =>
  c.req.header('x-forwarded-proto')?.split(',')[0].trim().toLowerCase() === 'https' ||
  (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket instanceof TLSSocket;

/** `localhost:8787` → `localhost`, `[::1]:8787` → `[::1]`. */
const hostName = (host: string) => (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]).toLowerCase();

/** /api gets GuardDuty's error format; pages a short plain-text explanation. Never cached: the next try may succeed. */
function refuse(c: Context, error: ApiError, headers: Record<string, string> = {}): Response {
  const response = isApiPath(c.req.path) ? apiErrorResponse(error) : plainText(error.status, `Findings Atlas: ${error.message}`);
  for (const [name, value] of Object.entries({ ...headers, 'cache-control': 'no-store' })) response.headers.set(name, value);
  return response;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The answer to a token exchange: the cookie, and a page of our own that moves on to the app.
 * Not a redirect: opened from another site (a link in a chat or ticket), a redirect chain counts
 * as cross-site and the browser would not send the SameSite=Strict cookie to its end. The
 * refresh starts from this same-origin page, so the next request carries it. No script: the CSP
 * forbids inline ones, and a meta refresh with a visible link needs none.
 */
function exchangePage(location: string, cookie: string): Response {
  const href = escapeHtml(location);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Findings Atlas</title></head>
<body><p><a href="${href}">Continue to Findings Atlas</a></p></body></html>
`;
  return new Response(html, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': cookie, 'cache-control': 'no-store' },
  });
}

/**
 * A top-level navigation to a page (someone followed a shared link from another site) is
 * harmless: it reads nothing and changes nothing. Everything else must be same-origin.
 */
const isPageNavigation = (c: Context) =>
  (c.req.method === 'GET' || c.req.method === 'HEAD') &&
  !isApiPath(c.req.path) &&
  c.req.header('sec-fetch-mode') === 'navigate' &&
  c.req.header('sec-fetch-dest') === 'document';

function originProblem(c: Context): string | null {
  const host = c.req.header('host') ?? '';
  const origin = c.req.header('origin');
  const ownOrigin = `${isHttps(c) ? 'https' : 'http'}://${host}`.toLowerCase();
  if (origin !== undefined && origin.toLowerCase() !== ownOrigin) return `requests from origin ${origin} are not accepted.`;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !isPageNavigation(c)) {
    return `${site} requests are not accepted (Sec-Fetch-Site).`;
  }
  return null;
}

function tokenProblem(c: Context, token: string): Response | null {
  const url = new URL(c.req.url);
  const offered = url.searchParams.get('token');
  if (offered !== null && !isApiPath(c.req.path) && c.req.method === 'GET') {
    if (!constantTimeEquals(offered, token)) return refuse(c, accessDenied('the access token is not valid.', 401));
    url.searchParams.delete('token');
    // One leading slash only: `//host` in Location would leave the site.
    const location = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
    const cookie = `${SESSION_COOKIE}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/${isHttps(c) ? '; Secure' : ''}`;
    return exchangePage(location, cookie);
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer !== undefined) {
    return constantTimeEquals(bearer.trim(), token) ? null : refuse(c, accessDenied('the access token is not valid.', 401), { 'www-authenticate': 'Bearer' });
  }
  const session = getCookie(c, SESSION_COOKIE);
  if (session !== undefined && constantTimeEquals(session, sessionValue(token))) return null;
  return refuse(
    c,
    accessDenied('an access token is required: open the link with ?token=… you were given, or send Authorization: Bearer <token>.', 401),
    { 'www-authenticate': 'Bearer' },
  );
}

/** Host allow-list, then same-origin checks, then the token (when configured). */
export function requestGuard(config: ServerConfig): MiddlewareHandler {
  const allowed = new Set(config.allowedHosts);
  return async (c, next) => {
    const host = c.req.header('host');
    if (!host || !allowed.has(hostName(host))) {
      return refuse(c, accessDenied(`the Host header '${host ?? ''}' is not allowed (add it to FINDINGS_ATLAS_ALLOWED_HOSTS).`, 403));
    }
    // An absolute-form target (`GET http://other.example/api/…`) names its own host, which wins over Host (RFC 9112 §3.2.2).
    const authority = new URL(c.req.url).host;
    if (!allowed.has(hostName(authority))) {
      return refuse(c, accessDenied(`the host '${authority}' is not allowed (add it to FINDINGS_ATLAS_ALLOWED_HOSTS).`, 403));
    }
    const problem = originProblem(c);
    if (problem) return refuse(c, accessDenied(problem, 403));
    if (config.token !== null) {
      const refusal = tokenProblem(c, config.token);
      if (refusal) return refusal;
    }
    await next();
  };
}
