/**
 * The bundled world outline (Natural Earth 1:110m via world-atlas) as GeoJSON, fixed at the
 * antimeridian: loaded once, as its own lazy chunk, by every map of the app (the attack map's
 * basemap, the small maps of the detail view). No request leaves the app's own server.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { fixGeometry } from './antimeridian';

let world: Promise<FeatureCollection<Geometry, { name?: string }>> | undefined;

/** The world's countries as GeoJSON, fixed at the antimeridian; loaded once, as its own chunk. */
export function loadWorld(): Promise<FeatureCollection<Geometry, { name?: string }>> {
  world ??= Promise.all([import('world-atlas/countries-110m.json'), import('topojson-client')]).then(([atlas, { feature }]) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON module's type is its literal shape
    const topology = (atlas as any).default ?? atlas;
    const countries = feature(topology, topology.objects.countries) as unknown as FeatureCollection<Geometry, { name?: string }>;
    return { ...countries, features: countries.features.map((f) => ({ ...f, geometry: fixGeometry(f.geometry) })) };
  });
  world.catch(() => {
    world = undefined;
  });
  return world;
}
