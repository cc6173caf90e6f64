/**
 * AWS source: a SigV4-signing pass-through to GuardDuty. Requests are validated with the shared
 * contract first (invalid ones never leave the machine), then the original body bytes are
 * forwarded, and GuardDuty's answer comes back byte for byte, so fields AWS adds later still
 * reach the UI. Throttling and 5xx are retried here and only here.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, HttpRequest } from '@smithy/types';
import { ApiError, internalError, parseWireError } from '../../src/guardduty/errors';
import { validateRequest, type IncomingRequest, type OperationName } from '../../src/guardduty/operations';
import { guardDutyEndpoint } from '../../src/guardduty/regions';
import { errorToResponse } from '../wire';
import type { Source } from './source';
import { exchange, isJsonContentType, MAX_RESPONSE_BYTES, passedHeaders, UpstreamTooLarge, type UpstreamResponse } from './upstream';

export type CredentialsProvider = () => Promise<AwsCredentialIdentity>;

export interface AwsSourceOptions {
  region: string;
  /** A custom endpoint (AWS_ENDPOINT_URL_GUARDDUTY); its base path is kept. */
  endpoint?: string | null;
  /** Defaults to the standard Node chain (env, SSO, profiles, IMDS, …), resolved lazily and cached. */
  credentials?: CredentialsProvider;
  /** For the whole exchange, retries included. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** First backoff cap; doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Upstream answers larger than this are refused with a 502 (16 MiB). */
  maxResponseBytes?: number;
}

const DEFAULTS = { timeoutMs: 15_000, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000, maxResponseBytes: MAX_RESPONSE_BYTES };
const THROTTLING_TYPES = new Set(['ThrottlingException', 'TooManyRequestsException']);

class CredentialsUnavailable extends Error {}
class UpstreamUnreachable extends Error {}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0].slice(0, 300);

/** Tags failures of the provider so they are reported as credential problems, not network ones. */
const reportingFailures = (provider: CredentialsProvider): CredentialsProvider => async () => {
  try {
    return await provider();
  } catch (error) {
    throw new CredentialsUnavailable(firstLine(error));
  }
};

/** RFC 3986 encoding, as SigV4 canonicalizes: what is sent is exactly what was signed. */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** One value per parameter, the last: exactly what validation saw (Object.fromEntries keeps the last). */
function queryOf(params: URLSearchParams): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of params) query[key] = [value];
  return query;
}

const queryString = (query: Record<string, string[]>) =>
  Object.entries(query).flatMap(([key, values]) => values.map((v) => `${rfc3986(key)}=${rfc3986(v)}`)).join('&');

function isRetryable(upstream: UpstreamResponse): boolean {
  if (upstream.status === 429 || upstream.status >= 500) return true;
  if (upstream.status < 400) return false;
  const { __type } = parseWireError(upstream.status, upstream.body.toString('utf8'), upstream.headers['x-amzn-errortype'] as string | undefined);
  return THROTTLING_TYPES.has(__type);
}

const badGateway = (message: string) => errorToResponse(new ApiError('InternalException', message, 502));

/** A media type safe to quote in a message; anything odd is not echoed. */
const describeType = (value: string | undefined) => {
  const media = (value ?? '').split(';')[0].trim();
  return !media ? 'no content type' : /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(media) ? `content type ${media}` : 'an unexpected content type';
};

/**
 * GuardDuty's answer as it came, errors included; but only JSON reaches the browser: an HTML page
 * (a captive portal, a proxy's error page) is not GuardDuty speaking.
 */
function passThrough(upstream: UpstreamResponse): Response {
  if (!isJsonContentType(upstream.headers['content-type'])) {
    return badGateway(`The GuardDuty endpoint answered HTTP ${upstream.status} with ${describeType(upstream.headers['content-type'])}, not JSON: it is not passed on (a proxy or captive portal in the way?).`);
  }
  // The Buffer itself, not a copy (Buffer.concat allocates a plain ArrayBuffer): the adapter writes it out as it is.
  const body = upstream.body.byteLength > 0 ? (upstream.body as Uint8Array<ArrayBuffer>) : null;
  return new Response(body, { status: upstream.status, headers: passedHeaders(upstream.headers) });
}

