/**
 * The HTTP surface: /healthz, the /api contract (answered by a source), and the built SPA.
 * Middleware order matters: the security headers and request ids land on every response
 * (refusals included), and the guard runs before anything is read or forwarded. The request log
 * is written by listen.ts, which also sees what never reaches this app.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { ApiError, invalidInput } from '../src/guardduty/errors';
import { health } from '../src/guardduty/health';
import { matchRoute, type IncomingRequest } from '../src/guardduty/operations';
import { apiTarget } from '../src/guardduty/regions';
import { readBodyWithin } from './body';
import type { ServerConfig } from './config';
import { isApiPath, requestGuard, securityHeaders } from './security';
import { DEMO_REGION } from './config';
import { singleRegion, type Regional } from './sources/regional';
import type { Source } from './sources/source';
import { serveStatic } from './static';
import { errorToResponse, plainText, REQUEST_ID, toResponse } from './wire';

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

/**
 * `regional` answers /api/regions, /api/regions/{region}/… and /api/all-regions/…; without it the
 * one source is the only region (tests of the HTTP surface).
 */
export function createApp(config: ServerConfig, source: Source, regional: Regional = singleRegion(source, source.region ?? config.region ?? DEMO_REGION)) {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.use(securityHeaders(config));
  app.use(requestIds);
  app.use(requestGuard(config));

  app.get('/healthz', (c) => c.json(health({ source: source.name, region: source.region, tiles: config.tiles })));

  app.all('/api/*', async (c) => {
    const apiPath = c.req.path.slice('/api'.length) || '/';
    try {
      const target = apiTarget(apiPath);
      if (target.kind === 'regions') {
        if (c.req.method !== 'GET') throw new ApiError('UnsupportedOperationException', `${c.req.method} /api/regions is not offered (allowed: GET).`, 405);
        return c.json(await regional.service.listRegions(c.req.raw.signal));
      }
      const isPost = c.req.method === 'POST';
      const incomingFor = async (path: string) => {
        const bodyBytes = isPost ? await readBodyWithin(c.req.raw) : new Uint8Array(0);
        const incoming: IncomingRequest = {
          method: c.req.method,
          path,
          query: new URL(c.req.url).searchParams,
          contentType: c.req.header('content-type') ?? null,
          body: isPost ? decodeBody(bodyBytes) : undefined,
        };
        return { incoming, bodyBytes };
      };
      if (target.kind === 'all-regions') {
        if (!isPost) throw new ApiError('UnsupportedOperationException', `${c.req.method} ${apiPath} is not offered (allowed: POST).`, 405);
        const { incoming } = await incomingFor(apiPath);
        const { service } = regional;
        return toResponse(await (target.operation === 'findings' ? service.findings(incoming, c.req.raw.signal) : service.statistics(incoming, c.req.raw.signal)));
      }
      // A region is checked (well formed, covered) before anything is read or forwarded.
      const regionSource = target.kind === 'region' ? regional.sourceFor(regional.service.checkRegion(target.region)) : source;
      // Unsupported operations are refused before any body is read.
      matchRoute(c.req.method, target.path);
      return await regionSource.handle(await incomingFor(target.path), c.req.raw.signal);
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
