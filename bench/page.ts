/**
 * The findings view in Chromium, on the demo server: largest contentful paint and cumulative
 * layout shift (median of 5 cold loads, a new browser context each), the API requests made until
 * the first page of 50 findings is on screen (by operation), and screenshots of the table, detail
 * and map views in light and dark at desktop and phone sizes into docs/screenshots/ (the README shows them).
 *
 * Standalone: `npm run build && tsx bench/page.ts` (starts its own demo server).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { DEMO_DETECTOR_ID, demoFindings } from '../mocks/emulator';
import { isMain, launchChromium, runStandalone, type Row } from './harness';

const LOADS = 5;
const SCREENSHOTS = 'docs/screenshots';
const ROWS = 'table.findings-grid tbody tr[data-finding-id]';
const READY = 'table.findings-grid[data-state="ready"]';

declare global {
  interface Window {
    __bench?: { lcp: number; cls: number };
  }
}

/**
 * Runs before any page script. LCP: the latest candidate. CLS as Chromium defines it: the largest
 * session window (gaps < 1 s, at most 5 s) of layout shifts without recent input.
 */
function observeVitals() {
  const vitals = { lcp: 0, cls: 0 };
  window.__bench = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  let session = 0;
  let first = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (entry.hadRecentInput) continue;
      if (session > 0 && entry.startTime - last < 1000 && entry.startTime - first < 5000) session += entry.value;
      else {
        session = entry.value;
        first = entry.startTime;
      }
      last = entry.startTime;
      vitals.cls = Math.max(vitals.cls, session);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The operation (GuardDuty's, ours, or /healthz) of a request the page made; null for everything else. */
function operationOf(method: string, url: string): string | null {
  const path = new URL(url).pathname;
  if (path === '/healthz') return 'healthz';
  if (!path.startsWith('/api/')) return null;
  const p = path.slice(4).replace(/\/$/, '');
  if (method === 'GET' && p === '/regions') return 'ListRegions';
  if (method === 'POST' && p === '/all-regions/findings') return 'AllRegionsFindings';
  if (method === 'POST' && p === '/all-regions/findings/statistics') return 'AllRegionsStatistics';
  // One region's GuardDuty operations, at /api/… (the default region) or /api/regions/{region}/….
  const regional = p.replace(/^\/regions\/[^/]+/, '');
  if (method === 'GET' && regional === '/detector') return 'ListDetectors';
  if (method === 'GET' && /^\/detector\/[^/]+$/.test(regional)) return 'GetDetector';
  if (method === 'POST' && /^\/detector\/[^/]+\/findings$/.test(regional)) return 'ListFindings';
  if (method === 'POST' && /^\/detector\/[^/]+\/findings\/get$/.test(regional)) return 'GetFindings';
  if (method === 'POST' && /^\/detector\/[^/]+\/findings\/statistics$/.test(regional)) return 'GetFindingsStatistics';
  return `other ${method} ${p}`;
}

/** Answers that carry a page of full findings: GetFindings for one region, the merged page for all. */
const FINDINGS_PAGES = new Set(['GetFindings', 'AllRegionsFindings']);
const STATISTICS = new Set(['GetFindingsStatistics', 'AllRegionsStatistics', 'healthz']);

interface Load {
  lcp: number;
  cls: number;
  /** Requests by operation until the first 50 findings were on screen. */
  requests: Map<string, number>;
  problems: string[];
}

/** Waits until the grid shows data and a page of 50 full findings has arrived. */
async function firstPageShown(page: Page, gotPage: Promise<unknown>) {
  await gotPage;
  await page.locator(READY).waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator(ROWS).first().waitFor({ state: 'attached', timeout: 30_000 });
}

async function coldLoad(browser: Browser, baseUrl: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.addInitScript(observeVitals);
  const requests = new Map<string, number>();
  const problems: string[] = [];
  let shown = false;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(baseUrl).origin && url.protocol !== 'data:' && url.protocol !== 'blob:') problems.push(`request to ${url.origin}`);
    const op = operationOf(r.method(), r.url());
    if (op && !shown) requests.set(op, (requests.get(op) ?? 0) + 1);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const gotPage = page.waitForResponse(
    async (res) => FINDINGS_PAGES.has(operationOf(res.request().method(), res.url()) ?? '') && res.ok() && ((await res.json()) as { findings: unknown[] }).findings.length >= 50,
    { timeout: 30_000 },
  );
  try {
    await page.goto(baseUrl, { waitUntil: 'commit' });
    await firstPageShown(page, gotPage);
    shown = true;
    // Late shifts (statistics, the lazy map) count too: let the page settle before reading.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const vitals = await page.evaluate(() => window.__bench ?? { lcp: NaN, cls: NaN });
    return { ...vitals, requests, problems };
  } finally {
    await context.close();
  }
}

/** The screens the README shows: the findings table, one finding, and the attack map beside the table. */
function views(): { name: string; path: string; ready: string }[] {
  const finding = demoFindings().find((f) => f.service?.action?.networkConnectionAction?.remoteIpDetails?.geoLocation?.lat && f.resource?.instanceDetails);
  return [
    { name: 'findings', path: '/', ready: READY },
    { name: 'detail', path: `/findings/${finding!.id}?detector=${DEMO_DETECTOR_ID}`, ready: '.point-map .point-map-dot' },
    { name: 'map', path: `/?detector=${DEMO_DETECTOR_ID}&map=1`, ready: '.fa-map .fa-marker' },
  ];
}

async function screenshot(browser: Browser, url: string, ready: string, file: string, scheme: 'light' | 'dark', width: number, height: number): Promise<string> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator(ready).first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const describeRequests = (m: Map<string, number>) => [...m].map(([op, n]) => `${op} ${n}`).join(', ');

export async function runPageBench(baseUrl: string): Promise<Row[]> {
  const browser = await launchChromium();
  try {
    // One warm-up load: the server builds its dataset on first use; cold means the browser's cache here.
    await coldLoad(browser, baseUrl);
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, baseUrl));

    mkdirSync(SCREENSHOTS, { recursive: true });
    const files: string[] = [];
    for (const view of views()) {
      for (const [width, height] of [[1440, 900], [390, 844]]) {
        for (const scheme of ['light', 'dark'] as const) {
          const file = join(SCREENSHOTS, `${view.name}-${scheme}-${width}x${height}.png`);
          files.push(await screenshot(browser, baseUrl + view.path, view.ready, file, scheme, width, height));
        }
      }
    }

    const first = loads[0].requests;
    const apiCalls = [...first].filter(([op]) => !STATISTICS.has(op)).reduce((n, [, k]) => n + k, 0);
    const stable = loads.every((l) => describeRequests(l.requests) === describeRequests(first));
    const problems = [...new Set(loads.flatMap((l) => l.problems))];
    return [
      { metric: `LCP, median of ${LOADS} cold loads (1440×900)`, value: `${(median(loads.map((l) => l.lcp)) / 1000).toFixed(2)} s (${loads.map((l) => (l.lcp / 1000).toFixed(2)).join(', ')})`, target: '≤ 1.0 s' },
      { metric: `CLS, median of ${LOADS} cold loads`, value: `${median(loads.map((l) => l.cls)).toFixed(3)} (max ${Math.max(...loads.map((l) => l.cls)).toFixed(3)})`, target: '≤ 0.05' },
      {
        metric: 'requests until the first 50 findings are shown (All regions, the default view)',
        value: `${apiCalls} + statistics/health (${describeRequests(first)})${stable ? '' : '; varies between loads'}`,
        target: '≤ 2 in sequence + statistics',
      },
      { metric: 'foreign requests, page errors', value: problems.length === 0 ? '0' : problems.slice(0, 3).join('; '), target: '0' },
      { metric: 'screenshots', value: files.map((f) => f.replace(`${SCREENSHOTS}/`, '')).join(', ') },
    ];
  } finally {
    await browser.close();
  }
}

if (isMain(import.meta.url)) runStandalone(runPageBench);
