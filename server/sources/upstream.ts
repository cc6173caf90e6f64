/**
 * One HTTP exchange with GuardDuty over node:http(s). Not fetch: fetch would decompress bodies
 * behind our back and forbids setting Host, and the proxy must pass bytes through exactly.
 */
import http from 'node:http';
import https from 'node:https';

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

/** GuardDuty's answers are at most a few MiB (50 findings per GetFindings); anything bigger is refused. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The answer was (or declared itself) larger than the cap; it was abandoned, not buffered. */
export class UpstreamTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/** Counts while streaming and stops at the cap: at most `limit` bytes are ever held. */
async function readWithin(incoming: http.IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(incoming.headers['content-length']) > limit) throw new UpstreamTooLarge(limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    // Throwing here ends the iteration, which destroys the response and its socket.
    if (total > limit) throw new UpstreamTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** Resolves with the whole response (status, headers, raw bytes); rejects on network errors, abort, or a body over `maxBytes`. */
export function exchange(request: UpstreamRequest, signal: AbortSignal, maxBytes = MAX_RESPONSE_BYTES): Promise<UpstreamResponse> {
  const client = request.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(request.url, { method: request.method, headers: request.headers, signal }, (incoming) => {
      readWithin(incoming, maxBytes).then(
        (body) => resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body }),
        (error: unknown) => {
          // Hang up rather than drain the rest of an oversized answer.
          outgoing.destroy();
          reject(error);
        },
      );
    });
    outgoing.on('error', reject);
    outgoing.end(request.body.byteLength > 0 ? request.body : undefined);
  });
}

/** application/json, GuardDuty's application/x-amz-json-1.x, or any …+json; parameters (charset) ignored. */
export function isJsonContentType(value: string | undefined): boolean {
  const media = (value ?? '').split(';')[0].trim().toLowerCase();
  return /^application\/(json|x-amz-json-1\.[01]|[a-z0-9!#$&^_.-]+\+json)$/.test(media);
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
