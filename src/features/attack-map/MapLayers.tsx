/** The pieces that live inside the Leaflet map and sync it imperatively (react-leaflet's useMap). */
import * as L from 'leaflet';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import type { MapView } from '../../view/url-state';
import { SEVERITY_BANDS } from '../../lib/severity';
import type { IpAggregate } from './aggregate';
import { toBBox, type ClusterIndex, type MapFeature } from './cluster';
import { MapControl } from './MapControl';
import { MarkerLayer } from './markers';
import { clock, measure } from './metrics';

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** The most marker elements drawn at once (the view plus a margin for panning). */
export const MAX_MARKERS = 500;

/** Markers for the clusters and IPs in view, re-clustered on every move and zoom. */
export function ClusterLayer({ index, renderStart, selectedIp, findingIp, onActivate }: {
  index: ClusterIndex;
  /** When the data of this index started to be prepared (for the first-render measure). */
  renderStart: number;
  selectedIp?: string;
  findingIp?: string;
  onActivate(feature: MapFeature): void;
}) {
  const map = useMap();
  const [layer, setLayer] = useState<MarkerLayer | undefined>();
  const activate = useRef(onActivate);
  const selection = useRef({ selectedIp, findingIp });
  const highlightRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    activate.current = onActivate;
  });

  // Layout effects: markers are in the DOM before the browser paints.
  useLayoutEffect(() => {
    const created = new MarkerLayer(map, { activate: (f) => activate.current(f) });
    setLayer(created);
    return () => created.destroy();
  }, [map]);

  useLayoutEffect(() => {
    if (!layer) return;
    // The zoom the markers were clustered at (coarser than the map's when the budget demands).
    let drawnZoom = map.getZoom();
    const highlight = () => {
      const zoom = drawnZoom;
      const { selectedIp: ip, findingIp: fip } = selection.current;
      layer.setHighlights({ 'is-selected': ip ? index.locate(ip, zoom) : undefined, 'is-finding': fip ? index.locate(fip, zoom) : undefined });
    };
    const draw = (name: string, start: number) => {
      const b = map.getBounds().pad(0.15);
      const drawn = index.featuresAtMost(toBBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()), map.getZoom(), MAX_MARKERS);
      drawnZoom = drawn.zoom;
      layer.setFeatures(drawn.features);
      highlight();
      measure(name, start, clock());
      map.getContainer().dataset.markers = String(layer.size);
    };
    draw('fa-map:render', renderStart);
    const onMoveEnd = () => draw('fa-map:recluster', clock());
    map.on('moveend', onMoveEnd);
    highlightRef.current = highlight;
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map, layer, index, renderStart]);

  useLayoutEffect(() => {
    selection.current = { selectedIp, findingIp };
    highlightRef.current?.();
  }, [layer, index, selectedIp, findingIp]);

  return null;
}

/** Map view ⇄ URL: moves are written (debounced, replacing the entry); URL changes move the map. */
export function ViewSync({ view, onViewChange }: { view?: MapView; onViewChange(view: MapView): void }) {
  const map = useMap();
  const write = useRef(onViewChange);
  useEffect(() => {
    write.current = onViewChange;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMoveEnd = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const c = map.getCenter();
        write.current({ lat: round4(c.lat), lng: round4(c.lng), zoom: map.getZoom() });
      }, 250);
    };
    map.on('moveend', onMoveEnd);
    return () => {
      clearTimeout(timer);
      map.off('moveend', onMoveEnd);
    };
  }, [map]);
  const lat = view?.lat;
  const lng = view?.lng;
  const zoom = view?.zoom;
  useEffect(() => {
    if (lat === undefined || lng === undefined || zoom === undefined) return;
    const c = map.getCenter();
    if (round4(c.lat) !== round4(lat) || round4(c.lng) !== round4(lng) || map.getZoom() !== zoom) map.setView([lat, lng], zoom, { animate: false });
  }, [map, lat, lng, zoom]);
  return null;
}

/**
 * Pans to a target whenever its id changes (the finding selected in the table or the detail
 * view). The target the map opens with moves it only when it is out of view, so a shared link
 * keeps its view.
 */
export function PanTo({ target }: { target?: { id: string; lat: number; lon: number } }) {
  const map = useMap();
  const done = useRef<string | undefined>(undefined);
  const first = useRef(true);
  useEffect(() => {
    if (!target || target.id === done.current) return;
    done.current = target.id;
    const initial = first.current;
    first.current = false;
    if (initial && map.getBounds().pad(-0.1).contains([target.lat, target.lon])) return;
    map.panTo([target.lat, target.lon]);
  }, [map, target]);
  return null;
}

/** The names and sizes of the map's own controls, and an accessible name for the map. */
export function MapA11y({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('aria-label', label);
    el.setAttribute('aria-roledescription', 'map');
  }, [map, label]);
  return null;
}

export function Legend() {
  return (
    <MapControl position="bottomright" className="fa-legend">
      <span className="fa-legend__title" id="fa-legend-title">
        Highest severity
      </span>
      <ul className="fa-legend__list" aria-labelledby="fa-legend-title">
        {[...SEVERITY_BANDS].reverse().map((b) => (
          <li key={b.band}>
            <span className={`fa-legend__swatch fa-sev-${b.band}`} aria-hidden="true" /> {b.label}
          </li>
        ))}
      </ul>
      <span className="visually-hidden">. Numbers on clusters count their IPs.</span>
    </MapControl>
  );
}

/** Plain-text attribution (Leaflet's own control writes HTML). */
export function Attribution({ text }: { text: string }) {
  return (
    <MapControl position="bottomright" className="fa-attribution">
      {text}
    </MapControl>
  );
}

export function FitControl({ points }: { points: readonly IpAggregate[] }) {
  const map = useMap();
  const fit = () => {
    if (points.length === 0) return;
    const bounds = L.latLngBounds(points.map((p) => [p.location!.lat, p.location!.lon] as [number, number]));
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  };
  return (
    <MapControl position="topleft" className="leaflet-bar fa-fit">
      <button type="button" onClick={fit} disabled={points.length === 0} aria-label="Zoom to all mapped IPs" title="Zoom to all mapped IPs">
        <span aria-hidden="true">⤢</span>
      </button>
    </MapControl>
  );
}

/** Renders children into an element outside the map (the side list) while reading the map. */
export function MapPortal({ target, children }: { target: HTMLElement | null; children: ReactNode }) {
  return target ? createPortal(children, target) : null;
}

/** The map's bounds, updated after every move. */
export function useMapBounds(): L.LatLngBounds {
  const map = useMap();
  const [bounds, setBounds] = useState(() => map.getBounds());
  useEffect(() => {
    const onMoveEnd = () => setBounds(map.getBounds());
    map.on('moveend', onMoveEnd);
    return () => {
      map.off('moveend', onMoveEnd);
    };
  }, [map]);
  return bounds;
}
