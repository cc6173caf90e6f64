/**
 * The table's layout (issue 16 item 4) and "Export all matching" (item 5): resizable columns kept
 * per browser, the compact set beside the map, the card list on narrow screens, and an export of
 * every matching finding, answered by the emulator through MSW.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listFindings } from '../../api/client';
import { findingsQuery } from '../../api/queries';
import { detectorScope } from '../../api/scope';
import { createQueryClient } from '../../api/query-client';
import { DEFAULT_SORT } from '../../view/url-state';
import type { Finding } from '../../guardduty';
import { apiPath, delay, DEMO_DETECTOR_ID, http, server } from '../../test/msw';
import { COLUMN_PREFS_KEY } from './column-prefs';
import { CARD_LIST_QUERY } from './FindingsTable';
import { ExportMenu } from './TableToolbar';
import { flattenPages } from '../../view/findings-view';
import {
  columnHeader,
  defaultCriteria,
  expectedIds,
  expectedTotal,
  grid,
  headerLabels as headerNames,
  renderFindings,
  renderedIds,
  screen,
  setupUser,
  stubGridViewport,
  tableControls,
  waitFor,
  waitForRows,
  within,
  withinHeader,
} from './test-utils';

beforeAll(() => stubGridViewport());

const activeId = () => grid().querySelector<HTMLElement>('tbody tr[aria-current="true"]')?.dataset.findingId;

/** Every id ListFindings gives for the default view, page by page. */
async function allMatchingIds(): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const res = await listFindings(DEMO_DETECTOR_ID, {
      findingCriteria: defaultCriteria(),
      sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' },
      maxResults: 50,
      nextToken,
    });
    ids.push(...(res.findingIds ?? []));
    nextToken = res.nextToken || undefined;
  } while (nextToken);
  return ids;
}

function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    }),
    revokeObjectURL: vi.fn(),
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, restore: () => click.mockRestore() };
}

describe('columns', () => {
  it('a column resizes from the keyboard, and its width is kept in this browser', async () => {
    const user = setupUser();
    const view = renderFindings();
    await waitForRows();
    const handle = withinHeader().getByRole('separator', { name: 'Resize Finding type column' });
    const before = Number(handle.getAttribute('aria-valuenow'));
    handle.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{Shift>}{ArrowRight}{/Shift}');
    const after = before + 16 + 16 + 64;
    expect(withinHeader().getByRole('separator', { name: 'Resize Finding type column' })).toHaveAttribute('aria-valuenow', String(after));
    expect(JSON.parse(window.localStorage.getItem(COLUMN_PREFS_KEY)!).widths).toEqual({ type: after });
    const col = grid().querySelectorAll('colgroup col')[headerNames().indexOf('Finding type')] as HTMLElement;
    expect(col.style.width).toBe(`${after}px`);
    view.unmount();
    renderFindings();
    await waitForRows();
    expect(withinHeader().getByRole('separator', { name: 'Resize Finding type column' })).toHaveAttribute('aria-valuenow', String(after));
    // Home gives the default width back.
    withinHeader().getByRole('separator', { name: 'Resize Finding type column' }).focus();
    await user.keyboard('{Home}');
    expect(withinHeader().getByRole('separator', { name: 'Resize Finding type column' })).toHaveAttribute('aria-valuenow', String(before));
  });

  it('with the map open, the compact set shows, and the sort column stays on screen', async () => {
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&map=1`);
    await waitForRows();
    expect(headerNames().slice(1)).toEqual(['Severity', 'Title', 'Resource', 'Remote IP', 'Last seen']);
    expect(columnHeader('Last seen')).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorting by API name shows an API name column with each row’s API', async () => {
    const attr = 'service.action.awsApiCallAction.api';
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&map=1&sort=${attr}&order=ASC`);
    await waitForRows();
    expect(headerNames()).toContain('API name');
    expect(columnHeader('API name')).toHaveAttribute('aria-sort', 'ascending');
    const first = (await expectedIds(attr, 'ASC'))[0];
    await waitFor(() => expect(renderedIds()[0]).toBe(first));
    expect(grid().querySelector(`tr[data-finding-id="${first}"] td.cell-apiName`)!.textContent).not.toBe('');
  });
});

