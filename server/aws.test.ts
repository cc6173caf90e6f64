/**
 * The aws source against a local fake GuardDuty: signing, byte-exact pass-through, header
 * filtering, validation before forwarding, retries, timeout, unreachable endpoint, credentials.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  gatewayPage, notJson, reply, sequence, serverError, signatureProblem, silent, sizedAnswer, startFakeUpstream, throttled,
  type FakeUpstream, type RecordedRequest,
} from '../test-support/fake-upstream';
import { createAwsSource, type AwsSourceOptions } from './sources/aws';
import { raw, startApp, testConfig, type Running } from './test/harness';

const DETECTOR = 'c6b0be64463ff852400d8ae5b2353866';
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'SESSION-TOKEN-EXAMPLE-1234567890',
};
const TOKEN = 'test-access-token-0123456789';
const REQUEST_ID = 'f0876f86-0df0-11e8-900a-559d93fe6c5b';
/** Odd whitespace, a field no client models yet, and non-ASCII text: must come back as sent. */
const UPSTREAM_BODY = '{ "findingIds" : [ "9cb0be64df8ba1df249c45eb8a0bf584" ],\n\t"nextToken":"",  "someFutureField" : { "nested" : [1, 2.50, "ü"] } }  ';
const GUARDDUTY_400 =
  '{"message":"The request is rejected because the input detectorId is not owned by the current account.","__type":"InvalidInputException"}';

let fake: FakeUpstream;
let app: Running;

