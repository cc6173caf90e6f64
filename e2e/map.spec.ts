import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { ATTACKER_TEXT_FINDING_IDS, DEMO_DETECTOR_ID } from '../mocks/emulator';
import { aggregateFindings } from '../src/features/attack-map/aggregate';
import type { Finding } from '../src/guardduty';
import { failOnPageProblems } from './helpers/guard';

// The attack map on the demo detector. Every test also fails if the page asks any host but the
// app's own (the basemap is bundled; tiles are off by default), breaks the CSP, or opens a dialog.
const MAP = `/?detector=${DEMO_DETECTOR_ID}&map=1`;

failOnPageProblems();

const zoomOf = (page: Page) => Number(new URL(page.url()).searchParams.get('z') ?? 'NaN');

async function openMap(page: Page, query = '') {
  await page.goto(MAP + query);
  await expect(page.locator('.fa-map')).toBeVisible();
  // The bundled world outline is drawn (no tile request anywhere).
  await expect(page.locator('.fa-map path.fa-land').first()).toBeAttached();
}

test('shows clusters coloured by severity, and zooming into a cluster reveals IP markers', async ({ page }) => {
  await openMap(page);
  const clusters = page.getByRole('button', { name: /^Cluster of \d+ IPs/ });
  await expect(clusters.first()).toBeVisible();
  await expect(page.locator('.fa-marker--cluster[class*="fa-sev-"]').first()).toBeVisible();
  expect(await page.locator('.fa-marker').count()).toBeLessThanOrEqual(500);
  // The legend names the bands (not colour alone); the zoom controls have names.
  const legend = page.locator('.fa-legend');
  for (const band of ['Critical', 'High', 'Medium', 'Low']) await expect(legend).toContainText(band);
  await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom out', exact: true })).toBeVisible();

  const points = page.locator('.fa-marker--point');
  const before = await points.count();
  let zoom = Number.NaN;
  // Click the largest cluster until individual IPs show (each click zooms to the cluster's bounds).
  for (let i = 0; i < 6; i++) {
    const labels = await clusters.evaluateAll((els) => els.map((el) => Number(el.textContent)));
    const largest = labels.indexOf(Math.max(...labels));
    const previous = zoomOf(page);
    await clusters.nth(largest).click();
    await expect.poll(() => zoomOf(page)).not.toBe(previous);
    zoom = zoomOf(page);
    if ((await points.count()) > before) break;
  }
  expect(zoom).toBeGreaterThan(1);
  await expect(points.first()).toBeVisible();
  expect(await points.count()).toBeGreaterThan(before);
  await expect(points.first()).toHaveAttribute('aria-label', /^IP \S+.*: \d+ findings?, /);

  // The view lives in the URL: a reload restores it.
  const url = page.url();
  await page.reload();
  await expect(points.first()).toBeVisible();
  expect(zoomOf(page)).toBe(zoom);
  expect(page.url()).toBe(url);
});

test('renders attacker-controlled text in a popup literally and runs no script', async ({ page }) => {
  const response = await page.request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: [ATTACKER_TEXT_FINDING_IDS[0]] } });
  expect(response.ok()).toBe(true);
  const [finding] = (await response.json()).findings;
  const remote = finding.service.action.networkConnectionAction.remoteIpDetails;
  const ip: string = remote.ipAddressV4;

  // Filtered to the attacker's IP, so the finding is loaded; the IP selected, so its popup opens.
  await openMap(page, `&ip=${encodeURIComponent(ip)}&mapIp=${encodeURIComponent(ip)}`);
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toBeVisible();
  await expect(popup.getByRole('heading', { name: ip })).toBeVisible();
  await expect(popup).toContainText(remote.organization.org); // <script>alert(1)</script>
  await expect(popup).toContainText(remote.organization.asnOrg); // "><svg onload=alert(1)>
  await expect(popup).toContainText(remote.city.cityName); // <img src=x onerror=alert(1)>
  await expect(popup.getByRole('link', { name: finding.title })).toBeVisible();
  // Nothing of it became markup.
  expect(await popup.locator('img, script, svg, iframe, [onerror], [onload]').count()).toBe(0);
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  // The marker's accessible name carries the text as an attribute value, not markup.
  await expect(page.locator('.fa-marker.is-selected')).toHaveCount(1);

  // Closing the popup clears the selection.
  await popup.getByRole('button', { name: /close/i }).click();
  await expect(popup).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('mapIp')).toBeNull();
});

