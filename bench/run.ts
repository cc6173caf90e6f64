/**
 * `npm run bench`: measures Findings Atlas against a demo server it starts on loopback, and
 * prints one table. Each part lives in its own module; this file runs them in order.
 * (`npm run bench` builds first.)
 */
import { measureBundle } from './bundle';
import { runEmulatorBench } from './emulator';
import { isMain, printTable, startServer, toRows, type Bench, type Row } from './harness';
import { runLatencyBench } from './latency';
import { runLoadBench } from './load';
import { runMapBench } from './map';
import { runOverviewBench } from './overview';
import { runPageBench } from './page';
import { runProxyBench } from './proxy';
import { runRegionsBench } from './regions';
import { runTableBench } from './table';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function bundleRows(): Row[] {
  const b = measureBundle('dist');
  return [
    { metric: 'initial JS (gzip)', value: kb(b.initialJsGzip), target: '≤ 150 KB' },
    { metric: 'initial CSS (gzip)', value: kb(b.initialCssGzip) },
    { metric: 'lazy JS chunks (gzip, total)', value: `${kb(b.lazyJsGzip)} in ${b.lazyFiles.length} chunks` },
    { metric: 'MSW in production build', value: `${b.mswFiles.length} files`, target: '0' },
    { metric: 'Leaflet in initial chunks', value: `${b.leafletInInitial.length} files`, target: '0' },
  ];
}

const BENCHES: [string, Bench][] = [
  ['page', runPageBench],
  ['table', runTableBench],
  ['map', runMapBench],
  ['overview', runOverviewBench],
  ['proxy', runProxyBench],
  ['regions', runRegionsBench],
  ['latency', runLatencyBench],
  ['load', runLoadBench],
  ['emulator', runEmulatorBench],
];

async function main() {
  const rows: Row[] = bundleRows();
  const { url, child } = await startServer();
  try {
    for (const [name, bench] of BENCHES) {
      process.stderr.write(`bench: ${name}…\n`);
      rows.push(...toRows(await bench(url, { pid: child.pid })).map((r) => ({ ...r, metric: `${name}: ${r.metric}` })));
    }
  } finally {
    child.kill('SIGTERM');
  }
  printTable(rows);
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
