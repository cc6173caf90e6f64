import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ATTACKER_TEXT_FINDING_IDS, DEMO_DETECTOR_ID, demoFindings } from '../mocks/emulator';
import { primaryRemoteIp } from '../src/guardduty';
import { csvRecords } from './helpers/csv';
import { failOnPageProblems } from './helpers/guard';
import { rowsOf } from './helpers/table';

// The product as an analyst uses it: one whole journey, the keyboard, and attacker-controlled text
// through the table (axe audits every view in e2e/a11y.spec.ts). Every test fails on a request to another
// host, a CSP violation, a page error or a dialog (an injected alert()).
const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;

failOnPageProblems();

const severities = (page: Page) => rowsOf(page).locator('.severity-label').allTextContents();

test('whole journey: filter, sort, open, pivot to the map, export, reload the link', async ({ page }) => {
  await page.goto(TABLE);
  await expect(rowsOf(page).first()).toBeVisible();

  // 1. High and Critical only.
  await page.getByRole('combobox', { name: 'Minimum severity' }).selectOption('high');
  await expect(page).toHaveURL(/[?&]sev=high/);
  await expect.poll(async () => (await severities(page)).length).toBeGreaterThan(0);
  await expect.poll(async () => (await severities(page)).every((s) => s === 'High' || s === 'Critical')).toBe(true);

  // 2. Sorted by last seen, newest first.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('service.eventLastSeen');
  await page.getByRole('combobox', { name: 'Sort order' }).selectOption('DESC');
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Last seen');

  // 3. Open the newest finding from the keyboard.
  const first = rowsOf(page).first();
  const newestId = await first.getAttribute('data-finding-id');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/findings/${newestId}\\?`));
  const finding = demoFindings().find((f) => f.id === newestId)!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(finding.title!);

  // 4. Pivot to its remote IP on the attack map.
  const ip = primaryRemoteIp(finding)!.ip!;
  await page.getByRole('link', { name: 'Show on the attack map' }).first().click();
  await expect(page).toHaveURL(/[?&]map=1/);
  await expect(page).toHaveURL(new RegExp(`[?&]mapIp=${ip.replace(/\./g, '\\.')}`));
  await expect(page.locator('.fa-map')).toBeVisible();
  await expect(page.locator('.fa-ip__title').filter({ hasText: ip }).first()).toBeVisible();
  // The table beside it still shows the filtered findings.
  await expect.poll(async () => (await severities(page)).every((s) => s === 'High' || s === 'Critical')).toBe(true);

  // 5. Export the filtered findings as CSV: every loaded row, all High or Critical.
  await page.getByRole('button', { name: /^Export/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-row').filter({ hasText: 'All loaded' }).getByRole('button', { name: 'CSV' }).click()]);
  const records = csvRecords(await readFile((await download.path())!, 'utf8'));
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) expect(Number(record.severity)).toBeGreaterThanOrEqual(7);
  expect(records.map((r) => r.id)).toContain(newestId);

  // 6. Reload the deep link: same filters, same sort, same map selection.
  const link = page.url();
  await page.reload();
  expect(page.url()).toBe(link);
  await expect(page.getByRole('combobox', { name: 'Minimum severity' })).toHaveValue('high');
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Last seen');
  await expect(page.locator('.fa-ip__title').filter({ hasText: ip }).first()).toBeVisible();
  await expect.poll(async () => (await severities(page)).every((s) => s === 'High' || s === 'Critical')).toBe(true);
});

test.describe('accessibility', () => {
  test('everything in the header and toolbar is reachable by keyboard with a visible focus', async ({ page }) => {
    await page.goto(TABLE);
    await expect(rowsOf(page).first()).toBeVisible();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const label = (el as HTMLInputElement).labels?.[0]?.textContent;
        const name = el.getAttribute('aria-label') || label || el.textContent || el.tagName;
        return { name: name.trim().slice(0, 40), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
      });
      if (!focus) continue;
      expect(focus.outline, `focus ring on ${focus.name}`).toBe(true);
      seen.add(focus.name);
    }
    // The map toggle reads Show or Hide: a first visit at 1280 px opens the map beside the table.
    for (const name of ['Detector', 'Keyboard shortcuts', 'attack map', 'Refresh']) {
      expect([...seen].some((s) => s.includes(name)), `${name} reachable by Tab (saw ${[...seen].join(' | ')})`).toBe(true);
    }
  });

  test('? opens the keyboard shortcut overlay and Escape closes it', async ({ page }) => {
    await page.goto(TABLE);
    await expect(rowsOf(page).first()).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Open the focused finding');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test('attacker-controlled text in the table renders as text', async ({ page }) => {
  const finding = demoFindings().find((f) => f.id === ATTACKER_TEXT_FINDING_IDS[0])!;
  const instance = finding.resource!.instanceDetails!.instanceId!;
  await page.goto(`${TABLE}&archived=all&instance=${encodeURIComponent(instance)}`);
  const row = page.locator(`tr[data-finding-id="${finding.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(finding.title!);
  expect(await page.locator('table.findings-grid img, table.findings-grid script, table.findings-grid svg[onload]').count()).toBe(0);
});
