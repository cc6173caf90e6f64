import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-110m.json';
import { fixGeometry, fixPolygon, type PolygonCoords } from './antimeridian';

function polygons(geometry: { type: string; coordinates?: unknown }): PolygonCoords[] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return [];
}

const maxJump = (ring: number[][]) => ring.slice(1).reduce((m, p, i) => Math.max(m, Math.abs(p[0] - ring[i][0])), 0);

describe('fixPolygon', () => {
  it('leaves ordinary polygons alone', () => {
    const square: PolygonCoords = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]];
    expect(fixPolygon(square)).toEqual([square]);
  });

  it('unwraps a ring crossing the antimeridian and draws it on both sides', () => {
    const fiji: PolygonCoords = [[[178, -17], [-179, -17], [-179, -16], [178, -16], [178, -17]]];
    const parts = fixPolygon(fiji);
    expect(parts).toHaveLength(2);
    expect(parts[0][0]).toEqual([[178, -17], [181, -17], [181, -16], [178, -16], [178, -17]]);
    expect(parts[1][0]).toEqual([[-182, -17], [-179, -17], [-179, -16], [-182, -16], [-182, -17]]);
    for (const p of parts) expect(maxJump(p[0])).toBeLessThanOrEqual(180);
  });

  it('closes a ring around a pole along the pole', () => {
    const ring = [[-180, -80], [0, -70], [180, -80], [-180, -80]];
    const [poly] = fixPolygon([ring]);
    expect(maxJump(poly[0])).toBeLessThanOrEqual(180);
    expect(poly[0].some((p) => p[1] === -90)).toBe(true);
  });
});

describe('the bundled world outline', () => {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topo, topo.objects.countries);

  it('has no ring that jumps across the map after fixing (Russia, Fiji, Antarctica)', () => {
    const broken = new Set<string>();
    for (const f of countries.features) {
      for (const poly of polygons(fixGeometry(f.geometry))) {
        for (const ring of poly) if (maxJump(ring) > 180) broken.add(f.properties.name);
      }
    }
    expect([...broken]).toEqual([]);
  });

  it('had such rings before fixing', () => {
    const names = countries.features.filter((f) => polygons(f.geometry).some((poly) => poly.some((r) => maxJump(r) > 180))).map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['Fiji', 'Russia', 'Antarctica']));
  });
});
