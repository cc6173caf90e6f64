/**
 * Plain-SVG building blocks of the overview's charts (no chart library: the whole overview chunk
 * stays a few KB). Severity is drawn with a texture per band as well as a colour, and every mark
 * carries its band's name in its accessible text.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { SEVERITY_BANDS, type SeverityBand } from '../../lib/severity';

/** The width of an element, following resizes (a fallback before layout and where ResizeObserver is missing). */
export function useElementWidth<T extends HTMLElement>(fallback = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.floor(w));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** A document-unique id usable inside `url(#…)` (React's ids contain characters that need escaping there). */
export function useSvgId(): string {
  return `ov${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export const patternId = (prefix: string, band: SeverityBand) => `${prefix}-sev-${band}`;

/** One texture per band: Critical solid, High diagonal stripes, Medium dots, Low horizontal lines. */
export function SeverityPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={patternId(prefix, 'critical')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="ov-fill-critical" />
      </pattern>
      <pattern id={patternId(prefix, 'high')} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="ov-fill-high" />
        <rect width="1.6" height="6" className="ov-texture" />
      </pattern>
      <pattern id={patternId(prefix, 'medium')} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="ov-fill-medium" />
        <circle cx="2.5" cy="2.5" r="1" className="ov-texture" />
      </pattern>
      <pattern id={patternId(prefix, 'low')} width="6" height="4" patternUnits="userSpaceOnUse">
        <rect width="6" height="4" className="ov-fill-low" />
        <rect y="3" width="6" height="1" className="ov-texture" />
      </pattern>
    </defs>
  );
}

/** The legend: a swatch with the band's texture beside its name and range. */
export function SeverityLegend({ bands }: { bands: readonly SeverityBand[] }) {
  const prefix = useSvgId();
  return (
    <ul className="ov-legend" aria-label="Severity bands">
      {[...SEVERITY_BANDS].reverse().filter((b) => bands.includes(b.band)).map((b) => (
        <li key={b.band}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <SeverityPatterns prefix={`${prefix}${b.band}`} />
            <rect width="14" height="14" rx="2" fill={`url(#${patternId(`${prefix}${b.band}`, b.band)})`} className="ov-swatch" />
          </svg>
          {b.label} <span className="muted">{b.min.toFixed(1)}–{(b.max === 11 ? 10 : b.max - 0.1).toFixed(1)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Roving focus over a chart's marks (links with class `ov-mark`): one Tab stop per chart, arrow
 * keys move between marks, Home/End jump to the ends; Enter follows the focused link.
 */
export function rovingKeys(e: KeyboardEvent<SVGSVGElement>, setActive: (i: number) => void) {
  const marks = [...e.currentTarget.querySelectorAll<SVGAElement>('a.ov-mark')];
  const i = marks.indexOf(document.activeElement as SVGAElement);
  if (i < 0) return;
  let next: number;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(marks.length - 1, i + 1);
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = marks.length - 1;
  else return;
  e.preventDefault();
  setActive(next);
  marks[next].focus();
}

/** A round axis maximum: 1, 2, 5 × 10^n at or above `n`. */
export function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
