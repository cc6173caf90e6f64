/**
 * The pinned AWS JS SDK reads every finding of every demo detector without losing a field. The
 * client's request handler answers in-process from the emulator through the shared contract
 * (no network); GetFindings pages through each detector 50 ids at a time, as the dashboard does.
 *
 * Every leaf value of the wire JSON is mapped to the SDK's name for it through the service model
 * (wire name → member name, epoch seconds → Date) and must be in the SDK's output with the same
 * value; the SDK's output may hold nothing else. A member the model does not know (a misspelt wire
 * name) has no SDK name, so it shows up as lost; only the legacy shapes kept on purpose may be.
 */
import { Readable } from 'node:stream';
import { GetFindingsCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/guardduty';
import { answer } from '../../src/guardduty/operations';
import { bodyMembers, shapeOf } from '../../src/guardduty/model';
import { legacyShapeAt } from './dataset/legacy-shapes';
import { DETECTOR_IDS, createEmulator, findingsOf } from './index';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BATCH = 50;

const memberCache = new Map<string, ReturnType<typeof bodyMembers>>();
function membersOf(shapeName: string) {
  let members = memberCache.get(shapeName);
  if (!members) memberCache.set(shapeName, (members = bodyMembers(shapeOf(shapeName))));
  return members;
}

/** A wire timestamp (epoch seconds) as the SDK must give it: a Date of these milliseconds. */
class Stamp {
  constructor(readonly ms: number) {}
}

interface Expected {
  leaves: number;
}

/**
 * What the SDK must make of a finding's wire JSON, by the model: members renamed from their wire
 * names, timestamps as Dates, nulls absent. A member the model does not know keeps its wire name
 * behind a `?` (no SDK output has such a key), so it counts as lost unless a legacy shape allows it.
 */
function expectedOf(findingId: string, value: Json, shapeName: string | undefined, wirePath: string, tally: Expected): unknown {
  if (value === null) return undefined; // absent, as AWS's deserializers read it
  const shape = shapeName ? shapeOf(shapeName) : undefined;
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member!.shape : undefined;
    return value.map((item, i) => expectedOf(findingId, item, member, `${wirePath}[${i}]`, tally));
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const members = shape?.type === 'structure' ? membersOf(shapeName!) : undefined;
    for (const [key, child] of Object.entries(value)) {
      const wire = wirePath ? `${wirePath}.${key}` : key;
      if (shape?.type === 'map') {
        out[key] = expectedOf(findingId, child, shape.value!.shape, wire, tally);
        continue;
      }
      const member = members?.get(key);
      if (!member && legacyShapeAt(wire, findingId)) continue; // dropped by the SDK, by design
      out[member ? member.name : `?${key}`] = expectedOf(findingId, child, member?.ref.shape, wire, tally);
    }
    return out;
  }
  tally.leaves += 1;
  // rest-json timestamps: epoch seconds on the wire, a Date in the SDK.
  return shape?.type === 'timestamp' && typeof value === 'number' ? new Stamp(Math.round(value * 1000)) : value;
}

const show = (v: unknown) => (v instanceof Stamp ? `Date(${v.ms})` : v instanceof Date ? `Date(${v.getTime()})` : JSON.stringify(v));
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Stamp);

/** Every leaf under a value, for reporting a lost or added subtree. */
function leavesOf(value: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) value.forEach((item, i) => leavesOf(item, `${path}[${i}]`, out));
  else if (isPlainObject(value)) for (const [key, child] of Object.entries(value)) leavesOf(child, `${path}.${key}`, out);
  else out.push([path, value]);
  return out;
}

