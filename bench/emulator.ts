/**
 * The emulator's cost for hostile and heavy filters (issue 11): the `matches` probe
 * `{"id":{"matches":["*******Q"]}}` and the heaviest request the contract allows (50 criteria ×
 * 50 values of 512 characters, plus `matches` with 5 long patterns), timed in-process on both
 * detectors; then, against a demo server started from source, `/healthz` latency while heavy
 * requests run, and while the probe runs.
 *
 * `npx tsx bench/emulator.ts [case…]` (cases: probe-demo, heavy-neq, heavy-glob, glob-only,
 * probe-scale, healthz; default all). No build needed: the server runs through tsx. In
 * `npm run bench` the /healthz part runs against the built server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FindingCriteria } from '../src/guardduty';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, createEmulator } from '../mocks/emulator';
import { MATCHES_PROBE, heaviestAllowedCriterion } from '../mocks/emulator/test-support';
import { freePort, isMain, printTable, type Bench, type Row } from './harness';
import { percentile } from './load';

const RUNS = Number(process.env.EMULATOR_BENCH_RUNS ?? 5);
const HEALTHZ_TIMEOUT_MS = 10_000;
const HEAVY_TIMEOUT_MS = 30_000;
const LOAD_MS = 5_000;

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(1)} ms`);

const heavyNeq = () => withoutGlobs(heaviestAllowedCriterion());
function withoutGlobs(criterion: FindingCriteria['criterion']): FindingCriteria['criterion'] {
  return Object.fromEntries(Object.entries(criterion ?? {}).map(([a, { matches: _, ...rest }]) => [a, rest]));
}
const globOnly = () => ({ description: { matches: heaviestAllowedCriterion().description.matches } });

const CASES: Record<string, [string, string, () => FindingCriteria['criterion']]> = {
  'probe-demo': ['probe matches *******Q, demo detector (367 findings)', DEMO_DETECTOR_ID, () => MATCHES_PROBE],
  'heavy-neq': ['heaviest allowed, 50 criteria × 50 neq values, no globs, 10k detector', SCALE_DETECTOR_ID, heavyNeq],
  'heavy-glob': ['heaviest allowed, 50 × 50 neq + matches 5 long patterns, 10k detector', SCALE_DETECTOR_ID, () => heaviestAllowedCriterion()],
  'glob-only': ['matches 5 long patterns on description alone, 10k detector', SCALE_DETECTOR_ID, globOnly],
  'probe-scale': ['probe matches *******Q, 10k detector', SCALE_DETECTOR_ID, () => MATCHES_PROBE],
};

/**
 * One ListFindings on a fresh emulator (no cached result), its detector already loaded. Wall
 * time, and this process's CPU time, which on a shared machine says more (no waiting for a core).
 */
function timeListFindings(detectorId: string, criterion: FindingCriteria['criterion']): { ms: number; cpu: number; outcome: string } {
  const emulator = createEmulator();
  emulator.listFindings(detectorId, { maxResults: 1 });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let outcome: string;
  try {
    outcome = `${emulator.listFindings(detectorId, { findingCriteria: { criterion }, maxResults: 50 }).findingIds.length} ids`;
  } catch (error) {
    outcome = `${(error as Error).name}: ${(error as Error).message.slice(0, 60)}…`;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, outcome };
}

function inProcess(names: string[]): Row[] {
  return names.map((name) => {
    const [label, detector, criterion] = CASES[name];
    process.stderr.write(`bench emulator: ${name}…\n`);
    const wall: number[] = [];
    const cpu: number[] = [];
    let outcome = '';
    for (let i = 0; i < RUNS; i++) {
      const run = timeListFindings(detector, criterion());
      wall.push(run.ms);
      cpu.push(run.cpu);
      outcome = run.outcome;
      if (run.ms > 10_000) break; // one run says enough
    }
    const median = (xs: number[]) => ms(percentile([...xs].sort((a, b) => a - b), 50));
    return {
      metric: `${label}: median of ${wall.length}, wall / CPU (max wall)`,
      value: `${median(wall)} / ${median(cpu)} (${ms(Math.max(...wall))}), ${outcome}`,
    };
  });
}