describe('narrow screens', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'matchMedia');
  });

  it('at 600 px or less, a card list (severity, title, resource, remote IP, last seen) with keyboard and selection', async () => {
    window.matchMedia = ((query: string) => ({
      matches: query === CARD_LIST_QUERY,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    })) as unknown as typeof window.matchMedia;
    const user = setupUser();
    renderFindings();
    await waitForRows();
    expect(grid()).toHaveClass('findings-cards');
    expect(headerNames()[1]).toMatch(/^Finding/);
    const ids = renderedIds();
    expect(ids).toEqual((await expectedIds('service.eventLastSeen', 'DESC')).slice(0, ids.length));
    const card = grid().querySelector<HTMLElement>(`tr[data-finding-id="${ids[0]}"] .finding-card`)!;
    expect(card.querySelector('.severity-label')!.textContent).toMatch(/Low|Medium|High|Critical/);
    expect(card.querySelector('.card-title')!.textContent).not.toBe('');
    expect(card.querySelector('.card-resource')).not.toBeNull();
    expect(card.querySelector('time')).not.toBeNull();
    // Virtualized like the rows: not every loaded finding is in the DOM.
    expect(ids.length).toBeLessThan(50);
    await user.keyboard('j');
    expect(activeId()).toBe(ids[0]);
    await user.keyboard('j');
    expect(activeId()).toBe(ids[1]);
    await user.keyboard('x');
    expect(screen.getByText(/^· 1 selected/)).toBeInTheDocument();
  });
});

describe('export all matching', () => {
  it('exports every finding matching the view (not only the 50 loaded), as many as "Showing N of M" says', async () => {
    const downloads = captureDownloads();
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const total = await expectedTotal();
    expect(total).toBeGreaterThan(50);
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent(`Showing 50 of ${total.toLocaleString('en')}`));
    await user.click(within(tableControls()).getByRole('button', { name: /^Export/ }));
    const row = screen.getByTestId('export-all-row');
    expect(row).toHaveTextContent(`All matching (${total.toLocaleString('en')})`);
    await user.click(within(row).getByRole('button', { name: 'JSON' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const json = JSON.parse(await downloads.blobs[0].text()) as Finding[];
    expect(json).toHaveLength(total);
    expect(json.map((f) => f.id)).toEqual(await allMatchingIds());
    expect(downloads.names[0]).not.toMatch(/first-/);
    expect(await screen.findByText(`Exported ${total.toLocaleString('en')} matching findings`)).toBeInTheDocument();

    // CSV of the same: one line per finding after the header.
    await user.click(within(tableControls()).getByRole('button', { name: /^Export/ }));
    await user.click(within(screen.getByTestId('export-all-row')).getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(2));
    expect((await downloads.blobs[1].text()).trimEnd().split('\r\n')).toHaveLength(total + 1);
    downloads.restore();
  });

  it('can be cancelled while it loads, and then writes no file', async () => {
    const downloads = captureDownloads();
    const user = setupUser();
    renderFindings();
    await waitForRows();
    // The pages after the first never answer: the run is still going when Cancel is pressed.
    server.use(http.post(apiPath.getFindings, () => delay('infinite')));
    await user.click(within(tableControls()).getByRole('button', { name: /^Export/ }));
    await user.click(within(screen.getByTestId('export-all-row')).getByRole('button', { name: 'CSV' }));
    expect(await screen.findByText(/Exporting CSV: 50 of/)).toBeInTheDocument();
    await act(async () => {
      await user.click(within(tableControls()).getByRole('button', { name: 'Cancel' }));
    });
    expect(await screen.findByText('Export cancelled: no file written')).toBeInTheDocument();
    expect(downloads.blobs).toHaveLength(0);
    downloads.restore();
  });
});

describe('export all matching, capped', () => {
  it('says so in the menu, the status and the file name when the view holds more than the cap: never a silently incomplete file', async () => {
    const downloads = captureDownloads();
    const user = setupUser();
    const scope = detectorScope({ detectorId: DEMO_DETECTOR_ID });
    const criteria = defaultCriteria();
    const client = createQueryClient();
    const options = findingsQuery(scope, criteria, DEFAULT_SORT);
    await client.fetchInfiniteQuery(options);
    const total = await expectedTotal(criteria);
    const loaded = flattenPages(client.getQueryData(options.queryKey)?.pages);
    const cap = 120;
    expect(total).toBeGreaterThan(cap);
    render(
      <QueryClientProvider client={client}>
        <ExportMenu
          source={DEMO_DETECTOR_ID}
          loaded={loaded}
          selected={[]}
          all={{ scope, criteria, sort: DEFAULT_SORT, queryKey: options.queryKey, total, hasMore: true, cap }}
        />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    expect(screen.getByTestId('export-all-row')).toHaveTextContent(`All matching: the first ${cap} of ${total} (the cap)`);
    await user.click(within(screen.getByTestId('export-all-row')).getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const lines = (await downloads.blobs[0].text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(cap + 1);
    expect(downloads.names[0]).toMatch(new RegExp(`-first-${cap}\\.csv$`));
    expect(await screen.findByText(`Exported the first ${cap} of ${total} matching findings (at most ${cap})`)).toBeInTheDocument();
    downloads.restore();
  });
});
