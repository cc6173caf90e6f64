/**
 * All regions (issue 12):
 * - first 50 rows through POST /api/all-regions/findings vs one region (ListFindings + GetFindings
 *   on the default detector), on the demo server, interleaved in the same run (target ratio ≤ 1.5);
 * - 17 regions behind a fake GuardDuty that answers each call after 150 ms: time to the first
 *   merged page of a freshly started server (its discovery runs at startup) in round trips
 *   (target ≤ 3: the fan-out is parallel), upstream calls per merged page, and paging through all 10,000 merged findings
 *   (time, calls; at 50 ms per call to keep the bench short).
 * It starts its own aws-mode server for the fake; the demo server `bench/run.ts` passes serves the first part.
 * Standalone: `npm run build && tsx bench/regions.ts`.
 */
import { loadavg } from 'node:os';
import { sortFindings, type Finding } from '../src/guardduty';
import type { GuardDutyBackend } from '../src/guardduty/operations';
import { guardDutyRegions } from '../src/guardduty/regions';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, findingsOf } from '../mocks/emulator';
import { findingStatistics } from '../mocks/emulator/statistics';
import { startFakeUpstream } from '../test-support/fake-upstream';
import { isMain, runStandalone, startAwsServer, type Row } from './harness';

const ROUNDS = Number(process.env.REGIONS_ROUNDS ?? 15);
const SKIP_WALK = process.env.REGIONS_SKIP_WALK === '1';
const LATENCY_MS = Number(process.env.REGIONS_LATENCY_MS ?? 150);
const WALK_LATENCY_MS = 50;
const REGION_COUNT = 17;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** One region's GuardDuty over a fixed list of findings: sorted pages with offset tokens, GetFindings by id, statistics. */
function listBackend(detectorId: string, findings: readonly Finding[]): GuardDutyBackend {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const orders = new Map<string, Finding[]>();
  return {
    listDetectors: () => ({ detectorIds: [detectorId] }),
    getDetector: () => ({}),
    listFindings: (_id, request) => {
      const name = request.sortCriteria?.attributeName;
      const key = `${name} ${request.sortCriteria?.orderBy}`;
      let ordered = orders.get(key);
      if (!ordered) orders.set(key, (ordered = name ? sortFindings(findings, name, request.sortCriteria?.orderBy ?? 'ASC') : [...findings].sort((a, b) => (a.id < b.id ? -1 : 1))));
      const from = Number(request.nextToken || 0);
      const to = from + (request.maxResults ?? 50);
      return { findingIds: ordered.slice(from, to).map((f) => f.id), nextToken: to < ordered.length ? String(to) : '' };
    },
    getFindings: (_id, request) => ({ findings: request.findingIds.flatMap((id) => byId.get(id) ?? []) }),
    getFindingsStatistics: (_id, request) => ({ findingStatistics: findingStatistics(findings, request) }),
  };
}

