/**
 * Test harness: the app on a real ephemeral port, raw HTTP requests (custom Host headers,
 * un-normalised paths), a fixture dist/, and a local fake GuardDuty upstream.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import type { ServerConfig } from '../config';
import type { Source } from '../sources/source';

export interface Running {
  url: string;
  port: number;
  /** Every line the request logger wrote. */
  logs: string[];
  close(): Promise<void>;
}

export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

/** A built-SPA look-alike, plus a secret file beside it that traversal must never reach. */
export function makeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'fa-dist-'));
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-DIST');
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'assets', 'marker-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dist, 'assets', 'inter-abc123.woff2'), Buffer.from('wOF2'));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Findings Atlas"}');
  writeFileSync(join(dist, 'data.json'), '{}');
  writeFileSync(join(dist, '.env'), 'DOTFILE');
  return dist;
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    source: 'demo',
    port: 0,
    host: '127.0.0.1',
    token: null,
    allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
    tiles: null,
    region: null,
    endpoint: null,
    staticDir: join(tmpdir(), 'fa-no-dist-here'),
    ...overrides,
  };
}

export async function startApp(config: ServerConfig, source: Source): Promise<Running> {
  const logs: string[] = [];
  const app = createApp(config, source, { log: (line) => logs.push(line) });
  let server!: ReturnType<typeof serve>;
  const address = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

/** node:http keeps the path exactly as given (no dot-segment normalisation) and lets us set Host. */
export function raw(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...request.headers };
    if (request.body !== undefined && !request.chunked) headers['content-length'] ??= String(Buffer.byteLength(request.body));
    const req = http.request({ host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    // The server may answer (413) and close before the whole upload is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (request.body !== undefined && request.chunked) {
      const body = Buffer.from(request.body);
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(request.body);
    }
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeUpstream {
  endpoint: string;
  requests: RecordedRequest[];
  /** Decides each answer; default 200 `{}`. */
  respond: (req: RecordedRequest, res: http.ServerResponse, attempt: number) => void;
  close(): Promise<void>;
}

/** A stand-in for GuardDuty on 127.0.0.1 that records what reached it. */
export async function startFakeUpstream(basePath = ''): Promise<FakeUpstream> {
  const fake: FakeUpstream = {
    endpoint: '',
    requests: [],
    respond: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      fake.requests.push(recorded);
      fake.respond(recorded, res, fake.requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`;
  return fake;
}
