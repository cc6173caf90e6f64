/**
 * The filter controls as the analyst uses them, answered by the emulator through MSW: is / is not,
 * starts with (and where only exact values apply), suggestions from GetFindingsStatistics, the
 * any-action Country and Remote IP, and the empty state's "one change that would find something".
 * Expectations come from the API, never from fixed data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getGroupedFindingsStatistics, listFindings } from '../../api/client';
import { criteriaFromFilters, DEFAULT_FILTERS, type Filters } from '../../view/filters';
import type { Finding } from '../../guardduty';
import { DEMO_DETECTOR_ID, demoFindings } from '../../test/msw';
import { activeFilters, filterBar, grid, recordRequests, renderFindings, screen, setupUser, stubGridViewport, waitFor, waitForRows, within } from './test-utils';

beforeAll(() => stubGridViewport());

type ListBody = { findingCriteria: { criterion: Record<string, Record<string, unknown>> } };
const listCriteria = (rec: ReturnType<typeof recordRequests>) => rec.list().map((e) => (e.body as ListBody | undefined)?.findingCriteria.criterion);
const cells = (column: string) => [...grid().querySelectorAll<HTMLElement>(`tbody td.cell-${column}`)].map((td) => td.textContent ?? '');
const resultCount = () => screen.getByTestId('result-count').textContent ?? '';

async function addFilter(user: ReturnType<typeof setupUser>, field: string, value: string, mode = 'is') {
  await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), field);
  await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Match' }), mode);
  const input = within(filterBar()).getByLabelText(`${field} value`);
  await user.clear(input);
  await user.click(input);
  await user.paste(value);
  await user.keyboard('{Enter}');
}

/** Every id of a query (ListFindings, paged). */
async function allIds(filters: Partial<Filters>): Promise<string[]> {
  const criteria = criteriaFromFilters({ ...DEFAULT_FILTERS, ...filters }, Date.now());
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const res = await listFindings(DEMO_DETECTOR_ID, { findingCriteria: criteria, maxResults: 50, ...(nextToken ? { nextToken } : {}) });
    ids.push(...(res.findingIds ?? []));
    nextToken = res.nextToken || undefined;
  } while (nextToken);
  return ids;
}

const current = () => demoFindings().filter((f) => !f.service?.archived);
const apiCountry = (f: Finding) => f.service?.action?.awsApiCallAction?.remoteIpDetails?.country?.countryName;
const ncCountry = (f: Finding) => f.service?.action?.networkConnectionAction?.remoteIpDetails?.country?.countryName;

describe('filter modes', () => {
  it('"is not" sends neq, reads as a chip, lives in the URL as -name, and leaves the type out', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const type = cells('type')[0];
    const rec = recordRequests();
    await addFilter(user, 'Finding type', type, 'is not');
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: `Remove filter Finding type is not: ${type}` })).toBeInTheDocument());
    expect(new URLSearchParams(window.location.search).getAll('-type')).toEqual([type]);
    await waitFor(() => expect(listCriteria(rec).at(-1)?.type).toEqual({ neq: [type] }));
    await waitForRows();
    await waitFor(() => expect(cells('type')).not.toContain(type));
    const want = await allIds({ lists: { '-type': [type] } });
    await waitFor(() => expect(resultCount()).toContain(`of ${want.length.toLocaleString('en')} findings`));
    rec.stop();
  });

  it('"starts with" sends GuardDuty\'s matches with a trailing *, and finds every instance with the prefix', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const instance = current().map((f) => f.resource?.instanceDetails?.instanceId).find((id): id is string => !!id && id.length > 6)!;
    const prefix = instance.slice(0, 6);
    const rec = recordRequests();
    await addFilter(user, 'Instance ID', prefix, 'starts with');
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: `Remove filter Instance ID starts with: ${prefix}` })).toBeInTheDocument());
    expect(new URLSearchParams(window.location.search).getAll('instance*')).toEqual([prefix]);
    await waitFor(() => expect(listCriteria(rec).at(-1)?.['resource.instanceDetails.instanceId']).toEqual({ matches: [`${prefix}*`] }));
    const want = current().filter((f) => f.resource?.instanceDetails?.instanceId?.startsWith(prefix)).length;
    expect(want).toBeGreaterThan(0);
    await waitFor(() => expect(resultCount()).toContain(`of ${want.toLocaleString('en')} findings`));
    rec.stop();
  });

  it('exact-only fields offer is / is not only, and say why', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), 'Action type');
    const modes = within(within(filterBar()).getByRole('combobox', { name: 'Match' })).getAllByRole('option').map((o) => o.textContent);
    expect(modes).toEqual(['is', 'is not']);
    expect(screen.getByText(/Exact values only/)).toBeInTheDocument();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), 'IAM user name');
    expect(within(within(filterBar()).getByRole('combobox', { name: 'Match' })).getAllByRole('option')).toHaveLength(4);
  });
});

