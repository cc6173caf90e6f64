/**
 * The HTTP surface: /healthz, the /api contract (answered by a source), and the built SPA.
 * Middleware order matters: the log sees the final status, the security headers land on every
 * response (refusals included), and the guard runs before anything is read or forwarded.
 */
import { Hono } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { invalidInput } from '../src/guardduty/errors';
import { matchRoute } from '../src/guardduty/operations';
import { readBodyWithin } from './body';
import type { ServerConfig } from './config';
import { requestLog, stdoutLogger, type Logger } from './log';
import { isApiPath, requestGuard, securityHeaders } from './security';
import type { Source } from './sources/source';
import { serveStatic } from './static';
import { errorToResponse, plainText } from './wire';

export interface AppOptions {
  log?: Logger;
}

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

export function createApp(config: ServerConfig, source: Source, options: AppOptions = {}) {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.use(requestLog(options.log ?? stdoutLogger, source.name));
  app.use(securityHeaders(config));
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