export function createAwsSource(options: AwsSourceOptions): Source {
  const { region } = options;
  const { timeoutMs, maxAttempts, baseDelayMs, maxDelayMs, maxResponseBytes } = { ...DEFAULTS, ...options };
  // The region's own endpoint (its partition's DNS suffix), or the one custom endpoint, signed for this region.
  const endpoint = new URL(options.endpoint ?? guardDutyEndpoint(region));
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const signer = new SignatureV4({
    service: 'guardduty',
    region,
    sha256: Hash.bind(null, 'sha256'),
    credentials: reportingFailures(options.credentials ?? fromNodeProviderChain()),
  });

  /** The unsigned upstream request; ListDetectors keeps its (validated) query, POSTs carry the original bytes. */
  function toUpstream(incoming: IncomingRequest, body: Uint8Array, operation: OperationName): HttpRequest {
    const hasBody = incoming.method === 'POST';
    return {
      method: incoming.method,
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path: basePath + incoming.path,
      query: operation === 'ListDetectors' ? queryOf(incoming.query) : {},
      headers: {
        host: endpoint.host,
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json', 'content-length': String(body.byteLength) } : {}),
      },
      body: hasBody ? body : undefined,
    };
  }

  async function sendSigned(request: HttpRequest, signal: AbortSignal): Promise<UpstreamResponse> {
    const signed = await signer.sign(request);
    const search = queryString(signed.query as Record<string, string[]>);
    const url = new URL(`${endpoint.origin}${signed.path}${search ? `?${search}` : ''}`);
    try {
      const body = (signed.body as Uint8Array | undefined) ?? new Uint8Array(0);
      return await exchange({ method: signed.method, url, headers: signed.headers, body }, signal, maxResponseBytes);
    } catch (error) {
      if (error instanceof UpstreamTooLarge) throw error;
      throw new UpstreamUnreachable((error as NodeJS.ErrnoException).code ?? firstLine(error));
    }
  }

  /** Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
  const backoff = (attempt: number, signal: AbortSignal) =>
    sleep(Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), undefined, { signal });

  async function forwardWithRetries(request: HttpRequest, signal: AbortSignal): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= maxAttempts;
      let upstream: UpstreamResponse;
      try {
        upstream = await sendSigned(request, signal);
      } catch (error) {
        if (last || !(error instanceof UpstreamUnreachable) || signal.aborted) throw error;
        await backoff(attempt, signal);
        continue;
      }
      if (last || !isRetryable(upstream)) return passThrough(upstream);
      await backoff(attempt, signal);
    }
  }

  function failure(error: unknown, deadline: AbortSignal, client: AbortSignal): Response {
    // Nobody is listening any more; 499 only shows in the log.
    if (client.aborted) return new Response(null, { status: 499 });
    if (deadline.aborted) return errorToResponse(new ApiError('InternalException', `GuardDuty did not answer within ${timeoutMs / 1000} s.`, 504));
    if (error instanceof CredentialsUnavailable) return errorToResponse(internalError(`AWS credentials could not be loaded: ${error.message}`));
    if (error instanceof UpstreamUnreachable) return badGateway(`The GuardDuty endpoint ${endpoint.host} could not be reached (${error.message}).`);
    if (error instanceof UpstreamTooLarge) {
      return badGateway(`The GuardDuty endpoint's answer is larger than ${error.limit / 1024 / 1024} MiB: it is not passed on.`);
    }
    return errorToResponse(error);
  }

  return {
    name: 'aws',
    region,
    async handle({ incoming, bodyBytes }, clientSignal) {
      const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), clientSignal]);
      try {
        const { operation } = validateRequest(incoming);
        return await forwardWithRetries(toUpstream(incoming, bodyBytes, operation), deadline);
      } catch (error) {
        return failure(error, deadline, clientSignal);
      }
    },
  };
}
