/**
 * Every region in one view, as the analyst sees it: the region control, the Region column, the
 * per-region chips (ok, throttled, error, not enabled, no detector) and a finding of another
 * region. Answered by the demo's regions through MSW; statuses the demo never shows come from
 * per-test overrides of the all-regions endpoints.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getAllRegionsStatistics, listAllRegionsFindings, listFindings, listRegions, type RegionInfo } from '../api/client';
import { defaultCriteria, grid, recordRequests, renderApp, renderedIds, stubGridViewport, waitForRows } from '../features/findings-table/test-utils';
import { one } from '../test/dom';
import { DEMO_DETECTOR_ID, demoFindings, http, HttpResponse, server } from '../test/msw';
import { preloadFindingPage } from '../test/render-app';
import { setupUser } from '../test/user';

const LAST_SEEN = { attributeName: 'service.eventLastSeen', orderBy: 'DESC' } as const;
const regionControl = () => screen.getByRole('combobox', { name: 'Region' });
/** The "Regions" region of chips. By selector: it is polled in waitFor, and a role query by name over the table is slow in jsdom. */
const chipsRegion = () => one('section[aria-label="Regions"]');
const chipOf = (region: string) => chipsRegion().querySelector<HTMLElement>(`li[data-region="${region}"]`);
const sum = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

/** The Region cell of each rendered row, in row order. */
function renderedRegions(): string[] {
  const headers = [...grid().querySelectorAll('thead th')].map((th) => th.textContent ?? '');
  const col = headers.findIndex((h) => h.startsWith('Region'));
  expect(col).toBeGreaterThanOrEqual(0);
  return [...grid().querySelectorAll('tbody tr[data-finding-id]')].map((tr) => tr.querySelectorAll('td')[col]?.textContent ?? '');
}

beforeEach(() => stubGridViewport());
// The finding page is a lazy chunk of its own: loaded once here, so a test times the app, not the import.
beforeAll(preloadFindingPage);

describe('all regions', () => {
  it('a bare URL opens All regions: the merged page in order, a Region cell per row, totals across regions', async () => {
    const [page, stats] = await Promise.all([
      listAllRegionsFindings({ findingCriteria: defaultCriteria(), sortCriteria: LAST_SEEN, maxResults: 50 }),
      getAllRegionsStatistics({ findingCriteria: defaultCriteria(), findingStatisticTypes: ['COUNT_BY_SEVERITY'] }),
    ]);
    expect(new Set(page.findings.map((f) => f.region)).size).toBeGreaterThanOrEqual(2);
    renderApp('');
    await waitForRows();
    expect(regionControl()).toHaveValue('all');
    const ids = renderedIds();
    expect(ids).toEqual(page.findings.slice(0, ids.length).map((f) => f.id));
    expect(renderedRegions()).toEqual(page.findings.slice(0, ids.length).map((f) => f.region));
    const answered = stats.regions.filter((r) => r.status === 'ok').length;
    await waitFor(() =>
      expect(screen.getByTestId('result-count')).toHaveTextContent(`Showing ${page.findings.length} of ${sum(stats.findingStatistics.countBySeverity).toLocaleString('en')} findings across ${answered} regions`),
    );
    // Each region that answered has a chip with its own count.
    for (const r of stats.regions.filter((x) => x.status === 'ok')) {
      await waitFor(() => expect(chipOf(r.region)).toHaveTextContent(`${sum(r.findingStatistics?.countBySeverity).toLocaleString('en')} finding`));
    }
  });

  it('chips say how each region answered; a failing region keeps its chip and message while the others’ rows render', async () => {
    const { regions } = await listRegions();
    const ok = regions.filter((r) => r.status === 'ok');
    expect(ok.length).toBeGreaterThanOrEqual(3);
    const [fine, throttled, failing] = ok;
    const hostile = '<img src=x onerror=alert(1)> upstream 503';
    const rows = demoFindings().slice(0, 4);
    const status = (r: RegionInfo) =>
      r === throttled
        ? { region: r.region, detectorId: r.detectorId, status: 'throttled', message: 'Rate exceeded' }
        : r === failing
          ? { region: r.region, detectorId: r.detectorId, status: 'error', message: hostile }
          : r.status === 'ok'
            ? { region: r.region, detectorId: r.detectorId, status: 'ok', latencyMs: 42 }
            : r;
    server.use(
      http.post('/api/all-regions/findings', () => HttpResponse.json({ findings: rows, nextToken: '', regions: regions.map(status) })),
      http.post('/api/all-regions/findings/statistics', () =>
        HttpResponse.json({
          findingStatistics: { countBySeverity: { '5': 7 } },
          regions: regions.map((r) => (r === fine ? { ...status(r), findingStatistics: { countBySeverity: { '5': 7 } } } : status(r))),
        }),
      ),
    );
    renderApp('?region=all');
    await waitForRows();
    expect(renderedIds()).toEqual(rows.map((f) => f.id));
    await waitFor(() => expect(chipOf(fine.region)).toHaveTextContent(`${fine.region}7 findings42 ms`));
    expect(chipOf(fine.region)).toHaveAttribute('title', expect.stringMatching(/7 findings in .* match the filters; its part of the latest page took 42 ms/));
    expect(chipOf(throttled.region)).toHaveTextContent('throttled');
    expect(chipOf(failing.region)).toHaveTextContent(`error${hostile}`);
    // Server text is text.
    expect(chipsRegion().querySelector('img')).toBeNull();
    const notEnabled = regions.find((r) => r.status === 'not-enabled');
    if (notEnabled) expect(chipOf(notEnabled.region)).toHaveTextContent('not enabled');
    // Regions without a detector: folded when many, each with its own chip once unfolded.
    const noDetector = regions.filter((r) => r.status === 'no-detector');
    if (noDetector.length > 3) {
      expect(chipOf(noDetector[0].region)).toBeNull();
      expect(within(chipsRegion()).getByText(`${noDetector.length} regions`)).toBeInTheDocument();
      await setupUser().click(within(chipsRegion()).getByRole('button', { name: 'Show every region' }));
    }
    for (const r of noDetector) expect(chipOf(r.region)).toHaveTextContent('no detector');
    expect(screen.getByTestId('result-count')).toHaveTextContent(`Showing ${rows.length} of 7 findings across ${ok.length - 2} regions`);
  });

  it('opens a finding of another region from All regions, fetched from that region when the link is pasted', async () => {
    const page = await listAllRegionsFindings({ findingCriteria: defaultCriteria(), sortCriteria: LAST_SEEN, maxResults: 50 });
    const { defaultRegion } = await listRegions();
    const index = page.findings.findIndex((f) => f.region !== defaultRegion);
    expect(index).toBeGreaterThanOrEqual(0);
    const target = page.findings[index];
    const view = renderApp('?region=all');
    await waitForRows();
    const row = grid().querySelector<HTMLElement>(`tr[data-finding-id="${target.id}"]`)!;
    await setupUser().click(within(row).getByRole('link'));
    expect(await screen.findByText(target.title!, { selector: 'h1' })).toBeInTheDocument();
    const params = new URLSearchParams(window.location.search);
    expect(params.get('region')).toBe('all');
    expect(params.get('findingRegion')).toBe(target.region);
    expect(params.get('findingDetector')).toBe(target.service?.detectorId);
    const link = window.location.pathname + window.location.search;
    view.unmount();

    const requests = recordRequests();
    renderApp(link.slice(link.indexOf('?')), link.slice(0, link.indexOf('?')));
    expect(await screen.findByText(target.title!, { selector: 'h1' })).toBeInTheDocument();
    expect(requests.get().map((r) => r.path)).toContain(`/api/regions/${target.region}/detector/${target.service?.detectorId}/findings/get`);
    requests.stop();
  });
});

