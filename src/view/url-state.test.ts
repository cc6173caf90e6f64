import { describe, expect, it } from 'vitest';
import { criteriaFromFilters } from './filters';
import { DEFAULT_SORT, findingLocation, isAllRegions, parseViewState, serializeViewState, viewHref } from './url-state';
import { FILTER_ATTRIBUTES } from '../guardduty/filter-attributes';

describe('view state in the URL', () => {
  it('defaults to current findings, most recently seen first', () => {
    const s = parseViewState(new URLSearchParams(''));
    expect(s.sort).toEqual(DEFAULT_SORT);
    expect(s.filters.archived).toBe('current');
    expect(serializeViewState(s).toString()).toBe('');
  });

  it('round-trips every part of the state', () => {
    const qs =
      'detector=abc&sort=severity&order=ASC&type=Recon%3AEC2%2FPortProbeUnprotectedPort&type=Backdoor%3AEC2%2FC%26CActivity.B%21DNS&country=Korea%2C+Republic+of&sev=high&sevTo=high&updated=custom&from=1000&to=2000&archived=all&selected=f1&map=1&lat=10.0000&lng=-20.5000&z=4&mapIp=1.2.3.4';
    const state = parseViewState(new URLSearchParams(qs));
    expect(state.filters.lists.type).toHaveLength(2);
    expect(state.filters.lists.country).toEqual(['Korea, Republic of']);
    expect(state.map).toEqual({ open: true, view: { lat: 10, lng: -20.5, zoom: 4 }, ip: '1.2.3.4' });
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  it('panel: 1 opens findings in the side panel, 0 as a page, absent leaves it to the browser; bad values are absent', () => {
    expect(parseViewState(new URLSearchParams('panel=1')).panel).toBe(true);
    expect(parseViewState(new URLSearchParams('panel=0')).panel).toBe(false);
    expect(parseViewState(new URLSearchParams('')).panel).toBeUndefined();
    expect(parseViewState(new URLSearchParams('panel=yes')).panel).toBeUndefined();
    for (const q of ['panel=1', 'panel=0', 'selected=abc&panel=1']) expect(serializeViewState(parseViewState(new URLSearchParams(q))).toString()).toBe(q);
    expect(viewHref('/findings/abc', parseViewState(new URLSearchParams('panel=1&selected=abc')))).toBe('/findings/abc?selected=abc&panel=1');
  });

  it('ignores unknown sort attributes and bad values instead of failing', () => {
    const s = parseViewState(new URLSearchParams('sort=title&sev=extreme&archived=maybe&updated=1y&z=abc'));
    expect(s.sort).toEqual(DEFAULT_SORT);
    expect(s.filters.severity).toBeUndefined();
    expect(s.filters.archived).toBe('current');
    expect(s.filters.updated).toBeUndefined();
    expect(s.map.view).toBeUndefined();
  });
});

describe('criteriaFromFilters', () => {
  const now = Date.UTC(2026, 10, 25);

  it('maps each filter to one condition on an attribute GuardDuty accepts', () => {
    const state = parseViewState(new URLSearchParams('type=A&type=B&account=1&probeIp=5.6.7.8&apiCountry=China&sev=medium&sevTo=high&updated=7d&archived=archived'));
    const { criterion } = criteriaFromFilters(state.filters, now);
    expect(criterion).toEqual({
      type: { eq: ['A', 'B'] },
      accountId: { eq: ['1'] },
      'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4': { eq: ['5.6.7.8'] },
      'service.action.awsApiCallAction.remoteIpDetails.country.countryName': { eq: ['China'] },
      severity: { gte: 4, lt: 9 },
      updatedAt: { gte: now - 7 * 24 * 3600_000 },
      'service.archived': { eq: ['true'] },
    });
    for (const attribute of Object.keys(criterion!)) expect(FILTER_ATTRIBUTES).toContain(attribute);
  });

  it('leaves service.archived out for All, so archived findings are included', () => {
    const { criterion } = criteriaFromFilters(parseViewState(new URLSearchParams('archived=all')).filters, now);
    expect(criterion).toEqual({});
  });

  it('sends the created-before filter (triage aging) as createdAt lt, in epoch milliseconds', () => {
    const state = parseViewState(new URLSearchParams('createdBefore=1764000000000&sev=high&sevTo=high'));
    expect(state.filters.created).toEqual({ before: 1764000000000 });
    expect(criteriaFromFilters(state.filters, now).criterion!.createdAt).toEqual({ lt: 1764000000000 });
    expect(parseViewState(serializeViewState(state))).toEqual(state);
    expect(FILTER_ATTRIBUTES).toContain('createdAt');
  });

  it('sends custom time ranges as epoch milliseconds', () => {
    const { criterion } = criteriaFromFilters(parseViewState(new URLSearchParams('updated=custom&from=1500.7&to=2000')).filters, now);
    expect(criterion!.updatedAt).toEqual({ gte: 1500, lte: 2000 });
  });
});

describe('filter fields', () => {
  it('only ever filter on attributes GuardDuty documents', async () => {
    const { LIST_FILTERS } = await import('./filters');
    const { ANY_ATTRIBUTES } = await import('../api/any-criteria');
    for (const field of LIST_FILTERS) for (const attr of ANY_ATTRIBUTES[field.attribute] ?? [field.attribute]) expect(FILTER_ATTRIBUTES, field.param).toContain(attr);
  });

  it('keeps each mode of a list filter in the URL under a short name; old links still mean "is"', () => {
    const search = new URLSearchParams('type=A&-type=B&type*=Crypto&-instance*=i-0ff1&anyCountry=russia&user=alice&sg=sg-1&tagKey=Env');
    const state = parseViewState(search);
    expect(state.filters.lists).toEqual({ type: ['A'], '-type': ['B'], 'type*': ['Crypto'], '-instance*': ['i-0ff1'], anyCountry: ['russia'], user: ['alice'], sg: ['sg-1'], tagKey: ['Env'] });
    expect(parseViewState(serializeViewState(state)).filters).toEqual(state.filters);
    const { criterion } = criteriaFromFilters(state.filters, 0);
    expect(criterion!.type).toEqual({ eq: ['A'], neq: ['B'], matches: ['Crypto*'] });
    expect(criterion!['resource.instanceDetails.instanceId']).toEqual({ notMatches: ['i-0ff1*'] });
    // Countries in GuardDuty's spelling, whatever the case typed.
    expect(criterion!['any:country']).toEqual({ eq: ['Russia'] });
    expect(criterion!['resource.accessKeyDetails.userName']).toEqual({ eq: ['alice'] });
    // Exact-only fields have no "starts with" parameter.
    expect(parseViewState(new URLSearchParams('action*=NET')).filters.lists).toEqual({});
  });

  it('regions: a bare URL and region=all read every region; detector= alone is the default region (links of before regions)', () => {
    expect(isAllRegions(parseViewState(new URLSearchParams('')))).toBe(true);
    expect(isAllRegions(parseViewState(new URLSearchParams('region=all&sort=severity')))).toBe(true);
    const legacy = parseViewState(new URLSearchParams('detector=abc'));
    expect(isAllRegions(legacy)).toBe(false);
    expect(legacy.region).toBeUndefined();
    const one = parseViewState(new URLSearchParams('region=eu-west-1&detector=abc'));
    expect([isAllRegions(one), one.region, one.detectorId]).toEqual([false, 'eu-west-1', 'abc']);
    expect(parseViewState(serializeViewState(one))).toEqual(one);
  });

  it('a finding opened from All regions carries where it lives, on its page only', () => {
    const all = parseViewState(new URLSearchParams('region=all'));
    const finding = { id: 'f1', region: 'eu-west-1', service: { detectorId: 'det1' } } as Parameters<typeof findingLocation>[1];
    const at = findingLocation(all, finding);
    expect(at).toEqual({ region: 'eu-west-1', detectorId: 'det1' });
    // One region's view says it already: no extra parameters.
    expect(findingLocation(parseViewState(new URLSearchParams('region=eu-west-1&detector=det1')), finding)).toBeUndefined();
    const detail = viewHref('/findings/f1', { ...all, finding: at });
    expect(new URL(detail, 'http://x').searchParams.get('findingRegion')).toBe('eu-west-1');
    expect(parseViewState(new URL(detail, 'http://x').searchParams).finding).toEqual(at);
    expect(viewHref('/', { ...all, finding: at })).toBe('/?region=all');
  });
});
