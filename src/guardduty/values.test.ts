import { describe, expect, it } from 'vitest';
import { ipv4ToNumber, parseTimestamp, valuesAtPath } from './values';

describe('parseTimestamp', () => {
  it('reads both documented forms to the same instant scale', () => {
    expect(parseTimestamp('2018-02-09T22:57:31Z')).toBe(Date.UTC(2018, 1, 9, 22, 57, 31));
    expect(parseTimestamp('2018-02-09T22:57:31.927Z')).toBe(Date.UTC(2018, 1, 9, 22, 57, 31, 927));
  });
  it('orders "…:31Z" before "…:31.927Z" although the strings sort the other way', () => {
    const a = '2018-02-09T22:57:31Z';
    const b = '2018-02-09T22:57:31.927Z';
    expect(a > b).toBe(true); // lexicographic order is wrong…
    expect(parseTimestamp(a)! < parseTimestamp(b)!).toBe(true); // …the parsed one is right
  });
  it('tolerates shapes seen in real findings', () => {
    expect(parseTimestamp('2025-02-25 20:40:06.721')).toBe(Date.UTC(2025, 1, 25, 20, 40, 6, 721));
    expect(parseTimestamp('2025-02-25 20:40:06.000000000')).toBe(Date.UTC(2025, 1, 25, 20, 40, 6));
    expect(parseTimestamp(1513612691.551)).toBe(1513612691551);
    expect(parseTimestamp('2020-01-01T01:00:00+01:00')).toBe(Date.UTC(2020, 0, 1, 0, 0, 0));
  });
  it('rejects what is not a timestamp', () => {
    for (const v of ['', 'yesterday', '2018-13-45', null, undefined, {}, Number.NaN]) {
      expect(parseTimestamp(v as unknown)).toBeUndefined();
    }
  });
});

describe('ipv4ToNumber', () => {
  it('orders addresses by value, not text', () => {
    expect(ipv4ToNumber('9.255.255.255')! < ipv4ToNumber('10.0.0.0')!).toBe(true);
    expect('9.255.255.255' > '10.0.0.0').toBe(true);
    expect(ipv4ToNumber('255.255.255.255')).toBe(2 ** 32 - 1);
  });
  it('rejects malformed addresses', () => {
    for (const v of ['1.2.3', '1.2.3.256', 'a.b.c.d', '::1', '', undefined]) expect(ipv4ToNumber(v)).toBeUndefined();
  });
});

describe('valuesAtPath', () => {
  const finding = {
    resource: { instanceDetails: { tags: [{ key: 'Name', value: 'web' }, { key: 'env' }] } },
    service: { action: { portProbeAction: { portProbeDetails: [{ remoteIpDetails: { ipAddressV4: '1.1.1.1' } }, { remoteIpDetails: { ipAddressV4: '2.2.2.2' } }] } } },
    platform: null,
  };
  it('descends through arrays', () => {
    expect(valuesAtPath(finding, 'resource.instanceDetails.tags.key')).toEqual(['Name', 'env']);
    expect(valuesAtPath(finding, 'service.action.portProbeAction.portProbeDetails.remoteIpDetails.ipAddressV4')).toEqual(['1.1.1.1', '2.2.2.2']);
  });
  it('yields nothing for missing or null parts', () => {
    expect(valuesAtPath(finding, 'resource.accessKeyDetails.userName')).toEqual([]);
    expect(valuesAtPath(finding, 'platform')).toEqual([]);
  });
});
