/**
 * The one fake GuardDuty, for the server's tests and the benches: an HTTP server on 127.0.0.1
 * (random port) that answers GuardDuty's REST calls from the emulator through the contract's own
 * `answer()` (src/guardduty/operations.ts), so validation, routing and errors are GuardDuty's as
 * the rest of the project knows them. Each request is recorded (method, url, headers, body bytes,
 * the region of its SigV4 scope) before anything is answered.
 *
 * - Regions: the region is read from each request's SigV4 scope, as one custom endpoint serves
 *   every region (AWS_ENDPOINT_URL_GUARDDUTY); `backendFor` says who answers it (default: the
 *   demo's world: detectors in four regions, ap-east-1 not enabled, none elsewhere). A region
 *   without a backend answers UnrecognizedClientException, as a region not enabled does.
 * - Unsigned requests get GuardDuty's 403 MissingAuthenticationTokenException, unless
 *   `anonymousRegion` answers them (a bench's direct baseline).
 * - `latencyMs` delays every answer (read per request, so it can change between requests).
 * - Faults: replace `respond` with one of the responders below (a fixed answer, throttling, 5xx,
 *   a gateway's HTML page, an answer of any type or size, silence), or `sequence` them. For
 *   documented GuardDuty errors from inside the emulator, wrap a backend with `withFaults`
 *   (mocks/emulator/world.ts).
 *
 * Node only (node:http): not part of the pure contract or the SPA.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { createDemoWorld } from '../mocks/emulator';
import { unrecognizedClient } from '../src/guardduty/errors';
import { answer, errorResponse, type GuardDutyBackend } from '../src/guardduty/operations';

export interface RecordedRequest {
  method: string;
  /** As received: the endpoint's base path, path and query. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The region of the SigV4 scope (`Credential=AKID/20261201/eu-west-1/guardduty/aws4_request`); null when unsigned. */
  region: string | null;
}

/** Writes the answer to one request; `attempt` counts every request the fake has received, this one included. */
type Responder = (req: RecordedRequest, res: http.ServerResponse, attempt: number) => void;

interface FakeUpstreamOptions {
  /** The endpoint's base path (`http://127.0.0.1:port/base/path`); requests outside it answer 404. */
  basePath?: string;
  /** Who answers a region; undefined: the region is not enabled. Default: the demo's world. */
  backendFor?: (region: string) => GuardDutyBackend | undefined;
  /** Answer unsigned requests as this region instead of refusing them (a bench timing the fake directly). */
  anonymousRegion?: string;
  /** Delay before every answer, in ms. */
  latencyMs?: number;
}

export interface FakeUpstream {
  /** What to set as the aws source's endpoint (AWS_ENDPOINT_URL_GUARDDUTY): origin and base path. */
  endpoint: string;
  port: number;
  /** Every request received, in order of arrival. */
  requests: RecordedRequest[];
  /** Delay before every answer, in ms; read per request. */
  latencyMs: number;
  /** Decides each answer; starts as `guardDuty`. */
  respond: Responder;
  /** GuardDuty itself: the emulator answering per region. Restores the default after a fault. */
  readonly guardDuty: Responder;
  close(): Promise<void>;
}

const SCOPE = /^AWS4-HMAC-SHA256 Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/guardduty\/aws4_request\b/;

/** The region a request was signed for, or null when it carries no GuardDuty SigV4 authorization. */
const scopeOf = (headers: http.IncomingHttpHeaders): string | null => SCOPE.exec(String(headers.authorization ?? ''))?.[1] ?? null;

const JSON_TYPE = { 'content-type': 'application/json' };

/** A fixed answer: `status`, `body` as given, and `headers` (default: JSON). */
export const reply =
  (status: number, body: string | Buffer, headers: http.OutgoingHttpHeaders = JSON_TYPE): Responder =>
  (_req, res) => {
    res.writeHead(status, headers).end(body);
  };

/** An error as GuardDuty writes it: JSON `{"__type","message"}` and the type in `x-amzn-ErrorType`. */
const awsError = (status: number, type: string, message: string, headers: http.OutgoingHttpHeaders = {}): Responder =>
  reply(status, JSON.stringify({ __type: type, message }), { ...JSON_TYPE, 'x-amzn-ErrorType': type, ...headers });

/** GuardDuty throttling the account. */
export const throttled = (): Responder => awsError(429, 'TooManyRequestsException', 'Rate exceeded');

/** GuardDuty failing inside. */
export const serverError = (message = 'Internal server error.'): Responder => awsError(500, 'InternalServerErrorException', message);

