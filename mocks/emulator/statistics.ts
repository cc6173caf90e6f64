/**
 * GetFindingsStatistics over the findings a query selects (the same list ListFindings pages
 * through, so the counts agree with it exactly).
 *
 * - `findingStatisticTypes: ['COUNT_BY_SEVERITY']` (deprecated in the model, still answered):
 *   `countBySeverity`, keyed by severity with at least one decimal ("8.0"), highest first. Also
 *   answered when the request has no `groupBy` (what the emulator always did; AWS requires one
 *   of the two). With both, both are answered.
 * - `groupBy` → one `groupedBy*` list. Every entry has `totalFindings` and `lastGeneratedAt` (the
 *   newest `updatedAt` of its findings, epoch seconds), and its group's members:
 *   - ACCOUNT: `accountId`.
 *   - DATE: `date`, the UTC day of the findings' `updatedAt` (epoch seconds of 00:00Z), and
 *     `severity`, the highest among that day's findings.
 *   - FINDING_TYPE: `findingType`.
 *   - RESOURCE: `resourceType`, `accountId` and `resourceId` as the model documents it per
 *     resource type (instance id, access key id, cluster / function / DB instance name, …;
 *     S3Bucket and S3Object: the first bucket's name, so a finding counts once). Other resource
 *     types are grouped by type and account without `resourceId`.
 *   - SEVERITY: `severity`, one entry per distinct value.
 *   A finding lacking a group's attribute is never dropped: its entry just omits that member.
 * - Order: by `totalFindings`, `orderBy` DESC (default) or ASC, ties by the group's members
 *   ascending; DATE is ordered by `date` instead (DESC: newest day first). `maxResults` (default
 *   25, at most 100) keeps the first entries in that order.
 */
import { parseTimestamp, resourceTypeOf, valuesAtPath, type Finding, type FindingStatistics, type GetFindingsStatisticsRequest } from '../../src/guardduty';

/** GuardDuty's keys are severities with at least one decimal: "8.0", "3.9". */
const severityKey = (severity: number) => (Number.isInteger(severity) ? severity.toFixed(1) : String(severity));

/** COUNT_BY_SEVERITY over already filtered findings, highest severity first. */
export function countBySeverity(findings: readonly Finding[]): Record<string, number> {
  const counts = new Map<number, number>();
  for (const { severity } of findings) {
    if (typeof severity === 'number') counts.set(severity, (counts.get(severity) ?? 0) + 1);
  }
  const ordered = [...counts].sort(([a], [b]) => b - a);
  return Object.fromEntries(ordered.map(([s, n]) => [severityKey(s), n]));
}

export type GroupBy = NonNullable<GetFindingsStatisticsRequest['groupBy']>;
type Members = Record<string, string | number | undefined>;

const DAY_MS = 86_400_000;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Where the model's resourceId is, per resource type (ResourceStatistics.resourceId's documentation). */
const RESOURCE_ID_PATHS: Record<string, string> = {
  AccessKey: 'accessKeyDetails.accessKeyId',
  Container: 'containerDetails.id',
  ECSCluster: 'ecsClusterDetails.name',
  EKSCluster: 'eksClusterDetails.name',
  Instance: 'instanceDetails.instanceId',
  KubernetesCluster: 'kubernetesDetails.kubernetesWorkloadDetails.name',
  Lambda: 'lambdaDetails.functionName',
  RDSDBInstance: 'rdsDbInstanceDetails.dbInstanceIdentifier',
  // s3BucketDetails is a list: the first bucket's name (valuesAtPath yields the names in order).
  S3Bucket: 's3BucketDetails.name',
  S3Object: 's3BucketDetails.name',
};

