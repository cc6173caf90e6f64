/**
 * Makes lon/lat polygons drawable on a flat (Web Mercator) map. Rings that cross the antimeridian
 * (Fiji, Russia's far east) jump from +180 to -180 between two vertices, which a planar renderer
 * draws as a streak across the whole map. A crossing ring is unwrapped into continuous longitudes
 * (beyond ±180) and drawn twice, once on each side; a ring around a pole (Antarctica) is closed
 * along the pole instead.
 */

export type Position = number[];
export type Ring = Position[];
export type PolygonCoords = Ring[];

/** Longitude shifts that make a ring continuous; the total winding (0 unless it circles a pole). */
function unwrap(ring: Ring): { ring: Ring; winding: number; jumps: number } {
  const out: Ring = new Array(ring.length);
  let shift = 0;
  let jumps = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat, ...rest] = ring[i];
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) {
        shift -= 360;
        jumps++;
      } else if (prev - lon > 180) {
        shift += 360;
        jumps++;
      }
    }
    out[i] = [lon + shift, lat, ...rest];
  }
  return { ring: out, winding: shift, jumps };
}

/** A ring around a pole, cut at its jump and closed along the pole's latitude. */
function closeAroundPole(ring: Ring): Ring {
  let cut = 1;
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
      cut = i;
      break;
    }
  }
  // Start right after the jump and end right before it (dropping the closing duplicate).
  const open = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const rotated = [...open.slice(cut), ...open.slice(0, cut)];
  const { ring: continuous } = unwrap(rotated);
  const meanLat = continuous.reduce((s, p) => s + p[1], 0) / continuous.length;
  const pole = meanLat < 0 ? -90 : 90;
  const first = continuous[0];
  const last = continuous[continuous.length - 1];
  // Along the pole in steps of at most 90°, so no segment spans the map.
  const along: Ring = [];
  const steps = Math.max(1, Math.ceil(Math.abs(last[0] - first[0]) / 90));
  for (let k = 0; k <= steps; k++) along.push([last[0] + ((first[0] - last[0]) * k) / steps, pole]);
  return [...continuous, ...along, [first[0], first[1]]];
}

/** One polygon (outer ring and holes) as one or two polygons that draw without streaks. */
export function fixPolygon(polygon: PolygonCoords): PolygonCoords[] {
  if (polygon.length === 0) return [];
  const outer = unwrap(polygon[0]);
  if (outer.jumps === 0 && polygon.slice(1).every((h) => unwrap(h).jumps === 0)) return [polygon];
  if (outer.winding !== 0) return [[closeAroundPole(polygon[0]), ...polygon.slice(1).map((h) => unwrap(h).ring)]];
  const rings = [outer.ring, ...polygon.slice(1).map((h) => alignTo(unwrap(h).ring, outer.ring[0][0]))];
  let min = Infinity;
  let max = -Infinity;
  for (const p of outer.ring) {
    if (p[0] < min) min = p[0];
    if (p[0] > max) max = p[0];
  }
  const out: PolygonCoords[] = [rings];
  if (max > 180) out.push(shiftPolygon(rings, -360));
  if (min < -180) out.push(shiftPolygon(rings, 360));
  return out;
}

function alignTo(ring: Ring, lon: number): Ring {
  const k = Math.round((lon - ring[0][0]) / 360);
  return k === 0 ? ring : ring.map(([x, y, ...rest]) => [x + k * 360, y, ...rest]);
}

function shiftPolygon(rings: PolygonCoords, by: number): PolygonCoords {
  return rings.map((ring) => ring.map(([x, y, ...rest]) => [x + by, y, ...rest]));
}

interface Geometry {
  type: string;
  coordinates?: unknown;
}

/** A Polygon or MultiPolygon geometry fixed for planar drawing (other geometries unchanged). */
export function fixGeometry<G extends Geometry>(geometry: G): G {
  if (geometry.type === 'Polygon') {
    const parts = fixPolygon(geometry.coordinates as PolygonCoords);
    return (parts.length === 1 ? { ...geometry, coordinates: parts[0] } : { ...geometry, type: 'MultiPolygon', coordinates: parts }) as G;
  }
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: (geometry.coordinates as PolygonCoords[]).flatMap(fixPolygon) } as G;
  }
  return geometry;
}
