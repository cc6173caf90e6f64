/**
 * The HTTP surface: /healthz, the /api contract (answered by a source), and the built SPA.
 * Middleware order matters: the security headers and request ids land on every response
 * (refusals included), and the guard runs before anything is read or forwarded. The request log
 * is written by listen.ts, which also sees what never reaches this app.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { invalidInput } from '../src/guardduty/errors';
import { matchRoute } from '../src/guardduty/operations';
import { readBodyWithin } from './body';
import type { ServerConfig } from './config';
import { isApiPath, requestGuard, securityHeaders } from './security';
import type { Source } from './sources/source';
import { serveStatic } from './static';
import { errorToResponse, plainText, REQUEST_ID } from './wire';

/** Every /api answer carries a request id, as GuardDuty's do: AWS's own when it sent one, a fresh one otherwise. */
const requestIds: MiddlewareHandler = async (c, next) => {
  await next();
  if (isApiPath(c.req.path) && !c.res.headers.has(REQUEST_ID)) c.header(REQUEST_ID, randomUUID());
};

// Fatal and BOM-preserving: the bytes validated are exactly the bytes the aws source forwards, so
// invalid UTF-8 (or a BOM) is refused here rather than reaching GuardDuty unchecked.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeBody(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidInput('The request is rejected: the body is not valid UTF-8 JSON.');
  }
}

export function createApp(config: ServerConfig, source: Source) {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.use(securityHeaders(config));
  app.use(requestIds);
  app.use(requestGuard(config));

  app.get('/healthz', (c) =>
    c.json({ status: 'ok', source: source.name, region: source.region, readOnly: true, tiles: config.tiles }),
  );

  app.all('/api/*', async (c) => {
    const path = c.req.path.slice('/api'.length) || '/';
    try {
      // Unsupported operations are refused before any body is read.
      matchRoute(c.req.method, path);
      const isPost = c.req.method === 'POST';
      const bodyBytes = isPost ? await readBodyWithin(c.req.raw) : new Uint8Array(0);
      const incoming = {
        method: c.req.method,
        path,
        query: new URL(c.req.url).searchParams,
        contentType: c.req.header('content-type') ?? null,
        body: isPost ? decodeBody(bodyBytes) : undefined,
      };
      return await source.handle({ incoming, bodyBytes }, c.req.raw.signal);
    } catch (error) {
      return errorToResponse(error);
    }
  });

  // Everything else is the SPA; the raw target keeps traversal attempts visible to the checks.
  app.all('*', (c) => serveStatic(c.req.raw, c.env?.incoming?.url ?? new URL(c.req.url).pathname, config.staticDir));

  // Unexpected failures: no stack traces or messages reach the client.
  app.onError((error, c) => (isApiPath(c.req.path) ? errorToResponse(error) : plainText(500, 'Findings Atlas: internal error.')));

  return app;
}
