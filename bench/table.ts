/**
 * Findings-table bench, in Chromium against the built app in demo mode, on the 10,000-finding
 * detector:
 *  - sort click → first sorted rows visible: from the header click to the first frame in which
 *    the table shows rows of the new sort (ListFindings with sortCriteria + GetFindings of 50 ids,
 *    both answered by the demo server's emulator), for each sortable column, in its first-click
 *    direction (a query nobody made before, so nothing comes from a cache), with the map closed so
 *    that every column is there;
 *  - DOM rows after scrolling through 2,000 rows (40 pages loaded as the viewport reaches them).
 *
 * `npx tsx bench/table.ts [baseUrl]` runs it alone (starting dist-server/main.js on a free port
 * when no URL is given: build first); bench/run.ts calls runTableBench(baseUrl).
 */
import type { Page } from '@playwright/test';
import { SCALE_DETECTOR_ID } from '../mocks/emulator/detectors';
import { isMain, launchChromium, runStandalone } from './harness';

/** Sortable columns, clicked in this order (the default sort, last seen DESC, is already loaded). */
const HEADER_SORTS = [
  'severity',
  'type',
  'resource.instanceDetails.instanceId',
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
  'accountId',
  'service.count',
  'service.eventFirstSeen',
  'updatedAt',
];
const SCROLL_ROWS = 2000;

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * In-page code as text: tsx (esbuild, keepNames) would wrap named inner functions of a
 * page.evaluate callback in a helper the page does not have.
 */
const CLICK_TO_SORTED_ROWS = `(attr) => new Promise((resolve, reject) => {
  const button = document.querySelector('button[data-sort-attribute="' + attr + '"]');
  if (!button) return reject(new Error('no header sorts by ' + attr));
  const ready = () => {
    const table = document.querySelector('table.findings-grid');
    return !!table && table.getAttribute('data-state') === 'ready' && (table.getAttribute('data-sort') || '').startsWith(attr + ':')
      && table.querySelector('tbody tr[data-finding-id]') !== null;
  };
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    // The rows are in the DOM: the next animation frame is the one that paints them.
    requestAnimationFrame(() => {
      const total = performance.now() - t0;
      // The share spent waiting for ListFindings + GetFindings (the demo server's emulator).
      const api = performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= t0 && /findings(?:.get)?$/.test(new URL(e.name).pathname))
        .reduce((end, e) => Math.max(end, e.responseEnd), t0) - t0;
      resolve({ total, api });
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  setTimeout(() => reject(new Error('no sorted rows for ' + attr + ' after 20 s')), 20000);
  t0 = performance.now();
  button.click();
})`;

interface SortTiming {
  /** Click to the frame painting the first sorted rows. */
  total: number;
  /** Click to the last byte of GetFindings: the part the server (emulator) and network take. */
  api: number;
}

/** Clicks a header and resolves with the ms until a frame shows rows of that sort. */
async function clickToSortedRows(page: Page, attribute: string): Promise<SortTiming> {
  const fn = await page.evaluateHandle(CLICK_TO_SORTED_ROWS);
  try {
    return (await fn.evaluate((f, attr) => (f as unknown as (a: string) => Promise<SortTiming>)(attr), attribute)) as SortTiming;
  } finally {
    await fn.dispose();
  }
}

async function scrollThrough(page: Page, rows: number): Promise<{ maxDomRows: number; finalDomRows: number; loaded: number; ms: number }> {
  const t0 = Date.now();
  let maxDomRows = 0;
  let loaded = 0;
  const scroller = page.getByTestId('findings-scroll');
  while (loaded < rows) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForFunction(
      (n) => {
        const text = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
        const m = /Showing ([\d,]+)/.exec(text);
        return m !== null && Number(m[1].replace(/,/g, '')) > n;
      },
      loaded,
      { timeout: 20_000 },
    );
    const state = await page.evaluate(() => ({
      dom: document.querySelectorAll('table.findings-grid tbody tr[data-finding-id]').length,
      loaded: Number((/Showing ([\d,]+)/.exec(document.querySelector('[data-testid="result-count"]')?.textContent ?? '')?.[1] ?? '0').replace(/,/g, '')),
    }));
    maxDomRows = Math.max(maxDomRows, state.dom);
    loaded = state.loaded;
  }
  // Walk back up through what is loaded, as an analyst scrolling back would.
  for (let top = await scroller.evaluate((el) => el.scrollTop); top > 0; top -= 3000) {
    await scroller.evaluate((el, t) => el.scrollTo({ top: t }), top);
    await page.waitForTimeout(16);
    maxDomRows = Math.max(maxDomRows, await page.locator('table.findings-grid tbody tr[data-finding-id]').count());
  }
  const finalDomRows = await page.locator('table.findings-grid tbody tr[data-finding-id]').count();
  return { maxDomRows, finalDomRows, loaded, ms: Date.now() - t0 };
}

export async function runTableBench(baseUrl: string): Promise<Record<string, number | string>> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/?detector=${SCALE_DETECTOR_ID}&map=0`);
    await page.locator('table.findings-grid[data-state="ready"] tbody tr[data-finding-id]').first().waitFor({ timeout: 30_000 });

    const timings: Record<string, SortTiming> = {};
    for (const attr of HEADER_SORTS) timings[attr] = await clickToSortedRows(page, attr);
    const totals = Object.values(timings).map((t) => t.total);
    const apis = Object.values(timings).map((t) => t.api);
    const client = Object.values(timings).map((t) => t.total - t.api);

    // Back to the default view for the scroll: a fresh page, so nothing from above is in the DOM.
    await page.goto(`${baseUrl}/?detector=${SCALE_DETECTOR_ID}&map=0`);
    await page.locator('table.findings-grid[data-state="ready"] tbody tr[data-finding-id]').first().waitFor({ timeout: 30_000 });
    const scroll = await scrollThrough(page, SCROLL_ROWS);

    const slowest = Object.entries(timings).sort((a, b) => b[1].total - a[1].total)[0];
    return {
      'sort click → first sorted rows, median (ms, 10,000 findings)': round(median(totals)),
      'sort click → first sorted rows, worst (ms)': `${round(slowest[1].total)} (${slowest[0]})`,
      '  of which ListFindings + GetFindings, median (ms)': round(median(apis)),
      '  of which in the browser after the data, median (ms)': round(median(client)),
      'sort click → first sorted rows, target': '≤ 300 ms',
      [`DOM rows, most at any time while scrolling ${SCROLL_ROWS.toLocaleString('en')} rows`]: scroll.maxDomRows,
      'DOM rows, target': '≤ 100',
      'rows loaded by scrolling': scroll.loaded,
      'scroll through (ms, incl. 40 page loads)': scroll.ms,
    };
  } finally {
    await browser.close();
  }
}

if (isMain(import.meta.url)) runStandalone(runTableBench);
