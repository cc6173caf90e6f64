/**
 * One HTTP exchange with GuardDuty over node:http(s). Not fetch: fetch would decompress bodies
 * behind our back and forbids setting Host, and the proxy must pass bytes through exactly.
 */
import http from 'node:http';
import https from 'node:https';
import { buffer } from 'node:stream/consumers';

export interface UpstreamRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Resolves with the whole response (status, headers, raw bytes); rejects on network errors or abort. */
export function exchange(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
  const client = request.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(request.url, { method: request.method, headers: request.headers, signal }, (incoming) => {
      buffer(incoming).then((body) => resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body }), reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body.byteLength > 0 ? request.body : undefined);
  });
}

/**
 * Response headers passed on to the browser. An allow-list rather than a deny-list: CORS,
 * hop-by-hop, cookie and caching headers from upstream never reach the browser, and our own
 * security headers are not overridden.
 */
const PASSED_HEADERS = ['content-type', 'content-encoding', 'x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-trace-id', 'retry-after'];

export function passedHeaders(upstream: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
