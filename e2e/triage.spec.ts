import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../src/view/filters';
import { resourceOf, type Finding } from '../src/guardduty';
import { failOnPageProblems } from './helpers/guard';
import { rowsOf } from './helpers/table';

// Keyboard triage inside a finding (j / k), Escape back to the row, and the side panel, against
// the built app on the demo detector. Expected orders and titles come from the API itself.
failOnPageProblems();

const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const row = (page: Page, id: string) => page.locator(`tr[data-finding-id="${id}"]`);

/** The table's default list as GuardDuty orders it: current findings, last seen first. */
async function tableOrder(page: Page): Promise<Finding[]> {
  const base = `/api/detector/${DEMO_DETECTOR_ID}`;
  const list = await page.request.post(`${base}/findings`, {
    data: { findingCriteria: criteriaFromFilters(DEFAULT_FILTERS, Date.now()), sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' }, maxResults: 50 },
  });
  expect(list.ok()).toBe(true);
  const { findingIds } = (await list.json()) as { findingIds: string[] };
  const got = await page.request.post(`${base}/findings/get`, { data: { findingIds } });
  const { findings } = (await got.json()) as { findings: Finding[] };
  const byId = new Map(findings.map((f) => [f.id, f]));
  return findingIds.map((id) => byId.get(id)!);
}

const titleOf = (f: Finding) => f.title ?? f.type ?? f.id;

/** The row is focused and fully visible in the table's scroll area, below its sticky header. */
async function expectRowInViewAndFocused(page: Page, target: Locator) {
  await expect(target).toBeFocused();
  const scroller = page.getByTestId('findings-scroll');
  await expect
    .poll(async () => {
      const [r, box, head] = await Promise.all([target.boundingBox(), scroller.boundingBox(), scroller.locator('thead').boundingBox()]);
      if (!r || !box) return 'not laid out';
      const top = box.y + (head?.height ?? 0);
      return r.y >= top - 1 && r.y + r.height <= box.y + box.height + 1 ? 'visible' : `row ${r.y}–${r.y + r.height}, view ${top}–${box.y + box.height}`;
    })
    .toBe('visible');
}

test('keyboard triage: ten findings with j inside the finding, k back, Escape lands on the row, visible and focused', async ({ page }) => {
  const order = await tableOrder(page);
  await page.goto(TABLE);
  await expect(rowsOf(page).first()).toBeVisible();
  expect(await rowsOf(page).first().getAttribute('data-finding-id')).toBe(order[0].id);
  await rowsOf(page).first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => pathOf(page)).toBe(`/findings/${order[0].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(order[0]));

  for (let i = 1; i < 10; i++) {
    await page.keyboard.press('j');
    await expect.poll(() => pathOf(page)).toBe(`/findings/${order[i].id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(order[i]));
    await expect(page.getByRole('navigation', { name: 'Finding navigation' })).toContainText(`${i + 1} of`);
    // The strip leads with the resource as resourceOf names it.
    const r = resourceOf(order[i]);
    if (r.name) await expect(page.getByRole('region', { name: 'Summary' })).toContainText(r.name);
  }
  await page.keyboard.press('k');
  await expect.poll(() => pathOf(page)).toBe(`/findings/${order[8].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(order[8]));
  // One history entry for the whole triage: Back would return to the table.
  await page.keyboard.press('Escape');
  await expect.poll(() => pathOf(page)).toBe('/');
  await expect.poll(() => param(page, 'selected')).toBe(order[8].id);
  await expectRowInViewAndFocused(page, row(page, order[8].id));
});

test('Escape after stepping far beyond the rows that were on screen scrolls the row back into view', async ({ page }) => {
  const order = await tableOrder(page);
  await page.setViewportSize({ width: 1440, height: 700 });
  await page.goto(TABLE);
  await expect(rowsOf(page).first()).toBeVisible();
  await rowsOf(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(order[0]));
  // Thirty presses as fast as a held key sends them: each moves one finding on.
  for (let i = 1; i <= 30; i++) await page.keyboard.press('j');
  await expect.poll(() => pathOf(page)).toBe(`/findings/${order[30].id}`);
  await page.keyboard.press('Escape');
  await expect.poll(() => pathOf(page)).toBe('/');
  await expectRowInViewAndFocused(page, row(page, order[30].id));
});

test('the side panel opens a finding beside the table, follows j / k, switches to a page and back, is remembered, and Escape returns to the row', async ({ page }) => {
  const order = await tableOrder(page);
  await page.goto(`${TABLE}&panel=1`);
  await expect(rowsOf(page).first()).toBeVisible();
  await row(page, order[2].id).locator('a.title-link').click();
  const panel = page.getByRole('complementary', { name: 'Finding' });
  await expect(panel.getByRole('heading', { level: 2, name: titleOf(order[2]) })).toBeVisible();
  await expect(rowsOf(page).first()).toBeVisible(); // the table stays
  expect(pathOf(page)).toBe(`/findings/${order[2].id}`);
  expect(param(page, 'panel')).toBe('1');
  await expect(panel.getByRole('region', { name: 'Summary' })).toBeVisible();

  for (const [key, i] of [['j', 3], ['j', 4], ['k', 3]] as const) {
    await page.keyboard.press(key);
    await expect(panel.getByRole('heading', { level: 2, name: titleOf(order[i]) })).toBeVisible();
    await expect(row(page, order[i].id)).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => pathOf(page)).toBe(`/findings/${order[i].id}`);
  }
  // The panel's own buttons step too, and keep the table's selection with them.
  await panel.getByRole('button', { name: 'Next finding' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: titleOf(order[4]) })).toBeVisible();
  await expect(row(page, order[4].id)).toHaveAttribute('aria-current', 'true');

  // Page / panel switch, remembered by this browser.
  await panel.getByRole('button', { name: 'Open as a page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: titleOf(order[4]) })).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Open in side panel' }).click();
  await expect(page.getByRole('complementary', { name: 'Finding' }).getByRole('heading', { level: 2, name: titleOf(order[4]) })).toBeVisible();
  await page.goto(TABLE);
  await row(page, order[5].id).locator('a.title-link').click();
  await expect(page.getByRole('complementary', { name: 'Finding' }).getByRole('heading', { level: 2, name: titleOf(order[5]) })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Finding' })).toHaveCount(0);
  await expect.poll(() => pathOf(page)).toBe('/');
  await expectRowInViewAndFocused(page, row(page, order[5].id));
});
