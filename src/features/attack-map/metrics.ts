/**
 * Timing for the bench (bench/map.ts): performance.measure entries named `fa-map:*` —
 * `render` (data → clustered markers in the DOM), `recluster` (move or zoom → markers updated),
 * `map-all` (Map all matching, start to end), and the parts of `render`: `aggregate`, `index`.
 * A measure costs microseconds; at most a few hundred entries per name are kept.
 */
export const clock = (): number => performance.now();

const KEEP = 500;
const counts = new Map<string, number>();

export function measure(name: string, start: number, end: number): void {
  const n = (counts.get(name) ?? 0) + 1;
  if (n > KEEP) performance.clearMeasures(name);
  counts.set(name, n > KEEP ? 1 : n);
  performance.measure(name, { start, end });
}
