/**
 * The node:http layer over real sockets: timeouts, the connection cap, and one log line for every
 * request, those Node's parser or the adapter refuse before the app runs included.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { LISTEN_DEFAULTS, listen } from './listen';
import { formatLine, logPath } from './log';
import { createDemoSource } from './sources/demo';
import { dribble, raw, rawBytes, startApp, stubSource, testConfig, type Running } from './test/harness';

const DETECTOR = 'c6b0be64463ff852400d8ae5b2353866';
const LINE = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z (\S+) (\S+) (\S+) \d+\.\dms source=demo( \S+)?$/;

/** The lines a piece of work added to the log. */
async function newLines(app: Running, work: () => Promise<unknown>): Promise<string[]> {
  const before = app.logs.length;
  await work();
  return app.logs.slice(before);
}

describe('requests refused before the app runs are answered and logged once', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp(testConfig(), stubSource);
  });
  afterAll(() => app.close());

  it('garbage on a raw socket: 400 from the parser, with the security headers, and one line', async () => {
    let res!: Awaited<ReturnType<typeof rawBytes>>;
    const lines = await newLines(app, async () => (res = await rawBytes(app.port, 'HELLO THERE\r\n\r\n')));
    expect(res.status).toBe(400);
    expect(res.headers.connection).toBe('close');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.body.length).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(LINE);
    expect(lines[0]).toMatch(/ - - 400 [\d.]+ms source=demo error=HPE_INVALID_METHOD$/);
  });

  it('a head over Node’s size limit: 431, one line', async () => {
    let status = 0;
    const lines = await newLines(app, async () => {
      status = (await rawBytes(app.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`)).status;
    });
    expect(status).toBe(431);
    expect(lines).toEqual([expect.stringMatching(/ - - 431 [\d.]+ms source=demo error=HPE_HEADER_OVERFLOW$/)]);
  });

  it('no Host header: 400 InvalidInputException from the adapter under /api, with a request id, one line', async () => {
    let res!: Awaited<ReturnType<typeof rawBytes>>;
    const lines = await newLines(app, async () => (res = await rawBytes(app.port, 'GET /api/detector?token=secret HTTP/1.1\r\nConnection: close\r\n\r\n')));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('BadRequestException');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.text).__type).toBe('InvalidInputException');
    expect(lines).toEqual([expect.stringMatching(/ GET \/api\/detector 400 [\d.]+ms source=demo$/)]);
  });

  it('a backslash target the adapter cannot parse: 400, one line with the raw path', async () => {
    let status = 0;
    const lines = await newLines(app, async () => (status = (await rawBytes(app.port, `GET /..\\..\\etc HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)).status));
    expect(status).toBe(400);
    expect(lines).toEqual([expect.stringMatching(/ GET \/\.\.\\\.\.\\etc 400 /)]);
  });

  it('CONNECT and an unknown Expect (which Node would answer unlogged): 405 and 417, one line each', async () => {
    let statuses: number[] = [];
    const lines = await newLines(app, async () => {
      statuses = [
        (await rawBytes(app.port, 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n')).status,
        (await rawBytes(app.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: teapot\r\nConnection: close\r\n\r\n')).status,
      ];
    });
    expect(statuses).toEqual([405, 417]);
    expect(lines).toEqual([
      expect.stringMatching(/ CONNECT evil\.example:443 405 [\d.]+ms source=demo$/),
      expect.stringMatching(/ GET \/ 417 [\d.]+ms source=demo$/),
    ]);
  });
});

describe('timeouts (shortened for the test)', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp(testConfig(), createDemoSource(), { headersTimeoutMs: 150, requestTimeoutMs: 300, timeoutCheckIntervalMs: 20 });
  });
  afterAll(() => app.close());

  it('a head dribbled past headersTimeout: 408, connection closed, one line', async () => {
    let res!: Awaited<ReturnType<typeof dribble>>;
    const lines = await newLines(app, async () => (res = await dribble(app.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: a\r\n')));
    expect(res.status).toBe(408);
    expect(res.headers.connection).toBe('close');
    expect(lines).toEqual([expect.stringMatching(/ - - 408 [\d.]+ms source=demo error=ERR_HTTP_REQUEST_TIMEOUT$/)]);
  });

  it('a body dribbled past requestTimeout: 408, one line naming the request, and no second line from the app', async () => {
    const path = `/api/detector/${DETECTOR}/findings`;
    const head = `POST ${path}?token=secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`;
    const res = await dribble(app.port, head, ' ');
    expect(res.status).toBe(408);
    // Any line the app would add for the abandoned request comes before the next request's.
    expect((await raw(app.port, { path: '/healthz' })).status).toBe(200);
    const lines = app.logs.slice(-2);
    expect(lines[0]).toMatch(new RegExp(` POST ${path} 408 [\\d.]+ms source=demo error=ERR_HTTP_REQUEST_TIMEOUT$`));
    expect(lines[1]).toMatch(/ GET \/healthz 200 /);
    expect(app.logs.filter((line) => line.includes(path))).toHaveLength(1);
  });

  it('a request that completes in time is answered normally', async () => {
    const res = await raw(app.port, { method: 'POST', path: `/api/detector/${DETECTOR}/findings`, body: '{"maxResults":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  });
});

describe('connection cap', () => {
  let app: Running;
  const sockets: net.Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await app.close();
  });

  it('drops connections beyond maxConnections and logs each drop', async () => {
    app = await startApp(testConfig(), stubSource, { maxConnections: 1 });
    // The first connection stays open (keep-alive) after its answer.
    const first = net.connect(app.port, '127.0.0.1');
    sockets.push(first);
    first.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => first.once('data', resolve));

    const second = net.connect(app.port, '127.0.0.1');
    sockets.push(second);
    const received: Buffer[] = [];
    second.on('data', (chunk: Buffer) => received.push(chunk));
    second.on('error', () => undefined); // a reset is one way of being dropped
    await new Promise((resolve) => second.once('close', resolve));
    expect(Buffer.concat(received).length).toBe(0);
    expect(app.logs.at(-1)).toMatch(/ - - - [\d.]+ms source=demo dropped=maxConnections\(1\)$/);
  });
});

describe('defaults', () => {
  it('15 s for the head, 30 s for the whole request, 5 s keep-alive, 512 connections, checked every second', async () => {
    expect(LISTEN_DEFAULTS).toEqual({ headersTimeoutMs: 15_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 512, timeoutCheckIntervalMs: 1_000 });
    const { server } = await listen(createApp(testConfig(), stubSource).fetch, testConfig({ port: 0 }), { log: () => undefined });
    try {
      expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout, server.maxConnections]).toEqual([15_000, 30_000, 5_000, 512]);
    } finally {
      server.close();
    }
  });
});

describe('log lines', () => {
  it('never carry the query, and percent-encode anything that could break a line or a field', () => {
    expect(logPath('/findings?token=abc')).toBe('/findings');
    expect(logPath('/a b\nc\u2028d\u00e9#frag')).toBe('/a%20b%0Ac%E2%80%A8d%C3%A9');
    expect(logPath('http://evil.example/api/x?token=abc')).toBe('/api/x');
    expect(logPath('')).toBe('-');
  });

  it('write unknown or odd methods and notes as placeholders', () => {
    const line = formatLine({ method: 'GET\nX', target: '/', status: 200, started: performance.now(), source: 'demo', note: 'x y' });
    expect(line).toMatch(/^\S+Z - \/ 200 [\d.]+ms source=demo$/);
  });
});
