import { act, fireEvent } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getFindings, listFindings } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { detectorScope } from '../../api/scope';
import type { Finding } from '../../guardduty';
import { apiPath, DEMO_DETECTOR_ID, http, HttpResponse, server } from '../../test/msw';
import { COLUMN_PREFS_KEY } from './column-prefs';
import {
  columnHeader,
  defaultCriteria,
  grid,
  activeFilters,
  filterBar,
  headerLabels as headers,
  preloadFindingPage,
  renderApp,
  renderFindings,
  renderedIds,
  screen,
  setupUser,
  severityBands,
  sortButton,
  stubGridViewport,
  tableControls,
  waitFor,
  waitForRows,
  within,
} from './test-utils';

beforeAll(async () => {
  stubGridViewport();
  await preloadFindingPage();
});

const row = (id: string) => grid().querySelector<HTMLElement>(`tbody tr[data-finding-id="${id}"]`)!;
const activeId = () => grid().querySelector<HTMLElement>('tbody tr[aria-current="true"]')?.dataset.findingId;

describe('keyboard', () => {
  it('j / k move the focused row, selected in the URL', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const ids = renderedIds();
    await user.keyboard('j');
    expect(activeId()).toBe(ids[0]);
    expect(row(ids[0])).toHaveFocus();
    await user.keyboard('j');
    expect(activeId()).toBe(ids[1]);
    expect(row(ids[1])).toHaveFocus();
    expect(new URLSearchParams(window.location.search).get('selected')).toBe(ids[1]);
    await user.keyboard('k');
    expect(activeId()).toBe(ids[0]);
    expect(new URLSearchParams(window.location.search).get('selected')).toBe(ids[0]);
  });

  it('the arrows move the focused row too, and Enter opens it', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const ids = renderedIds();
    // j puts the focus on the first row; the arrows move it from there.
    await user.keyboard('j');
    expect(activeId()).toBe(ids[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(activeId()).toBe(ids[1]);
    expect(row(ids[1])).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(window.location.pathname).toBe(`/findings/${encodeURIComponent(ids[1])}`);
    expect(new URLSearchParams(window.location.search).get('selected')).toBe(ids[1]);
    expect(new URLSearchParams(window.location.search).get('detector')).toBe(DEMO_DETECTOR_ID);
  });

  it('clicking a row opens it; Back returns to the list with the row selected', async () => {
    const user = setupUser();
    renderApp();
    await waitForRows();
    const id = renderedIds()[2];
    await user.click(row(id).querySelector('td.cell-region')!);
    expect(window.location.pathname).toBe(`/findings/${encodeURIComponent(id)}`);
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await popped;
    });
    await waitForRows();
    await waitFor(() => expect(activeId()).toBe(id));
  });
});

describe('scroll position', () => {
  const scroller = () => screen.getByTestId('findings-scroll');
  async function scrollTo(top: number) {
    await act(async () => {
      scroller().scrollTop = top;
      fireEvent.scroll(scroller());
    });
  }

  it('Back from a finding returns to the offset the list was left at (kept in the history entry)', async () => {
    const user = setupUser();
    renderApp();
    await waitForRows();
    await scrollTo(20 * 52);
    const id = renderedIds().find((x) => Number(row(x).dataset.index) >= 22)!;
    await user.click(row(id).querySelector('td.cell-region')!);
    expect(window.location.pathname).toBe(`/findings/${encodeURIComponent(id)}`);
    // The table is gone (a page of its own), and comes back on Back.
    expect(screen.queryByTestId('findings-scroll')).toBeNull();
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await popped;
    });
    await waitForRows();
    await waitFor(() => expect(scroller().scrollTop).toBe(20 * 52));
    expect(row(id)).not.toBeNull();
  });

  it('a new sort starts at the top', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await scrollTo(15 * 52);
    await user.click(sortButton('Severity'));
    await waitFor(() => expect(grid()).toHaveAttribute('data-sort', 'severity:DESC'));
    expect(scroller().scrollTop).toBe(0);
  });

  it("a filter from outside the table (the summary bar's severity band) starts at the top too", async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await scrollTo(15 * 52);
    await user.click(within(severityBands()).getByRole('button', { name: /^High/ }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('sev')).toBeTruthy());
    await waitFor(() => expect(scroller().scrollTop).toBe(0));
  });
});

