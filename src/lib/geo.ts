/**
 * Coordinate rules for remote-IP geolocation. GuardDuty's sample findings carry `0,0` and real
 * data sometimes lacks a location or carries junk, so a location is drawn only when it is a pair
 * of finite numbers inside the valid ranges and not exactly 0,0 ("Null Island").
 * Shared by the attack map and anything else that places an IP on a map.
 */

export type LocationProblem = 'missing' | 'null-island' | 'out-of-range';

export type LocationCheck = { ok: true; lat: number; lon: number } | { ok: false; problem: LocationProblem };

export const LOCATION_PROBLEM_LABELS: Record<LocationProblem, string> = {
  missing: 'no coordinates',
  'null-island': 'placeholder 0,0',
  'out-of-range': 'coordinates out of range',
};

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Numbers as strings occur in hand-written and exported findings.
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Checks a `geoLocation` ({lat, lon}); anything that is not an object counts as missing. */
export function checkLocation(geo: unknown): LocationCheck {
  if (geo === null || typeof geo !== 'object') return { ok: false, problem: 'missing' };
  const { lat: rawLat, lon: rawLon } = geo as { lat?: unknown; lon?: unknown };
  const lat = coordinate(rawLat);
  const lon = coordinate(rawLon);
  if (lat === undefined || lon === undefined) return { ok: false, problem: 'missing' };
  if (lat === 0 && lon === 0) return { ok: false, problem: 'null-island' };
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return { ok: false, problem: 'out-of-range' };
  return { ok: true, lat, lon };
}
