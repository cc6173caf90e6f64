import { beforeAll, describe, expect, it } from 'vitest';
import { parseTimestamp, type Condition, type Finding } from '../../src/guardduty';
import { DEMO_DETECTOR_ID, SCALE_DETECTOR_ID, createEmulator } from './index';
import { findingStatistics } from './statistics';
import { callApi, walkPages } from './test-support';

const emulator = createEmulator();
type GroupBy = 'ACCOUNT' | 'DATE' | 'FINDING_TYPE' | 'RESOURCE' | 'SEVERITY';
type Entry = Record<string, unknown>;

const LIST: Record<GroupBy, string> = {
  ACCOUNT: 'groupedByAccount',
  DATE: 'groupedByDate',
  FINDING_TYPE: 'groupedByFindingType',
  RESOURCE: 'groupedByResource',
  SEVERITY: 'groupedBySeverity',
};

/** Every finding ListFindings pages out under the criterion, fetched with GetFindings 50 at a time. */
function listedFindings(detectorId: string, criterion: Record<string, Condition>): Finding[] {
  const { ids } = walkPages(emulator, detectorId, { findingCriteria: { criterion } });
  const findings: Finding[] = [];
  for (let i = 0; i < ids.length; i += 50) findings.push(...emulator.getFindings(detectorId, { findingIds: ids.slice(i, i + 50) }).findings);
  if (findings.length !== ids.length) throw new Error('GetFindings lost listed findings');
  return findings;
}

const at = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);

/** ResourceStatistics.resourceId as the model documents it (S3: the first bucket's name). */
function resourceId(resource: Finding['resource']): unknown {
  switch (resource?.resourceType) {
    case 'AccessKey': return at(resource, 'accessKeyDetails.accessKeyId');
    case 'Container': return at(resource, 'containerDetails.id');
    case 'ECSCluster': return at(resource, 'ecsClusterDetails.name');
    case 'EKSCluster': return at(resource, 'eksClusterDetails.name');
    case 'Instance': return at(resource, 'instanceDetails.instanceId');
    case 'KubernetesCluster': return at(resource, 'kubernetesDetails.kubernetesWorkloadDetails.name');
    case 'Lambda': return at(resource, 'lambdaDetails.functionName');
    case 'RDSDBInstance': return at(resource, 'rdsDbInstanceDetails.dbInstanceIdentifier');
    case 'S3Bucket':
    case 'S3Object': return at(resource, 's3BucketDetails.0.name');
    default: return undefined;
  }
}

/** The group a finding belongs to, as ordered members (the tie-break compares them in this order). */
function groupOf(groupBy: GroupBy, f: Finding): [string, unknown][] {
  switch (groupBy) {
    case 'ACCOUNT': return [['accountId', f.accountId]];
    case 'DATE': {
      const day = new Date(parseTimestamp(f.updatedAt)!);
      return [['date', Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) / 1000]];
    }
    case 'FINDING_TYPE': return [['findingType', f.type]];
    case 'RESOURCE': return [['resourceType', f.resource?.resourceType], ['resourceId', resourceId(f.resource)], ['accountId', f.accountId]];
    case 'SEVERITY': return [['severity', f.severity]];
  }
}

/** The expected list, computed from the findings themselves. */
function bruteForce(findings: readonly Finding[], groupBy: GroupBy, orderBy: 'ASC' | 'DESC', maxResults: number): Entry[] {
  const groups = new Map<string, { key: [string, unknown][]; findings: Finding[] }>();
  for (const f of findings) {
    const key = groupOf(groupBy, f);
    const id = JSON.stringify(key);
    if (!groups.has(id)) groups.set(id, { key, findings: [] });
    groups.get(id)!.findings.push(f);
  }
  const dir = orderBy === 'ASC' ? 1 : -1;
  const compareKeys = (a: [string, unknown][], b: [string, unknown][]) => {
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i][1], b[i][1]];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x as number | string) < (y as number | string) ? -1 : 1;
    }
    return 0;
  };
  const sorted = [...groups.values()].sort((a, b) =>
    groupBy === 'DATE'
      ? ((a.key[0][1] as number) - (b.key[0][1] as number)) * dir
      : (a.findings.length - b.findings.length) * dir || compareKeys(a.key, b.key),
  );
  return sorted.slice(0, maxResults).map(({ key, findings: members }) => {
    const entry: Entry = Object.fromEntries(key.filter(([, v]) => v !== undefined));
    entry.totalFindings = members.length;
    entry.lastGeneratedAt = Math.max(...members.map((f) => parseTimestamp(f.updatedAt)!)) / 1000;
    if (groupBy === 'DATE') entry.severity = Math.max(...members.map((f) => f.severity!));
    return entry;
  });
}

function statistics(detectorId: string, body: Record<string, unknown>): Entry[] {
  const response = callApi(emulator, 'POST', `/detector/${detectorId}/findings/statistics`, body);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  const stats = (response.json as { findingStatistics: Record<string, Entry[]> }).findingStatistics;
  return stats[LIST[body.groupBy as GroupBy]];
}

