/**
 * Cluster and IP markers as Leaflet markers whose icons are built with DOM calls (textContent,
 * setAttribute): no HTML strings, so attacker-influenced text can only ever be text. Markers are
 * keyed by feature and diffed on every re-cluster, so panning reuses what is already drawn.
 * Every marker is focusable (Leaflet's `keyboard` option: tabindex 0, role button) and named by
 * an aria-label; Enter and Space activate it like a click.
 */
import * as L from 'leaflet';
import { severityBand } from '../../lib/severity';
import type { MapFeature } from './cluster';

export interface MarkerCallbacks {
  activate(feature: MapFeature): void;
}

interface Entry {
  marker: L.Marker;
  feature: MapFeature;
  signature: string;
}

const nf = new Intl.NumberFormat('en');
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function bandOf(feature: MapFeature) {
  return feature.maxSeverity >= 0 ? severityBand(feature.maxSeverity) : undefined;
}

/** Size class by IP count: points are small, clusters grow with the log of their count. */
export function sizeOf(feature: MapFeature): { px: number; step: number } {
  if (feature.clusterId === undefined) return { px: 22, step: 0 };
  const step = feature.ipCount < 10 ? 1 : feature.ipCount < 100 ? 2 : feature.ipCount < 1000 ? 3 : 4;
  return { px: [22, 30, 36, 44, 52][step], step };
}

/** The accessible name of a marker (plain text; set as an attribute). */
export function describeFeature(feature: MapFeature): string {
  const band = bandOf(feature);
  const severity = band ? `highest severity ${band.label} ${feature.maxSeverity.toFixed(1)}` : 'no severity';
  const findings = `${nf.format(feature.findingCount)} ${feature.findingCount === 1 ? 'finding' : 'findings'}`;
  if (feature.point) {
    const p = feature.point;
    const place = [p.cities[0], p.countries[0]].filter(Boolean).join(', ');
    return `IP ${p.ip}${place ? `, ${place}` : ''}: ${findings}, ${severity}`;
  }
  return `Cluster of ${nf.format(feature.ipCount)} IPs: ${findings}, ${severity}`;
}

function signatureOf(f: MapFeature): string {
  return `${f.key}|${f.lat}|${f.lon}|${f.ipCount}|${f.findingCount}|${f.maxSeverity}`;
}

function createMarker(feature: MapFeature, callbacks: MarkerCallbacks): L.Marker {
  const band = bandOf(feature)?.band ?? 'none';
  const { px, step } = sizeOf(feature);
  const label = document.createElement('span');
  label.className = 'fa-marker__label';
  label.setAttribute('aria-hidden', 'true');
  if (feature.clusterId !== undefined) label.textContent = compact.format(feature.ipCount);
  const kind = feature.clusterId === undefined ? 'point' : 'cluster';
  const icon = L.divIcon({ html: label, className: `fa-marker fa-marker--${kind} fa-size-${step} fa-sev-${band}`, iconSize: [px, px] });
  const marker = L.marker([feature.lat, feature.lon], { icon, keyboard: true, riseOnHover: true, autoPanOnFocus: false });
  marker.on('click', () => callbacks.activate(feature));
  marker.on('add', () => {
    const el = marker.getElement();
    if (!el) return;
    el.setAttribute('aria-label', describeFeature(feature));
    el.dataset.key = feature.key;
    if (feature.point) el.dataset.ip = feature.point.ip;
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        callbacks.activate(feature);
      }
    });
  });
  return marker;
}

export class MarkerLayer {
  private readonly group = L.layerGroup();
  private readonly entries = new Map<string, Entry>();
  private highlights: Record<string, string | undefined> = {};

  constructor(
    private readonly map: L.Map,
    private readonly callbacks: MarkerCallbacks,
  ) {
    this.group.addTo(map);
  }

  /** Draws exactly these features, reusing markers that did not change. */
  setFeatures(features: readonly MapFeature[]): void {
    const focused = document.activeElement;
    let lostFocusAt: L.LatLng | undefined;
    const next = new Set<string>();
    for (const f of features) next.add(f.key);
    for (const [key, entry] of this.entries) {
      if (next.has(key)) continue;
      if (entry.marker.getElement() === focused) lostFocusAt = entry.marker.getLatLng();
      this.group.removeLayer(entry.marker);
      this.entries.delete(key);
    }
    for (const f of features) {
      const signature = signatureOf(f);
      const existing = this.entries.get(f.key);
      if (existing && existing.signature === signature) continue;
      if (existing) {
        if (existing.marker.getElement() === focused) lostFocusAt = existing.marker.getLatLng();
        this.group.removeLayer(existing.marker);
      }
      const marker = createMarker(f, this.callbacks);
      this.entries.set(f.key, { marker, feature: f, signature });
      this.group.addLayer(marker);
    }
    this.applyHighlights();
    // Keyboard users keep their place: a focused cluster that split hands focus to the nearest marker.
    if (lostFocusAt) this.focusNearest(lostFocusAt);
  }

  /** CSS classes on the markers showing given keys (e.g. `is-selected`: key). */
  setHighlights(highlights: Record<string, string | undefined>): void {
    this.highlights = highlights;
    this.applyHighlights();
  }

  elementOf(key: string): HTMLElement | undefined {
    return this.entries.get(key)?.marker.getElement();
  }

  get size(): number {
    return this.entries.size;
  }

  private applyHighlights(): void {
    for (const [key, entry] of this.entries) {
      const el = entry.marker.getElement();
      if (!el) continue;
      for (const [cls, target] of Object.entries(this.highlights)) el.classList.toggle(cls, target === key);
      if (entry.feature.point) el.setAttribute('aria-pressed', this.highlights['is-selected'] === key ? 'true' : 'false');
    }
  }

  private focusNearest(at: L.LatLng): void {
    let best: Entry | undefined;
    let bestDistance = Infinity;
    const origin = this.map.latLngToLayerPoint(at);
    for (const entry of this.entries.values()) {
      const d = origin.distanceTo(this.map.latLngToLayerPoint(entry.marker.getLatLng()));
      if (d < bestDistance) {
        best = entry;
        bestDistance = d;
      }
    }
    const el = best?.marker.getElement();
    if (el) el.focus({ preventScroll: true });
    else this.map.getContainer().focus({ preventScroll: true });
  }

  destroy(): void {
    this.group.remove();
    this.entries.clear();
  }
}
