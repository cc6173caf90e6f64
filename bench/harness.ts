/** What every bench shares: the demo server it runs against, rows, and the printed table. */
import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';

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

/**
 * The built server in aws mode, signing with made-up static credentials for a fake GuardDuty at
 * `endpoint` (test-support/fake-upstream.ts), covering `regions` (the first is the default region).
 */
export function startAwsServer(endpoint: string, regions: readonly string[]): Promise<{ url: string; child: ChildProcess }> {
  return startServer(['--source', 'aws'], {
    AWS_REGION: regions[0],
    AWS_ENDPOINT_URL_GUARDDUTY: endpoint,
    FINDINGS_ATLAS_REGIONS: regions.join(','),
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
}

/** The demo server the benches run against; `pid` lets a bench read its memory from /proc. */
export interface BenchServer {
  pid?: number;
}

export type BenchResult = Row[] | Record<string, number | string>;
export type Bench = (baseUrl: string, server: BenchServer) => Promise<BenchResult>;

export function toRows(result: BenchResult): Row[] {
  return Array.isArray(result) ? result : Object.entries(result).map(([metric, value]) => ({ metric, value: String(value) }));
}

export function printTable(rows: Row[]): void {
  const w1 = Math.max(...rows.map((r) => r.metric.length), 6);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  console.log(`| ${'metric'.padEnd(w1)} | ${'value'.padEnd(w2)} | target |`);
  console.log(`| ${'-'.repeat(w1)} | ${'-'.repeat(w2)} | ------ |`);
  for (const r of rows) console.log(`| ${r.metric.padEnd(w1)} | ${r.value.padEnd(w2)} | ${r.target ?? ''} |`);
}

/** `npx tsx bench/<name>.ts [baseUrl]`: one bench on its own, against a demo server it starts unless given a URL. */
export function runStandalone(bench: Bench): void {
  void (async () => {
    let url = process.argv[2];
    let server: { url: string; child: ChildProcess } | undefined;
    if (!url) {
      server = await startServer();
      url = server.url;
    }
    try {
      printTable(toRows(await bench(url, { pid: server?.child.pid })));
    } finally {
      server?.child.kill('SIGTERM');
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

export const isMain = (moduleUrl: string) => moduleUrl === `file://${process.argv[1]}`;

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Headless chromium as the e2e tests run it: Debian's when present (no browser download here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
