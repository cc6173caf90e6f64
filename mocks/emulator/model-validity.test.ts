/**
 * Every finding of every demo detector, walked through GuardDuty's published service model: model
 * wire names only, the model's types, required members present, `Timestamp` members as epoch
 * seconds in a sane range. What AWS clients (the SDKs, the CLI) would drop or choke on fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/guardduty';
import { SANE_TIMESTAMPS, checkShape, type ModelIssue } from '../../src/guardduty/model';
import { legacyShapeAt, LEGACY_SHAPES, type LegacyShape } from './dataset/legacy-shapes';
import { ALL_DETECTOR_IDS as DETECTOR_IDS, findingsOf } from './index';
import { jsonCopy } from './json';

const MAX_ISSUES_PER_FINDING = 200;
const REPORTED = 40;

/** One issue per unknown member (checkShape names up to five in one message), others as they are. */
function split(issue: ModelIssue): ModelIssue[] {
  if (!issue.message.startsWith('unknown field ')) return [issue];
  if (/ and \d+ more$/.test(issue.message)) return [issue];
  const names = [...issue.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  return names.map((path) => ({ path, message: 'unknown field' }));
}

interface Located extends ModelIssue {
  readonly detectorId: string;
  readonly findingId: string;
}

/** Issues with the model on every finding of every demo detector, and which allow-list entries were used. */
function walkAll(findingsFor: (detectorId: string) => readonly Finding[] = (id) => findingsOf(id)) {
  const issues: Located[] = [];
  const used = new Set<LegacyShape>();
  let walked = 0;
  for (const detectorId of DETECTOR_IDS) {
    for (const finding of findingsFor(detectorId)) {
      walked += 1;
      const found = checkShape('Finding', finding, '', { timestampRange: SANE_TIMESTAMPS, maxIssues: MAX_ISSUES_PER_FINDING });
      if (found.length >= MAX_ISSUES_PER_FINDING) issues.push({ detectorId, findingId: finding.id, path: '', message: `${found.length}+ issues (walk stopped)` });
      for (const issue of found.flatMap(split)) {
        const allowed = issue.message === 'unknown field' ? legacyShapeAt(issue.path, finding.id) : undefined;
        if (allowed) used.add(allowed);
        else issues.push({ ...issue, detectorId, findingId: finding.id });
      }
    }
  }
  return { issues, used, walked };
}

/** The kinds of issue (paths without list indexes) with their counts, then the first issues themselves. */
function report(issues: readonly Located[]): string[] {
  const kinds = new Map<string, number>();
  for (const i of issues) {
    const kind = `${i.path.replace(/\[\d+\]/g, '[]')}: ${i.message.replace(/-?\d+(\.\d+)?/g, 'N')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const first = issues.slice(0, REPORTED).map((i) => `${i.detectorId} ${i.findingId} ${i.path || '(finding)'}: ${i.message}`);
  return [
    ...[...kinds].map(([kind, n]) => `${n} × ${kind}`),
    ...first,
    ...(issues.length > REPORTED ? [`… and ${issues.length - REPORTED} more`] : []),
  ];
}

describe('every demo finding against the service model', () => {
  const result = walkAll();

  it('has no issue but the legacy shapes kept on purpose (dataset/legacy-shapes.ts)', () => {
    expect(result.walked).toBeGreaterThan(10_000);
    expect(report(result.issues), `${result.issues.length} issues with the model`).toEqual([]);
  });

  it('still needs every legacy shape on the list', () => {
    const unused = LEGACY_SHAPES.filter((a) => !result.used.has(a)).map((a) => `${a.path} (${a.reason})`);
    expect(unused).toEqual([]);
  });
});

describe('the walk', () => {
  it('fails on what AWS clients would choke on or drop', () => {
    const broken = (detectorId: string) => {
      const findings = findingsOf(detectorId).slice(0, 3).map((f) => jsonCopy(f));
      const [a, b, c] = findings;
      a.updatedAt = undefined; // required member missing
      a.service!.count = 'three'; // wrong type
      b.resource!.instanceDetails = { ...(b.resource!.instanceDetails ?? {}), instanceID: 'i-0' }; // not a wire name
      b.resource!.s3BucketDetails = [{ createdAt: Date.UTC(2026, 0, 1) }]; // milliseconds where the model says epoch seconds
      c.service!.eventFirstSeen = 1_700_000_000 as unknown as string; // a number where the model says String
      c.resource!.productCodes = [{ code: 'x' }]; // allowed only under instanceDetails
      return findings;
    };
    const { issues } = walkAll(broken);
    const lines = issues.map((i) => `${i.path}: ${i.message}`);
    for (const expected of [
      /^updatedAt: is required$/,
      /^service\.count: must be an integer/,
      /^resource\.instanceDetails\.instanceID: unknown field$/,
      /^resource\.s3BucketDetails\[0\]\.createdAt: \d+ is not a plausible time/,
      /^service\.eventFirstSeen: must be a string/,
      /^resource\.productCodes: unknown field$/,
    ]) {
      expect(lines.some((l) => expected.test(l)), `${expected} in\n${lines.join('\n')}`).toBe(true);
    }
  });
});
