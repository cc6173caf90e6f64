/**
 * The demo source's emulator in a pool of worker threads (./emulator-worker.ts), so the main
 * thread only does HTTP: /healthz, static files and request parsing stay responsive while a heavy
 * query runs. Each worker answers one request at a time; the rest wait in one FIFO queue here.
 *
 * The queue is bounded two ways, so waiting never grows without limit: at most `maxQueued`
 * requests wait (beyond that a request is answered at once), and a request that has waited
 * `maxWaitMs` by the time a worker is free is answered without running (its client has likely
 * given up, and running it would only delay the requests behind it); time spent waiting for the
 * workers to start is not counted. Both answers are GuardDuty's
 * own ThrottlingException (429, `x-amzn-ErrorType: ThrottlingException`), which AWS clients and the
 * dashboard already treat as "retry later". A request whose client went away while it waited is
 * dropped when its turn comes, without running.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { errorResponse, type IncomingRequest } from '../../src/guardduty/operations';
import { internalError, throttling, type ApiError } from '../../src/guardduty/errors';
import type { WorkerAnswer, WorkerData, WorkerRequest } from './emulator-worker';

export interface EmulatorPoolOptions {
  /** The time the datasets are generated relative to (the same in every worker). */
  now: number;
  /** Worker threads (at least 1). */
  size: number;
  /** Regions whose datasets each worker builds before it takes requests (default: none, built on first use). */
  warmRegions?: readonly string[];
  /** Requests that may wait for a worker; more are refused at once. Default 512 (the server's connection cap). */
  maxQueued?: number;
  /** A request that waited this long is refused instead of run. Default 5 s. */
  maxWaitMs?: number;
  /** The worker's module (tests); default: emulator-worker.js beside the bundle, or .ts beside this file from source. */
  workerUrl?: URL;
}

/** A pooled answer: the body is UTF-8 bytes, ready for the socket. */
export interface PooledAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

export interface PoolStats {
  workers: number;
  /** Workers that have loaded and take requests. */
  ready: number;
  busy: number;
  queued: number;
  /** Requests refused with ThrottlingException since the pool started. */
  throttled: number;
}

export interface EmulatorPool {
  answer(region: string, incoming: IncomingRequest, signal?: AbortSignal): Promise<PooledAnswer>;
  stats(): PoolStats;
  close(): Promise<void>;
}

export const POOL_DEFAULTS = { maxQueued: 512, maxWaitMs: 5_000 };

interface Job {
  request: WorkerRequest;
  enqueued: number;
  resolve(answer: PooledAnswer): void;
  reject(reason: unknown): void;
  signal?: AbortSignal;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
}

const encoder = new TextEncoder();

function wireError(error: ApiError): PooledAnswer {
  const wire = errorResponse(error);
  return { status: wire.status, headers: wire.headers, body: encoder.encode(wire.body) };
}

const busy = () => wireError(throttling('Rate exceeded: the demo emulator is busy. Retry the request later.'));

/** Not a literal in `new URL(…)`: bundlers would try to resolve it as an asset. */
const BUILT_WORKER = './emulator-worker.js';
const SOURCE_WORKER = './emulator-worker.ts';

function defaultWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? SOURCE_WORKER : BUILT_WORKER, import.meta.url);
}

/** A worker running `url`; from source (tsx, vitest) the worker registers tsx first. */
function spawnWorker(url: URL, workerData: WorkerData): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  // tsx's own `--import tsx/esm` registers only on the main thread (Node 20): register through its
  // API (the ESM build; the CommonJS one resolves its own chunks wrongly when imported).
  const api = new URL('./api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm'))).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function createEmulatorPool(options: EmulatorPoolOptions): EmulatorPool {
  const size = Math.max(1, Math.floor(options.size));
  const maxQueued = options.maxQueued ?? POOL_DEFAULTS.maxQueued;
  const maxWaitMs = options.maxWaitMs ?? POOL_DEFAULTS.maxWaitMs;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const workerData: WorkerData = { now: options.now, warm: options.warmRegions ?? [] };

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let throttled = 0;
  /** When a worker first became ready: waiting for the workers to start (and warm) is not counted. */
  let servingSince: number | undefined;
  let closed = false;
  /** Set when a worker fails before it ever answered: the module cannot load, respawning would loop. */
  let broken: Error | null = null;

  function failAll(error: ApiError) {
    for (const job of queue.splice(0)) job.resolve(wireError(error));
  }

  function run(slot: Slot, job: Job) {
    slot.job = job;
    slot.worker.postMessage(job.request);
  }

  function dispatch() {
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      let job: Job | undefined;
      while ((job = queue.shift())) {
        // The client went away while it waited (checked here: no listener per request on a
        // signal that an all-regions query shares between dozens of calls).
        if (job.signal?.aborted) job.reject(job.signal.reason);
        else if (performance.now() - Math.max(job.enqueued, servingSince ?? Infinity) > maxWaitMs) {
          throttled++;
          job.resolve(busy());
        } else break;
      }
      if (!job) return;
      run(slot, job);
    }
  }

  function start(): Slot {
    const slot: Slot = { worker: spawnWorker(workerUrl, workerData), ready: false, job: null };
    slot.worker.unref();
    slot.worker.on('message', (message: WorkerAnswer | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        servingSince ??= performance.now();
      } else {
        const job = slot.job;
        slot.job = null;
        if (job && job.request.id === message.id) job.resolve({ status: message.status, headers: message.headers, body: message.body });
      }
      dispatch();
    });
    slot.worker.on('error', (error) => {
      if (!slot.ready) broken = error;
      process.stderr.write(`Findings Atlas: an emulator worker failed (${error.message}).\n`);
    });
    slot.worker.on('exit', () => {
      const job = slot.job;
      slot.job = null;
      if (job) job.resolve(wireError(internalError()));
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (closed) return;
      if (broken) {
        if (slots.length === 0) failAll(internalError());
        return;
      }
      slots.push(start()); // a crash costs that one request, not the pool
      dispatch();
    });
    return slot;
  }

  for (let i = 0; i < size; i++) slots.push(start());

  return {
    answer(region, incoming, signal) {
      if (closed || (broken && slots.length === 0)) return Promise.resolve(wireError(internalError()));
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (queue.length >= maxQueued) {
        throttled++;
        return Promise.resolve(busy());
      }
      return new Promise<PooledAnswer>((resolve, reject) => {
        const request: WorkerRequest = {
          id: nextId++,
          region,
          method: incoming.method,
          path: incoming.path,
          query: incoming.query.toString(),
          contentType: incoming.contentType ?? null,
          body: incoming.body,
        };
        const job: Job = { request, enqueued: performance.now(), resolve, reject, signal };
        // A free worker and nobody waiting: straight to it (it never waited, so is never refused).
        const free = queue.length === 0 ? slots.find((slot) => slot.ready && !slot.job) : undefined;
        if (free) run(free, job);
        else queue.push(job);
      });
    },

    stats: () => ({ workers: slots.length, ready: slots.filter((s) => s.ready).length, busy: slots.filter((s) => s.job).length, queued: queue.length, throttled }),

    async close() {
      closed = true;
      failAll(internalError());
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
