import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sortFindings, type Finding, type SortOrder } from '../src/guardduty';
import { CURRENT } from './helpers/emulator';
import { failOnPageProblems } from './helpers/guard';
import { renderedIds, rowsOf, waitForSorted } from './helpers/table';

// Every region in one view, against the built app and the demo server's regions. Expected orders
// come from the API itself: each region's own findings (its regional endpoint), sorted with the
// contract's sortFindings — never from a hard-coded list.

failOnPageProblems();

interface RegionInfo {
  region: string;
  detectorId?: string;
  status: string;
  message?: string;
}

async function regions(request: APIRequestContext): Promise<{ defaultRegion: string; regions: RegionInfo[] }> {
  const res = await request.get('/api/regions');
  expect(res.ok()).toBe(true);
  return res.json();
}

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { data, headers: { 'content-type': 'application/json' } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A region's first `limit` findings in an order, through its own regional endpoint (ListFindings → GetFindings). */
async function regionFindings(request: APIRequestContext, r: RegionInfo, attribute: string, order: SortOrder, limit = 50): Promise<Finding[]> {
  const base = `/api/regions/${r.region}/detector/${r.detectorId}`;
  const list = await post<{ findingIds: string[] }>(request, `${base}/findings`, {
    findingCriteria: CURRENT,
    sortCriteria: { attributeName: attribute, orderBy: order },
    maxResults: limit,
  });
  if (list.findingIds.length === 0) return [];
  return (await post<{ findings: Finding[] }>(request, `${base}/findings/get`, { findingIds: list.findingIds })).findings;
}

/** The merged first page every region's findings make in this order: each region's top 50, sorted together. */
async function expectedFirstPage(request: APIRequestContext, ok: RegionInfo[], attribute: string, order: SortOrder): Promise<Finding[]> {
  const all = (await Promise.all(ok.map((r) => regionFindings(request, r, attribute, order)))).flat();
  return sortFindings(all, attribute, order).slice(0, 50);
}

const regionChip = (page: Page, region: string) => page.getByRole('region', { name: 'Regions' }).locator(`li[data-region="${region}"]`);

/** The region column of the rendered rows, in row order. */
const renderedRegions = (page: Page) =>
  rowsOf(page).evaluateAll((trs) =>
    trs.map((tr) => {
      const headers = [...tr.closest('table')!.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      const col = headers.findIndex((h) => h.startsWith('Region'));
      return tr.querySelectorAll('td')[col]?.textContent?.trim() ?? '';
    }),
  );

test('a bare link opens All regions: findings of three or more regions merged in the sort order, a chip per region', async ({ page, request }) => {
  const listed = await regions(request);
  const ok = listed.regions.filter((r) => r.status === 'ok' && r.detectorId);
  expect(ok.length, 'demo regions with a detector').toBeGreaterThanOrEqual(3);

  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Region' })).toHaveValue('all');
  await waitForSorted(page, 'service.eventLastSeen', 'DESC');

  // Every region the server covers has its chip, with what it says about that region (many
  // regions without a detector fold into one chip first).
  const chips = page.getByRole('region', { name: 'Regions' });
  for (const r of ok) await expect(regionChip(page, r.region)).toContainText(/\d[\d,]* findings?/);
  const unfold = chips.getByRole('button', { name: 'Show every region' });
  if ((await unfold.count()) > 0) {
    const quiet = listed.regions.filter((r) => r.status === 'no-detector').length;
    await expect(chips.locator('li[data-status="no-detector"]').first()).toContainText(`${quiet} regions`);
    await unfold.click();
  }
  for (const r of listed.regions) {
    const chip = regionChip(page, r.region);
    await expect(chip).toBeVisible();
    if (r.status === 'ok') await expect(chip).toContainText(/\d[\d,]* findings?/);
    if (r.status === 'not-enabled') await expect(chip).toContainText('not enabled');
    if (r.status === 'no-detector') await expect(chip).toContainText('no detector');
  }

  // Sort orders where the first page mixes three or more regions (found from the API, not assumed).
  const candidates: [string, SortOrder][] = [
    ['service.eventLastSeen', 'DESC'],
    ['severity', 'DESC'],
    ['updatedAt', 'ASC'],
    ['service.count', 'DESC'],
    ['accountId', 'ASC'],
  ];
  let checked = 0;
  for (const [attribute, order] of candidates) {
    const expected = await expectedFirstPage(request, ok, attribute, order);
    const shownRegions = new Set(expected.slice(0, 20).map((f) => f.region));
    if (shownRegions.size < 3) continue;
    await page.goto(`/?region=all&sort=${encodeURIComponent(attribute)}&order=${order}`);
    await waitForSorted(page, attribute, order);
    const ids = await renderedIds(page);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids, `${attribute} ${order}: the merged order`).toEqual(expected.slice(0, ids.length).map((f) => f.id));
    // The Region column says where each row comes from.
    expect(await renderedRegions(page)).toEqual(expected.slice(0, ids.length).map((f) => f.region));
    checked++;
    if (checked === 2) break;
  }
  expect(checked, 'sort orders whose first page mixes three or more regions').toBeGreaterThanOrEqual(1);
});

test('"Showing N of M" and the severity counts are summed across the regions that answered', async ({ page, request }) => {
  const stats = await post<{ findingStatistics: { countBySeverity?: Record<string, number> }; regions: { status: string }[] }>(
    request,
    '/api/all-regions/findings/statistics',
    { findingCriteria: CURRENT, findingStatisticTypes: ['COUNT_BY_SEVERITY'] },
  );
  const total = Object.values(stats.findingStatistics.countBySeverity ?? {}).reduce((a, b) => a + b, 0);
  const answered = stats.regions.filter((r) => r.status === 'ok').length;
  await page.goto('/?region=all');
  await expect(rowsOf(page).first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^Showing \\d+ of ${total.toLocaleString('en')} findings across ${answered} regions$`));
});

test('a failing region shows its chip with the message while the other regions still render', async ({ page, request }) => {
  const listed = await regions(request);
  const ok = listed.regions.filter((r) => r.status === 'ok' && r.detectorId);
  const failing = ok[ok.length - 1];
  const message = 'Simulated outage: the regional endpoint answered 503 three times';
  // The browser's all-regions requests go to the real server for every other region; the failing
  // region's part of the answer becomes what the server says for a region that fails.
  for (const path of ['**/api/all-regions/findings', '**/api/all-regions/findings/statistics']) {
    await page.route(path, async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      const response = await route.fetch({ postData: JSON.stringify({ ...body, regions: ok.filter((r) => r !== failing).map((r) => r.region) }) });
      const json = (await response.json()) as { regions: RegionInfo[] };
      json.regions = [...json.regions.filter((r) => r.region !== failing.region), { region: failing.region, detectorId: failing.detectorId, status: 'error', message }];
      await route.fulfill({ response, json });
    });
  }
  const expected = await expectedFirstPage(
    request,
    ok.filter((r) => r !== failing),
    'service.eventLastSeen',
    'DESC',
  );

  await page.goto('/?region=all');
  await waitForSorted(page, 'service.eventLastSeen', 'DESC');
  const chip = regionChip(page, failing.region);
  await expect(chip).toContainText('error');
  await expect(chip).toContainText(message);
  // The other regions' findings, in order, none of the failing region's.
  const ids = await renderedIds(page);
  expect(ids).toEqual(expected.slice(0, ids.length).map((f) => f.id));
  expect(await renderedRegions(page)).not.toContain(failing.region);
  for (const r of ok.filter((x) => x !== failing)) await expect(regionChip(page, r.region)).toContainText(/\d[\d,]* findings?/);
});

test('a finding of another region opens from All regions, steps in the merged order, and its link carries the region', async ({ page, request }) => {
  const listed = await regions(request);
  const ok = listed.regions.filter((r) => r.status === 'ok' && r.detectorId);
  const expected = await expectedFirstPage(request, ok, 'service.eventLastSeen', 'DESC');
  const index = expected.findIndex((f, i) => i > 0 && i < expected.length - 1 && f.region !== listed.defaultRegion);
  expect(index, 'a finding outside the default region on the first page').toBeGreaterThan(0);
  const target = expected[index];

  await page.goto('/?region=all');
  await waitForSorted(page, 'service.eventLastSeen', 'DESC');
  await rowsOf(page).nth(index).locator('a.title-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title ?? target.id);
  const url = new URL(page.url());
  expect(url.pathname).toBe(`/findings/${target.id}`);
  expect(url.searchParams.get('findingRegion')).toBe(target.region);
  expect(url.searchParams.get('region')).toBe('all');

  // A pasted copy of the link opens the same finding (fetched from its region).
  await page.goto(url.pathname + url.search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title ?? target.id);
  await expect(page.getByText(`${index + 1} of`)).toBeVisible();

  // Next follows the merged order, into whatever region the next finding lives in.
  await page.getByRole('button', { name: 'Next finding' }).click();
  const next = expected[index + 1];
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title ?? next.id);
  expect(new URL(page.url()).searchParams.get('findingRegion')).toBe(next.region);

  // Escape returns to All regions.
  await page.keyboard.press('Escape');
  await expect(rowsOf(page).first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('region') ?? 'all').toBe('all');
});

test('the region control (a native select) switches to one region and back, and the URL carries it', async ({ page, request }) => {
  const listed = await regions(request);
  const other = listed.regions.find((r) => r.status === 'ok' && r.detectorId && r.region !== listed.defaultRegion)!;
  await page.goto('/');
  await waitForSorted(page, 'service.eventLastSeen', 'DESC');
  const control = page.getByRole('combobox', { name: 'Region' });
  await control.focus();
  await control.selectOption(other.region);
  await expect(page).toHaveURL(new RegExp(`region=${other.region}`));
  await waitForSorted(page, 'service.eventLastSeen', 'DESC');
  const mine = await regionFindings(request, other, 'service.eventLastSeen', 'DESC');
  const ids = await renderedIds(page);
  expect(ids).toEqual(mine.slice(0, ids.length).map((f) => f.id));
  await expect(page.getByRole('region', { name: 'Regions' })).toHaveCount(0);
  await control.selectOption('all');
  await expect(page.getByRole('region', { name: 'Regions' })).toBeVisible();
  // Regions without a detector are listed with their status but cannot be chosen.
  for (const r of listed.regions.filter((x) => x.status === 'not-enabled' || x.status === 'no-detector')) {
    await expect(control.locator(`option[value="${r.region}"]`)).toBeDisabled();
  }
});