/** The demo server from source, through tsx: no build, and the emulator code as it is now. */
async function startSourceServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the demo server did not start');
}

async function healthz(url: string): Promise<number> {
  const t0 = performance.now();
  try {
    await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(HEALTHZ_TIMEOUT_MS) })).text();
  } catch {
    return Infinity;
  }
  return performance.now() - t0;
}

const post = (url: string, criterion: FindingCriteria['criterion'], signal?: AbortSignal) =>
  fetch(`${url}/api/detector/${SCALE_DETECTOR_ID}/findings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ findingCriteria: { criterion }, maxResults: 50 }),
    signal,
  });

const summary = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const show = (n: number) => (n === Infinity ? `> ${HEALTHZ_TIMEOUT_MS / 1000} s (timed out)` : ms(n));
  return `p50 ${show(percentile(sorted, 50))} / p99 ${show(percentile(sorted, 99))} / max ${show(sorted.at(-1)!)} (${sorted.length} probes)`;
};

/** /healthz on a demo server while heavy requests run there, and while the probe runs. */
async function overHttp(url: string): Promise<Row[]> {
  process.stderr.write('bench emulator: healthz…\n');
  await post(url, {}); // load the 10k detector before measuring
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await healthz(url));

  // Two clients send heavy requests back to back (salted: no cached answers) while /healthz is sampled.
  const statuses = new Map<string, number>();
  const heavyTimes: number[] = [];
  const deadline = performance.now() + LOAD_MS;
  const client = async (c: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      let status: string;
      try {
        const res = await post(url, heaviestAllowedCriterion(`${c}.${i}`), AbortSignal.timeout(HEAVY_TIMEOUT_MS));
        await res.text();
        status = String(res.status);
      } catch {
        status = `no answer in ${HEAVY_TIMEOUT_MS / 1000} s`;
      }
      heavyTimes.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status.startsWith('no answer')) break; // the server is stuck: nothing more to learn
    }
  };
  const underLoad: number[] = [];
  const sampler = (async () => {
    while (performance.now() < deadline) {
      underLoad.push(await healthz(url));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.all([client(0), client(1), sampler]);

  // The probe once, with /healthz asked 100 ms into it.
  const probe = post(url, MATCHES_PROBE, AbortSignal.timeout(HEALTHZ_TIMEOUT_MS)).then(
    async (res) => `${res.status}`,
    () => 'no answer',
  );
  await new Promise((r) => setTimeout(r, 100));
  const duringProbe = await healthz(url);
  const probeStatus = await probe;

  return [
    { metric: 'healthz, idle', value: summary(idle) },
    {
      metric: `healthz while 2 clients send the heaviest allowed request for ${LOAD_MS / 1000} s`,
      value: summary(underLoad),
    },
    {
      metric: 'heaviest allowed request over HTTP (2 concurrent)',
      value: `${summary(heavyTimes).replace(/ \(\d+ probes\)/, '')}; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`,
    },
    { metric: 'healthz asked 100 ms into the probe', value: `${summary([duringProbe]).replace(/ \/ p99.*/, '')} (probe: ${probeStatus})` },
  ];
}

/** For `npm run bench` (bench/run.ts): every in-process case, then /healthz on its demo server. */
export const runEmulatorBench: Bench = async (baseUrl) => [...inProcess(Object.keys(CASES)), ...(await overHttp(baseUrl))];

async function main() {
  const wanted = process.argv.slice(2);
  const pick = (name: string) => wanted.length === 0 || wanted.includes(name);
  const rows = inProcess(Object.keys(CASES).filter(pick));
  if (pick('healthz')) {
    const { url, child } = await startSourceServer();
    try {
      rows.push(...(await overHttp(url)));
    } finally {
      child.kill('SIGKILL'); // a server stuck in a request handles no SIGTERM
    }
  }
  printTable(rows);
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
