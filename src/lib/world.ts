/**
 * The bundled world outline (Natural Earth 1:110m via world-atlas) as GeoJSON, fixed at the
 * antimeridian: loaded once, as its own lazy chunk, by every map of the app (the attack map's
 * basemap, the small maps of the detail view). No request leaves the app's own server.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import * as L from 'leaflet';
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

export interface OutlineStyle {
  /** A CSS class for the land paths: colours come from the stylesheet, so they follow the theme. */
  className: string;
  weight: number;
  /** A map pane to draw into; by default the overlay pane, behind what is already there. */
  pane?: string;
}

/**
 * Draws the world outline on a Leaflet map once it has loaded, and marks the map's container
 * `${statusClass}-ready` or `${statusClass}-failed` (tests and styles wait on them). Returns the
 * cleanup for an effect.
 */
export function drawWorldOutline(map: L.Map, style: OutlineStyle, statusClass?: string): () => void {
  let layer: L.GeoJSON | undefined;
  let cancelled = false;
  const mark = (state: string) => statusClass && map.getContainer().classList.add(`${statusClass}-${state}`);
  loadWorld().then(
    (countries) => {
      if (cancelled) return;
      const path = { interactive: false, style: () => ({ className: style.className, weight: style.weight, fillOpacity: 1 }) };
      // Leaflet copies option keys as they are: an undefined pane would replace the default one.
      layer = L.geoJSON(countries, style.pane ? { ...path, pane: style.pane } : path).addTo(map);
      if (!style.pane) layer.bringToBack();
      mark('ready');
    },
    () => !cancelled && mark('failed'),
  );
  return () => {
    cancelled = true;
    layer?.remove();
  };
}
