import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { measureBundle } from '../bench/bundle';

// The production build the e2e server serves: checked as files, since what matters is what ships.
test.describe('production bundle', () => {
  const report = measureBundle('dist');

  test('contains no MSW code and no mock service worker', () => {
    expect(report.mswFiles).toEqual([]);
    expect(readdirSync('dist')).not.toContain('mockServiceWorker.js');
  });

  test('keeps Leaflet out of the initial load and stays within the 150 KB gzip budget', () => {
    expect(report.leafletInInitial).toEqual([]);
    expect(report.initialJsGzip).toBeLessThanOrEqual(150 * 1024);
  });

  test('loads no script from another origin and no inline script', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.origin !== new URL(page.url() || r.url()).origin) foreign.push(r.url());
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await expect(page.getByRole('table')).toBeVisible();
    expect(foreign).toEqual([]);
  });
});