describe('selection and export', () => {
  it('checkboxes select rows; Shift-click selects a range; Space toggles the focused row', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const ids = renderedIds();
    const box = (id: string) => within(row(id)).getByRole('checkbox');
    await user.click(box(ids[0]));
    await user.keyboard('{Shift>}');
    await user.click(box(ids[3]));
    await user.keyboard('{/Shift}');
    for (const id of ids.slice(0, 4)) expect(box(id)).toBeChecked();
    expect(box(ids[4])).not.toBeChecked();
    expect(screen.getByText(/4 selected/)).toBeInTheDocument();
    // Keyboard: Space on the focused row.
    await user.keyboard('j');
    await user.keyboard('j');
    await user.keyboard('j');
    await user.keyboard('j');
    await user.keyboard('j');
    expect(activeId()).toBe(ids[4]);
    await user.keyboard(' ');
    expect(box(ids[4])).toBeChecked();
    expect(screen.getByText(/5 selected/)).toBeInTheDocument();
  });

  it('exports the selected findings as the exact API objects (JSON) and all loaded as CSV', async () => {
    const user = setupUser();
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderFindings();
    await waitForRows();
    const ids = renderedIds();
    await user.click(within(row(ids[1])).getByRole('checkbox'));
    await user.click(within(row(ids[5])).getByRole('checkbox'));

    await user.click(within(tableControls()).getByRole('button', { name: /^Export/ }));
    const panel = within(tableControls()).getByText('Export findings').parentElement!;
    await user.click(within(within(panel).getByText('Selected (2)').parentElement!).getByRole('button', { name: 'JSON' }));
    expect(click).toHaveBeenCalledTimes(1);
    const json = JSON.parse(await blobs[0].text()) as Finding[];
    const { findings } = await getFindings(DEMO_DETECTOR_ID, [ids[1], ids[5]]);
    const byId = new Map(findings.map((f) => [f.id, f]));
    expect(json).toEqual([byId.get(ids[1]), byId.get(ids[5])]);

    await user.click(within(tableControls()).getByRole('button', { name: /^Export/ }));
    const panel2 = within(tableControls()).getByText('Export findings').parentElement!;
    await user.click(within(within(panel2).getByText(/All loaded/).parentElement!).getByRole('button', { name: 'CSV' }));
    const csv = await blobs[1].text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0].startsWith('id,severity,severityBand,title,type')).toBe(true);
    expect(lines).toHaveLength(51);
    expect(lines[1].startsWith(`${ids[0]},`)).toBe(true);
    click.mockRestore();
  });
});

describe('URL state', () => {
  it('a deep link restores sort, filters and the selected finding', async () => {
    const list = await listFindings(DEMO_DETECTOR_ID, {
      findingCriteria: { criterion: { ...defaultCriteria().criterion, severity: { gte: 7, lt: 11 } } },
      sortCriteria: { attributeName: 'severity', orderBy: 'ASC' },
      maxResults: 50,
    });
    const selected = list.findingIds[3];
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&sort=severity&order=ASC&sev=high&archived=all&selected=${encodeURIComponent(selected)}`);
    await waitForRows();
    expect(columnHeader('Severity')).toHaveAttribute('aria-sort', 'ascending');
    expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Severity: High or higher' })).toBeInTheDocument();
    expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Status: Current and archived' })).toBeInTheDocument();
    expect(within(filterBar()).getByRole('radio', { name: 'All' })).toBeChecked();
    await waitFor(() => expect(activeId()).toBe(selected));
  });

  it('back and forward restore the previous sort', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    // Count sorts highest first on the first click.
    await user.click(sortButton('Count'));
    expect(columnHeader('Count')).toHaveAttribute('aria-sort', 'descending');
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await popped;
    });
    await waitFor(() => expect(columnHeader('Last seen')).toHaveAttribute('aria-sort', 'descending'));
    await act(async () => {
      const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.forward();
      await popped;
    });
    await waitFor(() => expect(columnHeader('Count')).toHaveAttribute('aria-sort', 'descending'));
  });

  it('highlights rows whose remote IP is the map selection (mapIp) and can filter on it', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const ipCell = [...grid().querySelectorAll<HTMLElement>('tbody td.cell-remoteIp .mono')][0];
    const ip = ipCell.textContent!;
    const id = ipCell.closest('tr')!.dataset.findingId!;
    await act(async () => {
      window.history.pushState(null, '', `${window.location.pathname}${window.location.search}&mapIp=${ip}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(row(id)).toHaveClass('is-map-match'));
    expect(screen.getByText(/loaded findings? highlighted/)).toBeInTheDocument();
    await user.click(within(activeFilters()).getByRole('button', { name: 'Filter to this IP' }));
    // The any-action form: the IP in whichever action type's field holds it.
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: `Remove filter Remote IP: ${ip}` })).toBeInTheDocument());
    expect(new URLSearchParams(window.location.search).getAll('anyIp')).toEqual([ip]);
    await waitFor(() => expect(row(id)).toBeInTheDocument());
  });
});