describe('suggestions', () => {
  it('account values come from GetFindingsStatistics groupBy ACCOUNT (every matching finding), not the loaded rows', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    const rec = recordRequests();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), 'Account');
    await waitFor(() => expect(rec.log.some((e) => e.path.endsWith('/findings/statistics') && (e.body as { groupBy?: string })?.groupBy === 'ACCOUNT')).toBe(true));
    const stats = await getGroupedFindingsStatistics(DEMO_DETECTOR_ID, {
      groupBy: 'ACCOUNT',
      findingCriteria: criteriaFromFilters(DEFAULT_FILTERS, Date.now()),
      orderBy: 'DESC',
      maxResults: 100,
    });
    const want = (stats.findingStatistics.groupedByAccount ?? []).map((g) => g.accountId);
    expect(want.length).toBeGreaterThan(0);
    const input = within(filterBar()).getByLabelText('Account value');
    const list = document.getElementById(input.getAttribute('list')!)!;
    await waitFor(() => expect([...list.querySelectorAll('option')].map((o) => o.value).slice(0, want.length)).toEqual(want));
    rec.stop();
  });

  it('country suggestions include GuardDuty\'s country names', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    await user.selectOptions(within(filterBar()).getByRole('combobox', { name: 'Filter on' }), 'Country');
    const input = within(filterBar()).getByLabelText('Country value');
    const values = [...document.getElementById(input.getAttribute('list')!)!.querySelectorAll('option')].map((o) => o.value);
    expect(values).toContain('Russia');
    expect(values).toContain('United States');
  });
});

describe('any-action filters', () => {
  it('Country (any action), typed in lower case, finds the findings of every action type holding it, with a true count', async () => {
    const user = setupUser();
    renderFindings();
    await waitForRows();
    // A country held by API calls and by network connections among current findings (from the data).
    const country = current().map(apiCountry).find((c) => c && current().some((f) => ncCountry(f) === c))!;
    expect(country).toBeTruthy();
    const rec = recordRequests();
    await addFilter(user, 'Country', country.toLowerCase());
    await waitFor(() => expect(within(activeFilters()).getByRole('button', { name: `Remove filter Country: ${country}` })).toBeInTheDocument());
    // One ListFindings per action field, each with the rest of the view's criteria.
    await waitFor(() => {
      const fields = listCriteria(rec).flatMap((c) => Object.keys(c ?? {}).filter((k) => k.endsWith('countryName')));
      expect(new Set(fields).size).toBe(3);
    });
    const union = new Set([
      ...(await allIds({ lists: { country: [country] } })),
      ...(await allIds({ lists: { apiCountry: [country] } })),
      ...(await allIds({ lists: { probeCountry: [country] } })),
    ]);
    await waitFor(() => expect(resultCount()).toBe(`Showing ${union.size} of ${union.size} findings`));
    rec.stop();
  });

  it('the empty state names the per-action filter that finds 0 and the any-action filter that finds some, and switches to it', async () => {
    const user = setupUser();
    // A country only API calls hold (never a network connection) among current findings.
    const country = current().map(apiCountry).find((c) => c && !current().some((f) => ncCountry(f) === c))!;
    expect(country).toBeTruthy();
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&country=${encodeURIComponent(country)}`);
    const empty = await screen.findByRole('heading', { name: 'No findings match' });
    const box = empty.parentElement!;
    const want = new Set([...(await allIds({ lists: { apiCountry: [country] } })), ...(await allIds({ lists: { probeCountry: [country] } }))]).size;
    await waitFor(() =>
      expect(box).toHaveTextContent(`Country (network connection) = ${country} finds 0; Country (any action) finds ${want} ${want === 1 ? 'finding' : 'findings'}`),
    );
    await user.click(within(box).getByRole('button', { name: 'Use Country (any action)' }));
    expect(new URLSearchParams(window.location.search).getAll('anyCountry')).toEqual([country]);
    await waitForRows();
    await waitFor(() => expect(resultCount()).toBe(`Showing ${want} of ${want} findings`));
  });

  it('two any-action filters at once are refused with a message', async () => {
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&anyCountry=Russia&anyIp=198.51.100.1`);
    expect(await screen.findByText(/Only one "any action" filter/)).toBeInTheDocument();
  });
});
