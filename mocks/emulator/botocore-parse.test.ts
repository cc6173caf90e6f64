/**
 * botocore (what the AWS CLI and boto3 are built on) parses every finding of every demo detector
 * with its own rest-json parser and GuardDuty model, one Python process per 1,000 findings (one
 * test each): GetFindings answers from the emulator, through the shared contract, 50 findings a
 * batch. Skipped where Python's botocore is not installed (`npm test` passes without it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/guardduty/operations';
import { DETECTOR_IDS, createEmulator, findingsOf } from './index';

const SCRIPT = fileURLToPath(new URL('../../scripts/botocore-parse-findings.py', import.meta.url));
/** The interpreter that has botocore, by its own path (a pyenv shim would resolve it again on every call), or undefined. */
const python = (() => {
  const run = spawnSync('python3', ['-c', 'import sys, botocore; print(sys.executable)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return run.status === 0 ? run.stdout.trim() || 'python3' : undefined;
})();
const hasBotocore = python !== undefined;
const BATCH = 50;

interface Summary {
  botocore: string;
  batches: number;
  findings: number;
  errors: { batch: number; error: string }[];
}

/** Every GetFindings answer, one body a line, for these findings of a detector. */
function bodies(detectorId: string, ids: readonly string[], tamper: (body: string) => string = (b) => b): string[] {
  const emulator = createEmulator();
  const lines: string[] = [];
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
  return lines;
}

/** Every demo finding, in slices of at most CHUNK ids (one Python process each). */
const CHUNK = 1000;
const SLICES = DETECTOR_IDS.flatMap((detectorId) => {
  const ids = findingsOf(detectorId).map((f) => f.id);
  return Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ({ detectorId, from: i * CHUNK, ids: ids.slice(i * CHUNK, (i + 1) * CHUNK) }));
});

function parseWithBotocore(lines: readonly string[]): Summary {
  const run = spawnSync(python!, [SCRIPT], { input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`botocore script failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Summary;
}

describe('botocore reads every demo finding', () => {
  it('covers every finding of every detector, each once', () => {
    expect(SLICES.flatMap((s) => s.ids)).toEqual(DETECTOR_IDS.flatMap((d) => findingsOf(d).map((f) => f.id)));
  });

  it.skipIf(!hasBotocore).each(SLICES)('parses every GetFindings answer of detector $detectorId without an error, findings from $from', ({ detectorId, ids }) => {
    const lines = bodies(detectorId, ids);
    const summary = parseWithBotocore(lines);
    expect(summary.errors.slice(0, 10), `botocore ${summary.botocore}: ${summary.errors.length} batches failed`).toEqual([]);
    expect(summary.batches).toBe(lines.length);
    expect(summary.findings).toBe(ids.length);
  });

  it.skipIf(!hasBotocore)('fails, as the CLI did, on a timestamp in milliseconds', () => {
    const toMillis = (body: string) => body.replace(/"createdAt":(\d+)(\.\d+)?/, '"createdAt":$1000');
    const tampered = bodies(DETECTOR_IDS[0], findingsOf(DETECTOR_IDS[0]).map((f) => f.id)).filter((body) => toMillis(body) !== body).slice(0, 3).map(toMillis);
    const summary = parseWithBotocore(tampered);
    expect(summary.batches).toBeGreaterThan(0);
    expect(summary.errors.map((e) => e.error).join('\n')).toMatch(/year \d+ is out of range/);
  });
});
