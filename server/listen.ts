/**
 * Puts the app on a node:http server. Like @hono/node-server's `serve`, plus:
 * - an error handler for requests the adapter cannot even turn into a Request (backslash paths,
 *   malformed or missing Host): a 400 that still carries the security headers, in GuardDuty's
 *   error format under /api;
 * - timeouts and a connection cap, so slow or piled-up clients cannot hold the server;
 * - the request log: one line per request, written as the response head goes out (so with the
 *   status the client gets), including what Node's HTTP parser refuses before any handler runs.
 */
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { invalidInput } from '../src/guardduty/errors';
import type { ServerConfig } from './config';
import { formatLine, stdoutLogger, type Logger } from './log';
import { isApiPath, securityHeaderValues } from './security';
import { rawPathOf } from './static';
import { apiErrorResponse, plainText, REQUEST_ID } from './wire';

type FetchHandler = (request: Request, env: never) => Response | Promise<Response>;

export interface ListenOptions {
  log?: Logger;
  /** The request head must be complete within this (slow-header attacks). */
  headersTimeoutMs?: number;
  /** The whole request, body included, must arrive within this (dribbled bodies). */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs?: number;
  /** Connections beyond this are dropped on arrival. */
  maxConnections?: number;
  /** How often Node checks the two request timeouts; its default (30 s) would let them run up to 30 s late. */
  timeoutCheckIntervalMs?: number;
}

export const LISTEN_DEFAULTS = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
  timeoutCheckIntervalMs: 1_000,
};

/** What Node's own default clientError handler answers; everything else it refuses is a 400. */
const CLIENT_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** The request a connection is answering, and its log line (written once). */
interface Tracked {
  response: ServerResponse;
  done(status: number, note?: string): void;
}

export function listen(fetch: FetchHandler, config: ServerConfig, options: ListenOptions = {}): Promise<{ server: Server; address: AddressInfo }> {
  const settings = { ...LISTEN_DEFAULTS, ...options };
  const log = options.log ?? stdoutLogger;
  const headers = securityHeaderValues(config);

  /** `target` is the raw request target: the adapter failed before there was a URL. */
  const malformed = (target: string) => {
    // Backslashes as URL parsers read them: `/api\detector` is an /api request too.
    const api = isApiPath(rawPathOf(target).replace(/\\/g, '/'));
    const response = api
      ? apiErrorResponse(invalidInput('The request is rejected: the request target or Host header is malformed.'))
      : plainText(400, 'Findings Atlas: malformed request.');
    const extra = api ? { 'cache-control': 'no-store', [REQUEST_ID]: randomUUID() } : {};
    for (const [name, value] of Object.entries({ ...headers, ...extra })) response.headers.set(name, value);
    return response;
  };

  /** A bodiless answer written straight to a socket that never became a request; then the connection closes. */
  const rawAnswer = (socket: Duplex, status: number) => {
    const lines = Object.entries({ ...headers, 'cache-control': 'no-store', [REQUEST_ID]: randomUUID(), 'content-length': '0', connection: 'close' });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`, () => socket.destroy());
  };

  const inFlight = new WeakMap<Duplex, Tracked>();
  /** When a connection opened or last finished a response: the start of whatever it sends next. */
  const idleSince = new WeakMap<Duplex, number>();

  function track(incoming: IncomingMessage, response: ServerResponse) {
    const socket = incoming.socket;
    const entry = { method: incoming.method ?? null, target: incoming.url ?? null, started: performance.now(), source: config.source };
    let logged = false;
    const tracked: Tracked = {
      response,
      done(status, note) {
        if (logged) return;
        logged = true;
        log(formatLine({ ...entry, status, note }));
      },
    };
    inFlight.set(socket, tracked);
    // Logged as the head is written: before the client can see a byte, with the status it gets.
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((status: number, ...rest: unknown[]) => {
      tracked.done(status);
      return writeHead(status, ...rest);
    }) as ServerResponse['writeHead'];
    response.on('close', () => {
      // Closed before any answer: the client went away (499, as nginx logs it).
      tracked.done(499);
      if (inFlight.get(socket) === tracked) inFlight.delete(socket);
      idleSince.set(socket, performance.now());
    });
  }

  // One listener per request, so the error handler knows which target it is answering.
  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      connectionsCheckingInterval: settings.timeoutCheckIntervalMs,
      // The adapter refuses a missing Host itself (400), through the logged path; Node's own check would not be logged.
      requireHostHeader: false,
    },
    (incoming, outgoing) => {
      track(incoming, outgoing);
      void getRequestListener(fetch as Parameters<typeof getRequestListener>[0], {
        errorHandler: () => malformed(incoming.url ?? '/'),
      })(incoming, outgoing);
    },
  );
  server.maxConnections = settings.maxConnections;

  server.on('connection', (socket: Socket) => idleSince.set(socket, performance.now()));

  // Requests Node's parser refuses (garbage, oversized or timed-out heads, dribbled bodies): Node's
  // own answers, but logged, with the security headers.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const tracked = inFlight.get(socket);
    // The client is gone, or an answer is already under way: nothing more can be said; a request
    // in flight is logged when its response closes.
    if (!socket.writable || error.code === 'ECONNRESET' || tracked?.response.headersSent) {
      socket.destroy();
      return;
    }
    const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
    const note = `error=${error.code ?? 'unknown'}`;
    if (tracked) tracked.done(status, note);
    else log(formatLine({ method: null, target: null, status, started: idleSince.get(socket) ?? performance.now(), source: config.source, note }));
    rawAnswer(socket, status);
  });

  // Node would answer these itself, unlogged: CONNECT by closing the connection, an unknown Expect with 417.
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    log(formatLine({ method: incoming.method ?? null, target: incoming.url ?? null, status: 405, started: performance.now(), source: config.source }));
    rawAnswer(socket, 405);
  });
  server.on('checkExpectation', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    track(incoming, outgoing);
    outgoing.writeHead(417, { ...headers, connection: 'close' }).end();
  });

  server.on('drop', () => log(formatLine({ method: null, target: null, status: null, started: performance.now(), source: config.source, note: `dropped=maxConnections(${settings.maxConnections})` })));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve({ server, address: server.address() as AddressInfo });
    });
  });
}
