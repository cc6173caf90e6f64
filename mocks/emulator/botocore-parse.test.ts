/**
 * botocore (what the AWS CLI and boto3 are built on) parses every finding of every demo detector
 * with its own rest-json parser and GuardDuty model, in one Python process: GetFindings answers
 * from the emulator, through the shared contract, 50 findings a batch. Skipped where Python's
 * botocore is not installed (`npm test` passes without it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/guardduty/operations';
import { DETECTOR_IDS, createEmulator, findingsOf } from './index';

const SCRIPT = fileURLToPath(new URL('../../scripts/botocore-parse-findings.py', import.meta.url));
const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;
const BATCH = 50;

interface Summary {
  botocore: string;
  batches: number;
  findings: number;
  errors: { batch: number; error: string }[];
}

/** Every GetFindings answer, one body a line, for these detectors' findings. */
function bodies(detectorIds: readonly string[], tamper: (body: string) => string = (b) => b): { lines: string[]; findings: number } {
  const emulator = createEmulator();
  const lines: string[] = [];
  let findings = 0;
  for (const detectorId of detectorIds) {
    const ids = findingsOf(detectorId).map((f) => f.id);
    findings += ids.length;
    for (let i = 0; i < ids.length; i += BATCH) {
      const wire = answer(emulator, {
        method: 'POST',
        path: `/detector/${detectorId}/findings/get`,
        query: new URLSearchParams(),
        contentType: 'application/json',
        body: JSON.stringify({ findingIds: ids.slice(i, i + BATCH) }),
      });
      expect(wire.status).toBe(200);
      lines.push(tamper(wire.body));
    }
  }
  return { lines, findings };
}

function parseWithBotocore(lines: readonly string[]): Summary {
  const run = spawnSync('python3', [SCRIPT], { input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`botocore script failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Summary;
}

describe('botocore reads every demo finding', () => {
  it.skipIf(!hasBotocore)('parses every GetFindings answer of every detector without an error', { timeout: 60_000 }, () => {
    const { lines, findings } = bodies(DETECTOR_IDS);
    const summary = parseWithBotocore(lines);
    expect(summary.errors.slice(0, 10), `botocore ${summary.botocore}: ${summary.errors.length} batches failed`).toEqual([]);
    expect(summary.batches).toBe(lines.length);
    expect(summary.findings).toBe(findings);
  });

  it.skipIf(!hasBotocore)('fails, as the CLI did, on a timestamp in milliseconds', () => {
    const toMillis = (body: string) => body.replace(/"createdAt":(\d+)(\.\d+)?/, '"createdAt":$1000');
    const tampered = bodies([DETECTOR_IDS[0]]).lines.filter((body) => toMillis(body) !== body).slice(0, 3).map(toMillis);
    const summary = parseWithBotocore(tampered);
    expect(summary.batches).toBeGreaterThan(0);
    expect(summary.errors.map((e) => e.error).join('\n')).toMatch(/year \d+ is out of range/);
  });
});
