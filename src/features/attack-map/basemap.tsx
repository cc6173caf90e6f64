/**
 * The basemap: by default a bundled world outline (Natural Earth 1:110m via world-atlas), drawn
 * as vector layers, so no request leaves the app's own server. A tile URL from the server's
 * configuration (healthz `tiles`) switches to raster tiles. Colours come from CSS (dark mode too).
 */
import * as L from 'leaflet';
import { useEffect } from 'react';
import { TileLayer, useMap } from 'react-leaflet';
import { loadWorld } from '../../lib/world';

export const BASEMAP_PANE = 'fa-basemap';

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
