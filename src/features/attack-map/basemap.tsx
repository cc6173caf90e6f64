/**
 * The basemap: by default a bundled world outline (Natural Earth 1:110m via world-atlas), drawn
 * as vector layers, so no request leaves the app's own server. A tile URL from the server's
 * configuration (healthz `tiles`) switches to raster tiles. Colours come from CSS (dark mode too).
 */
import * as L from 'leaflet';
import { useEffect } from 'react';
import { TileLayer, useMap } from 'react-leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import { fixGeometry } from './antimeridian';

export const BASEMAP_PANE = 'fa-basemap';

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

function usePane(name: string, zIndex: number) {
  const map = useMap();
  if (!map.getPane(name)) map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

function WorldOutline() {
  const map = useMap();
  const pane = usePane(BASEMAP_PANE, 250);
  useEffect(() => {
    let layer: L.GeoJSON | undefined;
    let cancelled = false;
    loadWorld().then(
      (countries) => {
        if (cancelled) return;
        layer = L.geoJSON(countries, { pane, interactive: false, style: () => ({ className: 'fa-land', weight: 0.7, fillOpacity: 1 }) }).addTo(map);
        map.getContainer().classList.add('fa-basemap-ready');
      },
      () => map.getContainer().classList.add('fa-basemap-failed'),
    );
    return () => {
      cancelled = true;
      layer?.remove();
    };
  }, [map, pane]);
  return null;
}

export function Basemap({ tiles }: { tiles: { url: string } | null | undefined }) {
  if (tiles?.url) return <TileLayer url={tiles.url} className="fa-tiles" crossOrigin={false} noWrap />;
  return <WorldOutline />;
}
