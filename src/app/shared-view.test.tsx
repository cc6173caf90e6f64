/**
 * One view, one set of requests: the table, the severity summary, the attack map beside the table
 * and the detail view's previous / next read the view's list and statistics through
 * src/view/findings-view, so they share the cache entries and nothing is fetched twice.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grid, recordRequests, renderApp, renderedIds, stubGridViewport, waitForRows } from '../features/findings-table/test-utils';
import { DEMO_DETECTOR_ID } from '../test/msw';
import { preloadFindingPage } from '../test/render-app';

beforeAll(async () => {
  stubGridViewport();
  // The map's and the finding page's chunks (Leaflet, the world outline, the detail) are loaded up
  // front: what the test times is the view, not an import.
  await Promise.all([
    import('../features/attack-map/AttackMapPanel'),
    import('../lib/world').then((w) => w.loadWorld()),
    preloadFindingPage(),
  ]);
  // A wide screen (jsdom has no media queries): the table's columns and the map's side list.
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }));
});
afterAll(() => vi.unstubAllGlobals());

describe('the same view in the table, the summary, the map and the detail', () => {
  it('makes one ListFindings, one GetFindings and one GetFindingsStatistics request between them', async () => {
    const rec = recordRequests();
    // The view's counts (the filter bar's suggestions make a grouped statistics request of their own).
    const statistics = () => rec.log.filter((e) => e.path.endsWith('/findings/statistics') && !(e.body as { groupBy?: string } | undefined)?.groupBy);
    renderApp(`?detector=${DEMO_DETECTOR_ID}&map=1`);
    await waitForRows();
    // The summary's counts, the table's total and the map's markers are all on screen.
    await waitFor(() => expect(screen.getByText(/^[\d,]+ (current )?findings/, { selector: '.summary-total' })).toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent(/Showing 50 of [\d,]+ findings/));
    expect(await screen.findByText(/IPs? on the map/)).toBeInTheDocument();
    expect(rec.list()).toHaveLength(1);
    expect(rec.get()).toHaveLength(1);
    expect(statistics()).toHaveLength(1);

    // The detail's previous / next walk the same list: no request of its own.
    const id = renderedIds()[1];
    await userEvent.click(grid().querySelector(`tr[data-finding-id="${id}"] td.cell-severity`)!);
    expect(await screen.findByText('2 of 50+')).toBeInTheDocument();
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await popped;
    });
    await waitForRows();
    expect(rec.list()).toHaveLength(1);
    expect(rec.get()).toHaveLength(1);
    expect(statistics()).toHaveLength(1);
    rec.stop();
  });
});
