/**
 * Value suggestions for the filter being typed. Where GetFindingsStatistics has a grouping whose
 * keys are the field's values (finding type → FINDING_TYPE, account → ACCOUNT, resource ids →
 * RESOURCE), they come from it: every finding matching the other filters counts, most frequent
 * first, not only the page loaded. Other fields fall back to loaded and known values
 * (suggestions.ts). One request per field chosen, cached like the table's counts.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { groupedStatisticsQuery } from '../../api/queries';
import type { Scope } from '../../api/scope';
import { FILTER_MODES, LIST_FILTERS, modeKey, type Filters } from '../../view/filters';
import { useFindingCriteria } from '../../view/url-state';
import type { Finding } from '../../guardduty';
import { suggestionsFor } from './suggestions';

/** The resource type whose RESOURCE group ids are a filter's values. */
const RESOURCE_TYPE_OF: Record<string, string[]> = {
  instance: ['Instance'],
  accessKey: ['AccessKey'],
  bucket: ['S3Bucket', 'S3Object'],
  eksCluster: ['EKSCluster'],
  ecsCluster: ['ECSCluster'],
  lambda: ['Lambda'],
  rdsInstance: ['RDSDBInstance'],
  container: ['Container'],
  workload: ['KubernetesCluster'],
};

/** The filters without any value of one field (its suggestions should not be narrowed by itself). */
function withoutField(filters: Filters, param: string): Filters {
  const lists = { ...filters.lists };
  for (const mode of FILTER_MODES) delete lists[modeKey(param, mode)];
  return { ...filters, lists };
}

export function useSuggestions(scope: Scope | undefined, param: string, filters: Filters, findings: readonly Finding[]) {
  const field = LIST_FILTERS.find((f) => f.param === param);
  const groupBy = field?.groupBy;
  const others = useMemo(() => withoutField(filters, param), [filters, param]);
  const criteria = useFindingCriteria(others);
  const grouped = useQuery({
    ...groupedStatisticsQuery(scope ?? { kind: 'all' }, { groupBy: groupBy ?? 'FINDING_TYPE', findingCriteria: criteria, orderBy: 'DESC', maxResults: 100 }),
    enabled: !!scope && !!groupBy,
    retry: false,
  });
  const fallback = useMemo(() => suggestionsFor(param, findings), [param, findings]);
  return useMemo(() => {
    const stats = grouped.data?.findingStatistics;
    if (!groupBy || !stats) return { values: fallback, fromStatistics: false };
    const fromStats =
      groupBy === 'FINDING_TYPE'
        ? (stats.groupedByFindingType ?? []).map((g) => g.findingType)
        : groupBy === 'ACCOUNT'
          ? (stats.groupedByAccount ?? []).map((g) => g.accountId)
          : (stats.groupedByResource ?? []).filter((g) => RESOURCE_TYPE_OF[param]?.includes(g.resourceType ?? '')).map((g) => g.resourceId);
    const values = [...new Set([...fromStats.filter((v): v is string => !!v), ...fallback])].slice(0, 200);
    return { values, fromStatistics: true };
  }, [grouped.data, groupBy, fallback, param]);
}
