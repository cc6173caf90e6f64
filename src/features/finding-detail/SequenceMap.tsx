/**
 * A small offline map of an attack sequence's endpoints: the bundled world outline (no request
 * to any other host), a marker per located endpoint through react-leaflet, and popups whose
 * content React renders (never an HTML string). Loaded lazily: Leaflet is its own chunk.
 * The endpoints table beside it says everything the map shows, for keyboard and screen readers.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, Popup, useMap } from 'react-leaflet';
import { drawWorldOutline } from '../../lib/world';

export interface EndpointPoint {
  key: string;
  lat: number;
  lon: number;
  /** The domain or IP. */
  label: string;
  ip?: string;
  place?: string;
  network?: string;
}

function WorldOutline() {
  const map = useMap();
  useEffect(() => drawWorldOutline(map, { className: 'seq-map-land', weight: 0.6 }, 'seq-map'), [map]);
  return null;
}

/** Names the map for assistive technology (Leaflet's container is a plain div). */
function MapLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

const WORLD: L.LatLngBoundsExpression = [
  [-55, -170],
  [75, 175],
];

function boundsOf(points: EndpointPoint[]): L.LatLngBoundsExpression {
  if (points.length === 0) return WORLD;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  // At least 40° × 60° around the points, so a single endpoint shows its continent.
  const pad = (lo: number, hi: number, min: number) => {
    const extra = Math.max(0, (min - (hi - lo)) / 2);
    return [lo - extra, hi + extra];
  };
  const [s, n] = pad(Math.min(...lats), Math.max(...lats), 40);
  const [w, e] = pad(Math.min(...lons), Math.max(...lons), 60);
  return [
    [Math.max(-80, s), Math.max(-180, w)],
    [Math.min(85, n), Math.min(180, e)],
  ];
}

export default function SequenceMap({ points }: { points: EndpointPoint[] }) {
  return (
    <figure className="seq-map-figure">
      <MapContainer
        className="seq-map"
        bounds={boundsOf(points)}
        boundsOptions={{ padding: [16, 16] }}
        minZoom={0}
        maxZoom={8}
        zoomSnap={0.25}
        scrollWheelZoom={false}
        attributionControl={false}
        worldCopyJump={false}
      >
        <MapLabel label={`Map of ${points.length} ${points.length === 1 ? 'endpoint' : 'endpoints'} of the sequence`} />
        <WorldOutline />
        {points.map((p) => (
          <CircleMarker key={p.key} center={[p.lat, p.lon]} radius={7} pathOptions={{ className: 'seq-map-dot', weight: 2, fillOpacity: 0.9 }}>
            <Popup className="seq-map-popup">
              <strong className="seq-map-popup-title">{p.label}</strong>
              {p.ip && p.ip !== p.label && <span className="seq-map-popup-line mono">{p.ip}</span>}
              {p.place && <span className="seq-map-popup-line">{p.place}</span>}
              {p.network && <span className="seq-map-popup-line muted">{p.network}</span>}
            </Popup>
          </CircleMarker>
        ))}
      </MapContainer>
      <figcaption className="point-map-caption">World outline: Natural Earth · select a dot for its endpoint</figcaption>
    </figure>
  );
}
