/** The demo source over real HTTP: the five operations from the emulator, and DESIGN.md's error table row by row. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuardDutyBackend } from '../src/guardduty/operations';
import { DEMO_DETECTOR_ID, SAMPLE_FINDING_ID, createEmulator } from '../mocks/emulator';
import { createDemoSource } from './sources/demo';
import { raw, startApp, testConfig, type RawRequest, type Running } from './test/harness';

const UNKNOWN_DETECTOR = 'ffffffffffffffffffffffffffffffff';
const JSON_POST = { 'content-type': 'application/json' };
const findings = (op = '') => `/api/detector/${DEMO_DETECTOR_ID}/findings${op}`;

let app: Running;
beforeAll(async () => {
  app = await startApp(testConfig(), createDemoSource());
});
afterAll(() => app.close());

const call = async (request: RawRequest) => {
  const res = await raw(app.port, request);
  return { ...res, json: JSON.parse(res.text) as Record<string, unknown> };
};
const post = (path: string, body: unknown) => call({ method: 'POST', path, body: JSON.stringify(body), headers: JSON_POST });

describe('demo source: the five operations', () => {
  it('GET /healthz describes the source without credentials', async () => {
    const res = await call({ path: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', source: 'demo', region: null, readOnly: true, tiles: null });
  });

  it('ListDetectors and GetDetector', async () => {
    const list = await call({ path: '/api/detector?maxResults=50' });
    expect(list.status).toBe(200);
    expect(list.json.detectorIds).toContain(DEMO_DETECTOR_ID);
    const detector = await call({ path: `/api/detector/${DEMO_DETECTOR_ID}` });
    expect(detector.status).toBe(200);
    expect(detector.json.status).toBe('ENABLED');
  });

  it('ListFindings → GetFindings returns the spec’s sample finding by id', async () => {
    const list = await post(findings(), { findingCriteria: { criterion: { id: { eq: [SAMPLE_FINDING_ID] } } } });
    expect(list.status).toBe(200);
    expect(list.json.findingIds).toEqual([SAMPLE_FINDING_ID]);
    const got = await post(findings('/get'), { findingIds: list.json.findingIds });
    expect(got.status).toBe(200);
    const [finding] = got.json.findings as Record<string, unknown>[];
    expect(finding).toMatchObject({ id: SAMPLE_FINDING_ID, type: 'UnauthorizedAccess:EC2/RDPBruteForce', severity: 2 });
  });

  it('ListFindings sorts and pages', async () => {
    const first = await post(findings(), { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 50 });
    expect(first.status).toBe(200);
    expect(first.json.findingIds).toHaveLength(50);
    expect(typeof first.json.nextToken).toBe('string');
    const second = await post(findings(), { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 50, nextToken: first.json.nextToken });
    expect(second.json.findingIds).not.toContain((first.json.findingIds as string[])[0]);
    const got = await post(findings('/get'), { findingIds: first.json.findingIds });
    const severities = (got.json.findings as { severity: number }[]).map((f) => f.severity);
    expect(Math.max(...severities)).toBeGreaterThanOrEqual(7);
  });

  it('GetFindingsStatistics counts by severity', async () => {
    const res = await post(findings('/statistics'), { findingStatisticTypes: ['COUNT_BY_SEVERITY'] });
    expect(res.status).toBe(200);
    const counts = (res.json.findingStatistics as { countBySeverity: Record<string, number> }).countBySeverity;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('demo source: the error table', () => {
  const expectError = (res: Awaited<ReturnType<typeof call>>, status: number, headerType: string, type: string, message: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers['x-amzn-errortype']).toBe(headerType);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ __type: type, message: expect.stringMatching(message) });
  };

  it.each([
    ['maxResults out of range', findings(), { maxResults: 0 }, /maxResults/],
    ['an undocumented sort attribute', findings(), { sortCriteria: { attributeName: 'title' } }, /sortCriteria\.attributeName/],
    ['a bad orderBy', findings(), { sortCriteria: { attributeName: 'severity', orderBy: 'UP' } }, /sortCriteria\.orderBy/],
    ['an undocumented filter attribute', findings(), { findingCriteria: { criterion: { severityy: { eq: ['x'] } } } }, /findingCriteria\.criterion\.severityy/],
    ['an unknown field', findings(), { maxResult: 5 }, /maxResult/],
    ['missing findingIds', findings('/get'), {}, /findingIds/],
    ['more than 50 findingIds', findings('/get'), { findingIds: Array.from({ length: 51 }, (_, i) => `id${i}`) }, /findingIds/],
    ['a bad statistic type', findings('/statistics'), { findingStatisticTypes: ['COUNT_BY_COLOUR'] }, /findingStatisticTypes/],
  ])('invalid input (%s) → 400 BadRequestException / InvalidInputException', async (_name, path, body, message) => {
    expectError(await post(path, body), 400, 'BadRequestException', 'InvalidInputException', message);
  });

  it('invalid input in the path or query → 400 naming detectorId / maxResults', async () => {
    expectError(await call({ path: '/api/detector/not_a-detector' }), 400, 'BadRequestException', 'InvalidInputException', /detectorId/);
    expectError(await call({ path: '/api/detector?maxResults=500' }), 400, 'BadRequestException', 'InvalidInputException', /maxResults/);
  });

  it('bad JSON → 400 InvalidInputException', async () => {
    const res = await call({ method: 'POST', path: findings(), body: '{"maxResults": 5', headers: JSON_POST });
    expectError(res, 400, 'BadRequestException', 'InvalidInputException', /not valid JSON/);
  });

  it('an unknown detector → 400 BadRequestException / NoSuchEntityException naming detectorId', async () => {
    expectError(await call({ path: `/api/detector/${UNKNOWN_DETECTOR}` }), 400, 'BadRequestException', 'NoSuchEntityException', /detectorId/);
    expectError(await post(`/api/detector/${UNKNOWN_DETECTOR}/findings`, {}), 400, 'BadRequestException', 'NoSuchEntityException', /detectorId/);
  });

  it('an internal error → 500 InternalServerErrorException / InternalException, no details leaked', async () => {
    const failing = new Proxy(createEmulator({ now: Date.now() }), {
      get: () => () => {
        throw new Error('secret internal detail');
      },
    }) as GuardDutyBackend;
    const broken = await startApp(testConfig(), createDemoSource(failing));
    try {
      const res = await raw(broken.port, { path: '/api/detector' });
      expect(res.status).toBe(500);
      expect(res.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
      expect(JSON.parse(res.text)).toEqual({ __type: 'InternalException', message: 'Internal server error.' });
    } finally {
      await broken.close();
    }
  });

  it.each([
    ['ArchiveFindings', 'POST', findings('/archive'), 405, /ArchiveFindings is not offered/],
    ['UnarchiveFindings', 'POST', findings('/unarchive'), 405, /UnarchiveFindings/],
    ['UpdateFindingsFeedback', 'POST', findings('/feedback'), 405, /UpdateFindingsFeedback/],
    ['DeleteDetector', 'DELETE', `/api/detector/${DEMO_DETECTOR_ID}`, 405, /DELETE .* is not offered/],
    ['UpdateDetector (PUT)', 'PUT', `/api/detector/${DEMO_DETECTOR_ID}`, 405, /PUT .* is not offered/],
    ['ListFindings via GET', 'GET', findings(), 405, /allowed: POST/],
    ['an unknown path', 'GET', '/api/ipset', 404, /No operation at \/ipset/],
    ['/api itself', 'GET', '/api', 404, /No operation/],
  ])('%s → %i UnsupportedOperationException', async (_name, method, path, status, message) => {
    const body = method === 'GET' ? undefined : '{}';
    const res = await call({ method, path, body, headers: body ? JSON_POST : {} });
    expectError(res, status, 'UnsupportedOperationException', 'UnsupportedOperationException', message);
  });

  it('a body over 1 MiB → 413, a non-JSON body → 415 (BadRequestException / InvalidInputException)', async () => {
    const big = JSON.stringify({ nextToken: 'x'.repeat(1.1 * 1024 * 1024) });
    expectError(await call({ method: 'POST', path: findings(), body: big, headers: JSON_POST }), 413, 'BadRequestException', 'InvalidInputException', /larger than 1 MiB/);
    expectError(await call({ method: 'POST', path: findings(), body: big, chunked: true, headers: JSON_POST }), 413, 'BadRequestException', 'InvalidInputException', /larger than 1 MiB/);
    const form = await call({ method: 'POST', path: findings(), body: 'maxResults=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(form, 415, 'BadRequestException', 'InvalidInputException', /Content-Type: application\/json/);
    const none = await call({ method: 'POST', path: findings(), body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(none.status).toBe(415);
  });

  it('a foreign origin → 403 AccessDeniedException (the token rows are in security.test.ts)', async () => {
    const res = await call({ method: 'POST', path: findings(), body: '{}', headers: { ...JSON_POST, origin: 'https://evil.example.com' } });
    expectError(res, 403, 'AccessDeniedException', 'AccessDeniedException', /origin https:\/\/evil\.example\.com/);
  });
});
