import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { getGroupedFindingsStatistics } from '../../api/client';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import { parseViewState } from '../../view/url-state';
import { apiPath, delay, DEMO_DETECTOR_ID, http, HttpResponse, server } from '../../test/msw';
import { countOfLink, numberIn, panel, PANELS, renderOverview, screen, settled, waitFor, within } from './test-utils';

const statisticsCalls = () => {
  const bodies: Record<string, unknown>[] = [];
  const onStart = ({ request }: { request: Request }) => {
    if (!new URL(request.url).pathname.endsWith('/findings/statistics')) return;
    void request.clone().json().then((b: Record<string, unknown>) => bodies.push(b));
  };
  server.events.on('request:start', onStart);
  return { bodies, stop: () => server.events.removeListener('request:start', onStart) };
};

// The overview is a lazy chunk of the app: loaded once here, so a test times the screen, not the import.
beforeAll(async () => {
  await import('./OverviewScreen');
});

describe('Overview', () => {
  it('is a tab beside Findings, in the URL, and keeps the view state across', async () => {
    const user = userEvent.setup();
    renderOverview(`?detector=${DEMO_DETECTOR_ID}&sev=high`);
    const tabs = screen.getByRole('navigation', { name: 'Views' });
    expect(within(tabs).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('Overview', { selector: 'h1' })).toBeInTheDocument();
    await user.click(within(tabs).getByRole('link', { name: 'Findings' }));
    expect(window.location.pathname).toBe('/');
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('high');
    expect(within(tabs).getByRole('link', { name: 'Findings' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows every panel loading (reserved space, busy) until the statistics arrive', async () => {
    server.use(http.post(apiPath.statistics, async () => { await delay('infinite'); return HttpResponse.json({}); }));
    renderOverview();
    for (const name of PANELS) {
      const p = await waitFor(() => panel(name));
      expect(p).toHaveAttribute('aria-busy', 'true');
      expect(within(p).getByText(`Loading ${name.toLowerCase()}…`)).toBeInTheDocument();
    }
  });

  it('says so in every panel when no finding matches the filters', async () => {
    renderOverview(`?detector=${DEMO_DETECTOR_ID}&type=${encodeURIComponent('No:Such/Finding.Type')}`);
    for (const name of ['Findings per day', 'Severity', 'Top finding types', 'Top resources', 'Top accounts']) {
      const p = await settled(name);
      expect(p).toHaveAttribute('data-state', 'empty');
      expect(within(p).queryByRole('link')).toBeNull();
    }
    expect(within(panel('Findings per day')).getByText(/No findings were updated between .* with these filters\./)).toBeInTheDocument();
    expect(within(panel('Top finding types')).getByText('No findings match the filters.')).toBeInTheDocument();
    const aging = await settled('Triage aging');
    expect(within(aging).getByText(/Nothing is waiting longer than its target\./)).toBeInTheDocument();
  });

  it('shows each panel’s error with GuardDuty’s __type and a Retry that reloads that panel', async () => {
    const user = userEvent.setup();
    server.use(http.post(apiPath.statistics, () => HttpResponse.json({ __type: 'InternalException', message: 'Statistics are down.' }, { status: 500 })));
    renderOverview();
    for (const name of PANELS) {
      const p = await settled(name);
      const alert = within(p).getByRole('alert');
      expect(alert).toHaveTextContent('InternalException');
      expect(alert).toHaveTextContent('Statistics are down.');
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    }
    server.resetHandlers();
    // The severity breakdown is summed from the trend's queries: its Retry reloads both.
    for (const name of ['Severity', 'Triage aging', 'Top finding types', 'Top resources', 'Top accounts']) {
      await user.click(within(panel(name)).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(panel(name)).toHaveAttribute('data-state', 'ready'));
      expect(within(panel(name)).queryByRole('alert')).toBeNull();
    }
    expect(panel('Findings per day')).toHaveAttribute('data-state', 'ready');
  });

  it('lists the top finding types as GetFindingsStatistics counts them, and the first opens the table filtered to it with the same count', async () => {
    const user = userEvent.setup();
    const expected = await getGroupedFindingsStatistics(DEMO_DETECTOR_ID, {
      groupBy: 'FINDING_TYPE',
      findingCriteria: criteriaFromFilters(DEFAULT_FILTERS, Date.now()),
      maxResults: 10,
    });
    const types = expected.findingStatistics.groupedByFindingType!;
    expect(types.length).toBeGreaterThan(1);
    renderOverview();
    const p = await settled('Top finding types');
    const links = within(p).getAllByRole('link');
    expect(links).toHaveLength(types.length);
    types.forEach((t, i) => {
      expect(links[i]).toHaveAccessibleName(`${t.findingType}: ${t.totalFindings!.toLocaleString('en')} ${t.totalFindings === 1 ? 'finding' : 'findings'}`);
    });
    const first = types[0];
    expect(await countOfLink(links[0].getAttribute('href')!)).toBe(first.totalFindings);
    await user.click(links[0]);
    expect(window.location.pathname).toBe('/');
    expect(new URLSearchParams(window.location.search).getAll('type')).toEqual([first.findingType]);
    const total = first.totalFindings!.toLocaleString('en');
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent(new RegExp(`^Showing [\\d,]+ of ${total} findings$`)));
  });

  it('links every resource and account row to exactly the findings it counts', async () => {
    renderOverview();
    for (const name of ['Top resources', 'Top accounts']) {
      const p = await settled(name);
      const links = within(p).getAllByRole('link');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(await countOfLink(link.getAttribute('href')!), link.getAttribute('aria-label')!).toBe(numberIn(link.getAttribute('aria-label')!));
    }
    // A resource link names the resource by its type and id.
    const resource = within(panel('Top resources')).getAllByRole('link')[0];
    const state = parseViewState(new URL(resource.getAttribute('href')!, 'http://local').searchParams);
    expect(state.filters.lists.resource).toHaveLength(1);
    expect(Object.keys(state.filters.lists).length).toBeGreaterThanOrEqual(2);
  });

  it('draws the severity breakdown with band names, and each band links to a table whose count matches', async () => {
    renderOverview();
    const p = await settled('Severity');
    const links = within(p).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('aria-label')).toMatch(/^(Critical|High|Medium|Low): [\d,]+ findings? \(\d+%\)$/);
      expect(await countOfLink(link.getAttribute('href')!)).toBe(numberIn(link.getAttribute('aria-label')!));
    }
  });

  it('stacks findings per day by band; each bar links to that day and band with the same count; the table view has the numbers', async () => {
    const user = userEvent.setup();
    renderOverview(`?detector=${DEMO_DETECTOR_ID}&updated=30d`);
    const p = await settled('Findings per day');
    const chart = within(p).getByRole('group', { name: /^Findings per day by severity/ });
    const marks = within(chart).getAllByRole('link');
    expect(marks.length).toBeGreaterThan(4);
    // One Tab stop for the chart; the others are reached with the arrow keys.
    expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
    for (const mark of [marks[0], marks[Math.floor(marks.length / 2)], marks[marks.length - 1]]) {
      const label = mark.getAttribute('aria-label')!;
      expect(label).toMatch(/^\w{3}, \w{3} \d+, \d{4}, (Critical|High|Medium|Low): [\d,]+ findings?$/);
      expect(await countOfLink(mark.getAttribute('href')!), label).toBe(numberIn(label));
    }
    marks[0].focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(marks[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(marks[marks.length - 1]);

    await user.click(within(p).getByRole('button', { name: /Show as table/ }));
    const table = within(p).getByRole('table');
    const cells = within(table).getAllByRole('link');
    expect(cells).toHaveLength(marks.length);
  });

  it('counts overdue current findings per band against editable targets kept per browser; each count links to those findings', async () => {
    const user = userEvent.setup();
    const calls = statisticsCalls();
    renderOverview();
    const p = await settled('Triage aging');
    // Defaults: Critical/High 1 day, Medium 7, Low 30: one count request per distinct target.
    expect(within(p).getByRole('spinbutton', { name: 'Critical target in days' })).toHaveValue(1);
    expect(within(p).getByRole('spinbutton', { name: 'Medium target in days' })).toHaveValue(7);
    expect(calls.bodies.filter((b) => JSON.stringify(b).includes('createdAt'))).toHaveLength(3);
    calls.stop();
    const links = within(p).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const label = link.getAttribute('aria-label')!;
      const href = link.getAttribute('href')!;
      const filters = parseViewState(new URL(href, 'http://local').searchParams).filters;
      expect(filters.archived).toBe('current');
      expect(filters.created?.before).toBeLessThan(Date.now());
      expect(await countOfLink(href), label).toBe(numberIn(label));
    }

    const low = within(p).getByRole('spinbutton', { name: 'Low target in days' });
    await user.clear(low);
    await user.type(low, '90{Enter}');
    expect(JSON.parse(window.localStorage.getItem('fa.agingTargets')!)).toMatchObject({ low: 90 });
    // Only that count reloads: the table and the input stay on screen.
    expect(within(panel('Triage aging')).getByRole('spinbutton', { name: 'Low target in days' })).toHaveValue(90);
    await waitFor(() => expect(panel('Triage aging')).not.toHaveAttribute('aria-busy'));
    const lowLink = within(panel('Triage aging')).queryByRole('link', { name: /^Low: / });
    if (!lowLink) expect(within(panel('Triage aging')).getByRole('spinbutton', { name: 'Low target in days' }).closest('tr')).toHaveTextContent(/0$/);
    else {
      const f = parseViewState(new URL(lowLink.getAttribute('href')!, 'http://local').searchParams).filters;
      expect(Date.now() - f.created!.before).toBeGreaterThanOrEqual(90 * 24 * 3600_000);
      expect(await countOfLink(lowLink.getAttribute('href')!)).toBe(numberIn(lowLink.getAttribute('aria-label')!));
    }
  });

  it('asks each question once: 4 DATE + FINDING_TYPE + RESOURCE + ACCOUNT + one count per distinct aging target', async () => {
    const calls = statisticsCalls();
    renderOverview();
    for (const name of PANELS) await settled(name);
    await waitFor(() => expect(calls.bodies.length).toBe(10));
    const groupBys = calls.bodies.map((b) => (b.groupBy as string | undefined) ?? 'COUNT');
    expect(groupBys.sort()).toEqual(['ACCOUNT', 'COUNT', 'COUNT', 'COUNT', 'DATE', 'DATE', 'DATE', 'DATE', 'FINDING_TYPE', 'RESOURCE']);
    expect(new Set(calls.bodies.map((b) => JSON.stringify(b))).size).toBe(calls.bodies.length);
    calls.stop();
  });
});
