/**
 * `x-amzn-RequestId` on every /api answer, as GuardDuty sends one on each: AWS's own passed
 * through in aws mode; a fresh random UUID on everything answered here (demo answers, validation
 * errors, refusals, 404/405, 413/415, 401/403, 502/504, the adapter's 400).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsSource } from './sources/aws';
import { createDemoSource } from './sources/demo';
import { reply, silent, startFakeUpstream, type FakeUpstream } from '../test-support/fake-upstream';
import { raw, rawBytes, startApp, testConfig, type RawRequest, type RawResponse, type Running } from './test/harness';

const DETECTOR = 'c6b0be64463ff852400d8ae5b2353866';
const TOKEN = 'request-id-test-token-0123456789';
const AWS_REQUEST_ID = 'f0876f86-0df0-11e8-900a-559d93fe6c5b';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JSON_POST = { 'content-type': 'application/json' };
const BEARER = { authorization: `Bearer ${TOKEN}` };

/** The /api answers that never reach a source, or that the source itself refuses; the same in both modes. */
const LOCAL_ANSWERS: [string, number, RawRequest | string][] = [
  ['validation error', 400, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{"maxResults":"x"}', headers: { ...JSON_POST, ...BEARER } }],
  ['unknown operation', 404, { path: '/api/ipset', headers: BEARER }],
  ['write operation', 405, { method: 'DELETE', path: `/api/detector/${DETECTOR}`, headers: BEARER }],
  ['body over 1 MiB', 413, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{}', headers: { ...JSON_POST, ...BEARER, 'content-length': String(2 * 1024 * 1024) } }],
  ['not JSON', 415, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', ...BEARER } }],
  ['no token', 401, { path: '/api/detector' }],
  ['foreign Origin', 403, { path: '/api/detector', headers: { ...BEARER, origin: 'https://evil.example.com' } }],
  ['foreign Host', 403, { path: '/api/detector', headers: { ...BEARER, host: 'evil.example.com' } }],
  ['target the adapter cannot parse', 400, `GET /api\\detector HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
];

const send = (app: Running, request: RawRequest | string): Promise<RawResponse> =>
  typeof request === 'string' ? rawBytes(app.port, request) : raw(app.port, request);

/** Two sends: each answer has a well-formed id of its own. */
async function expectFreshIds(app: Running, status: number, request: RawRequest | string) {
  const [a, b] = [await send(app, request), await send(app, request)];
  expect(a.status).toBe(status);
  expect(a.headers['x-amzn-requestid']).toMatch(UUID_V4);
  expect(b.headers['x-amzn-requestid']).toMatch(UUID_V4);
  expect(a.headers['x-amzn-requestid']).not.toBe(b.headers['x-amzn-requestid']);
}

describe('demo source', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp(testConfig({ host: '0.0.0.0', token: TOKEN }), createDemoSource());
  });
  afterAll(() => app.close());

  it.each([
    ['ListDetectors', 200, { path: '/api/detector', headers: BEARER }],
    ['ListFindings', 200, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{"maxResults":1}', headers: { ...JSON_POST, ...BEARER } }],
    ['unknown detector', 400, { path: '/api/detector/0123456789abcdef0123456789abcdef', headers: BEARER }],
    ...LOCAL_ANSWERS,
  ] as [string, number, RawRequest | string][])('%s (%i) carries a fresh x-amzn-RequestId', async (_name, status, request) => {
    await expectFreshIds(app, status, request);
  });
});

describe('aws source', () => {
  let fake: FakeUpstream;
  let app: Running;
  beforeEach(async () => {
    fake = await startFakeUpstream();
    const source = createAwsSource({ region: 'us-east-1', endpoint: fake.endpoint, credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }), baseDelayMs: 1, timeoutMs: 300 });
    app = await startApp(testConfig({ source: 'aws', region: 'us-east-1', endpoint: fake.endpoint, host: '0.0.0.0', token: TOKEN }), source);
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  it.each([200, 400, 500])('passes GuardDuty’s own id through unchanged on a %i', async (status) => {
    fake.respond = reply(status, '{}', { 'content-type': 'application/json', 'x-amzn-RequestId': AWS_REQUEST_ID });
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}`, headers: BEARER });
    expect(res.status).toBe(status);
    expect(res.headers['x-amzn-requestid']).toBe(AWS_REQUEST_ID);
  });

  it('adds a fresh id when the upstream answer has none', async () => {
    fake.respond = reply(200, '{"detectorIds":[]}');
    await expectFreshIds(app, 200, { path: '/api/detector', headers: BEARER });
  });

  it('answers a refused upstream answer (502) with a fresh id, not the upstream one', async () => {
    fake.respond = reply(200, '<html></html>', { 'content-type': 'text/html', 'x-amzn-RequestId': AWS_REQUEST_ID });
    const res = await raw(app.port, { path: '/api/detector', headers: BEARER });
    expect(res.status).toBe(502);
    expect(res.headers['x-amzn-requestid']).toMatch(UUID_V4);
  });

  it('answers a timeout (504) with a fresh id', async () => {
    fake.respond = silent();
    const res = await raw(app.port, { path: '/api/detector', headers: BEARER });
    expect(res.status).toBe(504);
    expect(res.headers['x-amzn-requestid']).toMatch(UUID_V4);
  });

  it.each(LOCAL_ANSWERS)('%s (%i, never forwarded) carries a fresh x-amzn-RequestId', async (_name, status, request) => {
    await expectFreshIds(app, status, request);
    expect(fake.requests).toHaveLength(0);
  });
});