/** A finding's group members (the `date` member is the day in ms here, turned into seconds on output). */
const GROUP_MEMBERS: Record<GroupBy, (f: Finding) => Members> = {
  ACCOUNT: (f) => ({ accountId: str(f.accountId) }),
  DATE: (f) => {
    const t = parseTimestamp(f.updatedAt);
    return { date: t === undefined ? undefined : Math.floor(t / DAY_MS) * DAY_MS };
  },
  FINDING_TYPE: (f) => ({ findingType: str(f.type) }),
  RESOURCE: (f) => {
    const resourceType = str(resourceTypeOf(f));
    const path = resourceType && Object.hasOwn(RESOURCE_ID_PATHS, resourceType) ? RESOURCE_ID_PATHS[resourceType] : undefined;
    return { resourceType, resourceId: path ? str(valuesAtPath(f.resource, path)[0]) : undefined, accountId: str(f.accountId) };
  },
  SEVERITY: (f) => ({ severity: typeof f.severity === 'number' ? f.severity : undefined }),
};

const LIST_NAME = {
  ACCOUNT: 'groupedByAccount',
  DATE: 'groupedByDate',
  FINDING_TYPE: 'groupedByFindingType',
  RESOURCE: 'groupedByResource',
  SEVERITY: 'groupedBySeverity',
} as const satisfies Record<GroupBy, keyof FindingStatistics>;

/** Tie-break: members in order, numbers as numbers, missing members last. */
function compareMembers(a: Members, b: Members): number {
  for (const key of Object.keys(a)) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

interface Group {
  members: Members;
  totalFindings: number;
  lastGeneratedAt: number | undefined;
  severity: number | undefined;
}

function groupFindings(findings: readonly Finding[], groupBy: GroupBy): Group[] {
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const members = GROUP_MEMBERS[groupBy](finding);
    const key = JSON.stringify(Object.values(members));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { members, totalFindings: 0, lastGeneratedAt: undefined, severity: undefined }));
    group.totalFindings++;
    const updated = parseTimestamp(finding.updatedAt);
    if (updated !== undefined) group.lastGeneratedAt = Math.max(group.lastGeneratedAt ?? -Infinity, updated);
    if (typeof finding.severity === 'number') group.severity = Math.max(group.severity ?? -Infinity, finding.severity);
  }
  return [...groups.values()];
}

function groupedStatistics(findings: readonly Finding[], groupBy: GroupBy, orderBy: 'ASC' | 'DESC', maxResults: number) {
  const dir = orderBy === 'ASC' ? 1 : -1;
  const primary = groupBy === 'DATE' ? (g: Group) => g.members.date as number | undefined : (g: Group) => g.totalFindings;
  const groups = groupFindings(findings, groupBy).sort((a, b) => {
    const x = primary(a);
    const y = primary(b);
    if (x !== y) {
      if (x === undefined || y === undefined) return x === undefined ? 1 : -1; // a day-less group last
      return (x - y) * dir;
    }
    return compareMembers(a.members, b.members);
  });
  return groups.slice(0, maxResults).map((g) => {
    const entry: Record<string, number | string | undefined> = { ...g.members };
    if (groupBy === 'DATE') {
      entry.date = g.members.date === undefined ? undefined : (g.members.date as number) / 1000;
      entry.severity = g.severity;
    }
    entry.totalFindings = g.totalFindings;
    entry.lastGeneratedAt = g.lastGeneratedAt === undefined ? undefined : g.lastGeneratedAt / 1000;
    // Omit missing members rather than send null.
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  });
}

const DEFAULT_GROUPS = 25;

/** The statistics a request asks for, over the findings its criteria select. */
export function findingStatistics(findings: readonly Finding[], request: GetFindingsStatisticsRequest): FindingStatistics {
  const statistics: FindingStatistics = {};
  if (request.findingStatisticTypes?.includes('COUNT_BY_SEVERITY') || !request.groupBy) statistics.countBySeverity = countBySeverity(findings);
  if (request.groupBy) {
    statistics[LIST_NAME[request.groupBy]] = groupedStatistics(findings, request.groupBy, request.orderBy ?? 'DESC', request.maxResults ?? DEFAULT_GROUPS);
  }
  return statistics;
}
