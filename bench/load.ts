/**
 * Load on the demo server over loopback: 200 concurrent clients (keep-alive, one socket each) for
 * LOAD_SECONDS (default 30), each sending the dashboard's own mix one request after another:
 * ListFindings sorted and filtered (both detectors), GetFindings of a 50-id page, statistics,
 * and GET / . Reported: requests/s, p50/p99 latency, errors (timeouts, other connection errors and
 * non-200 statuses apart; a 429 ThrottlingException is the emulator pool shedding load on
 * purpose, still an error here), /healthz sampled on its own connection during the run, the
 * server's CPU time per request (less sensitive than latency to what else runs on the machine),
 * and its resident memory (from /proc/<pid>/status) before, at its highest during, and after the
 * run.
 *
 * Bounded: clients stop sending at the deadline, and every request has a timeout.
 * Standalone: `npm run build && LOAD_SECONDS=10 tsx bench/load.ts` (starts its own server).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID } from '../mocks/emulator';
import { isMain, runStandalone, type BenchServer, type Row } from './harness';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const REQUEST_TIMEOUT_MS = 10_000;

/** User + system CPU seconds of a process (all its threads, the emulator workers included), or null. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, 100 per second on Linux
  } catch {
    return null;
  }
}

/** VmRSS (and VmHWM, the peak) of a process in bytes, or null where /proc is not available. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

interface Sent {
  status: number;
  body: Buffer;
}

function send(agent: http.Agent, base: URL, method: string, path: string, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: method === 'GET' && path === '/' ? 'text/html' : 'application/json' };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const SORTS = ['updatedAt', 'severity', 'service.eventLastSeen', 'type', 'service.count', 'service.action.networkConnectionAction.remoteIpDetails.ipAddressV4'];

/** What the table asks for: current findings, a severity floor, a sort. */
function listBody(i: number): string {
  const criterion: Record<string, unknown> = { 'service.archived': { eq: ['false'] } };
  if (i % 3 === 0) criterion.severity = { gte: [1, 4, 7][i % 9 === 0 ? 2 : 1] };
  return JSON.stringify({ findingCriteria: { criterion }, sortCriteria: { attributeName: SORTS[i % SORTS.length], orderBy: i % 2 ? 'ASC' : 'DESC' }, maxResults: 50 });
}

