import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import type { Finding, FindingCriteria, GetFindingsStatisticsResponse } from '../src/guardduty';
import { CURRENT } from './helpers/emulator';
import { failOnPageProblems } from './helpers/guard';
import { renderedIds, rowsOf } from './helpers/table';

// The overview on the demo server: its numbers come from GetFindingsStatistics groupBy, and every
// mark opens the findings table filtered to exactly what it counts. Expected numbers are asked of
// the same server's API, never written down.
const OVERVIEW = `/overview?detector=${DEMO_DETECTOR_ID}`;
const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;
const DAY = 24 * 3600_000;

failOnPageProblems();

async function statistics(request: APIRequestContext, body: Record<string, unknown>): Promise<GetFindingsStatisticsResponse> {
  const res = await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/statistics`, { data: body });
  expect(res.ok()).toBe(true);
  return (await res.json()) as GetFindingsStatisticsResponse;
}

const total = (s: GetFindingsStatisticsResponse) => Object.values(s.findingStatistics.countBySeverity ?? {}).reduce((a, b) => a + b, 0);
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const nf = (n: number) => n.toLocaleString('en');

async function openOverview(page: Page) {
  await page.goto(OVERVIEW);
  await expect(page.locator('.ov-grid[data-state="ready"]')).toBeVisible();
}

test('renders every panel, and the top finding type opens the table filtered to it with the same count', async ({ page, request }) => {
  await openOverview(page);
  await expect(page.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  for (const name of ['Findings per day', 'Severity', 'Triage aging', 'Top finding types', 'Top resources', 'Top accounts']) {
    await expect(region(page, name)).toHaveAttribute('data-state', 'ready');
  }
  await expect(region(page, 'Findings per day').getByRole('group', { name: /^Findings per day by severity/ }).getByRole('link').first()).toBeAttached();

  const top = (await statistics(request, { groupBy: 'FINDING_TYPE', findingCriteria: CURRENT, maxResults: 1 })).findingStatistics.groupedByFindingType![0];
  const count = top.totalFindings!;
  const link = region(page, 'Top finding types').getByRole('link').first();
  await expect(link).toHaveAccessibleName(`${top.findingType}: ${nf(count)} ${count === 1 ? 'finding' : 'findings'}`);
  await expect(link).toHaveText(top.findingType!);

  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.getAll('type').join() === top.findingType);
  await expect(rowsOf(page).first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(`Showing ${nf(Math.min(50, count))} of ${nf(count)} findings`);
  // The table's own count agrees with the API's for the same filter (the same number the overview showed).
  const criteria: FindingCriteria = { criterion: { ...CURRENT.criterion, type: { eq: [top.findingType!] } } };
  expect(total(await statistics(request, { findingStatisticTypes: ['COUNT_BY_SEVERITY'], findingCriteria: criteria }))).toBe(count);
  // Every row is of that type (asked of the API: the compact column set beside the map has no type column).
  const ids = await renderedIds(page);
  expect(ids.length).toBeGreaterThan(0);
  const got = await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: ids } });
  const findings = ((await got.json()) as { findings: Finding[] }).findings;
  expect(findings.map((f) => f.id).sort()).toEqual([...ids].sort());
  for (const f of findings) expect(f.type).toBe(top.findingType);
});

test('a triage-aging count lands on current findings of its band raised longer ago than the target', async ({ page, request }) => {
  await openOverview(page);
  const aging = region(page, 'Triage aging');
  const link = aging.getByRole('link').first();
  const label = (await link.getAttribute('aria-label'))!;
  const m = /^(Critical|High|Medium|Low): ([\d,]+) current findings? raised more than ([\d.]+) days? ago$/.exec(label);
  expect(m, label).not.toBeNull();
  const [, band, shown, days] = m!;
  const count = Number(shown.replace(/,/g, ''));
  const target = Number(days);
  await expect(aging.getByRole('spinbutton', { name: `${band} target in days` })).toHaveValue(String(target));

  const clickedAt = Date.now();
  await link.click();
  await expect(page).toHaveURL(/[?&]createdBefore=\d+/);
  await expect(page.getByText(/^Created before /)).toBeVisible();
  await expect(rowsOf(page).first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(`Showing ${nf(Math.min(50, count))} of ${nf(count)} findings`);

  // The findings on screen, as the API has them: current, in the band, and older than the target.
  const ids = await renderedIds(page);
  expect(ids.length).toBeGreaterThan(0);
  const res = await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: ids.slice(0, 50) } });
  const { findings } = (await res.json()) as { findings: Finding[] };
  expect(findings).toHaveLength(Math.min(50, ids.length));
  const range = { Critical: [9, 11], High: [7, 9], Medium: [4, 7], Low: [1, 4] }[band]!;
  for (const f of findings) {
    expect(Date.parse(f.createdAt!), `${f.id} created ${f.createdAt}`).toBeLessThan(clickedAt - target * DAY);
    expect(f.service?.archived, f.id).not.toBe(true);
    expect(f.severity!, f.id).toBeGreaterThanOrEqual(range[0]);
    expect(f.severity!, f.id).toBeLessThan(range[1]);
  }
});

test('chart marks are reachable from the keyboard with a visible focus, and Enter opens their findings', async ({ page }) => {
  await openOverview(page);
  const chart = region(page, 'Severity').getByRole('group', { name: 'Findings per severity band' });
  const mark = chart.locator('a.ov-mark[tabindex="0"]');
  await mark.focus();
  await page.keyboard.press('ArrowDown');
  const focused = chart.locator('a.ov-mark:focus');
  await expect(focused).toHaveCount(1);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  const name = (await focused.getAttribute('aria-label'))!;
  const count = Number(/: ([\d,]+) findings?/.exec(name)![1].replace(/,/g, ''));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/^[^?]*\/\?.*sev=/);
  await expect(page.getByTestId('result-count')).toHaveText(`Showing ${nf(Math.min(50, count))} of ${nf(count)} findings`);
});

test.describe('home on a wide screen', () => {
  test('a first visit at 1280 px shows the map beside the table; hiding it is remembered in this browser', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(TABLE);
    await expect(page).toHaveURL(/[?&]map=1/);
    await expect(page.locator('.fa-map')).toBeVisible();
    await expect(rowsOf(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Hide attack map' }).click();
    await expect(page.locator('.fa-map')).toHaveCount(0);
    await page.goto(TABLE);
    await expect(rowsOf(page).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show attack map' })).toBeVisible();
    expect(new URL(page.url()).searchParams.has('map')).toBe(false);
  });

  test('a narrow screen keeps one panel at a time', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(TABLE);
    await expect(rowsOf(page).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show attack map' })).toBeVisible();
    await expect(page.locator('.fa-map')).toHaveCount(0);
  });
});
