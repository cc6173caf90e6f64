/**
 * Test harness: the app on a real ephemeral port, raw HTTP requests (custom Host headers,
 * un-normalised paths) and a fixture dist/. The fake GuardDuty upstream the aws source's tests
 * talk to is test-support/fake-upstream.ts (shared with the benches).
 */
import http from 'node:http';
import net from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { listen, type ListenOptions } from '../listen';
import type { ServerConfig } from '../config';
import type { Regional } from '../sources/regional';
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
    regions: ['us-east-1'],
    staticDir: join(tmpdir(), 'fa-no-dist-here'),
    emulatorWorkers: 0,
    ...overrides,
  };
}

/** `options` shortens the server's timeouts or caps for a test; the log is always captured. */
export async function startApp(config: ServerConfig, source: Source, options: Omit<ListenOptions, 'log'> = {}, regional?: Regional): Promise<Running> {
  const logs: string[] = [];
  const app = createApp(config, source, regional);
  const { server, address } = await listen(app.fetch, { ...config, port: 0, host: '127.0.0.1' }, { ...options, log: (line) => logs.push(line) });
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
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

/** node:http keeps the path exactly as given (no dot-segment normalisation) and lets us set Host; one connection per request, so a refused upload cannot spill into the next. */
export function raw(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...request.headers };
    if (request.body !== undefined && !request.chunked) headers['content-length'] ??= String(Buffer.byteLength(request.body));
    let answered = false;
    const req = http.request({ agent: false, host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers }, (res) => {
      answered = true;
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
    // …but a connection that closes without any answer is a failure, not a hang.
    req.on('close', () => (answered ? undefined : reject(new Error(`${request.method ?? 'GET'} ${request.path}: connection closed without a response`))));
    if (request.body !== undefined && request.chunked) {
      const body = Buffer.from(request.body);
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(request.body);
    }
  });
}

/**
 * Bytes the node:http client refuses to send (NUL or control characters in the request line or
 * headers, bad Content-Length, no Host) written to a raw socket; the answer is read until the
 * server closes. The request should say `Connection: close`.
 */
export function rawBytes(port: number, bytes: string | Buffer, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // write, not end: a half-closed socket makes node:http abort the request before an async answer.
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    readAnswer(socket, timeoutMs).then(resolve, reject);
  });
}

/**
 * A slow client: writes `head`, then `piece` every `everyMs` (never finishing the request) until
 * the server closes the connection; resolves with what the server answered.
 */
export function dribble(port: number, head: string, piece: string, everyMs = 20, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(piece), everyMs);
    socket.on('close', () => clearInterval(timer));
    readAnswer(socket, timeoutMs).then(resolve, reject);
  });
}

/** Reads a socket until the server closes it, and parses the one HTTP answer in it. */
function readAnswer(socket: net.Socket, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('rawBytes: no answer in time')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.on('close', () => {
      const data = Buffer.concat(chunks);
      const end = data.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(data.toString('latin1'));
      if (end < 0 || !status) return reject(new Error(`rawBytes: no HTTP response (${JSON.stringify(data.toString('latin1').slice(0, 80))})`));
      const headers: http.IncomingHttpHeaders = {};
      for (const line of data.subarray(0, end).toString('latin1').split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body: Buffer = data.subarray(end + 4);
      if (/chunked/i.test(String(headers['transfer-encoding'] ?? ''))) body = dechunk(body);
      resolve({ status: Number(status[1]), headers, body, text: body.toString('utf8') });
    });
  });
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < data.length; ) {
    const lineEnd = data.indexOf('\r\n', at);
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** For tests about the HTTP surface around the source: answers every /api call with `{}`. */
export const stubSource: Source = {
  name: 'demo',
  region: null,
  handle: async () => new Response('{}', { headers: { 'content-type': 'application/json' } }),
};
