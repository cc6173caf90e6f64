/**
 * What the browser downloads first, measured from the built dist/: the entry script and the
 * chunks index.html preloads (gzip sizes), the lazy chunks, and whether MSW or Leaflet leaked
 * into the initial load. Used by `npm run bench` and by the bundle e2e test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleReport {
  initialJsGzip: number;
  initialCssGzip: number;
  initialFiles: string[];
  lazyJsGzip: number;
  lazyFiles: string[];
  /** Files of the whole build that contain MSW code. */
  mswFiles: string[];
  /** Initial files that contain Leaflet code. */
  leafletInInitial: string[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

// Markers that only MSW's and Leaflet's own code contain.
const MSW_MARKERS = ['mockServiceWorker', 'MSW_', 'setupWorker', '[MSW]'];
const LEAFLET_MARKERS = ['leaflet-container', 'L.Map', '_leaflet_id'];

export function measureBundle(dist = 'dist'): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) initial.add(m[1]);
  const assets = readdirSync(join(dist, 'assets')).map((f) => `assets/${f}`);
  const read = (f: string) => readFileSync(join(dist, f));
  const js = assets.filter((f) => f.endsWith('.js'));
  const initialFiles = [...initial];
  const lazyFiles = js.filter((f) => !initial.has(f));
  const contains = (f: string, markers: string[]) => {
    const text = read(f).toString('utf8');
    return markers.some((m) => text.includes(m));
  };
  return {
    initialJsGzip: initialFiles.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(read(f)), 0),
    initialCssGzip: initialFiles.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(read(f)), 0),
    initialFiles,
    lazyJsGzip: lazyFiles.reduce((n, f) => n + gz(read(f)), 0),
    lazyFiles,
    mswFiles: [...js, 'index.html'].filter((f) => contains(f, MSW_MARKERS)),
    leafletInInitial: initialFiles.filter((f) => f.endsWith('.js') && contains(f, LEAFLET_MARKERS)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(measureBundle());
}
