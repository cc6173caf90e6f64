import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID } from '../mocks/emulator';
import { SORT_ATTRIBUTES, type Finding } from '../src/guardduty';
import { csvRecords, unneutralise } from './helpers/csv';
import { CURRENT, expectedOrder, serverEmulator } from './helpers/emulator';
import { failOnPageProblems } from './helpers/guard';
import { renderedIds, rowsOf, waitForSorted } from './helpers/table';

// The findings table on the demo detector, against the built app served by server/ in demo mode.
// Expected orders come from the emulator (at the server's clock), never from hard-coded lists.
const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;

failOnPageProblems();

// Two cores shared with parallel builds: give the multi-step tests and their waits room.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const grid = (page: Page) => page.locator('table.findings-grid');
const headerButton = (page: Page, attribute: string) => grid(page).locator(`button[data-sort-attribute="${attribute}"]`);

async function openTable(page: Page, url = TABLE) {
  await page.goto(url);
  await expect(rowsOf(page).first()).toBeVisible();
}

/** Sorts through the UI: the column header where a column backs the attribute, else the "Sort by" menu. */
async function sortBy(page: Page, attribute: string, order: 'ASC' | 'DESC') {
  const header = headerButton(page, attribute);
  if ((await header.count()) > 0) {
    // Header cycle: the first click gives the attribute's first order (DESC for severity and count), the second the other.
    const state = await header.locator('xpath=..').getAttribute('aria-sort');
    const want = order === 'ASC' ? 'ascending' : 'descending';
    for (let i = 0; i < 3 && (await header.locator('xpath=..').getAttribute('aria-sort')) !== want; i++) {
      await header.click();
    }
    expect(state === want || (await header.locator('xpath=..').getAttribute('aria-sort')) === want).toBe(true);
  } else {
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption(attribute);
    await page.getByRole('combobox', { name: 'Sort order' }).selectOption(order);
  }
  await waitForSorted(page, attribute, order);
}

// The full 18 × 2 matrix is proven where it is cheap (the emulator's sort tests and the table's
// component tests); here one page sorts one attribute of each value kind, through headers and the menu.
const UI_SORTS = [
  'severity', // number, header
  'updatedAt', // timestamp, header
  'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4', // IPv4, header
  'service.action.awsApiCallAction.api', // string, "Sort by" menu
  'service.action.networkConnectionAction.blocked', // boolean, "Sort by" menu
];

test.describe('server-side sort', () => {
  test('one attribute of each value kind, both directions, through the headers and the "Sort by" menu', async ({ page, request }) => {
    const emulator = await serverEmulator(request, DEMO_DETECTOR_ID);
    await openTable(page);
    for (const name of UI_SORTS) {
      const attr = SORT_ATTRIBUTES.find((a) => a.name === name)!;
      const hasColumn = (await headerButton(page, attr.name).count()) > 0;
      for (const order of ['ASC', 'DESC'] as const) {
        await sortBy(page, attr.name, order);
        const expected = expectedOrder(emulator, DEMO_DETECTOR_ID, attr.name, order, CURRENT, 50);
        await expect.poll(async () => {
          const ids = await renderedIds(page);
          return ids.length > 5 && ids.every((id, i) => id === expected[i]);
        }, { message: `${attr.label} ${order}` }).toBe(true);
        const params = new URL(page.url()).searchParams;
        expect(params.get('sort')).toBe(attr.name);
        expect(params.get('order')).toBe(order);
        if (hasColumn) {
          await expect(headerButton(page, attr.name).locator('xpath=..')).toHaveAttribute('aria-sort', order === 'ASC' ? 'ascending' : 'descending');
        }
      }
    }
  });

  test('later pages keep ListFindings order (severity, highest first, page 2)', async ({ page, request }) => {
    const emulator = await serverEmulator(request, DEMO_DETECTOR_ID);
    await openTable(page, `${TABLE}&sort=severity&order=DESC`);
    const expected = expectedOrder(emulator, DEMO_DETECTOR_ID, 'severity', 'DESC', CURRENT, 100);
    await page.getByTestId('findings-scroll').evaluate((el) => el.scrollTo({ top: 60 * 36 }));
    await expect(page.getByTestId('result-count')).toContainText('Showing 100 of');
    await expect.poll(async () => {
      const rows = await rowsOf(page).evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('data-index')), tr.getAttribute('data-finding-id')] as const));
      return rows.length > 5 && rows.every(([i, id]) => expected[i] === id);
    }).toBe(true);
  });
});

