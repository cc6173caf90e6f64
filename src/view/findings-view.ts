/**
 * The findings view's server state, in one place: from the URL's view state (scope, filters,
 * sort), the list query (ListFindings → GetFindings pages of 50, an infinite query) and the
 * statistics query (GetFindingsStatistics) of the current view. The table, the attack map, the
 * severity summary and the detail view's previous / next all read them through here, so the same
 * view is the same cache entries (keys from the factory in api/queries.ts only) and no request is
 * made twice. What components show is derived by React Query's `select`: the flattened list, the
 * last page's regions, the counts per band and the total of the view's severity range.
 */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { RegionResult } from '../api/client';
import { findingsQuery, queryKeys, statisticsQuery, type FindingsPage, type StatisticsAnswer } from '../api/queries';
import type { Scope } from '../api/scope';
import type { Finding, FindingCriteria, SortState } from '../guardduty';
import { countInBandRange, countsByBand, type SeverityBand } from '../lib/severity';
import type { Filters } from './filters';
import { refreshAnchor, useFindingCriteria, useViewState } from './url-state';

/** Pages flattened in ListFindings order; an id seen on an earlier page is not repeated. */
export function flattenPages(pages: readonly FindingsPage[] | undefined): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const page of pages ?? []) {
    for (const f of page.findings) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push(f);
    }
  }
  return out;
}

type ListData = InfiniteData<FindingsPage, string | undefined>;

/** The list as components read it (the `select` of the list query). */
export interface FindingsList {
  pages: readonly FindingsPage[];
  /** In ListFindings order, without repeats. */
  findings: Finding[];
  /** All regions: how each region answered the latest page that says so. */
  pageRegions?: RegionResult[];
  /** ListFindings has pages beyond those loaded. */
  hasMore: boolean;
}

/** Stable (module scope): React Query re-runs it only when the pages change. */
export function selectList(data: ListData): FindingsList {
  const pages = data.pages;
  return {
    pages,
    findings: flattenPages(pages),
    pageRegions: pages.findLast((p) => p.regions)?.regions,
    hasMore: pages.length > 0 && !!pages[pages.length - 1].nextToken,
  };
}

type SeverityRange = Filters['severity'];

/** The statistics as components read them (the `select` of the statistics query). */
export interface ViewStatistics {
  answer: StatisticsAnswer;
  /** Findings per band, every band (the statistics leave the severity filter out). */
  counts: Record<SeverityBand, number>;
  /** Findings of the view: those in its severity range (every band without one). */
  total: number;
  /** Findings of every band. */
  allBands: number;
  /** All regions: the regions that answered. */
  regions?: StatisticsAnswer['regions'];
  /** All regions: each region's own count in the view's severity range. */
  regionCounts: ReadonlyMap<string, number>;
}

export function selectStatistics(range: SeverityRange) {
  const inRange = (c: Record<SeverityBand, number>) => countInBandRange(c, range?.from ?? 'low', range?.to ?? 'critical');
  return (answer: StatisticsAnswer): ViewStatistics => {
    const counts = countsByBand(answer.findingStatistics?.countBySeverity);
    const regionCounts = new Map<string, number>();
    for (const r of answer.regions ?? []) {
      if (r.status === 'ok' && r.findingStatistics) regionCounts.set(r.region, inRange(countsByBand(r.findingStatistics.countBySeverity)));
    }
    return { answer, counts, total: inRange(counts), allBands: countInBandRange(counts, 'low', 'critical'), regions: answer.regions, regionCounts };
  };
}

/** No scope yet (a region's detector being looked up): the queries wait, disabled. */
const NO_SCOPE: Scope = { kind: 'detector', detectorId: '' };

/** The list query of a view: the factory's key, its pages flattened by `select`. */
export const viewListQuery = (scope: Scope | undefined, criteria: FindingCriteria, sort: SortState) =>
  infiniteQueryOptions({ ...findingsQuery(scope ?? NO_SCOPE, criteria, sort), select: selectList, enabled: !!scope });

/** The statistics query of a view (criteria without the severity filter), its totals derived by `select`. */
export const viewStatisticsQuery = (scope: Scope | undefined, criteria: FindingCriteria, range: SeverityRange) =>
  queryOptions({ ...statisticsQuery(scope ?? NO_SCOPE, criteria), select: selectStatistics(range), enabled: !!scope });

export interface FindingsView {
  scope: Scope | undefined;
  /** The list's criteria (every filter). */
  criteria: FindingCriteria;
  sort: SortState;
  /** The statistics' criteria: every filter but severity, so every band keeps its count while one is chosen. */
  statisticsCriteria: FindingCriteria;
  severity: SeverityRange;
  list: ReturnType<typeof viewListQuery>;
  statistics: ReturnType<typeof viewStatisticsQuery>;
  /** The list's cache entry (the key Map / Export all matching append to). */
  listQueryKey: ReturnType<typeof viewListQuery>['queryKey'];
}

/** The current view's queries, from the URL. Stable while the view does not change. */
export function useFindingsView(scope: Scope | undefined): FindingsView {
  const { state } = useViewState();
  const criteria = useFindingCriteria(state.filters);
  const statsFilters = useMemo(() => ({ ...state.filters, severity: undefined }), [state.filters]);
  const statisticsCriteria = useFindingCriteria(statsFilters);
  const { attribute, order } = state.sort;
  const from = state.filters.severity?.from;
  const to = state.filters.severity?.to;
  return useMemo(() => {
    const sort: SortState = { attribute, order };
    const severity = from && to ? { from, to } : undefined;
    const list = viewListQuery(scope, criteria, sort);
    return { scope, criteria, sort, statisticsCriteria, severity, list, statistics: viewStatisticsQuery(scope, statisticsCriteria, severity), listQueryKey: list.queryKey };
  }, [scope, criteria, statisticsCriteria, attribute, order, from, to]);
}

const NO_FINDINGS: Finding[] = [];

/**
 * The current view's list: the query, its findings, and `loadMore` (the next page unless one is on
 * its way, the list has ended or the last page failed). `refetchOnMount: false` for readers that
 * never start the list themselves (the map: a long list loaded by "Map all matching" is not
 * refetched because the map opened).
 */
export function useFindingsList(scope: Scope | undefined, options: { refetchOnMount?: false } = {}) {
  const view = useFindingsView(scope);
  const query = useInfiniteQuery({ ...view.list, ...options });
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  return { view, query, findings: query.data?.findings ?? NO_FINDINGS, loadMore };
}

/** The current view's statistics (counts per band, the view's total). */
export function useViewStatistics(scope: Scope | undefined) {
  return useQuery(useFindingsView(scope).statistics);
}

/**
 * Refresh: re-anchor relative time windows, keep only the first page (so a refresh costs two
 * requests, not two per loaded page) and refetch it with the statistics.
 */
export function useRefreshView(view: FindingsView) {
  const client = useQueryClient();
  const { scope, listQueryKey } = view;
  return useCallback(() => {
    refreshAnchor();
    if (!scope) return;
    client.setQueryData<ListData>(listQueryKey, (data) => (data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data));
    void client.invalidateQueries({ queryKey: queryKeys.findingsRoot(scope) });
  }, [client, scope, listQueryKey]);
}
