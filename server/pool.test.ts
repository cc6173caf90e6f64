/**
 * The demo source's emulator pool over real HTTP: the main thread answers /healthz and static
 * files while the emulator is busy, the queue is bounded with GuardDuty's ThrottlingException,
 * and any worker answers any page of a query (the same datasets in every worker).
 *
 * Nothing here depends on how fast the machine is: a stand-in worker holds its thread until the
 * test lets it go, and the tests assert what has completed, never how long anything took.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID, REFERENCE_NOW, SCALE_DETECTOR_ID, createEmulator } from '../mocks/emulator';
import { heaviestAllowedCriterion, walkPages } from '../mocks/emulator/test-support';
import { autoEmulatorWorkers, createDemoRegional } from './sources/regional';
import type { EmulatorPool } from './sources/emulator-pool';
import { INDEX_HTML, makeDist, raw, startApp, testConfig, type RawResponse, type Running } from './test/harness';

const BLOCKING_WORKER = new URL('./test/blocking-worker.mjs', import.meta.url);
const JSON_POST = { 'content-type': 'application/json' };

let running: Running | undefined;
let pool: EmulatorPool | undefined;
afterEach(async () => {
  await running?.close();
  await pool?.close();
  running = pool = undefined;
});

async function start(options: NonNullable<Parameters<typeof createDemoRegional>[0]>, workerUrl?: URL) {
  const demo = createDemoRegional({ now: REFERENCE_NOW, regions: ['us-east-1'], ...options, pool: { ...options.pool, workerUrl } });
  pool = demo.pool;
  running = await startApp(testConfig({ staticDir: makeDist() }), demo.source, {}, demo.regional);
  return running;
}

/** A request the stand-in worker holds until `open(gate)`. */
const held = (port: number, gate: string) =>
  raw(port, { method: 'POST', path: `/api/detector/${DEMO_DETECTOR_ID}/findings`, headers: JSON_POST, body: JSON.stringify({ gate }) });

/** Resolves once the pool is in the state `ready` describes (the worker and queue fill asynchronously). */
async function until(ready: () => boolean) {
  while (!ready()) await new Promise((r) => setTimeout(r, 5));
}

describe('emulator pool: the main thread stays free', () => {
  it('answers /healthz and static files while every worker is held by a request, and the held request completes afterwards', async () => {
    const { port } = await start({ workers: 1 }, BLOCKING_WORKER);
    const gates = mkdtempSync(join(tmpdir(), 'fa-gate-'));
    const gate = join(gates, 'open');
    let heavyDone = false;
    const heavy = held(port, gate).then((res) => {
      heavyDone = true;
      return res;
    });
    await until(() => pool!.stats().busy === 1);

    const health = await raw(port, { path: '/healthz' });
    const page = await raw(port, { path: '/', headers: { accept: 'text/html' } });
    expect(health.status).toBe(200);
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);
    expect(heavyDone).toBe(false); // answered while the worker was still busy

    writeFileSync(gate, '');
    const res = await heavy;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ findingIds: [gate], nextToken: '' });
  });

});

/** The most work a request may ask for, on the 10,000-finding detector; salted, so no answer is cached. */
const heavyRequest = (salt: string) => ({
  method: 'POST',
  path: `/api/detector/${SCALE_DETECTOR_ID}/findings`,
  headers: JSON_POST,
  body: JSON.stringify({ findingCriteria: { criterion: heaviestAllowedCriterion(salt) }, maxResults: 50 }),
});