/** A load balancer's or proxy's HTML error page (not GuardDuty speaking). */
export const gatewayPage = (status = 503): Responder => reply(status, '<html>Service Unavailable</html>', { 'content-type': 'text/html' });

/** A 200 of another media type (a captive portal, an XML error); no content type when `type` is undefined. */
export const notJson = (type: string | undefined, body: string): Responder => reply(200, body, type ? { 'content-type': type } : {});

/** A JSON 200 of exactly `bytes` bytes, declaring `declaredLength` (default: its true length). */
export const sizedAnswer = (bytes: number, declaredLength = bytes): Responder =>
  reply(200, `{"a":"${'x'.repeat(bytes - 8)}"}`, { ...JSON_TYPE, 'content-length': String(declaredLength) });

/** Never answers (a hung endpoint, for timeouts). */
export const silent = (): Responder => () => undefined;

/** From now on, the n-th request gets the n-th responder; the last one answers every request after. */
export function sequence(...responders: Responder[]): Responder {
  let answered = 0;
  return (req, res, attempt) => responders[Math.min(answered++, responders.length - 1)](req, res, attempt);
}

function answerAsGuardDuty(req: RecordedRequest, res: http.ServerResponse, basePath: string, backendFor: (region: string) => GuardDutyBackend | undefined, anonymousRegion?: string) {
  const region = req.region ?? anonymousRegion;
  const url = new URL(req.url, 'http://fake');
  const headers = { 'x-amzn-RequestId': randomUUID() };
  if (!region) {
    // GuardDuty's answer to a request without SigV4.
    awsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token', headers)(req, res, 0);
    return;
  }
  if (basePath && !url.pathname.startsWith(`${basePath}/`)) {
    awsError(404, 'UnknownOperationException', `Not under the endpoint's base path ${basePath}.`, headers)(req, res, 0);
    return;
  }
  const backend = backendFor(region);
  const wire = backend
    ? answer(backend, {
        method: req.method,
        path: url.pathname.slice(basePath.length),
        query: url.searchParams,
        contentType: String(req.headers['content-type'] ?? ''),
        body: req.body.toString('utf8'),
      })
    : errorResponse(unrecognizedClient());
  const body = Buffer.from(wire.body);
  res.writeHead(wire.status, { ...wire.headers, ...headers, 'content-length': body.length }).end(body);
}

/** Starts a fake GuardDuty on 127.0.0.1 (a free port); `close()` ends it and every connection. */
export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const world = options.backendFor ? undefined : createDemoWorld();
  const backendFor = options.backendFor ?? ((region: string) => world!.backendFor(region));
  const guardDuty: Responder = (req, res) => answerAsGuardDuty(req, res, basePath, backendFor, options.anonymousRegion);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), region: scopeOf(req.headers) };
      fake.requests.push(recorded);
      const attempt = fake.requests.length;
      const respond = fake.respond;
      if (fake.latencyMs <= 0) respond(recorded, res, attempt);
      else setTimeout(() => res.destroyed || respond(recorded, res, attempt), fake.latencyMs);
    });
  });
  // Benches keep connections open across many requests.
  server.keepAliveTimeout = 60_000;
  const fake: FakeUpstream = {
    endpoint: '',
    port: 0,
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    respond: guardDuty,
    guardDuty,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.endpoint = `http://127.0.0.1:${fake.port}${basePath}`;
  return fake;
}

/**
 * Re-signs what the fake received, for `region` with the same date and keys: null when the
 * authorization equals that signature (the request was signed exactly as sent, for that region),
 * otherwise what differs.
 */
export async function signatureProblem(req: RecordedRequest, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region: string): Promise<string | null> {
  const authorization = String(req.headers.authorization ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1].split(';');
  const amzDate = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(req.headers['x-amz-date'] ?? ''));
  if (!signedHeaders || !amzDate) return `not SigV4-signed: authorization ${JSON.stringify(authorization)}, x-amz-date ${JSON.stringify(req.headers['x-amz-date'])}`;
  const url = new URL(req.url, 'http://fake');
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
  const signer = new SignatureV4({ service: 'guardduty', region, sha256: Hash.bind(null, 'sha256'), credentials });
  const resigned = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: url.pathname,
      query,
      headers: Object.fromEntries(signedHeaders.map((name) => [name, String(req.headers[name])])),
      body: req.body.length > 0 ? new Uint8Array(req.body) : undefined,
    },
    { signingDate: new Date(`${amzDate[1]}-${amzDate[2]}-${amzDate[3]}T${amzDate[4]}:${amzDate[5]}:${amzDate[6]}Z`) },
  );
  const expected = String(resigned.headers.authorization);
  return authorization === expected ? null : `signature differs: got ${authorization}, expected ${expected}`;
}
