import { act, fireEvent } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getFindings } from '../../api/client';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import { ROW_HEIGHT } from './useGridScroll';
import { apiPath, delay, DEMO_DETECTOR_ID, http, HttpResponse, SCALE_DETECTOR_ID, server } from '../../test/msw';
import {
  columnHeader as header,
  defaultCriteria,
  setupUser,
  sortButton,
  withinHeader,
  expectedIds,
  expectedTotal,
  grid,
  recordRequests,
  renderFindings,
  renderedIds,
  screen,
  stubGridViewport,
  tableControls,
  waitFor,
  waitForRows,
  within,
} from './test-utils';

beforeAll(() => stubGridViewport());

/** The table's error banner, found by its text (a role query over the loaded rows is slow), and that it is an alert. */
const findAlert = async (text: RegExp) => (await screen.findByText(text, { selector: '[role="alert"] *' })).closest<HTMLElement>('[role="alert"]')!;
const count = () => screen.getByTestId('result-count');
const scroller = () => screen.getByTestId('findings-scroll');

async function scrollTo(top: number) {
  await act(async () => {
    scroller().scrollTop = top;
    fireEvent.scroll(scroller());
  });
}

describe('FindingsTable: first screen', () => {
  it('shows page 1 in ListFindings order (last seen, newest first) with "showing N of M"', async () => {
    renderFindings();
    await waitForRows();
    const expected = await expectedIds('service.eventLastSeen', 'DESC');
    const ids = renderedIds();
    expect(ids).toEqual(expected.slice(0, ids.length));
    const total = await expectedTotal();
    await waitFor(() => expect(count()).toHaveTextContent(`Showing 50 of ${total} findings`));
    expect(header('Last seen')).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows a skeleton while the first page loads', async () => {
    server.use(
      http.post(apiPath.listFindings, async () => {
        await delay(400);
      }),
    );
    renderFindings();
    await waitFor(() => expect(screen.getByRole('table', { name: 'Findings' })).toHaveAttribute('aria-busy', 'true'));
    expect(count()).toHaveTextContent('Loading findings…');
    expect(grid().querySelectorAll('.skeleton-row').length).toBeGreaterThan(0);
    await waitForRows();
    expect(grid()).not.toHaveAttribute('aria-busy');
  });
});

