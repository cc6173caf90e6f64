import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { GuardDutyBackend } from '../src/guardduty/operations';
import { DEMO_DETECTOR_ID, SAMPLE_FINDING_ID, createEmulator } from './emulator';
import { createHandlers, handlers } from './handlers';

// Node has no page origin for MSW's relative paths; give it the one the browser would have.
const ORIGIN = 'http://localhost:5173';
const resolve = (path: string, init?: RequestInit, list = handlers) =>
  getResponse(list, new Request(`${ORIGIN}${path}`, init), { baseUrl: `${ORIGIN}/` });
async function send(path: string, init?: RequestInit, list = handlers): Promise<Response> {
  const response = await resolve(path, init, list);
  if (!response) throw new Error(`no handler answered ${path}`);
  return response;
}
const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('MSW handlers', () => {
  it('answer /healthz as the demo source', async () => {
    const response = await send('/healthz');
    expect(await response.json()).toEqual({ status: 'ok', source: 'demo', region: null, readOnly: true, tiles: null });
  });

  it('answer /api from the emulator in GuardDuty wire format', async () => {
    const detectors = await send('/api/detector');
    expect(detectors.status).toBe(200);
    expect((await detectors.json()).detectorIds).toContain(DEMO_DETECTOR_ID);

    const list = await send(`/api/detector/${DEMO_DETECTOR_ID}/findings`, postJson({ maxResults: 3 }));
    const { findingIds, nextToken } = await list.json();
    expect(findingIds).toHaveLength(3);
    expect(nextToken).not.toBe('');

    const get = await send(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, postJson({ findingIds: [SAMPLE_FINDING_ID] }));
    expect(get.headers.get('content-type')).toBe('application/json');
    expect((await get.json()).findings[0].id).toBe(SAMPLE_FINDING_ID);
  });

  it("pass the contract's errors through with status, header and body", async () => {
    const response = await send(`/api/detector/${DEMO_DETECTOR_ID}/findings`, postJson({ maxResults: 51 }));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('BadRequestException');
    expect((await response.json()).__type).toBe('InvalidInputException');

    const archive = await send(`/api/detector/${DEMO_DETECTOR_ID}/findings/archive`, postJson({ findingIds: [SAMPLE_FINDING_ID] }));
    expect(archive.status).toBe(405);
    expect((await archive.json()).__type).toBe('UnsupportedOperationException');
  });

  it('take any backend, e.g. a failing one for error-path tests', async () => {
    const failing: GuardDutyBackend = {
      ...createEmulator(),
      listFindings: () => {
        throw new Error('boom');
      },
    };
    const response = await send(`/api/detector/${DEMO_DETECTOR_ID}/findings`, postJson({}), createHandlers(failing));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ __type: 'InternalException', message: 'Internal server error.' });
  });

  it('leave other paths alone', async () => {
    expect(await resolve('/index.html')).toBeUndefined();
  });
});
