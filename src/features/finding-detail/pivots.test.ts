import { describe, expect, it } from 'vitest';
import { LIST_FILTERS, REMOTE_FILTER_PARAMS } from '../../view/filters';
import { DEFAULT_SORT, parseViewState, type ViewState } from '../../view/url-state';
import { FILTER_ATTRIBUTES } from '../../guardduty/filter-attributes';
import { ANY_ATTRIBUTES } from '../../api/any-criteria';
import { attackMapHref, pivotFilter, pivotHref, remoteParams } from './pivots';

const state: ViewState = {
  detectorId: 'd1',
  sort: { attribute: 'severity', order: 'ASC' },
  filters: { lists: { inRegion: ['eu-west-1'] }, severity: { from: 'high', to: 'critical' }, archived: 'current' },
  map: { open: false },
};

describe('pivots', () => {
  it('filter only on attributes GuardDuty accepts as filters', () => {
    for (const field of LIST_FILTERS) for (const attr of ANY_ATTRIBUTES[field.attribute] ?? [field.attribute]) expect(FILTER_ATTRIBUTES).toContain(attr);
    for (const params of Object.values(REMOTE_FILTER_PARAMS)) {
      expect(pivotFilter(params.ip)).toBeDefined();
      expect(pivotFilter(params.country)).toBeDefined();
    }
    expect(pivotFilter('nope')).toBeUndefined();
  });

  it('use the any-action remote IP and country filters for the action types that hold one', () => {
    expect(remoteParams('NETWORK_CONNECTION')).toEqual({ ip: 'anyIp', country: 'anyCountry' });
    expect(remoteParams('AWS_API_CALL')).toEqual({ ip: 'anyIp', country: 'anyCountry' });
    expect(remoteParams('PORT_PROBE')).toEqual({ ip: 'anyIp', country: 'anyCountry' });
    expect(remoteParams('KUBERNETES_API_CALL')).toEqual({});
    expect(remoteParams(undefined)).toEqual({});
  });

  it('add to the current filters, keeping detector and sort, and select the finding', () => {
    const href = pivotHref(state, { id: 'f1' }, 'instance', 'i-1&x=<y>');
    expect(href.startsWith('/?')).toBe(true);
    const next = parseViewState(new URL(href, 'http://x').searchParams);
    expect(next.detectorId).toBe('d1');
    expect(next.sort).toEqual(state.sort);
    expect(next.filters).toEqual({ ...state.filters, lists: { inRegion: ['eu-west-1'], instance: ['i-1&x=<y>'] } });
    expect(next.selected).toBe('f1');
    // The same value twice is one filter.
    const again = parseViewState(new URL(pivotHref(next, { id: 'f1' }, 'instance', 'i-1&x=<y>'), 'http://x').searchParams);
    expect(again.filters).toEqual(next.filters);
  });

  it('a second any-action filter falls back to the field of the action that holds the value (one any filter at a time)', () => {
    const withCountry = { ...state, filters: { ...state.filters, lists: { anyCountry: ['Russia'] } } };
    const finding = { id: 'f1', service: { action: { actionType: 'AWS_API_CALL' } } };
    const next = parseViewState(new URL(pivotHref(withCountry, finding, 'anyIp', '198.51.100.7'), 'http://x').searchParams);
    expect(next.filters.lists).toEqual({ anyCountry: ['Russia'], apiIp: ['198.51.100.7'] });
    const alone = parseViewState(new URL(pivotHref(state, finding, 'anyIp', '198.51.100.7'), 'http://x').searchParams);
    expect(alone.filters.lists).toEqual({ inRegion: ['eu-west-1'], anyIp: ['198.51.100.7'] });
  });

  it('replace the filters as an option', () => {
    const href = pivotHref(state, { id: 'f1' }, 'instance', 'i-1&x=<y>', { replace: true });
    expect(href.startsWith('/?')).toBe(true);
    const next = parseViewState(new URL(href, 'http://x').searchParams);
    expect(next.detectorId).toBe('d1');
    expect(next.sort).toEqual(state.sort);
    expect(next.filters).toEqual({ lists: { instance: ['i-1&x=<y>'] }, archived: 'current' });
    expect(next.selected).toBe('f1');
  });

  it('include archived findings when pivoting from an archived one', () => {
    const href = pivotHref({ ...state, sort: DEFAULT_SORT }, { id: 'f1', service: { archived: true } }, 'account', '1');
    expect(parseViewState(new URL(href, 'http://x').searchParams).filters.archived).toBe('all');
  });

  it('open the attack map on an IP', () => {
    const next = parseViewState(new URL(attackMapHref(state, { id: 'f1' }, '203.0.113.9'), 'http://x').searchParams);
    expect(next.map).toEqual({ open: true, ip: '203.0.113.9' });
    expect(next.selected).toBe('f1');
    expect(next.filters).toEqual(state.filters);
  });
});
