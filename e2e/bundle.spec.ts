import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { measureBundle } from '../bench/bundle';
import { failOnPageProblems } from './helpers/guard';

// The production build the e2e server serves: checked as files, since what matters is what ships.
test.describe('production bundle', () => {
  failOnPageProblems();
  const report = measureBundle('dist');

  test('contains no MSW code and no mock service worker', () => {
    expect(report.mswFiles).toEqual([]);
    expect(readdirSync('dist')).not.toContain('mockServiceWorker.js');
  });

  test('keeps Leaflet out of the initial load and stays within the 150 KB gzip budget', () => {
    expect(report.leafletInInitial).toEqual([]);
    expect(report.initialJsGzip).toBeLessThanOrEqual(150 * 1024);
  });

  test('is served under the strict CSP with no inline script', async ({ page }) => {
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await expect(page.locator('table.findings-grid tbody tr').first()).toBeVisible();
  });
});
