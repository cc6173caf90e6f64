import { describe, expect, it } from 'vitest';
import { sortFindings, type Condition, type Finding } from '../../src/guardduty';
import { DEMO_DETECTOR_ID, REFERENCE_NOW, SAMPLE_FINDING_ID, SCALE_DETECTOR_ID, createEmulator, demoFindings } from './index';
import { callApi, walkPages } from './test-support';

const emulator = createEmulator();
const demo = demoFindings();
const UNKNOWN_DETECTOR = '0123456789abcdef0123456789abcdef';

describe('GetFindings', () => {
  const ids = demo.slice(10, 20).map((f) => f.id).reverse();

  it('answers in the requested order and leaves out unknown ids, as GuardDuty does', () => {
    const requested = [ids[0], 'ffffffffffffffffffffffffffffffff', ...ids.slice(1), 'not-an-id'];
    const { findings } = emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: requested });
    expect(findings.map((f) => f.id)).toEqual(ids);
    expect(findings).toEqual(ids.map((id) => demo.find((f) => f.id === id)));
  });

  it('sorts when asked to', () => {
    const { findings } = emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: ids, sortCriteria: { attributeName: 'updatedAt', orderBy: 'DESC' } });
    const wanted = sortFindings(demo.filter((f) => ids.includes(f.id)), 'updatedAt', 'DESC');
    expect(findings.map((f) => f.id)).toEqual(wanted.map((f) => f.id));
  });

  it('answers no ids with no findings, and a repeated id once', () => {
    expect(emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: [] })).toEqual({ findings: [] });
    expect(emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: [ids[0], ids[0]] }).findings).toHaveLength(1);
  });

  it('refuses more than 50 ids (InvalidInputException naming findingIds)', () => {
    const response = callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: demo.slice(0, 51).map((f) => f.id) });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(response.json.__type).toBe('InvalidInputException');
    expect(response.json.message).toContain('findingIds');
    expect(callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings/get`, { findingIds: demo.slice(0, 50).map((f) => f.id) }).status).toBe(200);
  });

  it('hands out copies: changing an answer does not change the dataset', () => {
    const [copy] = emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: [SAMPLE_FINDING_ID] }).findings;
    copy.title = 'changed';
    copy.resource!.instanceDetails!.tags!.length = 0;
    const [again] = emulator.getFindings(DEMO_DETECTOR_ID, { findingIds: [SAMPLE_FINDING_ID] }).findings;
    expect(again.title).not.toBe('changed');
    expect(again.resource?.instanceDetails?.tags).toHaveLength(9);
  });
});

describe('GetFindingsStatistics', () => {
  const criteria: Record<string, Condition>[] = [
    {},
    { 'service.archived': { eq: ['false'] } },
    { severity: { gte: 7 }, region: { neq: ['us-east-1'] } },
    { type: { matches: ['*:EC2/*'] } },
  ];

  for (const criterion of criteria) {
    it(`counts by severity what ListFindings lists for ${JSON.stringify(criterion)}`, () => {
      const { countBySeverity } = emulator.getFindingsStatistics(DEMO_DETECTOR_ID, { findingStatisticTypes: ['COUNT_BY_SEVERITY'], findingCriteria: { criterion } }).findingStatistics;
      const listed = walkPages(emulator, DEMO_DETECTOR_ID, { findingCriteria: { criterion } }).ids;
      const counts = Object.values(countBySeverity!);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(listed.length);
      const bySeverity = new Map<number, number>();
      for (const id of listed) {
        const s = demo.find((f) => f.id === id)!.severity!;
        bySeverity.set(s, (bySeverity.get(s) ?? 0) + 1);
      }
      expect(Object.fromEntries(Object.entries(countBySeverity!).map(([k, n]) => [Number(k), n]))).toEqual(Object.fromEntries(bySeverity));
    });
  }

  it('keys severities with at least one decimal, as GuardDuty does', () => {
    const { countBySeverity } = emulator.getFindingsStatistics(DEMO_DETECTOR_ID, {}).findingStatistics;
    for (const key of Object.keys(countBySeverity!)) expect(key).toMatch(/^\d+\.\d+$/);
    expect(countBySeverity!['8.0']).toBe(demo.filter((f: Finding) => f.severity === 8).length);
  });
});

describe('detectors', () => {
  it('ListDetectors lists the demo and scale detectors', () => {
    expect(callApi(emulator, 'GET', '/detector').json).toEqual({ detectorIds: [DEMO_DETECTOR_ID, SCALE_DETECTOR_ID], nextToken: '' });
  });

  it("GetDetector answers in GuardDuty's shape", () => {
    const detector = callApi(createEmulator({ now: REFERENCE_NOW }), 'GET', `/detector/${DEMO_DETECTOR_ID}`).json;
    expect(detector).toMatchObject({ status: 'ENABLED', findingPublishingFrequency: 'SIX_HOURS' });
    expect(detector.serviceRole).toMatch(/^arn:aws:iam::\d{12}:role\/aws-service-role\/guardduty\.amazonaws\.com\//);
    expect(Date.parse(detector.createdAt as string)).toBeLessThan(Date.parse(detector.updatedAt as string));
    expect(Date.parse(detector.updatedAt as string)).toBeLessThanOrEqual(REFERENCE_NOW);
    expect(detector).toHaveProperty('dataSources.cloudTrail.status', 'ENABLED');
    expect((detector.features as { name: string }[]).map((f) => f.name)).toContain('RUNTIME_MONITORING');
    expect(detector.tags).toEqual(expect.objectContaining({ Name: expect.any(String) }));
  });

  it('answers NoSuchEntityException for a detector the account does not own, in every operation', () => {
    const calls: [string, string, unknown][] = [
      ['GET', `/detector/${UNKNOWN_DETECTOR}`, undefined],
      ['POST', `/detector/${UNKNOWN_DETECTOR}/findings`, {}],
      ['POST', `/detector/${UNKNOWN_DETECTOR}/findings/get`, { findingIds: [SAMPLE_FINDING_ID] }],
      ['POST', `/detector/${UNKNOWN_DETECTOR}/findings/statistics`, { findingStatisticTypes: ['COUNT_BY_SEVERITY'] }],
    ];
    for (const [method, path, body] of calls) {
      const response = callApi(emulator, method, path, body);
      expect(response.status, path).toBe(400);
      expect(response.headers['x-amzn-ErrorType']).toBe('BadRequestException');
      expect(response.json).toEqual({
        __type: 'NoSuchEntityException',
        message: 'The request is rejected because the input detectorId is not owned by the current account.',
      });
    }
  });
});