async function start(options: Partial<AwsSourceOptions> = {}, configOverrides = {}) {
  const source = createAwsSource({ region: 'us-east-1', endpoint: fake.endpoint, credentials: async () => CREDENTIALS, baseDelayMs: 1, ...options });
  app = await startApp(testConfig({ source: 'aws', region: 'us-east-1', endpoint: fake.endpoint, ...configOverrides }), source);
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  raw(app.port, { method: 'POST', path, body, headers: { 'content-type': 'application/json', ...headers } });

/** Equal only if the proxy signed exactly what it sent. */
const expectValidSignature = async (recorded: RecordedRequest) => expect(await signatureProblem(recorded, CREDENTIALS, 'us-east-1')).toBeNull();

beforeEach(async () => {
  fake = await startFakeUpstream({ basePath: '/base/path' });
});

afterEach(async () => {
  await app?.close();
  await fake.close();
});

describe('aws source: forwarding', () => {
  it('signs with SigV4 and forwards the original body bytes under the endpoint base path', async () => {
    await start();
    const body = '{ "maxResults" :  5 ,\n "sortCriteria":{"attributeName":"severity","orderBy":"DESC"}}\n';
    const res = await post(`/api/detector/${DETECTOR}/findings`, body);
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    const [seen] = fake.requests;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe(`/base/path/detector/${DETECTOR}/findings`);
    expect(seen.body.equals(Buffer.from(body))).toBe(true);
    expect(seen.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/guardduty\/aws4_request, SignedHeaders=[^ ]*host[^ ]*x-amz-date/);
    expect(seen.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(seen.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
    expect(seen.headers['content-type']).toBe('application/json');
    await expectValidSignature(seen);
  });

  it('never forwards the browser’s cookies or authorization', async () => {
    await start({}, { token: TOKEN });
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}`, headers: { authorization: `Bearer ${TOKEN}`, cookie: 'other=1' } });
    expect(res.status).toBe(200);
    const [seen] = fake.requests;
    expect(seen.headers.cookie).toBeUndefined();
    expect(String(seen.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 /);
    await expectValidSignature(seen);
  });

  it('forwards the ListDetectors query string, signed', async () => {
    await start();
    fake.respond = reply(200, '{"detectorIds":[]}');
    const res = await raw(app.port, { path: '/api/detector?maxResults=5&nextToken=a%2Bb%2Fc%3D' });
    expect(res.status).toBe(200);
    expect(fake.requests[0].url).toBe('/base/path/detector?maxResults=5&nextToken=a%2Bb%2Fc%3D');
    await expectValidSignature(fake.requests[0]);
  });

  it('returns the upstream body byte for byte, keeping GuardDuty’s headers and dropping CORS and hop-by-hop ones', async () => {
    await start();
    fake.respond = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-amzn-RequestId': REQUEST_ID,
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'x-amzn-RequestId',
        'keep-alive': 'timeout=99',
        'proxy-authenticate': 'Basic',
        upgrade: 'h2c',
        trailer: 'x-checksum',
        'set-cookie': 'aws=1',
        'x-cache': 'Miss from cloudfront',
      });
      res.end(UPSTREAM_BODY);
    };
    const res = await post(`/api/detector/${DETECTOR}/findings/get`, '{"findingIds":["9cb0be64df8ba1df249c45eb8a0bf584"]}');
    expect(res.status).toBe(200);
    expect(res.body.equals(Buffer.from(UPSTREAM_BODY))).toBe(true);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-amzn-requestid']).toBe(REQUEST_ID);
    for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers', 'proxy-authenticate', 'upgrade', 'trailer', 'set-cookie', 'transfer-encoding', 'x-cache']) {
      expect(res.headers[name], name).toBeUndefined();
    }
    expect(res.headers['keep-alive']).not.toBe('timeout=99');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('passes a GuardDuty 400 through unchanged, without retrying it', async () => {
    await start();
    fake.respond = reply(400, GUARDDUTY_400, {
      'content-type': 'application/json',
      'x-amzn-RequestId': REQUEST_ID,
      'x-amzn-ErrorType': 'BadRequestException:http://internal.amazon.com/coral/com.amazonaws.guardduty/',
    });
    const res = await post(`/api/detector/${DETECTOR}/findings/statistics`, '{"findingStatisticTypes":["COUNT_BY_SEVERITY"]}');
    expect(res.status).toBe(400);
    expect(res.text).toBe(GUARDDUTY_400);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException:http://internal.amazon.com/coral/com.amazonaws.guardduty/');
    expect(res.headers['x-amzn-requestid']).toBe(REQUEST_ID);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('aws source: what comes back from upstream', () => {
  const MIB = 1024 * 1024;
  const LIMIT = 16 * MIB;
  const expect502 = (res: { status: number; text: string; headers: Record<string, unknown> }, message: RegExp) => {
    expect(res.status).toBe(502);
    expect(res.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    const body = JSON.parse(res.text);
    expect(Object.keys(body).sort()).toEqual(['__type', 'message']);
    expect(body.__type).toBe('InternalException');
    expect(body.message).toMatch(message);
  };

  it('passes an answer of exactly 16 MiB through byte for byte', async () => {
    await start();
    fake.respond = sizedAnswer(LIMIT);
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(LIMIT);
    expect(res.text === `{"a":"${'x'.repeat(LIMIT - 8)}"}`).toBe(true);
  });

  it('refuses an answer whose Content-Length is over 16 MiB with 502, without retrying', async () => {
    await start();
    fake.respond = sizedAnswer(LIMIT + 1);
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect502(res, /^The GuardDuty endpoint's answer is larger than 16 MiB: it is not passed on\.$/);
    expect(fake.requests).toHaveLength(1);
  });

  it('counts a streamed answer without Content-Length and hangs up once it passes 16 MiB', async () => {
    await start();
    /** Resolves when the proxy closed the upstream connection: with whether the fake had finished its answer. */
    let upstreamClosed!: Promise<boolean>;
    fake.respond = (_req, res) => {
      upstreamClosed = new Promise((resolve) => res.on('close', () => resolve(res.writableFinished)));
      res.writeHead(200, { 'content-type': 'application/json' }); // no length: chunked
      const chunk = Buffer.alloc(MIB, 'x');
      // Endless unless the proxy hangs up: writes while the socket takes them, then waits for drain.
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect502(res, /larger than 16 MiB/);
    expect(await upstreamClosed).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['text/html (a captive portal)', 'text/html; charset=utf-8', '<html><body>Please log in to the hotel Wi-Fi</body></html>', /answered HTTP 200 with content type text\/html, not JSON/],
    ['text/plain', 'text/plain', '{}', /content type text\/plain, not JSON/],
    ['XML', 'application/xml', '<Error/>', /content type application\/xml, not JSON/],
    ['no content type', undefined, '{}', /with no content type, not JSON/],
    ['a type with markup', 'text/<b>"x', '{}', /with an unexpected content type, not JSON/],
  ])('refuses an answer in %s with 502', async (_name, type, body, message) => {
    await start();
    fake.respond = notJson(type, body);
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect502(res, message);
    expect(res.text).not.toContain('hotel');
  });

  it('answers 502 when every attempt got an HTML 503 from a gateway', async () => {
    await start();
    fake.respond = gatewayPage(503);
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect502(res, /^The GuardDuty endpoint answered HTTP 503 with content type text\/html, not JSON/);
    expect(fake.requests).toHaveLength(3);
  });

  it.each(['application/json', 'application/json; charset=UTF-8', 'application/x-amz-json-1.1', 'application/problem+json'])(
    'passes %s through unchanged',
    async (type) => {
      await start();
      fake.respond = reply(200, UPSTREAM_BODY, { 'content-type': type });
      const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.text).toBe(UPSTREAM_BODY);
    },
  );

  it('passes a GuardDuty 403 JSON error through with its status, headers and body', async () => {
    await start();
    const body = '{"__type":"AccessDeniedException","message":"User: arn:aws:iam::123456789012:user/x is not authorized to perform: guardduty:GetDetector"}';
    fake.respond = reply(403, body, { 'content-type': 'application/json', 'x-amzn-RequestId': REQUEST_ID, 'x-amzn-ErrorType': 'AccessDeniedException' });
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect(res.status).toBe(403);
    expect(res.text).toBe(body);
    expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(res.headers['x-amzn-requestid']).toBe(REQUEST_ID);
  });
});

describe('aws source: nothing invalid or writing goes upstream', () => {
  it.each([
    ['bad JSON', 'POST', `/api/detector/${DETECTOR}/findings`, '{"maxResults":', 400, 'BadRequestException'],
    ['unknown field', 'POST', `/api/detector/${DETECTOR}/findings`, '{"bogus":1}', 400, 'BadRequestException'],
    ['maxResults out of range', 'POST', `/api/detector/${DETECTOR}/findings`, '{"maxResults":99}', 400, 'BadRequestException'],
    ['bad detector id', 'GET', '/api/detector/not-a-detector!', undefined, 400, 'BadRequestException'],
    ['ListDetectors bad query', 'GET', '/api/detector?maxResults=500', undefined, 400, 'BadRequestException'],
    ['ArchiveFindings', 'POST', `/api/detector/${DETECTOR}/findings/archive`, '{"findingIds":["a"]}', 405, 'UnsupportedOperationException'],
    ['DeleteDetector', 'DELETE', `/api/detector/${DETECTOR}`, undefined, 405, 'UnsupportedOperationException'],
    ['UpdateDetector', 'POST', `/api/detector/${DETECTOR}`, '{"enable":false}', 405, 'UnsupportedOperationException'],
    ['CreateDetector', 'POST', '/api/detector', '{"enable":true}', 405, 'UnsupportedOperationException'],
    ['unknown path', 'GET', '/api/ipset', undefined, 404, 'UnsupportedOperationException'],
  ])('%s → %i, never forwarded', async (_name, method, path, body, status, headerType) => {
    await start();
    const res = await raw(app.port, { method, path, body, headers: body ? { 'content-type': 'application/json' } : {} });
    expect(res.status).toBe(status);
    expect(res.headers['x-amzn-errortype']).toBe(headerType);
    expect(fake.requests).toHaveLength(0);
  });

  it('non-JSON and oversized bodies are refused locally', async () => {
    await start();
    expect((await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await post(`/api/detector/${DETECTOR}/findings`, `{"nextToken":"${'x'.repeat(1.1 * 1024 * 1024)}"}`)).status).toBe(413);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('aws source: retries, timeout, failures', () => {
  it('retries 429 and 503, then succeeds', async () => {
    await start();
    fake.respond = sequence(throttled(), gatewayPage(503), reply(200, UPSTREAM_BODY));
    const res = await post(`/api/detector/${DETECTOR}/findings`, '{}');
    expect(res.status).toBe(200);
    expect(res.text).toBe(UPSTREAM_BODY);
    expect(fake.requests).toHaveLength(3);
    // Each attempt is signed afresh and carries the same bytes.
    for (const seen of fake.requests) expect(seen.body.toString()).toBe('{}');
  });

  it('retries a 400 ThrottlingException', async () => {
    await start();
    fake.respond = sequence(reply(400, '{"__type":"ThrottlingException","message":"Rate exceeded"}'), reply(200, '{"detectorIds":[]}'));
    const res = await raw(app.port, { path: '/api/detector' });
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after three attempts and passes the last upstream error through', async () => {
    await start();
    const body = '{"__type":"InternalServerErrorException","message":"Internal server error."}';
    fake.respond = serverError();
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect(res.status).toBe(500);
    expect(res.text).toBe(body);
    expect(res.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(fake.requests).toHaveLength(3);
  });

  it('answers 504 InternalException when GuardDuty does not answer in time', async () => {
    await start({ timeoutMs: 300 });
    fake.respond = silent();
    const started = Date.now();
    const res = await raw(app.port, { path: `/api/detector/${DETECTOR}` });
    expect(res.status).toBe(504);
    expect(JSON.parse(res.text)).toEqual({ __type: 'InternalException', message: 'GuardDuty did not answer within 0.3 s.' });
    expect(res.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers 502 with a clear message when the endpoint cannot be reached', async () => {
    const closedEndpoint = fake.endpoint;
    await fake.close();
    fake = await startFakeUpstream();
    await start({ endpoint: closedEndpoint });
    const res = await raw(app.port, { path: '/api/detector' });
    expect(res.status).toBe(502);
    const body = JSON.parse(res.text);
    expect(body.__type).toBe('InternalException');
    expect(body.message).toMatch(/The GuardDuty endpoint 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\)/);
  });

  it('reports unloadable credentials as a 500 InternalException without going upstream', async () => {
    await start({ credentials: async () => Promise.reject(new Error('Could not load credentials from any providers')) });
    const res = await raw(app.port, { path: '/api/detector' });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.text)).toEqual({
      __type: 'InternalException',
      message: 'AWS credentials could not be loaded: Could not load credentials from any providers',
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('aws source: the standard credential chain and secrecy', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses the standard Node chain (environment credentials here) when none are injected', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
    });
    await start({ credentials: undefined });
    const res = await raw(app.port, { path: '/api/detector' });
    expect(res.status).toBe(200);
    expect(fake.requests[0].headers.authorization).toMatch(/Credential=AKIDEXAMPLE\//);
    await expectValidSignature(fake.requests[0]);
  });

  it('keeps credentials and the access token out of logs and responses', async () => {
    await start({}, { token: TOKEN });
    const responses = [
      await raw(app.port, { path: `/?token=${TOKEN}` }),
      await raw(app.port, { path: '/api/detector', headers: { authorization: `Bearer ${TOKEN}` } }),
      await raw(app.port, { path: `/api/detector?token=${TOKEN}` }),
      await raw(app.port, { path: '/healthz', headers: { authorization: `Bearer ${TOKEN}` } }),
    ];
    const everything = [
      ...app.logs,
      ...responses.map((r) => JSON.stringify(r.headers) + r.text),
    ].join('\n');
    for (const secret of [TOKEN, CREDENTIALS.secretAccessKey, CREDENTIALS.sessionToken, CREDENTIALS.accessKeyId]) {
      expect(everything).not.toContain(secret);
    }
    expect(app.logs).toHaveLength(4);
    expect(app.logs[0]).toMatch(/^\S+Z GET \/ 200 [\d.]+ms source=aws$/);
    expect(app.logs[2]).toMatch(/GET \/api\/detector 401 /);
  });
});
