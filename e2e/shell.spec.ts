import { expect, test, type Page, type Request } from '@playwright/test';
import { DEMO_DETECTOR_ID, SAMPLE_FINDING_ID } from '../mocks/emulator';
import { rowsOf } from './helpers/table';

// The app shell: a lazy chunk that fails to load stays in its panel (with a retry that works),
// and the attack map's chunk loads after the first rows, when the browser is idle.
const MAP_CHUNK = /\/assets\/AttackMapPanel-[^/]+\.js$/;
const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;

/** Uncaught errors fail the test (an aborted chunk's console line is expected here, so the shared guard is not used). */
function failOnPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a map chunk that fails to load: the table stays usable, the map panel says so, and "Try again" loads the map', async ({ page }) => {
  const errors = failOnPageErrors(page);
  // The first attempt's requests fail (Vite asks for the chunk twice: a modulepreload, then the import).
  let failing = true;
  let aborted = 0;
  await page.route(MAP_CHUNK, (route) => {
    if (!failing) return route.continue();
    aborted++;
    return route.abort('failed');
  });
  await page.goto(`${TABLE}&map=1`);
  const mapPane = page.getByRole('region', { name: 'Attack map' });
  const alert = mapPane.getByRole('alert');
  await expect(alert).toContainText('Could not show the attack map.');
  await expect(alert).toContainText('did not load');
  await expect(mapPane.getByRole('button', { name: 'Reload the page' })).toBeVisible();

  // The rest of the page works: the table's rows, j moving the selection, the header's tabs.
  await expect(rowsOf(page).first()).toBeVisible();
  const first = await rowsOf(page).first().getAttribute('data-finding-id');
  await page.keyboard.press('j');
  await expect.poll(() => new URL(page.url()).searchParams.get('selected')).toBe(first);
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' })).toBeVisible();

  failing = false;
  await mapPane.getByRole('button', { name: 'Try again' }).click();
  await expect(mapPane.locator('.fa-map')).toBeVisible();
  await expect(mapPane.getByRole('alert')).toHaveCount(0);
  expect(aborted).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('the map chunk is fetched after the first rows, when idle; opening the map then fetches no code', async ({ page }) => {
  const errors = failOnPageErrors(page);
  const rowsAtRequest: number[] = [];
  await page.route(MAP_CHUNK, async (route) => {
    rowsAtRequest.push(await page.evaluate(() => document.querySelectorAll('table.findings-grid tbody tr[data-finding-id]').length));
    await route.continue();
  });
  const finished: string[] = [];
  page.on('requestfinished', (r) => finished.push(new URL(r.url()).pathname));
  // map=0: closed, whatever the screen's default.
  await page.goto(`${TABLE}&map=0`);
  await expect(rowsOf(page).first()).toBeVisible();
  // Preloaded when idle: the map's chunk and the world outline it draws.
  await expect
    .poll(() => [finished.some((p) => MAP_CHUNK.test(p)), finished.some((p) => /\/countries-110m-[^/]+\.js$/.test(p))], { message: 'the map is preloaded once the page is idle' })
    .toEqual([true, true]);
  expect(Math.min(...rowsAtRequest), 'rows were on screen when the map chunk was requested').toBeGreaterThan(0);
  const preloads = rowsAtRequest.length;

  const scripts: string[] = [];
  const onRequest = (r: Request) => {
    if (r.resourceType() === 'script' || /\.js$/.test(new URL(r.url()).pathname)) scripts.push(r.url());
  };
  page.on('request', onRequest);
  await page.getByRole('button', { name: 'Show attack map' }).click();
  await expect(page.locator('.fa-map path.fa-land').first()).toBeAttached();
  page.off('request', onRequest);
  expect(scripts, 'no code fetched on opening the map').toEqual([]);
  expect(rowsAtRequest, 'the map chunk was not requested again').toHaveLength(preloads);
  expect(errors).toEqual([]);
});

test('the overview and a finding page do not fetch the map chunk', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    if (MAP_CHUNK.test(new URL(r.url()).pathname)) requested.push(r.url());
  });
  await page.goto(`/overview?detector=${DEMO_DETECTOR_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested, 'not on the overview').toEqual([]);
  // Straight to the finding: a table visited first would preload the map on its own when idle.
  await page.goto(`/findings/${encodeURIComponent(SAMPLE_FINDING_ID)}?detector=${DEMO_DETECTOR_ID}&panel=0`);
  await expect(page.locator('#finding-title')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested, 'not on a finding page').toEqual([]);
});