test('a deep link restores sort, filters and the selected finding, on reload and on back/forward', async ({ page, request }) => {
  const emulator = await serverEmulator(request, DEMO_DETECTOR_ID);
  const criteria = { criterion: { ...CURRENT.criterion, severity: { gte: 7, lt: 11 } } };
  const expected = expectedOrder(emulator, DEMO_DETECTOR_ID, 'service.count', 'DESC', criteria, 50);
  const selected = expected[4];
  const link = `${TABLE}&sort=service.count&order=DESC&sev=high&selected=${selected}`;
  for (const load of [() => page.goto(link), () => page.reload()]) {
    await load();
    await waitForSorted(page, 'service.count', 'DESC');
    await expect(headerButton(page, 'service.count').locator('xpath=..')).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('button', { name: 'Remove filter Severity: High or higher' })).toBeVisible();
    await expect(page.locator(`tr[data-finding-id="${selected}"]`)).toHaveAttribute('aria-current', 'true');
    expect((await renderedIds(page)).slice(0, 10)).toEqual(expected.slice(0, 10));
  }
  // A new sort is a new history entry; Back restores the link's view, Forward the new one.
  // Severity sorts highest first on the first click.
  await headerButton(page, 'severity').click();
  await waitForSorted(page, 'severity', 'DESC');
  await page.goBack();
  await waitForSorted(page, 'service.count', 'DESC');
  await expect(page.getByRole('button', { name: 'Remove filter Severity: High or higher' })).toBeVisible();
  await page.goForward();
  await waitForSorted(page, 'severity', 'DESC');
});

test('keyboard: j/k and arrows move the row, / focuses the filter, Escape returns, Enter opens', async ({ page }) => {
  await openTable(page);
  const ids = await renderedIds(page);
  const focusedId = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-finding-id') ?? null);
  await page.keyboard.press('j');
  expect(await focusedId()).toBe(ids[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  expect(await focusedId()).toBe(ids[2]);
  await page.keyboard.press('k');
  expect(await focusedId()).toBe(ids[1]);
  await page.keyboard.press('ArrowDown');
  expect(await focusedId()).toBe(ids[2]);
  // The focused row is visibly marked.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('td')!).boxShadow);
  expect(outline).not.toBe('none');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Finding type value')).toBeFocused();
  await page.keyboard.press('Escape');
  expect(await focusedId()).toBe(ids[2]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/findings/${ids[2]}\\?`));
  expect(new URL(page.url()).searchParams.get('selected')).toBe(ids[2]);
});

test('exports parse back to the loaded findings: JSON (exact API objects) and CSV', async ({ page, request }) => {
  await openTable(page);
  const ids = await renderedIds(page);
  await rowsOf(page).nth(1).getByRole('checkbox').check();
  await rowsOf(page).nth(4).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByText('4 selected')).toBeVisible();

  await page.getByRole('button', { name: /^Export/ }).click();
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-row', { hasText: 'Selected (4)' }).getByRole('button', { name: 'JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as Finding[];
  const served = (await (await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: ids.slice(1, 5) } })).json()) as { findings: Finding[] };
  const byId = new Map(served.findings.map((f) => [f.id, f]));
  expect(exported).toEqual(ids.slice(1, 5).map((id) => byId.get(id)));

  await page.getByRole('button', { name: /^Export/ }).click();
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-row', { hasText: 'All loaded' }).getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const records = csvRecords(await readFile((await csvDownload.path())!, 'utf8'));
  expect(records).toHaveLength(50);
  const list = (await (await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings`, {
    data: { findingCriteria: CURRENT, sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' }, maxResults: 50 },
  })).json()) as { findingIds: string[] };
  expect(records.map((r) => r.id)).toEqual(list.findingIds);
  const all = (await (await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: list.findingIds } })).json()) as { findings: Finding[] };
  const allById = new Map(all.findings.map((f) => [f.id, f]));
  for (const r of records) {
    const f = allById.get(r.id)!;
    expect(unneutralise(r.title)).toBe(f.title ?? '');
    expect(unneutralise(r.type)).toBe(f.type ?? '');
    expect(Number(r.severity)).toBe(f.severity);
    expect(r.accountId).toBe(f.accountId ?? '');
    expect(r.updatedAt).toBe(f.updatedAt ?? '');
    // Nothing a spreadsheet would run as a formula.
    for (const cell of Object.values(r)) expect(/^[=+\-@]/.test(cell)).toBe(false);
  }
});

test('at scale: pages load as the analyst scrolls and the DOM keeps ≤ 100 rows', async ({ page }) => {
  const listRequests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/findings$/.test(new URL(r.url()).pathname)) listRequests.push(r.postData() ?? '');
  });
  await openTable(page, `/?detector=${SCALE_DETECTOR_ID}`);
  await expect(page.getByTestId('result-count')).toContainText(/Showing 50 of [\d,]+ findings/);
  const scroller = page.getByTestId('findings-scroll');
  for (let loaded = 100; loaded <= 500; loaded += 50) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByTestId('result-count')).toContainText(`Showing ${loaded} of`);
    expect(await rowsOf(page).count()).toBeLessThanOrEqual(100);
  }
  // One ListFindings per page, each with its own token: no duplicates.
  expect(new Set(listRequests).size).toBe(listRequests.length);
  expect(listRequests.length).toBe(10);
});