test('selecting a point highlights its findings in the table; selecting a finding highlights its point', async ({ page }) => {
  await openMap(page);
  const findings = page.getByRole('region', { name: 'Findings', exact: true });
  await expect(findings.getByRole('row').nth(1)).toBeVisible();
  const before = await findings.innerText();

  // Keyboard: zoom in with the button, then focus an IP marker and press Enter.
  const points = page.locator('.fa-marker--point');
  const clusters = page.locator('.fa-marker--cluster');
  for (let i = 0; i < 6 && (await points.count()) === 0; i++) {
    const previous = zoomOf(page);
    await clusters.first().click();
    await expect.poll(() => zoomOf(page)).not.toBe(previous);
  }
  const point = points.first();
  const ip = (await point.getAttribute('data-ip'))!;
  await point.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('mapIp')).toBe(ip);
  await expect(page.locator('.leaflet-popup')).toContainText(ip);
  await expect(findings).toContainText(`Map selection ${ip}`);
  expect(await findings.innerText()).not.toBe(before);
  // Table → map: the finding selected in the table marks the marker that holds its IP. The row:
  // the first on screen whose finding has exactly one located IP, as the map aggregates them.
  const onScreen = await findings.locator('tr[data-finding-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')!));
  const got = await page.request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: onScreen } });
  const { located } = aggregateFindings(((await got.json()) as { findings: Finding[] }).findings);
  const holder = onScreen.find((id) => located.filter((a) => a.findings.some((f) => f.id === id)).length === 1)!;
  expect(holder).toBeDefined();
  await page.keyboard.press('Escape');
  await expect.poll(() => new URL(page.url()).searchParams.get('mapIp')).toBeNull();
  await expect(page.locator('.fa-marker.is-finding')).toHaveCount(0);
  await findings.locator(`tr[data-finding-id="${holder}"]`).focus();
  await expect.poll(() => new URL(page.url()).searchParams.get('selected')).toBe(holder);
  await expect(page.locator('.fa-marker.is-finding')).toHaveCount(1);
  await expect(page.locator('.fa-marker.is-finding')).toBeInViewport();
});

test('counts IPs without a usable location instead of drawing them', async ({ page }) => {
  await openMap(page);
  const toggle = page.getByRole('button', { name: /^Location unknown: \d+ IPs?$/ });
  await expect(toggle).toBeVisible();
  const n = Number((await toggle.innerText()).match(/\d+/)![0]);
  expect(n).toBeGreaterThan(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator('#fa-unknown-list');
  await expect(list.getByRole('button')).toHaveCount(n);
  // Each says why it is not drawn.
  await expect(list).toContainText(/placeholder 0,0|no coordinates|out of range/);
});

test('"Map all matching" loads the rest of the filter into the table\'s list, two requests a page', async ({ page }) => {
  await openMap(page);
  const label = page.locator('.fa-map-all__label');
  await expect(label).toHaveText(/^50 of ([\d,]+) findings mapped/);
  const total = Number((await label.innerText()).match(/of ([\d,]+)/)![1].replace(/,/g, ''));
  expect(total).toBeGreaterThan(50);
  const api: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) api.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  const button = page.getByRole('button', { name: 'Map all matching' });
  await button.click();
  await expect(label).toContainText(`${total.toLocaleString('en')} of ${total.toLocaleString('en')} findings mapped`);
  await expect(button).toBeDisabled();
  const pages = Math.ceil(total / 50) - 1;
  expect(api.filter((r) => r.endsWith('/findings')).length).toBe(pages);
  expect(api.filter((r) => r.endsWith('/findings/get')).length).toBe(pages);
  // The table reads the same cache entry: it has them all too.
  await expect(page.getByRole('region', { name: 'Findings', exact: true })).toContainText(`Showing ${total.toLocaleString('en')}`);
});

// A 1×1 PNG for the fake tile server.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as AddressInfo;
  srv.close();
  return port;
}

test('switches to raster tiles when the server configures a tile URL, attribution as plain text', async ({ browser }) => {
  const hits: string[] = [];
  const tiles = createHttpServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  }).listen(0, '127.0.0.1');
  await once(tiles, 'listening');
  const tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  const port = await freePort();
  const app = spawn(process.execPath, ['dist-server/main.js', '--port', String(port)], {
    env: {
      ...process.env,
      FINDINGS_ATLAS_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`,
      FINDINGS_ATLAS_TILE_ATTRIBUTION: '&copy; <a href="https://tiles.example">Example Tiles</a><img src=x onerror=alert(1)>',
    },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${base}/healthz`).then((r) => r.ok, () => false)).toBe(true);
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith(tileOrigin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    page.on('dialog', (d) => {
      elsewhere.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${base}/?detector=${DEMO_DETECTOR_ID}&map=1`);
    await expect(page.locator('.fa-tiles img.leaflet-tile-loaded').first()).toBeAttached();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatch(/^\/\d+\/\d+\/\d+\.png$/);
    await expect(page.locator('.fa-marker').first()).toBeVisible();
    // No world outline under the tiles.
    await expect(page.locator('.fa-map path.fa-land')).toHaveCount(0);
    const attribution = page.locator('.fa-attribution');
    await expect(attribution).toHaveText('© Example Tiles');
    expect(await attribution.locator('*').count()).toBe(0);
    expect(elsewhere).toEqual([]);
    await page.close();
  } finally {
    app.kill('SIGTERM');
    tiles.close();
  }
});
