import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID } from '../../test/msw';
import { activeFilters, filterBar, grid, recordRequests, renderFindings, renderedIds, screen, setupUser, severityBands, stubGridViewport, waitFor, waitForRows, within } from './test-utils';

beforeAll(() => stubGridViewport());

type ListBody = { findingCriteria: { criterion: Record<string, Record<string, unknown>> } };
const lastListCriterion = (rec: ReturnType<typeof recordRequests>) => (rec.list().at(-1)?.body as ListBody | undefined)?.findingCriteria.criterion;
const cells = (column: string) => [...grid().querySelectorAll<HTMLElement>(`tbody td.cell-${column}`)].map((td) => td.textContent ?? '');
const chips = () => within(activeFilters()).getAllByRole('button', { name: /^Remove filter/ });

async function addFilter(user: ReturnType<typeof setupUser>, field: string, value: string) {
  await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), field);
  const input = within(filterBar()).getByLabelText(`${field} value`);
  await user.clear(input);
  await user.click(input);
  await user.paste(value);
  await user.keyboard('{Enter}');
}

describe('filters (server-side, findingCriteria)', () => {
  it('a finding type filter narrows the rows, shows a removable chip and lives in the URL', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const type = cells('type')[0];
    const rec = recordRequests();
    await addFilter(user, 'Finding type', type);
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: `Remove filter Finding type: ${type}` })).toBeInTheDocument());
    expect(new URLSearchParams(window.location.search).getAll('type')).toEqual([type]);
    await waitFor(() => expect(lastListCriterion(rec)?.type).toEqual({ eq: [type] }));
    await waitForRows();
    await waitFor(() => expect(new Set(cells('type'))).toEqual(new Set([type])));

    await user.click(within(activeFilters()).getByRole('button', { name: `Remove filter Finding type: ${type}` }));
    expect(window.location.search).not.toContain('type=');
    rec.stop();
  });

  it('values of one field are OR-ed in one condition; fields are AND-ed', async () => {
    const user = setupUser();
    // One Region value from the URL (adding a value in the bar is the test above): the second joins it.
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&inRegion=us-east-1`);
    await waitForRows();
    const rec = recordRequests();
    await addFilter(user, 'Region', 'eu-west-1');
    await addFilter(user, 'Remote IP (API call)', '198.51.100.1');
    await waitFor(() =>
      expect(lastListCriterion(rec)).toEqual({
        region: { eq: ['us-east-1', 'eu-west-1'] },
        'service.action.awsApiCallAction.remoteIpDetails.ipAddressV4': { eq: ['198.51.100.1'] },
        'service.archived': { eq: ['false'] },
      }),
    );
    expect(chips()).toHaveLength(3);
    rec.stop();
  });

  it('severity is a band range: a minimum, or from–to', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const rec = recordRequests();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Minimum severity' }), 'high');
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Severity: High or higher' })).toBeInTheDocument());
    await waitFor(() => expect(lastListCriterion(rec)?.severity).toEqual({ gte: 7, lt: 11 }));
    await waitForRows();
    await waitFor(() => expect(cells('severity').every((s) => /^(High|Critical)/.test(s))).toBe(true));
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Maximum severity' }), 'high');
    await waitFor(() => expect(lastListCriterion(rec)?.severity).toEqual({ gte: 7, lt: 9 }));
    expect(window.location.search).toContain('sev=high');
    expect(window.location.search).toContain('sevTo=high');
    rec.stop();
  });

  it('status Current / Archived / All maps to service.archived (Current by default)', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    expect(within(filterBar()).getByRole('radio', { name: 'Current' })).toBeChecked();
    const rec = recordRequests();
    await user.click(within(filterBar()).getByRole('radio', { name: 'Archived' }));
    await waitFor(() => expect(lastListCriterion(rec)?.['service.archived']).toEqual({ eq: ['true'] }));
    await user.click(within(filterBar()).getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(rec.list().length).toBe(2));
    await waitFor(() => expect(lastListCriterion(rec)).toEqual({}));
    rec.stop();
  });

  it('updated time windows go on the wire as epoch milliseconds', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const rec = recordRequests();
    const before = Date.now();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Updated' }), 'Last 7 days');
    await waitFor(() => expect(lastListCriterion(rec)?.updatedAt).toBeDefined());
    const gte = lastListCriterion(rec)!.updatedAt.gte as number;
    expect(Number.isInteger(gte)).toBe(true);
    expect(Math.abs(before - 7 * 24 * 3600_000 - gte)).toBeLessThan(60_000);
    expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Updated: last 7 days' })).toBeInTheDocument();
    rec.stop();
  });

  it('says which filters hide everything, and Clear all brings the rows back', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await addFilter(user, 'Finding type', 'Nothing:Matches/This');
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Minimum severity' }), 'critical');
    const empty = await screen.findByRole('heading', { name: 'No findings match' });
    const box = empty.parentElement!;
    expect(box).toHaveTextContent('These filters together hide every finding of the detector');
    expect(within(box).getByRole('button', { name: 'Remove filter Finding type: Nothing:Matches/This' })).toBeInTheDocument();
    expect(within(box).getByRole('button', { name: 'Remove filter Severity: Critical' })).toBeInTheDocument();
    expect(box).toHaveTextContent('Only current findings are shown');
    await user.click(within(box).getByRole('button', { name: 'Clear all filters' }));
    await waitForRows();
    expect(renderedIds().length).toBeGreaterThan(0);
    expect(window.location.search).not.toMatch(/type=|sev=/);
  });

  it('"/" focuses the filter; Escape hands focus back to the table', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await user.keyboard('/');
    expect(within(filterBar()).getByLabelText('Finding type value')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(document.activeElement?.closest('tr')).toHaveAttribute('data-finding-id');
  });
});

describe('severity summary bar', () => {
  it('shows counts per band (summing to the total) and filters on click', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const bar = severityBands();
    const bands = ['Critical', 'High', 'Medium', 'Low'].map((label) => within(bar).getByRole('button', { name: new RegExp(`^${label}`) }));
    await waitFor(() => expect(bands[0]).toHaveTextContent(/\d/));
    const counts = bands.map((b) => Number(b.textContent!.replace(/\D/g, '')));
    const total = counts.reduce((a, b) => a + b, 0);
    expect(screen.getByTestId('result-count')).toHaveTextContent(`of ${total.toLocaleString('en')} findings`);

    await user.click(bands[1]);
    expect(bands[1]).toHaveAttribute('aria-pressed', 'true');
    expect(bands[0]).toHaveAttribute('aria-pressed', 'false');
    expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Severity: High' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent(`of ${counts[1].toLocaleString('en')} findings`));
    await waitFor(() => expect(cells('severity').every((s) => s.startsWith('High'))).toBe(true));
    // The other bands keep their counts while one is chosen.
    expect(Number(bands[3].textContent!.replace(/\D/g, ''))).toBe(counts[3]);

    await user.click(bands[1]);
    expect(bands[1]).toHaveAttribute('aria-pressed', 'false');
    expect(window.location.search).not.toContain('sev=');
  });
});
