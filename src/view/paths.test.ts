import { describe, expect, it } from 'vitest';
import type { Finding } from '../guardduty';
import { DEFAULT_FILTERS } from './filters';
import { filteredTableHref, findingHref, findingPath, overviewHref, screenHref, tableHref } from './paths';
import { matchPath } from './router';
import { parseViewState, type ViewState } from './url-state';

/** A link read back the way the app reads a URL: its screen and its view state. */
function open(href: string) {
  const url = new URL(href, 'http://local');
  return { route: matchPath(url.pathname), state: parseViewState(url.searchParams) };
}

const view = (qs: string) => parseViewState(new URLSearchParams(qs));
const listView = view(
  'region=eu-west-1&detector=det1&sort=severity&order=ASC&type=Recon%3AEC2%2FPortProbeUnprotectedPort&country=Korea%2C+Republic+of&sev=high&updated=7d&archived=all&map=1&lat=10.0000&lng=-20.5000&z=4&mapIp=1.2.3.4&panel=0',
);
const allRegions = view('region=all&sort=severity&sev=medium');
// Ids are the API's: any characters, so the path must encode them.
const ODD_ID = 'a/b?c#d e%';
const finding = (id: string, region: string, detectorId: string) => ({ id, region, arn: `arn:aws:guardduty:${region}:123456789012:detector/${detectorId}/finding/${id}` }) as Finding;

describe('in-app links', () => {
  it("a finding's page keeps the list's state, selects the finding, and reads back to the same view", () => {
    const href = findingHref(listView, ODD_ID);
    const { route, state } = open(href);
    expect(route).toEqual({ screen: 'finding', findingId: ODD_ID });
    expect(state).toEqual({ ...listView, selected: ODD_ID });
    expect(href.startsWith(findingPath(ODD_ID) + '?')).toBe(true);
  });

  it('from all regions, the link says where the finding lives (from the finding, else the given place)', () => {
    const f = finding('f1', 'ap-south-1', 'det9');
    expect(open(findingHref(allRegions, f)).state).toEqual({ ...allRegions, selected: 'f1', finding: { region: 'ap-south-1', detectorId: 'det9' } });
    const at = { region: 'us-east-2', detectorId: 'det2' };
    expect(open(findingHref(allRegions, 'f2', at)).state.finding).toEqual(at);
    // A finding that tells where it lives wins over the fallback; one region's view needs neither.
    expect(open(findingHref(allRegions, f, at)).state.finding).toEqual({ region: 'ap-south-1', detectorId: 'det9' });
    expect(open(findingHref(listView, f)).state.finding).toBeUndefined();
  });

  it("the table and the overview keep the view's state; where a finding lives is left off", () => {
    const onFinding: ViewState = { ...allRegions, finding: { region: 'eu-west-1', detectorId: 'd' }, selected: 'f1' };
    const table = open(tableHref(onFinding));
    expect(table.route).toEqual({ screen: 'findings' });
    expect(table.state).toEqual({ ...onFinding, finding: undefined });
    const overview = open(overviewHref(listView));
    expect(overview.route).toEqual({ screen: 'overview' });
    expect(overview.state).toEqual(listView);
    expect(open(screenHref('overview', listView)).route.screen).toBe('overview');
    expect(open(screenHref('findings', listView, { region: 'all', detectorId: undefined })).state).toEqual({ ...listView, region: 'all', detectorId: undefined });
  });

  it('a change to the view reads back as that change', () => {
    const map = { ...listView.map, open: true, ip: '203.0.113.9' };
    expect(open(tableHref(listView, { selected: 'f3', map })).state).toEqual({ ...listView, selected: 'f3', map });
  });

  it('the table filtered: those filters, nothing selected and no map IP; scope, sort and map view kept', () => {
    const filters = { ...DEFAULT_FILTERS, lists: { account: ['123456789012'] }, severity: { from: 'critical' as const, to: 'critical' as const } };
    const { route, state } = open(filteredTableHref({ ...listView, selected: 'f1' }, filters));
    expect(route).toEqual({ screen: 'findings' });
    expect(state).toEqual({ ...listView, filters, selected: undefined, map: { ...listView.map, ip: undefined } });
  });

  it('the default view is a bare path', () => {
    const plain = view('');
    expect(tableHref(plain)).toBe('/');
    expect(overviewHref(plain)).toBe('/overview');
    expect(findingHref(plain, 'f1')).toBe('/findings/f1?selected=f1');
  });
});
