import { describe, expect, it } from 'vitest';
import { checkShape, MODEL, SANE_TIMESTAMPS } from '.';

const minimal = { accountId: '123456789012', arn: 'arn', createdAt: '2026-11-25T12:00:00.000Z', id: 'f1', region: 'us-east-1', resource: {}, schemaVersion: '2.0', severity: 5, type: 'Recon:EC2/PortProbeUnprotectedPort', updatedAt: '2026-11-25T12:00:00Z' };

describe('the vendored service model', () => {
  it('says where it comes from and holds the five operations with their shapes', () => {
    expect(MODEL.source).toMatch(/botocore \d+\.\d+\.\d+/);
    for (const op of ['ListDetectors', 'GetDetector', 'ListFindings', 'GetFindings', 'GetFindingsStatistics']) {
      expect(MODEL.shapes[MODEL.operations[op].input], op).toBeDefined();
      expect(MODEL.shapes[MODEL.operations[op].output], op).toBeDefined();
    }
  });
});

describe('checkShape on a finding', () => {
  const check = (finding: unknown) => checkShape('Finding', finding, '', { timestampRange: SANE_TIMESTAMPS });

  it('passes a finding with only the required members', () => {
    expect(check(minimal)).toEqual([]);
  });

  it('names a missing required member, a wrong type and an unknown member by wire path', () => {
    const { type: _type, ...noType } = minimal;
    expect(check(noType)).toEqual([{ path: 'type', message: 'is required' }]);
    expect(check({ ...minimal, severity: '5' })).toEqual([{ path: 'severity', message: 'must be a number, not a string' }]);
    expect(check({ ...minimal, resource: { riskInsights: {} } })).toEqual([{ path: 'resource', message: "unknown field 'resource.riskInsights'" }]);
  });

  it('reads Timestamp members as epoch seconds and refuses milliseconds as an impossible time', () => {
    const signal = (createdAt: number) => ({
      ...minimal,
      service: { detection: { sequence: { uid: 'u', description: 'd', signals: [{ uid: 's', type: 'FINDING', name: 'n', createdAt, updatedAt: 1764072000, firstSeenAt: 1764072000, lastSeenAt: 1764072000, count: 1 }] } } },
    });
    expect(check(signal(1764072000))).toEqual([]);
    expect(check(signal(1764072000000))).toEqual([
      { path: 'service.detection.sequence.signals[0].createdAt', message: '1764072000000 is not a plausible time in epoch seconds' },
    ]);
  });

  it('checks enums, list bounds and null as absent', () => {
    const issues = checkShape('GetFindingsStatisticsRequest', { groupBy: 'REGION', findingStatisticTypes: Array(11).fill('COUNT_BY_SEVERITY'), orderBy: null });
    expect(issues.map((i) => i.path)).toEqual(['findingStatisticTypes', 'groupBy']);
    expect(issues[0].message).toBe('must have 0 to 10 items');
  });
});
