/**
 * GetFindingsStatistics answers of several detectors (one per region) summed into one answer, as
 * GuardDuty would give it over all their findings: `countBySeverity` summed per key; grouped lists
 * merged by their group's members (accountId / date / findingType / resourceType + resourceId +
 * accountId / severity) with `totalFindings` summed, `lastGeneratedAt` the newest and DATE's
 * `severity` the highest; then ordered and cut as GuardDuty orders them (the emulator's reading of
 * the model, README): by `totalFindings` (DATE: by `date`), `orderBy` DESC by default, ties by the
 * members ascending, the first `maxResults` (default 25) kept.
 */
import type { FindingStatistics, GroupStatistics } from './operations';
import type { GetFindingsStatisticsRequest, GroupBy } from './requests';

export const STATISTICS_LISTS = {
  ACCOUNT: { list: 'groupedByAccount', members: ['accountId'] },
  DATE: { list: 'groupedByDate', members: ['date'] },
  FINDING_TYPE: { list: 'groupedByFindingType', members: ['findingType'] },
  RESOURCE: { list: 'groupedByResource', members: ['resourceType', 'resourceId', 'accountId'] },
  SEVERITY: { list: 'groupedBySeverity', members: ['severity'] },
} as const satisfies Record<GroupBy, { list: keyof FindingStatistics; members: readonly string[] }>;

/** The most groups one GetFindingsStatistics answer holds (the model's maxResults bound). */
export const MAX_STATISTICS_GROUPS = 100;
const DEFAULT_GROUPS = 25;

type Entry = GroupStatistics & Record<string, unknown>;
type Member = string | number | undefined;

const memberOf = (entry: Entry, name: string): Member => {
  const v = entry[name];
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
};

/** Members in order, missing ones last (the emulator's tie-break). */
function compareMembers(a: Entry, b: Entry, members: readonly string[]): number {
  for (const name of members) {
    const x = memberOf(a, name);
    const y = memberOf(b, name);
    if (x === y) continue;
    if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** A grouped list in GuardDuty's order, cut to `maxResults`. */
export function orderGroups<T extends GroupStatistics>(entries: readonly T[], groupBy: GroupBy, orderBy: 'ASC' | 'DESC' = 'DESC', maxResults = DEFAULT_GROUPS): T[] {
  const { members } = STATISTICS_LISTS[groupBy];
  const dir = orderBy === 'ASC' ? 1 : -1;
  const primary = (e: Entry) => (groupBy === 'DATE' ? (typeof e.date === 'number' ? e.date : undefined) : (e.totalFindings ?? 0));
  return [...entries]
    .sort((a, b) => {
      const x = primary(a as Entry);
      const y = primary(b as Entry);
      if (x !== y) {
        if (x === undefined || y === undefined) return x === undefined ? 1 : -1;
        return (x - y) * dir;
      }
      return compareMembers(a as Entry, b as Entry, members);
    })
    .slice(0, maxResults);
}

function sumGroups(lists: readonly (readonly GroupStatistics[])[], groupBy: GroupBy): GroupStatistics[] {
  const { members } = STATISTICS_LISTS[groupBy];
  const groups = new Map<string, Entry>();
  for (const list of lists) {
    for (const raw of list) {
      const entry = raw as Entry;
      const key = JSON.stringify(members.map((m) => memberOf(entry, m) ?? null));
      const sum = groups.get(key);
      if (!sum) {
        groups.set(key, { ...entry });
        continue;
      }
      sum.totalFindings = (sum.totalFindings ?? 0) + (entry.totalFindings ?? 0);
      if (typeof entry.lastGeneratedAt === 'number') sum.lastGeneratedAt = Math.max(sum.lastGeneratedAt ?? -Infinity, entry.lastGeneratedAt);
      if (groupBy === 'DATE' && typeof entry.severity === 'number') sum.severity = Math.max((sum.severity as number | undefined) ?? -Infinity, entry.severity);
    }
  }
  return [...groups.values()];
}

/** countBySeverity summed per key, highest severity first (as GuardDuty and the emulator order it). */
function sumCounts(counts: readonly Record<string, number>[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const c of counts) for (const [key, n] of Object.entries(c)) sums.set(key, (sums.get(key) ?? 0) + n);
  return Object.fromEntries([...sums].sort(([a], [b]) => Number(b) - Number(a)));
}

/** One answer over all the given ones, for the request they answered. */
export function sumFindingStatistics(answers: readonly FindingStatistics[], request: GetFindingsStatisticsRequest): FindingStatistics {
  const out: FindingStatistics = {};
  const counts = answers.flatMap((a) => (a.countBySeverity ? [a.countBySeverity] : []));
  if (counts.length > 0 || request.findingStatisticTypes?.includes('COUNT_BY_SEVERITY')) out.countBySeverity = sumCounts(counts);
  if (request.groupBy) {
    const { list } = STATISTICS_LISTS[request.groupBy];
    const lists = answers.map((a) => (a[list] ?? []) as GroupStatistics[]);
    (out as Record<string, unknown>)[list] = orderGroups(sumGroups(lists, request.groupBy), request.groupBy, request.orderBy, request.maxResults);
  }
  return out;
}

/** A region's own answer to the request, from its answer at MAX_STATISTICS_GROUPS: the same groups, cut to the request's maxResults. */
export function cutStatistics(answer: FindingStatistics, request: GetFindingsStatisticsRequest): FindingStatistics {
  if (!request.groupBy) return answer;
  const { list } = STATISTICS_LISTS[request.groupBy];
  const entries = answer[list] as GroupStatistics[] | undefined;
  if (!entries) return answer;
  return { ...answer, [list]: orderGroups(entries, request.groupBy, request.orderBy, request.maxResults) };
}
