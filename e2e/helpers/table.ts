/** Locators and waits for the findings table in Playwright tests and the bench. */
import { expect, type Page } from '@playwright/test';

export const rowsOf = (page: Page) => page.locator('table.findings-grid tbody tr[data-finding-id]');

/** Ids of the rendered rows in DOM (= list) order. */
export const renderedIds = (page: Page) => rowsOf(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')!));

/** Waits until the table shows data of the given sort (not a skeleton, not the previous sort). */
export async function waitForSorted(page: Page, attribute: string, order: 'ASC' | 'DESC') {
  await expect(page.locator(`table.findings-grid[data-state="ready"][data-sort="${attribute}:${order}"]`)).toBeVisible();
  await expect(rowsOf(page).first()).toBeVisible();
}
