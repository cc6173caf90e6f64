import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import type { Finding } from '../src/guardduty';
import { failOnPageProblems } from './helpers/guard';
import { renderedIds, rowsOf } from './helpers/table';

// Any-action filters against the built app and the demo server. Expected sets come from the API
// (every current finding, read page by page), never from hard-coded lists.
failOnPageProblems();
// Tall enough that every matching row renders (the grid is virtualized).
test.use({ viewport: { width: 1440, height: 2000 } });

const CURRENT = { criterion: { 'service.archived': { eq: ['false'] } } };

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { data, headers: { 'content-type': 'application/json' } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every current finding of the demo detector (ListFindings → GetFindings). */
async function detectorFindings(request: APIRequestContext): Promise<Finding[]> {
  const out: Finding[] = [];
  let nextToken: string | undefined;
  do {
    const page = await post<{ findingIds: string[]; nextToken: string }>(request, `/api/detector/${DEMO_DETECTOR_ID}/findings`, {
      findingCriteria: CURRENT,
      maxResults: 50,
      ...(nextToken ? { nextToken } : {}),
    });
    if (page.findingIds.length > 0) out.push(...(await post<{ findings: Finding[] }>(request, `/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: page.findingIds })).findings);
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

/** Every current finding of every region (the server's merged endpoint). */
async function allRegionsFindings(request: APIRequestContext): Promise<Finding[]> {
  const out: Finding[] = [];
  let nextToken: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await post<{ findings: Finding[]; nextToken: string }>(request, '/api/all-regions/findings', {
      findingCriteria: CURRENT,
      maxResults: 50,
      ...(nextToken ? { nextToken } : {}),
    });
    out.push(...page.findings);
    nextToken = page.nextToken || undefined;
    if (!nextToken) return out;
  }
  throw new Error('all-regions paging does not end');
}

const remotes = (f: Finding) => {
  const a = f.service?.action;
  return [a?.networkConnectionAction?.remoteIpDetails, a?.awsApiCallAction?.remoteIpDetails, ...(a?.portProbeAction?.portProbeDetails ?? []).map((p) => p.remoteIpDetails)];
};
const countries = (f: Finding) => remotes(f).map((r) => r?.country?.countryName);
const ips = (f: Finding) => remotes(f).map((r) => r?.ipAddressV4);

async function expectRows(page: Page, want: readonly string[]) {
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^Showing ${want.length} of ${want.length} findings`));
  await expect(rowsOf(page)).toHaveCount(want.length);
  expect((await renderedIds(page)).sort()).toEqual([...want].sort());
}

async function addFilter(page: Page, field: string, value: string) {
  await page.getByRole('combobox', { name: 'Filter on' }).selectOption({ label: field });
  const input = page.getByLabel(`${field} value`);
  await input.fill(value);
  await input.press('Enter');
}

test('Russia: one Country filter, typed in lower case, finds every current finding whose any action is from Russia', async ({ page, request }) => {
  const findings = await detectorFindings(request);
  const russian = findings.filter((f) => countries(f).includes('Russia')).map((f) => f.id);
  // Not trivial: Russian findings sit in more than one action type's field, and fit on one page.
  const fields = new Set(findings.filter((f) => russian.includes(f.id)).flatMap((f) => remotes(f).map((r, i) => (r?.country?.countryName === 'Russia' ? Math.min(i, 2) : -1))));
  fields.delete(-1);
  expect(fields.size).toBeGreaterThan(1);
  expect(russian.length).toBeLessThanOrEqual(50);

  await page.goto(`/?detector=${DEMO_DETECTOR_ID}`);
  await expect(rowsOf(page).first()).toBeVisible();
  await addFilter(page, 'Country', 'russia');
  await expect(page.getByRole('button', { name: 'Remove filter Country: Russia' })).toBeVisible();
  await expectRows(page, russian);
  // The link says it and restores it.
  expect(new URL(page.url()).searchParams.getAll('anyCountry')).toEqual(['Russia']);
  await page.reload();
  await expectRows(page, russian);
});

test('Russia across all regions, from a link typed in lower case', async ({ page, request }) => {
  const russian = (await allRegionsFindings(request)).filter((f) => countries(f).includes('Russia')).map((f) => f.id);
  expect(russian.length).toBeGreaterThan(0);
  expect(russian.length).toBeLessThanOrEqual(50);
  await page.goto('/?region=all&anyCountry=russia');
  await expectRows(page, russian);
});

test("an API caller's IP finds its findings with the default Remote IP filter", async ({ page, request }) => {
  const findings = await detectorFindings(request);
  // An IP that only API calls hold (no network connection or port probe of any current finding has it).
  const apiOnly = findings
    .map((f) => f.service?.action?.awsApiCallAction?.remoteIpDetails?.ipAddressV4)
    .find((ip) => ip && !findings.some((f) => ips(f).slice(0, 1).concat(ips(f).slice(2)).includes(ip)));
  expect(apiOnly).toBeTruthy();
  const want = findings.filter((f) => ips(f).includes(apiOnly)).map((f) => f.id);
  expect(want.length).toBeGreaterThan(0);

  await page.goto(`/?detector=${DEMO_DETECTOR_ID}`);
  await expect(rowsOf(page).first()).toBeVisible();
  await addFilter(page, 'Remote IP', apiOnly!);
  await expectRows(page, want);
  expect(new URL(page.url()).searchParams.getAll('anyIp')).toEqual([apiOnly]);
});

test('a per-action filter that finds nothing points at the any-action filter that does', async ({ page, request }) => {
  const findings = await detectorFindings(request);
  const ncCountry = (f: Finding) => f.service?.action?.networkConnectionAction?.remoteIpDetails?.country?.countryName;
  const country = findings.map((f) => countries(f)[1]).find((c) => c && !findings.some((f) => ncCountry(f) === c))!;
  expect(country).toBeTruthy();
  const want = findings.filter((f) => countries(f).includes(country)).map((f) => f.id);
  await page.goto(`/?detector=${DEMO_DETECTOR_ID}&country=${encodeURIComponent(country)}`);
  await expect(page.getByRole('heading', { name: 'No findings match' })).toBeVisible();
  await expect(page.getByText(`Country (network connection) = ${country} finds 0; Country (any action) finds ${want.length}`)).toBeVisible();
  await page.getByRole('button', { name: 'Use Country (any action)' }).click();
  await expectRows(page, want);
});
