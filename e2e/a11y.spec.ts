import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ATTACKER_TEXT_FINDING_IDS, DEMO_DETECTOR_ID, SAMPLE_FINDING_ID } from '../mocks/emulator';
import { failOnPageProblems } from './helpers/guard';
import { rowsOf } from './helpers/table';

// Accessibility, audited once per view: every distinct view of the app, in light and in dark, the
// whole page with axe's default rules (WCAG A/AA and best practices), no violation allowed.
// Other specs test behaviour and do not audit again.

failOnPageProblems();

const TABLE = `/?detector=${DEMO_DETECTOR_ID}`;
const finding = (id: string, query = '') => `/findings/${id}?detector=${DEMO_DETECTOR_ID}${query}`;

/** All regions with one region failing: the chip row shows its error, and every region unfolded. */
async function allRegionsOneFailing(page: Page) {
  let failing: string | undefined;
  await page.route('**/api/all-regions/findings', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { regions: { region: string; status: string; message?: string }[] };
    failing ??= json.regions.filter((r) => r.status === 'ok')[1]?.region;
    json.regions = json.regions.map((r) => (r.region === failing ? { ...r, status: 'error', message: 'Simulated: upstream 503' } : r));
    await route.fulfill({ response, json });
  });
  await page.goto('/?region=all&map=0');
  await expect(rowsOf(page).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Regions' }).locator(`li[data-region="${failing}"]`)).toContainText('error');
  const unfold = page.getByRole('button', { name: 'Show every region' });
  if ((await unfold.count()) > 0) await unfold.click();
}

async function findingPage(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Loading map…')).toHaveCount(0);
}

async function overview(page: Page) {
  await page.goto(`/overview?detector=${DEMO_DETECTOR_ID}`);
  await expect(page.locator('.ov-grid[data-state="ready"]')).toBeVisible();
}

const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  'table, All regions with a failing region, every region unfolded': allRegionsOneFailing,
  'table on a phone (card list), All regions with a failing region': async (page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await allRegionsOneFailing(page);
  },
  'table with the attack map beside it, an IP popup open': async (page) => {
    await page.goto(`${TABLE}&map=1`);
    await expect(page.locator('.fa-map path.fa-land').first()).toBeAttached();
    // The most severe IP in view, from the side list: its popup opens.
    await page.locator('.fa-ip-row').first().click();
    await expect(page.locator('.leaflet-popup')).toBeVisible();
  },
  'finding page': (page) => findingPage(page, finding(SAMPLE_FINDING_ID)),
  'finding in the side panel beside the table': async (page) => {
    await page.goto(finding(SAMPLE_FINDING_ID, '&panel=1'));
    await expect(rowsOf(page).first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Finding' }).locator('#finding-title')).toBeVisible();
    await expect(page.getByText('Loading map…')).toHaveCount(0);
  },
  'attack-sequence finding (its texts are HTML and script)': (page) => findingPage(page, finding(ATTACKER_TEXT_FINDING_IDS[9])),
  'overview as charts': overview,
  'overview as tables': async (page) => {
    await overview(page);
    const toTable = page.getByRole('button', { name: /^Show as table/ });
    for (let n = await toTable.count(); n > 0; n--) await toTable.first().click();
    await expect(toTable).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Show as chart/ })).toHaveCount(5);
  },
};

// One page per view, audited in light and then in dark: the app's colours follow
// prefers-color-scheme in CSS alone, so switching the emulated scheme restyles the same screen.
for (const [view, open] of Object.entries(VIEWS)) {
  test(`${view}: no axe violations in light or dark mode`, async ({ page }) => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page);
    const light = await background();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      if (colorScheme === 'dark') await expect.poll(background).not.toBe(light);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}
