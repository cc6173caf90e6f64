/**
 * The findings list of the current view: ListFindings → GetFindings pages of 50 through
 * useInfiniteQuery (key: queryKeys.findings(scope, criteria, sort), shared with the detail
 * view's previous/next), and the total from GetFindingsStatistics. In all-regions mode both come
 * from the server's merged endpoints, with how each region answered.
 */
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { findingsQuery, queryKeys, statisticsQuery, type FindingsPage } from '../../api/queries';
import type { Scope } from '../../api/scope';
import { refreshAnchor, useFindingCriteria, type ViewState } from '../../view/url-state';
import type { Finding } from '../../guardduty';
import { countInBandRange, countsByBand } from '../../lib/severity';

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

export function useFindingsList(scope: Scope, state: ViewState) {
  const client = useQueryClient();
  const criteria = useFindingCriteria(state.filters);
  // The summary bar counts every band, so its statistics leave the severity filter out; the total
  // of the severity range comes from the same answer (one request serves both).
  const statsFilters = useMemo(() => ({ ...state.filters, severity: undefined }), [state.filters]);
  const statsCriteria = useFindingCriteria(statsFilters);
  const options = findingsQuery(scope, criteria, state.sort);
  const query = useInfiniteQuery(options);
  const stats = useQuery(statisticsQuery(scope, statsCriteria));

  const findings = useMemo(() => flattenPages(query.data?.pages), [query.data]);
  const counts = useMemo(
    () => (stats.data ? countsByBand(stats.data.findingStatistics?.countBySeverity) : undefined),
    [stats.data],
  );
  const sev = state.filters.severity;
  const inRange = useCallback(
    (c: ReturnType<typeof countsByBand>) => (sev ? countInBandRange(c, sev.from, sev.to) : countInBandRange(c, 'low', 'critical')),
    [sev],
  );
  const total = counts ? inRange(counts) : undefined;

  // All regions: how each region answered the latest page, and each region's own count in the view's severity range.
  const pageRegions = useMemo(() => query.data?.pages.findLast((p) => p.regions)?.regions, [query.data]);
  const regionCounts = useMemo(() => {
    const byRegion = new Map<string, number>();
    for (const r of stats.data?.regions ?? []) {
      if (r.status === 'ok' && r.findingStatistics) byRegion.set(r.region, inRange(countsByBand(r.findingStatistics.countBySeverity)));
    }
    return byRegion;
  }, [stats.data, inRange]);

  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  /** Loads the next page unless one is on its way, the list has ended or the last page failed. */
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage({ cancelRefetch: false });
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const queryKey = options.queryKey;
  /**
   * Refresh: re-anchor relative time windows, keep only the first page (so a refresh costs two
   * requests, not two per loaded page) and refetch it with the statistics.
   */
  const refresh = useCallback(() => {
    refreshAnchor();
    client.setQueryData<InfiniteData<FindingsPage, string | undefined>>(queryKey, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void client.invalidateQueries({ queryKey: queryKeys.findingsRoot(scope) });
  }, [client, scope, queryKey]);

  return { query, stats, criteria, queryKey, findings, counts, total, loadMore, refresh, pageRegions, regionCounts };
}