const GROUP_BYS: GroupBy[] = ['ACCOUNT', 'DATE', 'FINDING_TYPE', 'RESOURCE', 'SEVERITY'];
const CRITERIA: Record<string, Condition>[] = [{}, { severity: { gte: 5 }, 'service.archived': { eq: ['false'] } }];

describe('GetFindingsStatistics groupBy: counts agree with what paging ListFindings returns', () => {
  for (const criterion of CRITERIA) {
    const findings = listedFindings(DEMO_DETECTOR_ID, criterion);
    for (const groupBy of GROUP_BYS) {
      for (const orderBy of ['ASC', 'DESC'] as const) {
        it(`${groupBy} ${orderBy} on the demo detector, criteria ${JSON.stringify(criterion)}`, () => {
          const got = statistics(DEMO_DETECTOR_ID, { groupBy, orderBy, maxResults: 100, findingCriteria: { criterion } });
          expect(got).toEqual(bruteForce(findings, groupBy, orderBy, 100));
          expect(got.length).toBeGreaterThan(1);
        });
      }
    }
  }

  it('defaults to DESC and 25 entries', () => {
    const findings = listedFindings(DEMO_DETECTOR_ID, {});
    for (const groupBy of GROUP_BYS) {
      const got = statistics(DEMO_DETECTOR_ID, { groupBy });
      const all = bruteForce(findings, groupBy, 'DESC', Infinity);
      expect(got, groupBy).toEqual(all.slice(0, 25));
    }
    expect(bruteForce(findings, 'FINDING_TYPE', 'DESC', Infinity).length).toBeGreaterThan(25); // the cut is exercised
    expect(statistics(DEMO_DETECTOR_ID, { groupBy: 'FINDING_TYPE', maxResults: 3 })).toHaveLength(3);
  });

  describe('on the 10,000-finding detector', () => {
    const criterion = { 'service.archived': { eq: ['false'] } };
    let findings: Finding[];
    // Paging and fetching 10,000 findings once, for the three cases.
    beforeAll(() => {
      findings = listedFindings(SCALE_DETECTOR_ID, criterion);
    });

    it('lists most of them as current', () => {
      expect(findings.length).toBeGreaterThan(5_000);
    });

    it.each([['FINDING_TYPE', 'DESC'], ['RESOURCE', 'ASC'], ['DATE', 'DESC']] as const)('%s %s', (groupBy, orderBy) => {
      const got = statistics(SCALE_DETECTOR_ID, { groupBy, orderBy, maxResults: 100, findingCriteria: { criterion } });
      expect(got).toEqual(bruteForce(findings, groupBy, orderBy, 100));
    });
  });

  it('answers countBySeverity beside the groups when both are asked for', () => {
    const response = callApi(emulator, 'POST', `/detector/${DEMO_DETECTOR_ID}/findings/statistics`, {
      groupBy: 'SEVERITY',
      maxResults: 100,
      findingStatisticTypes: ['COUNT_BY_SEVERITY'],
    });
    const stats = (response.json as { findingStatistics: { countBySeverity: Record<string, number>; groupedBySeverity: Entry[] } }).findingStatistics;
    expect(stats.groupedBySeverity.length).toBeLessThan(100); // every severity is listed
    const fromGroups = Object.fromEntries(stats.groupedBySeverity.map((g) => [Number(g.severity), g.totalFindings]));
    expect(Object.fromEntries(Object.entries(stats.countBySeverity).map(([k, n]) => [Number(k), n]))).toEqual(fromGroups);
  });

  it('never drops a finding: unknown resource kinds, and findings without a resource, are their own groups', () => {
    const base = { accountId: '111122223333', updatedAt: '2026-11-20T10:00:00Z', severity: 5 };
    const findings = [
      { ...base, id: 'a', resource: { resourceType: 'SomethingNew', somethingNewDetails: { id: 'x' } } },
      { ...base, id: 'b', resource: { resourceType: 'SomethingNew' }, updatedAt: '2026-11-21T10:00:00.500Z' },
      { ...base, id: 'c' },
      { ...base, id: 'd', resource: { resourceType: 'S3Bucket', s3BucketDetails: [{ name: 'first' }, { name: 'second' }] } },
    ] as Finding[];
    const groups = findingStatistics(findings, { groupBy: 'RESOURCE' }).groupedByResource!;
    expect(groups).toEqual([
      { resourceType: 'SomethingNew', accountId: '111122223333', totalFindings: 2, lastGeneratedAt: Date.parse('2026-11-21T10:00:00.500Z') / 1000 },
      { resourceType: 'S3Bucket', resourceId: 'first', accountId: '111122223333', totalFindings: 1, lastGeneratedAt: Date.parse(base.updatedAt) / 1000 },
      { accountId: '111122223333', totalFindings: 1, lastGeneratedAt: Date.parse(base.updatedAt) / 1000 },
    ]);
  });
});
