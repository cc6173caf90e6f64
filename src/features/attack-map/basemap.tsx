/**
 * The basemap: by default a bundled world outline (Natural Earth 1:110m via world-atlas), drawn
 * as vector layers, so no request leaves the app's own server. A tile URL from the server's
 * configuration (healthz `tiles`) switches to raster tiles. Colours come from CSS (dark mode too).
 */
import { useEffect } from 'react';
import { TileLayer, useMap } from 'react-leaflet';
import { drawWorldOutline } from '../../lib/world';

export const BASEMAP_PANE = 'fa-basemap';

function usePane(name: string, zIndex: number) {
  const map = useMap();
  if (!map.getPane(name)) map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

function WorldOutline() {
  const map = useMap();
  const pane = usePane(BASEMAP_PANE, 250);
  useEffect(() => drawWorldOutline(map, { className: 'fa-land', weight: 0.7, pane }, 'fa-basemap'), [map, pane]);
  return null;
}

export function Basemap({ tiles }: { tiles: { url: string } | null | undefined }) {
  if (tiles?.url) return <TileLayer url={tiles.url} className="fa-tiles" crossOrigin={false} noWrap />;
  return <WorldOutline />;
}