type Kind = 'ListFindings' | 'GetFindings' | 'GetFindingsStatistics' | 'GET /';
const MIX: Kind[] = ['ListFindings', 'ListFindings', 'ListFindings', 'GetFindings', 'GetFindings', 'GetFindings', 'GetFindingsStatistics', 'GetFindingsStatistics', 'GET /', 'GET /'];

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const mib = (bytes: number | undefined) => (bytes === undefined || Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

export async function runLoadBench(baseUrl: string, server: BenchServer = {}): Promise<Row[]> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, maxFreeSockets: CLIENTS });
  try {
    // Pages of ids to fetch, from the server itself (both detectors).
    const pages: [string, string][] = [];
    for (const detector of [DEMO_DETECTOR_ID, SCALE_DETECTOR_ID]) {
      for (let i = 0; i < 4; i++) {
        const res = await send(agent, base, 'POST', `/api/detector/${detector}/findings`, listBody(i));
        if (res.status !== 200) throw new Error(`ListFindings: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
        pages.push([detector, JSON.stringify({ findingIds: (JSON.parse(res.body.toString('utf8')) as { findingIds: string[] }).findingIds })]);
      }
    }

    const loadBefore = loadavg()[0];
    const before = memoryOf(server.pid);
    const cpuBefore = cpuSecondsOf(server.pid);
    let highest = before?.rss ?? NaN;
    const sampler = setInterval(() => {
      const now = memoryOf(server.pid);
      if (now) highest = Math.max(highest, now.rss);
    }, 250);

    const latencies: number[] = [];
    let completed = 0;
    const errorsByKind = new Map<string, number>();
    const errorsByClass = { timeout: 0, connection: 0, throttled: 0, status: 0 };
    const started = performance.now();
    const deadline = started + SECONDS * 1000;

    // /healthz on a connection of its own, every 100 ms: what a load balancer's check would see.
    const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const health: number[] = [];
    let healthFailures = 0;
    const healthProbe = (async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await send(healthAgent, base, 'GET', '/healthz');
          if (res.status === 200) health.push(performance.now() - t0);
          else healthFailures++;
        } catch {
          healthFailures++;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      healthAgent.destroy();
    })();
    const client = async (c: number) => {
      for (let i = c; performance.now() < deadline; i += CLIENTS) {
        const kind = MIX[(i * 7 + c) % MIX.length];
        const detector = i % 10 < 7 ? DEMO_DETECTOR_ID : SCALE_DETECTOR_ID;
        const t0 = performance.now();
        try {
          let res: Sent;
          if (kind === 'ListFindings') res = await send(agent, base, 'POST', `/api/detector/${detector}/findings`, listBody(i));
          else if (kind === 'GetFindings') {
            const [d, body] = pages[i % pages.length];
            res = await send(agent, base, 'POST', `/api/detector/${d}/findings/get`, body);
          } else if (kind === 'GetFindingsStatistics') {
            res = await send(agent, base, 'POST', `/api/detector/${detector}/findings/statistics`, '{"findingStatisticTypes":["COUNT_BY_SEVERITY"],"findingCriteria":{"criterion":{"service.archived":{"eq":["false"]}}}}');
          } else res = await send(agent, base, 'GET', '/');
          if (res.status === 200) latencies.push(performance.now() - t0);
          else {
            errorsByKind.set(`${kind} ${res.status}`, (errorsByKind.get(`${kind} ${res.status}`) ?? 0) + 1);
            if (res.status === 429) errorsByClass.throttled++;
            else errorsByClass.status++;
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          const key = `${kind} ${code}`;
          errorsByKind.set(key, (errorsByKind.get(key) ?? 0) + 1);
          if (code === 'timeout') errorsByClass.timeout++;
          else errorsByClass.connection++;
        }
        completed++;
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), healthProbe]);
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpuAfter = cpuSecondsOf(server.pid);
    const after = memoryOf(server.pid);
    if (after) highest = Math.max(highest, after.rss);

    latencies.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    const errors = [...errorsByKind.values()].reduce((n, k) => n + k, 0);
    const { timeout, connection, throttled, status } = errorsByClass;
    const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    const showMs = (xs: number[], p: number) => (xs.length ? `${percentile(xs, p).toFixed(1)} ms` : 'n/a');
    return [
      { metric: `${CLIENTS} clients × ${elapsed.toFixed(0)} s, mix List/Get/Statistics/GET /: requests/s`, value: `${(completed / elapsed).toFixed(0)} (${completed} requests)` },
      { metric: 'latency p50 / p99 (answered 200)', value: `${showMs(latencies, 50)} / ${showMs(latencies, 99)}` },
      {
        metric: 'errors: timeouts (10 s) / connection / 429 throttled / other status',
        value: `${timeout} / ${connection} / ${throttled} / ${status}${errors === 0 ? '' : ` (${[...errorsByKind].map(([k, n]) => `${k}: ${n}`).join(', ')})`}`,
        target: '0 / 0 / 0 / 0',
      },
      { metric: '/healthz every 100 ms during the run: p50 / p99 (failed)', value: `${showMs(health, 50)} / ${showMs(health, 99)} (${healthFailures})` },
      { metric: 'server CPU per request (all threads)', value: cpu === null ? 'n/a' : `${((cpu * 1000) / Math.max(1, completed)).toFixed(2)} ms (${cpu.toFixed(1)} s CPU in ${elapsed.toFixed(0)} s)` },
      { metric: 'server RSS before / highest / after', value: `${mib(before?.rss)} / ${mib(highest)} / ${mib(after?.rss)}` },
      // Client and server share the machine's cores (and with anything else running): read the numbers with this.
      { metric: `machine load average before / after (${cpus().length} cores)`, value: `${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}` },
    ];
  } finally {
    agent.destroy();
  }
}

if (isMain(import.meta.url)) runStandalone(runLoadBench);