describe('preferences', () => {
  it('column visibility and order persist in this browser', async () => {
    const user = setupUser();
    const view = renderFindings();
    await waitForRows();
    expect(headers()).toContain('Region');
    await user.click(within(tableControls()).getByRole('button', { name: /^Columns/ }));
    await user.click(within(tableControls()).getByRole('checkbox', { name: 'Region' }));
    await user.click(within(tableControls()).getByRole('button', { name: 'Move Updated left' }));
    await user.keyboard('{Escape}');
    expect(headers()).not.toContain('Region');
    const order = headers().map((h) => h.replace(/[↕▲▼].*$/, '').trim());
    expect(order.indexOf('Updated')).toBeLessThan(order.indexOf('Last seen'));
    expect(JSON.parse(window.localStorage.getItem(COLUMN_PREFS_KEY)!).hidden).toEqual(['region']);
    view.unmount();
    renderFindings();
    await waitForRows();
    expect(headers()).not.toContain('Region');
  });

  it('times are relative with the exact UTC time for hover and screen readers; a setting shows local time', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const time = grid().querySelector('tbody td.cell-lastSeen time')!;
    expect(time.getAttribute('title')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    expect(time.textContent).toMatch(/ago|now|yesterday|in \d/);
    expect(time.textContent).toContain(time.getAttribute('title')!);
    await user.selectOptions(within(tableControls()).getByRole('combobox', { name: 'Times' }), 'Local time');
    const local = grid().querySelector('tbody td.cell-lastSeen time')!;
    expect(local.textContent).not.toMatch(/ago|in \d/);
  });
});

describe('auto-refresh', () => {
  it('offers "N new findings — show" without moving the scroll position', async () => {
    const user = setupUser();
    window.localStorage.setItem('fa.autoRefresh', '30');
    const { client } = renderFindings();
    await waitForRows();
    const scroller = screen.getByTestId('findings-scroll');
    await act(async () => {
      scroller.scrollTop = 300;
      fireEvent.scroll(scroller);
    });
    // The first poll is the baseline; the next one names a finding nobody has seen yet.
    await waitFor(() => expect(client.getQueryData([...queryKeys.findingsRoot(detectorScope({ detectorId: DEMO_DETECTOR_ID })), 'poll', defaultCriteria()])).toBeDefined());
    server.use(
      http.post(apiPath.listFindings, async ({ request }) => {
        const body = (await request.clone().json()) as { sortCriteria?: { attributeName: string } };
        if (body.sortCriteria?.attributeName !== 'updatedAt') return undefined;
        const real = await listFindingsPassThrough(body);
        return HttpResponse.json({ findingIds: ['brand-new-finding', ...real.findingIds.slice(0, 49)], nextToken: real.nextToken });
      }),
    );
    await act(async () => {
      await client.refetchQueries({ queryKey: [...queryKeys.findingsRoot(detectorScope({ detectorId: DEMO_DETECTOR_ID })), 'poll'] });
    });
    const offer = await screen.findByText('1 new finding — show', { selector: 'button' });
    expect(scroller.scrollTop).toBe(300);
    server.resetHandlers();
    await user.click(offer);
    expect(scroller.scrollTop).toBe(0);
    await waitFor(() => expect(screen.queryByText(/new finding/, { selector: 'button' })).toBeNull());
  });
});

/** The emulator's own answer, for a handler that edits it. */
async function listFindingsPassThrough(body: unknown) {
  server.resetHandlers();
  try {
    return await listFindings(DEMO_DETECTOR_ID, body as Parameters<typeof listFindings>[1]);
  } finally {
    /* handlers stay reset: the next poll sees the real list again */
  }
}