/** What the SDK lost, changed or made up, one line each; paths built only for what differs. */
function diff(findingId: string, expected: unknown, actual: unknown, path: string, out: string[]): void {
  const absent = (v: unknown) => v === undefined || v === null;
  if (absent(expected) && absent(actual)) return;
  if (absent(actual)) {
    for (const [p, v] of leavesOf(expected, path, [])) out.push(`${findingId} lost ${p} = ${show(v)}`);
    return;
  }
  if (absent(expected)) {
    for (const [p, v] of leavesOf(actual, path, [])) out.push(`${findingId} added ${p} = ${show(v)}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) diff(findingId, expected[i], actual[i], `${path}[${i}]`, out);
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) diff(findingId, expected[key], actual[key], `${path}.${key}`, out);
    return;
  }
  const same = expected instanceof Stamp ? actual instanceof Date && actual.getTime() === expected.ms : !isPlainObject(actual) && !Array.isArray(actual) && actual === expected;
  if (!same) out.push(`${findingId} changed ${path}: wire ${show(expected)}, SDK ${show(actual)}`);
}

/** The request body the SDK built, as text (a string or bytes, depending on the SDK's serde). */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error(`unexpected request body ${Object.prototype.toString.call(body)}`);
}

interface Served {
  body: string;
}

/** A client whose every request is answered in-process by the emulator, the wire bodies kept for comparison. */
function clientOver(tamper: (body: string) => string = (b) => b) {
  const emulator = createEmulator();
  const served: Served[] = [];
  const client = new GuardDutyClient({
    region: 'us-east-1',
    endpoint: 'https://guardduty.us-east-1.amazonaws.com',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { method: string; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown }) => {
        const wire = answer(emulator, {
          method: request.method,
          path: request.path,
          query: new URLSearchParams(),
          contentType: request.headers['content-type'] ?? null,
          body: bodyText(request.body),
        });
        const body = tamper(wire.body);
        served.push({ body });
        const response = {
          statusCode: wire.status,
          reason: undefined,
          headers: { ...wire.headers, 'content-length': String(Buffer.byteLength(body)) },
          body: Readable.from([Buffer.from(body)]),
        };
        return { response };
      },
    },
  });
  return { client, served };
}

interface Outcome {
  findings: number;
  leaves: number;
  problems: string[];
}

/** Reads the findings with these ids through the SDK, 50 at a time, and compares each with its wire JSON. */
async function readThroughSdk(detectorId: string, ids: readonly string[], tamper?: (body: string) => string): Promise<Outcome> {
  const { client, served } = clientOver(tamper);
  const outcome: Outcome = { findings: 0, leaves: 0, problems: [] };
  try {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const got = await client.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: batch }));
      const wire = (JSON.parse(served.at(-1)!.body) as { findings: { [key: string]: Json }[] }).findings;
      expect(wire.map((f) => f.id)).toEqual(batch);
      expect(got.Findings?.map((f) => f.Id)).toEqual(batch);
      wire.forEach((finding, n) => {
        const id = String(finding.id);
        const tally: Expected = { leaves: 0 };
        const expected = expectedOf(id, finding, 'Finding', '', tally);
        diff(id, expected, got.Findings![n], '', outcome.problems);
        outcome.findings += 1;
        outcome.leaves += tally.leaves;
      });
    }
  } finally {
    client.destroy();
  }
  return outcome;
}

/** Every demo finding, in slices of at most CHUNK ids per test (the 10,000-finding detector in ten). */
const CHUNK = 1000;
const SLICES = DETECTOR_IDS.flatMap((detectorId) => {
  const ids = findingsOf(detectorId).map((f) => f.id);
  return Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ({ detectorId, from: i * CHUNK, ids: ids.slice(i * CHUNK, (i + 1) * CHUNK) }));
});

describe('the AWS JS SDK reads every demo finding', () => {
  it('covers every finding of every detector, each once', () => {
    expect(SLICES.flatMap((s) => s.ids)).toEqual(DETECTOR_IDS.flatMap((d) => findingsOf(d).map((f) => f.id)));
  });

  it.each(SLICES)('loses no field of detector $detectorId, findings from $from', async ({ detectorId, ids }) => {
    const outcome = await readThroughSdk(detectorId, ids);
    expect(outcome.findings).toBe(ids.length);
    expect(outcome.leaves).toBeGreaterThan(ids.length * 20);
    expect(outcome.problems.slice(0, 40), `${outcome.problems.length} fields lost or changed`).toEqual([]);
  });
});

describe('the comparison', () => {
  const detectorId = DETECTOR_IDS[0];
  const idsWhere = (pick: (f: Finding) => unknown) => findingsOf(detectorId).filter((f) => pick(f) !== undefined).slice(0, 2).map((f) => f.id);

  it('catches a member under a name that is not its wire name (the SDK drops it)', async () => {
    const rds = idsWhere((f) => f.service?.action?.rdsLoginAttemptAction);
    expect(rds).toHaveLength(2);
    const outcome = await readThroughSdk(detectorId, rds, (body) => body.replaceAll('"LoginAttributes":', '"loginAttributes":'));
    expect(outcome.problems.some((p) => /lost \.Service\.Action\.RdsLoginAttemptAction\.\?loginAttributes\[0\]\.\?user = /.test(p)), outcome.problems.join('\n')).toBe(true);
  });

  it('catches a timestamp the SDK cannot represent (epoch microseconds)', async () => {
    const buckets = idsWhere((f) => f.resource?.s3BucketDetails);
    expect(buckets).toHaveLength(2);
    const outcome = await readThroughSdk(detectorId, buckets, (body) => body.replace(/"createdAt":(\d+)(\.\d+)?/, '"createdAt":$1000000'));
    expect(outcome.problems.some((p) => /changed \.Resource\.S3BucketDetails\[0\]\.CreatedAt: wire Date\(\d+\), SDK Date\(NaN\)/.test(p)), outcome.problems.join('\n')).toBe(true);
  });
});
