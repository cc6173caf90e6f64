/**
 * Time to first rows with upstream latency: the built server in aws mode in front of the fake
 * GuardDuty (test-support/fake-upstream.ts: the demo's world per region, six regions of every
 * kind: four with a detector, one not enabled, one without a detector), the built app opened in
 * headless Chromium on its default view (All regions), and the time from navigation start to the
 * first frame that shows table rows (bench/page.ts's "first rows": the grid ready with a finding
 * row). Once with 0 ms and once with LATENCY_RUN_MS (300) ms added to every upstream answer,
 * interleaved, each load against a freshly started server (page caches empty, as on first use; the
 * server discovers every region's detector as it starts, and the browser opens right after). The
 * difference is what the latency costs: target ≤ 2.5 × 300 ms (at most two upstream round trips
 * in sequence). It can read low on a busy machine (CPU work that waits in line at 0 ms overlaps
 * the waiting at 300 ms), so also reported: the upstream calls of one load by operation and when
 * the first of each arrived relative to navigation (the chain of round trips itself).
 *
 * It starts its own servers: the demo server `bench/run.ts` passes is not used.
 * Standalone: `npm run build && tsx bench/latency.ts`.
 */
import type { Browser } from '@playwright/test';
import { loadavg } from 'node:os';
import { DEMO_DETECTOR_REGIONS, DEMO_NOT_ENABLED_REGIONS } from '../mocks/emulator/detectors';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../test-support/fake-upstream';
import { isMain, launchChromium, runStandalone, startAwsServer, type Row } from './harness';

const LATENCY_MS = Number(process.env.LATENCY_RUN_MS ?? 300);
const ROUNDS = Number(process.env.LATENCY_ROUNDS ?? 5);
const TARGET_FACTOR = 2.5;
/** us-east-1 first (the default region), then the other regions with detectors, one not enabled, one without a detector. */
const REGIONS = [...new Set(['us-east-1', ...DEMO_DETECTOR_REGIONS, ...DEMO_NOT_ENABLED_REGIONS, 'sa-east-1'])];

/** Runs before any page script: when the grid first shows a finding row, and the frame after (as text: see bench/table.ts). */
const FIRST_ROWS_PROBE = `(() => {
  const rows = 'table.findings-grid[data-state="ready"] tbody tr[data-finding-id]';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(rows)) return;
    observer.disconnect();
    const seen = performance.now();
    requestAnimationFrame(() => { window.__firstRows = { seen, painted: performance.now() }; });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

declare global {
  interface Window {
    __firstRows?: { seen: number; painted: number };
  }
}

/** GuardDuty's operation of an upstream request. */
function operationOf(req: RecordedRequest): string {
  const path = new URL(req.url, 'http://fake').pathname;
  if (req.method === 'GET') return path === '/detector' ? 'ListDetectors' : 'GetDetector';
  if (path.endsWith('/findings/get')) return 'GetFindings';
  if (path.endsWith('/findings/statistics')) return 'GetFindingsStatistics';
  return 'ListFindings';
}

interface Load {
  /** Navigation start → the frame after the first finding row was in the DOM, in ms (the page's clock). */
  firstRowsMs: number;
  /** Upstream calls since the server started until then, by operation, with the first one's arrival relative to navigation (ms, this process's clock; negative: before it). */
  upstream: Map<string, { calls: number; firstAt: number }>;
}

async function load(browser: Browser, fake: FakeUpstream): Promise<Load> {
  const arrivals: { at: number; operation: string }[] = [];
  let started = NaN;
  fake.respond = (req, res, attempt) => {
    arrivals.push({ at: performance.now() - fake.latencyMs, operation: operationOf(req) });
    fake.guardDuty(req, res, attempt);
  };
  // A fresh server per load: nothing cached (regions discovery, pages, findings); it starts discovering at once.
  const { url, child } = await startAwsServer(fake.endpoint, REGIONS);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_ROWS_PROBE);
    started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstRows !== undefined, undefined, { timeout: 30_000, polling: 50 });
    const { painted } = (await page.evaluate(() => window.__firstRows))!;
    const upstream = new Map<string, { calls: number; firstAt: number }>();
    for (const { at, operation } of arrivals.map((a) => ({ ...a, at: a.at - started })).filter((a) => a.at <= painted)) {
      const seen = upstream.get(operation);
      upstream.set(operation, seen ? { calls: seen.calls + 1, firstAt: Math.min(seen.firstAt, at) } : { calls: 1, firstAt: at });
    }
    return { firstRowsMs: painted, upstream };
  } finally {
    fake.respond = fake.guardDuty;
    await context.close();
    child.kill('SIGTERM');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(0)} ms`;
const describeUpstream = (m: Load['upstream']) =>
  [...m].sort((a, b) => a[1].firstAt - b[1].firstAt).map(([op, { calls, firstAt }]) => `${op} ×${calls} from ${firstAt < 0 ? '−' : '+'}${Math.abs(firstAt).toFixed(0)} ms`).join(', ');

export async function runLatencyBench(): Promise<Row[]> {
  const fake = await startFakeUpstream();
  const browser = await launchChromium();
  try {
    await load(browser, fake); // warm-up: the browser's first page, the OS's file cache
    const quick: Load[] = [];
    const slow: Load[] = [];
    const loadBefore = loadavg()[0];
    // Interleaved, so that drift on a shared machine hits both series alike.
    for (let i = 0; i < ROUNDS; i++) {
      fake.latencyMs = 0;
      quick.push(await load(browser, fake));
      fake.latencyMs = LATENCY_MS;
      slow.push(await load(browser, fake));
    }
    const [q, s] = [median(quick.map((l) => l.firstRowsMs)), median(slow.map((l) => l.firstRowsMs))];
    const added = s - q;
    const series = (loads: Load[]) => loads.map((l) => l.firstRowsMs.toFixed(0)).join(', ');
    return [
      { metric: `first rows, ${REGIONS.length} regions (All regions, fresh server), 0 ms upstream latency: median of ${ROUNDS}`, value: `${ms(q)} (${series(quick)})` },
      { metric: `first rows, same, ${LATENCY_MS} ms upstream latency: median of ${ROUNDS}`, value: `${ms(s)} (${series(slow)})` },
      {
        metric: `first rows: added by ${LATENCY_MS} ms upstream latency (= upstream round trips in sequence)`,
        value: `${ms(added)} = ${(added / LATENCY_MS).toFixed(2)} × ${LATENCY_MS} ms`,
        target: `≤ ${ms(TARGET_FACTOR * LATENCY_MS)} (${TARGET_FACTOR} × ${LATENCY_MS} ms)`,
      },
      { metric: `upstream calls from server start to first rows at ${LATENCY_MS} ms (first arrival, from navigation)`, value: describeUpstream(slow[slow.length - 1].upstream) },
      { metric: 'machine load average before / after (1 min)', value: `${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}` },
    ];
  } finally {
    await browser.close();
    await fake.close();
  }
}

if (isMain(import.meta.url)) runStandalone(runLatencyBench);
