import { expect, test, type Page } from '@playwright/test';
import { ATTACKER_TEXT_FINDING_IDS, DEMO_DETECTOR_ID, SAMPLE_FINDING_ID } from '../mocks/emulator';
import { aggregateFindings } from '../src/features/attack-map/aggregate';
import { remoteIpSightings, resourceOf, type Finding } from '../src/guardduty';
import { failOnPageProblems } from './helpers/guard';

// The finding detail view on the demo detector, against the built app served by server/.
// Every test also fails on a request to another host, a CSP violation, a page error or a dialog
// (an alert() from attacker text that ran).
const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;
const detail = (id: string) => `/findings/${id}?detector=${DEMO_DETECTOR_ID}`;

failOnPageProblems();

const rows = (page: Page) => page.locator('tr[data-finding-id]');
const pathOf = (page: Page) => new URL(page.url()).pathname;
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Moves the app to `url` without reloading it, as Back / Forward do (the same screen shows the next finding). */
async function moveInApp(page: Page, url: string) {
  await page.evaluate((to) => {
    if (location.pathname + location.search === to) return;
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

async function openTable(page: Page) {
  await page.goto(TABLE);
  await expect(rows(page).first()).toBeVisible();
}

test('opens a finding from the table, steps previous/next in table order, and Escape returns to the table', async ({ page }) => {
  await openTable(page);
  // The table's order, from the rows on screen.
  const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-finding-id')!));
  const row = rows(page).nth(4);
  const id = (await row.getAttribute('data-finding-id'))!;
  const index = ids.indexOf(id);
  const title = (await row.locator('a.title-link').textContent())!;
  await row.locator('a.title-link').click();

  await expect(page).toHaveURL(new RegExp(`/findings/${id}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('navigation', { name: 'Finding navigation' })).toContainText(`${index + 1} of`);

  await page.getByRole('button', { name: 'Next finding' }).click();
  await expect(page).toHaveURL(new RegExp(`/findings/${ids[index + 1]}\\?`));
  await page.getByRole('button', { name: 'Previous finding' }).click();
  await page.getByRole('button', { name: 'Previous finding' }).click();
  await expect(page).toHaveURL(new RegExp(`/findings/${ids[index - 1]}\\?`));
  expect(param(page, 'selected')).toBe(ids[index - 1]);

  // Escape goes back to the table's own history entry (no new one), selecting the finding viewed last.
  const entries = await page.evaluate(() => history.length);
  await page.keyboard.press('Escape');
  await expect.poll(() => pathOf(page)).toBe('/');
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(() => param(page, 'selected')).toBe(ids[index - 1]);
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('Escape returns to the table at the scroll position it was left at', async ({ page }) => {
  await openTable(page);
  const scroller = page.getByTestId('findings-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 400));
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const scrollTop = await scroller.evaluate((el) => el.scrollTop);
  // The click may scroll the table to bring the row into view: what counts is where it was left.
  await scroller.evaluate((el) => el.addEventListener('scroll', () => (document.body.dataset.leftAt = String(el.scrollTop))));
  await rows(page).filter({ has: page.locator('a.title-link') }).nth(10).locator('a.title-link').click();
  const leftAt = Number((await page.evaluate(() => document.body.dataset.leftAt)) ?? scrollTop);
  expect(leftAt).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(leftAt);
});

test('a pasted link opens the finding with everything in order, and a raw JSON tab', async ({ page }) => {
  await page.goto(detail(SAMPLE_FINDING_ID));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('198.51.100.0 is performing RDP brute force attacks against i-99999999.');
  for (const name of ['Overview', 'Instance', 'Network interface', 'Action', 'Remote IP']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByText('Archive findings and send feedback in the GuardDuty console.')).toBeVisible();
  // Demo mode: no console link.
  await expect(page.getByRole('link', { name: /Open in the GuardDuty console/ })).toHaveCount(0);
  await expect(page.getByText('location unknown', { exact: false })).toBeVisible();

  // ARIA tabs with the keyboard.
  await page.getByRole('tab', { name: 'Details' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Raw JSON' })).toHaveAttribute('aria-selected', 'true');
  const json = JSON.parse((await page.getByLabel('Finding JSON', { exact: true }).textContent())!);
  expect(json.id).toBe(SAMPLE_FINDING_ID);
  expect(json.resource.instanceDetails.platform).toBeNull();

  // Escape from a pasted link opens the table.
  await page.keyboard.press('Escape');
  await expect.poll(() => pathOf(page)).toBe('/');
  expect(param(page, 'selected')).toBe(SAMPLE_FINDING_ID);
  await expect(rows(page).first()).toBeVisible();
});

test('pivots to the table filtered on the instance, and to the attack map on the remote IP', async ({ page }) => {
  await page.goto(detail(SAMPLE_FINDING_ID));
  // The instance is a pivot in the summary strip and in the instance card: the strip's is first.
  await page.getByRole('link', { name: /^i-99999999/ }).first().click();
  await expect.poll(() => pathOf(page)).toBe('/');
  expect(param(page, 'instance')).toBe('i-99999999');
  await expect(page.locator(`tr[data-finding-id="${SAMPLE_FINDING_ID}"]`)).toBeVisible();
  await expect(rows(page)).toHaveCount(1);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Show on the attack map' }).click();
  await expect.poll(() => param(page, 'map')).toBe('1');
  expect(param(page, 'mapIp')).toBe('198.51.100.0');
  expect(param(page, 'selected')).toBe(SAMPLE_FINDING_ID);
});

test('attacker-controlled text renders as literal text and no script runs, in the page and its summary strip', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __ran: string[] }).__ran = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      window[name] = ((...args: unknown[]) => (window as unknown as { __ran: string[] }).__ran.push(`${name}(${args.join()})`)) as never;
    }
  });
  const got = await page.request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds: ATTACKER_TEXT_FINDING_IDS } });
  const { findings } = (await got.json()) as { findings: Finding[] };
  expect(findings.map((f) => f.id).sort()).toEqual([...ATTACKER_TEXT_FINDING_IDS].sort());
  let literalInStrip = 0;
  await page.goto(detail(findings[0].id));
  for (const f of findings) {
    // Each next finding as Back / Forward reach it: the same screen, without reloading the app.
    await moveInApp(page, detail(f.id));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(f.title ?? f.type ?? f.id);
    const main = page.locator('main');
    const text = (await main.textContent()) ?? '';
    expect(text.includes('<img src=x onerror=alert(1)>') || text.includes('<script>alert(1)</script>') || text.includes('"><svg onload=alert(1)>') || text.includes('javascript:alert(1)'), f.id).toBe(true);
    // Nothing of the payloads became elements, handlers or script links.
    expect(await main.locator('img, script, iframe').count()).toBe(0);
    const handlers = await main.evaluate((el) => [...el.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${n.tagName} ${a.name}`)));
    expect(handlers).toEqual([]);
    const hrefs = await main.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) expect(href.startsWith('/') || href === '#', href).toBe(true);
    // The summary strip: what it takes from the finding, markup included, shows as typed.
    const strip = page.getByRole('region', { name: 'Summary' });
    await expect(strip).toBeVisible();
    expect(await strip.locator('svg:not([aria-hidden="true"])').count()).toBe(0);
    const shown = (await strip.textContent())!;
    const call = f.service?.action?.awsApiCallAction;
    for (const value of [resourceOf(f).name, f.resource?.accessKeyDetails?.userName, call?.api, f.service?.action?.dnsRequestAction?.domain]) {
      if (value && /[<>"]/.test(value)) {
        expect(shown).toContain(value);
        literalInStrip++;
      }
    }
    // Two painted frames after all of it is on screen: what rendered has had its chance to run.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
  }
  expect(literalInStrip).toBeGreaterThan(0);
  // The first: title, organisation and city carry the payloads, each literally visible (the
  // organisation twice: in the summary strip and in the remote IP's card).
  await page.goto(detail(ATTACKER_TEXT_FINDING_IDS[0]));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script> is performing SSH brute force attacks against <img src=x onerror=alert(1)>.');
  await expect(page.getByText('<img src=x onerror=alert(1)>', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('<script>alert(1)</script>', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('javascript:alert(1)', { exact: true }).first()).toBeVisible();
});

test('draws the point of a located remote IP on a small offline map', async ({ page }) => {
  await page.goto(detail(ATTACKER_TEXT_FINDING_IDS[0]));
  const map = page.getByRole('img', { name: /^Map of/ });
  await expect(map).toBeVisible();
  await expect(map.locator('path.leaflet-interactive, path').first()).toBeAttached();
  await expect(page.locator('.point-map-caption')).toContainText('52.37° N, 4.90° E');
  await expect(map.locator('path.point-map-dot')).toHaveCount(1);
});

test('stepping to a finding elsewhere moves the small map\'s point', async ({ page }) => {
  // Two findings whose one remote IP is located in different places, as the map reads them.
  const list = await page.request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings`, { data: { maxResults: 50 } });
  const { findingIds } = (await list.json()) as { findingIds: string[] };
  const got = await page.request.post(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { data: { findingIds } });
  const findings = ((await got.json()) as { findings: Finding[] }).findings;
  const located = findings.flatMap((f) => {
    const ips = aggregateFindings([f]).located;
    return ips.length === 1 && remoteIpSightings(f).length === 1 ? [{ id: f.id, at: ips[0].location! }] : [];
  });
  const a = located[0];
  const b = located.find((l) => l.at.lat !== a.at.lat || l.at.lon !== a.at.lon)!;
  expect(b).toBeDefined();
  const caption = (at: { lat: number; lon: number }) => `${Math.abs(at.lat).toFixed(2)}° ${at.lat >= 0 ? 'N' : 'S'}, ${Math.abs(at.lon).toFixed(2)}° ${at.lon >= 0 ? 'E' : 'W'}`;
  const dot = page.getByRole('img', { name: /^Map of/ }).locator('path.point-map-dot');

  await page.goto(detail(a.id));
  await expect(page.locator('.point-map-caption')).toContainText(caption(a.at));
  const before = await dot.getAttribute('d');
  await moveInApp(page, detail(b.id));
  await expect(page.locator('.point-map-caption')).toContainText(caption(b.at));
  await expect(dot).toHaveCount(1);
  expect(await dot.getAttribute('d')).not.toBe(before);
});
