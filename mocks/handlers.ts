/**
 * The one MSW handlers array: /api answered by the GuardDuty emulator through the same
 * validation and routing as the server (answer() in src/guardduty/operations.ts), and /healthz.
 * Used by the browser worker (npm run dev, static demo) and by setupServer in component tests.
 * The region endpoints (/api/regions, /api/regions/{region}/…, /api/all-regions/…) run the
 * server's own code over the demo's regions (mocks/regions.ts).
 *
 * Paths are relative, so they match same-origin requests only: in the browser and in jsdom that
 * is the page's origin. (In plain Node there is no origin; pass a baseUrl to MSW there.)
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { ApiError, internalError } from '../src/guardduty/errors';
import { health } from '../src/guardduty/health';
import { answer, errorResponse, type GuardDutyBackend, type IncomingRequest, type WireResponse } from '../src/guardduty/operations';
import { apiTarget } from '../src/guardduty/regions';
import { createEmulator } from './emulator';
import { createDemoRegions, type DemoRegionsOptions } from './regions';

const API_PREFIX = '/api';

const json = (value: unknown): WireResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

export function createHandlers(backend: GuardDutyBackend = createEmulator(), regionOptions: Omit<DemoRegionsOptions, 'defaultBackend'> = {}): RequestHandler[] {
  const regions = createDemoRegions({ ...regionOptions, defaultBackend: backend });

  async function route(incoming: IncomingRequest): Promise<WireResponse> {
    try {
      const target = apiTarget(incoming.path);
      switch (target.kind) {
        case 'default':
          return answer(backend, incoming);
        case 'region':
          regions.service.checkRegion(target.region);
          return answer(regions.backendFor(target.region), { ...incoming, path: target.path });
        case 'regions':
          if (incoming.method !== 'GET') throw new ApiError('UnsupportedOperationException', `${incoming.method} /regions is not offered (allowed: GET).`, 405);
          return json(await regions.service.listRegions());
        case 'all-regions':
          return target.operation === 'findings' ? regions.service.findings(incoming) : regions.service.statistics(incoming);
      }
    } catch (error) {
      return errorResponse(error instanceof ApiError ? error : internalError());
    }
  }

  return [
    // The demo server's own answer (src/guardduty/health.ts): demo data, no region, no tiles.
    http.get('/healthz', () => HttpResponse.json(health({ source: 'demo' }))),
    http.all(`${API_PREFIX}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const wire = await route({
        method: request.method,
        path: url.pathname.slice(API_PREFIX.length),
        query: url.searchParams,
        contentType: request.headers.get('content-type'),
        body: hasBody ? await request.text() : undefined,
      });
      return new HttpResponse(wire.body, { status: wire.status, headers: wire.headers });
    }),
  ];
}

/** Over an emulator at the fixed reference time: deterministic, for tests. */
export const handlers = createHandlers();
