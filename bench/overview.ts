/**
 * The overview on the 10,000-finding detector, in Chromium against the demo server: API requests
 * for the whole overview (by operation and groupBy; target ≤ 8 GetFindingsStatistics), time until
 * every panel is drawn (median of 3 cold loads, a new browser context each), layout shift while
 * it loads, and the size of the overview's lazy chunk (charts included; gzip). Screenshots of the
 * overview on the demo detector (light and dark at 1440×900, whole page; light at 390×844) go to
 * docs/screenshots/ for the README.
 *
 * Standalone: `npm run build && tsx bench/overview.ts` (starts its own demo server).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID } from '../mocks/emulator';
import { isMain, launchChromium, runStandalone, type Row } from './harness';

const LOADS = 3;
const SCREENSHOTS = 'docs/screenshots';
const READY = '.ov-grid[data-state="ready"]';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The overview's own chunk (OverviewScreen-*.js / .css) in dist/assets, gzip. */
export function overviewChunk(dist = 'dist'): { js: number; css: number; files: string[] } {
  const files = readdirSync(join(dist, 'assets')).filter((f) => /^OverviewScreen-.*\.(js|css)$/.test(f));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length;
  return {
    js: files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0),
    css: files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(f), 0),
    files,
  };
}

/** Layout shift as Chromium scores CLS (largest session window), recorded from before any script. */
function observeShifts() {
  const w = window as unknown as { __cls: number };
  w.__cls = 0;
  let session = 0;
  let first = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (e.hadRecentInput) continue;
      if (session > 0 && e.startTime - last < 1000 && e.startTime - first < 5000) session += e.value;
      else {
        session = e.value;
        first = e.startTime;
      }
      last = e.startTime;
      w.__cls = Math.max(w.__cls, session);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

function describe(method: string, url: string, body: string | null): string | null {
  const path = new URL(url).pathname;
  if (!path.startsWith('/api/')) return null;
  if (method === 'GET' && path === '/api/detector') return 'ListDetectors';
  if (path.endsWith('/findings/statistics')) {
    const b = body ? (JSON.parse(body) as { groupBy?: string }) : {};
    return `GetFindingsStatistics ${b.groupBy ?? 'COUNT_BY_SEVERITY'}`;
  }
  return `${method} ${path}`;
}

async function screenshots(browser: Browser, baseUrl: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shots = [
    { scheme: 'light', width: 1440, height: 900, fullPage: true },
    { scheme: 'dark', width: 1440, height: 900, fullPage: true },
    { scheme: 'light', width: 390, height: 844, fullPage: false },
  ] as const;
  const files: string[] = [];
  for (const s of shots) {
    const context = await browser.newContext({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/overview?detector=${DEMO_DETECTOR_ID}`);
      await page.locator(READY).waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const file = join(SCREENSHOTS, `overview-${s.scheme}-${s.width}x${s.height}.png`);
      await page.screenshot({ path: file, fullPage: s.fullPage, animations: 'disabled' });
      files.push(file);
    } finally {
      await context.close();
    }
  }
  return files;
}

export async function runOverviewBench(baseUrl: string): Promise<Row[]> {
  const chunk = overviewChunk();
  const browser = await launchChromium();
  const loads: { drawn: number; cls: number; requests: Map<string, number> }[] = [];
  let shots: string[];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(observeShifts);
      const requests = new Map<string, number>();
      page.on('request', (r) => {
        const op = describe(r.method(), r.url(), r.postData());
        if (op) requests.set(op, (requests.get(op) ?? 0) + 1);
      });
      await page.goto(`${baseUrl}/overview?detector=${SCALE_DETECTOR_ID}`, { waitUntil: 'commit' });
      // In-page time (from navigation start) of the first frame where every panel has left loading.
      const drawn = (await (
        await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), READY, { polling: 'raf', timeout: 60_000 })
      ).jsonValue()) as number;
      await page.waitForLoadState('networkidle');
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      loads.push({ drawn, cls, requests });
      await context.close();
    }
    shots = await screenshots(browser, baseUrl);
  } finally {
    await browser.close();
  }
  const last = loads[loads.length - 1].requests;
  const stats = [...last].filter(([op]) => op.startsWith('GetFindingsStatistics')).reduce((n, [, c]) => n + c, 0);
  const other = [...last].filter(([op]) => !op.startsWith('GetFindingsStatistics'));
  const byGroup = [...last].filter(([op]) => op.startsWith('GetFindingsStatistics')).map(([op, n]) => `${op.replace('GetFindingsStatistics ', '')} ${n}`).join(', ');
  return [
    {
      metric: 'API requests, whole overview, 10,000 findings',
      value: `${stats} GetFindingsStatistics (${byGroup})${other.length ? ` + ${other.map(([op, n]) => `${op} ${n}`).join(', ')}` : ''}`,
      target: '≤ 8',
    },
    {
      metric: `all panels drawn, median of ${LOADS} cold loads (1440×900)`,
      value: `${(median(loads.map((l) => l.drawn)) / 1000).toFixed(2)} s (${loads.map((l) => (l.drawn / 1000).toFixed(2)).join(', ')})`,
    },
    { metric: 'layout shift while loading (CLS, worst load)', value: Math.max(...loads.map((l) => l.cls)).toFixed(3), target: '≤ 0.05' },
    { metric: 'overview chunk, charts included (gzip)', value: `${kb(chunk.js)} JS + ${kb(chunk.css)} CSS (${chunk.files.join(', ')})` },
    { metric: 'screenshots', value: shots.map((f) => f.replace(`${SCREENSHOTS}/`, '')).join(', ') },
  ];
}

if (isMain(import.meta.url)) runStandalone(runOverviewBench);
