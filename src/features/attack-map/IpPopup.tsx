/**
 * The popup of the selected IP: a Leaflet popup whose content is a DOM node React renders into
 * through a portal (never an HTML string). Closing it (×, Escape, a click on the map) clears the
 * selection.
 */
import * as L from 'leaflet';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';

export function IpPopup({ at, focusKey, onClose, children }: {
  /** Where it opens; closed when undefined. */
  at?: { lat: number; lon: number };
  /** Changes when the popup should take the keyboard focus (opened by the analyst). */
  focusKey?: number;
  onClose(): void;
  children: ReactNode;
}) {
  const map = useMap();
  const [content] = useState(() => {
    const el = document.createElement('div');
    el.className = 'fa-popup__content';
    return el;
  });
  // A fixed width: the content can change under an open popup without a relayout (Leaflet's
  // update() re-inserts the content node, which would drop the keyboard focus).
  const [popup] = useState(() =>
    L.popup({ maxWidth: 300, minWidth: 300, autoPanPaddingTopLeft: [56, 16], autoPanPaddingBottomRight: [16, 64], className: 'fa-popup', closeOnEscapeKey: true }).setContent(content),
  );
  const close = useRef(onClose);
  const programmatic = useRef(false);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const container = map.getContainer();
    const onAdd = () => container.classList.add('fa-popup-open');
    const onRemove = () => {
      container.classList.remove('fa-popup-open');
      if (!programmatic.current) close.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
      }
    };
    // The map going away (the panel closing) removes the popup too: that is no deselection.
    const onUnload = () => {
      programmatic.current = true;
    };
    map.on('unload', onUnload);
    popup.on('add', onAdd);
    popup.on('remove', onRemove);
    content.addEventListener('keydown', onKey);
    return () => {
      map.off('unload', onUnload);
      popup.off('add', onAdd);
      popup.off('remove', onRemove);
      container.classList.remove('fa-popup-open');
      content.removeEventListener('keydown', onKey);
      popup.remove();
    };
  }, [map, popup, content]);

  const lat = at?.lat;
  const lon = at?.lon;
  useEffect(() => {
    programmatic.current = true;
    try {
      if (lat === undefined || lon === undefined) {
        if (popup.isOpen()) popup.remove();
      } else {
        popup.setLatLng([lat, lon]);
        if (!popup.isOpen()) {
          // As wide as the map allows (narrow screens), clear of the zoom buttons when there is room.
          const room = map.getSize().x;
          const width = Math.max(180, Math.min(300, room - 28));
          Object.assign(popup.options, { minWidth: width, maxWidth: width, autoPanPaddingTopLeft: L.point(room >= width + 80 ? 56 : 6, 16) });
          popup.openOn(map);
        }
      }
    } finally {
      programmatic.current = false;
    }
  }, [map, popup, lat, lon]);

  useEffect(() => {
    if (focusKey === undefined || !popup.isOpen()) return;
    content.querySelector<HTMLElement>('.fa-ip__title')?.focus({ preventScroll: true });
  }, [focusKey, popup, content, lat, lon]);

  return createPortal(children, content);
}
