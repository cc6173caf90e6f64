import { expect, test, type Page } from '@playwright/test';
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

// Issue 16 items 4 and 5: the table shows what it sorts by, a card list on phones, export of everything matching.

/** N of "Showing 50 of N findings". */
async function matchingCount(page: Page): Promise<number> {
  const count = page.getByTestId('result-count');
  await expect(count).toContainText(/Showing [\d,]+ of [\d,]+ findings/);
  const m = /of ([\d,]+) findings/.exec((await count.textContent()) ?? '');
  return Number(m![1].replace(/,/g, ''));
}

async function exportAll(page: Page, kind: 'JSON' | 'CSV') {
  await page.getByRole('button', { name: /^Export/ }).click();
  const row = page.getByTestId('export-all-row');
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: kind }).click()]);
  return readFile((await download.path())!, 'utf8');
}

for (const [scope, url] of [
  ['one detector', TABLE],
  ['all regions', '/?region=all'],
] as const) {
  test(`export all matching (${scope}): as many findings as "Showing N of M" says, not only the loaded 50`, async ({ page }) => {
    await openTable(page, url);
    const total = await matchingCount(page);
    expect(total).toBeGreaterThan(50);
    await page.getByRole('button', { name: /^Export/ }).click();
    await expect(page.getByTestId('export-all-row')).toContainText(`All matching (${total.toLocaleString('en')})`);
    await page.getByRole('button', { name: /^Export/ }).click();

    const json = JSON.parse(await exportAll(page, 'JSON')) as Finding[];
    expect(json).toHaveLength(total);
    expect(new Set(json.map((f) => f.id)).size).toBe(total);
    await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported ${total.toLocaleString('en')} matching findings`);
    // The table holds them all now, in the same order as the file.
    expect(await matchingCount(page)).toBe(total);
    await expect(page.getByTestId('result-count')).toContainText(`Showing ${total.toLocaleString('en')} of`);

    const records = csvRecords(await exportAll(page, 'CSV'));
    expect(records).toHaveLength(total);
    expect(records.map((r) => r.id)).toEqual(json.map((f) => f.id));
  });
}

test.describe('at 1440 px with the map open', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the sort column stays on screen: Last seen by default, API name when it sorts', async ({ page }) => {
    await openTable(page, `${TABLE}&map=1`);
    await expect(page.locator('.map-pane, .fa-map-all').first()).toBeVisible();
    const scroller = page.getByTestId('findings-scroll');
    const onScreen = async (name: RegExp) => {
      const th = grid(page).getByRole('columnheader', { name });
      await expect(th).toBeVisible();
      const [box, pane] = [await th.boundingBox(), await scroller.boundingBox()];
      expect(box!.x).toBeGreaterThanOrEqual(pane!.x - 1);
      expect(box!.x + box!.width).toBeLessThanOrEqual(pane!.x + pane!.width + 1);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
      // Nothing to scroll sideways to reach it.
      expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0);
    };
    await expect(grid(page).getByRole('columnheader', { name: /Last seen/ })).toHaveAttribute('aria-sort', 'descending');
    await onScreen(/Last seen/);

    const api = 'service.action.awsApiCallAction.api';
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption(api);
    await waitForSorted(page, api, 'DESC');
    await onScreen(/^API name/);
    await expect(grid(page).getByRole('columnheader', { name: /^API name/ })).toHaveAttribute('aria-sort', 'descending');
    // Each row shows the value it is ordered by.
    const apis = await rowsOf(page).locator('td.cell-apiName').allTextContents();
    const values = apis.filter((a) => a !== '—');
    expect(values.length).toBeGreaterThan(0);
    expect([...values].sort().reverse()).toEqual(values);
  });
});

test('a column resizes by dragging its handle, and keeps the width after a reload', async ({ page }) => {
  await openTable(page);
  const th = () => grid(page).getByRole('columnheader', { name: /^Resource/ });
  const before = (await th().boundingBox())!;
  const handle = page.getByRole('separator', { name: 'Resize Resource column' });
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 60, h.y + h.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await th().boundingBox())!.width)).toBe(Math.round(before.width + 60));
  await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(before.width + 60)));
  await page.reload();
  await expect(rowsOf(page).first()).toBeVisible();
  await expect.poll(async () => Math.round((await th().boundingBox())!.width)).toBe(Math.round(before.width + 60));
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a card list: severity, title, resource, remote IP and last seen, with j/k and selection', async ({ page, request }) => {
    await openTable(page);
    await expect(grid(page)).toHaveClass(/findings-cards/);
    const ids = await renderedIds(page);
    const { findings } = (await (await request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: ids.slice(0, 3) } })).json()) as { findings: Finding[] };
    for (const f of findings) {
      const card = page.locator(`tr[data-finding-id="${f.id}"] .finding-card`);
      await expect(card.locator('.card-title')).toHaveText(f.title ?? f.id);
      await expect(card.locator('.severity-value')).toHaveText((f.severity ?? 0).toFixed(1));
      await expect(card.locator('time')).toBeVisible();
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    // No sideways scrolling, page or list.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.getByTestId('findings-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(page.locator(`tr[data-finding-id="${ids[1]}"]`)).toBeFocused();
    await page.keyboard.press('x');
    await expect(page.getByText(/1 selected/)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/findings/${ids[1]}\\?`));
  });
});
