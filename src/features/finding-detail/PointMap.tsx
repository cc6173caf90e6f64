/**
 * A small map of one remote IP's location. Loaded lazily (Leaflet is its own chunk). Offline by
 * design: no tiles, so no request to any other host — the bundled world outline over a 30°
 * graticule (the equator and prime meridian stronger) with a vector marker on the point.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { drawWorldOutline } from '../../lib/world';

export default function PointMap({ lat, lon, label }: { lat: number; lon: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const map = L.map(el, {
      center: [lat, lon],
      zoom: 0,
      zoomSnap: 0.25,
      // A static picture (role="img"): the attack map is the interactive one.
      zoomControl: false,
      attributionControl: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      touchZoom: false,
      boxZoom: false,
      keyboard: false,
    });
    // Colours come from the stylesheet (classes, not attributes), so they follow the theme.
    for (let y = -60; y <= 60; y += 30) {
      L.polyline([[y, -180], [y, 180]], { className: y === 0 ? 'point-map-axis' : 'point-map-grid', weight: 1, interactive: false }).addTo(map);
    }
    for (let x = -180; x <= 180; x += 30) {
      L.polyline([[-85, x], [85, x]], { className: x === 0 ? 'point-map-axis' : 'point-map-grid', weight: 1, interactive: false }).addTo(map);
    }
    const undraw = drawWorldOutline(map, { className: 'point-map-land', weight: 0.6 }, 'point-map');
    map.fitBounds([[-70, -180], [80, 180]]);
    L.circleMarker([lat, lon], { radius: 12, className: 'point-map-halo', weight: 1, fillOpacity: 0.18, interactive: false }).addTo(map);
    L.circleMarker([lat, lon], { radius: 5, className: 'point-map-dot', weight: 2, fillOpacity: 1, interactive: false }).addTo(map);
    return () => {
      undraw();
      map.remove();
    };
  }, [lat, lon]);

  return (
    <figure className="point-map-figure">
      <div ref={ref} className="point-map" role="img" aria-label={`Map of ${label || 'the remote IP'} at latitude ${lat}, longitude ${lon}`} />
      <figcaption className="point-map-caption">
        {Math.abs(lat).toFixed(2)}° {lat >= 0 ? 'N' : 'S'}, {Math.abs(lon).toFixed(2)}° {lon >= 0 ? 'E' : 'W'} · grid of 30°
      </figcaption>
    </figure>
  );
}
