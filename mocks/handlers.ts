/**
 * The one MSW handlers array: /api answered by the GuardDuty emulator through the same
 * validation and routing as the server (answer() in src/guardduty/operations.ts), and /healthz.
 * Used by the browser worker (npm run dev, static demo) and by setupServer in component tests.
 *
 * Paths are relative, so they match same-origin requests only: in the browser and in jsdom that
 * is the page's origin. (In plain Node there is no origin; pass a baseUrl to MSW there.)
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { answer, type GuardDutyBackend } from '../src/guardduty/operations';
import { createEmulator } from './emulator';

const API_PREFIX = '/api';

export function createHandlers(backend: GuardDutyBackend = createEmulator()): RequestHandler[] {
  return [
    http.get('/healthz', () => HttpResponse.json({ status: 'ok', source: 'demo', mode: 'msw' })),
    http.all(`${API_PREFIX}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const wire = answer(backend, {
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
