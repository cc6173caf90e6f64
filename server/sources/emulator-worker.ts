/**
 * A worker thread of the demo source's emulator pool (./emulator-pool.ts): the demo world (one
 * emulator per region) lives here, so filtering, sorting, statistics and serialisation never run
 * on the server's main thread. Every worker builds the same deterministic datasets from the same
 * `now`, so any worker can answer any request (a nextToken from one is valid in another).
 *
 * Protocol: the pool posts a WorkerRequest; the worker answers with a WorkerAnswer whose body is
 * UTF-8 bytes in their own ArrayBuffer, transferred rather than copied, and ready for the socket.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answer, type IncomingRequest } from '../../src/guardduty/operations';
import { createDemoWorld, detectorIdsIn } from '../../mocks/emulator';

export interface WorkerRequest {
  id: number;
  region: string;
  method: string;
  path: string;
  /** The query string (URLSearchParams does not cross threads). */
  query: string;
  contentType: string | null;
  body: string | undefined;
}

export interface WorkerAnswer {
  id: number;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

export interface WorkerData {
  now: number;
  /** Regions whose detectors' datasets are built before the worker takes requests. */
  warm: readonly string[];
}

const { now, warm } = workerData as WorkerData;
const world = createDemoWorld({ now });
const encoder = new TextEncoder();

// Build the datasets first (the 10,000-finding detector takes about half a second, many times that
// on a busy machine): requests then never queue behind a dataset being built mid-service, and the
// pool counts waiting only from when a worker is ready.
for (const region of warm) {
  for (const detectorId of detectorIdsIn(region)) world.backendFor(region).listFindings(detectorId, { maxResults: 1 });
}

parentPort!.on('message', (request: WorkerRequest) => {
  const incoming: IncomingRequest = {
    method: request.method,
    path: request.path,
    query: new URLSearchParams(request.query),
    contentType: request.contentType,
    body: request.body,
  };
  // answer() turns every failure into GuardDuty's error shape, so this never throws.
  const wire = answer(world.backendFor(request.region), incoming);
  // TextEncoder gives the bytes an ArrayBuffer of their own (Buffer.from may share a pool slab).
  const body = encoder.encode(wire.body);
  const reply: WorkerAnswer = { id: request.id, status: wire.status, headers: wire.headers, body };
  parentPort!.postMessage(reply, [body.buffer]);
});

parentPort!.postMessage({ ready: true });
