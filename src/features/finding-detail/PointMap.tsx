/**
 * A small map of one remote IP's location. Loaded lazily (Leaflet is its own chunk). Offline by
 * design: no tiles, so no request to any other host — the bundled world outline over a 30°
 * graticule (the equator and prime meridian stronger) with a vector marker on the point.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { drawWorldOutline } from '../../lib/world';

export default function PointMap({ lat, lon, label }: { lat: number; lon: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map>();

  // The map and its world, once: stepping through findings (j / k) only moves the point. Redrawing
  // the outline for each finding was most of a step's time.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const created = L.map(el, {
      center: [0, 0],
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
      L.polyline([[y, -180], [y, 180]], { className: y === 0 ? 'point-map-axis' : 'point-map-grid', weight: 1, interactive: false }).addTo(created);
    }
    for (let x = -180; x <= 180; x += 30) {
      L.polyline([[-85, x], [85, x]], { className: x === 0 ? 'point-map-axis' : 'point-map-grid', weight: 1, interactive: false }).addTo(created);
    }
    const undraw = drawWorldOutline(created, { className: 'point-map-land', weight: 0.6 }, 'point-map');
    created.fitBounds([[-70, -180], [80, 180]]);
    setMap(created);
    return () => {
      undraw();
      created.remove();
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    const halo = L.circleMarker([lat, lon], { radius: 12, className: 'point-map-halo', weight: 1, fillOpacity: 0.18, interactive: false }).addTo(map);
    const dot = L.circleMarker([lat, lon], { radius: 5, className: 'point-map-dot', weight: 2, fillOpacity: 1, interactive: false }).addTo(map);
    return () => {
      halo.remove();
      dot.remove();
    };
  }, [map, lat, lon]);

  return (
    <figure className="point-map-figure">
      <div ref={ref} className="point-map" role="img" aria-label={`Map of ${label || 'the remote IP'} at latitude ${lat}, longitude ${lon}`} />
      <figcaption className="point-map-caption">
        {Math.abs(lat).toFixed(2)}° {lat >= 0 ? 'N' : 'S'}, {Math.abs(lon).toFixed(2)}° {lon >= 0 ? 'E' : 'W'} · grid of 30°
      </figcaption>
    </figure>
  );
}
