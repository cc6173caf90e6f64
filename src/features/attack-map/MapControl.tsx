import * as L from 'leaflet';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';

/**
 * A Leaflet control whose content React renders through a portal: text stays text, and clicks
 * and wheel events inside it do not pan or zoom the map.
 */
export function MapControl({ position, className, children }: { position: L.ControlPosition; className: string; children: ReactNode }) {
  const map = useMap();
  const [container] = useState(() => {
    const el = L.DomUtil.create('div', `leaflet-control ${className}`);
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  });
  useEffect(() => {
    const control = new L.Control({ position });
    control.onAdd = () => container;
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, container, position]);
  return createPortal(children, container);
}
