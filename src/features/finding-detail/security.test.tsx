import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTACKER_TEXT_FINDING_IDS, demoFindings } from '../../test/msw';
import type { Finding } from '../../guardduty';
import { formatValue } from './format';
import { detailsView, leaves, missingLeaves, renderDetail, screen, serveFinding } from './test-utils';

const PAYLOAD = /<img|<script|<svg|javascript:/i;

/** Nothing the page renders may run script or point a link at script. */
function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll('img, script, iframe, object, embed')).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
  }
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    // Leaflet's own zoom buttons are links to "#".
    const leafletControl = href === '#' && a.closest('.leaflet-control') !== null;
    expect(href.startsWith('/') || href.startsWith('https://') || leafletControl, `link to ${href}`).toBe(true);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('FindingDetailScreen: attacker-controlled text', () => {
  const byId = new Map(demoFindings().map((f) => [f.id, f]));

  it.each(ATTACKER_TEXT_FINDING_IDS.map((id) => [id]))('renders the HTML and script in finding %s as literal text', async (id) => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const finding = byId.get(id)!;
    const payloads = leaves(finding).filter((l) => typeof l.value === 'string' && PAYLOAD.test(l.value));
    expect(payloads.length).toBeGreaterThan(0);
    renderDetail(id);
    const view = await detailsView();
    // Every attacker string is on the page, character for character.
    expect(missingLeaves(view, finding, formatValue, (l) => !payloads.includes(l))).toEqual([]);
    expectInert(document.body);
    expect(alert).not.toHaveBeenCalled();
  });

  it('keeps the same strings inert in every field the issue names and in the raw JSON', async () => {
    const IMG = '<img src=x onerror=alert(1)>';
    const SCRIPT = '<script>alert(1)</script>';
    const JS = 'javascript:alert(1)';
    const finding = structuredClone(byId.get(ATTACKER_TEXT_FINDING_IDS[0])!) as Finding;
    finding.id = '000000000000000000000000attacker';
    finding.title = `${IMG} title`;
    finding.description = `${SCRIPT} description ${JS}`;
    finding.resource!.instanceDetails!.tags = [{ key: JS, value: IMG }];
    const remote = finding.service!.action!.networkConnectionAction!.remoteIpDetails!;
    remote.organization = { org: SCRIPT, asnOrg: IMG, isp: JS, asn: '1' };
    remote.city = { cityName: IMG };
    remote.country = { countryName: JS, countryCode: SCRIPT };
    finding.service!.action!.dnsRequestAction = { domain: `${JS}//${IMG}` };
    serveFinding(finding);
    renderDetail(finding.id);
    const view = await detailsView();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`${IMG} title`);
    expect(missingLeaves(view, finding, formatValue, (l) => l.path.join('.') === 'service.additionalInfo.value')).toEqual([]);
    expectInert(document.body);
    // Pivots carry the value only inside our own URL's query string.
    for (const a of view.querySelectorAll('a.pivot')) expect(a.getAttribute('href')).toMatch(/^\/\?/);

    screen.getByRole('tab', { name: 'Raw JSON' }).click();
    const raw = await screen.findByLabelText('Finding JSON');
    expect(raw.textContent).toContain(JSON.stringify(IMG));
    expectInert(document.body);
  });
});
