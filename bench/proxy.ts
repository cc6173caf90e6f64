/**
 * Proxy overhead in aws mode: the fake GuardDuty (test-support/fake-upstream.ts: the emulator
 * behind GuardDuty's REST API on 127.0.0.1, 50 findings per page), the built server in front of it with
 * `--source aws` and static credentials, and N sequential GetFindings over keep-alive, straight
 * to the fake and through the proxy, interleaved. Reported: the added p50 and p99 milliseconds
 * (validation, SigV4 signing, the second hop, passing the bytes back).
 *
 * It starts its own server: the demo server `bench/run.ts` passes is not used.
 * Standalone: `npm run build && tsx bench/proxy.ts`.
 */
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import { startFakeUpstream } from '../test-support/fake-upstream';
import { isMain, runStandalone, startAwsServer, type Row } from './harness';

const N = Number(process.env.PROXY_REQUESTS ?? 1000);
const WARM_UP = 100;

interface Timed {
  ms: number;
  status: number;
  body: Buffer;
}

/** One POST over the given keep-alive agent, timed from the first byte sent to the last byte received. */
function timedPost(agent: http.Agent, port: number, path: string, body: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { agent, host: '127.0.0.1', port, method: 'POST', path, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function runProxyBench(): Promise<Row[]> {
  // Unsigned requests (the direct baseline) are answered as us-east-1's GuardDuty.
  const fake = await startFakeUpstream({ anonymousRegion: 'us-east-1' });
  const { url, child } = await startAwsServer(fake.endpoint, ['us-east-1']);
  const proxyPort = Number(new URL(url).port);
  const direct = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const proxied = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const list = await timedPost(proxied, proxyPort, `/api/detector/${DEMO_DETECTOR_ID}/findings`, '{"maxResults":50,"sortCriteria":{"attributeName":"updatedAt","orderBy":"DESC"}}');
    if (list.status !== 200) throw new Error(`ListFindings through the proxy: ${list.status} ${list.body.toString('utf8').slice(0, 200)}`);
    const body = JSON.stringify({ findingIds: (JSON.parse(list.body.toString('utf8')) as { findingIds: string[] }).findingIds });
    const viaFake = () => timedPost(direct, fake.port, `/detector/${DEMO_DETECTOR_ID}/findings/get`, body);
    const viaProxy = () => timedPost(proxied, proxyPort, `/api/detector/${DEMO_DETECTOR_ID}/findings/get`, body);

    // The proxy passes GuardDuty's bytes through unchanged.
    const [a, b] = [await viaFake(), await viaProxy()];
    if (b.status !== 200 || !a.body.equals(b.body)) throw new Error(`GetFindings through the proxy differs from GuardDuty's answer (${b.status})`);

    for (let i = 0; i < WARM_UP; i++) {
      await viaFake();
      await viaProxy();
    }
    const loadBefore = loadavg()[0];
    const straight: number[] = [];
    const through: number[] = [];
    let errors = 0;
    // Interleaved, so that drift on a shared machine hits both series alike.
    for (let i = 0; i < N; i++) {
      const x = await viaFake();
      const y = await viaProxy();
      if (x.status !== 200 || y.status !== 200) errors++;
      straight.push(x.ms);
      through.push(y.ms);
    }
    straight.sort((p, q) => p - q);
    through.sort((p, q) => p - q);
    const [d50, d99, p50, p99] = [percentile(straight, 50), percentile(straight, 99), percentile(through, 50), percentile(through, 99)];
    return [
      { metric: `GetFindings (50 findings, ${(a.body.length / 1024).toFixed(0)} KB), ${N} sequential, keep-alive: direct p50 / p99`, value: `${ms(d50)} / ${ms(d99)}` },
      { metric: 'GetFindings through the proxy p50 / p99', value: `${ms(p50)} / ${ms(p99)}` },
      { metric: 'proxy overhead p50 (added)', value: ms(p50 - d50) },
      { metric: 'proxy overhead p99 (added)', value: ms(p99 - d99) },
      { metric: 'errors', value: String(errors), target: '0' },
      { metric: `machine load average before / after (${cpus().length} cores)`, value: `${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}` },
    ];
  } finally {
    direct.destroy();
    proxied.destroy();
    child.kill('SIGTERM');
    await fake.close();
  }
}

if (isMain(import.meta.url)) runStandalone(runProxyBench);
