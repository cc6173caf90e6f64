/**
 * Test helpers: the findings screen (or, for tests about the app, the whole app) at a URL, answered
 * by the emulator through MSW, and cheap ways to find its parts (role queries over the whole table
 * are slow in jsdom: the parts are found once by selector and queried within).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { listFindings, getFindingsStatistics } from '../../api/client';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import type { FindingCriteria, SortOrder } from '../../guardduty';
import { DEMO_DETECTOR_ID, server } from '../../test/msw';
import { one } from '../../test/dom';
import { renderAppAt, renderFindingsAt } from '../../test/render-app';
export { preloadFindingPage } from '../../test/render-app';

/**
 * jsdom has no layout: give the grid's scroll container a viewport so the virtualizer renders rows.
 * 360 px (seven rows, plus the overscan): every render of the table costs in proportion to its rows
 * (720 px made the table tests about a third slower), and what the tests check needs no more.
 */
export function stubGridViewport(height = 360) {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList?.contains('grid-scroll') ? height : 0;
    },
  });
  // jsdom has no scrolling: scrollTo sets the offset and reports a scroll, as a browser would.
  Element.prototype.scrollTo = function scrollTo(this: Element, x?: ScrollToOptions | number, y?: number) {
    const top = typeof x === 'object' ? x.top : y;
    if (top === undefined || top === this.scrollTop) return;
    this.scrollTop = top;
    // Browsers report scrolling asynchronously.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as Element['scrollTo'];
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList?.contains('grid-scroll') ? 1200 : 0;
    },
  });
}

/** The whole app: for tests about what only the app does (moving between screens, Back to the list). */
export function renderApp(search = `?detector=${DEMO_DETECTOR_ID}`, path = '/') {
  return renderAppAt(`${path}${search}`);
}

/** The findings screen alone (summary strip, filter bar, table), with its query cache. */
export function renderFindings(search = `?detector=${DEMO_DETECTOR_ID}`) {
  return renderFindingsAt(`/${search}`);
}

/** The findings table (that its accessible name is "Findings" is checked by FindingsTable.test's skeleton case). */
export const grid = () => one('table[aria-label="Findings"]');
const thead = () => one('table[aria-label="Findings"] > thead');
/**
 * A column header, by its label (the header's own text). Cheaper than getByRole('columnheader',
 * { name }), which computes every header's name through getComputedStyle; the names themselves
 * are checked once, in FindingsTable.test ("names the attribute a header sorts by…").
 */
export const columnHeader = (label: string | RegExp) => within(thead()).getByText(label).closest('th')!;
/** A header's sort button, by its label (see columnHeader). */
export const sortButton = (label: string | RegExp) => within(thead()).getByText(label).closest('button')!;
/** The column headers' labels, in order. */
export const headerLabels = () => [...thead().querySelectorAll('th')].map((th) => (th.textContent ?? '').replace(/[↕▲▼].*$/, '').trim());
/** Role queries within the header row (small), for the tests that check accessible names. */
export const withinHeader = () => within(thead());
/** The filter bar (role search, "Filter findings"). */
export const filterBar = () => one('[role="search"][aria-label="Filter findings"]');
/** The active-filter chips' region. */
export const activeFilters = () => one('[role="region"][aria-label="Active filters"]');
/** The summary strip's severity bands. */
export const severityBands = () => one('[role="group"][aria-label="Filter by severity band"]');
/** The controls above the table: the filter bar, sort menu, refresh, columns, export. */
export const tableControls = () => one('#table-controls');

/** Ids of the rendered rows, in DOM order. */
export const renderedIds = () => [...grid().querySelectorAll<HTMLElement>('tbody tr[data-finding-id]')].map((r) => r.dataset.findingId!);

export async function waitForRows() {
  await waitFor(() => expect(grid().getAttribute('data-state')).toBe('ready'));
  await waitFor(() => expect(renderedIds().length).toBeGreaterThan(0));
}

export const defaultCriteria = (): FindingCriteria => criteriaFromFilters(DEFAULT_FILTERS, Date.now());

/** What the API (the emulator through MSW) answers for page 1 of a query: the expected order. */
export async function expectedIds(attribute: string, order: SortOrder, criteria: FindingCriteria = defaultCriteria(), detectorId = DEMO_DETECTOR_ID) {
  const res = await listFindings(detectorId, { findingCriteria: criteria, sortCriteria: { attributeName: attribute, orderBy: order }, maxResults: 50 });
  return res.findingIds;
}

export async function expectedTotal(criteria: FindingCriteria = defaultCriteria(), detectorId = DEMO_DETECTOR_ID) {
  const res = await getFindingsStatistics(detectorId, criteria);
  return Object.values(res.findingStatistics.countBySeverity ?? {}).reduce((a, b) => a + b, 0);
}

/** Records the JSON bodies of the /api requests made while the test runs. */
export function recordRequests() {
  const log: { path: string; body: unknown; aborted: () => boolean }[] = [];
  const onStart = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/')) return;
    const entry = { path: url.pathname, body: undefined as unknown, aborted: () => request.signal.aborted };
    log.push(entry);
    if (request.method === 'POST') {
      void request
        .clone()
        .text()
        .then((t) => {
          entry.body = t ? JSON.parse(t) : undefined;
        })
        .catch(() => undefined);
    }
  };
  server.events.on('request:start', onStart);
  return {
    log,
    list: () => log.filter((e) => /\/findings$/.test(e.path)),
    get: () => log.filter((e) => e.path.endsWith('/findings/get')),
    stop: () => server.events.removeListener('request:start', onStart),
  };
}

export { screen, within, waitFor };
export { setupUser } from '../../test/user';
