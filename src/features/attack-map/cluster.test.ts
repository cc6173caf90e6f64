import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../guardduty';
import { aggregateFindings } from './aggregate';
import { ClusterIndex, toBBox } from './cluster';

function finding(id: string, ip: string, lat: number, lon: number, severity: number): Finding {
  return { id, severity, service: { action: { networkConnectionAction: { remoteIpDetails: { ipAddressV4: ip, geoLocation: { lat, lon } } } } } };
}

const WORLD = toBBox(-180, -90, 180, 90);

describe('ClusterIndex', () => {
  const data = aggregateFindings([
    // Three IPs around Paris, one of them Critical and with two findings.
    finding('1', '192.0.2.1', 48.85, 2.35, 3),
    finding('2', '192.0.2.2', 48.95, 2.15, 9.2),
    finding('3', '192.0.2.2', 48.95, 2.15, 4),
    finding('4', '192.0.2.3', 48.8, 2.6, 5),
    // One in Sydney, alone.
    finding('5', '192.0.2.4', -33.87, 151.21, 7.5),
  ]);
  const index = new ClusterIndex(data.located, { maxZoom: 12 });

  it('clusters nearby IPs with count, finding count, highest severity and bounds', () => {
    const features = index.features(WORLD, 2);
    expect(features).toHaveLength(2);
    const cluster = features.find((f) => f.clusterId !== undefined)!;
    expect(cluster.ipCount).toBe(3);
    expect(cluster.findingCount).toBe(4);
    expect(cluster.maxSeverity).toBe(9.2);
    expect(cluster.bounds).toEqual([48.8, 2.15, 48.95, 2.6]);
    const sydney = features.find((f) => f.point)!;
    expect(sydney.key).toBe('p:192.0.2.4');
    expect(sydney.maxSeverity).toBe(7.5);
    expect(index.leaves(cluster.clusterId!).map((p) => p.ip).sort()).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
  });

  it('splits clusters when zooming in', () => {
    const features = index.features(WORLD, 11);
    expect(features.filter((f) => f.point)).toHaveLength(4);
    expect(features.reduce((s, f) => s + f.ipCount, 0)).toBe(4);
  });

  it('keeps coincident IPs clustered at the last zoom', () => {
    const same = aggregateFindings([finding('a', '198.51.100.1', 10, 10, 5), finding('b', '198.51.100.2', 10, 10, 6)]);
    const i = new ClusterIndex(same.located, { maxZoom: 12 });
    const top = i.features(WORLD, 12);
    expect(top).toHaveLength(1);
    expect(top[0].ipCount).toBe(2);
    expect(i.expansionZoom(top[0].clusterId!)).toBeGreaterThan(12);
  });

  it('locates the feature that shows an IP', () => {
    const atTwo = index.features(WORLD, 2);
    const cluster = atTwo.find((f) => f.clusterId !== undefined)!;
    expect(index.locate('192.0.2.2', 2)).toBe(cluster.key);
    expect(index.locate('192.0.2.4', 2)).toBe('p:192.0.2.4');
    expect(index.locate('192.0.2.2', 13)).toBe('p:192.0.2.2');
    expect(index.locate('203.0.113.99', 2)).toBeUndefined();
  });

  it('queries only the bbox', () => {
    const europe = index.features(toBBox(-20, 30, 40, 70), 2);
    expect(europe.reduce((s, f) => s + f.ipCount, 0)).toBe(3);
  });

  it('clusters coarser rather than draw more than the marker budget', () => {
    expect(index.features(WORLD, 11)).toHaveLength(4);
    const capped = index.featuresAtMost(WORLD, 11, 2);
    expect(capped.features.length).toBeLessThanOrEqual(2);
    expect(capped.zoom).toBeLessThan(11);
    expect(capped.features.reduce((n, f) => n + f.ipCount, 0)).toBe(4);
    expect(index.featuresAtMost(WORLD, 11, 500)).toEqual({ features: index.features(WORLD, 11), zoom: 11 });
  });

  it('turns bounds wider than the world into the world', () => {
    expect(toBBox(-400, -100, 400, 100)).toEqual([-180, -90, 180, 90]);
    expect(toBBox(-200, -10, 10, 10)).toEqual([-180, -10, 10, 10]);
  });

  describe('with 10,000 random IPs', () => {
    let big: ClusterIndex;
    beforeAll(() => {
      let seed = 42;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const many = aggregateFindings(
        Array.from({ length: 10_000 }, (_, k) => finding(String(k), `10.${k >> 16}.${(k >> 8) & 255}.${k & 255}`, rand() * 140 - 60, rand() * 360 - 180, 1 + rand() * 9)),
      );
      big = new ClusterIndex(many.located, { maxZoom: 12 });
    });

    it.each(Array.from({ length: 12 }, (_, i) => i + 1))('stays within the marker budget at zoom %i', (z) => {
      // A 1440 x 900 px view centred on Europe at zoom z, in degrees.
      const w = (1440 / (256 * 2 ** z)) * 360;
      const h = Math.min(170, (900 / (256 * 2 ** z)) * 180);
      const features = big.features(toBBox(10 - w / 2, 48 - h / 2, 10 + w / 2, 48 + h / 2), z);
      expect(features.length).toBeLessThanOrEqual(500);
    });
  });
});
