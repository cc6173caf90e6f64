/** Test helpers: the whole app at a URL, answered by the emulator through MSW. */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { listFindings, getFindingsStatistics } from '../../api/client';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import type { FindingCriteria, SortOrder } from '../../guardduty';
import { DEMO_DETECTOR_ID, server } from '../../test/msw';
import { renderAppAt } from '../../test/render-app';

/** jsdom has no layout: give the grid's scroll container a viewport so the virtualizer renders rows. */
export function stubGridViewport(height = 720) {
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

export function renderApp(search = `?detector=${DEMO_DETECTOR_ID}`, path = '/') {
  return renderAppAt(`${path}${search}`);
}

export const grid = () => screen.getByRole('table', { name: 'Findings' });

/** Ids of the rendered rows, in DOM order. */
export const renderedIds = () => [...grid().querySelectorAll<HTMLElement>('tbody tr[data-finding-id]')].map((r) => r.dataset.findingId!);

export async function waitForRows() {
  await waitFor(() => expect(grid().getAttribute('data-state')).toBe('ready'), { timeout: 5000 });
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