describe('FindingsTable: sorting on the server', () => {
  // The header cycles highest first → lowest first → default: one transition per test, each from
  // the state the previous one leaves (in the URL), so each re-sorts the table once.
  it('cycles Severity: a first click puts the most severe findings on top, with aria-sort and the API order', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await user.click(sortButton('Severity'));
    expect(header('Severity')).toHaveAttribute('aria-sort', 'descending');
    expect(window.location.search).toContain('sort=severity');
    expect(window.location.search).toContain('order=DESC');
    const desc = await expectedIds('severity', 'DESC');
    await waitFor(() => expect(renderedIds()).toEqual(desc.slice(0, renderedIds().length)));
    expect(renderedIds().length).toBeGreaterThan(10);
  });

  it('cycles Severity: the second click puts the least severe on top', async () => {
    const user = setupUser();
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&sort=severity&order=DESC`);
    await waitForRows();
    expect(header('Severity')).toHaveAttribute('aria-sort', 'descending');
    await user.click(sortButton('Severity'));
    expect(header('Severity')).toHaveAttribute('aria-sort', 'ascending');
    expect(window.location.search).toContain('order=ASC');
    const asc = await expectedIds('severity', 'ASC');
    await waitFor(() => expect(renderedIds()).toEqual(asc.slice(0, renderedIds().length)));
    expect(renderedIds().length).toBeGreaterThan(10);
  });

  it('cycles Severity: the third click goes back to the default order', async () => {
    const user = setupUser();
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&sort=severity&order=ASC`);
    await waitForRows();
    expect(header('Severity')).toHaveAttribute('aria-sort', 'ascending');
    await user.click(sortButton('Severity'));
    expect(header('Severity')).not.toHaveAttribute('aria-sort');
    expect(header('Last seen')).toHaveAttribute('aria-sort', 'descending');
    expect(window.location.search).not.toContain('sort=');
    const byLastSeen = await expectedIds('service.eventLastSeen', 'DESC');
    await waitFor(() => expect(renderedIds()).toEqual(byLastSeen.slice(0, renderedIds().length)));
  });

  it('names the attribute a header sorts by when the column shows more, and only offers sorting on documented attributes', async () => {
    renderFindings();
    await waitForRows();
    expect(withinHeader().getByRole('button', { name: /Remote IP.*sorts by network-connection IP/ })).toHaveAttribute(
      'data-sort-attribute',
      'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4',
    );
    expect(withinHeader().getByRole('button', { name: /Resource.*sorts by instance ID/ })).toBeInTheDocument();
    expect(withinHeader().getByRole('columnheader', { name: /Severity/ })).toContainElement(sortButton('Severity'));
    // Title and Region are not documented sort attributes: no button, no aria-sort.
    expect(within(withinHeader().getByRole('columnheader', { name: /^Title/ })).queryByRole('button')).toBeNull();
    expect(within(withinHeader().getByRole('columnheader', { name: /^Region/ })).queryByRole('button')).toBeNull();
  });

  it('reaches attributes outside the default columns from the "Sort by" menu, and shows their column while they sort', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const menu = within(tableControls()).getByRole('combobox', { name: 'Sort by' });
    expect(within(menu).getAllByRole('option')).toHaveLength(18);
    await user.selectOptions(menu, 'Local port');
    await user.selectOptions(within(tableControls()).getByRole('combobox', { name: 'Sort order' }), 'Ascending');
    const attr = 'service.action.networkConnectionAction.localPortDetails.port';
    const expected = await expectedIds(attr, 'ASC');
    await waitFor(() => expect(renderedIds()).toEqual(expected.slice(0, renderedIds().length)));
    expect(screen.getByText(/sorted by Local port, lowest first/, { selector: '.muted' })).toBeVisible();
    // Its column appears while it is the sort key, with the value each row is ordered by.
    expect(header('Local port')).toHaveAttribute('aria-sort', 'ascending');
    const first = await getFindings(DEMO_DETECTOR_ID, expected.slice(0, 3));
    const byId = new Map(first.findings.map((f) => [f.id, f]));
    for (const id of expected.slice(0, 3)) {
      const port = byId.get(id)?.service?.action?.networkConnectionAction?.localPortDetails?.port;
      const cell = grid().querySelector(`tr[data-finding-id="${id}"] td.cell-localPort`)!;
      expect(cell.textContent).toContain(port === undefined ? '—' : String(port));
    }
  });

  it('cancels the requests a sort change supersedes', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    server.use(
      http.post(apiPath.listFindings, async ({ request }) => {
        const body = (await request.clone().json()) as { sortCriteria?: { attributeName: string } };
        if (body.sortCriteria?.attributeName === 'severity') await delay('infinite');
      }),
    );
    const rec = recordRequests();
    await user.click(sortButton('Severity'));
    await waitFor(() => expect(rec.list().length).toBe(1));
    await user.click(sortButton('Finding type'));
    const expected = await expectedIds('type', 'ASC');
    await waitFor(() => expect(renderedIds()).toEqual(expected.slice(0, renderedIds().length)));
    const severityRequest = rec.list().find((r) => (r.body as { sortCriteria: { attributeName: string } }).sortCriteria.attributeName === 'severity');
    expect(severityRequest?.aborted()).toBe(true);
    rec.stop();
  });
});