/** First 50 rows, all regions vs one region, interleaved; a fresh filter each round so no cache answers. */
async function firstRows(baseUrl: string): Promise<Row[]> {
  const all: number[] = [];
  const one: number[] = [];
  await postJson(`${baseUrl}/api/all-regions/findings`, { maxResults: 50 }); // discovery, once
  for (let i = 0; i < ROUNDS; i++) {
    const findingCriteria = { criterion: { updatedAt: { gte: i + 1 } } };
    const sortCriteria = { attributeName: 'updatedAt', orderBy: 'DESC' };
    let t = performance.now();
    const merged = (await (await postJson(`${baseUrl}/api/all-regions/findings`, { findingCriteria, sortCriteria, maxResults: 50 })).json()) as { findings: unknown[] };
    all.push(performance.now() - t);
    t = performance.now();
    const list = (await (await postJson(`${baseUrl}/api/detector/${DEMO_DETECTOR_ID}/findings`, { findingCriteria, sortCriteria, maxResults: 50 })).json()) as { findingIds: string[] };
    await (await postJson(`${baseUrl}/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: list.findingIds })).json();
    one.push(performance.now() - t);
    if (merged.findings.length !== 50) throw new Error('all regions answered fewer than 50 rows');
  }
  const ratio = median(all) / median(one);
  return [
    { metric: `first 50 rows, demo: all regions / one region (median of ${ROUNDS})`, value: `${median(all).toFixed(1)} / ${median(one).toFixed(1)} ms = ${ratio.toFixed(2)}×`, target: '≤ 1.5×' },
  ];
}

interface FanOut { coldMs: number; warmMs: number; rows: Row[] }

async function fanOut(latencyMs: number, walk: boolean): Promise<FanOut> {
  const regions = guardDutyRegions('us-east-1').slice(0, REGION_COUNT);
  // One GuardDuty for every region on one port (the region is read from each request's SigV4 scope): the scale pool split between them.
  const pool = findingsOf(SCALE_DETECTOR_ID);
  const per = Math.ceil(pool.length / regions.length);
  const backends = new Map(regions.map((r, i) => [r, listBackend(`d${String(i).padStart(2, '0')}`, pool.slice(i * per, (i + 1) * per))]));
  const fake = await startFakeUpstream({ backendFor: (region) => backends.get(region), latencyMs });
  const calls = () => fake.requests.length;
  const { url, child } = await startAwsServer(fake.endpoint, regions);
  try {
    const sortCriteria = { attributeName: 'service.eventLastSeen', orderBy: 'DESC' };
    // Warm the process (JIT, credential chain, signing) with one regional call that is not discovery.
    for (let i = 0; i < 3; i++) await (await fetch(`${url}/api/regions/${regions[1]}/detector`)).json();
    // The first query of a fresh server: ListFindings + GetFindings (its discovery, ListDetectors per region, ran at startup).
    let before = calls();
    let t = performance.now();
    const first = (await (await postJson(`${url}/api/all-regions/findings`, { sortCriteria, maxResults: 50 })).json()) as { findings: unknown[]; nextToken: string; regions: { status: string }[] };
    const coldMs = performance.now() - t;
    const coldCalls = calls() - before;
    if (first.findings.length !== 50 || first.regions.some((r) => r.status !== 'ok')) throw new Error(`unexpected first page: ${JSON.stringify(first.regions)}`);
    // Warm discovery, new query: ListFindings + GetFindings only.
    before = calls();
    t = performance.now();
    await (await postJson(`${url}/api/all-regions/findings`, { sortCriteria: { attributeName: 'severity', orderBy: 'DESC' }, maxResults: 50 })).json();
    const warmMs = performance.now() - t;
    const warmCalls = calls() - before;

    // Paging through everything.
    fake.latencyMs = WALK_LATENCY_MS;
    before = calls();
    t = performance.now();
    let nextToken: string | undefined;
    let rows = 0;
    let pages = 0;
    const seen = new Set<string>();
    do {
      if (SKIP_WALK || !walk) break;
      const page = (await (await postJson(`${url}/api/all-regions/findings`, { sortCriteria: { attributeName: 'createdAt', orderBy: 'ASC' }, maxResults: 50, ...(nextToken ? { nextToken } : {}) })).json()) as { findings: { id: string }[]; nextToken: string };
      for (const f of page.findings) seen.add(f.id);
      rows += page.findings.length;
      pages++;
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    const walkMs = performance.now() - t;
    const walkCalls = calls() - before;
    if (rows !== seen.size) throw new Error(`paging repeated findings: ${rows} rows, ${seen.size} distinct`);
    return { coldMs, warmMs, rows: [
      { metric: `${REGION_COUNT} regions × ${LATENCY_MS} ms: first merged page of a fresh server (discovery ran at its start)`, value: `${coldMs.toFixed(0)} ms = ${(coldMs / LATENCY_MS).toFixed(2)} round trips, ${coldCalls} upstream calls`, target: '≤ 3 round trips' },
      { metric: `${REGION_COUNT} regions × ${LATENCY_MS} ms: first page of a new query (discovery cached)`, value: `${warmMs.toFixed(0)} ms = ${(warmMs / LATENCY_MS).toFixed(2)} round trips, ${warmCalls} upstream calls` },
      { metric: `${REGION_COUNT} regions: upstream calls per merged page (walk average)`, value: `${(walkCalls / pages).toFixed(1)} (${walkCalls} calls / ${pages} pages)` },
      { metric: `paging through ${seen.size.toLocaleString('en')} merged findings, ${REGION_COUNT} regions × ${WALK_LATENCY_MS} ms`, value: `${(walkMs / 1000).toFixed(1)} s, ${pages} pages, ${walkCalls} upstream calls` },
      { metric: 'load average while measuring (1 min)', value: loadavg()[0].toFixed(2) },
    ] };
  } finally {
    child.kill('SIGTERM');
    await fake.close();
  }
}

/**
 * The fan-out's depth, free of this machine's CPU time: the same fresh server's first page at 150 ms and at
 * 2 × 150 ms per call; the difference divided by 150 ms is how many calls happen one after another.
 */
export async function runRegionsBench(baseUrl: string): Promise<Row[]> {
  const rows = await firstRows(baseUrl);
  const base = await fanOut(LATENCY_MS, true);
  const slow = await fanOut(2 * LATENCY_MS, false);
  const depth = (slow.coldMs - base.coldMs) / LATENCY_MS;
  const warmDepth = (slow.warmMs - base.warmMs) / LATENCY_MS;
  return [
    ...rows,
    ...base.rows,
    { metric: `${REGION_COUNT} regions: sequential upstream round trips to the first page, fresh server / second query ((t at 300 ms − t at 150 ms) / 150 ms)`, value: `${depth.toFixed(2)} / ${warmDepth.toFixed(2)}`, target: '≤ 3' },
  ];
}

if (isMain(import.meta.url)) runStandalone(runRegionsBench);
