/** The entry point as a process: startup line, clean SIGTERM/SIGINT shutdown, refusal of bad config. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../test-support/fake-upstream';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const startupLine = (source: string) => new RegExp(`Findings Atlas on http://127\\.0\\.0\\.1:(\\d+) — source: ${source}`);

function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(PORT|HOST|FINDINGS_ATLAS_|AWS_)/.test(key)) delete env[key];
  return { ...env, ...extra };
}

/** Node with tsx's loader directly (not npx), so signals reach the server itself. */
const runMain = (args: string[], env: NodeJS.ProcessEnv = cleanEnv()) =>
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env });

function output(child: ChildProcessWithoutNullStreams) {
  const seen = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (seen.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (seen.stderr += chunk.toString()));
  return seen;
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

/** The port of the startup line, once printed (the test's own time limit bounds the wait). */
async function startupPort(child: ChildProcessWithoutNullStreams, seen: { stdout: string }, source = 'demo'): Promise<number> {
  const line = startupLine(source);
  for (;;) {
    const match = line.exec(seen.stdout);
    if (match) return Number(match[1]);
    if (child.exitCode !== null) throw new Error(`no startup line; stdout: ${seen.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('server/main.ts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints the startup line, serves, and exits 0 on %s', async (signal) => {
    const child = runMain(['--port', '0']);
    const seen = output(child);
    const exit = exited(child);
    const port = await startupPort(child, seen);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', source: 'demo' });

    const sent = Date.now();
    child.kill(signal);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(seen.stdout).toMatch(/GET \/healthz 200 [\d.]+ms source=demo/);
  });

  it('refuses to listen off loopback without a token, with one line naming the setting', async () => {
    const child = runMain(['--host', '0.0.0.0', '--port', '0']);
    const seen = output(child);
    expect((await exited(child)).code).toBe(2);
    expect(seen.stderr.trim().split('\n')).toEqual([
      'Findings Atlas: FINDINGS_ATLAS_TOKEN is required to listen on 0.0.0.0 (not loopback): set it to a long random secret.',
    ]);
    expect(seen.stdout).toBe('');
  });

  it('refuses a blank FINDINGS_ATLAS_TOKEN with exit 2 and one line', async () => {
    const child = runMain(['--host', '0.0.0.0', '--port', '0'], cleanEnv({ FINDINGS_ATLAS_TOKEN: '   ' }));
    const seen = output(child);
    expect((await exited(child)).code).toBe(2);
    expect(seen.stderr.trim().split('\n')).toEqual([
      'Findings Atlas: FINDINGS_ATLAS_TOKEN is set but blank: set it to a long random secret, or unset it (only possible on loopback).',
    ]);
    expect(seen.stdout).toBe('');
  });

  it('aws: discovers every covered region’s detector at startup, before any request', async () => {
    const fake = await startFakeUpstream();
    const regions = ['eu-west-1', 'ap-east-1', 'us-east-1'];
    const child = runMain(['--source', 'aws', '--port', '0'], cleanEnv({
      AWS_REGION: regions[0],
      AWS_ENDPOINT_URL_GUARDDUTY: fake.endpoint,
      FINDINGS_ATLAS_REGIONS: regions.join(','),
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    }));
    const exit = exited(child);
    try {
      const seen = output(child);
      await startupPort(child, seen, 'aws \\(eu-west-1\\)');
      // Discovery starts right after the startup line, in the background: wait for it (or for the process to end).
      while (fake.requests.length < regions.length && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.requests).toHaveLength(regions.length);
      expect(fake.requests.map((r) => `${r.method} ${r.url} ${r.region}`).sort()).toEqual(regions.map((r) => `GET /detector ${r}`).sort());
    } finally {
      child.kill('SIGTERM');
      await exit;
      await fake.close();
    }
  });

  it('refuses an unknown source', async () => {
    const child = runMain([], cleanEnv({ FINDINGS_ATLAS_SOURCE: 'prod' }));
    const seen = output(child);
    expect((await exited(child)).code).toBe(2);
    expect(seen.stderr).toContain("FINDINGS_ATLAS_SOURCE must be 'demo' or 'aws'");
  });
});
