/**
 * The AWS CLI (botocore) as a real client of the demo server's /api: it must read every answer,
 * attack-sequence findings with their epoch-second signals included. Skipped where the CLI is
 * not installed; `npm test` passes without it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID, EU_WEST_1_DETECTOR_ID } from '../mocks/emulator';
import { createDemoRegional } from './sources/regional';
import { startApp, testConfig, type Running } from './test/harness';

const run = promisify(execFile);

/** The CLI's own executable, or undefined where it is not installed. */
function cliPath(): string | undefined {
  try {
    execFileSync('aws', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  // A pyenv shim is a shell script that resolves the interpreter on every call (seconds on a busy
  // machine, for six calls): call what it would run.
  try {
    return execFileSync('pyenv', ['which', 'aws'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'aws';
  } catch {
    return 'aws';
  }
}
const AWS = cliPath();

describe.skipIf(!AWS)('AWS CLI against the demo server', () => {
  let app: Running;
  beforeAll(async () => {
    const { source, regional } = createDemoRegional({ regions: ['us-east-1', 'eu-west-1'] });
    app = await startApp(testConfig({ regions: ['us-east-1', 'eu-west-1'] }), source, {}, regional);
    // The emulator builds a detector's dataset on its first request: build both here, not in the first test.
    await api(`/api/detector/${DEMO_DETECTOR_ID}/findings`, {});
    await api(`/api/regions/eu-west-1/detector/${EU_WEST_1_DETECTOR_ID}/findings`, {});
  });
  afterAll(() => app.close());

  /** Fake keys and no config files: the CLI must not find a real account here. */
  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    return awsAt('/api', 'us-east-1', ...args);
  }

  async function awsAt(base: string, region: string, ...args: string[]): Promise<Record<string, unknown>> {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_DEFAULT_REGION: region,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const { stdout } = await run(AWS!, ['guardduty', ...args, '--endpoint-url', `${app.url}${base}`, '--output', 'json'], { env });
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  /** The same call over plain HTTP (no CLI), for the ids a CLI call needs. */
  async function api(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${app.url}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  async function attackSequenceIds(): Promise<string[]> {
    const list = await api(`/api/detector/${DEMO_DETECTOR_ID}/findings`, { maxResults: 50, findingCriteria: { criterion: { type: { matches: ['AttackSequence:*'] } } } });
    return list.findingIds as string[];
  }

  it('reads grouped statistics', async () => {
    const stats = await aws('get-findings-statistics', '--detector-id', DEMO_DETECTOR_ID, '--group-by', 'FINDING_TYPE', '--order-by', 'DESC', '--max-results', '5');
    const byType = (stats.FindingStatistics as { GroupedByFindingType: { FindingType: string; TotalFindings: number }[] }).GroupedByFindingType;
    expect(byType.length).toBeGreaterThan(0);
    expect(byType.map((t) => t.TotalFindings)).toEqual([...byType.map((t) => t.TotalFindings)].sort((a, b) => b - a));
  });

  it('lists findings with a finding criterion', async () => {
    const list = await aws('list-findings', '--detector-id', DEMO_DETECTOR_ID, '--max-results', '50', '--finding-criteria', JSON.stringify({ Criterion: { type: { Matches: ['AttackSequence:*'] } } }));
    const ids = list.FindingIds as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(await attackSequenceIds());
  });

  it('reads attack-sequence findings, their epoch-second signals included', async () => {
    // One sequence of each kind (botocore-parse.test.ts parses every finding with the CLI's parser).
    const all = (await api(`/api/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: await attackSequenceIds() })).findings as { id: string; type: string }[];
    const ids = [...new Map(all.map((f) => [f.type, f.id])).values()];
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const got = await aws('get-findings', '--detector-id', DEMO_DETECTOR_ID, '--finding-ids', ...ids);
    const findings = got.Findings as { Id: string; Service: { Detection?: { Sequence?: { Signals: { CreatedAt: string }[] } } } }[];
    expect(findings.map((f) => f.Id).sort()).toEqual([...ids].sort());
    const signals = findings.flatMap((f) => f.Service.Detection?.Sequence?.Signals ?? []);
    expect(signals.length).toBeGreaterThan(0);
    // The CLI prints timestamps as ISO dates: a millisecond value sent as seconds would be year 58000.
    for (const signal of signals) expect(new Date(signal.CreatedAt).getUTCFullYear()).toBeLessThan(2100);
  });

  describe('against a regional endpoint, unchanged', () => {
    const base = '/api/regions/eu-west-1';

    it('lists its detector', async () => {
      const detectors = await awsAt(base, 'eu-west-1', 'list-detectors');
      expect(detectors.DetectorIds).toEqual([EU_WEST_1_DETECTOR_ID]);
    });

    it('lists its findings', async () => {
      const list = await awsAt(base, 'eu-west-1', 'list-findings', '--detector-id', EU_WEST_1_DETECTOR_ID, '--max-results', '3');
      expect(list.FindingIds).toEqual((await api(`${base}/detector/${EU_WEST_1_DETECTOR_ID}/findings`, { maxResults: 3 })).findingIds);
    });

    it('reads its findings', async () => {
      const ids = (await api(`${base}/detector/${EU_WEST_1_DETECTOR_ID}/findings`, { maxResults: 3 })).findingIds as string[];
      const got = await awsAt(base, 'eu-west-1', 'get-findings', '--detector-id', EU_WEST_1_DETECTOR_ID, '--finding-ids', ...ids);
      expect((got.Findings as { Id: string; Region: string }[]).map((f) => [f.Id, f.Region])).toEqual(ids.map((id) => [id, 'eu-west-1']));
    });
  });
});
