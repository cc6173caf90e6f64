import { describe, expect, it } from 'vitest';
import type { Finding } from './finding';
import { SORT_ATTRIBUTES, sortFindings, sortKey } from './sort';

describe('SORT_ATTRIBUTES', () => {
  it('lists the 18 attributes of the GetFindings reference, each once', () => {
    expect(SORT_ATTRIBUTES).toHaveLength(18);
    expect(new Set(SORT_ATTRIBUTES.map((a) => a.name)).size).toBe(18);
  });

  it('reads each attribute from the finding at its dotted path', () => {
    // Build a finding that holds a distinct value at every documented path, then read it back.
    for (const attr of SORT_ATTRIBUTES) {
      const finding: Record<string, unknown> = { id: 'x' };
      const parts = attr.name.split('.');
      let node = finding;
      parts.slice(0, -1).forEach((p) => (node = (node[p] ??= {}) as Record<string, unknown>));
      node[parts.at(-1)!] = 'marker';
      expect(attr.get(finding as Finding), attr.name).toBe('marker');
    }
  });
});

describe('sortFindings', () => {
  const f = (id: string, extra: Partial<Finding>): Finding => ({ id, ...extra });

  it('sorts numbers numerically with missing values last in both directions', () => {
    const list = [f('a', { severity: 10 }), f('b', {}), f('c', { severity: 2 }), f('d', { severity: 8.5 })];
    expect(sortFindings(list, 'severity', 'ASC').map((x) => x.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortFindings(list, 'severity', 'DESC').map((x) => x.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('sorts timestamps chronologically across both formats', () => {
    const list = [f('a', { updatedAt: '2018-02-09T22:57:31Z' }), f('b', { updatedAt: '2018-02-09T22:57:31.927Z' }), f('c', { updatedAt: '2018-02-09T22:57:30.999Z' })];
    expect(sortFindings(list, 'updatedAt', 'ASC').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('sorts IPv4 by numeric value', () => {
    const ip = (id: string, ipAddressV4: string) => f(id, { service: { action: { networkConnectionAction: { remoteIpDetails: { ipAddressV4 } } } } });
    const list = [ip('a', '10.0.0.1'), ip('b', '9.1.1.1'), ip('c', '192.168.0.1')];
    expect(sortFindings(list, 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4', 'ASC').map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts false before true and breaks ties by id', () => {
    const b = (id: string, blocked?: boolean) => f(id, { service: { action: { networkConnectionAction: { blocked } } } });
    const list = [b('z', true), b('y', false), b('x', true), b('w')];
    expect(sortFindings(list, 'service.action.networkConnectionAction.blocked', 'ASC').map((x) => x.id)).toEqual(['y', 'x', 'z', 'w']);
  });

  it('compares service.count as a number whether sent as number or string', () => {
    expect(sortKey('number', '12')).toBe(12);
    const list = [f('a', { service: { count: '12' } }), f('b', { service: { count: 3 } })];
    expect(sortFindings(list, 'service.count', 'ASC').map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('refuses attributes the reference does not document', () => {
    expect(() => sortFindings([], 'title', 'ASC')).toThrow(/documented/);
  });
});