describe('emulator pool: the main thread stays free while the real emulator works', () => {
  let app: Running;
  let busyPool: EmulatorPool;
  beforeAll(async () => {
    // One worker, warmed with us-east-1's datasets (the 10,000-finding detector among them): the heavy requests are all filtering.
    const demo = createDemoRegional({ now: REFERENCE_NOW, regions: ['us-east-1'], workers: 1 });
    busyPool = demo.pool!;
    app = await startApp(testConfig({ staticDir: makeDist() }), demo.source, {}, demo.regional);
    await until(() => busyPool.stats().ready === 1);
    // One heavy request first, so the worker's filtering code is compiled before the test times it against /healthz.
    expect((await raw(app.port, heavyRequest('warm'))).status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await busyPool.close();
  });

  it('answers /healthz while the worker runs the heaviest allowed requests', async () => {
    const finished: string[] = [];
    const heavy = Array.from({ length: 2 }, (_, i) =>
      raw(app.port, heavyRequest(`pool-${i}`)).then((res) => {
        finished.push(`heavy ${res.status}`);
        return res;
      }),
    );
    // One heavy request running, the other waiting for it: /healthz must not wait for either.
    await until(() => busyPool.stats().busy === 1 && busyPool.stats().queued === 1);
    const health = await raw(app.port, { path: '/healthz' });
    finished.push(`healthz ${health.status}`);
    await Promise.all(heavy);
    // /healthz did not wait for the queued one (the worker runs them one after another).
    expect(finished.indexOf('healthz 200')).toBeGreaterThanOrEqual(0);
    expect(finished.indexOf('healthz 200')).toBeLessThan(finished.length - 1);
    expect(finished.filter((f) => f === 'heavy 200')).toHaveLength(2);
  });
});

describe('emulator pool: a bounded queue', () => {
  const isThrottling = (res: RawResponse) => {
    expect(res.status).toBe(429);
    expect(res.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(JSON.parse(res.text)).toMatchObject({ __type: 'ThrottlingException', message: expect.stringContaining('Rate exceeded') });
  };

  it('refuses at once, with ThrottlingException, what does not fit in the queue', async () => {
    const { port } = await start({ workers: 1, pool: { maxQueued: 1 } }, BLOCKING_WORKER);
    const gate = join(mkdtempSync(join(tmpdir(), 'fa-gate-')), 'open');
    const running = held(port, gate);
    await until(() => pool!.stats().busy === 1);
    const queued = held(port, gate);
    await until(() => pool!.stats().queued === 1);
    isThrottling(await held(port, gate)); // answered while the other two are still held
    expect(pool!.stats().throttled).toBe(1);
    writeFileSync(gate, '');
    expect((await running).status).toBe(200);
    expect((await queued).status).toBe(200);
  });

  it('refuses, without running it, a request that waited longer than maxWaitMs', async () => {
    const { port } = await start({ workers: 1, pool: { maxWaitMs: 0 } }, BLOCKING_WORKER);
    const gate = join(mkdtempSync(join(tmpdir(), 'fa-gate-')), 'open');
    await until(() => pool!.stats().ready === 1); // else the first request would wait for the worker to load
    const first = held(port, gate);
    await until(() => pool!.stats().busy === 1);
    const waiting = held(port, gate);
    await until(() => pool!.stats().queued === 1);
    writeFileSync(gate, '');
    expect((await first).status).toBe(200);
    isThrottling(await waiting);
  });
});

describe('emulator pool: the same answers as the emulator in process', () => {
  const regions = ['us-east-1', 'us-west-2', 'ap-east-1', 'sa-east-1'];
  let pooled: Running;
  let inProcess: Running;
  let twoWorkers: EmulatorPool;
  beforeAll(async () => {
    // Two workers, each building the same datasets from the same `now` before it is ready.
    const demo = createDemoRegional({ now: REFERENCE_NOW, regions, workers: 2 });
    twoWorkers = demo.pool!;
    pooled = await startApp(testConfig(), demo.source, {}, demo.regional);
    const local = createDemoRegional({ now: REFERENCE_NOW, regions, workers: 0 });
    inProcess = await startApp(testConfig(), local.source, {}, local.regional);
    await until(() => twoWorkers.stats().ready === 2);
  });
  afterAll(async () => {
    await pooled.close();
    await inProcess.close();
    await twoWorkers.close();
  });

  it('pages one query across two workers with the same ids and tokens as an in-process emulator', async () => {
    const request = { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' as const }, maxResults: 50 };
    const expected = walkPages(createEmulator({ now: REFERENCE_NOW }), DEMO_DETECTOR_ID, request).ids;
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      // Two at a time, so both workers answer pages of the same query.
      const [res] = await Promise.all([
        raw(pooled.port, { method: 'POST', path: `/api/detector/${DEMO_DETECTOR_ID}/findings`, headers: JSON_POST, body: JSON.stringify({ ...request, nextToken }) }),
        raw(pooled.port, { path: '/api/detector' }),
      ]);
      expect(res.status).toBe(200);
      const page = JSON.parse(res.text) as { findingIds: string[]; nextToken: string };
      ids.push(...page.findingIds);
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    expect(ids).toEqual(expected);
  });

  it('answers /api/regions, a region of its own and all-regions queries as the in-process demo does', async () => {
    const calls: { path: string; body?: unknown }[] = [
      { path: '/api/regions' },
      { path: '/api/regions/us-west-2/detector' },
      { path: '/api/regions/ap-east-1/detector' },
      { path: '/api/all-regions/findings', body: { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 20 } },
      { path: '/api/all-regions/statistics', body: { findingStatisticTypes: ['COUNT_BY_SEVERITY'] } },
    ];
    for (const { path, body } of calls) {
      const request = body === undefined ? { path } : { method: 'POST', path, headers: JSON_POST, body: JSON.stringify(body) };
      const [fromPool, local] = [await raw(pooled.port, request), await raw(inProcess.port, request)];
      expect(fromPool.status, path).toBe(local.status);
      // Everything but the measured per-region latency.
      const parse = (text: string) => JSON.parse(text, (key, value: unknown) => (key === 'latencyMs' ? undefined : value)) as unknown;
      expect(parse(fromPool.text), path).toEqual(parse(local.text));
    }
  });

  it('auto: one worker per core beyond the first, 1 to 4', () => {
    expect([1, 2, 3, 8, 64].map((cores) => autoEmulatorWorkers(cores))).toEqual([1, 1, 2, 4, 4]);
  });
});
