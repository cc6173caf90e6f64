/**
 * A stand-in for the emulator worker (server/sources/emulator-worker.ts) for server/pool.test.ts:
 * it speaks the same protocol, but each request holds the thread until the file named by the
 * request's `gate` exists, as a heavy query holds a real worker, for as long as the test wants.
 */
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const sleep = new Int32Array(new SharedArrayBuffer(4));
const encoder = new TextEncoder();

parentPort.on('message', (request) => {
  const { gate } = JSON.parse(request.body);
  // Blocks the thread (no event loop turns) until the test opens the gate.
  while (!existsSync(gate)) Atomics.wait(sleep, 0, 0, 5);
  const body = encoder.encode(JSON.stringify({ findingIds: [gate], nextToken: '' }));
  parentPort.postMessage({ id: request.id, status: 200, headers: { 'content-type': 'application/json' }, body }, [body.buffer]);
});

parentPort.postMessage({ ready: true });