describe('FindingsTable: paging at scale', () => {
  // The emulator builds the 10,000-finding detector on its first request (seconds): a fixture, built
  // once here so the test times the table, not the dataset.
  beforeAll(async () => {
    await expectedIds('service.eventLastSeen', 'DESC', defaultCriteria(), SCALE_DETECTOR_ID);
  });

  it('loads pages of 50 as the analyst scrolls, keeps ≤ 100 rows in the DOM and makes no duplicate requests', async () => {
    const rec = recordRequests();
    renderFindings(`?detector=${SCALE_DETECTOR_ID}`);
    await waitForRows();
    expect(count()).toHaveTextContent(/Showing 50 of 10,000 findings|Showing 50 of/);
    // Four pages: 200 loaded, at most 100 of them in the DOM.
    for (let page = 1; page < 4; page++) {
      await scrollTo(page * 50 * ROW_HEIGHT);
      await waitFor(() => expect(count()).toHaveTextContent(`Showing ${(page + 1) * 50} of`));
      expect(grid().querySelectorAll('tbody tr[data-finding-id]').length).toBeLessThanOrEqual(100);
    }
    const lists = rec.list();
    expect(lists).toHaveLength(4);
    const tokens = lists.map((r) => (r.body as { nextToken?: string }).nextToken ?? '');
    expect(new Set(tokens).size).toBe(4);
    expect(rec.get()).toHaveLength(4);
    // Rows keep ListFindings' order across pages, with no repeats.
    const ids = renderedIds();
    expect(new Set(ids).size).toBe(ids.length);
    rec.stop();
  });

  it('treats nextToken "" as the end of the list', async () => {
    const criteria = criteriaFromFilters(DEFAULT_FILTERS, Date.now());
    const ids = (await expectedIds('service.eventLastSeen', 'DESC', criteria)).slice(0, 3);
    server.use(http.post(apiPath.listFindings, () => HttpResponse.json({ findingIds: ids, nextToken: '' })));
    const rec = recordRequests();
    const { client } = renderFindings();
    await waitForRows();
    expect(renderedIds()).toEqual(ids);
    expect(await screen.findByText(/End of the list · 3 findings/)).toBeInTheDocument();
    await scrollTo(1000);
    // Nothing in flight once the scroll is handled: no next page was asked for.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(rec.list()).toHaveLength(1);
    rec.stop();
  });
});

describe('FindingsTable: errors', () => {
  it('shows the error __type and message with a Retry, and does not retry on its own', async () => {
    const user = setupUser();
    let calls = 0;
    server.use(
      http.post(apiPath.listFindings, () => {
        calls++;
        return HttpResponse.json(
          { __type: 'InternalException', message: 'The request is rejected because an internal error occurred.' },
          { status: 500, headers: { 'x-amzn-ErrorType': 'InternalServerErrorException' } },
        );
      }),
    );
    const { client } = renderFindings();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('InternalException');
    expect(alert).toHaveTextContent('The request is rejected because an internal error occurred.');
    // A retry would keep the query fetching (TanStack Query retries inside the fetch): none is.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(calls).toBe(1);
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForRows();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failing next page keeps the loaded rows; Retry loads it', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    server.use(
      http.post(apiPath.listFindings, async ({ request }) => {
        const body = (await request.clone().json()) as { nextToken?: string };
        if (body.nextToken) {
          return HttpResponse.json({ __type: 'InvalidInputException', message: 'nextToken: the token is not valid.' }, { status: 400 });
        }
      }),
    );
    await scrollTo(40 * 36);
    const alert = await findAlert(/Could not load more findings/);
    expect(alert).toHaveTextContent('Could not load more findings');
    expect(alert).toHaveTextContent('InvalidInputException');
    expect(renderedIds().length).toBeGreaterThan(10);
    expect(count()).toHaveTextContent('Showing 50 of');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(count()).toHaveTextContent('Showing 100 of'));
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('a failing refresh keeps the table', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const before = renderedIds();
    server.use(http.post(apiPath.listFindings, () => HttpResponse.json({ __type: 'InternalException', message: 'boom' }, { status: 500 })));
    await user.click(within(tableControls()).getByRole('button', { name: /Refresh/ }));
    const alert = await findAlert(/Could not refresh the findings/);
    expect(alert).toHaveTextContent('Could not refresh the findings');
    expect(renderedIds()).toEqual(before);
  });
});
