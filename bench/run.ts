/**
 * `npm run bench`: measures Findings Atlas against a demo server it starts on loopback, and
 * prints one table. Each part lives in its own module; this file only runs them in order.
 * (`npm run bench` builds first.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { measureBundle } from './bundle';

export interface Row {
  metric: string;
  value: string;
  target?: string;
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

/** Starts the built server (demo source unless args say otherwise) and resolves once it listens. */
export async function startServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist-server/main.js', '--port', String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // One log line per request: an unread pipe fills up (64 KiB) and then blocks the server's writes.
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not start');
}

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

/** The demo server the benches run against; `pid` lets a bench read its memory from /proc. */
export interface BenchServer {
  pid?: number;
}

type Bench = (baseUrl: string, server: BenchServer) => Promise<Row[]>;

/** Optional parts: each feature's bench module, loaded if present. */
async function optionalBenches(): Promise<[string, Bench][]> {
  const parts: [string, string, string][] = [
    ['table', './table', 'runTableBench'],
    ['map', './map', 'runMapBench'],
    ['page', './page', 'runPageBench'],
    ['proxy', './proxy', 'runProxyBench'],
    ['load', './load', 'runLoadBench'],
  ];
  const out: [string, Bench][] = [];
  for (const [name, path, fn] of parts) {
    try {
      const mod = (await import(path)) as Record<string, unknown>;
      const run = mod[fn] as (url: string, server: BenchServer) => Promise<Record<string, number | string> | Row[]>;
      out.push([
        name,
        async (url, server) => {
          const result = await run(url, server);
          return Array.isArray(result) ? result : Object.entries(result).map(([metric, value]) => ({ metric, value: String(value) }));
        },
      ]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    }
  }
  return out;
}

function printTable(rows: Row[]): void {
  const w1 = Math.max(...rows.map((r) => r.metric.length), 6);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  console.log(`| ${'metric'.padEnd(w1)} | ${'value'.padEnd(w2)} | target |`);
  console.log(`| ${'-'.repeat(w1)} | ${'-'.repeat(w2)} | ------ |`);
  for (const r of rows) console.log(`| ${r.metric.padEnd(w1)} | ${r.value.padEnd(w2)} | ${r.target ?? ''} |`);
}

async function main() {
  const rows: Row[] = bundleRows();
  const { url, child } = await startServer();
  try {
    for (const [name, bench] of await optionalBenches()) {
      process.stderr.write(`bench: ${name}…\n`);
      rows.push(...(await bench(url, { pid: child.pid })).map((r) => ({ ...r, metric: `${name}: ${r.metric}` })));
    }
  } finally {
    child.kill('SIGTERM');
  }
  printTable(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