describe('the region control', () => {
  it('lists every region with its status; one region opens its detector, in the URL; back to All regions', async () => {
    const { regions, defaultRegion } = await listRegions();
    renderApp('');
    await waitForRows();
    const control = regionControl();
    await waitFor(() => expect(within(control).getAllByRole('option').length).toBe(regions.length + 1));
    for (const r of regions) {
      const option = within(control).getByRole('option', { name: new RegExp(`^${r.region}\\b`) });
      if (r.status === 'not-enabled') expect(option).toHaveTextContent('not enabled');
      if (r.status === 'no-detector') expect(option).toHaveTextContent('no detector');
      expect((option as HTMLOptionElement).disabled).toBe(r.status === 'not-enabled' || r.status === 'no-detector');
    }
    const other = regions.find((r) => r.status === 'ok' && r.region !== defaultRegion)!;
    await setupUser().selectOptions(control, other.region);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('region')).toBe(other.region);
    expect(params.get('detector')).toBe(other.detectorId);
    const expected = await listFindings({ region: other.region, detectorId: other.detectorId! }, { findingCriteria: defaultCriteria(), sortCriteria: LAST_SEEN, maxResults: 50 });
    await waitFor(() => expect(renderedIds()).toEqual(expected.findingIds.slice(0, renderedIds().length)));
    expect(renderedIds().length).toBeGreaterThan(0);
    expect(new Set(renderedRegions())).toEqual(new Set([other.region]));
    expect(screen.queryByRole('region', { name: 'Regions' })).toBeNull();

    await setupUser().selectOptions(regionControl(), 'all');
    expect(new URLSearchParams(window.location.search).get('region')).toBe('all');
    expect(await screen.findByRole('region', { name: 'Regions' })).toBeInTheDocument();
  });

  it('a link of before regions (detector= alone) opens that detector of the default region', async () => {
    const { defaultRegion } = await listRegions();
    const requests = recordRequests();
    renderApp(`?detector=${DEMO_DETECTOR_ID}`);
    await waitForRows();
    await waitFor(() => expect(regionControl()).toHaveValue(defaultRegion));
    expect(requests.list().map((r) => r.path)).toEqual(expect.arrayContaining([`/api/detector/${DEMO_DETECTOR_ID}/findings`]));
    expect(requests.log.some((r) => r.path.startsWith('/api/all-regions'))).toBe(false);
    requests.stop();
    expect(screen.queryByRole('region', { name: 'Regions' })).toBeNull();
  });
});
